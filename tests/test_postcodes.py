"""`sop-builder import-postcodes`: postcode areas from a GeoPackage (the CBS/PDOK layout) into
site_config/postcodes.csv, read back strictly; and the conversion from the Dutch grid."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.postcodes import POSTCODES_FILE, distance_km, load_postcodes
from sop_builder.sheets.postcodes import centre, gpkg_rings, rd_to_wgs84

from .conftest import TODAY


def test_rd_to_wgs84_matches_published_reference_points():
    # The origin of the grid (the Onze Lieve Vrouwetoren, Amersfoort) is exact by definition.
    assert rd_to_wgs84(155000, 463000) == pytest.approx((52.15517440, 5.38720621), abs=1e-8)
    # The Martinitoren in Groningen, from RDNAPTRANS's test points.
    lat, lon = rd_to_wgs84(233883.131, 582065.167)
    assert lat == pytest.approx(53.21938317, abs=2e-5)
    assert lon == pytest.approx(6.56820053, abs=2e-5)


def _polygon_wkb(rings: list[list[tuple[float, float]]], little: bool = True) -> bytes:
    order = "<" if little else ">"
    out = bytes([1 if little else 0]) + struct.pack(order + "II", 3, len(rings))
    for ring in rings:
        out += struct.pack(order + "I", len(ring))
        for x, y in ring:
            out += struct.pack(order + "dd", x, y)
    return out


def _gpkg(wkb: bytes, srs: int = 28992) -> bytes:
    """GeoPackage binary: 'GP', version 0, flags (little endian, an xy envelope), srs, envelope."""
    return (
        b"GP\x00" + bytes([0b011]) + struct.pack("<i", srs) + struct.pack("<4d", 0, 0, 0, 0) + wkb
    )


def _square(x: float, y: float, half: float = 500) -> list[tuple[float, float]]:
    return [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half)]


def _write_geopackage(
    file: Path, rows: list[tuple[object, bytes | None]], srs: int = 28992
) -> None:
    """A small file in the layout of CBS's postcode-4 GeoPackage: a layer with a 'postcode'
    column and a geometry column, registered in gpkg_geometry_columns."""
    con = sqlite3.connect(file)
    con.execute(
        "CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, "
        "geometry_type_name TEXT, srs_id INTEGER, z TINYINT, m TINYINT)"
    )
    con.execute(
        "INSERT INTO gpkg_geometry_columns VALUES ('cbs_pc4_2023', 'geom', 'MULTIPOLYGON', ?, 0, 0)",
        (srs,),
    )
    con.execute(
        "CREATE TABLE cbs_pc4_2023 (fid INTEGER PRIMARY KEY, geom BLOB, postcode TEXT, aantal_inwoners INTEGER)"
    )
    for i, (code, blob) in enumerate(rows):
        con.execute("INSERT INTO cbs_pc4_2023 VALUES (?, ?, ?, ?)", (i + 1, blob, code, 1000))
    con.commit()
    con.close()


def test_centre_of_a_square_with_a_hole_and_of_a_multipolygon():
    square = _square(1000, 2000, 10)
    assert centre([square]) == pytest.approx((1000, 2000))
    hole = list(reversed(_square(1005, 2000, 2)))  # the hole runs the other way round
    x, _ = centre([square, hole])
    assert x < 1000  # the hole takes weight away from the right
    multi = (
        b"\x01"
        + struct.pack("<II", 6, 2)
        + _polygon_wkb([_square(0, 0, 1)])
        + _polygon_wkb([_square(10, 0, 1)], little=False)
    )
    assert centre(gpkg_rings(_gpkg(multi))) == pytest.approx((5, 0))


def test_import_writes_the_centres_and_check_reads_them(sample: Path, tmp_path: Path):
    source = tmp_path / "cbs_pc4_2023_v1.gpkg"
    _write_geopackage(
        source,
        [
            ("1941", _gpkg(_polygon_wkb([_square(104000, 500500)]))),
            ("3811", _gpkg(_polygon_wkb([_square(155000, 463000)]))),
            ("1942", None),  # an area without a shape is skipped and named
            ("onbekend", _gpkg(_polygon_wkb([_square(1, 1)]))),  # not a postcode: left out
        ],
    )
    run = CliRunner().invoke(main, ["import-postcodes", "--map", str(sample), str(source)])
    assert run.exit_code == 0, run.output
    assert "2 postcodegebieden geschreven" in run.output
    assert "1942" in run.output
    table, issues = load_postcodes(sample)
    assert issues == []
    assert table is not None
    assert set(table.centres) == {"1941", "3811"}
    assert table.centres["3811"] == pytest.approx((52.1552, 5.3872), abs=1e-4)
    assert table.centres["1941"] == pytest.approx(rd_to_wgs84(104000, 500500), abs=1e-4)
    text = (sample / POSTCODES_FILE).read_text(encoding="utf-8")
    assert text.splitlines()[2] == "postcode;breedtegraad;lengtegraad"
    assert "cbs_pc4_2023_v1.gpkg" in text  # the file says where it came from
    # The sample schools without coordinates have postcodes the new table lacks: each is named.
    project = load_project(sample, TODAY)
    missing = {i.path.split("/")[2] for i in project.issues if i.code == "SOP767"}
    unplaced = {s.slug for s in project.schools if s.front.coordinates is None}
    assert missing == unplaced == {"de-boomgaard", "de-vuurtoren", "de-zeester"}


def test_a_file_in_latitude_and_longitude_is_read_as_it_is(sample: Path, tmp_path: Path):
    source = tmp_path / "wgs84.gpkg"
    ring = [(4.60, 52.40), (4.70, 52.40), (4.70, 52.50), (4.60, 52.50)]
    _write_geopackage(source, [("1941", _gpkg(_polygon_wkb([ring]), 4326))], srs=4326)
    run = CliRunner().invoke(main, ["import-postcodes", "--map", str(sample), str(source)])
    assert run.exit_code == 0, run.output
    table, _ = load_postcodes(sample)
    assert table is not None
    assert table.centres["1941"] == pytest.approx((52.45, 4.65))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"dit is geen database", "geen GeoPackage"),
        (None, "geen laag met een kolom 'postcode'"),
        ("srs", "stelsel 3857"),
    ],
)
def test_unreadable_files_write_nothing(sample: Path, tmp_path: Path, content, words):
    source = tmp_path / "kapot.gpkg"
    if content is None:
        con = sqlite3.connect(source)
        con.execute("CREATE TABLE gpkg_geometry_columns (table_name, column_name, srs_id)")
        con.execute("CREATE TABLE vlakken (geom BLOB, naam TEXT)")
        con.execute("INSERT INTO gpkg_geometry_columns VALUES ('vlakken', 'geom', 28992)")
        con.commit()
        con.close()
    elif content == "srs":
        _write_geopackage(source, [("1941", _gpkg(_polygon_wkb([_square(0, 0)]), 3857))], srs=3857)
    else:
        source.write_bytes(content)
    before = (sample / POSTCODES_FILE).read_bytes()
    run = CliRunner().invoke(main, ["import-postcodes", "--map", str(sample), str(source)])
    assert run.exit_code == 1
    assert "SOP768" in run.output
    assert words in run.output
    assert "Er is niets geschreven" in run.output
    assert (sample / POSTCODES_FILE).read_bytes() == before


def test_distance_between_two_places():
    # Amersfoort to the Martinitoren: in the Dutch grid (scale about 1) they are
    # sqrt(78883² + 119065²) m = 142.8 km apart; the sphere gives the same within half a km.
    grid = ((233883.131 - 155000) ** 2 + (582065.167 - 463000) ** 2) ** 0.5 / 1000
    assert distance_km((52.15517, 5.38721), (53.21938, 6.56820)) == pytest.approx(grid, abs=0.5)
