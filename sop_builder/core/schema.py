"""Validate a YAML tree against a schema and turn every error into a located Dutch issue."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sop_builder.core.catalogue.schema import (
    IN_FIELD,
    INVALID_VALUE,
    MISSING_FIELD,
    NOT_ALLOWED,
    NOTHING_FILLED_IN,
    UNKNOWN_FIELD,
    UNKNOWN_FIELD_NONE_HERE,
    UNKNOWN_FIELD_TYPO,
    WRONG_KIND,
)
from sop_builder.core.issues import Issue, Message, allowed_list, choose_from, did_you_mean
from sop_builder.core.sourcefile import read_yaml_file
from sop_builder.core.yamlread import YamlTree

M = TypeVar("M", bound=BaseModel)

_KIND = {
    "list_type": "een lijst (regels die beginnen met '- ')",
    "dict_type": "een blok met velden ('naam: waarde')",
    "model_type": "een blok met velden ('naam: waarde')",
    "model_attributes_type": "een blok met velden ('naam: waarde')",
    "string_type": "tekst",
}


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated/Optional/list so that the model class (if any) remains."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The schema class that holds the value at ``loc`` (for listing allowed keys)."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(step, int):
            args = typing.get_args(current)
            current = args[0] if args else None
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        found = next((f for f in current.model_fields.values() if f.alias == step), None)
        if found is None:
            return None
        current = found.annotation
    current = _unwrap(current)
    if typing.get_origin(current) is list:
        current = _unwrap(typing.get_args(current)[0])
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys (aliases) a schema accepts."""
    return [f.alias or name for name, f in model.model_fields.items()]


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for step in loc:
        out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def describe(loc: tuple[Any, ...]) -> str:
    """A field's place in words: "'email' (in contactpersonen nr. 1)"."""
    if not loc:
        return "het bestand"
    *parents, last = loc
    if isinstance(last, int) and parents:
        *parents, owner = parents
        head = f"'{owner}' nr. {last + 1}"
    else:
        head = f"'{last}'"
    parts: list[str] = []
    for step in parents:
        if isinstance(step, int) and parts:
            parts[-1] += f" nr. {step + 1}"
        else:
            parts.append(str(step))
    return head + (f" (in {', '.join(parts)})" if parts else "")


def _literal_values(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Allowed values of a Literal field (or of the items of a list of them), with their labels
    when the schema gives them."""
    while loc and isinstance(loc[-1], int):  # an item of a list: the list's field
        loc = loc[:-1]
    parent = _model_at(model, loc[:-1]) if loc else None
    if parent is None:
        return []
    found = next((f for f in parent.model_fields.values() if f.alias == loc[-1]), None)
    if found is None:
        return []
    extra = found.json_schema_extra if isinstance(found.json_schema_extra, dict) else {}
    given = extra.get("x-labels")  # the models' Field(json_schema_extra={"x-labels": {...}})
    labels = {str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {}
    annotation = _unwrap(found.annotation)
    if typing.get_origin(annotation) is list:
        annotation = _unwrap(typing.get_args(annotation)[0])
    args = [str(a) for a in typing.get_args(annotation)]
    return [f"{a} ({labels[a]})" if a in labels else a for a in args]


def translate(
    error: Mapping[str, Any],
    model: type[BaseModel],
    tree: YamlTree,
    path: str,
    prefix: tuple[Any, ...] = (),
) -> Issue:
    """One pydantic error as an Issue at the right place."""
    loc = tuple(error["loc"])
    full = (*prefix, *loc)
    kind = error["type"]
    name = _dotted(full)
    where = describe(full)
    if kind == "missing":
        pos = tree.pos(full[:-1]) if full[:-1] else tree.pos(())
        return MISSING_FIELD.at(path, pos, field=name, where=where, key=full[-1])
    if kind == "extra_forbidden":
        pos = tree.key_pos(full) or tree.pos(full)
        parent = _model_at(model, loc[:-1])
        options = field_names(parent) if parent else []
        key = full[-1]
        suggestion = did_you_mean(str(key), options)
        if suggestion:
            return UNKNOWN_FIELD_TYPO.at(path, pos, field=name, key=key, suggestion=suggestion)
        if options:
            return UNKNOWN_FIELD.at(path, pos, field=name, key=key, allowed=allowed_list(options))
        return UNKNOWN_FIELD_NONE_HERE.at(path, pos, field=name, key=key)
    pos = tree.value_pos(full)
    if kind in _KIND:
        return WRONG_KIND.at(path, pos, field=name, where=where, kind=_KIND[kind])
    if kind == "literal_error":
        values = _literal_values(model, loc)
        given = error.get("input")
        codes = [v.split(" ")[0] for v in values]
        hint = did_you_mean(str(given), codes) or choose_from(values)
        return NOT_ALLOWED.at(path, pos, field=name, value=given, where=where, suggestion=hint)
    if kind in ("too_short", "too_long"):
        return NOTHING_FILLED_IN.at(path, pos, field=name, where=where)
    context = error.get("ctx") or {}
    message = context.get("message")
    if isinstance(message, Message):  # a field type's refusal (core/fieldtypes.py)
        issue = message.at(path, pos, field=name, **context["values"])
        text = f"{issue.message[:1].lower()}{issue.message[1:]}"
        return replace(issue, message=IN_FIELD.format(where=where, text=text))
    return INVALID_VALUE.at(  # pragma: no cover - safety net
        path, pos, field=name, where=where, detail=str(error.get("msg", ""))
    )


def _near_misses(errors: Sequence[Mapping[str, Any]]) -> set[tuple[Any, ...]]:
    """Missing fields for which an unknown key nearby looks like a typo of that field."""
    unknown: dict[tuple[Any, ...], list[str]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            unknown.setdefault(loc[:-1], []).append(str(loc[-1]))
    skip = set()
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and any(
            did_you_mean(key, [str(loc[-1])]) for key in unknown.get(loc[:-1], [])
        ):
            skip.add(loc)
    return skip


def validate_tree(
    model: type[BaseModel],
    tree: YamlTree,
    path: str,
    data: Any = None,
    prefix: tuple[Any, ...] = (),
) -> tuple[Any, list[Issue]]:
    """Validate ``data`` (default: the whole tree) against ``model``; return model or issues.

    A missing field is not reported when an unknown key beside it is a typo of it: the
    'bedoelt u …?' of the unknown key already says what to do.
    """
    try:
        return model.model_validate(tree.data if data is None else data), []
    except ValidationError as exc:
        errors = exc.errors()
        skip = _near_misses(errors)
        issues = [
            translate(e, model, tree, path, prefix)
            for e in errors
            if not (e["type"] == "missing" and tuple(e["loc"]) in skip)
        ]
        return None, issues


def read_model(
    file: Path, display: str, model: type[M]
) -> tuple[M | None, YamlTree | None, list[Issue]]:
    """Read a YAML file strictly and validate it against ``model``: the value (None when the
    schema refuses it), the tree (None when the file cannot be read) and every problem."""
    tree, issues = read_yaml_file(file, display)
    if tree is None:
        return None, None, issues
    value, found = validate_tree(model, tree, display)
    return value, tree, issues + found
