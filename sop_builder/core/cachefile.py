"""Work kept between runs in a project's ``.sop-builder/cache/`` (a folder Git ignores).

A cache file holds one pickled value, signed with a key that belongs to this computer's user
(kept in the user's cache folder, beside the web editor's files): a file that is missing, cut
short, corrupt, written elsewhere or by someone else is ignored, never an error, and never
unpickled. A project folder that cannot be written (read-only) simply has no cache. Writes are
atomic (`core/atomic.py`), so a reader sees the old file or the new one, never half of one.

What a value depends on is the caller's business (`project/cache.py`, `site/qrcode.py`): it
keys its entries by the content they were made from and by `tool_key`, the version of this
program and of everything it runs on.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import importlib.metadata
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from sop_builder.core.atomic import write_bytes_atomic

CACHE_DIR = Path(".sop-builder") / "cache"  # under the project's root
MAGIC = b"sopcache1\n"
TAG_SIZE = 32
KEY_FILE = "cache-sleutel"
# What a kept result also depends on besides our own code.
LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "Markdown", "nh3", "zxing-cpp")


def user_cache_dir() -> Path:
    """This user's cache folder of sop-builder: $SOP_BUILDER_CACHE, else ~/.cache/sop-builder."""
    base = os.environ.get("SOP_BUILDER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "sop-builder"
    )
    return Path(base)


def _read_secret(file: Path) -> bytes | None:
    try:
        secret = file.read_bytes()
    except OSError:
        return None
    return secret if len(secret) == 32 else None


@functools.cache
def _secret() -> bytes | None:
    """The signing key of this user (made once, readable by this user only); None when it
    can be neither read nor made: then nothing is cached."""
    file = user_cache_dir() / KEY_FILE
    secret = _read_secret(file)
    if secret is not None:
        return secret
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(file)  # another process made it just now
    except OSError:
        return None
    with os.fdopen(handle, "wb") as out:
        out.write(os.urandom(32))
    return _read_secret(file)


def _tag(secret: bytes, payload: bytes | memoryview) -> bytes:
    return hashlib.blake2b(payload, key=secret, digest_size=TAG_SIZE).digest()


def read_cache(path: Path) -> Any | None:
    """The value kept in ``path``, or None when there is none that this user's key signed or
    it cannot be read back."""
    secret = _secret()
    if secret is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + TAG_SIZE
    if not data.startswith(MAGIC) or len(data) < head:
        return None
    payload = memoryview(data)[head:]
    if not hmac.compare_digest(data[len(MAGIC) : head], _tag(secret, payload)):
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a value signed by us that no longer loads: ignored, rewritten
        return None


def write_cache(path: Path, value: Any) -> bool:
    """Keep ``value`` in ``path`` (atomically); False when that is not possible (a read-only
    project, a full disk): the caller goes on without the cache."""
    secret = _secret()
    if secret is None:
        return False
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        write_bytes_atomic(path, MAGIC + _tag(secret, payload) + payload)
        ignore = path.parent / ".gitignore"  # Git ignores the folder, whatever the project's
        if not ignore.exists():  # .gitignore says (as pytest and ruff do with their caches)
            write_bytes_atomic(
                ignore, b"# Geschreven door sop-builder: bewaard werk, niet voor Git.\n*\n"
            )
    except OSError:
        return False
    return True


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


@functools.cache
def tool_key() -> bytes:
    """The version of this program: its source files (so that an edit of the code in a
    development install counts too), Python's version and those of the libraries in
    LIBRARIES. A kept result made with another key is never used."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in LIBRARIES:
        digest.update(f"\0{name}={_version(name)}".encode())
    package = Path(__file__).resolve().parent.parent
    for file in sorted(package.rglob("*.py")):
        digest.update(b"\0" + file.relative_to(package).as_posix().encode() + b"\0")
        digest.update(file.read_bytes())
    return digest.digest()
