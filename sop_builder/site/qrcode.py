"""QR codes as inline SVG (zxing-cpp, a compiled encoder), for the printed pages."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import zxingcpp
from markupsafe import Markup

from sop_builder.core.cachefile import CACHE_DIR, read_cache, tool_key, write_cache
from sop_builder.core.parallel import parallel_map

# zxing-cpp encodes in compiled code and chooses the best of the eight masks itself: 0.3 ms a
# code (0.7 ms with its path below), where segno took 2-3 ms in pure Python even with one fixed
# mask (issue 25).
# tests/test_qrcode.py decodes every code.
ENCODER = "zxing-cpp"
ERROR_LEVEL = "M"
BORDER = 2  # modules of white around the code (the printed page's own margin adds to it)
CACHE_FILE = CACHE_DIR / "qr-codes.pickle"  # under the project: url -> SVG, kept between builds

# url -> SVG. The school page and its poster share the URL, and `sop-builder bekijk` keeps the
# codes between rebuilds. About 2.3 kB a school.
_SVGS: dict[str, str] = {}


def _encode(url: str) -> str:
    """The code of ``url`` as one SVG path of horizontal lines, one per run of dark modules."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    image = code.to_image(scale=1, add_quiet_zones=False)
    size = image.shape[0]
    # one byte a module, row after row, 0 where it is dark (the Image has the buffer protocol;
    # its type stub does not say so)
    pixels = bytes(memoryview(cast(Any, image)))
    moves: list[str] = []
    x, y = 0, 0  # the pen: its column and row (each line runs through the middle of its row)
    for row in range(size):
        line = pixels[row * size : (row + 1) * size]
        column = 0
        while (start := line.find(b"\0", column)) >= 0:
            end = line.find(b"\xff", start)
            end = size if end < 0 else end
            to_x, to_y = start + BORDER, row + BORDER
            if moves:
                moves.append(f"m{to_x - x} {to_y - y}h{end - start}")
            else:
                moves.append(f"M{to_x} {to_y}.5h{end - start}")
            x, y = to_x + end - start, to_y
            column = end
    width = size + 2 * BORDER
    return (
        f'<svg viewBox="0 0 {width} {width}" class="sop-qr-code">'
        f'<path stroke="#000" d="{"".join(moves)}"/></svg>'
    )


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def _kept(root: Path) -> dict[str, str]:
    kept = read_cache(root / CACHE_FILE)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == (tool_key(), ENCODER):
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
        write_cache(root / CACHE_FILE, ((tool_key(), ENCODER), keep))


def qr_svg(url: str, label: str | Markup) -> Markup:
    """An inline SVG QR code of ``url``, named ``label`` for a screen reader (a template's
    text, in the page's language); scales with its box, no inline styles (CSP)."""
    svg = _SVGS.get(url)
    if svg is None:
        svg = _SVGS[url] = _encode(url)
    # a label from t() is text already escaped for the page (a translation someone typed)
    shown = label if isinstance(label, Markup) else html.escape(label)
    attrs = f'role="img" aria-label="{shown}" '
    return Markup(svg.replace("<svg ", "<svg " + attrs, 1))
