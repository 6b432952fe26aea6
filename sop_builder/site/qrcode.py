"""QR codes as inline SVG (segno, pure Python), for the printed pages."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

import segno
from markupsafe import Markup

from sop_builder.core.cachefile import CACHE_DIR, read_cache, tool_key, write_cache
from sop_builder.core.parallel import parallel_map

# One fixed mask: segno would otherwise apply and score all eight in pure Python (about 80 %
# of the time a code takes). Every mask gives a valid code; 2 is the one segno itself chooses
# most often for the addresses of school pages. tests/test_qrcode.py decodes every code.
MASK = 2
ERROR_LEVEL = "m"
CACHE_FILE = CACHE_DIR / "qr-codes.pickle"  # under the project: url -> SVG, kept between builds

# url -> SVG. The school page and its poster share the URL, and `sop-builder bekijk` keeps the
# codes between rebuilds. About 2.3 kB a school.
_SVGS: dict[str, str] = {}


def _encode(url: str) -> str:
    code = segno.make(url, error=ERROR_LEVEL, micro=False, mask=MASK)
    return code.svg_inline(
        scale=1, border=2, omitsize=True, svgclass="sop-qr-code", lineclass=None, dark="#000"
    )


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def _kept(root: Path) -> dict[str, str]:
    kept = read_cache(root / CACHE_FILE)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == (tool_key(), MASK):
        return dict(kept[1])
    return {}


def prepare_qr_codes(urls: Iterable[str], root: Path | None = None) -> None:
    """Encode the QR codes of ``urls`` ahead, spread over the cores.

    With the project's ``root``, the codes are also kept in its cache folder between builds
    (codes of another site address are dropped from it).
    """
    wanted = set(urls)
    kept = _kept(root) if root is not None else {}
    _SVGS.update((url, kept[url]) for url in wanted - _SVGS.keys() if url in kept)
    missing = sorted(wanted - _SVGS.keys())
    _SVGS.update(zip(missing, parallel_map(_encode, missing), strict=True))
    if root is not None and not wanted <= kept.keys():
        origins = {_origin(url) for url in wanted}
        keep = {url: svg for url, svg in kept.items() if _origin(url) in origins}
        keep.update((url, _SVGS[url]) for url in wanted)
        write_cache(root / CACHE_FILE, ((tool_key(), MASK), keep))


def qr_svg(url: str, label: str | Markup = "QR-code met het adres van deze pagina") -> Markup:
    """An inline SVG QR code of ``url``; scales with its box, no inline styles (CSP)."""
    svg = _SVGS.get(url)
    if svg is None:
        svg = _SVGS[url] = _encode(url)
    # a label from t() is text already escaped for the page (a translation someone typed)
    shown = label if isinstance(label, Markup) else html.escape(label)
    attrs = f'role="img" aria-label="{shown}" '
    return Markup(svg.replace("<svg ", "<svg " + attrs, 1))
