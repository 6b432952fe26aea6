"""QR codes as inline SVG (segno, pure Python), for the printed pages."""

from __future__ import annotations

import html

import segno
from markupsafe import Markup


def qr_svg(url: str, label: str = "QR-code met het adres van deze pagina") -> Markup:
    """An inline SVG QR code of ``url``; scales with its box, no inline styles (CSP)."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=1, border=2, omitsize=True, svgclass="sop-qr-code", lineclass=None, dark="#000"
    )
    attrs = f'role="img" aria-label="{html.escape(label)}" '
    return Markup(svg.replace("<svg ", "<svg " + attrs, 1))
