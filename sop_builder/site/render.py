"""The one rendering API of the public site: a Jinja environment and the shared page context.

`Renderer.render` is the only way a page is rendered; the modules that make pages (site/pages.py,
kernen.py, offer_pages.py, poster.py) each take the one Renderer of a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from sop_builder.core.text import dutch_date
from sop_builder.project.load import Project
from sop_builder.project.model import (
    SCHOOL_TYPE_LABELS,
    Agreement,
    Norm,
    PracticalFact,
    School,
    SupportLevel,
    VocabularyEntry,
)
from sop_builder.project.paths import grouping_path
from sop_builder.project.pupils import school_pupils
from sop_builder.project.scoring import Compliance, format_count, format_percentage
from sop_builder.site.finder import FinderEntry, NeedLine, build_finder
from sop_builder.site.qrcode import qr_svg
from sop_builder.site.sanitize import school_html


@dataclass(frozen=True)
class GeneratedPage:
    """A page to hand to the site engine: its source path and Markdown text."""

    src_uri: str
    content: str | bytes  # bytes for files that are not pages, such as the calendar feed


def plain_title(text: str) -> str:
    """A title safe for the engine's <title> and navigation (no markup characters)."""
    return " ".join(text.replace("<", "").replace(">", "").replace('"', "'").split())


WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _environment(templates: Path, project: Project) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates / "pages")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        dutch_date=dutch_date,
        count=format_count,
        pct=format_percentage,
        school_type=lambda t: SCHOOL_TYPE_LABELS.get(t, t),
        title=plain_title,
        qr_svg=qr_svg,
        weekday=lambda day: WEEKDAYS[day.weekday()],
        clock=lambda moment: moment.strftime("%H:%M"),
        label=project.offer.label,
    )
    return env


def compliance_line(result: Compliance | None, year: str) -> str:
    """How far the school is with basisondersteuning, in plain words."""
    if result is None:
        return f"Er is nog geen zelfevaluatie van de basisondersteuning voor {year}."
    line = (
        f"De school houdt zich aan {format_count(result.total.met)} van de "
        f"{result.total.counted} afspraken die alle scholen samen hebben gemaakt "
        f"({result.total.percentage}%)."
    )
    if result.target is not None:
        line += f" Het doel voor {result.school_year} is {format_percentage(result.target)}."
        line += (
            " Dat doel haalt de school."
            if result.meets_target
            else " Dat haalt de school nog niet."
        )
    return line


def _labels(
    ids: tuple[str, ...] | list[str], entries: list[VocabularyEntry]
) -> list[VocabularyEntry]:
    by_id = {e.id: e for e in entries}
    return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True)
class LevelGroup:
    """The needs a school declared at one level of the scale (for the summary at the top)."""

    level: SupportLevel
    lines: tuple[NeedLine, ...]


def level_groups(entry: FinderEntry, levels: list[SupportLevel]) -> list[LevelGroup]:
    return [
        LevelGroup(level, lines)
        for level in levels
        if (lines := tuple(line for line in entry.lines if line.level_id == level.id))
    ]


def fact_lines(school: School, facts: list[PracticalFact]) -> list[tuple[str, str]]:
    """(label, value in words) of every practical fact the school filled in."""
    shown = []
    for fact in facts:
        value = school.facts.get(fact.id)
        if value is None:
            continue
        if isinstance(value, bool):
            shown.append((fact.label, "ja" if value else "nee"))
        else:
            shown.append((fact.label, f"{value} {fact.unit}" if fact.unit else str(value)))
    return shown


def unmet_agreements(school: School, result: Compliance | None, norm: Norm) -> list[Agreement]:
    """The agreements the school does not (fully) meet in the year of ``result``."""
    if result is None:
        return []
    assessment = school.self_assessments.get(result.school_year)
    scores = assessment.scores if assessment is not None else {}
    unmet = []
    for agreement in norm.agreements:
        level = norm.level(scores.get(agreement.id, ""))
        if level is not None and level.not_applicable:
            continue
        if level is None and norm.unscored == "telt-niet-mee":
            continue
        if level is None or level.weight != 1:
            unmet.append(agreement)
    return unmet


class Renderer:
    """Renders the pages of one project's public site: one per build, shared by every page."""

    def __init__(self, project: Project, templates: Path, site_url: str | None = None) -> None:
        assert project.config is not None
        self.project = project
        self.site_url = site_url.rstrip("/") if site_url else ""  # "" when not configured
        self.config = project.config
        self.env = _environment(templates, project)
        self.schools = sorted(project.schools, key=lambda s: s.front.name.lower())
        self.finder = build_finder(
            self.schools, self.config, project.compliance, project.today, project.postcodes
        )
        self.entries = {e.slug: e for e in self.finder.entries}
        self.schools_by_slug = {s.slug: s for s in self.schools}
        self.grouping_path = grouping_path(self.config.swv)

    def render(self, template: str, **context: Any) -> str:
        """Render ``templates/pages/<template>`` with the shared context and ``context``."""
        return self.env.get_template(template).render(
            swv=self.config.swv,
            norm=self.config.norm,
            vocab=self.config.vocabularies,
            today=self.project.today,
            grouping_path=self.grouping_path,
            site_url=self.site_url,
            **context,
        )

    def glossary_terms(self) -> list[Any]:
        glossary = self.config.glossary
        terms = glossary.terms if glossary is not None else []
        return sorted(terms, key=lambda t: t.term.lower())

    def compliance_lines(self) -> dict[str, str]:
        """Each school's compliance in plain words (slug -> sentence)."""
        year = self.config.swv.school_year
        return {
            s.slug: compliance_line(self.project.compliance.get(s.slug), year) for s in self.schools
        }

    def school_context(self, school: School, *, sections: bool = True) -> dict[str, Any]:
        """The template context of a school; ``sections=False`` leaves out its texts as HTML."""
        vocab = self.config.vocabularies
        result = self.project.compliance.get(school.slug)
        entry = self.entries[school.slug]
        themes = []
        if result is not None:
            for theme in self.config.norm.themes:
                tally = result.by_theme[theme.id]
                themes.append(
                    {"title": theme.title, "met": format_count(tally.met), "counted": tally.counted}
                )
        by_name = self.config.swv.agreements_on_school_page == "niet-gehaald-bij-naam"
        declared = {line.need_id for line in entry.lines}
        return {
            "entry": entry,
            "stories": self.project.offer.stories_about(school.slug),
            "school": school,
            "front": school.front,
            "kern": self.config.swv.kern(school.front.kern),
            "sections": (
                [(s, Markup(school_html(s.markdown))) for s in school.sections] if sections else []
            ),
            "groups": level_groups(entry, vocab.levels),
            "level_index": {lv.id: i for i, lv in enumerate(vocab.levels)},
            "undeclared": [n for n in vocab.needs if n.id not in declared],
            "facts": fact_lines(school, vocab.practical),
            "internal_expertise": _labels(
                school.front.internal_expertise, vocab.internal_expertise
            ),
            "external_expertise": _labels(
                school.front.external_expertise, vocab.external_expertise
            ),
            "extra_support": _labels(school.front.extra_support, vocab.extra_support),
            "result": result,
            "unmet": unmet_agreements(school, result, self.config.norm) if by_name else [],
            "pupils": school_pupils(self.project.pupils, school.front.vestigingscode),
            "compliance_line": compliance_line(result, self.config.swv.school_year),
            "themes": themes,
            "agreement_summary": (
                self.project.evaluation.summaries.get(school.slug)
                if self.project.evaluation
                else None
            ),
        }
