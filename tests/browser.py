"""Helpers for browser tests: serve a folder on 127.0.0.1 and drive Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_or_skip() -> str:
    """Path of Chromium; a skip on a developer's machine, a failure when CI requires it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("SOP_BUILDER_REQUIRE_BROWSER") == "1":
        pytest.fail("Chromium is required (SOP_BUILDER_REQUIRE_BROWSER=1) but not installed")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    """Serves the files of a folder without a line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(QuietFiles, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def refuse_other_hosts(context) -> list[str]:
    """Let only requests to 127.0.0.1 through ``context``; returns the (growing) list of the
    refused ones."""
    outside: list[str] = []

    def route(r):
        if urlparse(r.request.url).hostname != "127.0.0.1":
            outside.append(r.request.url)
            return r.abort()
        return r.continue_()

    context.route("**/*", route)
    return outside


QUIET_MS = 150  # no request in flight for this long: the page has settled


class _InFlight:
    """Counts the requests of one page that have not finished yet."""

    def __init__(self, page) -> None:
        self.count = 0
        self.changed = 0.0
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, _request) -> None:
        self.count += 1
        self.changed = time.monotonic()

    def _ended(self, _request) -> None:
        self.count -= 1
        self.changed = time.monotonic()


_COUNTERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def open_page(page, url: str, timeout: float = 15.0):
    """``page.goto(url)`` until the page has loaded and then made no request for
    `QUIET_MS` (Playwright's ``networkidle`` waits a fixed 500 ms; the files here come from
    127.0.0.1); returns the response."""
    counter = _COUNTERS.get(page)
    if counter is None:
        counter = _COUNTERS[page] = _InFlight(page)
    response = page.goto(url, wait_until="load")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if counter.count <= 0 and (time.monotonic() - counter.changed) * 1000 >= QUIET_MS:
            return response
        page.wait_for_timeout(25)
    raise AssertionError(f"{url}: requests still running after {timeout} s")


SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def keep_screenshot(page, name: str, *, full_page: bool = False) -> None:
    """Write a screenshot of ``page`` to docs/screenshots/``name`` when SOP_BUILDER_SCREENSHOTS
    is set (the screenshots of the docs are made by the tests that check those pages)."""
    if os.environ.get("SOP_BUILDER_SCREENSHOTS"):
        page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def keep_printed_page(page, name: str) -> None:
    """The first A4 of ``page`` as printed, as docs/screenshots/``name`` (PNG, via poppler's
    pdftoppm), when SOP_BUILDER_SCREENSHOTS is set."""
    tool = shutil.which("pdftoppm")
    if not os.environ.get("SOP_BUILDER_SCREENSHOTS") or tool is None:
        return
    import subprocess
    import tempfile

    page.emulate_media(media="print")
    data = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="screen")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "page.pdf"
        pdf.write_bytes(data)
        target = SCREENSHOTS / name
        subprocess.run(
            [tool, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
             str(target.with_suffix(""))],
            check=True,
        )  # fmt: skip


def wait_for_change(file: Path, before: str, seconds: float = 30) -> str:
    """The text of ``file`` once it differs from ``before`` (a save from a page in the browser
    lands a moment later), or as it is after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = file.read_text(encoding="utf-8")
        if text != before:
            return text
        time.sleep(0.2)
    return file.read_text(encoding="utf-8")
