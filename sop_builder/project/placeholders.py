"""Warn where a school still has to fill in what `nieuwe-school` could not know.

`nieuwe-school` ends the comment above such a field with the word INVULLEN; this module reports
each one at the field below it, until the school removes the word.
"""

from __future__ import annotations

import re

from sop_builder.core.catalogue.sop import EXAMPLE_EMPTY, EXAMPLE_LEFT
from sop_builder.core.issues import Issue, Pos

MARK = "INVULLEN"  # ends a comment that nieuwe-school writes above a value to fill in
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def find_placeholders(text: str, path: str, first_line: int = 1) -> list[Issue]:
    """One warning per YAML comment line that still ends with the INVULLEN mark; ``text``
    starts on line ``first_line`` of the file."""
    issues: list[Issue] = []
    lines = text.splitlines()
    # the first field at or after each line (from the end, so each line is looked at once)
    next_field: list[tuple[int, re.Match[str]] | None] = [None] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        match = _KEY.match(lines[index])
        next_field[index] = (first_line + index, match) if match else next_field[index + 1]
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not (stripped.startswith("#") and stripped.endswith(MARK)):
            continue
        number = first_line + index
        following = next_field[index + 1]
        if following is None:
            continue
        field_line, match = following
        key = match.group(1)
        place = Pos(field_line, match.start(1) + 1)
        entry = EXAMPLE_EMPTY if _empty(lines, field_line - first_line) else EXAMPLE_LEFT
        issues.append(entry.at(path, place, field=key, key=key, mark=MARK, line=number))
    return issues


_ITEM = re.compile(r"^(\s*)-\s")


def marked_places(text: str) -> frozenset[str]:
    """What of a YAML file is still under the INVULLEN mark, in one pass: each top-level key
    whose value holds a marked field (the key of the field itself, or of the block it is in:
    ``steunpunt`` when the mark is above ``steunpunt`` or above its ``naam``), and each item of
    a top-level list that holds one, as ``key[index]`` (``stappen[1]``: the second step; a mark
    above ``- naam`` belongs to the item that starts there)."""
    if MARK not in text:
        return frozenset()
    found: set[str] = set()
    top: str | None = None  # the top-level key of the block at each line, from the start
    indent: int | None = None  # the indentation of the items of the current top-level list
    index = -1  # the item of that list at each line (-1: none yet)
    pending = False  # a mark seen, its field not yet
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            pending = pending or stripped.endswith(MARK)
            continue
        match = _TOP_KEY.match(line)
        if match:
            top, indent, index = match.group(1), None, -1
        item = _ITEM.match(line)
        if item and top is not None and (indent is None or len(item.group(1)) == indent):
            indent, index = len(item.group(1)), index + 1
        if pending and _KEY.match(line) and top is not None:
            found.add(top)
            if index >= 0 and not match:
                found.add(f"{top}[{index}]")
            pending = False
    return frozenset(found)


def marked_list_items(text: str) -> frozenset[str]:
    """The list items of `marked_places` (``key[index]``)."""
    return frozenset(p for p in marked_places(text) if "[" in p)


def unmark(text: str, key: str) -> str:
    """``text`` without the INVULLEN mark above the top-level ``key``: only that word goes, the
    rest of the comment stays (a command that fills the value in, as `import-norm --doel`)."""
    lines = text.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", line)), None)
    index = (at if at is not None else 0) - 1
    while index >= 0 and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
        line = lines[index]
        body = line.rstrip("\r\n")
        if body.rstrip().endswith(MARK):
            kept = body.rstrip()[: -len(MARK)].rstrip()
            lines[index] = kept + line[len(body) :]
        index -= 1
    return "".join(lines)


def _empty(lines: list[str], index: int) -> bool:
    """Whether the field on line ``index`` has no value: nothing after its colon, and no
    block under it (lines indented further, or a list)."""
    line = lines[index]
    value = line.split(":", 1)[1].split(" #", 1)[0].strip() if ":" in line else ""
    if value:
        return False
    indent = len(line) - len(line.lstrip())
    for below in lines[index + 1 :]:
        stripped = below.strip()
        if not stripped or stripped.startswith("#"):
            continue
        deeper = len(below) - len(below.lstrip()) > indent
        return not (deeper or stripped.startswith("- "))
    return True
