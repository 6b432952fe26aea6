"""Compliance with the agreements, computed with exact fractions, and the one rule of whose
score counts (`counted`): the SWV's assessment of a school year when there is a complete one,
otherwise the school's own self-assessment. The public site, the internal site and their charts
all take their figures through `counted`, and every result names its assessor and school year."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from sop_builder.project.model import SCHOOL, SWV, Norm, School, SelfAssessment, SiteConfig

# Per school year, the SWV's assessment of one school (in the shape of a self-assessment).
SwvAssessments = Mapping[str, SelfAssessment]
NO_SWV: SwvAssessments = {}


@dataclass(frozen=True)
class Tally:
    """Met agreements (weighted) out of the agreements that count."""

    met: Fraction
    counted: int

    @property
    def percentage(self) -> int:
        """Rounded down, so that a school never looks better than it is."""
        return math.floor(self.met * 100 / self.counted) if self.counted else 0

    def reaches(self, target: Fraction) -> bool:
        return self.counted > 0 and self.met * 100 >= target * self.counted


@dataclass(frozen=True)
class Compliance:
    """How one assessment of one school and year (the school's own, or the SWV's: ``assessor``)
    compares with the norm and the target."""

    school_year: str
    total: Tally
    by_theme: dict[str, Tally]
    scored: int
    agreements: int
    target: Fraction | None
    pending: bool = False  # still marked INVULLEN (e.g. last year's scores, not yet confirmed)
    assessor: str = SCHOOL  # SCHOOL (self-assessment) or SWV (the SWV's assessment)

    @property
    def complete(self) -> bool:
        return self.scored == self.agreements

    @property
    def final(self) -> bool:
        """Every agreement scored and nothing left to confirm: fit to replace last year's."""
        return self.complete and not self.pending

    @property
    def meets_target(self) -> bool:
        return self.target is not None and self.total.reaches(self.target)

    @property
    def by_swv(self) -> bool:
        """Whether this is the SWV's assessment (else the school's self-assessment)."""
        return self.assessor == SWV


def score(assessment: SelfAssessment, norm: Norm, target: Fraction | None) -> Compliance:
    """Score ``assessment``; unscored agreements count as not met, n.v.t. does not count."""
    levels = {level.code: level for level in norm.scale}
    # Count codes per theme first, then weigh: a few Fraction operations instead of one per
    # agreement.
    codes: dict[str, Counter[str | None]] = {t.id: Counter() for t in norm.themes}
    for agreement in norm.agreements:
        codes.setdefault(agreement.theme, Counter())[assessment.scores.get(agreement.id)] += 1
    met: dict[str, Fraction] = {}
    counted: dict[str, int] = {}
    for theme, counts in codes.items():
        met[theme], counted[theme] = Fraction(0), 0
        for code, n in counts.items():
            level = levels.get(code) if code else None
            if level is not None and level.not_applicable:
                continue
            if level is None and norm.unscored == "telt-niet-mee":
                continue
            counted[theme] += n
            if level is not None and level.weight:
                met[theme] += level.weight * n
    by_theme = {t.id: Tally(met.get(t.id, Fraction(0)), counted.get(t.id, 0)) for t in norm.themes}
    total = Tally(sum(met.values(), Fraction(0)), sum(counted.values()))
    scored = sum(1 for a in norm.agreements if a.id in assessment.scores)
    return Compliance(
        assessment.school_year,
        total,
        by_theme,
        scored,
        len(norm.agreements),
        target,
        assessment.pending,
        assessment.assessor,
    )


def year_compliance(school: School, config: SiteConfig, year: str) -> Compliance | None:
    """The school's self-assessment of ``year`` scored with the norm and target of that same
    year, so a later norm or target never changes it (None without one)."""
    return assessment_compliance(school.self_assessments.get(year), config)


def assessment_compliance(
    assessment: SelfAssessment | None, config: SiteConfig
) -> Compliance | None:
    """``assessment`` (the school's or the SWV's) scored with the norm and target of its own
    school year (None without one)."""
    if assessment is None:
        return None
    norm = config.norm_for(assessment.school_year)
    if norm is None:
        return None
    return score(assessment, norm, config.swv.target_for(assessment.school_year))


def counted(own: Compliance | None, swv: Compliance | None) -> Compliance | None:
    """The one rule of whose score counts for a school year: the SWV's assessment when there is
    a complete one (every agreement scored), otherwise the school's own self-assessment."""
    return swv if swv is not None and swv.complete else own


def counted_in_year(
    school: School, config: SiteConfig, year: str, swv: SwvAssessments = NO_SWV
) -> Compliance | None:
    """The result that counts for ``school`` in ``year`` (see `counted`)."""
    return counted(
        year_compliance(school, config, year), assessment_compliance(swv.get(year), config)
    )


def counted_assessment(
    school: School, result: Compliance | None, swv: SwvAssessments = NO_SWV
) -> SelfAssessment | None:
    """The scores behind ``result``: the SWV's assessment or the school's self-assessment of
    the result's year."""
    if result is None:
        return None
    found = swv if result.by_swv else school.self_assessments
    return found.get(result.school_year)


def current_compliance(school: School, config: SiteConfig) -> Compliance | None:
    """The school's self-assessment in the SWV's current school year, or None without one."""
    return year_compliance(school, config, config.swv.school_year)


def published_compliance(
    school: School, config: SiteConfig, swv: SwvAssessments = NO_SWV
) -> Compliance | None:
    """The result the public site shows: the result that counts (`counted`) in this school
    year once it is final (the SWV's complete assessment, or the school's self-assessment with
    every agreement scored and nothing left to confirm), until then the latest earlier year's,
    and without one this year's as far as it goes. The result names its school year and who
    assessed. A self-assessment without any score (the empty file that nieuwe-school and
    import-scholen write) is no result, nor is one still marked INVULLEN: then there is "nog
    geen zelfevaluatie", never 0 %."""
    year = config.swv.school_year
    current = counted_in_year(school, config, year, swv)
    if current is not None and current.final:
        return current
    earlier = sorted(y for y in {*school.self_assessments, *swv} if y < year)
    for before in reversed(earlier):
        result = counted_in_year(school, config, before, swv)
        if result is not None and result.scored and not result.pending:
            return result
    return current if current is not None and current.scored and not current.pending else None


def counted_compliance(
    schools: list[School], config: SiteConfig, swv: Mapping[str, SwvAssessments]
) -> dict[str, Compliance | None]:
    """`published_compliance` of each school the SWV assessed (slug -> result); the others'
    results do not depend on the SWV."""
    return {
        s.slug: published_compliance(s, config, swv[s.slug]) for s in schools if swv.get(s.slug)
    }


def format_count(value: Fraction) -> str:
    """52 -> '52', 105/2 -> '52,5' (Dutch decimal comma)."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.1f}".replace(".", ",")


def format_percentage(value: Fraction) -> str:
    return format_count(value) + "%"
