"""Fault injection for the tests of commands that write (tests/test_faults.py).

`Faults` replaces, while it is active, the functions through which Python changes files
(``os.open`` and ``open`` for writing, the first write to each file, ``fsync``, ``chmod``,
``rename``/``replace``, ``link``, ``mkdir``, ``unlink``/``remove``, ``rmdir``, ``truncate``)
by versions that count every such operation on a path inside one project folder, and at
operation number ``at`` raise an ``OSError`` (ENOSPC, EROFS, ...) or kill the process with
SIGKILL. Operations outside the project (pytest, caches) are neither counted nor touched.
With ``persistent`` every operation from ``at`` on fails, as on a disk that became full or
read-only halfway. With ``simulate`` a kill is `Killed` (not an Exception: no handler of
the code catches it), and every later operation raises it too, before it reaches the disk:
what the disk holds is what a SIGKILL at that moment would have left.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import io
import os
import signal
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
ERRORS = {"ENOSPC": errno.ENOSPC, "EROFS": errno.EROFS, "EACCES": errno.EACCES, "EIO": errno.EIO}
SKIPPED = (".git", ".sop-builder")  # not part of the project's content
FD_OPERATIONS = {"fsync": "fsync", "fchmod": "chmod", "ftruncate": "truncate"}
PATH_OPERATIONS = {  # the function of os -> the kind of operation it counts as
    **{name: name for name in ("chmod", "rename", "link", "mkdir", "unlink", "rmdir")},
    **{"replace": "rename", "symlink": "link", "remove": "unlink", "truncate": "truncate"},
}


def tree(root: Path) -> dict[str, str]:
    """The project as it is: every folder and file (name, permissions, sha256 of its bytes),
    outside .git/ and .sop-builder/."""
    found: dict[str, str] = {}
    top = os.fspath(root)
    for folder, folders, files in os.walk(top):
        rel = os.path.relpath(folder, top)
        if rel == ".":
            folders[:] = [f for f in folders if f not in SKIPPED]
            rel = ""
        else:
            found[rel + "/"] = "folder"
            rel += "/"
        for name in files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            with open(path, "rb") as handle:  # reading: never counted
                digest = hashlib.sha256(handle.read()).hexdigest()
            found[rel + name] = f"{stat.S_IMODE(info.st_mode):o} {digest}"
    return found


class Killed(BaseException):
    """A simulated SIGKILL: nothing after it reaches the disk."""


def difference(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """The paths where two trees differ (for assertion messages)."""
    return sorted(p for p in set(a) | set(b) if a.get(p) != b.get(p))


class _Writer:
    """A file object opened for writing whose first write is an operation."""

    def __init__(self, inner: Any, faults: Faults, path: str) -> None:
        self._inner, self._faults, self._path, self._written = inner, faults, path, False

    def write(self, data: Any) -> Any:
        if not self._written:
            self._written = True
            self._faults.point("write", self._path)
        return self._inner.write(data)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __enter__(self) -> _Writer:
        self._inner.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._inner.__exit__(*exc)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class Faults:
    """Count (and fail, or kill at) the file operations inside ``root`` while active."""

    def __init__(
        self,
        root: Path,
        at: int | None = None,
        error: int = errno.ENOSPC,
        kill: bool = False,
        persistent: bool = False,
        simulate: bool = False,
    ) -> None:
        self.root = os.path.realpath(root)
        self.at, self.error, self.kill, self.persistent = at, error, kill, persistent
        self.simulate = simulate
        self.ops: list[str] = []  # "kind path" of every operation counted
        self.failed: list[str] = []  # the operations that were made to fail
        self._writable: dict[int, str] = {}  # fd -> path, until its first write
        self._saved: dict[tuple[Any, str], Any] = {}
        self.paused = False  # True: every operation passes, uncounted (the test's own work)
        # Called once, at the first operation (before it counts), unless None: see `sweep`.
        self.checkpoint: Callable[[Faults], None] | None = None

    # --- which operations count ---------------------------------------------------------------

    def _inside(self, path: Any, dir_fd: int | None = None) -> str | None:
        """The project-relative path of ``path`` when it lies inside the project."""
        if isinstance(path, int):
            try:
                full = os.readlink(f"/proc/self/fd/{path}")
            except OSError:
                return None
        else:
            name = os.fsdecode(os.fspath(path))
            if dir_fd is not None and not os.path.isabs(name):
                try:
                    base = os.readlink(f"/proc/self/fd/{dir_fd}")
                except OSError:
                    return None
                name = os.path.join(base, name)
            full = os.path.abspath(name)
        if full == self.root or full.startswith(self.root + os.sep):
            return os.path.relpath(full, self.root)
        return None

    def point(self, kind: str, rel: str) -> None:
        """One operation on ``rel``: counted, and failed (or killed) when its turn has come."""
        if self.paused:
            return
        if self.checkpoint is not None:
            checkpoint, self.checkpoint = self.checkpoint, None
            self.paused = True
            try:
                checkpoint(self)
            finally:
                self.paused = False
        number = len(self.ops)
        self.ops.append(f"{kind} {rel}")
        if self.at is None or number < self.at or (number > self.at and not self.persistent):
            return
        if self.kill and self.simulate:
            self.persistent = True  # a dead process does nothing more
            raise Killed(f"{kind} {rel}")
        if self.kill:
            os.kill(os.getpid(), signal.SIGKILL)
        self.failed.append(f"{kind} {rel}")
        raise OSError(self.error, os.strerror(self.error), os.path.join(self.root, rel))

    # --- the replacements -----------------------------------------------------------------------

    def _wrap_path_op(self, kind: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def op(path: Any, *args: Any, **kwargs: Any) -> Any:
            rel = self._inside(path, kwargs.get("dir_fd") or kwargs.get("src_dir_fd"))
            if rel is None and args and isinstance(args[0], (str, bytes, os.PathLike)):
                rel = self._inside(args[0], kwargs.get("dst_dir_fd"))  # rename/link: either end
            if rel is not None:
                self.point(kind, rel)
            return real(path, *args, **kwargs)

        return op

    def _wrap_fd_op(self, kind: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def op(fd: int, *args: Any, **kwargs: Any) -> Any:
            rel = self._inside(fd)
            if rel is not None:
                self.point(kind, rel)
            return real(fd, *args, **kwargs)

        return op

    def _os_open(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def op(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            rel = self._inside(path, kwargs.get("dir_fd"))
            if rel is None or not flags & WRITE_FLAGS:
                return real(path, flags, *args, **kwargs)
            self.point("open", rel)
            fd = real(path, flags, *args, **kwargs)
            self._writable[fd] = rel
            return fd

        return op

    def _os_write(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def op(fd: int, data: Any) -> int:
            rel = self._writable.pop(fd, None)
            if rel is not None:
                self.point("write", rel)
            return real(fd, data)

        return op

    def _os_close(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def op(fd: int) -> None:
            self._writable.pop(fd, None)
            real(fd)

        return op

    def _open(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def op(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            writing = any(c in mode for c in "wax+")
            if not writing:
                return real(file, mode, *args, **kwargs)
            if isinstance(file, int):  # os.fdopen: the os.open before it counted already
                rel = self._writable.pop(file, None)
                handle = real(file, mode, *args, **kwargs)
                return _Writer(handle, self, rel) if rel is not None else handle
            rel = self._inside(file)
            if rel is None:
                return real(file, mode, *args, **kwargs)
            self.point("open", rel)
            return _Writer(real(file, mode, *args, **kwargs), self, rel)

        return op

    @contextmanager
    def active(self) -> Iterator[Faults]:
        replacements: dict[tuple[Any, str], Callable[..., Any]] = {
            (os, "open"): self._os_open(os.open),
            (os, "write"): self._os_write(os.write),
            (os, "close"): self._os_close(os.close),
            (builtins, "open"): self._open(builtins.open),
            (io, "open"): self._open(io.open),
        }
        for name, kind in FD_OPERATIONS.items():
            replacements[(os, name)] = self._wrap_fd_op(kind, getattr(os, name))
        for name, kind in PATH_OPERATIONS.items():
            replacements[(os, name)] = self._wrap_path_op(kind, getattr(os, name))
        for (module, name), replacement in replacements.items():
            self._saved[(module, name)] = getattr(module, name)
            setattr(module, name, replacement)
        try:
            yield self
        finally:
            for (module, name), original in self._saved.items():
                setattr(module, name, original)
            self._saved.clear()
