"""Small Git helpers (changed files against a base)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def changed_files(root: Path, base: str) -> list[str]:
    """Files changed on this branch since it left ``base`` (a rename counts as both paths)."""
    out = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", f"{base}...HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if line.strip()]
