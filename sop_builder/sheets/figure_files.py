"""The files `import-kengetallen` reads, each recognised by its columns (matched loosely,
`core/tables.py` `column_key`), each turned into sets of figures (`NewSet`) of the SWV:

- DUO's "01. Leerlingen po – soort po, cluster, leeftijd" (age columns): read by the one
  reader of that file, `duo_pupils.py`; per school of the SWV and per kind of school, and for
  the country the sum of all rows. Where the file names the samenwerkingsverband of each row, a
  school counts for the SWV only in the years it belonged to it.
- DUO's so/vso pupils per samenwerkingsverband: a column with the samenwerkingsverband, the
  peildatum, and either the kind of school and a count or a column per kind (so, vso).
- DUO's annual accounts (jaarrekeninggegevens): per bevoegd gezag (or samenwerkingsverband) and
  year, total income, total expenses and reserves.
- The SWV's own registration, in the template of `kengetallen-sjabloon` (`TEMPLATE_COLUMNS`).

Every row that cannot be used is named (file, line, why: SOP737); nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from sop_builder.core.catalogue.figures import (
    FIGURES_COLUMN_MISSING,
    FIGURES_NO_BOARD,
    FIGURES_NO_REGION_CODE,
    FIGURES_NOTHING_FOUND,
    FIGURES_ROW_UNUSABLE,
)
from sop_builder.core.issues import Issue, Pos, allowed_list
from sop_builder.core.tables import Table, find_columns
from sop_builder.project.figures import (
    DUO_ACCOUNTS,
    DUO_PUPILS,
    DUO_SPECIAL,
    MEASURES,
    REGISTRATION,
    REGISTRATION_KEYS,
)
from sop_builder.sheets.duo_pupils import (
    DuoPupils,
    PupilSum,
    parse_date,
    region_key,
)

SWV_NAMES = ("SAMENWERKINGSVERBAND", "CODE SAMENWERKINGSVERBAND", "SWV", "SWV PO", "REGIOCODE")
SPECIAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "swv": SWV_NAMES,
    "date": ("PEILDATUM",),
    "kind": ("SOORT ONDERWIJS", "ONDERWIJSSOORT", "SOORT", "SOORT PO"),
    "count": ("AANTAL LEERLINGEN", "LEERLINGEN", "AANTAL"),
    "so": ("SO", "LEERLINGEN SO", "AANTAL LEERLINGEN SO", "AANTAL SO"),
    "vso": ("VSO", "LEERLINGEN VSO", "AANTAL LEERLINGEN VSO", "AANTAL VSO"),
}
ACCOUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "board": ("BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG", "BG NUMMER"),
    "swv": SWV_NAMES,
    "year": ("JAAR", "BOEKJAAR", "VERSLAGJAAR", "JAAR JAARREKENING"),
    "baten": ("TOTAAL BATEN", "TOTALE BATEN", "BATEN"),
    "lasten": ("TOTAAL LASTEN", "TOTALE LASTEN", "LASTEN"),
    "reserves": ("EIGEN VERMOGEN", "TOTAAL EIGEN VERMOGEN", "RESERVES", "ALGEMENE RESERVE"),
}
TEMPLATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("VESTIGINGSCODE",),
    "school": ("SCHOOL",),
    "date": ("PEILDATUM",),
    **{key: (key,) for key in REGISTRATION_KEYS},
}
# The template's second row explains each column ("Uitleg: ..."); it is skipped.
EXPLANATION_ROW = "uitleg"
CODE = re.compile(r"\d{2}[A-Z]{2}\d{2}")
COUNT = re.compile(r"\d+|<5")
DUO_KINDS = {"SO": "so", "SPECIAALONDERWIJS": "so", "VSO": "vso"}
DUO_KINDS["VOORTGEZETSPECIAALONDERWIJS"] = "vso"


@dataclass
class NewSet:
    """Figures of one source and peildatum as the file gave them (texts as written in
    content/kengetallen.yaml)."""

    source: str
    day: date
    swv: dict[str, str] = field(default_factory=dict)
    national: dict[str, str] = field(default_factory=dict)
    schools: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Found:
    """What one file gave: its sets, its problems, and a line for the summary."""

    sets: list[NewSet] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    summary: str = ""
    duo: DuoPupils | None = None  # DUO's pupil file as read (for content/leerlingen.yaml)


@dataclass(frozen=True)
class Swv:
    """How the import finds the SWV's rows: its schools, its regiocode, its board number."""

    codes: dict[str, str]  # vestigingscode -> folder
    region: str = ""  # region_key of site_config/swv.yaml's regiocode
    board: str = ""  # the bevoegd gezag number of the SWV (accounts)


def amount(text: str) -> int | None:
    """'12.500.000', '12500000,00', '€ 1.250', '-200000', '12500000.4' -> whole euros (rounded
    to the nearest); None when it is no amount."""
    plain = text.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in plain:
        plain = plain.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", plain):
        plain = plain.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", plain):
        return None
    value = Fraction(plain)
    return int((value + Fraction(1, 2)).__floor__())


