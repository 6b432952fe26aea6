"""Who edits which school: site_config/redacteuren.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from sop_builder.core.catalogue.crosschecks import EDITORS_SCHOOL_TYPO, EDITORS_UNKNOWN_SCHOOL
from sop_builder.core.issues import Issue, did_you_mean
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_yaml_mapping
from sop_builder.project.config import load_config_file
from sop_builder.project.files import SCHOOLS_DIR, school_folders
from sop_builder.project.model import Schema

Owner = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        pattern=r"^(@[A-Za-z0-9](?:[A-Za-z0-9_.-]*)(/[A-Za-z0-9_.-]+)*|[^@\s]+@[^@\s]+\.[a-z]{2,})$",
    ),
]

EDITORS_FILE = "site_config/redacteuren.yaml"


class Editors(Schema):
    """site_config/redacteuren.yaml."""

    swv: list[Owner] = Field(
        alias="swv",
        title="Beheerders",
        description="Wie van het samenwerkingsverband alles mag aanpassen (@naam).",
        min_length=1,
    )
    schools: dict[str, list[Owner]] = Field(
        default_factory=dict,
        alias="scholen",
        title="Scholen",
        description="Per map van een school: wie haar SOP mag aanpassen (@naam).",
    )


def check_editors(root: Path) -> list[Issue]:
    """What check says about site_config/redacteuren.yaml (nothing when there is none)."""
    if not (root / EDITORS_FILE).is_file():
        return []
    return load_editors(root)[1]


def editors_from_text(text: str, display: str) -> tuple[Editors | None, list[Issue]]:
    """The editors file as given (for instance as it is on the base branch of a pull request,
    from git): read strictly and checked against the schema; the school folders are not
    compared with the disk."""
    tree, issues = read_yaml_mapping(text, display)
    if tree is None:
        return None, issues
    editors, found = validate_tree(Editors, tree, display)
    issues += found
    return (None if any(i.is_error for i in issues) else editors), issues


def load_editors(root: Path) -> tuple[Editors | None, list[Issue]]:
    """Read and validate the editors file; unknown school folders are errors too."""
    editors, tree, issues = load_config_file(root, Path(EDITORS_FILE).name, Editors)
    if editors is None or tree is None:
        return None, issues
    known = sorted(folder.name for folder in school_folders(root))
    for slug in editors.schools:
        if slug not in known:
            key = Editors.key("schools")
            pos = tree.key_pos((key, slug)) or tree.pos((key,))
            values = {"field": key, "school": slug, "folder": SCHOOLS_DIR.as_posix()}
            suggestion = did_you_mean(slug, known)
            issues.append(
                EDITORS_SCHOOL_TYPO.at(EDITORS_FILE, pos, suggestion=suggestion, **values)
                if suggestion
                else EDITORS_UNKNOWN_SCHOOL.at(EDITORS_FILE, pos, **values)
            )
    return (None if any(i.is_error for i in issues) else editors), issues


# A GitHub/GitLab user (@naam), a team (@organisatie/team) or an e-mail address.
