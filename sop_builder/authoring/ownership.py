"""Who may edit what: CODEOWNERS from site_config/redacteuren.yaml, and a check for pull requests.

Each school's folder belongs to its editors; everything else (site_config/, the SWV's pages, the
tool) belongs to the SWV. The SWV may change every file.

The check of a pull request trusts nothing the pull request brings: it reads who edits what from
the base branch (``base_editors``: ``git show <base>:site_config/redacteuren.yaml``), and a
change to the files that say who may do what, or that decide what CI runs (site_config/, any
CODEOWNERS, .github/, .gitlab/, .gitlab-ci.yml), needs an editor of the SWV (``swv:`` in that
file). So a pull request that edits another school and adds its author to that school in
redacteuren.yaml fails twice: the school is not the author's on the base branch, and the
author changed site_config/. (Other files outside the school folders are left to CODEOWNERS:
its ``*`` line asks the SWV to review them.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sop_builder.core.git import file_at
from sop_builder.core.issues import Issue
from sop_builder.project.editors import EDITORS_FILE, Editors, editors_from_text
from sop_builder.project.files import SCHOOLS_DIR

# Files that say who may do what, or what CI runs: only an editor of the SWV changes them.
SWV_ONLY_FOLDERS = ("site_config/", ".github/", ".gitlab/")
SWV_ONLY_FILES = (".gitlab-ci.yml",)
CODEOWNERS = "CODEOWNERS"


@dataclass(frozen=True)
class Violation:
    path: str
    school: str | None  # None: a file of the SWV (SWV_ONLY_FOLDERS, CODEOWNERS, ...)
    owners: tuple[str, ...]


def swv_only(path: str) -> bool:
    """Whether only the SWV may change ``path`` in a pull request."""
    return (
        path.startswith(SWV_ONLY_FOLDERS) or path in SWV_ONLY_FILES or Path(path).name == CODEOWNERS
    )


def base_editors(root: Path, base: str) -> tuple[Editors | None, list[Issue], bool]:
    """The editors as the base branch ``base`` has them (never the pull request's own file):
    the editors (None on errors), what is wrong with that file, and whether it exists there.
    Raises CalledProcessError when git does not know ``base``."""
    text = file_at(root, base, EDITORS_FILE)
    if text is None:
        return None, [], False
    editors, issues = editors_from_text(text, f"{base}:{EDITORS_FILE}")
    return editors, issues, True


def codeowners(editors: Editors) -> str:
    """The CODEOWNERS text (GitHub and GitLab): the last matching line wins."""
    lines = [
        f"# Gemaakt door 'sop-builder codeowners' uit {EDITORS_FILE}.",
        "# Pas dit bestand niet met de hand aan; verander de redacteuren in dat bestand.",
        f"* {' '.join(editors.swv)}",
    ]
    for slug, owners in sorted(editors.schools.items()):
        if owners:
            lines.append(f"/{SCHOOLS_DIR.as_posix()}/{slug}/ {' '.join(owners)}")
    return "\n".join(lines) + "\n"


def _school_of(path: str) -> str | None:
    parts = Path(path).parts
    prefix = SCHOOLS_DIR.parts
    if len(parts) > len(prefix) and parts[: len(prefix)] == prefix:
        return parts[len(prefix)]
    return None


def violations(editors: Editors, author: str, paths: list[str]) -> list[Violation]:
    """Changed files in school folders that ``author`` does not own, and changed files that only
    the SWV may change (the SWV owns all)."""
    who = author if author.startswith("@") or "@" in author else f"@{author}"
    if who.lower() in (o.lower() for o in editors.swv):
        return []
    found = []
    for path in paths:
        if swv_only(path):
            found.append(Violation(path, None, tuple(editors.swv)))
            continue
        school = _school_of(path)
        if school is None:
            continue
        owners = tuple(editors.schools.get(school, ()))
        if who.lower() not in (o.lower() for o in owners):
            found.append(Violation(path, school, owners))
    return found
