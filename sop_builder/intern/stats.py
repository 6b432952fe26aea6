"""Figures for the internal site: compliance by school, kern, bestuur and year, differences
between school and SWV, and each school's conversation report (gespreksrapport)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from sop_builder.project.evaluation.frameworks import (
    NORM_FRAMEWORK,
    Difference,
    Framework,
    FrameworkAssessment,
    differences,
    from_self_assessment,
)
from sop_builder.project.evaluation.load import EvaluationData, SchoolRecords
from sop_builder.project.evaluation.model import EvaluationFile, YearGoals
from sop_builder.project.model import SCHOOL, SWV, School, SiteConfig
from sop_builder.project.project import Project
from sop_builder.project.scoring import (
    Compliance,
    SwvAssessments,
    Tally,
    assessment_compliance,
    counted,
    counted_assessment,
    counted_in_year,
    year_compliance,
)

GROUPING_KEY = "kern"  # group rows by the SWV's grouping (its label: swv.grouping)
# The group of schools whose board name is not known yet (DUO's files give only its number).
UNKNOWN_BOARD = "Bestuur nog niet bekend"


@dataclass(frozen=True)
class SchoolRow:
    school: School
    kern: str
    own: Compliance | None  # the school's self-assessment
    swv: Compliance | None  # the SWV's assessment of the same agreements
    differences: int
    kern_id: str = ""
    expired: bool = False  # the SOP's 'geldig_tot' has passed

    @property
    def decisive(self) -> Compliance | None:
        """The result that counts (scoring.counted): the SWV's assessment where there is a
        complete one, else the school's self-assessment. Every figure of the dashboard, its
        tables and charts is taken from this."""
        return counted(self.own, self.swv)

    @property
    def meets_target(self) -> bool | None:
        return self.decisive.meets_target if self.decisive else None


@dataclass(frozen=True)
class ThemeChange:
    title: str
    before: Tally | None
    now: Tally | None


@dataclass(frozen=True)
class ScoreChange:
    id: str
    title: str
    before: str  # label of last year's score
    now: str


@dataclass
class YearComparison:
    """This year's results against those of the year before (the school's and the SWV's)."""

    year: str  # the earlier school year
    own: Compliance | None
    swv: Compliance | None
    themes: list[ThemeChange] = field(default_factory=list)
    changes: list[ScoreChange] = field(default_factory=list)


@dataclass(frozen=True)
class GroupSummary:
    """Compliance of a set of schools (a kern, a bestuur, or the whole SWV), each school on the
    result that counts (`SchoolRow.decisive`)."""

    name: str
    schools: int
    assessed: int  # schools with a result that counts
    meeting: int
    pooled: Tally
    by_swv: int = 0  # of ``assessed``: how many on the SWV's assessment


@dataclass(frozen=True)
class AgreementCount:
    id: str
    title: str
    theme: str
    met: int
    assessed: int


@dataclass(frozen=True)
class YearFigure:
    year: str
    target: Fraction | None
    summary: GroupSummary  # the schools with a result in every year of the trend
    all_schools: GroupSummary  # every school with a result in this year


@dataclass(frozen=True)
class Trend:
    """Compliance per school year, compared over the same schools."""

    years: list[YearFigure]
    same_schools: int  # the schools with a result that counts in every one of ``years``


@dataclass
class GoalLine:
    id: str
    title: str
    group: str
    questions: list[str]
    status: str | None = None
    status_label: str = ""
    steps: str | None = None
    remark: str | None = None
    hours: bool = False


@dataclass
class FrameworkComparison:
    framework: Framework
    school: FrameworkAssessment | None
    swv: FrameworkAssessment | None
    differences: list[Difference] = field(default_factory=list)
    agreeing: int = 0


@dataclass
class ConversationReport:
    """Everything to prepare one school's yearly conversation."""

    school: School
    year: str
    row: SchoolRow
    comparisons: list[FrameworkComparison]
    goals: YearGoals | None
    goal_lines: list[GoalLine]
    evaluation: EvaluationFile | None
    last_year: EvaluationFile | None
    history: list[tuple[EvaluationFile, list[GoalLine]]] = field(default_factory=list)
    comparison: YearComparison | None = None  # with the year before, when it has results


def summarise(name: str, rows: list[SchoolRow]) -> GroupSummary:
    results = [r.decisive for r in rows if r.decisive is not None]
    met = sum((c.total.met for c in results), Fraction(0))
    counted_ = sum(c.total.counted for c in results)
    return GroupSummary(
        name,
        len(rows),
        len(results),
        sum(1 for c in results if c.meets_target),
        Tally(met, counted_),
        sum(1 for c in results if c.by_swv),
    )


