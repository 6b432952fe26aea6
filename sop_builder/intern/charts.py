"""Small SVG charts made at build time: no script, no request to another host.

Each chart is decorative next to a table that says the same; it carries a title for screen
readers and refers to that table.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

ROW = 22
LABEL_WIDTH = 230
BAR_WIDTH = 360
VALUE_WIDTH = 70


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..maximum
    text: str  # the value as shown, e.g. '92%' or '3 scholen'
    kind: str = "neutral"  # css class suffix: neutral, good, short


def bar_chart(
    chart_id: str,
    title: str,
    bars: list[Bar],
    maximum: float,
    marker: float | None = None,
    marker_text: str = "",
) -> Markup:
    """A horizontal bar chart; ``marker`` draws a vertical line (e.g. the target)."""
    height = ROW * len(bars) + (24 if marker is not None else 8)
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(chart_id)}-t"'
        f' viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{escape(chart_id)}-t">{escape(title)} (de tabel hieronder geeft dezelfde cijfers)</title>',
    ]
    scale = BAR_WIDTH / maximum if maximum else 0
    for index, bar in enumerate(bars):
        y = 4 + index * ROW
        label = bar.label if len(bar.label) <= 34 else bar.label[:33] + "…"
        length = max(0.0, min(bar.value, maximum)) * scale
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect class="chart-bar chart-{escape(bar.kind)}" x="{LABEL_WIDTH}" y="{y + 3}" '
            f'width="{length:.1f}" height="{ROW - 6}"/>'
            f'<text class="chart-value" x="{LABEL_WIDTH + length + 4:.1f}" y="{y + 15}">'
            f"{escape(bar.text)}</text>"
        )
    if marker is not None:
        x = LABEL_WIDTH + marker * scale
        parts.append(
            f'<line class="chart-marker" x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height - 18}"/>'
            f'<text class="chart-value" x="{x:.1f}" y="{height - 4}" text-anchor="middle">'
            f"{escape(marker_text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --- charts over the years (the SWV's figures, figure_pages.py) ---------------------------------

PLOT_LEFT, PLOT_TOP, PLOT_HEIGHT, YEAR_WIDTH = 74, 26, 150, 92


@dataclass(frozen=True)
class Point:
    """One value of a series in one year: ``low``..``high`` (equal for an exact value; a range
    is drawn as a line from low to high), the text shown, or ``None`` for no value drawn."""

    low: float | None
    high: float | None
    text: str


@dataclass(frozen=True)
class Series:
    label: str
    points: dict[int, Point]  # year -> point
    style: int = 0  # 0..3: colour and line (css .series-N); the legend names it in words


def _frame(chart_id: str, title: str, width: int, height: int) -> list[str]:
    return [
        f'<svg class="chart chart-years" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-t" viewBox="0 0 {width} {height}" width="100%" '
        'preserveAspectRatio="xMinYMin meet">',
        f'<title id="{escape(chart_id)}-t">{escape(title)} (de tabel hieronder geeft dezelfde '
        "cijfers)</title>",
    ]


def _axis(years: list[int], preliminary: set[int], maximum: float | None, unit: str) -> list[str]:
    """The baseline, the top value (``maximum``; None: none) and the years (a preliminary year
    marked with '*')."""
    bottom = PLOT_TOP + PLOT_HEIGHT
    right = PLOT_LEFT + YEAR_WIDTH * len(years)
    parts = [
        f'<line class="chart-axis" x1="{PLOT_LEFT}" x2="{right}" y1="{bottom}" y2="{bottom}"/>',
        f'<line class="chart-grid" x1="{PLOT_LEFT}" x2="{right}" y1="{PLOT_TOP}" y2="{PLOT_TOP}"/>',
    ]
    if maximum is not None:
        parts.append(
            f'<text class="chart-value" x="{PLOT_LEFT - 4}" y="{PLOT_TOP + 4}" '
            f'text-anchor="end">{escape(_tick(maximum, unit))}</text>'
        )
    for index, year in enumerate(years):
        x = PLOT_LEFT + YEAR_WIDTH * index + YEAR_WIDTH / 2
        mark = "*" if year in preliminary else ""
        parts.append(
            f'<text class="chart-label" x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">'
            f"{year}{mark}</text>"
        )
    return parts


def _tick(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.1f}%".replace(".", ",")
    if unit == "€":
        return f"€ {value / 1_000_000:.1f} mln".replace(".", ",")
    return f"{value:,.0f}".replace(",", ".")


def _legend(series: list[Series], preliminary: bool) -> str:
    """The legend as HTML under the chart (legible on a phone): a swatch and the series'
    name; for lines also whether it is solid or dashed."""
    items = [
        f'<li><span class="swatch series-{item.style}" aria-hidden="true"></span>'
        f"{escape(item.label)}</li>"
        for item in series
    ]
    if preliminary:
        items.append("<li>* voorlopig</li>")
    return f'<ul class="legend">{"".join(items)}</ul>'


def year_chart(
    chart_id: str,
    title: str,
    years: list[int],
    series: list[Series],
    *,
    kind: str = "bars",
    unit: str = "",
    preliminary: set[int] | None = None,
) -> Markup:
    """A small chart over the years: grouped columns (``kind`` 'bars', counts and amounts) or
    points joined by lines (``kind`` 'lines', percentages: the SWV against the country). A
    point without a value is not drawn; a range is drawn as a vertical line."""
    marked = preliminary or set()
    values = [v for s in series for p in s.points.values() for v in (p.low, p.high) if v]
    maximum = max([*values, 0.0]) * 1.15 or 1.0  # with no value at all, no scale is written
    width = PLOT_LEFT + YEAR_WIDTH * len(years) + 10
    height = PLOT_TOP + PLOT_HEIGHT + 24
    parts = _frame(chart_id, title, width, height)
    parts += _axis(years, marked, maximum if values else None, unit)

    def y_of(value: float) -> float:
        return PLOT_TOP + PLOT_HEIGHT - value / maximum * PLOT_HEIGHT

    if kind == "bars":
        parts += _bars(series, years, y_of)
    else:
        parts += _lines(series, years, y_of)
    parts.append("</svg>")
    legend = _legend(series, bool(marked & set(years)))
    return Markup(f'<div class="chart-box">{"".join(parts)}{legend}</div>')


def _bars(series: list[Series], years: list[int], y_of: Any) -> list[str]:
    parts: list[str] = []
    slot = (YEAR_WIDTH - 16) / max(len(series), 1)
    bottom = PLOT_TOP + PLOT_HEIGHT
    for index, year in enumerate(years):
        for number, item in enumerate(series):
            point = item.points.get(year)
            x = PLOT_LEFT + YEAR_WIDTH * index + 8 + slot * number
            if point is None or point.low is None:
                continue
            if point.low <= 0:
                continue  # nothing certain to draw (the table gives the range)
            top = y_of(point.low)
            if point.low > 0:
                parts.append(
                    f'<rect class="series-{item.style}" x="{x:.1f}" y="{top:.1f}" '
                    f'width="{slot - 2:.1f}" height="{bottom - top:.1f}"/>'
                )
            if point.high is not None and point.high > point.low:  # a range: up to its top
                middle = x + (slot - 2) / 2
                parts.append(
                    f'<line class="line-{item.style} range" x1="{middle:.1f}" x2="{middle:.1f}" '
                    f'y1="{top:.1f}" y2="{y_of(point.high):.1f}"/>'
                )
    return parts


def _lines(series: list[Series], years: list[int], y_of: Any) -> list[str]:
    parts: list[str] = []
    for item in series:
        path: list[str] = []
        for index, year in enumerate(years):
            point = item.points.get(year)
            x = PLOT_LEFT + YEAR_WIDTH * index + YEAR_WIDTH / 2
            if point is None or point.low is None or point.high is None:
                if len(path) > 1:
                    parts.append(_polyline(item.style, path))
                path = []
                continue
            if point.low == point.high:
                path.append(f"{x:.1f},{y_of(point.low):.1f}")
                parts.append(
                    f'<circle class="series-{item.style}" cx="{x:.1f}" '
                    f'cy="{y_of(point.low):.1f}" r="3.5"/>'
                )
            else:  # a range: a vertical line, not joined to the others
                if len(path) > 1:
                    parts.append(_polyline(item.style, path))
                path = []
                parts.append(
                    f'<line class="line-{item.style}" x1="{x:.1f}" x2="{x:.1f}" '
                    f'y1="{y_of(point.low):.1f}" y2="{y_of(point.high):.1f}"/>'
                )
        if len(path) > 1:
            parts.append(_polyline(item.style, path))
    return parts


def _polyline(style: int, points: list[str]) -> str:
    return f'<polyline class="line-{style}" points="{" ".join(points)}"/>'


def stacked_chart(
    chart_id: str, title: str, rows: list[tuple[str, list[int]]], levels: list[str]
) -> Markup:
    """Horizontal bars split into the counts per level (at most four levels, told apart by
    colour and named in the HTML legend): how many schools gave each score per item."""
    if len(levels) > len(SERIES_STYLES) or not rows:
        return Markup("")
    longest = max(sum(counts) for _, counts in rows) or 1
    labels = [label if len(label) <= 34 else label[:33] + "…" for label, _ in rows]
    left = 16 + 9 * max(len(label) for label in labels)  # as wide as the longest label
    height = ROW * len(rows) + 8
    parts = _frame(chart_id, title, left + BAR_WIDTH + 10, height)
    for index, ((_, counts), shown) in enumerate(zip(rows, labels, strict=True)):
        y = 4 + index * ROW
        parts.append(
            f'<text class="chart-label" x="{left - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(shown)}</text>"
        )
        x = float(left)
        for style, count in enumerate(counts):
            length = count / longest * BAR_WIDTH
            if count:
                parts.append(
                    f'<rect class="series-{style}" x="{x:.1f}" y="{y + 3}" '
                    f'width="{length:.1f}" height="{ROW - 6}"/>'
                )
            x += length
    parts.append("</svg>")
    legend = _legend([Series(level, {}, style) for style, level in enumerate(levels)], False)
    return Markup(f'<div class="chart-box">{"".join(parts)}{legend}</div>')


SERIES_STYLES = (0, 1, 2, 3)
