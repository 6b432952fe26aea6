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

import re
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.catalogue.imports import (
    PUPIL_FILE_BAD_CODE,
    PUPIL_FILE_BAD_COUNT,
    PUPIL_FILE_BAD_YEAR,
    PUPIL_FILE_NO_LOCATIONS,
    PUPIL_FILE_NO_YEARS,
    PUPIL_FILE_UNKNOWN_KEY,
)
from sop_builder.core.issues import Issue, Message
from sop_builder.core.sourcefile import read_yaml_file
from sop_builder.core.text import dutch_number

PUPILS_FILE = Path("content/leerlingen.yaml")
MASKED = "<5"
SMALLEST_PUBLISHED = 5
WINDOW = 5  # years shown on a page
CODE = re.compile(r"\d{2}[A-Z]{2}\d{2}")
YEAR_KEY = re.compile(r"(19|20)\d{2}")


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

    def problem(path: tuple[str, ...], message: Message, **values: str) -> None:
        issues.append(message.at(display, tree.pos(path), **values))

    for key in tree.data:
        if key not in ("bron", "vestigingen"):
            problem((key,), PUPIL_FILE_UNKNOWN_KEY, key=key)
    locations = tree.data.get("vestigingen")
    if not isinstance(locations, dict):
        problem(("vestigingen",), PUPIL_FILE_NO_LOCATIONS)
        return None, issues
    for code, years in locations.items():
        if not CODE.fullmatch(code):
            problem(("vestigingen", code), PUPIL_FILE_BAD_CODE, code=code)
            continue
        if not isinstance(years, dict):
            problem(("vestigingen", code), PUPIL_FILE_NO_YEARS, code=code)
            continue
        for year, value in years.items():
            path = ("vestigingen", code, year)
            ok, count = parse_count(value) if isinstance(value, str) else (False, None)
            if not YEAR_KEY.fullmatch(year):
                problem(path, PUPIL_FILE_BAD_YEAR, year=year, code=code)
            elif not ok:
                shown = value if isinstance(value, str) else "een lijst"
                problem(path, PUPIL_FILE_BAD_COUNT, code=code, year=year, value=shown)
            else:
                data.counts.setdefault(code, {})[int(year)] = Count(int(year), count)
    return data, issues


# --- importing the open-data CSV ------------------------------------------------------------
