"""Site search with Pagefind: an index in small chunks, so a query loads only what it needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INDEX_DIR = "pagefind"


def index_site(site: Path) -> list[str]:
    """Build the Pagefind index in ``site``/pagefind; return problems (empty when it worked)."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        INDEX_DIR,
        "--silent",
    ]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"De zoekfunctie kon niet worden gemaakt: {exc}"]
    if run.returncode != 0 or not (site / INDEX_DIR / "pagefind.js").is_file():
        detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["geen uitvoer"]
        return [f"De zoekfunctie kon niet worden gemaakt (Pagefind: {detail[0]})."]
    return []
