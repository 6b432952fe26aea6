"""One at a time in one project: locks in ``.sop-builder/<name>.lock`` (ignored by Git).

A lock is ``fcntl.flock`` on that file: the operating system releases it when the process ends,
also after ``kill -9``, so a lock is never left behind. Holding it::

    with project_lock(root, BUILD_LOCK, waiting=echo, note_holder=True):
        ...  # the second build waits here, after ``waiting`` said why

``wait=False`` raises `Busy` instead of waiting (`bekijk` refuses a second `bekijk`). On a
project where ``.sop-builder/`` cannot be made (a read-only checkout) the lock is taken on the
project's folder itself, which needs no writing. Without ``fcntl`` (Windows) there is no lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

if sys.platform != "win32":
    import fcntl

LOCK_DIR = ".sop-builder"
BUILD_LOCK = "bouwen"  # a build, or a rebuild of `bekijk`, at a time
SERVE_LOCK = "bekijk"  # one `bekijk` per project: it owns .sop-builder/serve/
WRITE_LOCK = "schrijven"  # one transaction (core/transaction.py) at a time
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


class Busy(Exception):
    """The lock is held by another process (``holder`` says which, in Dutch)."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def lock_path(root: Path, name: str) -> Path:
    return Path(root) / LOCK_DIR / f"{name}.lock"


def holder(root: Path, name: str) -> str:
    """Who holds the lock, as far as its file says: 'proces 1234', or 'een ander proces'."""
    try:
        pid = lock_path(root, name).read_text(encoding="utf-8").split()[0]
    except (OSError, IndexError, UnicodeDecodeError):
        return "een ander proces"
    return f"proces {pid}" if pid.isdigit() else "een ander proces"


def _open(root: Path, name: str) -> int:
    """A file descriptor to lock: the lock file, or the project's folder when it is read-only."""
    path = lock_path(root, name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # a new project's folder too
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if exc.errno not in _READ_ONLY or not Path(root).is_dir():
            raise
        return os.open(root, os.O_RDONLY)


@contextlib.contextmanager
def project_lock(
    root: Path,
    name: str,
    *,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
    note_holder: bool = False,
) -> Iterator[None]:
    """Hold the lock ``name`` of the project at ``root`` (see the module's docstring).

    ``waiting(holder)`` is called once when another process holds it and this one waits;
    ``note_holder`` writes this process's id into the lock file, for that message. Raises
    `Busy` (``wait=False``) or OSError when the lock cannot be made at all.
    """
    if sys.platform == "win32":  # pragma: no cover - no flock on Windows
        yield
        return
    fd = _open(root, name)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            who = holder(root, name)
            if not wait:
                raise Busy(who) from None
            if waiting is not None:
                waiting(who)
            fcntl.flock(fd, fcntl.LOCK_EX)
        if note_holder:
            with contextlib.suppress(OSError):  # only for the message of the next one
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock
