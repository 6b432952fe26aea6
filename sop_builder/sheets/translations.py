"""`sop-builder vertalingen TAAL --uit FILE` and `--in FILE`: the texts a language still misses
or holds stale, as a spreadsheet for a translator, and the translations read back into
site_config/talen/<code>.yaml (one transaction, core/transaction.py), with the checks `check`
runs on that file (project/translations.py). Nothing here translates: people do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.languages import (
    SHEET_COLUMN_MISSING,
    SHEET_DUTCH_CHANGED,
    SHEET_KEY_TWICE,
    SHEET_KEY_UNKNOWN,
    SHEET_MACHINE_VALUE,
    TRANSLATION_FILE_NAME,
    TRANSLATION_PLACEHOLDERS,
)
from sop_builder.core.issues import Issue, Pos
from sop_builder.core.roundtrip import merge_yaml_text
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_yaml_mapping
from sop_builder.core.tables import read_table, write_csv, write_xlsx
from sop_builder.core.transaction import Transaction, recover
from sop_builder.project.translations import (
    LANGUAGE_FILE,
    SOURCE_LANGUAGE,
    Language,
    LanguageFile,
    SourceText,
    TranslationEntry,
    language_issues,
    language_sources,
    load_languages,
    placeholders_of,
    shown_placeholders,
    source_texts,
    status,
)

# The columns of the sheet, in order; the translator fills in the last three. 'machine' (ja:
# a computer made this translation, and nobody checked it: the site labels it) is optional
# when the sheet is read, like 'vertaald_door'.
KEY, DUTCH, CONTEXT, OLD, TRANSLATION, TRANSLATOR, MACHINE = (
    "sleutel",
    "nederlands",
    "context",
    "oude_vertaling",
    "vertaling",
    "vertaald_door",
    "machine",
)
COLUMNS = [KEY, DUTCH, CONTEXT, OLD, TRANSLATION, TRANSLATOR, MACHINE]
OPTIONAL_COLUMNS = (TRANSLATOR, MACHINE)
YES, NO = "ja", "nee"


@dataclass
class SheetResult:
    ok: bool
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def _language(root: Path, code: str) -> tuple[Language | None, list[Issue]]:
    """The language ``code`` (its file when it has one); SOP464 for a code that is not one."""
    if LANGUAGE_FILE.fullmatch(f"{code}.yaml") is None or code == SOURCE_LANGUAGE:
        return None, [TRANSLATION_FILE_NAME.at(f"site_config/talen/{code}.yaml", name=code)]
    languages, issues = load_languages(root)
    mine = [i for i in issues if i.path == f"site_config/talen/{code}.yaml"]
    return languages.get(code, Language(code)), mine


def _context(source: SourceText) -> str:
    return f"{source.source}, regel {source.line}"


def export_sheet(root: Path, code: str, out: Path) -> SheetResult:
    """Write what language ``code`` misses or holds stale to ``out`` (.xlsx, else CSV)."""
    language, issues = _language(root, code)
    if language is None or any(i.is_error for i in issues):
        return SheetResult(False, issues, ["Er is geen bestand gemaakt."])
    sources, found = source_texts(root)
    sources = language_sources(sources, language)
    state = status(language, sources)
    texts = language.file.texts if language.file is not None else {}
    rows = []
    for key in sorted(state.missing + state.stale):
        old = texts[key].translation if key in texts else ""
        rows.append([key, sources[key].dutch, _context(sources[key]), old, "", "", ""])
    if out.suffix.lower() == ".xlsx":
        write_xlsx(out, {f"vertalen {code}": (COLUMNS, rows)})
    else:
        write_csv(out, COLUMNS, rows)
    name = language.dutch_name
    return SheetResult(
        True,
        issues + found,
        [
            f"{len(rows)} teksten voor het {name} in {out} ({len(state.missing)} zonder "
            f"vertaling, {len(state.stale)} verouderd). Laat de kolom 'vertaling' invullen en "
            f"lees het bestand in met 'sop-builder vertalingen {code} --in {out.name}'."
        ],
    )


@dataclass(frozen=True)
class SheetRow:
    """A row of the sheet with a translation: its number, the translation, who made it and
    whether a computer did (the optional columns 'vertaald_door' and 'machine')."""

    number: int
    translation: str
    translator: str
    machine: bool


def _read_rows(
    file: Path, code: str, sources: dict[str, SourceText]
) -> tuple[dict[str, SheetRow], list[Issue]]:
    """key -> its row, of every row with a translation."""
    display = file.name
    table, issues = read_table(file, display)
    if table is None:
        return {}, issues
    names = (KEY, DUTCH, TRANSLATION, *OPTIONAL_COLUMNS)
    columns = {name: table.column(name) for name in names}
    absent = [n for n, i in columns.items() if i is None and n not in OPTIONAL_COLUMNS]
    if absent:
        return {}, [SHEET_COLUMN_MISSING.at(display, column=n, language=code) for n in absent]
    rows: dict[str, SheetRow] = {}

    def cell(cells: list[str], name: str) -> str:
        index = columns[name]
        return cells[index].strip() if index is not None and index < len(cells) else ""

    for number, cells in table.rows:
        key, translation = cell(cells, KEY), cell(cells, TRANSLATION)
        if not translation:
            continue  # not translated yet: left for a later sheet
        place = Pos(number, 1)
        machine = cell(cells, MACHINE).lower()
        if key not in sources:
            issues.append(SHEET_KEY_UNKNOWN.at(display, place, row=number, key=key, language=code))
        elif cell(cells, DUTCH) != sources[key].dutch:
            dutch = sources[key].dutch
            issues.append(
                SHEET_DUTCH_CHANGED.at(
                    display, place, row=number, key=key, dutch=dutch, language=code
                )
            )
        elif placeholders_of(translation) != sources[key].placeholders:
            issues.append(
                TRANSLATION_PLACEHOLDERS.at(
                    display,
                    place,
                    key=key,
                    expected=shown_placeholders(sources[key].placeholders),
                    found=shown_placeholders(placeholders_of(translation)),
                )
            )
        elif key in rows:
            issues.append(
                SHEET_KEY_TWICE.at(
                    display, place, row=number, key=key, other=rows[key].number, language=code
                )
            )
        elif machine not in (YES, NO, ""):
            issues.append(
                SHEET_MACHINE_VALUE.at(display, place, row=number, value=cell(cells, MACHINE))
            )
        else:
            rows[key] = SheetRow(number, translation, cell(cells, TRANSLATOR), machine == YES)
    return rows, issues


def import_sheet(root: Path, code: str, file: Path, today: date) -> SheetResult:
    """Read the translations of ``file`` into site_config/talen/<code>.yaml: all or nothing;
    refused when a row does not fit today's texts or the file that results would not pass
    `check`'s checks of a language file."""
    nothing = ["Er is niets geschreven."]
    recovered = recover(root)
    if any(i.is_error for i in recovered):
        return SheetResult(False, recovered, nothing)
    language, issues = _language(root, code)
    if language is None or any(i.is_error for i in issues):
        return SheetResult(False, recovered + issues, nothing)
    sources = language_sources(source_texts(root)[0], language)
    rows, issues = _read_rows(file, code, sources)
    if any(i.is_error for i in issues):
        return SheetResult(False, recovered + issues, nothing)
    path = language.path
    target = root / path
    old_text = target.read_text(encoding="utf-8") if target.is_file() else ""
    entries: dict[str, Any] = {
        key: {
            TranslationEntry.key("dutch"): sources[key].dutch,
            TranslationEntry.key("translation"): row.translation,
            **({TranslationEntry.key("translator"): row.translator} if row.translator else {}),
            TranslationEntry.key("date"): today.isoformat(),
            **({TranslationEntry.key("machine"): YES} if row.machine else {}),
        }
        for key, row in sorted(rows.items())
    }
    # the whole file as it will be (merge_yaml_text keeps what it is given, with the comments)
    old_tree, _ = read_yaml_mapping(old_text, path) if old_text else (None, [])
    data: dict[str, Any] = dict(old_tree.data) if old_tree is not None else {}
    texts_key = LanguageFile.key("texts")
    old_entries = data.get(texts_key)
    data[texts_key] = {**(old_entries if isinstance(old_entries, dict) else {}), **entries}
    new_text = merge_yaml_text(old_text, data)
    # the same checks as `check`: the file as it will be, read strictly, with its placeholders
    tree, problems = read_yaml_mapping(new_text, path)
    value = None
    if tree is not None:
        value, found = validate_tree(LanguageFile, tree, path)
        problems += found
    if value is not None and tree is not None:
        key = LanguageFile.key("texts")
        positions = {k: tree.pos((key, k)) for k in value.texts}
        written = Language(code, value, positions)
        problems += [i for i in language_issues(written, sources) if i.is_error]
    if any(i.is_error for i in problems):
        return SheetResult(False, recovered + problems, nothing)
    transaction = Transaction(root, f"sop-builder vertalingen {code} --in")
    transaction.write(path, new_text)
    failed = transaction.commit()
    if failed:
        return SheetResult(False, recovered + failed, nothing)
    return SheetResult(True, recovered, [f"{len(entries)} vertalingen geschreven naar {path}."])
