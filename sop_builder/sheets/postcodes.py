"""`sop-builder import-postcodes`: the centres of the four-digit postcode areas, from the
national open-data file, into site_config/postcodes.csv.

The source is CBS's file of statistics per four-digit postcode ("CBS Postcode4", also on PDOK),
a GeoPackage: an SQLite database with one polygon (or multipolygon) per postcode area, in the
Dutch grid (RD New, EPSG:28992) or in latitude/longitude (EPSG:4326). It is read here with
Python's own sqlite3, without GIS libraries: each area's geometry (GeoPackage binary: a small
header, then WKB) is decoded, its area-weighted centre computed, and a point in RD converted to
latitude/longitude with the published approximation of Schreutelkamp and Strang van Hees
(accurate to about a metre, far more than a postcode area needs).
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.imports import AREAS_NO_FILE, AREAS_NONE_USABLE, AREAS_UNREADABLE
from sop_builder.core.issues import Issue
from sop_builder.core.transaction import Transaction, recover
from sop_builder.project.postcodes import PC4, POSTCODES_FILE, postcodes_text

POSTCODE_COLUMNS = ("postcode", "postcode4", "pc4", "postcode_4")
RD_NEW, WGS84 = 28992, 4326
NOTHING_WRITTEN = f"Er is niets geschreven; {POSTCODES_FILE} is niet veranderd."
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}

# RD New -> WGS84 (Schreutelkamp & Strang van Hees): (p, q) -> coefficient of dX^p dY^q.
_K = {(0, 1): 3235.65389, (2, 0): -32.58297, (0, 2): -0.24750, (2, 1): -0.84978,
      (0, 3): -0.06550, (2, 2): -0.01709, (1, 0): -0.00738, (4, 0): 0.00530,
      (2, 3): -0.00039, (4, 1): 0.00033, (1, 1): -0.00012}  # fmt: skip
_L = {(1, 0): 5260.52916, (1, 1): 105.94684, (1, 2): 2.45656, (3, 0): -0.81885,
      (1, 3): 0.05594, (3, 1): -0.05607, (0, 1): 0.01199, (3, 2): -0.00256,
      (1, 4): 0.00128, (0, 2): 0.00022, (2, 0): -0.00022, (5, 0): 0.00026}  # fmt: skip


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """A point of the Dutch grid (RD New, metres) as (latitude, longitude) in degrees."""
    dx, dy = (x - 155000) * 1e-5, (y - 463000) * 1e-5
    lat = 52.15517440 + sum(c * dx**p * dy**q for (p, q), c in _K.items()) / 3600
    lon = 5.38720621 + sum(c * dx**p * dy**q for (p, q), c in _L.items()) / 3600
    return lat, lon


class GeometryError(ValueError):
    """A geometry that is not a (multi)polygon this reader understands."""


@dataclass
class _Reader:
    data: bytes
    at: int = 0
    little: bool = True

    def take(self, fmt: str) -> tuple[Any, ...]:
        size = struct.calcsize(fmt)
        if self.at + size > len(self.data):
            raise GeometryError("the geometry ends too soon")
        values = struct.unpack_from(("<" if self.little else ">") + fmt, self.data, self.at)
        self.at += size
        return values


def _rings(reader: _Reader) -> Iterator[list[tuple[float, float]]]:
    """The rings of one WKB geometry (a polygon or multipolygon) at the reader's position."""
    order = reader.data[reader.at]
    reader.at += 1
    reader.little = order == 1
    (kind,) = reader.take("I")
    code = kind & 0x0FFFFFFF  # EWKB keeps Z and M in the high bits, ISO WKB in the thousands
    dimensions, base = divmod(code, 1000)
    has_z = bool(kind & 0x80000000) or dimensions in (1, 3)
    has_m = bool(kind & 0x40000000) or dimensions in (2, 3)
    width = 2 + has_z + has_m
    if base == 6:  # multipolygon: its polygons, each with its own byte order
        (count,) = reader.take("I")
        for _ in range(count):
            yield from _rings(reader)
        return
    if base != 3:
        raise GeometryError(f"geometry type {base} is not a polygon")
    (count,) = reader.take("I")
    for _ in range(count):
        (points,) = reader.take("I")
        ring = []
        for _ in range(points):
            values = reader.take("d" * width)
            ring.append((values[0], values[1]))
        yield ring


