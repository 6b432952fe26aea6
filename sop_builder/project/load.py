"""Load a whole project (site_config/ and content/) into validated domain objects."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sop_builder.core.issues import Issue
from sop_builder.core.parallel import parallel_map
from sop_builder.project.config import load_config
from sop_builder.project.editing_checks import editing_checks
from sop_builder.project.editors import check_editors
from sop_builder.project.evaluation.load import EvaluationData, load_evaluations
from sop_builder.project.loading import load_school, school_folders
from sop_builder.project.model import School, SiteConfig
from sop_builder.project.offer.load import load_offer
from sop_builder.project.offer.model import Offer
from sop_builder.project.paths import kern_pages, list_pages, offer_pages_paths
from sop_builder.project.postcodes import PostcodeTable, load_postcodes, unplaced_schools
from sop_builder.project.pupils import PupilData, load_pupils
from sop_builder.project.redirects import Redirect, load_redirects, vanished_schools
from sop_builder.project.scoring import Compliance, current_compliance, published_compliance
from sop_builder.project.validation import Identity, check_unique, identity, validate_school


@dataclass
class Project:
    """Everything needed to publish: config, schools, their compliance, and the problems."""

    root: Path
    today: date
    config: SiteConfig | None
    schools: list[School] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    # What the public site shows per school (scoring.published_compliance: this year's once it
    # is final, until then the latest earlier year's; each names its school year) ...
    compliance: dict[str, Compliance | None] = field(default_factory=dict)
    # ... and the result of the current school year's file, as far as it goes (check, intern).
    current: dict[str, Compliance | None] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # schools left out because of errors
    evaluation: EvaluationData | None = None  # goals, evaluations, assessments (evaluation.py)
    redirects: list[Redirect] = field(default_factory=list)  # short links and renames
    offer: Offer = field(default_factory=Offer)  # the SWV's own offer (content/aanbod/)
    pupils: PupilData | None = None  # content/leerlingen.yaml (pupils.py)
    postcodes: PostcodeTable | None = None  # site_config/postcodes.csv (postcodes.py)

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
        unreadable = loaded.written("naam") or loaded.folder
    published = published_compliance(school, config) if school and config else None
    current = current_compliance(school, config) if school and config else None
    return SchoolResult(school, issues, identity(loaded), unreadable, published, current)


def _process_all(
    folders: list[Path], root: Path, config: SiteConfig | None, today: date
) -> list[SchoolResult]:
    work = functools.partial(process_folder, root=root, config=config, today=today)
    return parallel_map(work, folders)  # each school is independent


def load_project(root: Path, today: date | None = None, internal: bool = True) -> Project:
    """Read and validate everything; never raises on bad content.

    With ``internal=False`` (the public build) content/swv/ is not read at all.
    """
    root = Path(root)
    today = today or reference_date()
    config, issues = load_config(root)
    folders = school_folders(root)
    results = _process_all(folders, root, config, today)
    project = Project(root, today, config)
    issues += check_unique([r.identity for r in results])
    project.offer, found = load_offer(root, config, [f.name for f in folders])
    issues += found
    extra = kern_pages(config.swv) | list_pages(config) if config is not None else set()
    extra |= offer_pages_paths(project.offer)
    redirects, found = load_redirects(
        root, [(r.identity.slug, r.identity.code) for r in results], extra
    )
    project.redirects, issues = redirects, issues + found
    issues += vanished_schools(root, [f.name for f in folders], redirects)
    issues += check_editors(root)
    for result in results:
        issues += result.issues
        if result.unreadable_name is not None:
            project.unreadable.append(result.unreadable_name)
        if result.school is not None:
            project.schools.append(result.school)
            project.compliance[result.school.slug] = result.compliance
            project.current[result.school.slug] = result.current
    if config is not None:
        project.evaluation, found = load_evaluations(root, config, project.schools, internal)
        issues += found
    project.pupils, found = load_pupils(root)
    issues += found
    project.postcodes, found = load_postcodes(root)
    issues += found + unplaced_schools(project.schools, project.postcodes)
    project.issues = sorted(issues, key=Issue.sort_key)
    return project
