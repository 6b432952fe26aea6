"""Write a text as a YAML value that reads back as exactly that text.

One rule for every command that writes YAML (`nieuwe-school`, `nieuw-swv`, `import-scholen`,
`import-norm`, the round-trip updates of `core/roundtrip.py`): a value is written plain only when
no reader can take it for anything else (our strict reader, ruamel.yaml, PyYAML's YAML 1.1 and
the web editor's js-yaml); otherwise it is quoted. Real school names need it: `'t Kienholt`,
`’t Kompas`, `` `t Loont ``, `Basisschool "Kla4"`, `het P@rk`, `#1`, a name ending in a space.
"""

from __future__ import annotations

import re

# Words that YAML 1.1 or 1.2 readers turn into booleans or nothing (compared case-insensitively).
RESERVED = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"})
# Texts a reader may take for a number, a date or a time: 012345, 1.10, 12:30, 2025-01-01,
# 1e3, 0x1F, 1_000. (A vestigingscode such as 12AB00 or a postcode such as 1234 AB is not.)
NUMBER_LIKE = re.compile(r"[0-9][0-9_.,:eE+-]*|0[xXoObB][0-9a-fA-F_]+")
# Python's printable characters are what a YAML reader takes as they are: no control or
# format characters, no line or paragraph separators (U+0085, U+2028, U+2029), no byte order
# mark, and no space but the plain one.


def is_plain(text: str) -> bool:
    """Whether ``text`` may be written without quotes and read back unchanged everywhere."""
    return (
        bool(text)
        and text == text.strip()
        and text[0].isalnum()
        and text.isprintable()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.casefold() not in RESERVED
        and not NUMBER_LIKE.fullmatch(text)
    )


def quote_style(text: str) -> str:
    """'' (plain), "'" or '"': how ``text`` is written. Single quotes only where they read
    better (a text with a double quote and nothing to escape)."""
    if is_plain(text):
        return ""
    if '"' in text and "\\" not in text and text.isprintable():
        return "'"
    return '"'


def _escaped(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if char.isprintable():
        return char
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def yaml_text(text: str) -> str:
    """``text`` as a YAML value: plain, 'single-quoted' or "double-quoted"."""
    style = quote_style(text)
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if style == '"':
        return '"' + "".join(_escaped(c) for c in text) + '"'
    return text


def yaml_value(text: str | None) -> str:
    """A value after 'key:': the quoted text, or nothing for an empty field ('key:')."""
    return f" {yaml_text(text)}" if text else ""