class InternalFigures:
    """Computes the figures once per build."""

    def __init__(self, project: Project) -> None:
        assert project.config is not None
        assert project.evaluation is not None
        self.project = project
        self.config: SiteConfig = project.config
        self.data: EvaluationData = project.evaluation
        self.year = self.config.swv.school_year
        self.target = self.config.swv.target_for(self.year)
        self.norm = self.config.norm  # the norm of this school year
        self.schools = sorted(project.schools, key=lambda s: s.front.name.lower())
        self.rows = [self._row(s) for s in self.schools]

    def records(self, slug: str) -> SchoolRecords | None:
        return self.data.schools.get(slug)

    def swv_assessments(self, slug: str) -> SwvAssessments:
        """The SWV's assessments of a school's agreements, by school year."""
        return self.data.swv_scores.get(slug, {})

    def _row(self, school: School) -> SchoolRow:
        kern = self.config.swv.kern(school.front.kern)
        own = self.project.current.get(school.slug)
        swv = self.swv_result(school, self.year)
        count = sum(len(c.differences) for c in self.comparisons(school))
        return SchoolRow(
            school,
            kern.name if kern else school.front.kern,
            own,
            swv,
            count,
            school.front.kern,
            school.front.valid_until < self.project.today,
        )

    def swv_result(self, school: School, year: str) -> Compliance | None:
        """The SWV's assessment of the agreements in ``year``, scored with that year's norm."""
        return assessment_compliance(self.swv_assessments(school.slug).get(year), self.config)

    def year_comparison(self, row: SchoolRow) -> YearComparison | None:
        """The row's results against the latest earlier year with a result."""
        school = row.school
        years = {y for y in school.self_assessments if y < self.year}
        years |= {y for y in self.swv_assessments(school.slug) if y < self.year}
        if not years:
            return None
        year = max(years)
        own = year_compliance(school, self.config, year)
        comparison = YearComparison(year, own, self.swv_result(school, year))
        for theme in self.norm.themes:
            before = own.by_theme.get(theme.id) if own else None
            now = row.own.by_theme.get(theme.id) if row.own else None
            comparison.themes.append(ThemeChange(theme.title, before, now))
        earlier, current = school.self_assessments.get(year), school.self_assessments.get(self.year)
        old_norm = self.config.norm_for(year)
        if earlier and current and old_norm:
            for agreement in self.norm.agreements:
                a, b = earlier.scores.get(agreement.id), current.scores.get(agreement.id)
                if a and b and a != b:
                    was, now_level = old_norm.level(a), self.norm.level(b)
                    comparison.changes.append(
                        ScoreChange(
                            agreement.id,
                            agreement.title,
                            was.label if was else a,
                            now_level.label if now_level else b,
                        )
                    )
        return comparison

    # --- comparisons and reports ------------------------------------------------------------

    def comparisons(self, school: School) -> list[FrameworkComparison]:
        records = self.records(school.slug)
        result = []
        for framework_id in self.data.config.framework_ids():
            framework = self.data.config.framework(framework_id, self.year)
            if framework is None:
                continue
            if framework.id == NORM_FRAMEWORK:
                own = school.self_assessments.get(self.year)
                mine = from_self_assessment(own) if own else None
            else:
                mine = (
                    records.framework_assessment(framework.id, self.year, SCHOOL)
                    if records
                    else None
                )
            theirs = records.framework_assessment(framework.id, self.year, SWV) if records else None
            if mine is None and theirs is None:
                continue
            comparison = FrameworkComparison(framework, mine, theirs)
            if mine is not None and theirs is not None:
                comparison.differences = differences(framework, mine, theirs)
                both = sum(
                    1
                    for item in framework.items
                    for dim, _ in framework.dimensions
                    if item.id in mine.scores
                    and dim in mine.scores[item.id]
                    and item.id in theirs.scores
                    and dim in theirs.scores[item.id]
                )
                comparison.agreeing = both - len(comparison.differences)
            result.append(comparison)
        return result

    def goal_lines(
        self, goals: YearGoals | None, evaluation: EvaluationFile | None
    ) -> list[GoalLine]:
        lines = []
        for group in goals.groups if goals else []:
            for goal in group.goals:
                line = GoalLine(goal.id, goal.title, group.title, list(goal.questions))
                entry = evaluation.goals.get(goal.id) if evaluation else None
                if entry is not None:
                    status = goals.status(entry.status) if goals else None
                    line.status = entry.status
                    line.status_label = status.label if status else entry.status
                    line.steps, line.remark, line.hours = (
                        entry.steps,
                        entry.remark,
                        entry.consultant_hours,
                    )
                lines.append(line)
        return lines

    def report(self, row: SchoolRow) -> ConversationReport:
        records = self.records(row.school.slug)
        evaluations = records.evaluations if records else {}
        evaluation = evaluations.get(self.year)
        earlier = sorted(y for y in evaluations if y < self.year)
        last_year = evaluations[earlier[-1]] if earlier else None
        goals = self.data.config.goals_for(self.year)
        history = [
            (evaluations[y], self.goal_lines(self.data.config.goals_for(y), evaluations[y]))
            for y in reversed(earlier)
        ]
        return ConversationReport(
            row.school,
            self.year,
            row,
            self.comparisons(row.school),
            goals,
            self.goal_lines(goals, evaluation),
            evaluation,
            last_year,
            history,
            self.year_comparison(row),
        )

    # --- dashboard figures ------------------------------------------------------------------

    def groups(self, key: str) -> dict[str, list[SchoolRow]]:
        grouped: dict[str, list[SchoolRow]] = defaultdict(list)
        for row in self.rows:
            grouped[
                row.kern if key == GROUPING_KEY else row.school.front.board or UNKNOWN_BOARD
            ].append(row)
        return dict(sorted(grouped.items()))

    def distribution(self) -> list[tuple[str, int]]:
        """How many schools' results that count fall in each band of percentages."""
        bins = [(0, 60), (60, 70), (70, 80), (80, 90), (90, 101)]
        labels = ["minder dan 60%", "60 tot 70%", "70 tot 80%", "80 tot 90%", "90% of meer"]
        values = [r.decisive.total.percentage for r in self.rows if r.decisive]
        return [
            (label, sum(1 for v in values if lo <= v < hi))
            for label, (lo, hi) in zip(labels, bins, strict=True)
        ]

    def agreement_counts(self, rows: list[SchoolRow]) -> list[AgreementCount]:
        """Per agreement: how many schools fully meet it (weight 1) in the scores that count
        (the SWV's where it assessed the school), fewest first."""
        norm = self.norm
        themes = {t.id: t.title for t in norm.themes}
        full = {s.code for s in norm.scale if s.weight == 1}
        counts = []
        assessed = [
            found
            for r in rows
            if r.decisive is not None
            and r.decisive.school_year == self.year
            and (
                found := counted_assessment(
                    r.school, r.decisive, self.swv_assessments(r.school.slug)
                )
            )
            is not None
        ]
        for agreement in norm.agreements:
            met = sum(1 for a in assessed if a.scores.get(agreement.id) in full)
            counts.append(
                AgreementCount(
                    agreement.id,
                    agreement.title,
                    themes.get(agreement.theme, ""),
                    met,
                    len(assessed),
                )
            )
        return sorted(counts, key=lambda c: (c.met, c.id))

    def themes(self) -> list[tuple[str, Tally]]:
        result = []
        for theme in self.norm.themes:
            tallies = [r.decisive.by_theme[theme.id] for r in self.rows if r.decisive]
            result.append(
                (
                    theme.title,
                    Tally(
                        sum((t.met for t in tallies), Fraction(0)), sum(t.counted for t in tallies)
                    ),
                )
            )
        return result

    def trend(self) -> Trend:
        """Each school year's results that count, compared over the same schools: those with a
        result in every year shown (each year with its own norm and target: history never
        changes)."""
        years = sorted(
            {y for s in self.schools for y in s.self_assessments}
            | {y for s in self.schools for y in self.swv_assessments(s.slug)}
        )
        by_year: dict[str, list[SchoolRow]] = {}
        for year in years:
            by_year[year] = [
                SchoolRow(s, "", result, None, 0)
                for s in self.schools
                if (result := counted_in_year(s, self.config, year, self.swv_assessments(s.slug)))
                is not None
            ]
        same = (
            set.intersection(*({r.school.slug for r in rows} for rows in by_year.values()))
            if years
            else set()
        )
        figures = [
            YearFigure(
                year,
                self.config.swv.target_for(year),
                summarise(year, [r for r in rows if r.school.slug in same]),
                summarise(year, rows),
            )
            for year, rows in by_year.items()
        ]
        return Trend(figures, len(same))
