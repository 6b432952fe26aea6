"""Spread independent work over the cores (worker processes, forked where possible)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

PARALLEL_FROM = 150  # below this, starting worker processes costs more than it saves
MAX_WORKERS = 4

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(work: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[work(item) for item in items]``, in worker processes when there are enough items."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(items) < PARALLEL_FROM or workers < 2:
        return [work(item) for item in items]
    # Fork keeps start-up cheap: the workers share the parent's memory until they write to it.
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(work, items, chunksize=max(1, len(items) // (workers * 4))))
