"""`sop-builder import-norm FILE`: the agreements of basisondersteuning from a spreadsheet.

SWVs publish their agreements as a list in Word or on a web page, without codes, short titles
or a scale. This reads a CSV or XLSX file with one agreement a row into
site_config/basisondersteuning/<school year>.yaml. Columns, matched loosely: the agreement's
text (`afspraak`, `omschrijving` or `tekst`; required), and optionally `thema`, `code`, `titel`
and `aspect`. A row with a theme and no text starts that theme (as a heading in a pasted list).

- A missing code is made in the form of `--codevoorbeeld` (or of the codes the file gives; else
  1.1 with themes, BO-01 without): 1.1, 1.2, 2.1 per theme, or BO-01, BO-02 in a row.
- A missing title is the start of the text, at most 60 characters, cut after a whole word, and
  marked `# gemaakt uit de tekst`.
- Without themes every agreement is in one theme; without aspects in the aspect
  'nog-in-te-delen' (beside the four of the referentiekader): nothing is made up.
- The scale (`--schaal ja-deels-nee` or `ja-nee`) and the target (`--doel`, into the 'doelen'
  of site_config/swv.yaml) are asked when not given.
- An existing norm of that school year is replaced only with `--vervang`; both files are
  written at once (`core/transaction.py`), and only when the norm passes the checks of `check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sop_builder.core.catalogue.imports import (
    NORM_CODE_NOT_LIKE_EXAMPLE,
    NORM_CODE_TWICE,
    NORM_COLUMN_MISSING,
    NORM_EXISTS,
    NORM_EXTRA_CELLS,
    NORM_NO_AGREEMENTS,
    NORM_NO_SCALE,
    NORM_ROW_UNUSABLE,
)
from sop_builder.core.issues import Issue, Pos, allowed_list
from sop_builder.core.roundtrip import dump, load
from sop_builder.core.schema import validate_tree
from sop_builder.core.tables import column_key, find_columns, read_table
from sop_builder.core.text import cut_slug, slugify
from sop_builder.core.transaction import Transaction, recover
from sop_builder.core.yamlread import read_yaml
from sop_builder.core.yamlwrite import yaml_text
from sop_builder.project.config import NORMS_DIR, REFERENCE_ASPECTS, SWV_FILE, load_config
from sop_builder.project.model import Norm, code_pattern
from sop_builder.project.placeholders import MARK, unmark

COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("afspraak", "omschrijving", "tekst", "beschrijving"),
    "theme": ("thema", "onderwerp", "domein"),
    "code": ("code", "id", "nummer", "nr"),
    "title": ("titel", "korte titel", "naam"),
    "aspect": ("aspect",),
}
UNSORTED_ASPECT = ("nog-in-te-delen", "Nog niet ingedeeld in een aspect")
ONE_THEME = ("afspraken", "Afspraken basisondersteuning")
TITLE_LENGTH = 60
SCALES = {
    "ja-deels-nee": (
        ("ja", "Voldoet", "1"),
        ("deels", "Voldoet deels", "0"),
        ("nee", "Voldoet niet", "0"),
    ),
    "ja-nee": (("ja", "Voldoet", "1"), ("nee", "Voldoet niet", "0")),
}


@dataclass
class NormRequest:
    file: Path
    school_year: str | None = None
    scale: str | None = None  # ja-deels-nee or ja-nee
    target: int | None = None  # percentage, into swv.yaml 'doelen'
    code_example: str | None = None
    name: str | None = None
    replace: bool = False


@dataclass
class NormImport:
    ok: bool
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


@dataclass
class _Row:
    line: int
    text: str
    theme: str
    code: str
    title: str
    aspect: str


def short_title(text: str) -> str:
    """The start of ``text`` as a title: its first sentence or clause, at most 60 characters,
    cut after a whole word ('…' where it was cut)."""
    text = " ".join(text.replace("<", " ").replace(">", " ").split())
    first = re.split(r"(?<=[.;:!?])\s", text, maxsplit=1)[0].rstrip(".;:")
    if len(first) <= TITLE_LENGTH:
        return first
    cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:-– ")
    return cut + "…"


def _aspect(value: str) -> str | None:
    key = column_key(value)
    for aspect_id, name in REFERENCE_ASPECTS:
        if key in (column_key(aspect_id), column_key(name)):
            return aspect_id
    return None


def _rows(file: Path) -> tuple[list[_Row], list[Issue], list[str]]:
    """The agreements of the file, its problems, and the names of the columns it did not use."""
    display = file.name
    table, issues = read_table(file, display, windows=True)
    if table is None:
        return [], issues, []
    columns = find_columns(table.header, COLUMNS)
    if "text" not in columns:
        header = allowed_list(table.header) or "niets"
        return [], [NORM_COLUMN_MISSING.at(display, header=header)], []
    unused = [h for i, h in enumerate(table.header) if i not in columns.values() and h.strip()]
    rows, theme = [], ""
    for line, cells in table.rows:

        def cell(key: str, cells: list[str] = cells) -> str:
            return " ".join(cells[columns[key]].split()) if key in columns else ""

        extra = [c.strip() for c in cells[len(table.header) :] if c.strip()]
        if extra:
            issues.append(
                NORM_EXTRA_CELLS.at(
                    display, Pos(line, len(table.header) + 1), line=line, extra="; ".join(extra)
                )
            )
            continue
        if cell("theme"):
            theme = cell("theme")
        if not cell("text"):
            if not cell("theme"):
                issues.append(
                    NORM_ROW_UNUSABLE.at(display, Pos(line, columns["text"] + 1), line=line)
                )
            continue
        rows.append(_Row(line, cell("text"), theme, cell("code"), cell("title"), cell("aspect")))
    return rows, issues, unused


def _example(rows: list[_Row], given: str | None, themed: bool) -> str:
    if given:
        return given
    first = next((r.code for r in rows if r.code), "")
    return first or ("1.1" if themed else "BO-01")


def _codes(
    rows: list[_Row], themes: list[str], example: str, display: str
) -> tuple[list[str], list[Issue]]:
    """Each row's code: the given one, else a new one in the form of ``example``."""
    pattern = code_pattern(example)
    issues: list[Issue] = []
    taken: dict[str, int] = {}
    for row in rows:
        if not row.code:
            continue
        place = Pos(row.line, 1)
        if not pattern.fullmatch(row.code):
            issues.append(
                NORM_CODE_NOT_LIKE_EXAMPLE.at(
                    display, place, line=row.line, code=row.code, example=example
                )
            )
        elif row.code in taken:
            first = taken[row.code]
            issues.append(
                NORM_CODE_TWICE.at(display, place, line=row.line, code=row.code, first=first)
            )
        taken.setdefault(row.code, row.line)
    per_theme = re.fullmatch(r"\d+\.\d+", example) is not None
    digits = list(re.finditer(r"\d+", example))
    prefix, width, suffix = (
        (example[: digits[-1].start()], len(digits[-1].group()), example[digits[-1].end() :])
        if digits
        else (example + "-", 2, "")
    )
    counters: dict[str, int] = {}
    codes = []
    for row in rows:
        if row.code:
            codes.append(row.code)
            continue
        scope = row.theme if per_theme else ""
        while True:
            counters[scope] = counters.get(scope, 0) + 1
            number = counters[scope]
            code = (
                f"{themes.index(row.theme) + 1}.{number}"
                if per_theme
                else f"{prefix}{number:0{width}d}{suffix}"
            )
            if code not in taken:
                break
        taken[code] = row.line
        codes.append(code)
    return codes, issues


