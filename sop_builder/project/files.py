"""Where things are in a project: the school folders and the names of their files."""

from __future__ import annotations

import os
import re
from pathlib import Path

SCHOOLS_DIR = Path("content/schools")
SOP_FILE = "sop.md"
# The files of a school folder: the SOP, the school's self-assessment of the agreements per
# school year, and (read by evaluation/load.py) the yearly evaluation conversation and the
# assessments on a framework, by the school (or, in content/swv/<slug>/, by the SWV).
SELF_ASSESSMENT_FILE = re.compile(r"zelfevaluatie-(\d{4}-\d{4})\.yaml")
EVALUATION_FILE = re.compile(r"evaluatie-(\d{4}-\d{4})\.yaml")
FRAMEWORK_ASSESSMENT_FILE = re.compile(
    r"beoordeling-([a-z0-9]+(?:-[a-z0-9]+)*)-(\d{4}-\d{4})\.yaml"
)
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def self_assessment_name(year: str) -> str:
    """The file name of a school's self-assessment for ``year`` (see SELF_ASSESSMENT_FILE)."""
    return f"zelfevaluatie-{year}.yaml"


def skipped_name(name: str) -> bool:
    """A file or folder that no reader of the project reads: its name starts with a dot
    (project/tree.py names the folders among them, and refuses links before any read)."""
    return name.startswith(".")


def school_folders(root: Path) -> list[Path]:
    """Every folder under content/schools/, sorted by name; never a link (see project/tree.py)."""
    base = root / SCHOOLS_DIR
    if not base.is_dir() or base.is_symlink():
        return []
    with os.scandir(base) as entries:  # the kind of each entry comes with it: no stat each
        names = [
            e.name for e in entries if e.is_dir(follow_symlinks=False) and not skipped_name(e.name)
        ]
    return [base / name for name in sorted(names)]
