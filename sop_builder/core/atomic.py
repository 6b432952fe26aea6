"""Write a file through a temporary file beside it, so it is never half written; place a copy
of a file that nothing will write into as a hard link where the disk allows."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

# The permissions a new file gets, as open() would give it (mkstemp makes files private).
_UMASK = os.umask(0o022)
os.umask(_UMASK)
NEW_FILE_MODE = 0o666 & ~_UMASK
NEW_DIR_MODE = 0o777 & ~_UMASK  # as mkdir gives it (0755); mkdtemp makes folders private


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` (its folder is made when missing); an existing file keeps
    its permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` in UTF-8 with LF line ends."""
    write_bytes_atomic(path, text.encode("utf-8"))


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` as the same file as ``source`` (a hard link), or a copy of it on another disk
    or a file system without hard links; a file at ``target`` is replaced. Only for files that
    no one writes into afterwards: a write through one name changes both."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
