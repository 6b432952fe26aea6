"""Read and write simple tables: CSV (comma or semicolon) and XLSX (first sheet).

Every cell is read as text, as written: numbers from XLSX become '12', never '12.0'.
Problems are values (the table entries of core/catalogue/imports.py), never exceptions.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sop_builder.core.atomic import write_atomic, write_bytes_atomic
from sop_builder.core.catalogue.imports import (
    TABLE_BAD_CSV_LINE,
    TABLE_BAD_XLSX,
    TABLE_CANNOT_READ,
    TABLE_EMPTY,
    TABLE_NOT_UTF8,
    TABLE_NOT_UTF8_OR_WINDOWS,
    TABLE_OLD_XLS,
    TABLE_TOO_LARGE,
)
from sop_builder.core.issues import Issue

MAX_BYTES = 50_000_000
# A cell starting with one of these is a formula in a spreadsheet program; the CSV export
# prefixes it with an apostrophe, and reading takes that apostrophe off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    """A header and rows of text cells; ``rows`` holds (row number in the file, cells)."""

    header: list[str]
    rows: list[tuple[int, list[str]]]

    def column(self, name: str) -> int | None:
        """Index of a column, found case-insensitively and ignoring spaces around the name."""
        wanted = name.strip().lower()
        return next((i for i, h in enumerate(self.header) if h.strip().lower() == wanted), None)


def column_key(name: str) -> str:
    """A column name as compared loosely: 'BEVOEGD GEZAG NUMMER', 'bevoegd_gezag_nummer' and
    'Bevoegd-gezag nummer' are all 'bevoegdgezagnummer' (case, accents, spaces, underscores,
    hyphens and other marks do not count)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9a-z]", "", plain.lower())


def find_columns(header: list[str], names: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """field -> index of the first column whose loose name (`column_key`) is one of the
    field's names (in the order given: the current name first, older ones after it)."""
    keys = [column_key(h) for h in header]
    found: dict[str, int] = {}
    for field, options in names.items():
        for option in options:
            wanted = column_key(option)
            if wanted in keys:
                found[field] = keys.index(wanted)
                break
    return found


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _unprotect(text: str) -> str:
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_START:
        return text[1:]
    return text


def _read_csv(
    data: bytes, display: str, delimiter: str | None, windows: bool = False
) -> tuple[Table | None, list[Issue]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if not windows:
            return None, [TABLE_NOT_UTF8.at(display)]
        try:  # DUO publishes some years in Windows-1252
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None, [TABLE_NOT_UTF8_OR_WINDOWS.at(display)]
    first = text.split("\n", 1)[0]
    sep = delimiter or (";" if first.count(";") >= first.count(",") else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        lines = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        return None, [TABLE_BAD_CSV_LINE.at(display, line=reader.line_num, detail=exc)]
    return _to_table(lines, display, lambda cells: [_unprotect(c) for c in cells])


def _read_xlsx(data: bytes, display: str) -> tuple[Table | None, list[Issue]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return None, [TABLE_BAD_XLSX.at(display, detail=exc)]
    try:
        sheet = book.worksheets[0]
        lines = [
            (number, [_cell_text(v) for v in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return _to_table(lines, display, lambda cells: cells)


def _to_table(
    lines: list[tuple[int, list[str]]],
    display: str,
    clean: Callable[[list[str]], list[str]],
) -> tuple[Table | None, list[Issue]]:
    lines = [(n, clean(cells)) for n, cells in lines if any(c.strip() for c in cells)]
    if not lines:
        return None, [TABLE_EMPTY.at(display)]
    (_, header), rows = lines[0], lines[1:]
    width = len(header)
    return Table(
        [h.strip().lstrip("\ufeff") for h in header],
        [(n, [*cells, *[""] * (width - len(cells))]) for n, cells in rows],
    ), []


def read_table(
    file: Path, display: str, delimiter: str | None = None, windows: bool = False
) -> tuple[Table | None, list[Issue]]:
    """Read a CSV or XLSX file (by its extension, or by its content); with ``windows`` a CSV
    file that is not UTF-8 is read as Windows-1252 (as DUO publishes some of its files)."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // 1_000_000
            return None, [TABLE_TOO_LARGE.at(display, size=size // 1_000_000, limit=limit)]
        data = file.read_bytes()
    except OSError as exc:
        return None, [TABLE_CANNOT_READ.at(display, reason=exc.strerror)]
    if file.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, display)
    if file.suffix.lower() == ".xls" or data[:4] == b"\xd0\xcf\x11\xe0":
        return None, [TABLE_OLD_XLS.at(display)]
    return _read_csv(data, display, delimiter, windows)


def _protect(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(file: Path, header: list[str], rows: list[list[str]]) -> None:
    """Semicolon-separated UTF-8 with BOM, as Dutch Excel opens it; formulas are defused."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_protect(c) for c in row] for row in rows])
    write_atomic(file, "\ufeff" + out.getvalue())


def write_xlsx(
    file: Path, sheets: Mapping[str, tuple[list[str], Sequence[Sequence[object]]]]
) -> None:
    """One sheet per entry; text cells stay text (never evaluated as a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.worksheets[0])  # the one empty sheet a new workbook starts with
    for title, (header, rows) in sheets.items():
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
    # A fixed creation time keeps the file the same for the same data.
    book.properties.created = book.properties.modified = datetime(2000, 1, 1)
    data = io.BytesIO()
    book.save(data)
    write_bytes_atomic(file, data.getvalue())
