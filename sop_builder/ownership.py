"""Who may edit what: CODEOWNERS from site_config/redacteuren.yaml, and a check for pull requests.

Each school's folder belongs to its editors; everything else (site_config/, the SWV's pages, the
tool) belongs to the SWV. The SWV may change every file.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from .config import _load_one
from .issues import Issue, make_issue
from .loading import SCHOOLS_DIR, school_folders
from .model import Schema

EDITORS_FILE = "site_config/redacteuren.yaml"
# A GitHub/GitLab user (@naam), a team (@organisatie/team) or an e-mail address.
Owner = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        pattern=r"^(@[A-Za-z0-9](?:[A-Za-z0-9_.-]*)(/[A-Za-z0-9_.-]+)*|[^@\s]+@[^@\s]+\.[a-z]{2,})$",
    ),
]


class Editors(Schema):
    """site_config/redacteuren.yaml."""

    swv: list[Owner] = Field(alias="swv", min_length=1)
    schools: dict[str, list[Owner]] = Field(default_factory=dict, alias="scholen")


@dataclass(frozen=True)
class Violation:
    path: str
    school: str
    owners: tuple[str, ...]


def load_editors(root: Path) -> tuple[Editors | None, list[Issue]]:
    """Read and validate the editors file; unknown school folders are errors too."""
    editors, tree, issues = _load_one(root, Path(EDITORS_FILE).name, Editors)
    if editors is None or tree is None:
        return None, issues
    known = {folder.name for folder in school_folders(root)}
    for slug in editors.schools:
        if slug not in known:
            pos = tree.key_pos(("scholen", slug)) or tree.pos(("scholen",))
            issues.append(
                make_issue(
                    "SOP502",
                    EDITORS_FILE,
                    pos.line,
                    pos.column,
                    f"De school '{slug}' bestaat niet in {SCHOOLS_DIR.as_posix()}/.",
                    "Gebruik de naam van de map van de school.",
                )
            )
    return (None if any(i.is_error for i in issues) else editors), issues


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


def _school_of(path: str) -> str | None:
    parts = Path(path).parts
    prefix = SCHOOLS_DIR.parts
    if len(parts) > len(prefix) and parts[: len(prefix)] == prefix:
        return parts[len(prefix)]
    return None


def violations(editors: Editors, author: str, paths: list[str]) -> list[Violation]:
    """Changed files in school folders that ``author`` does not own (the SWV owns all)."""
    who = author if author.startswith("@") or "@" in author else f"@{author}"
    if who.lower() in (o.lower() for o in editors.swv):
        return []
    found = []
    for path in paths:
        school = _school_of(path)
        if school is None:
            continue
        owners = tuple(editors.schools.get(school, ()))
        if who.lower() not in (o.lower() for o in owners):
            found.append(Violation(path, school, owners))
    return found
