"""What a schema field declares besides its type, its Dutch title and its description.

A field's Dutch ``title`` and ``description`` are arguments of its pydantic ``Field``. Two more
things are declared there, in ``json_schema_extra``, and read back through this module:

- ``choices(source)``: the field's values come from a list the project keeps (``kernen``,
  ``behoeften``, ``doelgroepen``, ...). The JSON Schema turns the source into an enum
  (``project/schema_export.py``) and the offer's cross-checks check it (``project/offer/load.py``).
- ``swv_words(title=..., description=...)``: a template of the title or description in the SWV's
  own words (its grouping label, contact role, codes and scores), filled in from the loaded
  configuration by ``project/fields.py``. The plain ``title`` and ``description`` stay the
  words for any SWV.

Both keys are taken out of the JSON Schema before it is written. Two more marks:

- ``several_lines()``: a plain text that often runs to more than one line (a sentence or two,
  such as "waar het stopt"). It stays in the JSON Schema as ``x-multiline`` (an annotation for
  editors, like ``x-body``): the web editor gives such a field a text box of several lines.
- ``folded()``: an optional block most people leave empty (a school's own translations): the
  web editor shows it folded. Kept in the JSON Schema as ``x-folded``.
- ``saved_on()``: the field holds the date of the last change (``bijgewerkt``); the web editor
  sets it to the date of a save that changes the file. Taken out of the JSON Schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, JsonValue
from pydantic.fields import FieldInfo

CHOICES = "x-choices"
SWV_TITLE = "x-swv-title"
SWV_DESCRIPTION = "x-swv-description"
SAVED_ON = "x-saved-on"
OWN_KEYS = (CHOICES, SWV_TITLE, SWV_DESCRIPTION, SAVED_ON)
MULTILINE = "x-multiline"  # kept in the JSON Schema
FOLDED = "x-folded"  # kept in the JSON Schema


def choices(source: str) -> dict[str, JsonValue]:
    """``json_schema_extra`` of a field whose values come from the list ``source``."""
    return {CHOICES: source}


def swv_words(*, title: str | None = None, description: str | None = None) -> dict[str, JsonValue]:
    """``json_schema_extra`` of a field whose title or description is said in the SWV's own
    words: ``str.format`` templates with the names of ``project.fields.SWV_WORDS``."""
    found: dict[str, JsonValue] = {}
    if title is not None:
        found[SWV_TITLE] = title
    if description is not None:
        found[SWV_DESCRIPTION] = description
    return found


def several_lines() -> dict[str, JsonValue]:
    """``json_schema_extra`` of a plain text that is often longer than one line."""
    return {MULTILINE: True}


def folded() -> dict[str, JsonValue]:
    """``json_schema_extra`` of an optional block that the web editor shows folded."""
    return {FOLDED: True}


def saved_on() -> dict[str, JsonValue]:
    """``json_schema_extra`` of the field that holds the date of the file's last change."""
    return {SAVED_ON: True}


def schema_extra(field: FieldInfo) -> dict[str, Any]:
    """The ``json_schema_extra`` mapping of ``field`` (empty when it has none)."""
    extra = field.json_schema_extra
    return dict(extra) if isinstance(extra, dict) else {}


def choice_source(field: FieldInfo) -> str | None:
    """The list the values of ``field`` come from, if it declares one."""
    source = schema_extra(field).get(CHOICES)
    return source if isinstance(source, str) else None


def choice_fields(model: type[BaseModel]) -> list[tuple[str, str]]:
    """(key, list) of every field of ``model`` whose values come from a list, in field order."""
    found = []
    for name, field in model.model_fields.items():
        source = choice_source(field)
        if source is not None:
            found.append((field.alias or name, source))
    return found


def saved_on_key(model: type[BaseModel]) -> str | None:
    """The key of the field of ``model`` that holds the date of the last change, if any."""
    for name, field in model.model_fields.items():
        if schema_extra(field).get(SAVED_ON):
            return field.alias or name
    return None
