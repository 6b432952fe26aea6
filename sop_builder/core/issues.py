"""Problems found in content and configuration, and the types of the message catalogue.

Every problem is a value (`Issue`): validators collect them and never stop at the first one.
Each is raised from an entry of the catalogue (`Message`, in core/catalogue/), which holds its
permanent code, severity and Dutch templates: ``ENTRY.at(path, place, **values)``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from string import Formatter
from typing import Any, NamedTuple, Protocol


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
    """A 1-based line and column in a file (`Pos`, or anything with both, such as a sentence)."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Pos(NamedTuple):
    """A 1-based line and column in a file."""

    line: int
    column: int


def template_names(template: str) -> frozenset[str]:
    """The ``{names}`` a template asks for (``{{`` and ``}}`` are plain braces)."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name is not None)


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
    text: str
    hint: str

    @cached_property
    def names(self) -> frozenset[str]:
        """The values `at` needs: every ``{name}`` of the text and the hint."""
        return template_names(self.text) | template_names(self.hint)

    def at(
        self, path: str, place: Place | None = None, /, *, field: str = "", **values: Any
    ) -> Issue:
        """The problem at ``place`` in ``path`` (line 1, column 1 without a place) in the field
        ``field`` (its key, from the model: the JSON output's ``veld``); ``values`` fill the
        templates, exactly: a missing or an extra value is a mistake in the code."""
        if values.keys() != self.names:
            missing, extra = sorted(self.names - values.keys()), sorted(values.keys() - self.names)
            raise TypeError(f"{self.code} {self.summary!r}: missing {missing}, extra {extra}")
        line, column = (place.line, place.column) if place is not None else (1, 1)
        return Issue(
            path,
            line,
            column,
            self.severity,
            self.code,
            self.text.format(**values),
            self.hint.format(**values),
            field,
        )


@dataclass(frozen=True)
class Family:
    """Codes that belong together (SOP1xx: the schema, ...), with an English title for the
    developers' message reference (docs/messages.md); ``messages`` in code order."""

    title: str
    messages: tuple[Message, ...]

    @property
    def codes(self) -> dict[str, tuple[Severity, str]]:
        """code -> (severity, summary), in the order of the catalogue."""
        return {m.code: (m.severity, m.summary) for m in self.messages}


def make_issue(
    code: str,
    path: str,
    line: int,
    column: int,
    message: str,
    hint: str = "",
    field: str = "",
) -> Issue:
    """Temporary, for core/richtext.py and core/invisible.py only (being rewritten elsewhere):
    an issue worded at the call site, through the code's catalogue entry whose templates are
    '{text}' and '{hint}'. Everything else raises its own entry (`Message.at`)."""
    from sop_builder.core.catalogue import ENTRIES  # the catalogue is made of these types

    entry = ENTRIES[code][0]
    return entry.at(path, Pos(line, column), field=field, text=message, hint=hint)


def did_you_mean(value: str, options: list[str] | tuple[str, ...]) -> str:
    """Return 'bedoelt u …?' for the closest option, or an empty string."""
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not matches:
        lowered = {o.lower(): o for o in options}
        if value.lower() in lowered:
            matches = [lowered[value.lower()]]
    return f"Bedoelt u '{matches[0]}'?" if matches else ""


def allowed_list(options: list[str] | tuple[str, ...], limit: int | None = 12) -> str:
    """Format the allowed values for a hint (all of them with ``limit`` None)."""
    if limit is None or len(options) <= limit:
        return ", ".join(options)
    return ", ".join(options[:limit]) + f" (en {len(options) - limit} meer)"


def choose_from(options: list[str] | tuple[str, ...], limit: int | None = 12) -> str:
    """'Kies uit: …' with the allowed values, the hint when no option is close enough for
    `did_you_mean`."""
    return f"Kies uit: {allowed_list(options, limit)}."
