"""The SWV's figures (kengetallen), internal, in content/kengetallen.yaml.

    kengetallen:
      - peildatum: 2024-10-01          # the day the figures were counted
        bron: duo-leerlingen           # where they come from (SOURCES)
        bestand: "01. Leerlingen po - soort po, cluster, leeftijd"   # DUO's file
        uitgave: "2025-03"             # DUO's release (optional)
        status: voorlopig              # DUO's figures: voorlopig or definitief
        landelijk: {bao: "1361234", sbo: "34010", so: "29876", vso: "40012"}
        scholen:
          "98XA00": {bao: "343"}
      - peildatum: 2025-07-31
        bron: registratie              # the SWV's own registration (no bestand, no status)
        scholen:
          "98XA00": {tlv_sbo: "<5", thuiszitters: "0", arrangementen: "12"}

Every value belongs to one set, and every set names its source: a DUO file (with its release
and whether it is voorlopig or definitief) or the SWV's own registration. A source has figures
for one year once (a definitive release replaces a preliminary one). Values are written as
content/leerlingen.yaml writes counts ('412', '<5', '412+'; a number under 5 is read as
'<5'); amounts in euro are whole numbers and may be negative (reserves).

The file is internal: `load.py` reads it only for `check` and the internal site, never for the
public build (as content/swv/). `figure_rules.py` computes the figures that are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from sop_builder.core.catalogue.figures import (
    FIGURE_NEGATIVE,
    FIGURE_NOT_A_VALUE,
    FIGURE_SET_TWICE,
    FIGURE_SOURCE_INCOMPLETE,
    FIGURE_STATUS_NOT_DUO,
    FIGURE_UNKNOWN_KEY,
    FIGURE_UNKNOWN_SCHOOL,
)
from sop_builder.core.fieldtypes import (
    Date,
    OptionalPlainText,
    Vestigingscode,
    field_error,
    string_schema,
    text_value,
)
from sop_builder.core.issues import Issue, choose_from, did_you_mean
from sop_builder.core.schema import read_model
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.model import Schema
from sop_builder.project.pupils import Count, parse_value

FIGURES_FILE = Path("content/kengetallen.yaml")
VALUE = re.compile(r"-?\d+|<\d+|\d+\+")


@dataclass(frozen=True)
class Measure:
    """One kind of figure: its key, its Dutch name, and whether it is an amount in euro."""

    key: str
    title: str
    money: bool = False


MEASURES = {
    m.key: m
    for m in (
        Measure("bao", "Leerlingen basisonderwijs (bao)"),
        Measure("sbo", "Leerlingen speciaal basisonderwijs (sbo)"),
        Measure("so", "Leerlingen speciaal onderwijs (so)"),
        Measure("vso", "Leerlingen voortgezet speciaal onderwijs (vso)"),
        Measure("baten", "Baten (totaal)", money=True),
        Measure("lasten", "Lasten (totaal)", money=True),
        Measure("reserves", "Reserves (eigen vermogen)", money=True),
        Measure("tlv_sbo", "Toelaatbaarheidsverklaringen (tlv) voor het sbo"),
        Measure("tlv_so_laag", "Tlv's voor het so, categorie laag"),
        Measure("tlv_so_midden", "Tlv's voor het so, categorie midden"),
        Measure("tlv_so_hoog", "Tlv's voor het so, categorie hoog"),
        Measure("verwijzingen_sbo", "Leerlingen die naar het sbo gingen"),
        Measure("verwijzingen_so", "Leerlingen die naar het so gingen"),
        Measure("terugplaatsingen", "Leerlingen terug naar het reguliere onderwijs"),
        Measure("thuiszitters", "Thuiszitters"),
        Measure("arrangementen", "Arrangementen toegekend"),
        Measure("kosten_arrangementen", "Kosten van de arrangementen", money=True),
    )
}
REGISTRATION_KEYS = (
    "tlv_sbo",
    "tlv_so_laag",
    "tlv_so_midden",
    "tlv_so_hoog",
    "verwijzingen_sbo",
    "verwijzingen_so",
    "terugplaatsingen",
    "thuiszitters",
    "arrangementen",
    "kosten_arrangementen",
)


@dataclass(frozen=True)
class Source:
    """A source of figures: its Dutch description and the keys it has per school, for the
    SWV and for the country. DUO's sources name their file and status."""

    id: str
    title: str
    duo: bool
    schools: tuple[str, ...] = ()
    swv: tuple[str, ...] = ()
    national: tuple[str, ...] = ()

    def keys(self, level: str) -> tuple[str, ...]:
        return {"scholen": self.schools, "swv": self.swv, "landelijk": self.national}[level]


