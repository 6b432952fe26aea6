"""Read DUO's open-data files of school locations and of boards, as DUO publishes them.

- "02. Alle schoolvestigingen basisonderwijs", "09. Alle vestigingen sbo, so en vso" and the
  file of all vo locations: one row per location;
- "03. Adressen bevoegde gezagen": one row per board (bevoegd gezag), for the boards' names.

The files are `;`-separated, in UTF-8 or Windows-1252; column names are matched loosely (case,
spaces, underscores and hyphens do not count: `core/tables.py` `column_key`), and a missing
column is named. What a file is follows from its columns. Every row that cannot be used is
named with its file and line; a fact that cannot be used (a website that is no web address) is
left out of that location, also named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.authoring.new_school import type_error
from sop_builder.core.catalogue.imports import (
    BOARD_UNUSABLE,
    COLUMN_MISSING,
    FACT_LEFT_OUT,
    KIND_UNKNOWN,
    LOCATION_BAD_CODE,
    LOCATION_UNUSABLE,
    NOT_A_DUO_FILE,
)
from sop_builder.core.fieldtypes import Phone, PlainText, Postcode, Url
from sop_builder.core.issues import Issue, Pos, allowed_list
from sop_builder.core.tables import Table, find_columns, read_table
from sop_builder.project.model import Latitude, Longitude

# The columns of DUO's location files: the current name first, older and other spellings after.
LOCATION_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("VESTIGINGSCODE", "BRIN VESTIGINGSNUMMER", "VESTIGINGSNUMMER"),
    "institution": ("INSTELLINGSCODE", "BRIN NUMMER", "BRIN"),
    "name": ("VESTIGINGSNAAM", "NAAM VESTIGING", "INSTELLINGSNAAM VESTIGING", "NAAM"),
    "institution_name": ("INSTELLINGSNAAM",),
    "street": ("STRAATNAAM", "STRAAT"),
    "number": ("HUISNUMMER", "NUMMER"),
    "letter": ("HUISLETTER",),
    # DUO: the number and its addition in one column; beside HUISNUMMER only the addition.
    "number_addition": ("HUISNUMMER-TOEVOEGING", "TOEVOEGING"),
    "postcode": ("POSTCODE",),
    "place": ("PLAATSNAAM", "PLAATS"),
    "municipality": ("GEMEENTENAAM", "GEMEENTE"),
    "municipality_code": ("GEMEENTENUMMER", "GEMEENTECODE"),
    "denomination": ("DENOMINATIE",),
    "phone": ("TELEFOONNUMMER", "TELEFOON"),
    "website": ("INTERNETADRES", "WEBSITE"),
    "board": ("BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG"),
    "kind": ("SOORT PO", "TYPE PO", "SOORT ONDERWIJS", "ONDERWIJSSTRUCTUUR", "TYPE", "SOORT"),
    "latitude": ("LAT", "LATITUDE", "BREEDTEGRAAD"),
    "longitude": ("LON", "LNG", "LONGITUDE", "LENGTEGRAAD"),
}
REQUIRED = {
    "name": ("de naam van de vestiging", "VESTIGINGSNAAM"),
    "street": ("de straat", "STRAATNAAM"),
    "postcode": ("de postcode", "POSTCODE"),
    "place": ("de plaats", "PLAATSNAAM"),
    "municipality": ("de gemeente", "GEMEENTENAAM"),
}
BOARD_COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG"),
    "name": ("BEVOEGD GEZAG NAAM", "NAAM BEVOEGD GEZAG", "BESTUURSNAAM", "BESTUUR"),
}
CODE = re.compile(r"\d{2}[A-Z]{2}\d{2}")
INSTITUTION = re.compile(r"\d{2}[A-Z]{2}")
# DUO's words for the kinds of school (letters only, in capitals) -> our codes. '(V)SO' is both
# so and vso: the SWV says how it takes such a location (`import-scholen --vso-als`).
AMBIGUOUS_SO = "(v)so"
KINDS = {
    "BAO": "bao",
    "BO": "bao",
    "BASISSCHOOL": "bao",
    "BASISONDERWIJS": "bao",
    "SBAO": "sbo",
    "SBO": "sbo",
    "SPECIAALBASISONDERWIJS": "sbo",
    "SPECIALEBASISSCHOOL": "sbo",
    "SO": "so",
    "SPECIAALONDERWIJS": "so",
    "VSO": "vso",
    "VOORTGEZETSPECIAALONDERWIJS": "vso",
    "VSOSO": AMBIGUOUS_SO,
    "SOVSO": AMBIGUOUS_SO,
    "SPECIAALENVOORTGEZETSPECIAALONDERWIJS": AMBIGUOUS_SO,
    "VO": "vo",
    "VOORTGEZETONDERWIJS": "vo",
}
# The parts of a vo location's ONDERWIJSSTRUCTUUR (VBO/MAVO/HAVO/VWO, PRO, BRUGJAAR, ...).
VO_PARTS = frozenset(
    {"VBO", "MAVO", "HAVO", "VWO", "PRO", "BRUGJAAR", "VMBO", "LWOO", "PRAKTIJKONDERWIJS"}
)
# File names that say the file holds only primary schools (DUO's "02. Alle schoolvestigingen
# basisonderwijs" has no column with the kind of school).
PRIMARY_FILE = re.compile(r"basisonderwijs|(^|[^a-z])(bao|bo)([^a-z]|$)", re.IGNORECASE)


def duo_kind(value: str) -> str | None:
    """DUO's kind of school -> bao, sbo, so, vso, vo or '(v)so'; None when unknown."""
    text = value.strip().upper()
    if text in ("(V)SO", "V(SO)"):
        return AMBIGUOUS_SO
    letters = re.sub(r"[^A-Z]", "", text)
    if letters in KINDS:
        return KINDS[letters]
    parts = {p for p in re.split(r"[^A-Z]+", text) if p}
    return "vo" if parts and parts <= VO_PARTS else None


@dataclass(frozen=True)
class DuoLocation:
    """One row of a location file, in the form sop.md writes it."""

    file: str
    line: int
    code: str
    kind: str  # bao, sbo, so, vso, vo or '(v)so'
    name: str
    street: str  # street and number
    postcode: str  # 1234 AB
    place: str
    municipality: str  # as DUO writes it
    municipality_code: str = ""
    denomination: str = ""
    website: str = ""
    phone: str = ""
    board_number: str = ""
    latitude: str = ""
    longitude: str = ""

    @property
    def address_key(self) -> tuple[str, str]:
        return (" ".join(self.street.lower().split()), self.postcode.replace(" ", ""))


@dataclass
class DuoFiles:
    """What the files held: the locations, the boards' names, a line per file, the problems."""

    locations: list[DuoLocation] = field(default_factory=list)
    boards: dict[str, str] = field(default_factory=dict)  # number -> name
    summaries: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def places(self) -> list[str]:
        return [loc.place for loc in self.locations]


def _cell(cells: list[str], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    return " ".join(cells[index].split()) if index is not None and index < len(cells) else ""


def _code(cells: list[str], columns: dict[str, int]) -> str:
    code = _cell(cells, columns, "code").upper().replace(" ", "")
    if CODE.fullmatch(code):
        return code
    institution = _cell(cells, columns, "institution").upper().replace(" ", "")
    if INSTITUTION.fullmatch(institution) and code.isdigit() and len(code) <= 2:
        return institution + code.zfill(2)  # some files give 2 digits beside the institution
    return code


def _street(cells: list[str], columns: dict[str, int]) -> str:
    street = _cell(cells, columns, "street")
    if "number" in columns:
        number = _cell(cells, columns, "number") + _cell(cells, columns, "letter")
        addition = _cell(cells, columns, "number_addition")
        number += f"-{addition}" if addition else ""
    else:
        number = _cell(cells, columns, "number_addition")
    return f"{street} {number}".strip()


def _postcode(text: str) -> str:
    plain = text.replace(" ", "").upper()
    return f"{plain[:4]} {plain[4:]}" if len(plain) == 6 else text


def _website(text: str) -> str:
    """DUO's internetadres as a web address: https:// added where it has no scheme, the
    scheme and host in small letters (WWW.SCHOOL.NL -> https://www.school.nl)."""
    text = text.strip()
    if not text:
        return ""
    if not re.match(r"https?://", text, re.IGNORECASE):
        text = "https://" + text
    scheme, _, rest = text.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


def _problem(
    code: str,
    name: str,
    kind: str | None,
    postcode: str,
    cells: list[str],
    columns: dict[str, int],
) -> tuple[str, str] | None:
    """(column, why) when a location cannot be used: no name, kind, street, postcode, place
    or gemeente."""
    missing = [key for key in ("street", "place", "municipality") if not _cell(cells, columns, key)]
    words = {"street": "straat", "place": "plaats", "municipality": "gemeente"}
    if not name:
        return "name", f"vestiging {code} heeft geen naam"
    if type_error(PlainText, name):
        return "name", f"de naam '{name}' kan niet: {type_error(PlainText, name)}"
    if kind is None:
        return "kind", f"de soort school '{_cell(cells, columns, 'kind')}' van {code} is onbekend"
    if missing:
        return missing[0], f"vestiging {code} heeft geen {words[missing[0]]}"
    if not postcode:
        return "postcode", f"vestiging {code} heeft geen postcode"
    if type_error(Postcode, postcode):
        return "postcode", f"'{postcode}' is geen postcode ({code})"
    return None


class _Rows:
    """Reads the rows of one location file."""

    def __init__(self, table: Table, display: str, columns: dict[str, int], kind: str | None):
        self.table, self.display, self.columns, self.kind = table, display, columns, kind
        self.issues: list[Issue] = []

    def unusable(self, line: int, column: str, why: str) -> None:
        place = Pos(line, self.columns.get(column, 0) + 1)
        self.issues.append(LOCATION_UNUSABLE.at(self.display, place, line=line, why=why))

    def fact(self, line: int, column: str, name: str, what: str, value: str, kind: object) -> str:
        """``value`` when the field type ``kind`` accepts it; else '' and SOP774."""
        if not value:
            return ""
        problem = type_error(kind, value)
        if not problem:
            return value
        self.issues.append(
            FACT_LEFT_OUT.at(
                self.display,
                Pos(line, self.columns.get(column, 0) + 1),
                what=what,
                value=value,
                name=name,
                line=line,
                why=problem,
            )
        )
        return ""

    def location(self, line: int, cells: list[str]) -> DuoLocation | None:
        code = _code(cells, self.columns)
        if not CODE.fullmatch(code):
            shown = f"'{code}'" if code else "een lege cel"
            place = Pos(line, self.columns.get("code", 0) + 1)
            self.issues.append(LOCATION_BAD_CODE.at(self.display, place, line=line, value=shown))
            return None
        name = _cell(cells, self.columns, "name") or _cell(cells, self.columns, "institution_name")
        kind = duo_kind(_cell(cells, self.columns, "kind")) if "kind" in self.columns else self.kind
        postcode = _postcode(_cell(cells, self.columns, "postcode"))
        problem = _problem(code, name, kind, postcode, cells, self.columns)
        if problem is not None:
            self.unusable(line, *problem)
            return None
        return self._facts(line, cells, code, name, kind, postcode)

    def _facts(
        self, line: int, cells: list[str], code: str, name: str, kind: str | None, postcode: str
    ) -> DuoLocation:
        def cell(key: str) -> str:
            return _cell(cells, self.columns, key)

        assert kind is not None
        website = self.fact(line, "website", name, "de website", _website(cell("website")), Url)
        phone = self.fact(line, "phone", name, "het telefoonnummer", cell("phone"), Phone)
        latitude = cell("latitude").replace(",", ".")
        longitude = cell("longitude").replace(",", ".")
        latitude = self.fact(line, "latitude", name, "de breedtegraad", latitude, Latitude)
        longitude = self.fact(line, "longitude", name, "de lengtegraad", longitude, Longitude)
        if not (latitude and longitude):
            latitude = longitude = ""
        return DuoLocation(
            self.display,
            line,
            code,
            kind,
            name,
            _street(cells, self.columns),
            postcode,
            cell("place"),
            cell("municipality"),
            cell("municipality_code"),
            cell("denomination"),
            website,
            phone,
            cell("board").lstrip("0") or cell("board"),
            latitude,
            longitude,
        )


def _read_boards(table: Table, display: str, into: DuoFiles) -> None:
    columns = find_columns(table.header, BOARD_COLUMNS)
    count = 0
    for line, cells in table.rows:
        number = _cell(cells, columns, "number").lstrip("0")
        name = _cell(cells, columns, "name")
        if not number.isdigit() or not name or type_error(PlainText, name):
            why = (
                f"bestuur '{number}' zonder bruikbare naam"
                if number
                else "een bestuur zonder nummer"
            )
            into.issues.append(BOARD_UNUSABLE.at(display, Pos(line, 1), line=line, why=why))
            continue
        into.boards[number] = name
        count += 1
    into.summaries.append(f"{display}: {count} besturen (bevoegde gezagen)")


def read_duo_file(file: Path, into: DuoFiles, kind_without_column: str | None) -> None:
    """Read one of DUO's files into ``into``: locations or boards, recognised by the columns."""
    display = file.name
    table, issues = read_table(file, display, windows=True)
    into.issues += issues
    if table is None:
        return
    header = allowed_list(table.header)
    columns = find_columns(table.header, LOCATION_COLUMNS)
    boards = find_columns(table.header, BOARD_COLUMNS)
    if "code" not in columns and "institution" not in columns:
        if len(boards) == len(BOARD_COLUMNS):
            _read_boards(table, display, into)
            return
        missing = "er is geen kolom VESTIGINGSCODE" + (
            "" if "name" in boards else " en geen kolom BEVOEGD GEZAG NAAM"
        )
        into.issues.append(NOT_A_DUO_FILE.at(display, missing=missing, header=header))
        return
    problems = [
        COLUMN_MISSING.at(display, what=what, names=name, header=header)
        for key, (what, name) in REQUIRED.items()
        if key not in columns and not (key == "name" and "institution_name" in columns)
    ]
    if "code" not in columns:
        problems.append(
            COLUMN_MISSING.at(
                display,
                what="de vestigingscode",
                names="VESTIGINGSCODE (of VESTIGINGSNUMMER naast INSTELLINGSCODE)",
                header=header,
            )
        )
    kind = None
    if "kind" not in columns:
        kind = kind_without_column or ("bao" if PRIMARY_FILE.search(file.stem) else None)
        if kind is None:
            problems.append(KIND_UNKNOWN.at(display))
    into.issues += problems
    if problems:
        return
    rows = _Rows(table, display, columns, kind)
    found = [loc for line, cells in table.rows if (loc := rows.location(line, cells))]
    into.locations += found
    into.issues += rows.issues
    how = "" if "kind" in columns else f"; zonder kolom met de soort school, dus gelezen als {kind}"
    absent = [
        word
        for key, word in (
            ("website", "website"),
            ("phone", "telefoon"),
            ("board", "bestuur"),
            ("latitude", "coördinaten"),
        )
        if key not in columns
    ]
    lacking = f"; zonder {', '.join(absent)}" if absent else ""
    into.summaries.append(f"{display}: {len(found)} vestigingen{how}{lacking}")


def read_duo_files(files: list[Path], kind_without_column: str | None = None) -> DuoFiles:
    """Read every file; what each held, and every problem."""
    found = DuoFiles()
    for file in files:
        read_duo_file(file, found, kind_without_column)
    return found
