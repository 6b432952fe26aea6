"""Pupil numbers per school location, from the national open-data CSV (DUO).

The CSV is semicolon separated, one row per school location, one ``LEERLINGEN_YYYY`` column per
year (count date 1 October); counts under 5 are masked as ``<5``. ``import-leerlingen`` checks
the column names (they drifted over the years), keeps only the SWV's own schools and writes
``content/leerlingen.yaml`` with every count as written (``<5`` stays ``<5``). The build reads
that file with the strict reader.

Privacy: a count under 5 is never shown as a number, in any build. A sum that includes masked
counts is shown as "ten minste N" with N the sum of the published counts only, so a masked count
can never be found by subtracting published numbers from a published total.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .issues import Issue, allowed_list, make_issue
from .loading import SCHOOLS_DIR, SOP_FILE
from .sourcefile import read_yaml_file
from .tables import Table, read_table

PUPILS_FILE = Path("content/leerlingen.yaml")
MASKED = "<5"
SMALLEST_PUBLISHED = 5
WINDOW = 5  # years shown on a page
CODE = re.compile(r"\d{2}[A-Z]{2}\d{2}")
YEAR_KEY = re.compile(r"(19|20)\d{2}")

# Column names, upper case. The current name first; older names are read the same way.
CODE_COLUMNS = ("VESTIGINGSCODE", "BRIN_VESTIGINGSNUMMER")
INSTITUTION_COLUMNS = ("INSTELLINGSCODE", "BRIN_NUMMER", "BRINNUMMER")
LOCATION_COLUMNS = ("VESTIGINGSNUMMER",)
YEAR_COLUMNS = (
    re.compile(r"LEERLINGEN_((?:19|20)\d{2})"),  # current
    re.compile(r"AANTAL_LEERLINGEN_((?:19|20)\d{2})"),  # older files
    re.compile(r"TOTAAL_LEERLINGEN_((?:19|20)\d{2})"),  # older files
)
YEAR_FORMS = "LEERLINGEN_JJJJ (of het oudere AANTAL_LEERLINGEN_JJJJ of TOTAAL_LEERLINGEN_JJJJ)"


def dutch_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class Count:
    """One school's count in one year; ``value`` None means masked (fewer than 5)."""

    year: int
    value: int | None

    @property
    def masked(self) -> bool:
        return self.value is None

    @property
    def label(self) -> str:
        return "minder dan 5" if self.value is None else dutch_number(self.value)


def parse_count(text: str) -> tuple[bool, int | None]:
    """'412' -> (True, 412); '<5' or any number under 5 -> (True, None); else (False, None)."""
    text = "".join(text.split())
    if text == MASKED:
        return True, None
    if text.isascii() and text.isdigit():
        value = int(text)
        return True, value if value >= SMALLEST_PUBLISHED else None
    return False, None


@dataclass(frozen=True)
class Total:
    """The sum of a group's counts in one year."""

    year: int
    known: int  # sum of the published counts
    masked: int  # schools with fewer than 5 pupils (not in ``known``)
    schools: int  # schools with a count this year

    @property
    def label(self) -> str:
        if self.schools == 0:
            return "geen gegevens"
        if self.masked == 0:
            return dutch_number(self.known)
        if self.known == 0:
            return "minder dan 5 per school"
        return f"ten minste {dutch_number(self.known)}"


@dataclass
class PupilData:
    """content/leerlingen.yaml: vestigingscode -> year -> count."""

    source: str = ""
    counts: dict[str, dict[int, Count]] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted({y for by_year in self.counts.values() for y in by_year})

    @property
    def window(self) -> list[int]:
        """The last five years of the data (also years in between without any count)."""
        years = self.years
        return list(range(years[-1] - WINDOW + 1, years[-1] + 1)) if years else []

    def totals(self, codes: list[str]) -> list[Total]:
        result = []
        for year in self.window:
            counts = [self.counts[c][year] for c in codes if year in self.counts.get(c, {})]
            result.append(
                Total(
                    year,
                    sum(c.value for c in counts if c.value is not None),
                    sum(1 for c in counts if c.value is None),
                    len(counts),
                )
            )
        return result