DUO_PUPILS, DUO_SPECIAL, DUO_ACCOUNTS, REGISTRATION = (
    "duo-leerlingen",
    "duo-so-per-swv",
    "duo-jaarrekening",
    "registratie",
)
SOURCES = {
    s.id: s
    for s in (
        Source(
            DUO_PUPILS,
            "DUO, open onderwijsdata: leerlingen po per vestiging, soort po en leeftijd",
            True,
            schools=("bao", "sbo", "so", "vso"),
            national=("bao", "sbo", "so", "vso"),
        ),
        Source(
            DUO_SPECIAL,
            "DUO, open onderwijsdata: leerlingen (v)so per samenwerkingsverband",
            True,
            swv=("so", "vso"),
            national=("so", "vso"),
        ),
        Source(
            DUO_ACCOUNTS,
            "DUO, open onderwijsdata: jaarrekeninggegevens (balans, baten en lasten)",
            True,
            swv=("baten", "lasten", "reserves"),
        ),
        Source(
            REGISTRATION,
            "de eigen registratie van het samenwerkingsverband",
            False,
            schools=REGISTRATION_KEYS,
            swv=REGISTRATION_KEYS,
        ),
    )
}
LEVELS = ("scholen", "swv", "landelijk")


def _figure(value: Any) -> str:
    text = "".join(text_value(value).split())
    if not VALUE.fullmatch(text):
        raise field_error(FIGURE_NOT_A_VALUE, value=text_value(value))
    return text


FigureText = Annotated[
    str, BeforeValidator(_figure), string_schema(pattern=r"^(-?[0-9]+|<[0-9]+|[0-9]+\+)$")
]
SourceId = Literal["duo-leerlingen", "duo-so-per-swv", "duo-jaarrekening", "registratie"]


