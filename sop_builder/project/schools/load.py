"""One school folder from files to result: read, validate, check for editors, score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sop_builder.core.issues import Issue
from sop_builder.project.model import School, SiteConfig, SopFrontMatter
from sop_builder.project.schools.checks import editing_checks
from sop_builder.project.schools.read import load_school
from sop_builder.project.schools.status import (
    SchoolFacts,
    marked_keys,
    not_started,
    school_facts,
    started,
)
from sop_builder.project.schools.validate import Identity, identity, validate_school
from sop_builder.project.scoring import Compliance, current_compliance, published_compliance


@dataclass(frozen=True)
class SchoolResult:
    """Everything one school folder contributes; small, so it crosses processes cheaply."""

    school: School | None
    issues: list[Issue]
    identity: Identity
    unreadable_name: str | None
    compliance: Compliance | None  # published
    current: Compliance | None
    facts: SchoolFacts | None = None  # what a "volgt" page shows (schools/status.py)
    pending: bool = False  # not started: published as "volgt", with warnings only


def process_folder(
    folder: Path, root: Path, config: SiteConfig | None, today: date
) -> SchoolResult:
    """Read, validate and score one school folder."""
    loaded, issues = load_school(folder, root)
    school = None
    if config is not None:
        school, found = validate_school(loaded, config, today)
        issues += found
        issues += editing_checks(loaded, config)
    marked = marked_keys(issues, loaded.sop_path)
    facts = school_facts(loaded, marked)
    pending = facts is not None and config is not None and not started(loaded, marked)
    if pending:
        assert facts is not None
        facts, issues = not_started(loaded, facts, issues)
        school = None
    unreadable = None
    if loaded.front is None and not pending:
        unreadable = loaded.written(SopFrontMatter.key("name")) or loaded.folder
    published = published_compliance(school, config) if school and config else None
    current = current_compliance(school, config) if school and config else None
    return SchoolResult(
        school, issues, identity(loaded), unreadable, published, current, facts, pending
    )
