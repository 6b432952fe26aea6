"""Write changed values into an existing YAML text, keeping its comments, order and layout.

The web editor sends a whole new file; only the values that really differ are written into the
old text (ruamel.yaml round trip), so the Dutch comments of a new school folder and the layout
people chose stay as they were. Every scalar is read as text, exactly like ``yamlread.py``, so a
date, '012345' or 'no' is never turned into something else on the way.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from sop_builder.core.issues import Issue
from sop_builder.core.sourcefile import split_front_matter
from sop_builder.core.yamlread import YamlTree, closing_quote, read_yaml
from sop_builder.core.yamlwrite import quote_style, yaml_value


class _TextResolver(VersionedResolver):
    """Every plain scalar is text: no dates, numbers or booleans (as in our strict reader)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def round_trip_yaml() -> YAML:
    """A ruamel.yaml round-trip instance that reads every scalar as text."""
    yaml = YAML(typ="rt")
    yaml.Resolver = _TextResolver
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def is_empty(value: Any) -> bool:
    """Nothing filled in: None, blank text, or an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict | list):
        return all(is_empty(v) for v in (value.values() if isinstance(value, dict) else value))
    return False


def styled(text: str) -> Any:
    """``text`` as a scalar that ruamel.yaml writes the way ``core/yamlwrite.py`` writes it
    (plain only where every reader reads it back as this text)."""
    style = quote_style(text)
    if style == "'":
        return SingleQuotedScalarString(text)
    if style == '"':
        return DoubleQuotedScalarString(text)
    return text


def _new_node(value: Any) -> Any:
    """Plain data as round-trip nodes: short lists of words inline, long texts as blocks."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            if not is_empty(item):
                node[key] = _new_node(item)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_new_node(v) for v in value)
        if all(isinstance(v, str) and "\n" not in v for v in value):
            seq.fa.set_flow_style()
        return seq
    if value is None:
        return ""
    text = str(value)
    return LiteralScalarString(text.rstrip("\n") + "\n") if "\n" in text.strip() else text


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        keys = {k for k in old if not is_empty(old[k])} | {k for k in new if not is_empty(new[k])}
        return all(_same(old.get(k), new.get(k)) for k in keys)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if is_empty(old) and is_empty(new):
        return True
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() == new.strip()
    return False


def merge(old: Any, new: Any) -> Any:
    """``old`` (round-trip nodes) updated to the plain data ``new``, changing as little as can be.

    A key missing from ``new`` is removed, unless its old value was empty (a field still to be
    filled in keeps its place and its comment). A new key with an empty value is not added.
    """
    if _same(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new and not is_empty(old[k])]:
            del old[key]
        for key, value in new.items():
            if key in old:
                old[key] = merge(old[key], value)
            elif not is_empty(value):
                old[key] = _new_node(value)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        del old[len(new) :]
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = merge(old[index], value)
            else:
                old.append(_new_node(value))
        return old
    return _new_node(new)


def load(text: str) -> Any:
    """Round-trip nodes of a YAML text (every scalar text), to change and `dump` again."""
    return round_trip_yaml().load(text)


def dump(node: Any) -> str:
    out = io.StringIO()
    round_trip_yaml().dump(node, out)
    return out.getvalue()


def merge_yaml_text(old_text: str, new_data: dict[str, Any]) -> str:
    """The YAML text ``old_text`` with ``new_data``'s values written in."""
    old = round_trip_yaml().load(old_text) if old_text.strip() else None
    if not isinstance(old, CommentedMap):
        return dump(_new_node(new_data))
    return dump(merge(old, new_data))


def without_nulls(data: Any) -> Any:
    """Decap CMS writes an empty field as 'null'; in our files an empty field is just empty."""
    if isinstance(data, dict):
        return {k: without_nulls(v) for k, v in data.items()}
    if isinstance(data, list):
        return [without_nulls(v) for v in data]
    return "" if data in ("null", "~") else data


