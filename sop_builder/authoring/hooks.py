"""A plain Git pre-commit hook that runs `sop-builder controleer`, for people without pre-commit."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from sop_builder.core.atomic import write_atomic

HOOK = """#!/bin/sh
# Gemaakt door 'sop-builder installeer-hook'. Controleert de inhoud vóór elke commit.
# Bij een fout gaat de commit niet door; lees de meldingen en verbeter het bestand.
cd "$(git rev-parse --show-toplevel)" || exit 1
exec {command} check
"""


class HookError(Exception):
    """The hook cannot be installed; the message says why, in Dutch."""


def hooks_dir(root: Path) -> Path:
    """The hooks folder of the Git repository at ``root`` (also in worktrees)."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--git-path", "hooks"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        raise HookError(f"{root} is geen Git-map. Open eerst de map van uw project.") from None
    return (root / out).resolve()


def install_hook(root: Path) -> Path:
    """Write the pre-commit hook; never replace an existing one. Returns its path."""
    hook = hooks_dir(root) / "pre-commit"
    if hook.exists():
        raise HookError(
            f"Er is al een pre-commit hook: {hook}. Er is niets veranderd. "
            "Voeg daar zelf de regel 'sop-builder controleer' aan toe."
        )
    found = shutil.which("sop-builder") or str(Path(sys.executable).with_name("sop-builder"))
    write_atomic(hook, HOOK.format(command=shlex.quote(found)))  # git never runs half a hook
    hook.chmod(0o755)
    return hook
