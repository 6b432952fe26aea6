"""Render the pages of the public site as Markdown (with escaped HTML) from Jinja templates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from sop_builder.core.text import dutch_date
from sop_builder.project.load import Project
from sop_builder.project.model import SCHOOL_TYPE_LABELS, School, VocabularyEntry
from sop_builder.project.paths import grouping_path
from sop_builder.project.pupils import school_pupils
from sop_builder.project.scoring import Compliance, format_count, format_percentage
from sop_builder.site.finder import build_finder
from sop_builder.site.kernen import kern_overview
from sop_builder.site.offer_pages import offer_pages
from sop_builder.site.qrcode import prepare_qr_codes, qr_svg
from sop_builder.site.sanitize import school_html


@dataclass(frozen=True)
class GeneratedPage:
    """A page to hand to the site engine: its source path and Markdown text."""

    src_uri: str
    content: str | bytes  # bytes for files that are not pages, such as the calendar feed


def plain_title(text: str) -> str:
    """A title safe for the engine's <title> and navigation (no markup characters)."""
    return " ".join(text.replace("<", "").replace(">", "").replace('"', "'").split())


def _environment(templates: Path) -> Environment:
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
    )
    return env


def _compliance_line(result: Compliance | None, year: str) -> str:
    if result is None:
        return f"Er is nog geen zelfevaluatie van de basisondersteuning voor {year}."
    line = (
        f"Voldoet aan {format_count(result.total.met)} van de {result.total.counted} "
        f"afspraken basisondersteuning ({result.total.percentage}%)"
    )
    if result.target is not None:
        line += f"; doel {result.school_year}: {format_percentage(result.target)}"
    return line + "."


def _labels(
    ids: tuple[str, ...] | list[str], entries: list[VocabularyEntry]
) -> list[VocabularyEntry]:
    by_id = {e.id: e for e in entries}
    return [by_id[i] for i in ids if i in by_id]


class Renderer:
    """Renders every page of the public site for one project."""

    def __init__(self, project: Project, templates: Path, site_url: str | None = None) -> None:
        assert project.config is not None
        self.project = project
        self.site_url = site_url.rstrip("/") if site_url else ""  # "" when not configured
        self.config = project.config
        self.env = _environment(templates)
        self.schools = sorted(project.schools, key=lambda s: s.front.name.lower())
        self.finder = build_finder(self.schools, self.config, project.compliance)
        self.entries = {e.slug: e for e in self.finder.entries}
        self.grouping_path = grouping_path(self.config.swv)

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(
            swv=self.config.swv,
            norm=self.config.norm,
            today=self.project.today,
            grouping_path=self.grouping_path,
            site_url=self.site_url,
            **context,
        )

    def glossary_terms(self) -> list[Any]:
        glossary = self.config.glossary
        terms = glossary.terms if glossary is not None else []
        return sorted(terms, key=lambda t: t.term.lower())

    def kern_pages(self) -> list[GeneratedPage]:
        """A page per kern with schools, and the overview of all kernen."""
        folder = self.grouping_path
        by_kern: dict[str, list[School]] = {}
        for school in self.schools:
            by_kern.setdefault(school.front.kern, []).append(school)
        overviews = [
            kern_overview(k, by_kern.get(k.id, []), self.config, self.project.compliance)
            for k in self.config.swv.kernen
        ]
        entries = self.entries
        pages = [
            GeneratedPage(f"{folder}/index.md", self._render("kernen.md.j2", overviews=overviews))
        ]
        for overview in overviews:
            pages.append(
                GeneratedPage(
                    f"{folder}/{overview.kern.id}.md",
                    self._render(
                        "kern.md.j2",
                        overview=overview,
                        entries=[entries[s.slug] for s in overview.schools],
                        compliance=self.project.compliance,
                        kern_pupils=self.project.pupils.totals(
                            [s.front.vestigingscode for s in overview.schools]
                        )
                        if self.project.pupils
                        else [],
                    ),
                )
            )
        return pages

    def school_context(self, school: School, *, sections: bool = True) -> dict[str, Any]:
        """The template context of a school; ``sections=False`` leaves out its texts as HTML."""
        vocab = self.config.vocabularies
        result = self.project.compliance.get(school.slug)
        themes = []
        if result is not None:
            for theme in self.config.norm.themes:
                tally = result.by_theme[theme.id]
                themes.append(
                    {"title": theme.title, "met": format_count(tally.met), "counted": tally.counted}
                )
        return {
            "entry": self.entries[school.slug],
            "stories": self.project.offer.stories_about(school.slug),
            "school": school,
            "front": school.front,
            "kern": self.config.swv.kern(school.front.kern),
            "sections": (
                [(s, Markup(school_html(s.markdown))) for s in school.sections] if sections else []
            ),
            "internal_expertise": _labels(
                school.front.internal_expertise, vocab.internal_expertise
            ),
            "external_expertise": _labels(
                school.front.external_expertise, vocab.external_expertise
            ),
            "extra_support": _labels(school.front.extra_support, vocab.extra_support),
            "result": result,
            "pupils": school_pupils(self.project.pupils, school.front.vestigingscode),
            "compliance_line": _compliance_line(result, self.config.swv.school_year),
            "themes": themes,
            "agreement_summary": (
                self.project.evaluation.summaries.get(school.slug)
                if self.project.evaluation
                else None
            ),
        }

    def pages(self) -> list[GeneratedPage]:
        """Every page of the public site."""
        pages = [
            GeneratedPage("index.md", self._render("home.md.j2", schools=self.schools)),
            GeneratedPage("scholen/index.md", self._render("schools.md.j2", finder=self.finder)),
            *self.kern_pages(),
            GeneratedPage("basisondersteuning.md", self._render("basisondersteuning.md.j2")),
            GeneratedPage("zoeken.md", self._render("zoeken.md.j2")),
            GeneratedPage(
                "over-passend-onderwijs.md", self._render("over-passend-onderwijs.md.j2")
            ),
            GeneratedPage("toegankelijkheid.md", self._render("toegankelijkheid.md.j2")),
            GeneratedPage("privacy.md", self._render("privacy.md.j2")),
            GeneratedPage(
                "woordenlijst.md",
                self._render("woordenlijst.md.j2", terms=self.glossary_terms()),
            ),
        ]
        if self.site_url:  # every school page and poster shows the QR code of the page's address
            prepare_qr_codes(f"{self.site_url}/scholen/{s.slug}/" for s in self.schools)
        for school in self.schools:
            pages.append(
                GeneratedPage(
                    f"scholen/{school.slug}.md",
                    self._render("school.md.j2", **self.school_context(school)),
                )
            )
        pages += [GeneratedPage(uri, content) for uri, content in offer_pages(self)]
        return pages


def render_pages(
    project: Project, templates: Path, site_url: str | None = None
) -> list[GeneratedPage]:
    """Render the public site of ``project`` with the templates in ``templates``."""
    return Renderer(project, templates, site_url).pages()
