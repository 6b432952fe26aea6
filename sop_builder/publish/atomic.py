"""All or nothing: build a site into a temporary folder beside its place, check it, swap it in.

Both builds (the public and the internal site) go through `build_atomically`, so a failed build
always leaves the previous site byte for byte as it was and no temporary folder behind.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.issues import Issue


@dataclass
class BuildResult:
    """Whether a build was published, what to tell the person who started it, and why it was
    refused (the build's own problems, SOP9xx; problems in the content are `check`'s)."""

    ok: bool
    messages: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def build_atomically(site_dir: Path, make: Callable[[Path], list[Issue]]) -> list[Issue]:
    """Let ``make`` write and check a site in an empty folder; publish it at ``site_dir``.

    ``make`` returns the problems it found; with any problem nothing is published and the
    problems are returned.
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-bouw-", dir=site_dir.parent))
    try:
        built = work / "site"
        errors = make(built)
        if not errors:
            swap_into_place(built, site_dir)
        return errors
    finally:
        shutil.rmtree(work, ignore_errors=True)


def swap_into_place(built: Path, target: Path) -> None:
    """Replace ``target`` by ``built`` with two renames; the old site is removed afterwards."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    try:
        built.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    if old.exists():
        shutil.rmtree(old)
