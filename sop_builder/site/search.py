"""Site search with Pagefind: an index in small chunks, built in parts that the browser merges.

Pagefind holds everything it indexes in memory until it writes the index (about 0.3 MiB a page:
2.2 GB at 7,000 schools). So a large site is indexed in parts of at most `PART_PAGES` pages,
one Pagefind run after the other, each into a bundle of its own: the first in ``pagefind/``
(with the search code), the others in ``pagefind-2/``, ``pagefind-3/``, ... The file
``pagefind/delen.json`` lists the other bundles (relative to the first); the search page and the
finder merge them (Pagefind's ``mergeIndex``), so a query searches every part. A small site has
one part and an empty list.
"""

from __future__ import annotations

import functools
import json
import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Collection
from pathlib import Path

from sop_builder.core.atomic import link_or_copy

INDEX_DIR = "pagefind"
PARTS_FILE = "delen.json"  # in INDEX_DIR: the other parts' bundles, relative to INDEX_DIR
PART_PAGES = 2000  # at most this many indexed pages in one part
MARK = b"data-pagefind-body"  # the pages Pagefind indexes (the others it skips)


def part_dir(number: int) -> str:
    """The folder of index part ``number`` (1, 2, ...) in the site."""
    return INDEX_DIR if number == 1 else f"{INDEX_DIR}-{number}"


def indexed_pages(site: Path, files: Collection[str] | None = None) -> list[Path]:
    """The pages Pagefind indexes, in the order of their paths: ``files`` (relative to the
    site: the built files of the routes that are searched), or the pages that carry its mark."""
    if files is not None:
        return sorted(site / f for f in files)
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).parts
        if rel[0].startswith(INDEX_DIR):
            continue
        if MARK in page.read_bytes():
            found.append(page)
    return found


def split_parts(pages: list[Path], part_pages: int = PART_PAGES) -> list[list[Path]]:
    """``pages`` in as few parts as `part_pages` allows, of nearly equal size, in order."""
    count = max(1, math.ceil(len(pages) / part_pages))
    size = math.ceil(len(pages) / count) if pages else 0
    return [pages[i * size : (i + 1) * size] for i in range(count)]


@functools.cache
def pagefind_program() -> str:
    """Pagefind's program, found as `python -m pagefind` finds it (PAGEFIND_BINARY_PATH, the
    wheel's binary, or one on PATH), once per process: run directly, each build saves starting
    a Python interpreter (about 0.15 s)."""
    from pagefind.service import get_executable

    program = get_executable()
    return str(program.resolve()) if program is not None else "pagefind"


def _pagefind(site: Path, output: Path, background: bool = False) -> str | None:
    """Run Pagefind; what went wrong, or None."""
    command = [pagefind_program(), "--site", str(site)]
    command += ["--output-path", str(output), "--silent"]
    nice = shutil.which("nice") if background else None
    if nice:
        command = [nice, "-n", "10", *command]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if run.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["geen uitvoer"]
        return f"Pagefind: {detail[0]}"
    return None


def _mirror(site: Path, pages: list[Path], folder: Path) -> None:
    """``pages`` at their places under ``folder`` (hard links where the disk allows)."""
    for page in pages:
        target = folder / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(page, target)


def _sync(new: Path, site: Path) -> None:
    """Put the index folders of ``new`` into ``site``: a file whose bytes are the same stays as
    it is (with its modification time), others are replaced, what ``new`` lacks goes."""
    folders = {p.name for p in new.iterdir() if p.is_dir()}
    for old in site.glob(f"{INDEX_DIR}*"):
        if old.is_dir() and old.name not in folders:
            shutil.rmtree(old)
    for name in sorted(folders):
        source, target = new / name, site / name
        if not target.is_dir():
            source.rename(target)
            continue
        fresh = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
        for rel in sorted(fresh):
            dest = target / rel
            data = (source / rel).read_bytes()
            if dest.is_file() and dest.stat().st_size == len(data) and dest.read_bytes() == data:
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source / rel, dest)
        for file in [p for p in target.rglob("*") if p.is_file()]:
            if file.relative_to(target) not in fresh:
                file.unlink()


def index_site(
    site: Path,
    part_pages: int | None = None,
    background: bool = False,
    files: Collection[str] | None = None,
) -> str | None:
    """Build the search index of ``site`` in parts of at most ``part_pages`` pages (default
    `PART_PAGES`); what went wrong, or None. ``files``: the pages to index (relative to the
    site; default: those with Pagefind's mark). ``background``: at a low priority, so that it
    does not slow down what the computer does meanwhile (`serve`).

    The index is made beside the site and then put in place file by file: a file of the index
    whose bytes did not change keeps its modification time.
    """
    parts = split_parts(indexed_pages(site, files), part_pages or PART_PAGES)
    with tempfile.TemporaryDirectory(prefix=".zoekindex-", dir=site.parent) as work:
        new = Path(work) / "index"
        new.mkdir()
        problem = None
        if len(parts) == 1:
            problem = _pagefind(site, new / INDEX_DIR, background)
        else:
            for number, pages in enumerate(parts, start=1):
                with tempfile.TemporaryDirectory(prefix=".zoekdeel-", dir=work) as mirror:
                    _mirror(site, pages, Path(mirror))
                    problem = _pagefind(Path(mirror), new / part_dir(number), background)
                if problem:
                    break
        if problem:
            return problem
        others = [f"../{part_dir(n)}/" for n in range(2, len(parts) + 1)]
        (new / INDEX_DIR / PARTS_FILE).write_text(json.dumps(others) + "\n", encoding="utf-8")
        _sync(new, site)
    return None
