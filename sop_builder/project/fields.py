"""The Dutch title and explanation of every field people type, read from the models.

Each field's ``title`` and ``description`` are on its pydantic ``Field`` (``model.py``,
``offer/model.py``, ``evaluation/model.py``, ...): the words for any SWV. Where the SWV's own words
belong (its grouping label, its contact role, its codes and scores), the field also carries a
template (``core.fieldmeta.swv_words``), filled in here from the loaded configuration.

From these the JSON Schema (``schema_export.py``, and through it the web editor's forms), the
comments of a new school folder (``authoring/new_school.py``) and the field reference
``docs/velden.md`` (``python -m tests.fields_doc``) are made.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sop_builder.core.fieldmeta import SWV_DESCRIPTION, SWV_TITLE, choice_source, schema_extra
from sop_builder.project.model import SiteConfig

# The names a template of swv_words may use, and what each stands for.
SWV_WORDS = {
    "grouping": "the SWV's name for a group of schools (swv.yaml groepering.label), e.g. kern",
    "Grouping": "the same, with a capital: Kern",
    "role": "the usual contact role (teksten.yaml contactrol.standaard)",
    "score_example": "a score as a school writes it, with the norm's first code: BO-01: ja",
    "score_codes": "the scores a school may give: ja, deels of nee",
}


def swv_words_for(config: SiteConfig) -> dict[str, str]:
    """The values of ``SWV_WORDS`` for the SWV of ``config``."""
    label = config.swv.grouping.label
    norm = config.norm
    return {
        "grouping": label,
        "Grouping": label.capitalize(),
        "role": config.texts.contact_role.default,
        "score_example": f"{norm.agreements[0].id}: {norm.usable_levels()[0].code}",
        "score_codes": norm.hint_codes(),
    }


def own_words(extra: dict[str, Any], config: SiteConfig | None) -> tuple[str | None, str | None]:
    """The title and description templates of ``extra`` (a field's ``json_schema_extra``)
    filled in for ``config``; (None, None) without a configuration or templates."""
    title, description = extra.get(SWV_TITLE), extra.get(SWV_DESCRIPTION)
    if config is None or (title is None and description is None):
        return None, None
    words = swv_words_for(config)
    return (
        title.format(**words) if isinstance(title, str) else None,
        description.format(**words) if isinstance(description, str) else None,
    )


def model_field(model: type[BaseModel], key: str) -> FieldInfo | None:
    """The field of ``model`` that people write as ``key``."""
    return next((f for n, f in model.model_fields.items() if (f.alias or n) == key), None)


def field_doc(
    model: type[BaseModel], key: str, config: SiteConfig | None = None
) -> tuple[str, str] | None:
    """The (title, explanation) of ``key`` in ``model``; with ``config`` in the SWV's own
    words where the field has them. None when ``model`` has no such field or it is not
    documented."""
    found = model_field(model, key)
    if found is None or not found.title or not found.description:
        return None
    title, description = own_words(schema_extra(found), config)
    return title or found.title, description or found.description


@dataclass(frozen=True)
class DocumentedField:
    """One field of a file as the field reference shows it."""

    path: str  # e.g. 'adres.straat' or 'contactpersonen[].rol'
    model: type[BaseModel]
    key: str
    field: FieldInfo

    @property
    def required(self) -> bool:
        return self.field.is_required()

    @property
    def choices(self) -> str | None:
        return choice_source(self.field)


def nested_models(annotation: Any) -> list[tuple[type[BaseModel], str]]:
    """The models inside a field's type, each with how its fields are reached: '.' for a
    block, '[].' for the items of a list, '.*.' for the values of a mapping."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, ".")]
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return nested_models(args[0])
    if origin in (list, tuple, set):
        return [(m, "[]" + way) for arg in args for m, way in nested_models(arg)]
    if origin is dict and len(args) == 2:
        return [(m, ".*" + way) for m, way in nested_models(args[1])]
    if origin in (typing.Union, types.UnionType):
        return [found for arg in args for found in nested_models(arg)]
    return []


def walk(model: type[BaseModel], prefix: str = "") -> Iterator[DocumentedField]:
    """Every field of ``model`` and of the models inside it, depth first, in field order."""
    for name, field in model.model_fields.items():
        key = field.alias or name
        path = f"{prefix}{key}"
        yield DocumentedField(path, model, key, field)
        for inner, way in nested_models(field.annotation):
            yield from walk(inner, path + way)


def undocumented(models: list[type[BaseModel]]) -> list[str]:
    """'Model.key' of every field of ``models`` (and the models inside them) without a Dutch
    title or description."""
    return sorted(
        {
            f"{found.model.__name__}.{found.key}"
            for model in models
            for found in walk(model)
            if not (found.field.title or "").strip() or not (found.field.description or "").strip()
        }
    )
