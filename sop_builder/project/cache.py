"""The load cache: each school folder's result (read, validated, scored) kept between runs.

`check`, `build`, `serve` and the web editor all read schools through `ProjectState.refresh`
(project/load.py), which asks `SchoolCache.results` for the folders to read: a folder whose
inputs are unchanged gets its kept result, the others are processed (over the cores) and kept.

* **Where**: ``.sop-builder/cache/scholen/<n>.pickle`` under the project (Git ignores
  ``.sop-builder/``), the folders spread over SHARDS files by their name, so that one edit
  rewrites one small file. Each file is signed and written atomically (`core/cachefile.py`).
* **Key of a school**: the bytes of every file that `process_folder` reads (``sop.md`` and the
  self-assessments), the names and kinds of every entry of the folder (a stray file is a
  message too), and the folder's path in the project. Contents, not modification times: an
  edit within the same second, a `git checkout` or a copy that keeps times cannot be missed.
* **Key of the whole cache** (`context_key`): every file under ``site_config/`` (names and
  bytes), the reference date (the dates of an SOP are checked against it) and `tool_key` (the
  version of sop-builder, its own source files, Python's and the libraries' versions). A file
  made with another context is not used, and is rewritten.
* A file that is missing, corrupt or unreadable is ignored and rewritten; a project that
  cannot be written works without the cache. A result is never served for other inputs.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sop_builder.core.cachefile import CACHE_DIR, read_cache, tool_key, write_cache
from sop_builder.core.gcpause import collector_paused
from sop_builder.core.parallel import parallel_map
from sop_builder.project.files import SELF_ASSESSMENT_FILE, SOP_FILE
from sop_builder.project.model import SiteConfig
from sop_builder.project.schools.load import SchoolResult, process_folder

SHARDS = 64
SCHOOLS_DIR = CACHE_DIR / "scholen"
CONFIG_DIR = "site_config"

Entry = tuple[bytes, bytes]  # (the folder's key, its pickled SchoolResult)


def _files(folder: Path) -> Iterator[Path]:
    """Every file below ``folder``, in a fixed order."""
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            yield Path(base, name)


def context_key(root: Path, today: date) -> bytes:
    """What every kept result depends on besides its own folder (see the module's text)."""
    digest = hashlib.blake2b(tool_key(), digest_size=16)
    digest.update(today.isoformat().encode())
    for file in _files(root / CONFIG_DIR):
        digest.update(b"\0" + file.relative_to(root).as_posix().encode() + b"\0")
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"\1unreadable")
    return digest.digest()


def _reads(name: str) -> bool:
    """Whether `process_folder` reads the file ``name`` (of the others only the name counts)."""
    return name == SOP_FILE or SELF_ASSESSMENT_FILE.fullmatch(name) is not None


def folder_key(folder: Path, root: Path) -> bytes | None:
    """The key of one school folder's inputs; None when it cannot be read whole (then its
    result is made and not kept)."""
    digest = hashlib.blake2b(folder.relative_to(root).as_posix().encode(), digest_size=16)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
        for entry in entries:
            is_file = entry.is_file()
            digest.update(f"\0{entry.name}\0{'f' if is_file else 'o'}".encode())
            if is_file and _reads(entry.name):
                with open(entry.path, "rb") as handle:
                    data = handle.read()
                digest.update(len(data).to_bytes(8, "little"))
                digest.update(data)
    except OSError:
        return None
    return digest.digest()


def _shard(name: str) -> int:
    return zlib.crc32(name.encode()) % SHARDS


def _processed(
    folder: Path, root: Path, config: SiteConfig | None, today: date
) -> tuple[bytes | None, bytes]:
    """The folder's key and `process_folder`'s result, pickled where it runs (in a worker):
    what the parent keeps. The key is taken first: a file that changes meanwhile leaves a
    result under an older key, which the next run does not use."""
    key = folder_key(folder, root)
    result = process_folder(folder, root, config, today)
    return key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


class SchoolCache:
    """The kept results of one project for one context (`context_key`)."""

    def __init__(self, root: Path, today: date, write: bool = True) -> None:
        self.root = root
        self.today = today
        self.write = write  # False: kept results are read, nothing is written
        self.context = context_key(root, today)
        self._shards: dict[int, dict[str, Entry]] = {}  # read during one `results`

    def _file(self, shard: int) -> Path:
        return self.root / SCHOOLS_DIR / f"{shard:02d}.pickle"

    def _entries(self, shard: int) -> dict[str, Entry]:
        if shard not in self._shards:
            kept = read_cache(self._file(shard))
            entries: dict[str, Entry] = {}
            if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == self.context:
                entries = dict(kept[1])
            self._shards[shard] = entries
        return self._shards[shard]

    def _kept(self, folder: Path) -> bytes | None:
        """The kept result of ``folder`` if its key is unchanged (a folder that has no entry
        is not read here at all: the worker that processes it takes its key)."""
        entry = self._entries(_shard(folder.name)).get(folder.name)
        if entry is None or entry[0] != folder_key(folder, self.root):
            return None
        return entry[1]

    def results(self, folders: list[Path], config: SiteConfig | None) -> list[SchoolResult]:
        """The result of each folder: kept when its key is unchanged, else made (over the
        cores) and kept."""
        data = [self._kept(folder) for folder in folders]
        todo = [i for i, found in enumerate(data) if found is None]
        work = functools.partial(_processed, root=self.root, config=config, today=self.today)
        changed: set[int] = set()
        made = parallel_map(work, [folders[i] for i in todo])
        for index, (key, result) in zip(todo, made, strict=True):
            data[index] = result
            name = folders[index].name
            if key is not None:  # None: a file could not be read; made again next time
                self._entries(_shard(name))[name] = (key, result)
                changed.add(_shard(name))
        for shard in sorted(changed) if self.write else ():
            entries = self._shards[shard]
            # folders that are gone (renamed, removed) leave the file when it is written
            parent = folders[0].parent
            kept = {name: e for name, e in entries.items() if (parent / name).is_dir()}
            write_cache(self._file(shard), (self.context, kept))
        self._shards.clear()  # kept on disk, not in the memory of a long serve
        results: list[SchoolResult] = []
        with collector_paused():
            for found in data:
                assert found is not None  # every result not kept was made above
                results.append(pickle.loads(found))
        return results