@dataclass(frozen=True)
class SchoolPupils:
    """What a school page shows: the latest count, a five-year table and a trend sentence."""

    rows: list[tuple[int, Count | None]]
    latest: Count
    trend: str


def trend_sentence(first: Count, last: Count) -> str:
    if first.value is None or last.value is None or first.year == last.year:
        return ""
    if last.value == first.value:
        change = f"gelijk gebleven ({last.label})"
    else:
        word = "gestegen" if last.value > first.value else "gedaald"
        change = f"{word} van {first.label} naar {last.label}"
    return f"Van {first.year} tot {last.year} is het aantal leerlingen {change}."


def school_pupils(data: PupilData | None, code: str) -> SchoolPupils | None:
    if data is None or code not in data.counts:
        return None
    by_year = data.counts[code]
    rows = [(year, by_year.get(year)) for year in data.window]
    present = [c for _, c in rows if c is not None]
    if not present:
        return None
    return SchoolPupils(rows, present[-1], trend_sentence(present[0], present[-1]))


# --- reading content/leerlingen.yaml --------------------------------------------------------


def load_pupils(root: Path) -> tuple[PupilData | None, list[Issue]]:
    """Read content/leerlingen.yaml if it exists; every problem is a SOP765 value."""
    file = Path(root) / PUPILS_FILE
    if not file.is_file():
        return None, []
    display = PUPILS_FILE.as_posix()
    tree, issues = read_yaml_file(file, display)
    if tree is None:
        return None, issues
    data = PupilData(source=str(tree.data.get("bron", "")))

    def problem(path: tuple[str, ...], message: str, hint: str) -> None:
        pos = tree.pos(path)
        issues.append(make_issue("SOP765", display, pos.line, pos.column, message, hint))

    for key in tree.data:
        if key not in ("bron", "vestigingen"):
            problem(
                (key,),
                f"Het veld '{key}' is onbekend.",
                "Dit bestand kent alleen 'bron' en 'vestigingen'.",
            )
    locations = tree.data.get("vestigingen")
    if not isinstance(locations, dict):
        problem(
            ("vestigingen",),
            "Er staat geen lijst 'vestigingen' in.",
            "Maak het bestand opnieuw met 'sop-builder import-leerlingen'.",
        )
        return None, issues
    for code, years in locations.items():
        if not CODE.fullmatch(code):
            problem(
                ("vestigingen", code),
                f"'{code}' is geen geldige vestigingscode.",
                "Een vestigingscode heeft 6 tekens, bijvoorbeeld 12AB00.",
            )
            continue
        if not isinstance(years, dict):
            problem(
                ("vestigingen", code),
                f"Bij {code} horen jaren met een aantal.",
                'Schrijf bijvoorbeeld \'"2025": "412"\'.',
            )
            continue
        for year, value in years.items():
            path = ("vestigingen", code, year)
            ok, count = parse_count(value) if isinstance(value, str) else (False, None)
            if not YEAR_KEY.fullmatch(year):
                problem(
                    path,
                    f"'{year}' is geen jaartal (bij {code}).",
                    'Schrijf het jaar met vier cijfers, bijvoorbeeld "2025".',
                )
            elif not ok:
                shown = value if isinstance(value, str) else "een lijst"
                problem(
                    path,
                    f"Het aantal leerlingen van {code} in {year} is '{shown}'; dat is geen aantal.",
                    "Schrijf een heel getal, of <5 voor minder dan 5 leerlingen.",
                )
            else:
                data.counts.setdefault(code, {})[int(year)] = Count(int(year), count)
    return data, issues


