"""`sop-builder bekijk` rebuilds what an edit touches, and shows errors on the page."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from sop_builder.project.load import load_project
from sop_builder.site.render import Renderer

SERVE = [sys.executable, "-m", "sop_builder", "serve"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    """Poll ``url`` until it contains ``needle`` (bounded); return the last text."""
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            text = fetch(url)
            if needle in text:
                return text
        except OSError:
            pass
        time.sleep(0.5)
    return text


@contextlib.contextmanager
def serving(project: Path) -> Iterator[str]:
    """`sop-builder bekijk` on ``project``; yields its address once the first build is served."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*SERVE, "--map", str(project), "--adres", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert "Basisschool De Meeuw" in wait_for(f"{base}/scholen/de-meeuw/", "De Meeuw")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def add_sentence(sop: Path) -> str:
    """Write ZEERNIEUWEZIN into the school's vision; return the text as it was."""
    original = sop.read_text(encoding="utf-8")
    new = original.replace("## Visie\n", "## Visie\n\nZEERNIEUWEZIN in de visie.\n")
    sop.write_text(new, encoding="utf-8")
    return original


def test_serve_rebuilds_after_an_edit_and_shows_errors(sample: Path):
    with serving(sample) as base:
        sop = sample / "content/schools/de-meeuw/sop.md"
        original = add_sentence(sop)
        assert "ZEERNIEUWEZIN" in wait_for(f"{base}/scholen/de-meeuw/", "ZEERNIEUWEZIN")
        sop.write_text(original.replace("kern: helmerdam", "kern: helmerdamm"), encoding="utf-8")
        page = wait_for(f"{base}/", "SOP201")
        assert "De kern &#x27;helmerdamm&#x27; bestaat niet." in page


def built_pages(site: Path) -> dict[str, int]:
    """Every HTML page of the served site (not the search index) and its modification time."""
    found = {}
    for folder, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith("pagefind")]  # indexed in the background
        for name in files:
            if name.endswith(".html"):
                path = Path(folder) / name
                found[path.relative_to(site).as_posix()] = path.stat().st_mtime_ns
    return found


def offered_needs(root: Path, slug: str) -> set[str]:
    """The needs for which the school's own declaration is at a level that counts as offered."""
    renderer = Renderer(load_project(root), root / "templates")
    return set(renderer.entries[slug].offered)


def test_serve_rebuilds_only_the_pages_an_edit_touches(sample: Path):
    site = sample / ".sop-builder" / "serve" / "site"
    offered_by_de_meeuw = offered_needs(sample, "de-meeuw")
    assert offered_by_de_meeuw  # some lists per need hold the school, others do not
    config = load_project(sample).config
    assert config is not None
    assert len(offered_by_de_meeuw) < len(config.vocabularies.needs)
    with serving(sample) as base:
        wait_for(f"{base}/pagefind/delen.json", "[")  # the search index of the first build
        before = built_pages(site)
        assert len(before) > 60
        time.sleep(1.1)  # a rewritten page gets a later modification time on any disk

        # A new sentence in one school's text: only that school's page is built again (and the
        # 404 page, which the engine writes on every build).
        sop = sample / "content/schools/de-meeuw/sop.md"
        original = add_sentence(sop)
        assert "ZEERNIEUWEZIN" in wait_for(f"{base}/scholen/de-meeuw/", "ZEERNIEUWEZIN")
        after = built_pages(site)
        assert set(after) == set(before)
        assert {p for p in after if after[p] != before[p]} == {
            "scholen/de-meeuw/index.html",
            "404.html",
        }

        # The school moves to another kern, in another gemeente: its page, the finder, the two
        # kern pages, the two gemeente lists and the overviews with their numbers (home page,
        # kernen, gemeenten), and the lists per need in which the school is found (grouped by
        # gemeente) change; the other schools' pages do not.
        time.sleep(1.1)
        sop.write_text(original.replace("kern: helmerdam", "kern: noord"), encoding="utf-8")
        page = wait_for(f"{base}/scholen/de-meeuw/", "kernen/noord/")
        assert "kernen/noord/" in page
        again = built_pages(site)
        assert {p for p in again if again[p] != after[p]} == {
            "scholen/de-meeuw/index.html",
            "scholen/index.html",
            "kernen/index.html",
            "kernen/noord/index.html",
            "kernen/helmerdam/index.html",
            "index.html",
            "scholen/gemeente/index.html",
            "scholen/gemeente/duinwijk/index.html",
            "scholen/gemeente/helmerdam/index.html",
            *(f"scholen/behoefte/{need}/index.html" for need in offered_by_de_meeuw),
            "404.html",
        }
        assert "Basisschool De Meeuw" in fetch(f"{base}/kernen/noord/")
        assert "Basisschool De Meeuw" not in fetch(f"{base}/kernen/helmerdam/")
