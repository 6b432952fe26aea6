"""DUO's file of pupils per location: "01. Leerlingen po – soort po, cluster, leeftijd".

One row per location × kind of school × cluster, per peildatum (1 October), with one column per
age (leeftijd_jonger, leeftijd_4 … leeftijd_24, leeftijd_ouder); a count under 5 is written
`<5`. Its columns, matched loosely (`core/tables.py` `column_key`): peildatum, instellingscode,
vestigingscode (2 digits beside the instellingscode, or the whole code), soort_po, cluster
(optional), and the ages; the rest (names, places, ...) is not needed.

The small API (`import-leerlingen` and `import-kengetallen` use it):

    read_duo_pupils(table, display) -> DuoPupils | None    (None: not this layout)
    DuoPupils.counts[(vestigingscode, kind, peildatum)] -> PupilSum
    DuoPupils.swv[(vestigingscode, peildatum)] -> regiocode, where the file has a column
        SAMENWERKINGSVERBAND (a school that moved SWV belongs to each in its own years)

A `PupilSum` is the sum over the rows' age cells: the published counts, and how many cells were
`<5`. It is never turned into a made-up number: `text()` writes "412" (exact), "412+" (412 and
some cells of fewer than 5) or "<10" (only cells of fewer than 5: fewer than 5 per cell).
Every row that cannot be used is named (file, line, why); a location × kind × peildatum with
such a row is left out of ``counts`` (its sum would be wrong) and listed in ``incomplete``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sop_builder.core.catalogue.imports import PUPILS_COLUMN_MISSING, PUPILS_ROW_UNUSABLE
from sop_builder.core.issues import Issue, Pos, allowed_list
from sop_builder.core.tables import Table, column_key, find_columns
from sop_builder.core.text import MONTHS

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("PEILDATUM",),
    "institution": ("INSTELLINGSCODE", "BRIN NUMMER", "BRIN"),
    "code": ("VESTIGINGSCODE", "VESTIGINGSNUMMER"),
    "kind": ("SOORT PO", "SOORT", "TYPE PO"),
    "cluster": ("CLUSTER",),
    # not in every file: the samenwerkingsverband of the row (its regiocode, PO 27-99)
    "swv": ("SAMENWERKINGSVERBAND", "CODE SAMENWERKINGSVERBAND", "SWV", "SWV PO", "REGIOCODE"),
}
AGE_PREFIX = "leeftijd"
MASKED = "<5"
SMALLEST = 5  # DUO writes a count under 5 as '<5'
CODE = re.compile(r"\d{2}[A-Z]{2}\d{2}")
INSTITUTION = re.compile(r"\d{2}[A-Z]{2}")
KINDS = {
    "BAO": "bao",
    "BO": "bao",
    "BASISONDERWIJS": "bao",
    "SBAO": "sbo",
    "SBO": "sbo",
    "SPECIAALBASISONDERWIJS": "sbo",
    "SO": "so",
    "SPECIAALONDERWIJS": "so",
    "VSO": "vso",
    "VOORTGEZETSPECIAALONDERWIJS": "vso",
}
NUMBER_OF_MONTH = {name: number for number, name in enumerate(MONTHS, start=1)}


@dataclass(frozen=True)
class PupilSum:
    """The pupils of one location × kind × peildatum: the published counts and the cells of
    fewer than 5."""

    known: int = 0
    masked: int = 0

    def __add__(self, other: PupilSum) -> PupilSum:
        return PupilSum(self.known + other.known, self.masked + other.masked)

    @property
    def approximate(self) -> bool:
        return self.masked > 0

    def text(self) -> str:
        """'412' (exact), '412+' (at least 412) or '<10' (fewer than 5 in each of 2 cells)."""
        if self.known == 0 and self.masked:
            return f"<{SMALLEST * self.masked}"
        return f"{self.known}+" if self.masked else str(self.known)


@dataclass
class DuoPupils:
    """What one file held: sums per (vestigingscode, kind, peildatum), and its problems."""

    counts: dict[tuple[str, str, date], PupilSum] = field(default_factory=dict)
    incomplete: set[tuple[str, str, date]] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=list)
    rows: int = 0
    # (vestigingscode, peildatum) -> the samenwerkingsverband DUO names (`region_key`), where
    # the file has that column: a school that moved SWV counts for each in its own years
    swv: dict[tuple[str, date], str] = field(default_factory=dict)


def region_key(text: str) -> str:
    """A samenwerkingsverband's regiocode as compared: 'PO 27-99', 'po2799', 'PO27.99' are
    all 'PO2799'."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def parse_date(text: str) -> date | None:
    """'2024-10-01', '1-10-2024', '01-10-2024', '20241001', '1 oktober 2024' -> a date."""
    text = text.strip().lower()
    for pattern, order in (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"),
        (r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", "dmy"),
        (r"(\d{4})(\d{2})(\d{2})", "ymd"),
    ):
        match = re.fullmatch(pattern, text)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                return None
    match = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text)
    if match and match[2] in NUMBER_OF_MONTH:
        try:
            return date(int(match[3]), NUMBER_OF_MONTH[match[2]], int(match[1]))
        except ValueError:
            return None
    return None