def norm_text(
    rows: list[_Row], codes: list[str], example: str, scale: str, name: str, source: str
) -> str:
    themes = list(dict.fromkeys(r.theme for r in rows))
    theme_ids: dict[str, str] = {}
    for theme in themes:
        base = cut_slug(slugify(theme, fallback=ONE_THEME[0]), 40) if theme else ONE_THEME[0]
        candidate, number = base, 2
        while candidate in theme_ids.values():
            candidate, number = f"{base}-{number}", number + 1
        theme_ids[theme] = candidate
    unsorted = any(not _aspect(r.aspect) for r in rows)
    lines = [
        f"# De afspraken basisondersteuning, gelezen uit {source} met 'sop-builder import-norm'.",
        "# Controleer de codes en de korte titels: een code verandert u niet meer als scholen",
        "# hem gebruiken. Titels die de import uit de tekst maakte, staan met '# gemaakt uit de",
        "# tekst' erachter.",
        'versie: "1"',
        f"naam: {yaml_text(name)}",
        f"# De datum (JJJJ-MM-DD) waarop het samenwerkingsverband de afspraken vaststelde. {MARK}",
        "vastgesteld:",
        "# Hoe de code van een afspraak eruitziet. Letters staan voor letters, cijfers voor cijfers.",
        f"codevoorbeeld: {yaml_text(example)}",
        "# De vier aspecten van het referentiekader passend onderwijs."
        + (
            f" Kies bij elke afspraak met 'nog-in-te-delen' het goede aspect. {MARK}"
            if unsorted
            else ""
        ),
        "aspecten:",
    ]
    aspects = [*REFERENCE_ASPECTS, *([UNSORTED_ASPECT] if unsorted else [])]
    for aspect_id, aspect_name in aspects:
        lines += [f"  - id: {aspect_id}", f"    naam: {yaml_text(aspect_name)}"]
    lines += [
        "# De scores die een school kan geven, met het gewicht waarmee ze meetellen.",
        "schaal:",
    ]
    for code, label, weight in SCALES[scale]:
        lines += [f"  - code: {code}", f"    label: {label}", f'    gewicht: "{weight}"']
    lines += [
        "nvt_toegestaan: nee",
        "zonder_score: niet-voldaan",
        f"# De thema's. Schrijf bij elk thema één zin in gewone taal voor ouders. {MARK}",
        "themas:",
    ]
    for theme in themes:
        title = theme or ONE_THEME[1]
        lines += [
            f"  - id: {theme_ids[theme]}",
            f"    titel: {yaml_text(title)}",
            f"    omschrijving: {yaml_text(title)}",
        ]
    lines.append("afspraken:")
    for row, code in zip(rows, codes, strict=True):
        title = row.title or short_title(row.text)
        made = "" if row.title else "  # gemaakt uit de tekst"
        lines += [
            f"  - id: {yaml_text(code)}",
            f"    thema: {theme_ids[row.theme]}",
            f"    aspect: {_aspect(row.aspect) or UNSORTED_ASPECT[0]}",
            f"    titel: {yaml_text(title)}{made}",
            f"    omschrijving: {yaml_text(row.text)}",
        ]
    return "\n".join(lines) + "\n"


