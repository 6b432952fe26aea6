"""Small SVG charts made at build time: no script, no request to another host.

Each chart is decorative next to a table that says the same; it carries a title for screen
readers and refers to that table.

A chart has no viewBox: it is as wide as its column (``width="100%"``), its bars are measured
in percentages of that width and its text in CSS pixels, so the labels keep the size of
``intern.css`` on a phone as on a wide screen (a scaled chart of 660 units shrank them to about
6 px in a 343 px column). Each bar has its label and value on the line above it, so nothing sits
beside the bars that a narrow screen would squeeze.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

ROW = 36  # px per bar: a line of text, then the bar
TEXT = 14  # baseline of the text line within a row
BAR_TOP = 19  # top of the bar within a row
BAR_HEIGHT = 11
FOOT = 22  # room under the bars for the marker's text
INDENT = 1  # px before a label: a glyph such as 'T' reaches a little left of its start
MAX_LABEL = 40  # characters; a longer label is cut with '…' (the table has it whole)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..maximum
    text: str  # the value as shown, e.g. '92%' or '3 scholen'
    kind: str = "neutral"  # css class suffix: neutral, good, short


def _percent(value: float) -> str:
    """A share of the chart's width as an SVG length ('37.5%')."""
    return f"{value:.1f}".rstrip("0").rstrip(".") + "%"


def bar_chart(
    chart_id: str,
    title: str,
    bars: list[Bar],
    maximum: float,
    marker: float | None = None,
    marker_text: str = "",
) -> Markup:
    """A horizontal bar chart; ``marker`` draws a dashed line through the bars (e.g. the
    target) with ``marker_text`` under them."""
    height = ROW * len(bars) + (FOOT if marker is not None else 4)
    ident = escape(chart_id)
    parts = [
        f'<svg class="chart" id="{ident}" role="img" aria-labelledby="{ident}-t"'
        f' width="100%" height="{height}">',
        f'<title id="{ident}-t">{escape(title)} (de tabel hieronder geeft dezelfde cijfers)</title>',
    ]
    share = 100 / maximum if maximum else 0
    for index, bar in enumerate(bars):
        y = index * ROW
        label = bar.label if len(bar.label) <= MAX_LABEL else bar.label[: MAX_LABEL - 1] + "…"
        length = max(0.0, min(bar.value, maximum)) * share
        parts.append(
            f'<text class="chart-label" x="{INDENT}" y="{y + TEXT}">{escape(label)}'
            f'<tspan class="chart-value" dx="8">{escape(bar.text)}</tspan></text>'
            f'<rect class="chart-track" x="0" y="{y + BAR_TOP}" width="100%"'
            f' height="{BAR_HEIGHT}"/>'
            f'<rect class="chart-bar chart-{escape(bar.kind)}" x="0" y="{y + BAR_TOP}"'
            f' width="{_percent(length)}" height="{BAR_HEIGHT}"/>'
        )
    if marker is not None and bars:
        # A dashed line across each bar (not across the text lines), its words under the last.
        place = max(0.0, min(marker, maximum)) * share
        x = _percent(place)
        for index in range(len(bars)):
            top = index * ROW + BAR_TOP - 3
            parts.append(
                f'<line class="chart-marker" x1="{x}" x2="{x}" y1="{top}"'
                f' y2="{top + BAR_HEIGHT + 6}"/>'
            )
        anchor = "end" if place > 85 else "middle"
        parts.append(
            f'<text class="chart-value" x="{x}" y="{ROW * len(bars) + FOOT - 6}"'
            f' text-anchor="{anchor}">{escape(marker_text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --- charts over the years (the SWV's figures, figure_pages.py) ---------------------------------
# Like the bar charts above: no viewBox, positions across in percentages of the chart's width,
# heights and text in CSS pixels, so a label is as large on a phone as on a wide screen.

PLOT_TOP, PLOT_HEIGHT = 26, 120  # px: room for the scale's top value, then the plot
LEFT, RIGHT = 1.0, 99.0  # % of the width: where the plot starts and ends


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


def _frame(chart_id: str, title: str, height: int) -> list[str]:
    return [
        f'<svg class="chart chart-years" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-t" width="100%" height="{height}">',
        f'<title id="{escape(chart_id)}-t">{escape(title)} (de tabel hieronder geeft dezelfde '
        "cijfers)</title>",
    ]


def _slot(years: list[int]) -> float:
    """The width of one year, in % of the chart."""
    return (RIGHT - LEFT) / max(len(years), 1)


