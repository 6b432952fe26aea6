"""The Kengetallen pages of the internal site: the SWV's figures (content/kengetallen.yaml,
project/figures.py) per SWV, kern and bestuur, as blocks of a small chart over the years, a data
table with the same figures, and the source and peildatum in words.

What a figure means comes from `project/figure_rules.py` (docs/kengetallen.md); a count under 5
is never shown or drawn (`figure_rules.shown`); a share over too few pupils is not shown, and a
share with a masked count is its range. The newest preliminary year is marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from sop_builder.core.text import dutch_date
from sop_builder.intern.charts import Point, Series, stacked_chart, year_chart
from sop_builder.project.evaluation.frameworks import Framework, FrameworkAssessment
from sop_builder.project.figure_rules import (
    Range,
    Share,
    count_range,
    count_text,
    euro,
    shown,
    signal_value,
    total,
)
from sop_builder.project.figure_series import KINDS, kind_totals, shares
from sop_builder.project.figures import (
    DUO_ACCOUNTS,
    DUO_PUPILS,
    DUO_SPECIAL,
    MEASURES,
    REGISTRATION,
    REGISTRATION_KEYS,
    FiguresData,
    FigureSet,
)
from sop_builder.project.pupils import Count

YEARS = 10  # at most this many peildata in a chart
CHARTED = ("verwijzingen_sbo", "verwijzingen_so", "terugplaatsingen", "thuiszitters")


@dataclass(frozen=True)
class Block:
    """One figure: its heading, chart, data table (header, rows) and sources in words."""

    id: str
    title: str
    chart: Markup
    caption: str
    header: list[str]
    rows: list[list[str]]
    sources: list[str]
    notes: list[str] = field(default_factory=list)
    framework: bool = False  # a framework the schools filled in: on paper its table only


@dataclass(frozen=True)
class SchoolFigures:
    """One school's row of the table of support granted beside its basisondersteuning."""

    name: str
    code: str
    result: str  # the basisondersteuning result ('83%' or 'geen')
    figures: list[str]  # the registration's figures of the newest year, as shown


@dataclass(frozen=True)
class FiguresView:
    """What a Kengetallen page shows."""

    blocks: list[Block]
    school_year: int | None  # the registration year of the per-school table
    school_header: list[str]
    schools: list[SchoolFigures]
    preliminary: int | None  # the newest year that is still preliminary, if any


def _last(sets: dict[int, FigureSet]) -> list[int]:
    return sorted(sets)[-YEARS:]


def _year_label(year: int, sets: dict[int, FigureSet]) -> str:
    return f"{year} (voorlopig)" if sets[year].preliminary else str(year)


def sources_in_words(sets: list[FigureSet]) -> list[str]:
    """Per source (and file): its name, then each peildatum in words with its release and
    status: 'DUO, …: '01. Leerlingen po …'. Peildatum 1 oktober 2024 (uitgave 2025-03,
    definitief) en 1 oktober 2025 (uitgave 2026-03, voorlopig).'"""
    by_source: dict[tuple[str, str], list[str]] = {}
    for item in sorted(sets, key=lambda s: s.day):
        details = ", ".join(
            p for p in (item.release and f"uitgave {item.release}", item.status) if p
        )
        when = dutch_date(item.day) + (f" ({details})" if details else "")
        by_source.setdefault((item.source.title, item.file), []).append(when)
    lines = []
    for (title, file), days in by_source.items():
        name = f"{title}, bestand '{file}'" if file else title
        when = days[0] if len(days) == 1 else ", ".join(days[:-1]) + " en " + days[-1]
        lines.append(f"Bron: {name}. Peildatum {when}.")
    return lines


def _point(count: Count | None) -> Point:
    value = shown(count) if count is not None else None
    text = count_text(count)
    return Point(None, None, text) if value is None else Point(value, value, text)


def _share_point(share: Share | None) -> Point:
    if share is None:
        return Point(None, None, "–")
    middle_known = not share.hidden and share.high is not None
    if not middle_known:
        return Point(None, None, share.text())
    assert share.high is not None
    return Point(float(share.low) * 100, float(share.high) * 100, share.text())


def _sum(year: int, counts: list[Count]) -> Count | None:
    return total(year, counts) if counts else None


def _range_point(figure: Range | Count | None) -> Point:
    """A registration figure as a chart draws it: a bar to what is certain, a line up to what
    it may be; a single masked count is not drawn."""
    if figure is None:
        return Point(None, None, "–")
    if isinstance(figure, Count):
        return _point(figure)
    high = None if figure.high is None else float(figure.high)
    return Point(float(figure.low), high, figure.label)


