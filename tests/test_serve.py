"""`sop-builder serve` rebuilds when content changes, and shows errors on the page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


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


def test_serve_rebuilds_after_an_edit_and_shows_errors(sample: Path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sop_builder",
            "serve",
            "--map",
            str(sample),
            "--adres",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert "Basisschool De Meeuw" in wait_for(f"{base}/scholen/de-meeuw/", "De Meeuw")
        sop = sample / "content/schools/de-meeuw/sop.md"
        original = sop.read_text(encoding="utf-8")
        sop.write_text(
            original.replace("## Visie\n", "## Visie\n\nZEERNIEUWEZIN in de visie.\n"),
            encoding="utf-8",
        )
        assert "ZEERNIEUWEZIN" in wait_for(f"{base}/scholen/de-meeuw/", "ZEERNIEUWEZIN")
        sop.write_text(original.replace("kern: helmerdam", "kern: helmerdamm"), encoding="utf-8")
        page = wait_for(f"{base}/", "SOP201")
        assert "De kern &#x27;helmerdamm&#x27; bestaat niet." in page
    finally:
        server.terminate()
        server.wait(timeout=10)
