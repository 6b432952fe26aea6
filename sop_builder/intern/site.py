"""The internal site (site-intern/): SWV dashboard, a gespreksrapport per school, and the same
rolled up per kern and per bestuur. Plain HTML from Jinja templates in templates/intern/, SVG
charts made here. publish/intern.py checks it, sets the Content-Security-Policy and publishes it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from sop_builder.core.text import dutch_date, slugify
from sop_builder.intern.charts import Bar, bar_chart
from sop_builder.intern.figure_pages import (
    Block,
    FigurePages,
    FiguresView,
    framework_block,
    school_header,
)
from sop_builder.intern.stats import (
    GROUPING_KEY,
    UNKNOWN_BOARD,
    InternalFigures,
    SchoolRow,
    summarise,
)
from sop_builder.intern.tables import label_cells
from sop_builder.project.evaluation.frameworks import NORM_FRAMEWORK
from sop_builder.project.model import SCHOOL
from sop_builder.project.project import Project
from sop_builder.project.publication import completeness
from sop_builder.project.routes import grouping_path, school_path
from sop_builder.project.scoring import format_count, format_percentage

ASSETS = ("intern.css",)
FIGURES_FOLDER = "kengetallen"  # the SWV's figures: kengetallen/, and <group>/kengetallen/
FIGURES_TEMPLATE, FIGURES_ASSET = "kengetallen.html.j2", "kengetallen.css"  # only with those pages
FIGURES_OPENING = "_kengetallen_opening.html.j2"  # what a gespreksrapport opens with
ROBOTS = "User-agent: *\nDisallow: /\n"


def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates / "intern")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        dutch_date=dutch_date, count=format_count, pct=format_percentage, plural=plural
    )
    return env


def plural(number: int, one: str, more: str) -> str:
    """'1 school', '3 scholen', '0 scholen': the number with the right Dutch form."""
    return f"{number} {one if number == 1 else more}"


class InternSite:
    """Renders every page of the internal site."""

    def __init__(
        self, project: Project, templates: Path, not_complete: list[tuple[str, str, str]]
    ) -> None:
        assert project.config is not None
        self.project = project
        # (name, vestigingscode, what is missing) of each school not complete
        # (project/publication.py `not_complete`, of the project as loaded)
        self.not_complete = not_complete
        self.swv = project.config.swv
        self.figures = InternalFigures(project)
        self.env = _environment(templates)
        self.grouping_path = grouping_path(self.swv)
        data = project.figures
        # a project whose own templates/ predate the Kengetallen pages: built without them
        self.figures_without_template = bool(data and data.sets) and not all(
            (templates / "intern" / name).is_file()
            for name in (FIGURES_TEMPLATE, FIGURES_ASSET, FIGURES_OPENING)
        )
        self.figure_pages = (
            FigurePages(data)
            if data is not None and data.sets and not self.figures_without_template
            else None
        )

    def _render(self, template: str, base: str, **context: Any) -> str:
        """A page of ``template``; its tables carry their column headings per cell, so that they
        reflow on a phone (``tables.py``)."""
        html = self.env.get_template(template).render(
            swv=self.swv,
            year=self.figures.year,
            target=self.figures.target,
            base=base,
            today=self.project.today,
            grouping_path=self.grouping_path,
            group_link=self.group_link,
            unknown_board=UNKNOWN_BOARD,
            figures_link=self.figure_pages is not None,
            **context,
        )
        return label_cells(html)

    def group_link(self, key: str, name: str) -> str:
        """The folder of a group's page from the site root: '<the grouping's plural>/<id>'
        (the same words as on the public site) or 'besturen/<name>'."""
        if key == GROUPING_KEY:
            rows = self.figures.groups(GROUPING_KEY).get(name, [])
            return f"{self.grouping_path}/{rows[0].kern_id if rows else slugify(name)}"
        return f"besturen/{slugify(name)}"

    def _school_chart(self, rows: list[SchoolRow], chart_id: str, title: str) -> Markup:
        """A bar per school on the result that counts (the table's 'Telt' column), coloured
        by whether that result reaches the target; the value names the assessor."""
        target = self.figures.target
        bars = [
            Bar(
                r.school.front.name,
                r.decisive.total.percentage,
                f"{r.decisive.total.percentage}%" + (" (SWV)" if r.decisive.by_swv else ""),
                "good" if r.decisive.meets_target else "short",
            )
            for r in rows
            if r.decisive
        ]
        return bar_chart(
            chart_id,
            title,
            bars,
            100,
            float(target) if target else None,
            f"doel {format_percentage(target)}" if target else "",
        )

    def dashboard(self) -> str:
        f = self.figures
        distribution = f.distribution()
        themes = f.themes()
        trend = f.trend()
        kernen = {name: summarise(name, rows) for name, rows in f.groups(GROUPING_KEY).items()}
        boards = {name: summarise(name, rows) for name, rows in f.groups("bestuur").items()}
        charts = {
            "schools": self._school_chart(
                f.rows,
                "grafiek-scholen",
                f"Naleving per school in {f.year}: de score die telt ((SWV): de beoordeling door "
                "het samenwerkingsverband, anders de zelfevaluatie van de school)",
            ),
            "distribution": bar_chart(
                "grafiek-verdeling",
                "Verdeling van de scholen over de percentages",
                [Bar(label, n, plural(n, "school", "scholen")) for label, n in distribution],
                max([n for _, n in distribution] + [1]),
            ),
            "themes": bar_chart(
                "grafiek-themas",
                "Naleving per thema",
                [Bar(t, tally.percentage, f"{tally.percentage}%") for t, tally in themes],
                100,
            ),
            "trend": bar_chart(
                "grafiek-trend",
                f"Naleving door de jaren heen, van dezelfde {plural(trend.same_schools, 'school', 'scholen')}",
                [
                    Bar(y.year, y.summary.pooled.percentage, f"{y.summary.pooled.percentage}%")
                    for y in trend.years
                ],
                100,
            ),
        }
        return self._render(
            "dashboard.html.j2",
            "",
            rows=f.rows,
            distribution=distribution,
            themes=themes,
            trend=trend,
            kernen=kernen,
            boards=boards,
            total=summarise("SWV", f.rows),
            fewest=f.agreement_counts(f.rows)[:10],
            charts=charts,
            slugify=slugify,
            pupil_groups=self.pupil_groups(),
            not_complete=self.not_complete,
            folders=completeness(self.project)[1],
        )

    def pupil_groups(self) -> list[tuple[str, str, list[Any]]]:
        """Pupil sums for the SWV, each kern and each bestuur (never a count under 5)."""
        pupils = self.project.pupils
        if pupils is None or not pupils.counts:
            return []

        def codes(rows: list[SchoolRow]) -> list[str]:
            return [r.school.front.vestigingscode for r in rows]

        groups = [
            ("Samenwerkingsverband", self.swv.short_name, pupils.totals(codes(self.figures.rows)))
        ]
        label = self.swv.grouping.label.capitalize()
        for kind, key in ((label, GROUPING_KEY), ("Bestuur", "bestuur")):
            groups += [
                (kind, n, pupils.totals(codes(r))) for n, r in self.figures.groups(key).items()
            ]
        return groups

    def opening(self, rows: list[SchoolRow], name: str) -> Any:
        """The figures a gespreksrapport opens with (None without figures)."""
        if self.figure_pages is None:
            return None
        return self.figure_pages.opening({r.school.front.vestigingscode for r in rows}, name)

    def school_page(self, row: SchoolRow) -> str:
        return self._render(
            "gespreksrapport.html.j2",
            "../../",
            report=self.figures.report(row),
            slugify=slugify,
            opening=self.opening([row], row.school.front.name),
        )

    def group_page(self, label: str, name: str, rows: list[SchoolRow], chart_id: str) -> str:
        f = self.figures
        goals = f.data.config.goals_for(f.year)
        statuses = []
        for line in f.goal_lines(goals, None):
            counts: dict[str, int] = {}
            hours = 0
            for row in rows:
                records = f.records(row.school.slug)
                evaluation = records.evaluations.get(f.year) if records else None
                entry = evaluation.goals.get(line.id) if evaluation else None
                if entry is not None:
                    status = goals.status(entry.status) if goals else None
                    key = status.label if status else entry.status
                    counts[key] = counts.get(key, 0) + 1
                    hours += entry.consultant_hours
            statuses.append((line, counts, hours))
        return self._render(
            "groep.html.j2",
            "../../",
            label=label,
            name=name,
            rows=rows,
            summary=summarise(name, rows),
            fewest=f.agreement_counts(rows)[:10],
            chart=self._school_chart(
                rows,
                chart_id,
                f"Naleving per school in {name} in {f.year}: de score die telt ((SWV): de "
                "beoordeling door het samenwerkingsverband, anders de zelfevaluatie)",
            ),
            opening=self.opening(rows, _heading(label, name)),
            statuses=statuses,
            goals=goals,
            slugify=slugify,
        )

    def framework_blocks(self, rows: list[SchoolRow], heading: str) -> list[Block]:
        """The frameworks the schools filled in this year (handelingsgericht werken, ...),
        beside the other figures; the agreements are on the dashboard."""
        f = self.figures
        blocks = []
        for framework_id in f.data.config.framework_ids():
            framework = f.data.config.framework(framework_id, f.year)
            if framework is None or framework_id == NORM_FRAMEWORK:
                continue
            found = [
                records.framework_assessment(framework_id, f.year, SCHOOL)
                for row in rows
                if (records := f.records(row.school.slug)) is not None
            ]
            assessments = [a for a in found if a is not None]
            if assessments:
                blocks.append(framework_block(framework, assessments, f.year, heading))
        return blocks

    def figures_page(self, rows: list[SchoolRow] | None, heading: str, base: str) -> str:
        """The Kengetallen page of the SWV (``rows`` None) or of a kern or bestuur."""
        assert self.figure_pages is not None
        chosen = self.figures.rows if rows is None else rows
        codes = None if rows is None else {r.school.front.vestigingscode for r in rows}
        year, schools = self.figure_pages.schools(
            [
                (
                    r.school.front.name,
                    r.school.front.vestigingscode,
                    f"{r.decisive.total.percentage}%" if r.decisive else "geen",
                )
                for r in chosen
            ]
        )
        view = FiguresView(
            self.figure_pages.blocks(codes, heading) + self.framework_blocks(chosen, heading),
            year,
            school_header(),
            schools,
            self.figure_pages.preliminary,
        )
        back = "../index.html" if rows is not None else ""
        return self._render(FIGURES_TEMPLATE, base, heading=heading, view=view, back=back)

    def pages(self) -> dict[str, str]:
        """Relative path -> HTML."""
        out = {"index.html": self.dashboard()}
        if self.figure_pages is not None:
            out[f"{FIGURES_FOLDER}/index.html"] = self.figures_page(
                None, self.swv.short_name, "../"
            )
        for row in self.figures.rows:
            # the same address as the school's public page (the route table's)
            out[f"{school_path(row.school.slug).strip('/')}/index.html"] = self.school_page(row)
        label = self.swv.grouping.label
        for key, kind in ((GROUPING_KEY, label.capitalize()), ("bestuur", "Bestuur")):
            for name, rows in self.figures.groups(key).items():
                folder = self.group_link(key, name)
                out[f"{folder}/index.html"] = self.group_page(kind, name, rows, "grafiek-groep")
                if self.figure_pages is not None:
                    out[f"{folder}/{FIGURES_FOLDER}/index.html"] = self.figures_page(
                        rows, _heading(kind, name), "../../../"
                    )
        return out


def _heading(label: str, name: str) -> str:
    """'Kern Helmerdam', 'Bestuur Stichting X' (as groep.html.j2 heads the page), but not
    'Kern Kern Noord'."""
    return name if name.lower().startswith(label.lower() + " ") else f"{label} {name}"


def write_site(
    project: Project,
    templates: Path,
    target: Path,
    not_complete: list[tuple[str, str, str]] | None = None,
) -> list[str]:
    """Write every page and asset into ``target``; a note for each part left out."""
    site = InternSite(project, templates, not_complete or [])
    for rel, html in site.pages().items():
        file = target / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html, encoding="utf-8")
    assets = ASSETS + ((FIGURES_ASSET,) if site.figure_pages is not None else ())
    for asset in assets:
        shutil.copyfile(templates / "intern" / asset, target / asset)
    (target / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    if site.figures_without_template:
        folder = f"{templates.name}/intern"
        return [
            f"De pagina's Kengetallen zijn niet gemaakt: {folder}/{FIGURES_TEMPLATE}, "
            f"{folder}/{FIGURES_OPENING} of {folder}/{FIGURES_ASSET} ontbreekt. Neem die over "
            "uit de templates van sop-builder."
        ]
    return []
