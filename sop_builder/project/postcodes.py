"""The centres of the four-digit postcode areas (site_config/postcodes.csv), for "near me".

The table is written by `sop-builder import-postcodes` from the national open-data file of
postcode areas (sheets/postcodes.py) and read here, strictly. The finder uses it in the
visitor's browser: a typed postcode becomes a point, and the schools are ordered by their
distance from it. A school's own point is its `coordinaten` in sop.md, else the centre of its
postcode area.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.catalogue.imports import (
    POSTCODE_UNKNOWN,
    POSTCODES_BAD_HEADER,
    POSTCODES_BAD_LINE,
    POSTCODES_NO_LINES,
    POSTCODES_TWICE,
)
from sop_builder.core.issues import Issue, Pos
from sop_builder.core.sourcefile import read_text
from sop_builder.project.model import School, SopFrontMatter

POSTCODES_FILE = "site_config/postcodes.csv"
HEADER = ("postcode", "breedtegraad", "lengtegraad")
PC4 = re.compile(r"[1-9]\d{3}")
DECIMALS = 4  # about 10 metres: more than enough for the centre of a postcode area
LATITUDES, LONGITUDES = (50.5, 53.7), (3.2, 7.3)  # the European Netherlands, generously
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class PostcodeTable:
    """Four-digit postcode -> (latitude, longitude) of the centre of its area."""

    centres: dict[str, tuple[float, float]] = field(default_factory=dict)

    def centre(self, postcode: str) -> tuple[float, float] | None:
        return self.centres.get(postcode.strip()[:4])


def parse_postcodes(text: str) -> tuple[PostcodeTable | None, list[Issue]]:
    """The table in ``text`` (lines starting with # are comments), or every problem in it."""
    rows = [
        (number, line)
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not rows:
        return None, [POSTCODES_NO_LINES.at(POSTCODES_FILE)]
    header_line, header = rows[0]
    if tuple(c.strip().lower() for c in header.split(";")) != HEADER:
        place = Pos(header_line, 1)
        return None, [POSTCODES_BAD_HEADER.at(POSTCODES_FILE, place, header=";".join(HEADER))]
    issues: list[Issue] = []
    centres: dict[str, tuple[float, float]] = {}
    for number, line in rows[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter=";"))
        point = _row(cells)
        if point is None:
            place = Pos(number, 1)
            issues.append(
                POSTCODES_BAD_LINE.at(POSTCODES_FILE, place, line=number, text=line.strip())
            )
            continue
        code, lat, lon = point
        if code in centres:
            issues.append(POSTCODES_TWICE.at(POSTCODES_FILE, Pos(number, 1), postcode=code))
            continue
        centres[code] = (lat, lon)
    return (None, issues) if issues else (PostcodeTable(centres), [])


def _row(cells: list[str]) -> tuple[str, float, float] | None:
    if len(cells) != 3 or not PC4.fullmatch(cells[0].strip()):
        return None
    try:
        lat, lon = float(cells[1]), float(cells[2])
    except ValueError:
        return None
    if not (LATITUDES[0] <= lat <= LATITUDES[1] and LONGITUDES[0] <= lon <= LONGITUDES[1]):
        return None
    return cells[0].strip(), lat, lon


def load_postcodes(root: Path) -> tuple[PostcodeTable | None, list[Issue]]:
    """site_config/postcodes.csv, when the SWV has one (None without it)."""
    file = Path(root) / POSTCODES_FILE
    if not file.is_file():
        return None, []
    text, issues = read_text(file, POSTCODES_FILE)
    if text is None:
        return None, issues
    return parse_postcodes(text)


def postcodes_text(centres: dict[str, tuple[float, float]], source: str) -> str:
    """The file's text: a comment on where it came from, the header, one line per postcode."""
    lines = [
        "# Middelpunten van de postcodegebieden (4 cijfers), voor 'scholen bij mij in de buurt'.",
        f"# Gemaakt met 'sop-builder import-postcodes' uit {source}; pas dit niet met de hand aan.",
        ";".join(HEADER),
    ]
    lines += [
        f"{code};{lat:.{DECIMALS}f};{lon:.{DECIMALS}f}"
        for code, (lat, lon) in sorted(centres.items())
    ]
    return "\n".join(lines) + "\n"


def school_point(school: School, table: PostcodeTable | None) -> tuple[float, float] | None:
    """Where the school is: its own coordinates, else the centre of its postcode area."""
    own = school.front.coordinates
    if own is not None:
        return own.latitude, own.longitude
    return table.centre(school.front.address.postcode) if table is not None else None


def unplaced_schools(schools: list[School], table: PostcodeTable | None) -> list[Issue]:
    """SOP767 for every school that has no coordinates and whose postcode the table lacks."""
    if table is None:
        return []
    return [
        POSTCODE_UNKNOWN.at(
            school.path,
            field=SopFrontMatter.key("coordinates"),
            postcode=school.front.address.postcode,
            file=POSTCODES_FILE,
        )
        for school in schools
        if school_point(school, table) is None
    ]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two points (haversine), in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
