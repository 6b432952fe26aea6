"""Import DUO's open-data CSV of pupils per school location into content/leerlingen.yaml."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.atomic import write_atomic
from sop_builder.core.catalogue.imports import (
    PUPILS_BAD_CODE,
    PUPILS_BAD_COUNT,
    PUPILS_LOCATION_TWICE,
    PUPILS_NO_CODE_COLUMN,
    PUPILS_NO_YEAR_COLUMN,
    PUPILS_UNKNOWN_COLUMN,
    PUPILS_UNKNOWN_YEAR_COLUMN,
    PUPILS_YEAR_TWICE,
)
from sop_builder.core.issues import Issue, Pos, allowed_list
from sop_builder.core.tables import Table, read_table
from sop_builder.project.pupils import CODE, MASKED, PUPILS_FILE, parse_count
from sop_builder.project.schools.read import school_codes

CODE_COLUMNS = ("VESTIGINGSCODE", "BRIN_VESTIGINGSNUMMER")


INSTITUTION_COLUMNS = ("INSTELLINGSCODE", "BRIN_NUMMER", "BRINNUMMER")


LOCATION_COLUMNS = ("VESTIGINGSNUMMER",)


YEAR_COLUMNS = (
    re.compile(r"LEERLINGEN_((?:19|20)\d{2})"),  # current
    re.compile(r"AANTAL_LEERLINGEN_((?:19|20)\d{2})"),  # older files
    re.compile(r"TOTAAL_LEERLINGEN_((?:19|20)\d{2})"),  # older files
)


NOTHING_IMPORTED = "Er is niets geïmporteerd; content/leerlingen.yaml is niet veranderd."


@dataclass
class PupilImport:
    ok: bool
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


@dataclass
class _Layout:
    code: int | None = None
    institution: int | None = None
    location: int | None = None
    years: dict[int, int] = field(default_factory=dict)  # year -> column index


def _layout(table: Table, display: str) -> tuple[_Layout, list[Issue]]:
    layout, issues = _Layout(), []
    year_names: dict[int, str] = {}
    for index, raw in enumerate(table.header):
        name = raw.strip().upper()
        if name in CODE_COLUMNS:
            layout.code = index
        elif name in INSTITUTION_COLUMNS:
            layout.institution = index
        elif name in LOCATION_COLUMNS:
            layout.location = index
        elif match := next((m for p in YEAR_COLUMNS if (m := p.fullmatch(name))), None):
            year = int(match.group(1))
            if year in layout.years:
                issues.append(
                    PUPILS_YEAR_TWICE.at(
                        display, Pos(1, index + 1), year=year, first=year_names[year], second=raw
                    )
                )
            layout.years[year], year_names[year] = index, raw
        elif "LEERLING" in name or "LLN" in name or re.search(r"(19|20)\d{2}", name):
            guess = re.search(r"(19|20)\d{2}", name)
            place = Pos(1, index + 1)
            issues.append(
                PUPILS_UNKNOWN_YEAR_COLUMN.at(
                    display, place, column=raw, guess=f"LEERLINGEN_{guess.group(0)}"
                )
                if guess
                else PUPILS_UNKNOWN_COLUMN.at(display, place, column=raw)
            )
    if layout.code is None and (layout.institution is None or layout.location is None):
        issues.append(PUPILS_NO_CODE_COLUMN.at(display, header=allowed_list(table.header)))
    if not layout.years:
        issues.append(PUPILS_NO_YEAR_COLUMN.at(display))
    return layout, issues


def _row_code(layout: _Layout, cells: list[str]) -> str:
    if layout.code is not None:
        return cells[layout.code].strip().upper()
    assert layout.institution is not None and layout.location is not None
    location = cells[layout.location].strip().upper()
    if CODE.fullmatch(location):  # some files give the whole code here
        return location
    return cells[layout.institution].strip().upper() + location.zfill(2)


def read_pupil_csv(
    table: Table, display: str, wanted: set[str]
) -> tuple[dict[str, dict[int, str]], list[Issue]]:
    """Check the columns and every row; returns the counts (as written) of ``wanted`` codes."""
    layout, issues = _layout(table, display)
    if issues:
        return {}, issues
    found: dict[str, dict[int, str]] = {}
    first_row: dict[str, int] = {}
    for number, cells in table.rows:
        code = _row_code(layout, cells)
        column = (layout.code if layout.code is not None else layout.location) or 0
        if not CODE.fullmatch(code):
            issues.append(
                PUPILS_BAD_CODE.at(display, Pos(number, column + 1), row=number, code=code)
            )
            continue
        if code in first_row:
            issues.append(
                PUPILS_LOCATION_TWICE.at(
                    display, Pos(number, column + 1), row=number, code=code, first=first_row[code]
                )
            )
            continue
        first_row[code] = number
        if code not in wanted:
            continue
        counts: dict[int, str] = {}
        for year, index in sorted(layout.years.items()):
            text = "".join(cells[index].split())
            if not text:
                continue  # the location did not exist that year
            ok, _ = parse_count(text)
            if not ok:
                issues.append(
                    PUPILS_BAD_COUNT.at(
                        display,
                        Pos(number, index + 1),
                        row=number,
                        code=code,
                        year=year,
                        value=cells[index].strip(),
                    )
                )
                continue
            counts[year] = MASKED if text == MASKED else text
        found[code] = counts
    return found, issues


def write_pupils(file: Path, source: str, counts: dict[str, dict[int, str]]) -> None:
    lines = [
        "# Leerlingen per schoolvestiging op 1 oktober (open onderwijsdata van DUO).",
        "# Gemaakt met 'sop-builder import-leerlingen'; een nieuwe import vervangt dit bestand.",
        "# '<5' betekent minder dan 5 leerlingen; dat aantal komt nooit als getal op een site.",
        f"bron: {json.dumps(source)}",
        "vestigingen:",
    ]
    for code in sorted(c for c in counts if counts[c]):
        lines.append(f'  "{code}":')
        lines += [f'    "{year}": "{value}"' for year, value in sorted(counts[code].items())]
    write_atomic(file, "\n".join(lines) + "\n")


def import_pupils(root: Path, csv_file: Path) -> PupilImport:
    """Read the open-data file; write content/leerlingen.yaml only when it is entirely sound."""
    root = Path(root)
    table, issues = read_table(csv_file, csv_file.name, delimiter=";")
    if table is None:
        return PupilImport(False, issues, [NOTHING_IMPORTED])
    codes = school_codes(root)
    counts, issues = read_pupil_csv(table, csv_file.name, set(codes))
    if issues:
        return PupilImport(False, issues, [NOTHING_IMPORTED])
    write_pupils(root / PUPILS_FILE, csv_file.name, counts)
    messages = [
        f"Leerlingaantallen van {len(counts)} van de {len(codes)} scholen geschreven naar "
        f"{PUPILS_FILE.as_posix()} (de andere {len(table.rows) - len(counts)} vestigingen in het "
        "bestand horen niet bij het samenwerkingsverband)."
    ]
    missing = sorted(slug for code, slug in codes.items() if code not in counts)
    if missing:
        messages.append(f"Geen aantallen gevonden voor: {', '.join(missing)}.")
    return PupilImport(True, [], messages)


# Column names, upper case. The current name first; older names are read the same way.
