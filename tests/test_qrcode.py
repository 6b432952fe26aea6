"""QR codes: each decodes to its address, encoded ahead in workers or on the spot alike, and
kept between builds in the project's cache folder without ever being served stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import zxingcpp  # the decoder (the same library encodes the codes)

from sop_builder.core import cachefile
from sop_builder.core.parallel import PARALLEL_FROM
from sop_builder.publish.public import build_site
from sop_builder.site import qrcode

from .conftest import TODAY, make_project

_SVG = re.compile(r'<svg [^>]*class="sop-qr-code"[^>]*>.*?</svg>', re.S)


def _modules(svg: str) -> list[list[bool]]:
    """The dark modules of one of our inline SVGs (`qrcode._encode`): a path of horizontal lines one module
    thick ('M x y', 'm dx dy', 'h n'); any other drawing command fails the test."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r' d="([^"]+)"', svg).group(1)
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, arguments in re.findall(r"([A-Za-z])([^A-Za-z]*)", path):
        numbers = [float(n) for n in arguments.replace(",", " ").split()]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command == "h":
            for column in range(int(x), int(x + numbers[0])):
                grid[int(y)][column] = True
            x += numbers[0]
        else:
            raise AssertionError(f"unexpected path command {command!r} in {svg[:80]}")
    return grid


def decode(svg: str, scale: int = 4) -> str | None:
    """The text of the QR code in ``svg`` as a scanner reads it from a picture of it."""
    grid = _modules(svg)
    width = len(grid) * scale
    pixels = b"".join(
        b"".join((b"\x00" if dark else b"\xff") * scale for dark in row) * scale for row in grid
    )
    found = zxingcpp.read_barcode(
        memoryview(pixels).cast("B", (width, width)), formats=zxingcpp.BarcodeFormat.QRCode
    )
    return found.text if found is not None else None


def test_the_decoder_reads_what_is_there_and_not_what_is_not():
    svg = str(qrcode.qr_svg("https://sop.example.nl/scholen/de-duinroos/", "QR-code"))
    assert decode(svg) == "https://sop.example.nl/scholen/de-duinroos/"
    # Planted: one finder pattern wiped out; the code can no longer be found.
    broken = svg.replace('d="M2 2.5h7', 'd="M2 2.5h0', 1)
    assert broken != svg
    assert decode(broken) is None


def test_every_code_of_the_built_sample_decodes_to_its_school_page(tmp_path: Path):
    root = make_project(tmp_path)
    site = tmp_path / "site"
    assert build_site(root, site, TODAY, echo=lambda _: None).ok
    address = re.search(r"^site_adres:\s*(\S+)", (root / "site_config/swv.yaml").read_text(), re.M)
    base = address.group(1).rstrip("/") + "/"
    found = 0
    for page in sorted(site.rglob("index.html")):
        for svg in _SVG.findall(page.read_text(encoding="utf-8")):
            slug = page.relative_to(site).parts[1]  # scholen/<slug>/ and scholen/<slug>/poster/
            assert decode(svg) == f"{base}scholen/{slug}/", page
            found += 1
    schools = [p for p in (root / "content/schools").iterdir() if p.is_dir()]
    assert found == 2 * len(schools)  # the school page and its poster


def test_codes_prepared_in_workers_match_their_addresses():
    urls = [f"https://sop.example.nl/scholen/school-{i}/" for i in range(PARALLEL_FROM + 10)]
    qrcode._SVGS.clear()
    qrcode.prepare_qr_codes(urls)
    assert set(urls) <= qrcode._SVGS.keys()
    for url in (urls[0], urls[77], urls[-1]):
        prepared = str(qrcode.qr_svg(url, "QR"))
        qrcode._SVGS.clear()
        assert prepared == str(qrcode.qr_svg(url, "QR"))  # encoded again, on the spot
        assert prepared.startswith('<svg role="img" aria-label="QR" viewBox=')
        assert decode(prepared) == url


URLS = [f"https://sop.example.nl/scholen/school-{i}/" for i in range(3)]


def _no_encoding(url: str) -> str:
    raise AssertionError(f"encoded again: {url}")


def test_codes_are_kept_in_the_project_between_builds(tmp_path: Path, monkeypatch):
    qrcode._SVGS.clear()
    qrcode.prepare_qr_codes(URLS, tmp_path)
    first = {url: qrcode._SVGS[url] for url in URLS}
    assert (tmp_path / qrcode.CACHE_FILE).is_file()
    qrcode._SVGS.clear()  # a new build: nothing in memory
    monkeypatch.setattr(qrcode, "_encode", _no_encoding)
    qrcode.prepare_qr_codes(URLS, tmp_path)
    assert {url: qrcode._SVGS[url] for url in URLS} == first


@pytest.mark.parametrize("damage", ["corrupt", "other key", "other tool"])
def test_a_cache_that_cannot_be_trusted_is_encoded_again_and_rewritten(
    tmp_path: Path, monkeypatch, damage: str
):
    qrcode._SVGS.clear()
    qrcode.prepare_qr_codes(URLS, tmp_path)
    kept = tmp_path / qrcode.CACHE_FILE
    if damage == "corrupt":
        kept.write_bytes(kept.read_bytes()[:-40] + b"x" * 40)
    elif damage == "other key":  # written by another user or computer
        monkeypatch.setattr(cachefile, "_secret", lambda: b"k" * 32)
    else:  # another version of sop-builder (or of zxing-cpp)
        monkeypatch.setattr(qrcode, "tool_key", lambda: b"another version")
    encoded: list[str] = []
    real = qrcode._encode
    monkeypatch.setattr(qrcode, "_encode", lambda url: encoded.append(url) or real(url))
    qrcode._SVGS.clear()
    qrcode.prepare_qr_codes(URLS, tmp_path)
    assert sorted(encoded) == sorted(URLS)
    assert all(decode(qrcode._SVGS[url]) == url for url in URLS)
    assert cachefile.read_cache(kept) is not None  # rewritten with what this run made


def test_a_project_that_cannot_be_written_gets_its_codes_without_a_cache(tmp_path: Path):
    (tmp_path / ".sop-builder").write_text("geen map")  # the cache folder cannot be made
    qrcode._SVGS.clear()
    qrcode.prepare_qr_codes(URLS, tmp_path)
    assert all(decode(qrcode._SVGS[url]) == url for url in URLS)
    assert not (tmp_path / qrcode.CACHE_FILE).exists()


def test_codes_of_another_site_address_leave_the_cache(tmp_path: Path):
    qrcode._SVGS.clear()
    qrcode.prepare_qr_codes(URLS, tmp_path)
    qrcode.prepare_qr_codes(["https://sop.example.nl/scholen/nieuw/"], tmp_path)  # serve: one
    kept = cachefile.read_cache(tmp_path / qrcode.CACHE_FILE)[1]
    assert set(kept) == {*URLS, "https://sop.example.nl/scholen/nieuw/"}
    qrcode.prepare_qr_codes(["https://elders.example.nl/scholen/school-0/"], tmp_path)
    kept = cachefile.read_cache(tmp_path / qrcode.CACHE_FILE)[1]
    assert set(kept) == {"https://elders.example.nl/scholen/school-0/"}
