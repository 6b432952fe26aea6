"""Helpers for browser tests: serve a folder on 127.0.0.1 and drive Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
import time
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