def _axis(years: list[int], preliminary: set[int], maximum: float | None, unit: str) -> list[str]:
    """The baseline, the top value (``maximum``; None: none) above the plot and the years (a
    preliminary year marked with '*')."""
    bottom = PLOT_TOP + PLOT_HEIGHT
    left, right = _percent(LEFT), _percent(RIGHT)
    parts = [
        f'<line class="chart-axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>',
        f'<line class="chart-grid" x1="{left}" x2="{right}" y1="{PLOT_TOP}" y2="{PLOT_TOP}"/>',
    ]
    if maximum is not None:
        parts.append(
            f'<text class="chart-value" x="{left}" y="{PLOT_TOP - 8}">'
            f"{escape(_tick(maximum, unit))}</text>"
        )
    slot = _slot(years)
    for index, year in enumerate(years):
        x = _percent(LEFT + slot * index + slot / 2)
        mark = "*" if year in preliminary else ""
        parts.append(
            f'<text class="chart-label" x="{x}" y="{bottom + 16}" text-anchor="middle">'
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
    height = PLOT_TOP + PLOT_HEIGHT + 24
    parts = _frame(chart_id, title, height)
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
    year_slot = _slot(years)
    pad = year_slot * 0.1
    slot = (year_slot - 2 * pad) / max(len(series), 1)
    bottom = PLOT_TOP + PLOT_HEIGHT
    for index, year in enumerate(years):
        for number, item in enumerate(series):
            point = item.points.get(year)
            x = LEFT + year_slot * index + pad + slot * number
            if point is None or point.low is None or point.low <= 0:
                continue  # nothing certain to draw (the table gives the range)
            top = y_of(point.low)
            parts.append(
                f'<rect class="series-{item.style}" x="{_percent(x)}" y="{top:.1f}" '
                f'width="{_percent(slot * 0.9)}" height="{bottom - top:.1f}"/>'
            )
            if point.high is not None and point.high > point.low:  # a range: up to its top
                middle = _percent(x + slot * 0.45)
                parts.append(
                    f'<line class="line-{item.style} range" x1="{middle}" x2="{middle}" '
                    f'y1="{top:.1f}" y2="{y_of(point.high):.1f}"/>'
                )
    return parts


def _lines(series: list[Series], years: list[int], y_of: Any) -> list[str]:
    """Each series as points joined by line pieces (a polyline cannot be measured in
    percentages); a range is a vertical line, joined to nothing."""
    parts: list[str] = []
    slot = _slot(years)
    for item in series:
        previous: tuple[str, float] | None = None
        for index, year in enumerate(years):
            point = item.points.get(year)
            x = _percent(LEFT + slot * index + slot / 2)
            if point is None or point.low is None or point.high is None:
                previous = None
                continue
            if point.low == point.high:
                y = y_of(point.low)
                if previous is not None:
                    parts.append(
                        f'<line class="line-{item.style}" x1="{previous[0]}" x2="{x}" '
                        f'y1="{previous[1]:.1f}" y2="{y:.1f}"/>'
                    )
                parts.append(f'<circle class="series-{item.style}" cx="{x}" cy="{y:.1f}" r="3.5"/>')
                previous = (x, y)
            else:  # a range: a vertical line, not joined to the others
                previous = None
                parts.append(
                    f'<line class="line-{item.style}" x1="{x}" x2="{x}" '
                    f'y1="{y_of(point.low):.1f}" y2="{y_of(point.high):.1f}"/>'
                )
    return parts


def stacked_chart(
    chart_id: str, title: str, rows: list[tuple[str, list[int]]], levels: list[str]
) -> Markup:
    """Horizontal bars split into the counts per level (at most four levels, told apart by
    colour and named in the HTML legend): how many schools gave each score per item. As the
    bar charts above: each item's label on the line above its bar."""
    if len(levels) > len(SERIES_STYLES) or not rows:
        return Markup("")
    longest = max(sum(counts) for _, counts in rows) or 1
    height = ROW * len(rows) + 4
    parts = _frame(chart_id, title, height)
    for index, (label, counts) in enumerate(rows):
        y = index * ROW
        shown = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
        parts.append(
            f'<text class="chart-label" x="{INDENT}" y="{y + TEXT}">{escape(shown)}</text>'
        )
        x = 0.0
        for style, count in enumerate(counts):
            length = count / longest * 100
            if count:
                parts.append(
                    f'<rect class="series-{style}" x="{_percent(x)}" y="{y + BAR_TOP}" '
                    f'width="{_percent(length)}" height="{BAR_HEIGHT}"/>'
                )
            x += length
    parts.append("</svg>")
    legend = _legend([Series(level, {}, style) for style, level in enumerate(levels)], False)
    return Markup(f'<div class="chart-box">{"".join(parts)}{legend}</div>')


SERIES_STYLES = (0, 1, 2, 3)
