"""The `Project` type: a whole project (site_config/ and content/) as validated domain objects,
with every problem found; `load.py` makes one."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sop_builder.core.issues import Issue
from sop_builder.project.evaluation.load import EvaluationData
from sop_builder.project.figures import FiguresData
from sop_builder.project.model import School, SiteConfig
from sop_builder.project.offer.model import Offer
from sop_builder.project.postcodes import PostcodeTable
from sop_builder.project.pupils import PupilData
from sop_builder.project.redirects import Redirect
from sop_builder.project.routes import RouteTable
from sop_builder.project.schools.status import SchoolFacts
from sop_builder.project.scoring import Compliance
from sop_builder.project.translations import Language


@dataclass
class Project:
    """Everything needed to publish: config, schools, their compliance, and the problems."""

    root: Path
    today: date
    config: SiteConfig | None
    schools: list[School] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    # What the public site shows per school (scoring.published_compliance: the result that
    # counts, the SWV's assessment where there is one, this year's once it is final, until then
    # the latest earlier year's; each names its school year and who assessed) ...
    compliance: dict[str, Compliance | None] = field(default_factory=dict)
    # ... and the result of the current school year's file, as far as it goes (check, intern).
    current: dict[str, Compliance | None] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # schools left out because of errors
    # Schools that have not started their profile: published as a short page "volgt"
    # (schools/status.py), never in a list, the finder, a comparison or a figure.
    pending: list[SchoolFacts] = field(default_factory=list)
    # The facts of every school folder whose name, code and kind could be read, by slug: what a
    # "volgt" page shows of a school that is not complete (publication.py).
    facts: dict[str, SchoolFacts] = field(default_factory=dict)
    evaluation: EvaluationData | None = None  # goals, evaluations, assessments (evaluation/load.py)
    redirects: list[Redirect] = field(default_factory=list)  # short links and renames
    offer: Offer = field(default_factory=Offer)  # the SWV's own offer (content/aanbod/)
    pupils: PupilData | None = None  # content/leerlingen.yaml (pupils.py)
    # content/kengetallen.yaml (figures.py): read only for check and the internal site
    figures: FiguresData | None = None
    postcodes: PostcodeTable | None = None  # site_config/postcodes.csv (postcodes.py)
    # The language files of site_config/talen/ by code, and the languages besides Dutch the
    # public site is published in (translations.py; none without site_config/bouwen.yaml talen)
    languages: dict[str, Language] = field(default_factory=dict)
    published_languages: tuple[str, ...] = ()
    routes: RouteTable | None = None  # every page of the public site (routes.py; load.py sets it)
    # Every internal text, for the leak check only (internal_texts.py; load.py sets it): the
    # public build's project holds them nowhere else.
    internal_texts: list[str] = field(default_factory=list)

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