def gpkg_rings(blob: bytes) -> list[list[tuple[float, float]]]:
    """The rings of a GeoPackage binary geometry (header 'GP', then WKB)."""
    if len(blob) < 8 or blob[:2] != b"GP":
        raise GeometryError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = _ENVELOPE_DOUBLES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise GeometryError("unknown envelope")
    if flags & 0b10000:
        return []  # an empty geometry
    return list(_rings(_Reader(blob, 8 + 8 * envelope)))


def centre(rings: list[list[tuple[float, float]]]) -> tuple[float, float] | None:
    """The area-weighted centre of polygons given as rings (holes weigh negative: the shoelace
    sum of a hole runs the other way round; a ring written the wrong way round is turned so
    that the outer rings of each polygon count positive)."""
    total = cx = cy = 0.0
    for ring in rings:
        area = x_sum = y_sum = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            x_sum += (x0 + x1) * cross
            y_sum += (y0 + y1) * cross
        total += area / 2
        cx += x_sum / 6
        cy += y_sum / 6
    if abs(total) < 1e-12:
        return None
    return cx / total, cy / total


@dataclass
class PostcodeImport:
    ok: bool
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def _refused(issue: Issue) -> PostcodeImport:
    return PostcodeImport(False, [issue], [NOTHING_WRITTEN])


def _layer(con: sqlite3.Connection) -> tuple[str, str, str, int] | None:
    """(table, postcode column, geometry column, srs) of the first layer with postcodes."""
    for table, geometry, srs in con.execute(
        "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns"
    ):
        columns = [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
        found = next((c for c in columns if c.lower() in POSTCODE_COLUMNS), None)
        if found is not None:
            return table, found, geometry, int(srs)
    return None


def read_postcode_areas(file: Path) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """Postcode -> centre (latitude, longitude) from a GeoPackage; raises ValueError with a
    Dutch sentence when the file is not one this reader can use. Also returns the postcodes
    whose geometry could not be used."""
    try:
        con = sqlite3.connect(f"file:{file.resolve().as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ValueError(f"het bestand is geen database ({exc})") from None
    try:
        try:
            layer = _layer(con)
        except sqlite3.DatabaseError:
            raise ValueError("het bestand is geen GeoPackage") from None
        if layer is None:
            raise ValueError("er is geen laag met een kolom 'postcode' in het bestand")
        table, column, geometry, srs = layer
        if srs not in (RD_NEW, WGS84):
            raise ValueError(
                f"de coördinaten staan in stelsel {srs}; dat kan dit programma niet "
                "lezen (wel RD New, 28992, en WGS84, 4326)"
            )
        rows = con.execute(f'SELECT "{column}", "{geometry}" FROM "{table}"').fetchall()
    finally:
        con.close()
    centres: dict[str, tuple[float, float]] = {}
    unusable: list[str] = []
    for code, blob in rows:
        code = str(code).strip()
        if not PC4.fullmatch(code):
            continue
        try:
            point = centre(gpkg_rings(bytes(blob))) if blob is not None else None
        except GeometryError:
            point = None
        if point is None:
            unusable.append(code)
            continue
        centres[code] = rd_to_wgs84(*point) if srs == RD_NEW else (point[1], point[0])
    return centres, unusable


def import_postcodes(root: Path, file: Path) -> PostcodeImport:
    """Write site_config/postcodes.csv from ``file``; nothing is written when it cannot be read
    (or written: one transaction, core/transaction.py)."""
    display = file.name
    recovered = recover(root)  # an earlier import that was killed is finished first
    if any(i.is_error for i in recovered):
        return PostcodeImport(False, recovered, [NOTHING_WRITTEN])
    if not file.is_file():
        return _refused(AREAS_NO_FILE.at(display, file=display))
    try:
        centres, unusable = read_postcode_areas(file)
    except ValueError as exc:
        return _refused(AREAS_UNREADABLE.at(display, file=display, detail=exc))
    if not centres:
        return _refused(AREAS_NONE_USABLE.at(display, file=display))
    transaction = Transaction(Path(root), "sop-builder import-postcodes")
    transaction.write(POSTCODES_FILE, postcodes_text(centres, display))
    problems = transaction.commit()
    if problems:
        return PostcodeImport(False, recovered + problems, [NOTHING_WRITTEN])
    messages = [f"{len(centres)} postcodegebieden geschreven naar {POSTCODES_FILE}."]
    if unusable:
        shown = ", ".join(unusable[:10]) + (" …" if len(unusable) > 10 else "")
        messages.append(f"Zonder bruikbare vorm, en dus overgeslagen: {shown}.")
    return PostcodeImport(True, recovered, messages)
