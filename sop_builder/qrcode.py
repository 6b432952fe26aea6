"""QR codes as inline SVG (segno, pure Python), for the printed pages."""

from __future__ import annotations

import functools
import html

import segno
from markupsafe import Markup


@functools.cache
def _svg(url: str) -> str:
    """The SVG of ``url``'s QR code, cached: the school page and its poster share the URL.

    Encoding is the costly part (segno tries all eight masks in pure Python); the pages are
    rendered all before the posters, so the cache must hold every school (about 2.3 kB each).
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=1, border=2, omitsize=True, svgclass="sop-qr-code", lineclass=None, dark="#000"
    )


def qr_svg(url: str, label: str = "QR-code met het adres van deze pagina") -> Markup:
    """An inline SVG QR code of ``url``; scales with its box, no inline styles (CSP)."""
    attrs = f'role="img" aria-label="{html.escape(label)}" '
    return Markup(_svg(url).replace("<svg ", "<svg " + attrs, 1))
