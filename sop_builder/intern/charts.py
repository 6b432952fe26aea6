"""Small SVG charts made at build time: no script, no request to another host.

Each chart is decorative next to a table that says the same; it carries a title for screen
readers and refers to that table.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

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