def _empty(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


class FigureSetFile(Schema):
    """The figures of one source on one peildatum."""

    day: Date = Field(
        alias="peildatum",
        title="Peildatum",
        description="De dag waarop geteld is (JJJJ-MM-DD): bij DUO's leerlingen 1 oktober, bij "
        "een jaarrekening de laatste dag van het boekjaar, bij de eigen registratie de dag tot "
        "en met welke geteld is.",
    )
    source: SourceId = Field(
        alias="bron",
        title="Bron",
        description="Waar de kengetallen vandaan komen: duo-leerlingen, duo-so-per-swv, "
        "duo-jaarrekening (open onderwijsdata van DUO) of registratie (de eigen registratie van "
        "het samenwerkingsverband).",
    )
    file: OptionalPlainText = Field(
        None,
        alias="bestand",
        title="Bestand",
        description="Het bestand van DUO waaruit de kengetallen komen (verplicht bij DUO).",
    )
    release: OptionalPlainText = Field(
        None,
        alias="uitgave",
        title="Uitgave",
        description="Welke uitgave van DUO het is, bijvoorbeeld de maand van publicatie.",
    )
    status: Annotated[Literal["voorlopig", "definitief"] | None, BeforeValidator(_empty)] = Field(
        None,
        alias="status",
        title="Status",
        description="Bij DUO: voorlopig of definitief. Een definitieve uitgave vervangt de "
        "voorlopige van hetzelfde jaar.",
    )
    swv: dict[str, FigureText] = Field(
        default_factory=dict,
        alias="swv",
        title="Samenwerkingsverband",
        description="Kengetallen van het hele samenwerkingsverband: kengetal: waarde.",
    )
    national: dict[str, FigureText] = Field(
        default_factory=dict,
        alias="landelijk",
        title="Landelijk",
        description="Dezelfde kengetallen voor het hele land, berekend uit alle regels van "
        "hetzelfde bestand van DUO (nooit overgetypt).",
    )
    schools: dict[Vestigingscode, dict[str, FigureText]] = Field(
        default_factory=dict,
        alias="scholen",
        title="Scholen",
        description="Kengetallen per school: vestigingscode, dan kengetal: waarde.",
    )


class FiguresFile(Schema):
    """content/kengetallen.yaml: every set of figures."""

    sets: list[FigureSetFile] = Field(
        default_factory=list,
        alias="kengetallen",
        title="Kengetallen",
        description="Een lijst: per bron en peildatum één blok met de kengetallen.",
    )


@dataclass(frozen=True)
class FigureSet:
    """The figures of one source on one peildatum, read: a ``Count`` per key (a count under 5
    is masked; an amount is exact)."""

    source: Source
    day: date
    file: str = ""
    release: str = ""
    status: str = ""  # voorlopig, definitief, or '' (registration)
    swv: dict[str, Count] = field(default_factory=dict)
    national: dict[str, Count] = field(default_factory=dict)
    schools: dict[str, dict[str, Count]] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.day.year

    @property
    def preliminary(self) -> bool:
        return self.status == "voorlopig"

    def source_text(self) -> str:
        """The source in words, as a page shows it under a figure."""
        if not self.source.duo:
            return f"Bron: {self.source.title}."
        release = f", uitgave {self.release}" if self.release else ""
        return f"Bron: {self.source.title} ('{self.file}'{release}, {self.status})."


@dataclass
class FiguresData:
    """content/kengetallen.yaml, read and checked."""

    sets: list[FigureSet] = field(default_factory=list)

    def of(self, source: str) -> dict[int, FigureSet]:
        """year -> the set of ``source`` of that year."""
        return {s.year: s for s in self.sets if s.source.id == source}


def open_data_only(data: FiguresData) -> FiguresData:
    """Only the sets from DUO's open data: what the public build may hold (never the SWV's
    own registration)."""
    return FiguresData([s for s in data.sets if s.source.duo])


def figure_count(measure: Measure, text: str, year: int) -> Count | None:
    """A value as written -> a Count (an amount is exact, also under 5); None when a count is
    negative."""
    if measure.money:
        if not re.fullmatch(r"-?\d+", text):
            return None
        return Count(year, int(text))
    return parse_value(text, year) if not text.startswith("-") else None


def _source_problems(
    entry: FigureSetFile,
    tree: YamlTree,
    where: tuple[str, int],
    display: str,
    first: dict[tuple[str, int], int],
) -> list[Issue]:
    """A DUO set without its file or status, a registration with a status, a year twice."""
    source, pos = SOURCES[entry.source], tree.pos(where)
    problems: list[Issue] = []
    if source.duo:
        for name, value in (("file", entry.file), ("status", entry.status)):
            if not value:
                what = f"'{FigureSetFile.key(name)}'"
                problems.append(
                    FIGURE_SOURCE_INCOMPLETE.at(display, pos, source=source.id, what=what)
                )
    elif entry.status:
        status_at = tree.pos((*where, FigureSetFile.key("status")))
        problems.append(FIGURE_STATUS_NOT_DUO.at(display, status_at, status=entry.status))
    seen = first.setdefault((source.id, entry.day.year), pos.line)
    if seen != pos.line:
        problems.append(
            FIGURE_SET_TWICE.at(display, pos, source=source.id, year=entry.day.year, first=seen)
        )
    return problems


def _set_values(
    entry: FigureSetFile,
    tree: YamlTree,
    where: tuple[str, int],
    display: str,
    codes: set[str] | None,
) -> tuple[dict[str, dict[str, Count]], list[Issue]]:
    """'swv/', 'landelijk/' or 'scholen/<code>' -> key -> Count, and the problems."""
    source = SOURCES[entry.source]
    values: dict[str, dict[str, Count]] = {}
    problems: list[Issue] = []
    for level, given in (
        ("swv", {"": entry.swv}),
        ("landelijk", {"": entry.national}),
        ("scholen", entry.schools),
    ):
        allowed = list(source.keys(level))
        for code, figures in given.items():
            place = (*where, level, code) if code else (*where, level)
            if code and codes is not None and code not in codes:
                problems.append(FIGURE_UNKNOWN_SCHOOL.at(display, tree.pos(place), code=code))
            for key, text in figures.items():
                at = tree.pos((*place, key))
                if key not in allowed:
                    hint = did_you_mean(key, allowed) or choose_from(allowed or ["(geen)"])
                    problems.append(
                        FIGURE_UNKNOWN_KEY.at(
                            display, at, key=key, source=source.id, suggestion=hint
                        )
                    )
                    continue
                count = figure_count(MEASURES[key], text, entry.day.year)
                if count is None:
                    problems.append(FIGURE_NEGATIVE.at(display, at, value=text, key=key))
                    continue
                values.setdefault(f"{level}/{code}", {})[key] = count
    return values, problems


def load_figures(root: Path, codes: set[str] | None) -> tuple[FiguresData | None, list[Issue]]:
    """Read content/kengetallen.yaml if it exists; ``codes``: the vestigingscodes of the
    schools (a figure of another location is a warning; None: not known, no such warning).
    A set with an error is left out."""
    file = Path(root) / FIGURES_FILE
    if not file.is_file():
        return None, []
    display = FIGURES_FILE.as_posix()
    model, tree, issues = read_model(file, display, FiguresFile)
    if model is None or tree is None:
        return None, issues
    data = FiguresData()
    first: dict[tuple[str, int], int] = {}
    for index, entry in enumerate(model.sets):
        where = (FiguresFile.key("sets"), index)
        problems = _source_problems(entry, tree, where, display, first)
        values, found = _set_values(entry, tree, where, display, codes)
        issues += problems + found
        if any(p.is_error for p in problems + found):
            continue
        data.sets.append(
            FigureSet(
                SOURCES[entry.source],
                entry.day,
                entry.file or "",
                entry.release or "",
                entry.status or "",
                values.get("swv/", {}),
                values.get("landelijk/", {}),
                {k.split("/", 1)[1]: v for k, v in values.items() if k.startswith("scholen/")},
            )
        )
    return data, issues
