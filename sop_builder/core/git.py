"""Small Git helpers (changed files against a base, a file as a commit has it)."""

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


def file_at(root: Path, commit: str, rel: str) -> str | None:
    """The text of ``rel`` as ``commit`` has it (a branch, a tag or a hash); None when that
    commit has no such file. Raises CalledProcessError when git does not know ``commit``."""
    known = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    known.check_returncode()
    shown = subprocess.run(
        ["git", "show", f"{commit}:{rel}"], cwd=root, capture_output=True, text=True
    )
    return shown.stdout if shown.returncode == 0 else None