# --- importing the open-data CSV ------------------------------------------------------------


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
                    make_issue(
                        "SOP760",
                        display,
                        1,
                        index + 1,
                        f"Het jaar {year} staat in twee kolommen: '{year_names[year]}' en '{raw}'.",
                        "Laat één kolom per jaar staan.",
                    )
                )
            layout.years[year], year_names[year] = index, raw
        elif "LEERLING" in name or "LLN" in name or re.search(r"(19|20)\d{2}", name):
            guess = re.search(r"(19|20)\d{2}", name)
            suggestion = f"LEERLINGEN_{guess.group(0)}" if guess else ""
            issues.append(
                make_issue(
                    "SOP760",
                    display,
                    1,
                    index + 1,
                    f"De kolomnaam '{raw}' is onbekend; de indeling van het bestand is misschien veranderd.",
                    (f"Bedoelt u '{suggestion}'? " if suggestion else "")
                    + f"Een kolom met aantallen heet {YEAR_FORMS}. Pas de kolomnaam aan en importeer opnieuw.",
                )
            )
    if layout.code is None and (layout.institution is None or layout.location is None):
        issues.append(
            make_issue(
                "SOP761",
                display,
                1,
                1,
                "Er is geen kolom met de vestigingscode.",
                "Nodig is de kolom VESTIGINGSCODE, of INSTELLINGSCODE (vroeger BRIN_NUMMER) samen "
                f"met VESTIGINGSNUMMER. De eerste regel heeft nu: {allowed_list(table.header)}.",
            )
        )
    if not layout.years:
        issues.append(
            make_issue(
                "SOP761",
                display,
                1,
                1,
                "Er is geen kolom met aantallen leerlingen.",
                f"Een kolom met aantallen heet {YEAR_FORMS}.",
            )
        )
    return layout, issues


def _row_code(layout: _Layout, cells: list[str]) -> str:
    if layout.code is not None:
        return cells[layout.code].strip().upper()
    assert layout.institution is not None and layout.location is not None
    location = cells[layout.location].strip().upper()
    if CODE.fullmatch(location):  # some files give the whole code here
        return location
    return cells[layout.institution].strip().upper() + location.zfill(2)


def school_codes(root: Path) -> dict[str, str]:
    """vestigingscode -> folder name, from the schools' sop.md files."""
    pattern = re.compile(r"^vestigingscode:\s*['\"]?(\w+)", re.M)
    codes = {}
    for sop in sorted((Path(root) / SCHOOLS_DIR).glob(f"*/{SOP_FILE}")):
        found = pattern.search(sop.read_text(encoding="utf-8", errors="replace"))
        if found:
            codes[found.group(1).upper()] = sop.parent.name
    return codes


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
                make_issue(
                    "SOP763",
                    display,
                    number,
                    column + 1,
                    f"Rij {number}: '{code}' is geen geldige vestigingscode.",
                    "Een vestigingscode heeft 6 tekens: 2 cijfers, 2 hoofdletters en 2 cijfers.",
                )
            )
            continue
        if code in first_row:
            issues.append(
                make_issue(
                    "SOP764",
                    display,
                    number,
                    column + 1,
                    f"Rij {number}: vestiging {code} stond al in rij {first_row[code]}.",
                    "Elke vestiging mag één keer in het bestand staan.",
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
                    make_issue(
                        "SOP762",
                        display,
                        number,
                        index + 1,
                        f"Rij {number}: het aantal leerlingen van {code} in {year} is '{cells[index].strip()}'; "
                        "dat is geen aantal.",
                        "Een aantal is een heel getal zonder punt of komma, of <5.",
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
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.nieuw")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(file)


def import_pupils(root: Path, csv_file: Path) -> PupilImport:
    """Read the open-data file; write content/leerlingen.yaml only when it is entirely sound."""
    root = Path(root)
    table, issues = read_table(csv_file, csv_file.name, delimiter=";")
    if table is None:
        return PupilImport(
            False, issues, ["Er is niets geïmporteerd; content/leerlingen.yaml is niet veranderd."]
        )
    codes = school_codes(root)
    counts, issues = read_pupil_csv(table, csv_file.name, set(codes))
    if issues:
        return PupilImport(
            False, issues, ["Er is niets geïmporteerd; content/leerlingen.yaml is niet veranderd."]
        )
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
