"""One school folder from files to result: read, validate, check for editors, score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sop_builder.core.issues import Issue
from sop_builder.project.model import School, SiteConfig, SopFrontMatter
from sop_builder.project.schools.checks import editing_checks
from sop_builder.project.schools.read import load_school
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
    unreadable = None
    if loaded.front is None:
        unreadable = loaded.written(SopFrontMatter.key("name")) or loaded.folder
    published = published_compliance(school, config) if school and config else None
    current = current_compliance(school, config) if school and config else None
    return SchoolResult(school, issues, identity(loaded), unreadable, published, current)
