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
