"""Load a whole project (site_config/ and content/) into validated domain objects."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .config import load_config
from .issues import Issue
from .loading import load_schools
from .model import School, SiteConfig
from .scoring import Compliance, current_compliance
from .validation import validate_schools


@dataclass
class Project:
    """Everything needed to publish: config, schools, their compliance, and the problems."""

    root: Path
    today: date
    config: SiteConfig | None
    schools: list[School] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    compliance: dict[str, Compliance | None] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # schools left out because of errors

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.is_error]


def reference_date() -> date:
    """Today, or the date of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def load_project(root: Path, today: date | None = None) -> Project:
    """Read and validate everything; never raises on bad content."""
    root = Path(root)
    today = today or reference_date()
    config, issues = load_config(root)
    loaded, school_issues = load_schools(root)
    issues += school_issues
    project = Project(root, today, config)
    for school in loaded:
        if school.front is None:
            raw = school.tree.data if school.tree is not None else None
            name = raw.get("naam") if isinstance(raw, dict) else None
            project.unreadable.append(
                name.strip() if isinstance(name, str) and name.strip() else school.folder
            )
    if config is not None:
        project.schools, found = validate_schools(loaded, config, today)
        issues += found
        project.compliance = {s.slug: current_compliance(s, config) for s in project.schools}
    project.issues = sorted(issues, key=Issue.sort_key)
    return project
