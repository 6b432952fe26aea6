"""The cyclic garbage collector paused while a block makes many objects that live on."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for a block that makes many long-lived objects at once
    (unpickling the kept results of thousands of schools). Left running, it scans the growing
    heap again and again, none of which it can free: about 40 % of `check` of 7,000 schools
    with every result kept (issue 25). Reference counting still frees what the block drops."""
    if not gc.isenabled():  # paused by a caller already
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
