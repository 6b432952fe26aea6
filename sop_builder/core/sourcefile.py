"""Reading files from disk as text, and splitting Markdown front matter.

Handles the encodings people produce (UTF-8 with or without BOM, CRLF line ends) and says clearly
when a file is binary, empty, too large or saved in Windows-1252 by Word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from sop_builder.core.catalogue.reading import (
    BINARY,
    CANNOT_READ,
    EMPTY,
    FILE_NOT_A_MAPPING,
    FRONT_EMPTY,
    FRONT_NOT_A_MAPPING,
    FRONT_NOT_CLOSED,
    FRONT_NOT_ON_LINE_1,
    NO_FRONT_MATTER,
    NOT_UTF8,
    NOT_UTF8_WINDOWS,
    TOO_LARGE,
)
from sop_builder.core.invisible import invisible_in_markdown, invisible_in_values, invisible_in_yaml
from sop_builder.core.issues import Issue, Message, Pos
from sop_builder.core.text import dutch_number
from sop_builder.core.yamlread import YamlTree, read_yaml

MAX_BYTES = 1_000_000
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file split into its front matter tree and its body."""

    path: str
    tree: YamlTree
    body: str
    body_line: int  # 1-based line of the first body line
    front_text: str = ""  # the YAML between the '---' lines (from ``front_line`` onwards)
    front_line: ClassVar[int] = 2  # the front matter starts under the opening '---'


def _line_col(data: bytes, offset: int) -> Pos:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return Pos(line, column)


def decode(data: bytes, path: str) -> tuple[str | None, list[Issue]]:
    """Turn raw bytes into text with LF line ends, or report why that is not possible."""
    if len(data) > MAX_BYTES:
        return None, [
            TOO_LARGE.at(path, size=dutch_number(len(data)), limit=dutch_number(MAX_BYTES))
        ]
    if data.startswith(BOM):
        data = data[len(BOM) :]
    if not data.strip():
        return None, [EMPTY.at(path)]
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, [BINARY.at(path, _line_col(data, nul))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        place = _line_col(data, exc.start)
        message: Message = NOT_UTF8_WINDOWS
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            message = NOT_UTF8
        return None, [message.at(path, place, line=place.line)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_text(file: Path, display: str) -> tuple[str | None, list[Issue]]:
    """Read ``file`` as text; ``display`` is the path shown in messages."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        return None, [CANNOT_READ.at(display, reason=exc.strerror)]
    return decode(data, display)


def _top_level_mapping(tree: YamlTree, display: str, message: Message) -> list[Issue]:
    if isinstance(tree.data, dict):
        return []
    kinds: dict[type, str] = {list: "een lijst", str: "losse tekst"}
    kind = kinds.get(type(tree.data), "leeg")
    return [message.at(display, tree.pos(()), kind=kind)]


def _invisible(tree: YamlTree, text: str, display: str) -> list[Issue]:
    """Invisible characters in the values of ``tree`` (read from ``text``)."""
    return invisible_in_values(tree.data, text, tree.value_pos, display)


def read_yaml_mapping(text: str, display: str) -> tuple[YamlTree | None, list[Issue]]:
    """Parse the text of a plain YAML file whose top level must be a mapping."""
    tree, issues = read_yaml(text, display)
    issues = invisible_in_yaml(text, display) + issues
    if tree is None:
        return None, issues
    issues += _invisible(tree, text, display)
    shape = _top_level_mapping(tree, display, FILE_NOT_A_MAPPING)
    return (None, issues + shape) if shape else (tree, issues)


def read_yaml_file(file: Path, display: str) -> tuple[YamlTree | None, list[Issue]]:
    """Read a plain YAML file whose top level must be a mapping."""
    text, issues = read_text(file, display)
    if text is None:
        return None, issues
    tree, found = read_yaml_mapping(text, display)
    return tree, issues + found


def split_front_matter(text: str, display: str) -> tuple[MarkdownSource | None, list[Issue]]:
    """Split '---' front matter from the Markdown body and parse it strictly."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        if lines[first].rstrip() == "---":
            return None, [FRONT_NOT_ON_LINE_1.at(display, line=first + 1)]
        return None, [NO_FRONT_MATTER.at(display)]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [FRONT_NOT_CLOSED.at(display)]
    yaml_text = "\n".join(lines[1:end])
    if not yaml_text.strip():
        return None, [FRONT_EMPTY.at(display)]
    tree, issues = read_yaml(yaml_text, display, line_offset=1)
    issues = invisible_in_yaml(yaml_text, display, first_line=2) + issues
    if tree is None:
        return None, issues
    shape = _top_level_mapping(tree, display, FRONT_NOT_A_MAPPING)
    if shape:
        return None, issues + shape
    body = "\n".join(lines[end + 1 :])
    issues += _invisible(tree, yaml_text, display)
    issues += invisible_in_markdown(body, display, end + 2)
    return MarkdownSource(display, tree, body, end + 2, yaml_text), issues


def read_markdown_file(file: Path, display: str) -> tuple[MarkdownSource | None, list[Issue]]:
    """Read a Markdown file with front matter."""
    text, issues = read_text(file, display)
    if text is None:
        return None, issues
    return split_front_matter(text, display)
