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

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

INDEX_DIR = "pagefind"
PARTS_FILE = "delen.json"  # in INDEX_DIR: the other parts' bundles, relative to INDEX_DIR
PART_PAGES = 2000  # at most this many indexed pages in one part
MARK = b"data-pagefind-body"  # the pages Pagefind indexes (the others it skips)


def part_dir(number: int) -> str:
    """The folder of index part ``number`` (1, 2, ...) in the site."""
    return INDEX_DIR if number == 1 else f"{INDEX_DIR}-{number}"


def indexed_pages(site: Path) -> list[Path]:
    """The pages Pagefind indexes, in the order of their paths."""
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


def _pagefind(site: Path, output: Path, background: bool = False) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    command += ["--output-path", str(output), "--silent"]
    nice = shutil.which("nice") if background else None
    if nice:
        command = [nice, "-n", "10", *command]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"De zoekfunctie kon niet worden gemaakt: {exc}"]
    if run.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["geen uitvoer"]
        return [f"De zoekfunctie kon niet worden gemaakt (Pagefind: {detail[0]})."]
    return []


def _mirror(site: Path, pages: list[Path], folder: Path) -> None:
    """``pages`` at their places under ``folder`` (hard links where the disk allows)."""
    for page in pages:
        target = folder / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(page, target)
        except OSError:
            shutil.copyfile(page, target)


def index_site(site: Path, part_pages: int | None = None, background: bool = False) -> list[str]:
    """Build the search index of ``site`` in parts of at most ``part_pages`` pages (default
    `PART_PAGES`); return problems (empty when it worked). ``background``: at a low priority,
    so that it does not slow down what the computer does meanwhile (`serve`)."""
    for old in site.glob(f"{INDEX_DIR}*"):
        if old.is_dir():
            shutil.rmtree(old)
    parts = split_parts(indexed_pages(site), part_pages or PART_PAGES)
    if len(parts) == 1:
        problems = _pagefind(site, site / INDEX_DIR, background)
    else:
        problems = []
        for number, pages in enumerate(parts, start=1):
            with tempfile.TemporaryDirectory(prefix=".zoekdeel-", dir=site.parent) as mirror:
                _mirror(site, pages, Path(mirror))
                problems += _pagefind(Path(mirror), site / part_dir(number), background)
            if problems:
                break
    if not problems:
        others = [f"../{part_dir(n)}/" for n in range(2, len(parts) + 1)]
        (site / INDEX_DIR / PARTS_FILE).write_text(json.dumps(others) + "\n", encoding="utf-8")
    return problems
