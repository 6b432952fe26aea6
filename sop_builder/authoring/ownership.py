"""Who may edit what: CODEOWNERS from site_config/redacteuren.yaml, and a check for pull requests.

Each school's folder belongs to its editors; everything else (site_config/, the SWV's pages, the
tool) belongs to the SWV. The SWV may change every file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sop_builder.project.editors import EDITORS_FILE, Editors
from sop_builder.project.files import SCHOOLS_DIR


@dataclass(frozen=True)
class Violation:
    path: str
    school: str
    owners: tuple[str, ...]


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
