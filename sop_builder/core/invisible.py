"""Characters that a person cannot see, in text that may be published.

- Control characters (other than tab and newline), and the Unicode line and paragraph
  separators: errors. Nobody types them on purpose; they break feeds and HTML, and PyYAML reads
  some of them as line breaks, which would change the value without a word.
- Characters that change the reading direction (U+202A-U+202E, U+2066-U+2069): errors. They make
  the page show the text in another order than the file has it ('Trojan Source'), so what is
  checked and what is shown would differ.
- Zero-width characters and direction marks (U+200B-U+200F, U+2060, U+FEFF, U+061C): warnings.
  They come along when text is copied from a website or Word, do not change what a reader sees,
  and are published as written; but they split words for search, so the school is told where
  they are.

Every problem names its line and column. In Markdown text, character references such as
``&#x202E;`` are looked at too, because the browser turns them into the character.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from sop_builder.core.catalogue.published_text import (
    CONTROL_CHARACTER,
    READING_DIRECTION,
    ZERO_WIDTH,
)
from sop_builder.core.issues import Issue, Pos

_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b-\u200f\u2060\ufeff\u061c"
# YAML: PyYAML already refuses the C0 and C1 controls, except these (it reads them as breaks).
_YAML_CONTROL = "\x85\u2028\u2029"
ANY = re.compile(f"[{_CONTROL}{_BIDI}{_ZERO_WIDTH}]")
_IN_YAML = re.compile(f"[{_YAML_CONTROL}{_BIDI}{_ZERO_WIDTH}]")
_IS_BIDI = re.compile(f"[{_BIDI}]")
_IS_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH}]")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")

_NAMES = {
    "\u200b": "een spatie zonder breedte",
    "\u200c": "een onzichtbaar scheidingsteken",
    "\u200d": "een onzichtbaar verbindingsteken",
    "\u200e": "een onzichtbaar richtingsteken",
    "\u200f": "een onzichtbaar richtingsteken",
    "\u061c": "een onzichtbaar richtingsteken",
    "\u2060": "een onzichtbare woordverbinder",
    "\ufeff": "een onzichtbare harde spatie",
}


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def invisible_issue(char: str, path: str, line: int, column: int, where: str = "") -> Issue:
    """The error or warning for one invisible character at ``line``:``column``."""
    place, at = f"Op deze plek{where}", Pos(line, column)
    if _IS_BIDI.match(char):
        return READING_DIRECTION.at(path, at, place=place, code=_code(char))
    if _IS_ZERO_WIDTH.match(char):
        name = _NAMES.get(char, "een onzichtbaar teken")
        return ZERO_WIDTH.at(path, at, place=place, name=name, code=_code(char))
    name = unicodedata.name(char, "").lower()
    return CONTROL_CHARACTER.at(
        path, at, place=place, code=_code(char), name=f", {name}" if name else ""
    )


def _found(text: str, pattern: re.Pattern[str], references: bool) -> Iterator[tuple[int, int, str]]:
    """(0-based line, 0-based column, character) of each first find on a line."""
    for number, line in enumerate(text.split("\n")):
        hits = [(m.start(), m.group(0)) for m in pattern.finditer(line)]
        if references:
            for match in _REFERENCE.finditer(line):
                decoded = html.unescape(match.group(0))
                if len(decoded) == 1 and ANY.match(decoded):
                    hits.append((match.start(), decoded))
        seen: set[str] = set()
        for column, char in sorted(hits):
            kind = "bidi" if _IS_BIDI.match(char) else char
            if kind not in seen:
                seen.add(kind)
                yield number, column, char


def invisible_in_markdown(text: str, path: str, first_line: int) -> list[Issue]:
    """Every invisible character in a Markdown text (its first line is ``first_line``)."""
    return [
        invisible_issue(char, path, first_line + number, column + 1)
        for number, column, char in _found(text, ANY, references=True)
    ]


def invisible_in_yaml(text: str, path: str, first_line: int = 1) -> list[Issue]:
    """Every invisible character in YAML text that PyYAML does not refuse itself."""
    return [
        invisible_issue(char, path, first_line + number, column + 1)
        for number, column, char in _found(text, _IN_YAML, references=False)
    ]


def invisible_in_values(data: Any, source: str, position: Any, path: str) -> list[Issue]:
    """Invisible characters that YAML escapes such as "\\u202e" put into a value, where the
    text of the file does not have them itself. ``position(path)`` gives a value's
    (line, column)."""
    issues: list[Issue] = []
    written = set(ANY.findall(source))  # the characters the text has as themselves
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*where, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [((*where, i), v) for i, v in enumerate(value)]
        elif (
            isinstance(value, str)
            and (match := ANY.search(value))
            and match.group(0) not in written
        ):
            line, column = position(where)
            issues.append(invisible_issue(match.group(0), path, line, column, " (als \\-code)"))
    return issues