def count_cell(text: str) -> str | None:
    """A count as the file writes it -> as content/kengetallen.yaml writes it ('<5' for every
    number under 5); None when it is no count."""
    plain = "".join(text.split())
    if not COUNT.fullmatch(plain):
        return None
    return "<5" if plain == "<5" or int(plain) < 5 else str(int(plain))


def _sum_text(total: PupilSum, partial: bool = False) -> str:
    """A sum as content/kengetallen.yaml writes it: '412', '412+' or '<10'; ``partial``: rows
    were left out, so the sum is at least what it says."""
    text = total.text()
    return text + "+" if partial and not text.endswith("+") and total.known else text


def pupil_sets(duo: DuoPupils, display: str, swv: Swv) -> Found:
    """DUO's per-age file -> one set per peildatum: the SWV's schools and the country."""
    found = Found()
    has_swv = bool(duo.swv)
    if has_swv and not swv.region:
        found.issues.append(FIGURES_NO_REGION_CODE.at(display))
        return found
    days = sorted({day for _, _, day in duo.counts} | {day for _, _, day in duo.incomplete})
    for day in days:
        national: dict[str, PupilSum] = {}
        schools: dict[str, dict[str, str]] = {}
        for (code, kind, when), total in sorted(duo.counts.items()):
            if when != day:
                continue
            national[kind] = national.get(kind, PupilSum()) + total
            member = duo.swv.get((code, day)) == swv.region if has_swv else True
            if code in swv.codes and member:
                schools.setdefault(code, {})[kind] = total.text()
        partial = {kind for _, kind, when in duo.incomplete if when == day}
        found.sets.append(
            NewSet(
                DUO_PUPILS,
                day,
                national={k: _sum_text(v, k in partial) for k, v in sorted(national.items())},
                schools=schools,
            )
        )
    counted = sum(len(s.schools) for s in found.sets)
    how = "; per rij het samenwerkingsverband van dat jaar" if has_swv else ""
    found.summary = (
        f"{display}: leerlingen op {_days(len(days))}, {counted} keer een school van het "
        f"samenwerkingsverband{how}"
    )
    if not counted:
        found.issues.append(FIGURES_NOTHING_FOUND.at(display, what="de vestigingscodes"))
    return found


def _days(number: int) -> str:
    return "1 peildatum" if number == 1 else f"{number} peildata"


def _row_problem(display: str, line: int, column: int, why: str) -> Issue:
    return FIGURES_ROW_UNUSABLE.at(display, Pos(line, column + 1), line=line, why=why)


def special_sets(table: Table, display: str, columns: dict[str, int], swv: Swv) -> Found:
    """DUO's so/vso pupils per samenwerkingsverband -> one set per peildatum."""
    found = Found()
    header = allowed_list(table.header)
    if "date" not in columns:
        found.issues.append(
            FIGURES_COLUMN_MISSING.at(
                display, what="de peildatum", names="PEILDATUM", header=header
            )
        )
        return found
    if not swv.region:
        found.issues.append(FIGURES_NO_REGION_CODE.at(display))
        return found
    national: dict[date, dict[str, PupilSum]] = {}
    own: dict[date, dict[str, PupilSum]] = {}
    for line, cells in table.rows:
        day = parse_date(cells[columns["date"]])
        if day is None:
            why = f"'{cells[columns['date']].strip()}' is geen peildatum"
            found.issues.append(_row_problem(display, line, columns["date"], why))
            continue
        values = _special_values(cells, columns)
        if isinstance(values, str):
            found.issues.append(_row_problem(display, line, 0, values))
            continue
        mine = region_key(cells[columns["swv"]]) == swv.region
        for kind, value in values.items():
            for target in (national, own) if mine else (national,):
                by_kind = target.setdefault(day, {})
                by_kind[kind] = by_kind.get(kind, PupilSum()) + value
    for day in sorted(national):
        found.sets.append(
            NewSet(
                DUO_SPECIAL,
                day,
                swv={k: v.text() for k, v in sorted(own.get(day, {}).items())},
                national={k: v.text() for k, v in sorted(national[day].items())},
            )
        )
    found.summary = (
        f"{display}: leerlingen (v)so per samenwerkingsverband op {_days(len(national))}"
    )
    if not own:
        found.issues.append(FIGURES_NOTHING_FOUND.at(display, what="de regiocode"))
    return found


def _pupil_sum(text: str) -> PupilSum | None:
    plain = "".join(text.split())
    if not plain:
        return PupilSum()
    written = count_cell(plain)
    if written is None:
        return None
    return PupilSum(0, 1) if written == "<5" else PupilSum(int(written), 0)