class FigurePages:
    """Builds the Kengetallen pages' contents from the SWV's figures."""

    def __init__(self, data: FiguresData) -> None:
        self.pupils = data.of(DUO_PUPILS)
        self.special = data.of(DUO_SPECIAL)
        self.accounts = data.of(DUO_ACCOUNTS)
        self.registration = data.of(REGISTRATION)
        dated = [s for s in data.sets if s.source.duo]
        latest = max((s.day for s in dated), default=None)
        newest = [s for s in dated if s.day == latest]
        self.preliminary = (
            latest.year if latest is not None and any(s.preliminary for s in newest) else None
        )
        self.marked = {
            year
            for sets in (self.pupils, self.special)
            for year, s in sets.items()
            if s.preliminary
        }

    # --- pupils ------------------------------------------------------------------------------

    def kind_totals(self, year: int, codes: set[str] | None) -> dict[str, Count | None]:
        """kind -> the sum over the schools (all of the set's, or ``codes``) in ``year``."""
        return kind_totals(self.pupils[year], codes)

    def pupils_block(self, codes: set[str] | None, name: str) -> Block | None:
        years = _last(self.pupils)
        if not years:
            return None
        sums = {year: self.kind_totals(year, codes) for year in years}
        kinds = [k for k in KINDS if any(sums[y][k] is not None for y in years)]
        series = [
            Series(kind, {y: _point(sums[y][kind]) for y in years}, number)
            for number, kind in enumerate(kinds)
        ]
        rows = [
            [_year_label(year, self.pupils)]
            + [count_text(sums[year][k]) for k in kinds]
            + [count_text(_sum(year, [c for c in sums[year].values() if c is not None]))]
            for year in years
        ]
        return Block(
            "leerlingen",
            "Leerlingen op 1 oktober",
            year_chart(
                "grafiek-kg-leerlingen",
                f"Leerlingen op 1 oktober per soort school, {name}",
                years,
                series,
                preliminary=self.marked,
            ),
            f"Leerlingen op 1 oktober per soort school, {name}",
            ["Peildatum", *kinds, "Totaal"],
            rows,
            sources_in_words([self.pupils[y] for y in years]),
        )

    # --- participation (the SWV only) ----------------------------------------------------------

    def shares(self, year: int) -> tuple[Share | None, ...]:
        """sbo SWV, sbo country, so SWV, so country in ``year`` (None: no figure)."""
        return shares(self.pupils[year], self.special.get(year))

    def participation_block(self, name: str) -> Block | None:
        years = _last(self.pupils)
        if not years:
            return None
        shares = {year: self.shares(year) for year in years}
        labels = (f"sbo {name}", "sbo landelijk", f"so {name}", "so landelijk")
        series = [
            Series(label, {y: _share_point(shares[y][index]) for y in years}, index)
            for index, label in enumerate(labels)
            if any(shares[y][index] is not None for y in years)
        ]
        rows = [
            [_year_label(year, self.pupils)]
            + [s.text() if s is not None else "–" for s in shares[year]]
            for year in years
        ]
        used = [self.pupils[y] for y in years] + [
            self.special[y] for y in years if y in self.special
        ]
        notes = [
            "Deelname sbo = leerlingen sbo / (leerlingen bao + sbo); deelname so = leerlingen so "
            "die het samenwerkingsverband bekostigt / (leerlingen bao + sbo), op 1 oktober. "
            "Landelijk: dezelfde berekening over alle regels van dezelfde bestanden."
        ]
        if not self.special:
            notes.append("Zonder DUO's bestand per samenwerkingsverband is er geen deelname so.")
        return Block(
            "deelname",
            "Deelname aan sbo en so, tegen het land",
            year_chart(
                "grafiek-kg-deelname",
                f"Deelname aan sbo en so, {name} tegen het land",
                years,
                series,
                kind="lines",
                unit="%",
                preliminary=self.marked,
            ),
            f"Deelname aan sbo en so (procent van de leerlingen bao + sbo), {name} en landelijk",
            ["Peildatum", *labels],
            rows,
            sources_in_words(used),
            notes,
        )

    # --- the SWV's registration ----------------------------------------------------------------

    def registration_totals(
        self, year: int, codes: set[str] | None
    ) -> dict[str, Range | Count | None]:
        """key -> the sum over the schools, as the range their masked counts allow; the SWV's
        own total only where no school has the figure (so no count of a school can be found
        by subtraction)."""
        item = self.registration[year]
        chosen = [v for code, v in item.schools.items() if codes is None or code in codes]
        out: dict[str, Range | Count | None] = {}
        for key in REGISTRATION_KEYS:
            counts = [v[key] for v in chosen if key in v]
            if counts:
                out[key] = count_range(counts)
            else:
                out[key] = item.swv.get(key) if codes is None else None
        return out

    def registration_block(self, codes: set[str] | None, name: str) -> Block | None:
        years = _last(self.registration)
        if not years:
            return None
        sums = {year: self.registration_totals(year, codes) for year in years}
        keys = [k for k in REGISTRATION_KEYS if any(sums[y][k] is not None for y in years)]
        charted = [k for k in CHARTED if k in keys]
        series = [
            Series(MEASURES[key].title, {y: _range_point(sums[y][key]) for y in years}, number)
            for number, key in enumerate(charted)
        ]
        rows = [[MEASURES[key].title] + [_shown(key, sums[y][key]) for y in years] for key in keys]
        return Block(
            "registratie",
            "Tlv's, verwijzingen, terugplaatsingen, thuiszitters en arrangementen",
            year_chart(
                "grafiek-kg-registratie",
                f"Verwijzingen, terugplaatsingen en thuiszitters per jaar, {name}",
                years,
                series,
            ),
            f"Eigen registratie van het samenwerkingsverband, {name}",
            ["Kengetal", *[str(y) for y in years]],
            rows,
            sources_in_words([self.registration[y] for y in years]),
            [
                "Een aantal onder de 5 staat er nooit als getal. Een som van aantallen waarvan er "
                "een of meer onder de 5 zijn, staat er als de grenzen waartussen zij ligt "
                "('tussen 19 en 23'); de grafiek tekent de balk tot de ondergrens en een lijn "
                "tot de bovengrens."
            ],
        )

    # --- money (the SWV only) ------------------------------------------------------------------

    def money_block(self) -> Block | None:
        years = _last(self.accounts)
        if not years:
            return None
        rows, reserves, signals = [], {}, {}
        for year in years:
            values = self.accounts[year].swv
            income = values.get("baten")
            signal = signal_value(income.value) if income and income.value is not None else None
            own = values.get("reserves")
            verdict = "–"
            if signal is not None and own is not None and own.value is not None:
                verdict = "ja" if own.value > signal else "nee"
            rows.append(
                [str(year)]
                + [_money(values.get(k)) for k in ("baten", "lasten", "reserves")]
                + [euro(signal) if signal is not None else "–", verdict]
            )
            reserves[year] = _money_point(own)
            signals[year] = (
                Point(float(signal), float(signal), euro(signal))
                if signal is not None
                else Point(None, None, "–")
            )
        return Block(
            "financien",
            "Financiën: reserves tegen de signaleringswaarde",
            year_chart(
                "grafiek-kg-financien",
                "Reserves en signaleringswaarde per boekjaar",
                years,
                [Series("reserves", reserves, 0), Series("signaleringswaarde", signals, 1)],
                unit="€",
            ),
            "Baten, lasten en reserves per boekjaar, met de signaleringswaarde",
            ["Boekjaar", "Baten", "Lasten", "Reserves", "Signaleringswaarde", "Erboven?"],
            rows,
            sources_in_words([self.accounts[y] for y in years]),
            [
                "Signaleringswaarde (Inspectie van het Onderwijs): 3,5% van de totale baten, "
                "ten minste € 250.000."
            ],
        )

    def blocks(self, codes: set[str] | None, name: str) -> list[Block]:
        """The blocks of the SWV's page (``codes`` None) or of a kern's or bestuur's."""
        found = [self.pupils_block(codes, name)]
        if codes is None:
            found.append(self.participation_block(name))
        found.append(self.registration_block(codes, name))
        if codes is None:
            found.append(self.money_block())
        return [b for b in found if b is not None]

    def opening(self, codes: set[str], name: str) -> Block | None:
        """What a gespreksrapport of a school or a group opens with: per school year its pupils
        on 1 October and the referrals and returns registered in that school year."""
        years: dict[str, dict[str, str]] = {}
        for year in _last(self.pupils):
            kinds = self.kind_totals(year, codes)
            counts = [c for c in kinds.values() if c is not None]
            if counts:
                mark = " (voorlopig)" if self.pupils[year].preliminary else ""
                years.setdefault(f"{year}-{year + 1}", {})["pupils"] = (
                    count_text(_sum(year, counts)) + mark
                )
        for item in (self.registration[y] for y in _last(self.registration)):
            first = item.day.year - 1 if item.day.month < 8 else item.day.year
            sums = self.registration_totals(item.year, codes)
            row = years.setdefault(f"{first}-{first + 1}", {})
            for key in OPENING_KEYS:
                if sums[key] is not None:
                    row[key] = _shown(key, sums[key])
        if not years:
            return None
        order = sorted(years)[-OPENING_YEARS:]
        used = [self.pupils[y] for y in _last(self.pupils)]
        used += [self.registration[y] for y in _last(self.registration)]
        return Block(
            "leerlingen-verwijzingen",
            "Leerlingen, verwijzingen en terugplaatsingen",
            Markup(""),
            f"{name}: leerlingen op 1 oktober en verwijzingen en terugplaatsingen per schooljaar",
            ["Schooljaar", "Leerlingen op 1 oktober", *[MEASURES[k].title for k in OPENING_KEYS]],
            [
                [year, years[year].get("pupils", "–")]
                + [years[year].get(k, "–") for k in OPENING_KEYS]
                for year in order
            ],
            sources_in_words([s for s in used if s.schools.keys() & codes]),
        )

    def schools(self, rows: list[tuple[str, str, str]]) -> tuple[int | None, list[SchoolFigures]]:
        """Per school (name, vestigingscode, basisondersteuning result) the registration of the
        newest year."""
        if not self.registration:
            return None, []
        year = max(self.registration)
        item = self.registration[year]
        return year, [
            SchoolFigures(
                name,
                code,
                result,
                [_shown(key, item.schools.get(code, {}).get(key)) for key in SCHOOL_KEYS],
            )
            for name, code, result in rows
        ]


