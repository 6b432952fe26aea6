"""The optional public page /kengetallen/ (site_config/bouwen.yaml `kengetallen_openbaar: ja`):
the SWV's headline figures from DUO's open data, as sums over the whole SWV only: its pupils
on 1 October and its participation in sbo and so beside the country's, per year, with the
source and peildatum in words. Never a school's figure, never the SWV's own registration (the
public build does not even hold it: project/figures.py `open_data_only`), never a count under
5, and no share over fewer than 100 pupils (project/figure_rules.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sop_builder.core.text import dutch_date
from sop_builder.project.figure_rules import count_text, total
from sop_builder.project.figure_series import kind_totals, shares
from sop_builder.project.figures import DUO_PUPILS, DUO_SPECIAL, FigureSet
from sop_builder.project.routes import Route
from sop_builder.site.render import GeneratedPage, Renderer

YEARS = 5  # the years on the page


@dataclass(frozen=True)
class YearRow:
    """One year of the page: the label ('2025 (voorlopig)') and its figures as shown."""

    year: str
    pupils: str
    sbo: str
    sbo_country: str
    so: str
    so_country: str


def _sources(sets: list[FigureSet]) -> list[str]:
    """'Bron: …, bestand '…'. Peildatum 1 oktober 2024 (definitief) en …' per source."""
    by_source: dict[tuple[str, str], list[str]] = {}
    for item in sorted(sets, key=lambda s: s.day):
        when = f"{dutch_date(item.day)} ({item.status})"
        by_source.setdefault((item.source.title, item.file), []).append(when)
    lines = []
    for (title, file), days in by_source.items():
        when = days[0] if len(days) == 1 else ", ".join(days[:-1]) + " en " + days[-1]
        lines.append(f"Bron: {title}, bestand '{file}'. Peildatum {when}.")
    return lines


def figures_page(renderer: Renderer, route: Route) -> GeneratedPage:
    """The page of the SWV's headline figures."""
    data = renderer.project.figures
    assert data is not None  # the route exists only with DUO's pupils (routes.py)
    pupils, special = data.of(DUO_PUPILS), data.of(DUO_SPECIAL)
    years = sorted(pupils)[-YEARS:]
    rows = []
    for year in years:
        sums = [c for c in kind_totals(pupils[year]).values() if c is not None]
        figures = shares(pupils[year], special.get(year))
        texts = [s.text() if s is not None else "–" for s in figures]
        label = f"{year} (voorlopig)" if pupils[year].preliminary else str(year)
        rows.append(YearRow(label, count_text(total(year, sums) if sums else None), *texts))
    used = [pupils[y] for y in years] + [special[y] for y in years if y in special]
    content = renderer.render(route.template or "", route=route, rows=rows, sources=_sources(used))
    return GeneratedPage(route.file, content)
