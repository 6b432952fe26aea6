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