OPENING_KEYS = ("verwijzingen_sbo", "verwijzingen_so", "terugplaatsingen")
OPENING_YEARS = 5  # school years a gespreksrapport opens with (it prints on 3 A4)
SCHOOL_KEYS = (
    "arrangementen",
    "kosten_arrangementen",
    "verwijzingen_sbo",
    "verwijzingen_so",
    "terugplaatsingen",
    "thuiszitters",
)


def _shown(key: str, figure: Range | Count | None) -> str:
    if isinstance(figure, Range):
        if MEASURES[key].money:  # amounts are never masked: the range is one amount
            return euro(figure.low) if figure.low == figure.high else "–"
        return figure.label
    return _money(figure) if MEASURES[key].money else count_text(figure)


def _money(count: Count | None) -> str:
    return euro(count.value) if count is not None and count.value is not None else "–"


def _money_point(count: Count | None) -> Point:
    if count is None or count.value is None:
        return Point(None, None, "–")
    value = float(max(count.value, 0))  # a negative reserve has no bar; the table says it
    return Point(value, value, euro(count.value))


def framework_block(
    framework: Framework, assessments: list[FrameworkAssessment], year: str, name: str
) -> Block:
    """A framework the schools filled in (handelingsgericht werken, the indicators, ...): per
    item and dimension how many schools gave each level, in the order of the scale."""
    dimensions = list(framework.dimensions)
    rows = []
    bars: list[tuple[str, list[int]]] = []
    for item in framework.items:
        cells = [f"{item.id} {item.text}"]
        for dimension, _ in dimensions:
            given = [a.scores.get(item.id, {}).get(dimension) for a in assessments]
            parts = [
                f"{level.label}: {given.count(level.code)}"
                for level in framework.levels
                if given.count(level.code)
            ]
            cells.append(" · ".join(parts) or "–")
            label = item.id if len(dimensions) == 1 else f"{item.id} {dimension}"
            bars.append((label, [given.count(level.code) for level in framework.levels]))
        rows.append(cells)
    schools = len(assessments)
    title = f"{framework.name}, {year}: per onderdeel het aantal scholen per score, {name}"
    return Block(
        f"kader-{framework.id}",
        framework.name,
        stacked_chart(
            f"grafiek-kader-{framework.id}", title, bars, [lv.label for lv in framework.levels]
        ),
        title,
        ["Onderdeel", *[label for _, label in dimensions]],
        rows,
        [
            f"Bron: de beoordelingen die {schools} {'school' if schools == 1 else 'scholen'} "
            f"zelf invulden, schooljaar {year}."
        ],
        framework=True,
    )


def school_header() -> list[str]:
    return [MEASURES[key].title for key in SCHOOL_KEYS]
