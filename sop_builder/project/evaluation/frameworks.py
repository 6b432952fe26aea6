"""Assessment frameworks: one model for the agreements (one dimension, from the norm) and for
grids such as the indicators of passend onderwijs (several dimensions), scored by school and SWV.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sop_builder.project.evaluation.model import FrameworkFile
from sop_builder.project.model import SCHOOL, Norm, SelfAssessment

NORM_FRAMEWORK = "basisondersteuning"
SINGLE_DIMENSION = "score"


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    confirmed: bool = True


@dataclass(frozen=True)
class Item:
    id: str
    theme: str  # the theme's title
    text: str


@dataclass(frozen=True)
class Framework:
    """What can be scored: items, each on every dimension, with codes from one scale."""

    id: str
    name: str
    school_types: tuple[str, ...]
    dimensions: tuple[tuple[str, str], ...]  # (id, label)
    levels: tuple[Level, ...]
    items: tuple[Item, ...]

    def level(self, code: str) -> Level | None:
        return next((lv for lv in self.levels if lv.code == code), None)

    def item_ids(self) -> list[str]:
        return [i.id for i in self.items]

    def label(self, code: str | None) -> str:
        level = self.level(code) if code else None
        return f"{level.code} ({level.label})" if level else "—"


@dataclass(frozen=True)
class FrameworkAssessment:
    """One assessor's scores on a framework for one school year."""

    framework: str
    school_year: str
    assessor: str  # SCHOOL or SWV
    filled_in_on: date
    filled_in_by: str
    scores: dict[str, dict[str, str]]  # item id -> dimension id -> code
    explanations: dict[str, str] = field(default_factory=dict)
    remark: str | None = None
    path: str = ""


@dataclass(frozen=True)
class Difference:
    item: Item
    dimension: str  # label
    school: str | None
    swv: str | None


def from_norm(norm: Norm) -> Framework:
    """The agreements of basisondersteuning as a one-dimension framework."""
    themes = {t.id: t.title for t in norm.themes}
    levels = tuple(
        Level(s.code, s.label)
        for s in norm.scale
        if norm.not_applicable_allowed or not s.not_applicable
    )
    items = tuple(Item(a.id, themes.get(a.theme, a.theme), a.title) for a in norm.agreements)
    return Framework(NORM_FRAMEWORK, norm.name, (), ((SINGLE_DIMENSION, "Score"),), levels, items)


def from_file(framework_id: str, model: FrameworkFile) -> Framework:
    levels = tuple(Level(s.code, s.label, s.confirmed) for s in model.scale)
    items = tuple(Item(i.id, t.title, i.text) for t in model.themes for i in t.items)
    dimensions = tuple((d.id, d.label) for d in model.dimensions)
    return Framework(framework_id, model.name, tuple(model.school_types), dimensions, levels, items)


def from_self_assessment(assessment: SelfAssessment) -> FrameworkAssessment:
    """A school's self-assessment of the agreements in the framework form."""
    return FrameworkAssessment(
        NORM_FRAMEWORK,
        assessment.school_year,
        SCHOOL,
        assessment.filled_in_on,
        assessment.filled_in_by,
        {k: {SINGLE_DIMENSION: v} for k, v in assessment.scores.items()},
        dict(assessment.explanations),
        None,
        assessment.path,
    )


def differences(
    framework: Framework, school: FrameworkAssessment, swv: FrameworkAssessment
) -> list[Difference]:
    """Every item and dimension that both scored with a different code, in framework order."""
    found = []
    for item in framework.items:
        for dim_id, dim_label in framework.dimensions:
            a = school.scores.get(item.id, {}).get(dim_id)
            b = swv.scores.get(item.id, {}).get(dim_id)
            if a is not None and b is not None and a != b:
                found.append(Difference(item, dim_label, a, b))
    return found