def duo_pupil_kind(text: str) -> str | None:
    """DUO's soort po -> bao, sbo, so or vso (None: unknown)."""
    return KINDS.get(re.sub(r"[^A-Z]", "", text.upper()))


def is_duo_pupil_layout(table: Table) -> bool:
    """Whether the table has DUO's age columns (this layout) rather than one column a year."""
    return any(column_key(h).startswith(AGE_PREFIX) for h in table.header)


def _cell_sum(text: str) -> PupilSum | None:
    """One age cell: '' -> nothing, '37' -> 37, '<5' (or a number under 5) -> one masked cell."""
    text = "".join(text.split())
    if not text:
        return PupilSum()
    if text == MASKED:
        return PupilSum(0, 1)
    if text.isascii() and text.isdigit():
        value = int(text)
        return PupilSum(value, 0) if value >= SMALLEST else PupilSum(0, 1 if value else 0)
    return None


def read_duo_pupils(table: Table, display: str) -> DuoPupils | None:
    """Sum the ages of every row per location, kind and peildatum; None when the table is not
    in this layout. Missing columns are errors; a row that cannot be used is a warning."""
    if not is_duo_pupil_layout(table):
        return None
    found = DuoPupils()
    columns = find_columns(table.header, COLUMNS)
    ages = [i for i, h in enumerate(table.header) if column_key(h).startswith(AGE_PREFIX)]
    header = allowed_list(table.header)
    for key, what, names in (
        ("date", "de peildatum", "PEILDATUM"),
        ("code", "de vestigingscode", "VESTIGINGSCODE (met INSTELLINGSCODE)"),
        ("kind", "de soort school", "SOORT PO"),
    ):
        if key not in columns:
            found.issues.append(
                PUPILS_COLUMN_MISSING.at(display, what=what, names=names, header=header)
            )
    if found.issues:
        return found
    seen: dict[tuple[str, str, date, str], int] = {}
    for line, cells in table.rows:
        found.rows += 1
        _read_row(found, display, table.header, columns, ages, line, cells, seen)
    for left_out in found.incomplete:
        found.counts.pop(left_out, None)
    return found


def _read_row(
    found: DuoPupils,
    display: str,
    header: list[str],
    columns: dict[str, int],
    ages: list[int],
    line: int,
    cells: list[str],
    seen: dict[tuple[str, str, date, str], int],
) -> None:
    def cell(key: str) -> str:
        return " ".join(cells[columns[key]].split()) if key in columns else ""

    def unusable(column: int, why: str) -> None:
        found.issues.append(
            PUPILS_ROW_UNUSABLE.at(display, Pos(line, column + 1), line=line, why=why)
        )

    code = cell("code").upper().replace(" ", "")
    institution = cell("institution").upper().replace(" ", "")
    if not CODE.fullmatch(code) and INSTITUTION.fullmatch(institution) and code.isdigit():
        code = institution + code.zfill(2)
    day, kind = parse_date(cell("date")), duo_pupil_kind(cell("kind"))
    if not CODE.fullmatch(code):
        shown = institution + code.zfill(2) if code.isdigit() and institution else code
        unusable(columns["code"], f"'{shown}' is geen vestigingscode")
        return
    if day is None:
        unusable(columns["date"], f"'{cell('date')}' is geen peildatum")
        return
    if kind is None:
        unusable(columns["kind"], f"de soort school '{cell('kind')}' is onbekend")
        return
    key = (code, kind, day)
    row_key = (*key, cell("cluster"))
    if row_key in seen:
        unusable(columns["code"], f"{code} ({kind}) staat al op regel {seen[row_key]}")
        found.incomplete.add(key)
        return
    seen[row_key] = line
    if cell("swv"):
        found.swv[(code, day)] = region_key(cell("swv"))
    total = PupilSum()
    for index in ages:
        value = _cell_sum(cells[index])
        if value is None:
            unusable(index, f"'{cells[index].strip()}' bij {header[index]} is geen aantal ({code})")
            found.incomplete.add(key)
            return
        total += value
    found.counts[key] = found.counts.get(key, PupilSum()) + total
