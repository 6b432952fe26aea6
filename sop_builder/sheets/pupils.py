"""Import DUO's open-data CSV of pupils per school location into content/leerlingen.yaml: the
layout with one column per year (LEERLINGEN_JJJJ, and older names), or DUO's file per location
× kind of school × cluster with one column per age (`duo_pupils.py`)."""

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
from sop_builder.project.pupils import (
    CODE,
    MASKED,
    PUPILS_FILE,
    count_text,
    load_pupils,
    parse_count,
)
from sop_builder.project.schools.read import school_codes
from sop_builder.sheets.duo_pupils import DuoPupils, read_duo_pupils

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
    assert layout.institution is not None
    assert layout.location is not None
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


# code -> year -> the count as written, or per kind of school: kind -> the count as written
Written = dict[str, dict[int, "str | dict[str, str]"]]


def pupils_text(source: str, counts: Written) -> str:
    """content/leerlingen.yaml with ``counts``."""
    lines = [
        "# Leerlingen per schoolvestiging op 1 oktober (open onderwijsdata van DUO).",
        "# Gemaakt met 'sop-builder import-leerlingen'; een nieuwe import vervangt de jaren die in",
        "# het bestand van DUO staan en laat de andere jaren staan.",
        "# '<5' betekent minder dan 5 leerlingen; dat aantal komt nooit als getal op een site.",
        "# '412+' betekent ten minste 412: DUO noemt leeftijden met minder dan 5 leerlingen niet.",
        f"bron: {json.dumps(source)}",
        "vestigingen:",
    ]
    for code in sorted(c for c in counts if counts[c]):
        lines.append(f'  "{code}":')
        for year, value in sorted(counts[code].items()):
            if isinstance(value, dict):
                lines.append(f'    "{year}":')
                lines += [f'      {kind}: "{text}"' for kind, text in sorted(value.items())]
            else:
                lines.append(f'    "{year}": "{value}"')
    return "\n".join(lines) + "\n"


def _existing(root: Path) -> tuple[Written, str, list[Issue]]:
    """What content/leerlingen.yaml holds now (counts as written), and its source."""
    data, issues = load_pupils(root)
    if data is None:
        return {}, "", issues
    written: Written = {}
    for code, years in data.counts.items():
        for year, count in years.items():
            kinds = data.kinds.get(code, {}).get(year)
            written.setdefault(code, {})[year] = (
                {kind: count_text(c) for kind, c in kinds.items()} if kinds else count_text(count)
            )
    return written, data.source, issues


def _merged(old: Written, new: Written, keep: set[tuple[str, int]]) -> Written:
    """``old`` with every year that ``new`` holds replaced by ``new``'s counts of that year;
    (code, year) in ``keep`` (a location whose new rows could not all be used) keeps its old
    count."""
    years = {year for by_year in new.values() for year in by_year}
    merged: Written = {}
    for code, by_year in old.items():
        kept = {y: v for y, v in by_year.items() if y not in years or (code, y) in keep}
        if kept:
            merged[code] = kept
    for code, by_year in new.items():
        merged.setdefault(code, {}).update(by_year)
    return merged


def _duo_counts(duo: DuoPupils, codes: dict[str, str]) -> tuple[Written, set[tuple[str, int]]]:
    """The SWV's schools' sums per year and kind, and (code, year) of theirs that could not be
    summed (a row could not be used): those are left out."""
    left_out = {(code, day.year) for code, _, day in duo.incomplete if code in codes}
    counts: Written = {}
    for (code, kind, day), total in sorted(duo.counts.items()):
        if code in codes and (code, day.year) not in left_out:
            by_kind = counts.setdefault(code, {}).setdefault(day.year, {})
            assert isinstance(by_kind, dict)
            by_kind[kind] = total.text()
    return counts, left_out


def import_pupils(root: Path, csv_file: Path) -> PupilImport:
    """Read DUO's file; write content/leerlingen.yaml only when it is entirely sound (rows of
    DUO's per-age file that cannot be used are named, and their locations left out)."""
    root = Path(root)
    table, issues = read_table(csv_file, csv_file.name, delimiter=";", windows=True)
    if table is None:
        return PupilImport(False, issues, [NOTHING_IMPORTED])
    duo = read_duo_pupils(table, csv_file.name)
    warnings: list[Issue] = []
    if duo is not None:
        if any(i.is_error for i in duo.issues):
            return PupilImport(False, duo.issues, [NOTHING_IMPORTED])
        update = duo_update(root, duo, csv_file.name)
        warnings = duo.issues
    else:
        codes = school_codes(root)
        plain, issues = read_pupil_csv(table, csv_file.name, set(codes))
        if issues:
            return PupilImport(False, issues, [NOTHING_IMPORTED])
        counts: Written = {code: dict(years) for code, years in plain.items()}
        update = _update(root, csv_file.name, codes, counts, set(), len(table.rows))
    if update.text is None:
        return PupilImport(False, update.issues, update.messages)
    write_atomic(root / PUPILS_FILE, update.text)
    return PupilImport(True, warnings, update.messages)


@dataclass
class PupilUpdate:
    """The new content/leerlingen.yaml (None: it cannot be written), its problems and what the
    import says."""

    text: str | None
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def duo_update(root: Path, duo: DuoPupils, display: str) -> PupilUpdate:
    """content/leerlingen.yaml with the counts of DUO's per-age file (``duo``, read by
    `duo_pupils.py`) of the SWV's schools: what `import-leerlingen` writes for that file, for a
    command that writes it in its own transaction (`import-kengetallen`)."""
    codes = school_codes(root)
    counts, left_out = _duo_counts(duo, codes)
    locations = len({code for code, _, _ in duo.counts} | {c for c, _, _ in duo.incomplete})
    return _update(root, display, codes, counts, left_out, locations)


def _update(
    root: Path,
    display: str,
    codes: dict[str, str],
    counts: Written,
    left_out: set[tuple[str, int]],
    locations: int,
) -> PupilUpdate:
    old, source, issues = _existing(root)
    if issues:
        return PupilUpdate(
            None, issues, [NOTHING_IMPORTED, "Herstel eerst het bestand (of haal het weg)."]
        )
    sources = [s for s in source.split(", ") if s and s != display] + [display]
    text = pupils_text(", ".join(sources), _merged(old, counts, left_out))
    others = locations - len(counts)
    rest = (
        ""
        if others <= 0
        else " (de andere vestiging in het bestand hoort niet bij het samenwerkingsverband)"
        if others == 1
        else f" (de andere {others} vestigingen in het bestand horen niet bij het "
        "samenwerkingsverband)"
    )
    messages = [
        f"Leerlingaantallen van {len(counts)} van de {len(codes)} scholen geschreven naar "
        f"{PUPILS_FILE.as_posix()}{rest}."
    ]
    partly = {code for code, _ in left_out}
    missing = sorted(
        slug for code, slug in codes.items() if code not in counts and code not in partly
    )
    if missing:
        messages.append(f"Geen aantallen gevonden voor: {', '.join(missing)}.")
    if left_out:
        names = ", ".join(f"{codes[code]} ({year})" for code, year in sorted(left_out))
        messages.append(
            "Niet geschreven, omdat een regel niet te gebruiken was (een eerder aantal blijft "
            f"staan): {names}."
        )
    return PupilUpdate(text, [], messages)


# Column names, upper case. The current name first; older names are read the same way.
