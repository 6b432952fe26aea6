"""Problems found in content and configuration, and the Dutch message catalogue.

Every problem is a value: validators collect them and never stop at the first one.
Codes are permanent: once published, a code keeps its meaning.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


class Severity(StrEnum):
    """How bad a problem is."""

    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True)
class Issue:
    """One problem at one place in one file."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""
    field: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class Place(Protocol):
    """A 1-based line and column in a file (such as `core.yamlread.Pos`)."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


@dataclass(frozen=True)
class Message:
    """One entry of the catalogue: a permanent code, its severity, an English summary for the
    developers' reference (docs/messages.md), and the Dutch text and hint as templates whose
    ``{names}`` are filled in where the problem is found (`at`).

    A code may have more than one `Message` (the same problem, worded for another place); they
    share the code, the severity and the summary (`tests/test_issues.py` checks it).
    """

    code: str
    severity: Severity
    summary: str
    text: str = "{text}"
    hint: str = "{hint}"
    field: str = ""

    def at(
        self, path: str, place: Place | None = None, /, *, field: str | None = None, **values: Any
    ) -> Issue:
        """The problem at ``place`` in ``path`` (line 1, column 1 without a place)."""
        line, column = (place.line, place.column) if place is not None else (1, 1)
        return Issue(
            path,
            line,
            column,
            self.severity,
            self.code,
            self.text.format(**values),
            self.hint.format(**values) if self.hint else "",
            self.field if field is None else field,
        )


@dataclass(frozen=True)
class Family:
    """Codes that belong together (SOP1xx: the schema, ...), with an English title for the
    developers' message reference (docs/messages.md)."""

    title: str
    messages: tuple[Message, ...]

    @property
    def codes(self) -> dict[str, tuple[Severity, str]]:
        """code -> (severity, summary), in the order of the catalogue."""
        return {m.code: (m.severity, m.summary) for m in self.messages}


def family(title: str, codes: dict[str, tuple[Severity, str]]) -> Family:
    """A family written as code -> (severity, summary); the text is given where it is raised."""
    return Family(title, tuple(Message(c, s, summary) for c, (s, summary) in codes.items()))


def make_issue(
    code: str,
    path: str,
    line: int,
    column: int,
    message: str,
    hint: str = "",
    field: str = "",
) -> Issue:
    """Create an issue with the catalogue's severity for ``code``."""
    from sop_builder.core.catalogue import CATALOGUE  # the catalogue is made of these types

    severity = CATALOGUE[code][0]
    return Issue(path, line, column, severity, code, message, hint, field)


def issue_at(
    code: str, path: str, place: Place, message: str, hint: str = "", field: str = ""
) -> Issue:
    """`make_issue` at ``place``."""
    return make_issue(code, path, place.line, place.column, message, hint, field)


def did_you_mean(value: str, options: list[str] | tuple[str, ...]) -> str:
    """Return 'bedoelt u …?' for the closest option, or an empty string."""
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not matches:
        lowered = {o.lower(): o for o in options}
        if value.lower() in lowered:
            matches = [lowered[value.lower()]]
    return f"Bedoelt u '{matches[0]}'?" if matches else ""


def allowed_list(options: list[str] | tuple[str, ...], limit: int = 12) -> str:
    """Format the allowed values for a hint."""
    shown = ", ".join(options[:limit])
    return shown + (f" (en {len(options) - limit} meer)" if len(options) > limit else "")
