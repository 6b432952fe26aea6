"""Warn where a school still has to fill in what `new-school` could not know.

`new-school` ends the comment above such a field with the word INVULLEN; this module reports
each one at the field below it, until the school removes the word.
"""

from __future__ import annotations

import re
from pathlib import Path

from sop_builder.core.issues import Issue, make_issue

MARK = "INVULLEN"  # ends a comment that new-school writes above a value to fill in
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")


def find_placeholders(text: str, path: str) -> list[Issue]:
    """One warning per YAML comment line that still ends with the INVULLEN mark."""
    issues: list[Issue] = []
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not (stripped.startswith("#") and stripped.endswith(MARK)):
            continue
        following = next(
            (
                (n, m)
                for n, candidate in enumerate(lines[number:], start=number + 1)
                if (m := _KEY.match(candidate))
            ),
            None,
        )
        if following is None:
            continue
        field_line, match = following
        key = match.group(1)
        issues.append(
            make_issue(
                "SOP411",
                path,
                field_line,
                match.start(1) + 1,
                f"Het veld '{key}' is nog niet ingevuld: er staat nog een voorbeeld.",
                f"Vul de juiste waarde in en haal daarna het woord {MARK} weg uit regel {number}.",
                key,
            )
        )
    return issues


def school_placeholders(folder: Path, rel: str) -> list[Issue]:
    """Placeholders in the front matter of sop.md and in the self-assessments of one school."""
    issues: list[Issue] = []
    for file in sorted(folder.glob("*")):
        if file.suffix not in (".md", ".yaml") or not file.is_file():
            continue
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the reader
        if MARK not in text:
            continue
        if file.suffix == ".md":
            parts = text.split("\n---", 1)
            text = parts[0] if len(parts) == 2 else ""
        issues += find_placeholders(text, f"{rel}/{file.name}")
    return issues