def split_document(text: str) -> tuple[str, str]:
    """Front matter text (without the '---' lines) and body of a Markdown file."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return "", text
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return "", text
    front = "\n".join(lines[1:end])
    return (front + "\n" if front else ""), "\n".join(lines[end + 1 :])


# Decap CMS's YAML writer puts a field of a block that has no value as an explicit key without
# a value ('? niveau'); in YAML that is exactly 'niveau:' (empty), which is how we write it.
_KEY_WITHOUT_VALUE = re.compile(r"^(\s*)\? ([A-Za-z_][\w-]*)[ \t]*$", re.MULTILINE)


def merge_document(
    path: str, old: str, new: str, adapt: Callable[[Any], Any] | None = None
) -> tuple[str | None, list[Issue]]:
    """The text of file ``path`` with the values of ``new`` written into ``old``.

    Markdown files keep the old front matter's comments and layout, and get the new body;
    YAML files keep their comments and layout. ``adapt`` may reshape the new data first. When
    ``new`` cannot be read, the result is None with the reader's errors.
    """
    new = _KEY_WITHOUT_VALUE.sub(r"\1\2:", new.replace("\r\n", "\n"))
    adapt = adapt or (lambda data: data)
    if path.endswith(".md"):
        source, issues = split_front_matter(new, path)
        errors = [i for i in issues if i.is_error]
        if source is None or errors:
            return None, errors
        old_front, old_body = split_document(old)
        front = merge_yaml_text(old_front, adapt(without_nulls(source.tree.data)))
        body = old_body if old_body.strip() == source.body.strip() else source.body
        return f"---\n{front}---\n{body.rstrip()}\n", []
    tree, issues = read_yaml(new, path)
    errors = [i for i in issues if i.is_error]
    if tree is None or not isinstance(tree.data, dict) or errors:
        return None, errors
    return merge_yaml_text(old, adapt(without_nulls(tree.data))), []


# --- changing a few values of a text, line by line ----------------------------------------


def _value_end(line: str, start: int) -> int | None:
    """Where the one-line value that starts at ``start`` of ``line`` ends (before a comment);
    None when it is not a one-line scalar (a block, a list or mapping in brackets, an open
    quote)."""
    if start >= len(line):
        return start
    first = line[start]
    if first in "'\"":
        end = closing_quote(line, start + 1, first)
        return end + 1 if end is not None else None
    if first == "#":
        return start  # no value, a comment
    if first in "|>[{&*!":
        return None
    comment = line.find(" #", start)
    return len(line[: comment if comment >= 0 else len(line)].rstrip())


def _continues(lines: list[str], index: int) -> bool:
    """Whether the value on line ``index`` goes on below it (a line indented further that is
    no comment): then it is not a one-line value."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    for below in lines[index + 1 :]:
        if not below.strip() or below.lstrip().startswith("#"):
            continue
        return len(below) - len(below.lstrip()) > indent
    return False


def set_scalars(text: str, tree: YamlTree, values: dict[tuple[str, ...], str]) -> str | None:
    """``text`` (whose strict reading is ``tree``: for front matter, the whole file, as the
    tree's positions are the file's lines) with the scalar at each path of ``values``
    set to its text (written as core/yamlwrite.py writes it; '' leaves the field empty), and
    every other character as it was: comments, layout, quotes. A path whose key is missing is
    added under its parent when that parent is a block or empty. None when a value is not a
    one-line scalar or its place cannot be found: then the caller writes the text another way
    (`load` and `dump`)."""
    lines = text.split("\n")  # the tree's positions are lines of this text
    added: dict[int, list[str]] = {}  # line index -> lines to put after it
    for path, value in values.items():
        pos = tree.key_pos(path)
        if pos is not None:
            index = pos.line - 1
            line = lines[index]
            colon = line.find(":", pos.column - 1 + len(path[-1]))
            if colon < 0 or _continues(lines, index):
                return None
            start = colon + 1 + (len(line[colon + 1 :]) - len(line[colon + 1 :].lstrip(" ")))
            end = _value_end(line, start)
            if end is None:
                return None
            gap, tail = line[colon + 1 : start], line[end:]
            if start == end and tail:  # an empty value with a comment behind it
                tail = gap + tail
            lines[index] = f"{line[:colon]}:{yaml_value(value)}{tail if tail.strip() else ''}"
            continue
        parent = tree.key_pos(path[:-1]) if len(path) > 1 else None
        if parent is None or len(path) != 2:
            return None
        index = parent.line - 1
        line = lines[index]
        indent = " " * (parent.column - 1 + 2)
        if line.rstrip().endswith(":") and not _continues(lines, index):
            added.setdefault(index, []).append(f"{indent}{path[-1]}:{yaml_value(value)}")
            continue
        data = tree.data.get(path[0])
        siblings = [tree.key_pos((path[0], key)) for key in data] if isinstance(data, dict) else []
        if (
            not siblings
            or None in siblings
            or any(_continues(lines, p.line - 1) for p in siblings if p is not None)
        ):
            return None
        last = max(p.line for p in siblings if p is not None)
        indent = " " * (min(p.column for p in siblings if p is not None) - 1)
        added.setdefault(last - 1, []).append(f"{indent}{path[-1]}:{yaml_value(value)}")
    for index in sorted(added, reverse=True):
        lines[index + 1 : index + 1] = added[index]
    return "\n".join(lines)
