"""QR codes as inline SVG (segno, pure Python), for the printed pages."""

from __future__ import annotations

import html
from collections.abc import Iterable

import segno
from markupsafe import Markup

from sop_builder.core.parallel import parallel_map

# url -> SVG. Encoding is the costly part (segno tries all eight masks in pure Python, about
# 20 ms a code); the school page and its poster share the URL, and `sop-builder bekijk` keeps
# the codes between rebuilds. About 2.3 kB a school.
_SVGS: dict[str, str] = {}


def _encode(url: str) -> str:
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=1, border=2, omitsize=True, svgclass="sop-qr-code", lineclass=None, dark="#000"
    )


def prepare_qr_codes(urls: Iterable[str]) -> None:
    """Encode the QR codes of ``urls`` ahead, spread over the cores."""
    missing = sorted(set(urls) - _SVGS.keys())
    _SVGS.update(zip(missing, parallel_map(_encode, missing), strict=True))


def qr_svg(url: str, label: str = "QR-code met het adres van deze pagina") -> Markup:
    """An inline SVG QR code of ``url``; scales with its box, no inline styles (CSP)."""
    svg = _SVGS.get(url)
    if svg is None:
        svg = _SVGS[url] = _encode(url)
    attrs = f'role="img" aria-label="{html.escape(label)}" '
    return Markup(svg.replace("<svg ", "<svg " + attrs, 1))
