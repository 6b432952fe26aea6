"""Compliance with the agreements, computed with exact fractions."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from sop_builder.project.model import Norm, School, SelfAssessment, SiteConfig


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
    """How one school's self-assessment of one year compares with the norm and the target."""

    school_year: str
    total: Tally
    by_theme: dict[str, Tally]
    scored: int
    agreements: int
    target: Fraction | None
    pending: bool = False  # still marked INVULLEN (e.g. last year's scores, not yet confirmed)

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
    )


def year_compliance(school: School, config: SiteConfig, year: str) -> Compliance | None:
    """The school's self-assessment of ``year`` scored with the norm and target of that same
    year, so a later norm or target never changes it (None without one)."""
    assessment = school.self_assessments.get(year)
    norm = config.norm_for(year)
    if assessment is None or norm is None:
        return None
    return score(assessment, norm, config.swv.target_for(year))


def current_compliance(school: School, config: SiteConfig) -> Compliance | None:
    """Compliance in the SWV's current school year, or None without an assessment."""
    return year_compliance(school, config, config.swv.school_year)


def published_compliance(school: School, config: SiteConfig) -> Compliance | None:
    """The result the public site shows: this year's once it is final (every agreement scored,
    nothing left to confirm), until then the latest earlier year's, and without one this
    year's as far as it goes. The result names its own school year. A self-assessment without
    any score (the empty file that nieuwe-school and import-scholen write) is no result, nor
    is one still marked INVULLEN: then there is "nog geen zelfevaluatie", never 0 %."""
    current = current_compliance(school, config)
    if current is not None and current.final:
        return current
    earlier = sorted(y for y in school.self_assessments if y < config.swv.school_year)
    for year in reversed(earlier):
        result = year_compliance(school, config, year)
        if result is not None and result.scored and not result.pending:
            return result
    return current if current is not None and current.scored and not current.pending else None


def format_count(value: Fraction) -> str:
    """52 -> '52', 105/2 -> '52,5' (Dutch decimal comma)."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.1f}".replace(".", ",")


def format_percentage(value: Fraction) -> str:
    return format_count(value) + "%"