def _swv_with_target(text: str, year: str, target: int) -> str:
    """site_config/swv.yaml with the target of ``year`` set (added, or changed): the SWV gave
    it, so the comment above 'doelen' loses its INVULLEN mark (nieuw-swv's 80 is an example
    until then, which the public site leaves out)."""
    node = load(text)
    targets = node.get("doelen")
    if not isinstance(targets, list):
        targets = node["doelen"] = CommentedSeq()
    for entry in targets:
        if isinstance(entry, dict) and str(entry.get("vanaf", "")).strip() == year:
            entry["percentage"] = str(target)
            return unmark(dump(node), "doelen")
    added = CommentedMap()
    added["vanaf"], added["percentage"] = year, str(target)
    targets.append(added)
    return unmark(dump(node), "doelen")


def _valid(text: str, display: str) -> list[Issue]:
    tree, issues = read_yaml(text, display)
    if tree is None:
        return issues
    _, found = validate_tree(Norm, tree, display)
    return [i for i in issues + found if i.is_error]


def import_norm(root: Path, request: NormRequest) -> NormImport:
    root = Path(root)
    recovered = recover(root)  # a writing command that was interrupted is finished first
    if any(i.is_error for i in recovered):
        return NormImport(False, recovered, ["Er is niets geschreven."])
    config, config_issues = load_config(root)
    year = request.school_year or (config.swv.school_year if config else None)
    if year is None:
        return NormImport(
            False,
            [i for i in config_issues if i.is_error],
            ["Geef --schooljaar mee; er is niets geschreven."],
        )
    target_file = f"{NORMS_DIR}/{year}.yaml"
    if (root / target_file).exists() and not request.replace:
        return NormImport(
            False, [NORM_EXISTS.at(target_file, year=year)], ["Er is niets geschreven."]
        )
    if request.scale is None:
        return NormImport(
            False,
            [NORM_NO_SCALE.at(target_file)],
            ["Er is niets geschreven."],
        )
    rows, issues, unused = _rows(request.file)
    if any(i.is_error for i in issues):
        return NormImport(False, issues, ["Er is niets geschreven."])
    if not rows:
        return NormImport(
            False,
            [
                *issues,
                NORM_NO_AGREEMENTS.at(request.file.name),
            ],
            ["Er is niets geschreven."],
        )
    themes = list(dict.fromkeys(r.theme for r in rows))
    example = _example(rows, request.code_example, any(themes))
    codes, found = _codes(rows, themes, example, request.file.name)
    issues += found
    if any(i.is_error for i in issues):
        return NormImport(False, issues, ["Er is niets geschreven."])
    name = request.name or "Afspraken basisondersteuning"
    text = norm_text(rows, codes, example, request.scale, name, request.file.name)
    problems = _valid(text, target_file)
    if problems:
        return NormImport(False, [*issues, *problems], ["Er is niets geschreven."])
    texts = {target_file: text}
    if request.target is not None:
        swv = (root / SWV_FILE).read_text(encoding="utf-8-sig")
        texts[SWV_FILE] = _swv_with_target(swv, year, request.target)
    transaction = Transaction(root, "sop-builder import-norm")
    for path, content in texts.items():
        transaction.write(path, content)
    problems = transaction.commit()
    if problems:
        return NormImport(False, [*recovered, *issues, *problems])
    made = sum(1 for r in rows if not r.code)
    titled = sum(1 for r in rows if not r.title)
    messages = [
        f"{len(rows)} afspraken in {len(themes)} thema's geschreven naar {target_file}"
        f" ({made} codes en {titled} korte titels gemaakt).",
        f"Doel: {request.target}% vanaf {year} in {SWV_FILE}."
        if request.target is not None
        else f"Het doel in {SWV_FILE} is niet veranderd.",
        "Vul de datum van vaststellen en de zinnen bij de thema's in (INVULLEN), en draai: "
        "sop-builder controleer",
    ]
    messages += [f"Niet gebruikt: de kolom '{name}'." for name in unused]
    return NormImport(True, [*recovered, *issues], messages)
