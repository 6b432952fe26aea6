"""`import-kengetallen FILE…`: the SWV's figures from DUO's open data and its own registration
into content/kengetallen.yaml (and DUO's pupils also into content/leerlingen.yaml), in one
transaction; `kengetallen-sjabloon`: the registration template (CSV or XLSX).

Each file is recognised by its columns (`figure_files.py`). A new set replaces the set of the
same source and year (a definitive release replaces a preliminary one; a preliminary one never
replaces a definitive one); the SWV's registration replaces the figures of the schools in the
file and keeps the others; DUO's annual accounts of one year may come from two files (the
balance sheet, the income and expenses), whose amounts are kept together. Nothing is written
when a file or the existing file has an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sop_builder.core.catalogue.figures import (
    FIGURES_FILE_UNKNOWN,
    FIGURES_NO_STATUS,
)
from sop_builder.core.issues import Issue, allowed_list
from sop_builder.core.tables import Table, find_columns, read_table, write_csv, write_xlsx
from sop_builder.core.transaction import Transaction, recover
from sop_builder.core.yamlwrite import yaml_value
from sop_builder.project.config import load_config_file
from sop_builder.project.figures import (
    DUO_ACCOUNTS,
    FIGURES_FILE,
    MEASURES,
    REGISTRATION,
    REGISTRATION_KEYS,
    SOURCES,
    FigureSet,
    load_figures,
)
from sop_builder.project.model import SopFrontMatter, SwvConfig
from sop_builder.project.pupils import PUPILS_FILE, Count, count_text
from sop_builder.project.schools.read import school_codes, written_values
from sop_builder.sheets.duo_pupils import DuoPupils, read_duo_pupils, region_key
from sop_builder.sheets.figure_files import (
    ACCOUNT_COLUMNS,
    EXPLANATION_ROW,
    SPECIAL_COLUMNS,
    TEMPLATE_COLUMNS,
    Found,
    NewSet,
    Swv,
    account_sets,
    pupil_sets,
    registration_sets,
    special_sets,
)
from sop_builder.sheets.pupils import duo_update

NOTHING = f"Er is niets geïmporteerd; {FIGURES_FILE.as_posix()} is niet veranderd."
HEADER = (
    "# Kengetallen van het samenwerkingsverband (intern: de openbare site leest dit bestand niet).\n"
    "# Gemaakt met 'sop-builder import-kengetallen'; zie docs/kengetallen.md. Een nieuwe import\n"
    "# vervangt de kengetallen van dezelfde bron en hetzelfde jaar.\n"
    "# '<5' betekent minder dan 5; dat aantal komt nooit als getal op een pagina.\n"
)


@dataclass
class FiguresRequest:
    """What `import-kengetallen` was given."""

    files: list[Path]
    status: str | None = None  # voorlopig or definitief: DUO's release of these files
    release: str | None = None  # which release of DUO (free text, e.g. '2025-03')
    board: str | None = None  # the SWV's bevoegd gezag number, for DUO's annual accounts


@dataclass
class FiguresImport:
    ok: bool
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


@dataclass
class _Written:
    """A set as content/kengetallen.yaml writes it."""

    set: NewSet
    file: str = ""
    release: str = ""
    status: str = ""


def _swv(root: Path, board: str | None) -> Swv:
    config, _, _ = load_config_file(root, "swv.yaml", SwvConfig)
    region = region_key(config.region_code or "") if config is not None else ""
    return Swv(school_codes(root), region, (board or "").strip())


def _read(file: Path, swv: Swv) -> tuple[Found, bool]:
    """What one file gave, and whether it is one of DUO's files (DUO's pupil file: also the
    counts as read, for content/leerlingen.yaml)."""
    display = file.name
    table, issues = read_table(file, display, delimiter=None, windows=True)
    if table is None:
        return Found(issues=issues), False
    duo = read_duo_pupils(table, display)
    if duo is not None:
        if any(i.is_error for i in duo.issues):
            return Found(issues=duo.issues), True
        found = pupil_sets(duo, display, swv)
        found.issues = duo.issues + found.issues
        found.duo = duo
        return found, True
    return _by_columns(table, display, swv)


def _by_columns(table: Table, display: str, swv: Swv) -> tuple[Found, bool]:
    template = find_columns(table.header, TEMPLATE_COLUMNS)
    if {"code", "date"} <= set(template) and set(template) & set(REGISTRATION_KEYS):
        return registration_sets(table, display, swv), False
    accounts = find_columns(table.header, ACCOUNT_COLUMNS)
    if "year" in accounts and {"baten", "lasten", "reserves"} & set(accounts):
        return account_sets(table, display, accounts, swv), True
    special = find_columns(table.header, SPECIAL_COLUMNS)
    if "swv" in special and ({"kind", "count"} <= set(special) or {"so", "vso"} & set(special)):
        return special_sets(table, display, special, swv), True
    header = allowed_list(table.header)
    return Found(issues=[FIGURES_FILE_UNKNOWN.at(display, header=header)]), False


def _texts(values: dict[str, Count]) -> dict[str, str]:
    """Counts back into the form the file writes: '412', '<5', '412+'; amounts as numbers."""
    return {
        key: str(count.value) if MEASURES[key].money else count_text(count)
        for key, count in values.items()
    }


def _existing_sets(existing: list[FigureSet]) -> list[_Written]:
    return [
        _Written(
            NewSet(
                s.source.id,
                s.day,
                _texts(s.swv),
                _texts(s.national),
                {code: _texts(v) for code, v in s.schools.items()},
            ),
            s.file,
            s.release,
            s.status,
        )
        for s in existing
    ]


def _merge(old: list[_Written], new: list[_Written]) -> tuple[list[_Written], list[str], int]:
    """``old`` with ``new`` in: same source and year replaced (registration: per school); the
    notes on what was replaced or kept, and how many new sets went in."""
    result = list(old)
    notes: list[str] = []
    taken = 0
    for item in new:
        source, year = item.set.source, item.set.day.year
        index = next(
            (i for i, w in enumerate(result) if (w.set.source, w.set.day.year) == (source, year)),
            None,
        )
        taken += 1
        if index is None:
            result.append(item)
            continue
        before = result[index]
        if before.status == "definitief" and item.status == "voorlopig":
            notes.append(
                f"{source} {year}: de definitieve uitgave blijft staan; een voorlopige vervangt "
                "haar niet."
            )
            taken -= 1
            continue
        if source == REGISTRATION:
            schools = {**before.set.schools, **item.set.schools}
            swv = {**before.set.swv, **item.set.swv}
            item = _Written(NewSet(source, item.set.day, swv, {}, schools))
        elif source == DUO_ACCOUNTS and before.status == item.status:
            # DUO publishes the balance sheet and the income and expenses in separate files:
            # one year's amounts may come from both
            swv = {**before.set.swv, **item.set.swv}
            files = ", ".join(dict.fromkeys([*before.file.split(", "), item.file]))
            release = item.release or before.release
            item = _Written(NewSet(source, item.set.day, swv), files, release, item.status)
        elif before.status == "voorlopig" and item.status == "definitief":
            notes.append(
                f"{source} {year}: de voorlopige uitgave is vervangen door de definitieve."
            )
        result[index] = item
    order = list(SOURCES)
    result.sort(key=lambda w: (order.index(w.set.source), w.set.day))
    return result, notes, taken


def figures_text(header: str, sets: list[_Written]) -> str:
    """content/kengetallen.yaml: ``header`` (comment lines) and every set."""
    lines = [header.rstrip("\n"), "kengetallen:"]
    for item in sets:
        lines.append(f"  - peildatum: {item.set.day.isoformat()}")
        lines.append(f"    bron: {item.set.source}")
        for key, value in (("bestand", item.file), ("uitgave", item.release)):
            if value:
                lines.append(f"    {key}:{yaml_value(value)}")
        if item.status:
            lines.append(f"    status: {item.status}")
        for level, values in (("swv", item.set.swv), ("landelijk", item.set.national)):
            if values:
                lines.append(f"    {level}:")
                lines += [f'      {k}: "{v}"' for k, v in values.items()]
        if item.set.schools:
            lines.append("    scholen:")
            for code in sorted(item.set.schools):
                lines.append(f'      "{code}":')
                lines += [f'        {k}: "{v}"' for k, v in item.set.schools[code].items()]
    return "\n".join(lines) + "\n"


def _header(root: Path) -> str:
    """The comment lines at the top of the existing file (kept), or the standard header."""
    file = root / FIGURES_FILE
    if not file.is_file():
        return HEADER
    kept = []
    for line in file.read_text(encoding="utf-8-sig").splitlines():
        if not line.startswith("#"):
            break
        kept.append(line)
    return "\n".join(kept) + "\n" if kept else HEADER


def import_figures(root: Path, request: FiguresRequest) -> FiguresImport:
    """Read every file; write content/kengetallen.yaml (and content/leerlingen.yaml for DUO's
    pupil file) in one transaction, or nothing."""
    root = Path(root)
    issues = recover(root)
    if any(i.is_error for i in issues):
        return FiguresImport(False, issues, [NOTHING])
    swv = _swv(root, request.board)
    existing, problems = load_figures(root, set(swv.codes))
    if any(i.is_error for i in problems) or (existing is None and problems):
        return FiguresImport(False, problems, [NOTHING, "Herstel eerst het bestand."])
    new: list[_Written] = []
    summaries: list[str] = []
    pupils = DuoPupils()
    pupil_files: list[str] = []
    for file in request.files:
        found, duo = _read(file, swv)
        issues += found.issues
        if duo and not request.status:
            issues.append(FIGURES_NO_STATUS.at(file.name))
        if found.summary:
            summaries.append(found.summary)
        status = (request.status or "") if duo else ""
        new += [
            _Written(s, file.name if duo else "", (request.release or "") if duo else "", status)
            for s in found.sets
        ]
        if found.duo is not None:
            pupils.counts.update(found.duo.counts)  # a later file's count of a key wins
            pupils.incomplete |= found.duo.incomplete
            pupil_files.append(file.name)
    if any(i.is_error for i in issues):
        return FiguresImport(False, issues, [NOTHING])
    merged, notes, taken = _merge(_existing_sets(existing.sets if existing else []), new)
    tx = Transaction(root, "sop-builder import-kengetallen")
    tx.write(FIGURES_FILE.as_posix(), figures_text(_header(root), merged))
    messages = [*summaries, *notes]
    if pupil_files:  # DUO's pupil files also update content/leerlingen.yaml
        update = duo_update(root, pupils, ", ".join(pupil_files))
        if update.text is None:
            return FiguresImport(False, issues + update.issues, [NOTHING, *update.messages])
        tx.write(PUPILS_FILE.as_posix(), update.text)
        messages += update.messages
    problems = tx.commit()
    if problems:
        return FiguresImport(False, issues + problems, [NOTHING])
    sets = "1 set" if taken == 1 else f"{taken} sets"
    messages.append(f"{sets} kengetallen geschreven naar {FIGURES_FILE.as_posix()}.")
    return FiguresImport(True, issues, messages)


# --- the registration template ----------------------------------------------------------------

EXPLANATIONS = {
    "vestigingscode": "De vestigingscode van de school. Niet veranderen.",
    "school": "De naam van de school, om haar te herkennen. Wordt niet gelezen.",
    "peildatum": "De dag tot en met welke u telde (JJJJ-MM-DD), bijvoorbeeld het einde van "
    "het schooljaar. Eén peildatum per jaar.",
}


def _explanation(key: str) -> str:
    measure = MEASURES[key]
    unit = "Een bedrag in hele euro's, zonder punten." if measure.money else "Een aantal."
    return f"{measure.title}. {unit} Leeg: niet geteld; 0: geen."


def template_rows(root: Path, day: date | None) -> tuple[list[str], list[list[str]]]:
    """The template's header, its explanation row and one row per school (sorted by name)."""
    header = ["vestigingscode", "school", "peildatum", *REGISTRATION_KEYS]
    explain = [EXPLANATION_ROW.capitalize() + ": " + EXPLANATIONS["vestigingscode"]]
    explain += [EXPLANATIONS["school"], EXPLANATIONS["peildatum"]]
    explain += [_explanation(key) for key in REGISTRATION_KEYS]
    names = written_values(root, SopFrontMatter.key("name"))
    schools = sorted(
        (names.get(folder, folder), code) for code, folder in school_codes(root).items()
    )
    rows = [
        [code, name, day.isoformat() if day else "", *[""] * len(REGISTRATION_KEYS)]
        for name, code in schools
    ]
    return header, [explain, *rows]


def write_template(root: Path, out: Path, day: date | None) -> FiguresImport:
    """Write the registration template: CSV, or XLSX (a sheet with the schools and one with
    the explanation of each column) by the extension of ``out``."""
    header, rows = template_rows(Path(root), day)
    if out.suffix.lower() == ".xlsx":
        explanation = rows[0]
        explanation[0] = EXPLANATIONS["vestigingscode"]
        write_xlsx(
            out,
            {
                "Registratie": (header, rows[1:]),
                "Uitleg": (["kolom", "uitleg"], list(zip(header, explanation, strict=True))),
            },
        )
    else:
        write_csv(out, header, rows)
    return FiguresImport(
        True,
        [],
        [
            f"Sjabloon met {len(rows) - 1} scholen geschreven naar {out}. Vul per school de "
            "aantallen in en lees het in met 'sop-builder import-kengetallen'."
        ],
    )
