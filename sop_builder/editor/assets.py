"""The web editor's program (Decap CMS), fetched once from the npm registry and kept in a cache.

The version and its sha512 checksum are pinned here, so every build serves the same files and a
changed download is refused. The files are served from the site itself: the editor loads nothing
from another host (except the Git host's API once an editor logs in, see ``editor/admin.py``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import tarfile
import tempfile
import urllib.request
from pathlib import Path

from sop_builder.core.atomic import NEW_DIR_MODE, link_or_copy
from sop_builder.core.cachefile import user_cache_dir
from sop_builder.editor.refusals import why_not_written

DECAP_VERSION = "3.16.3"
DECAP_TARBALL = f"https://registry.npmjs.org/decap-cms/-/decap-cms-{DECAP_VERSION}.tgz"
DECAP_INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
ENTRY_SCRIPT = "decap-cms.js"
LICENSE_NOTE = (
    f"Decap CMS {DECAP_VERSION} (https://decapcms.org), MIT-licentie, "
    "copyright Netlify, Inc. en de Decap-bijdragers.\n"
)


class AssetsUnavailable(Exception):
    """The editor's program is not in the cache and could not be fetched; the text is Dutch."""


def cache_dir() -> Path:
    """Where the unpacked files live: $SOP_BUILDER_CACHE, else ~/.cache/sop-builder."""
    return user_cache_dir() / f"decap-cms-{DECAP_VERSION}"


def _wanted(name: str) -> bool:
    """The browser needs the entry script, its chunks and the WebAssembly files; not the maps."""
    return name.endswith(".decap-cms.js") or name == ENTRY_SCRIPT or name.endswith(".wasm")


def _verify(data: bytes) -> None:
    algorithm, _, expected = DECAP_INTEGRITY.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if digest != expected:
        raise AssetsUnavailable(
            f"De download van Decap CMS {DECAP_VERSION} klopt niet (andere controlesom). "
            "Probeer het later opnieuw of meld het aan de beheerder van sop-builder."
        )


def _unpack(data: bytes, target: Path) -> None:
    """Unpack the wanted files of package/dist/ into ``target``, all or nothing."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    except OSError as exc:
        raise AssetsUnavailable(disk_refused(exc, target.parent)) from None
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/dist/")
                if member.isfile() and name != member.name and "/" not in name and _wanted(name):
                    source = archive.extractfile(member)
                    if source is not None:
                        (work / name).write_bytes(source.read())
        (work / "LICENTIE.txt").write_text(LICENSE_NOTE, encoding="utf-8")
        if not (work / ENTRY_SCRIPT).is_file():
            raise AssetsUnavailable(
                f"In het pakket Decap CMS {DECAP_VERSION} ontbreekt het script."
            )
        os.chmod(work, NEW_DIR_MODE)  # mkdtemp makes a private folder
        try:
            work.rename(target)
        except OSError:  # another process unpacked it first
            if not (target / ENTRY_SCRIPT).is_file():
                raise
    except OSError as exc:
        raise AssetsUnavailable(disk_refused(exc, target.parent)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def is_cached() -> bool:
    """Whether the editor's files are in the cache already (no download needed)."""
    return (cache_dir() / ENTRY_SCRIPT).is_file()


def ensure_assets(timeout: float = 60.0) -> Path:
    """The folder with the editor's files; downloaded and checked on first use."""
    target = cache_dir()
    if (target / ENTRY_SCRIPT).is_file():
        return target
    try:
        with urllib.request.urlopen(DECAP_TARBALL, timeout=timeout) as response:
            data = response.read()
    except OSError as exc:
        raise AssetsUnavailable(
            f"Decap CMS {DECAP_VERSION} kon niet worden gedownload van registry.npmjs.org "
            f"({exc}). Is er internet? Voer daarna opnieuw uit: make site"
        ) from None
    _verify(data)
    _unpack(data, target)
    return target


def disk_refused(exc: OSError, where: Path) -> str:
    """In Dutch: writing the editor's files into ``where`` failed (a full disk, no rights)."""
    return f"De bestanden van de webeditor konden niet worden geschreven in {where}: " + (
        why_not_written(exc)
    )


def copy_assets(target: Path) -> None:
    """Put the editor's files into ``target`` (the site's admin folder): hard links to the
    cache where the disk allows (6.6 MB that every build would copy again; no step of a build
    writes into them), else copies."""
    source = ensure_assets()
    try:
        target.mkdir(parents=True, exist_ok=True)
        for file in sorted(source.iterdir()):
            link_or_copy(file, target / file.name)
    except OSError as exc:
        raise AssetsUnavailable(disk_refused(exc, target)) from None


if __name__ == "__main__":  # `python -m sop_builder.webeditor_assets`: fill the cache
    print(f"Decap CMS staat klaar in {ensure_assets()}")
