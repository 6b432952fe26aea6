"""QR codes encoded ahead in worker processes are the ones encoded on the spot."""

from __future__ import annotations

from sop_builder.core.parallel import PARALLEL_FROM
from sop_builder.site import qrcode


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
