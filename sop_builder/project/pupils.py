"""Pupil numbers per school location, from DUO's open data, in content/leerlingen.yaml.

`import-leerlingen` reads DUO's files (one column per year, ``LEERLINGEN_YYYY``; or DUO's file
per location × kind of school × cluster with one column per age, `sheets/duo_pupils.py`), keeps
only the SWV's own schools and writes ``content/leerlingen.yaml``: per vestigingscode and year
(1 October) the count as published, or per kind of school (bao, sbo, so, vso) when the file
gives kinds. A count is ``412``, ``<5`` (fewer than 5), ``<10`` (DUO's cells of one location were
all under 5: fewer than 5 in each), or ``412+`` (412 and some pupils in cells of fewer than 5:
at least 412). The build reads the file with the strict reader.

Privacy: a count under 5 is never shown as a number, in any build. A sum that includes masked
counts is shown as "ten minste N" with N the sum of the published counts only, so a masked count
can never be found by subtracting published numbers from a published total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sop_builder.core.catalogue.imports import (
    PUPIL_FILE_BAD_CODE,
    PUPIL_FILE_BAD_COUNT,
    PUPIL_FILE_BAD_KIND,
    PUPIL_FILE_BAD_YEAR,
    PUPIL_FILE_NO_LOCATIONS,
    PUPIL_FILE_NO_YEARS,
    PUPIL_FILE_UNKNOWN_KEY,
)
from sop_builder.core.issues import Issue, Message, allowed_list
from sop_builder.core.sourcefile import read_yaml_file
from sop_builder.core.text import dutch_number

PUPILS_FILE = Path("content/leerlingen.yaml")
MASKED = "<5"
SMALLEST_PUBLISHED = 5
WINDOW = 5  # years shown on a page
CODE = re.compile(r"\d{2}[A-Z]{2}\d{2}")
YEAR_KEY = re.compile(r"(19|20)\d{2}")
KIND_KEYS = ("bao", "sbo", "so", "vso", "vo")
VALUE = re.compile(r"<(\d+)|(\d+)\+|(\d+)")


@dataclass(frozen=True)
class Count:
    """One school's count in one year; ``value`` None means masked (fewer than ``below``);
    ``at_least``: ``value`` pupils and more in cells of fewer than 5 (DUO gives no number)."""

    year: int
    value: int | None
    at_least: bool = False
    below: int = SMALLEST_PUBLISHED

    @property
    def masked(self) -> bool:
        return self.value is None

    @property
    def label(self) -> str:
        if self.value is None:
            return f"minder dan {self.below}"
        return (
            f"ten minste {dutch_number(self.value)}" if self.at_least else dutch_number(self.value)
        )


def parse_value(text: str, year: int) -> Count | None:
    """A count as content/leerlingen.yaml writes it ('412', '<5', '<10', '412+'); None when it
    is none. A number under 5 is masked, whatever the file says."""
    match = VALUE.fullmatch("".join(text.split()))
    if match is None:
        return None
    below, at_least, exact = match.groups()
    if below is not None:
        return Count(year, None, below=max(int(below), SMALLEST_PUBLISHED))
    number = int(at_least or exact)
    if number < SMALLEST_PUBLISHED:
        return Count(year, None) if exact is not None else None
    return Count(year, number, at_least=at_least is not None)


def count_text(count: Count) -> str:
    """How content/leerlingen.yaml writes a count: '412', '<5', '<10' or '412+'."""
    if count.value is None:
        return f"<{count.below}"
    return f"{count.value}+" if count.at_least else str(count.value)


def combined(year: int, counts: list[Count]) -> Count:
    """The count of a location over its kinds of school: exact only when every part is."""
    known = sum(c.value for c in counts if c.value is not None)
    masked = [c for c in counts if c.value is None]
    if known == 0 and masked:
        return Count(year, None, below=sum(c.below for c in masked))
    return Count(year, known, at_least=bool(masked) or any(c.at_least for c in counts))


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
    partial: int = 0  # schools whose count is "at least" (some of their pupils not counted)

    @property
    def label(self) -> str:
        if self.schools == 0:
            return "geen gegevens"
        if self.masked == 0 and self.partial == 0:
            return dutch_number(self.known)
        if self.known == 0:
            return "minder dan 5 per school"
        return f"ten minste {dutch_number(self.known)}"


@dataclass
class PupilData:
    """content/leerlingen.yaml: vestigingscode -> year -> count."""

    source: str = ""
    counts: dict[str, dict[int, Count]] = field(default_factory=dict)  # over all kinds
    # per kind of school, where the file gives kinds: code -> year -> kind -> count
    kinds: dict[str, dict[int, dict[str, Count]]] = field(default_factory=dict)

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
                    sum(1 for c in counts if c.at_least),
                )
            )
        return result


@dataclass(frozen=True)
class SchoolPupils:
    """What a school page shows: the latest count, a five-year table and a trend sentence."""

    rows: list[tuple[int, Count | None]]
    latest: Count
    trend: str

    @property
    def approximate(self) -> bool:
        """Whether a count shown is "at least" (DUO gives no number for some ages)."""
        return any(count is not None and count.at_least for _, count in self.rows)


def trend_sentence(first: Count, last: Count) -> str:
    if first.value is None or last.value is None or first.year == last.year:
        return ""
    if first.at_least or last.at_least:
        return ""  # no trend between counts that are not exact
    if last.value == first.value:
        change = f"gelijk gebleven ({last.label})"
    else:
        word = "gestegen" if last.value > first.value else "gedaald"
        change = f"{word} van {first.label} naar {last.label}"
    return f"Van {first.year} tot {last.year} is het aantal leerlingen {change}."


def school_pupils(data: PupilData | None, code: str, kind: str = "") -> SchoolPupils | None:
    """What a school page shows; with ``kind``, the pupils of that kind of school where the
    file gives kinds (an so school at a location that is also a vso school)."""
    if data is None or code not in data.counts:
        return None
    by_year = data.counts[code]
    if kind and code in data.kinds:
        by_year = {year: kinds[kind] for year, kinds in data.kinds[code].items() if kind in kinds}
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
            if not YEAR_KEY.fullmatch(year):
                problem(path, PUPIL_FILE_BAD_YEAR, year=year, code=code)
                continue
            parts = value if isinstance(value, dict) else {"": value}
            counts = _year_counts(parts, path, problem)
            if len(counts) != len(parts) or not counts:
                continue
            if isinstance(value, dict):
                data.kinds.setdefault(code, {})[int(year)] = counts
            data.counts.setdefault(code, {})[int(year)] = combined(int(year), list(counts.values()))
    return data, issues


class _Problem(Protocol):
    """Reports a problem at a place in content/leerlingen.yaml."""

    def __call__(self, path: tuple[str, ...], message: Message, **values: str) -> None: ...


def _year_counts(
    parts: dict[str, Any], path: tuple[str, str, str], problem: _Problem
) -> dict[str, Count]:
    """The counts of one location in one year (``path``): one number (under the kind '') or
    one per kind of school. A part that is not a count of a known kind is reported and left
    out."""
    _, code, year = path
    counts: dict[str, Count] = {}
    for kind, text in parts.items():
        where = (*path, kind) if kind else path
        count = parse_value(text, int(year)) if isinstance(text, str) else None
        if kind and kind not in KIND_KEYS:
            kinds = allowed_list(KIND_KEYS)
            problem(where, PUPIL_FILE_BAD_KIND, kind=kind, code=code, year=year, kinds=kinds)
        elif count is None:
            shown = text if isinstance(text, str) else "een lijst"
            problem(where, PUPIL_FILE_BAD_COUNT, code=code, year=year, value=shown)
        else:
            counts[kind] = count
    return counts


# --- importing the open-data CSV ------------------------------------------------------------