def _special_values(cells: list[str], columns: dict[str, int]) -> dict[str, PupilSum] | str:
    """kind -> count of one row, or why the row cannot be used."""
    if "kind" in columns and "count" in columns:
        raw_kind = cells[columns["kind"]].strip()
        kind = DUO_KINDS.get(re.sub(r"[^A-Z]", "", raw_kind.upper()))
        value = _pupil_sum(cells[columns["count"]])
        if kind is None:
            return f"de soort onderwijs '{raw_kind}' is geen so of vso"
        if value is None:
            return f"'{cells[columns['count']].strip()}' is geen aantal"
        return {kind: value}
    values: dict[str, PupilSum] = {}
    for kind in ("so", "vso"):
        if kind in columns:
            value = _pupil_sum(cells[columns[kind]])
            if value is None:
                return f"'{cells[columns[kind]].strip()}' bij {kind} is geen aantal"
            values[kind] = value
    return values


def account_sets(table: Table, display: str, columns: dict[str, int], swv: Swv) -> Found:
    """DUO's annual accounts -> one set per boekjaar (peildatum 31 December) of the SWV."""
    found = Found()
    by_board = "board" in columns and bool(swv.board)
    if not by_board and not ("swv" in columns and swv.region):
        found.issues.append(
            FIGURES_NO_BOARD.at(display)
            if "board" in columns
            else FIGURES_NO_REGION_CODE.at(display)
        )
        return found
    for line, cells in table.rows:
        key = (
            cells[columns["board"]].strip().lstrip("0")
            if by_board
            else region_key(cells[columns["swv"]])
        )
        if key != (swv.board.lstrip("0") if by_board else swv.region):
            continue
        year_text = cells[columns["year"]].strip()
        if not re.fullmatch(r"(19|20)\d{2}", year_text):
            why = f"'{year_text}' is geen jaar"
            found.issues.append(_row_problem(display, line, columns["year"], why))
            continue
        values: dict[str, str] = {}
        for measure in ("baten", "lasten", "reserves"):
            if measure in columns and cells[columns[measure]].strip():
                value = amount(cells[columns[measure]])
                if value is None:
                    why = f"'{cells[columns[measure]].strip()}' bij {measure} is geen bedrag"
                    found.issues.append(_row_problem(display, line, columns[measure], why))
                    values = {}
                    break
                values[measure] = str(value)
        if values:
            found.sets.append(NewSet(DUO_ACCOUNTS, date(int(year_text), 12, 31), swv=values))
    years = ", ".join(str(s.day.year) for s in found.sets)
    found.summary = f"{display}: jaarrekening van het samenwerkingsverband ({years or 'geen jaar'})"
    if not found.sets:
        what = "het nummer van het bevoegd gezag" if by_board else "de regiocode"
        found.issues.append(FIGURES_NOTHING_FOUND.at(display, what=what))
    return found


def registration_sets(table: Table, display: str, swv: Swv) -> Found:
    """The SWV's registration (the template) -> one set per peildatum."""
    found = Found()
    columns = find_columns(table.header, TEMPLATE_COLUMNS)
    by_day: dict[date, dict[str, dict[str, str]]] = {}
    seen: dict[tuple[str, date], int] = {}
    for line, cells in table.rows:
        code = cells[columns["code"]].strip().upper()
        if code.lower().startswith(EXPLANATION_ROW):
            continue
        if not any(cell.strip() for cell in cells):
            continue
        row = _registration_row(cells, columns, code, swv)
        if isinstance(row, RowProblem):
            found.issues.append(_row_problem(display, line, row.column, row.why))
            continue
        day, values = row
        if (code, day) in seen:
            why = f"{code} op {day.isoformat()} staat al op regel {seen[(code, day)]}"
            found.issues.append(_row_problem(display, line, columns["code"], why))
            continue
        seen[(code, day)] = line
        if values:
            by_day.setdefault(day, {})[code] = values
    for day in sorted(by_day):
        found.sets.append(NewSet(REGISTRATION, day, schools=by_day[day]))
    found.summary = (
        f"{display}: eigen registratie van {len({c for c, _ in seen})} scholen op "
        f"{_days(len(by_day))}"
    )
    return found


class RowProblem(NamedTuple):
    """Why a row cannot be used, and the column that says so."""

    column: int
    why: str


def _registration_row(
    cells: list[str], columns: dict[str, int], code: str, swv: Swv
) -> tuple[date, dict[str, str]] | RowProblem:
    """(peildatum, key -> value) of one row, or why it cannot be used."""
    if not CODE.fullmatch(code):
        return RowProblem(columns["code"], f"'{code}' is geen vestigingscode")
    if code not in swv.codes:
        return RowProblem(columns["code"], f"{code} is geen school van het samenwerkingsverband")
    day = parse_date(cells[columns["date"]])
    if day is None:
        return RowProblem(columns["date"], f"'{cells[columns['date']].strip()}' is geen peildatum")
    values: dict[str, str] = {}
    for key in REGISTRATION_KEYS:
        if key not in columns or not cells[columns[key]].strip():
            continue
        text = cells[columns[key]]
        if MEASURES[key].money:
            value = amount(text)
            written = None if value is None or value < 0 else str(value)
        else:
            written = count_cell(text)
        if written is None:
            kind = "bedrag" if MEASURES[key].money else "aantal"
            return RowProblem(columns[key], f"'{text.strip()}' bij {key} is geen {kind}")
        values[key] = written
    return day, values
