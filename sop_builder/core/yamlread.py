"""A strict YAML reader for files that people type.

Every scalar stays text (the schema decides types), duplicate keys, anchors, aliases and tags are
refused, and size, depth and the number of values are capped. Positions of every key and value are
kept so that messages can point at them. The tree is built from PyYAML's event stream without
recursion, so deeply nested input cannot crash the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, cast

import yaml

from sop_builder.core.catalogue.reading import (
    ALIAS,
    ANCHOR,
    BAD_INDENT,
    BAD_LIST_INDENT,
    BRACE_NOT_CLOSED,
    BRACKET_NOT_CLOSED,
    COLON_IN_VALUE,
    COLON_MISSING,
    COMMENT_DROPPED,
    CONTINUATION_ONE_SPACE,
    CONTINUATION_SPACES,
    DIRECTIVE,
    DUPLICATE_KEY,
    FORBIDDEN_CHARACTER,
    HASH_AFTER_QUOTE,
    HEADER_AT_MARGIN,
    KEY_NOT_TEXT,
    LONE_DASH,
    NO_SPACE_AFTER_COLON,
    QUESTION_MARK_KEY,
    QUOTE_INSIDE,
    QUOTE_NOT_CLOSED,
    STARTS_WITH_AT,
    STARTS_WITH_STAR,
    SYNTAX,
    TAB_INDENT,
    TAG,
    TOO_DEEP,
    TOO_MANY_VALUES,
    TWO_DOCUMENTS,
    UNCLOSED_QUOTE,
    UNDEFINED_ALIAS,
    UNREADABLE,
)
from sop_builder.core.issues import Issue, Message, Pos
from sop_builder.core.yamlwrite import yaml_text

MAX_DEPTH = 20
MAX_NODES = 100_000
FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)

Path = tuple[str | int, ...]


class Mark(Protocol):
    """A place in the text (0-based): PyYAML's marks, or the fast reader's `_Place`."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class _Place(NamedTuple):
    line: int
    column: int


@dataclass
class YamlTree:
    """Plain data (dict, list, str) with the position of every value and key.

    Positions are kept as the parser's marks (0-based) and turned into 1-based file positions
    only when a message needs one: most values never do.
    """

    data: Any
    line_offset: int = 0
    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def _at(self, mark: Mark) -> Pos:
        return Pos(mark.line + 1 + self.line_offset, mark.column + 1)

    def key_pos(self, path: Path) -> Pos | None:
        """Position of the key at ``path``, if that key was written."""
        mark = self.keys.get(tuple(path))
        return self._at(mark) if mark is not None else None

    def pos(self, path: Path) -> Pos:
        """Best position for ``path``: the key, else the value, else the nearest parent."""
        probe = tuple(path)
        while probe:
            if probe in self.keys:
                return self._at(self.keys[probe])
            if probe in self.values:
                return self._at(self.values[probe])
            probe = probe[:-1]
        root = self.values.get(())
        return self._at(root) if root is not None else Pos(1 + self.line_offset, 1)

    def value_pos(self, path: Path) -> Pos:
        """Position of the value at ``path`` (falls back to :meth:`pos`)."""
        mark = self.values.get(tuple(path))
        return self._at(mark) if mark is not None else self.pos(path)


class _Stop(Exception):
    def __init__(self, issue: Issue) -> None:
        self.issue = issue


# (what PyYAML says, ...) -> our message
_YAML_PROBLEMS: list[tuple[tuple[str, ...], Message]] = [
    (("mapping values are not allowed",), COLON_IN_VALUE),
    (("could not find expected ':'",), COLON_MISSING),
    (("while scanning a quoted scalar",), QUOTE_NOT_CLOSED),
    (("expected <block end>", "did not find expected key"), BAD_INDENT),
    (("did not find expected '-' indicator",), BAD_LIST_INDENT),
    (("expected ',' or ']'",), BRACKET_NOT_CLOSED),
    (("expected ',' or '}'",), BRACE_NOT_CLOSED),
    (("unacceptable character",), FORBIDDEN_CHARACTER),
    (("expected alphabetic or numeric character",), STARTS_WITH_STAR),
    (("found undefined alias",), UNDEFINED_ALIAS),
    (("found character '@'", "found character '`'"), STARTS_WITH_AT),
]


def _line_has_tab_indent(text: str, line0: int) -> bool:
    lines = text.splitlines()
    if 0 <= line0 < len(lines):
        line = lines[line0]
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        return "\t" in indent
    return False


# A value that starts with a quote: after the key (and list dashes), or as a list item.
_QUOTE_START = re.compile(r"""\s*(?:-\s+)*(?:[^\s'"#\-?][^:#]*:\s+)?(['"])""")


def closing_quote(text: str, start: int, quote: str) -> int | None:
    """Where the quoted text that opens at ``start - 1`` closes in ``text`` (None: not on this
    line); ``''`` inside single quotes and backslash escapes inside double quotes are text."""
    index = start
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":
                index += 2  # '' is one apostrophe inside single quotes
                continue
            return index
        index += 1
    return None


def _left_open(line: str) -> int | None:
    """The column (0-based) of a quote that starts this line's value and is not closed on it."""
    match = _QUOTE_START.match(line)
    if match is None:
        return None
    column = match.start(1)
    return column if closing_quote(line, column + 1, line[column]) is None else None


# A line that reads as a field, a list item or a comment of its own.
_LOOKS_LIKE_YAML = re.compile(r"""\s*(?:#|-\s|[^\s'"#][^:]*:(?:\s|$))""")


def _runs_on(lines: list[str], start: yaml.Mark, end: yaml.Mark) -> bool:
    """Whether a quoted value that its first line leaves open swallowed lines that read as
    fields, list items or comments of their own: then the quote was meant as text."""
    if _left_open(lines[start.line]) != start.column:
        return False
    return any(_LOOKS_LIKE_YAML.match(lines[n]) for n in range(start.line + 1, end.line + 1))


def _unclosed_quote(lines: list[str], line0: int, column0: int, path: str, offset: int) -> Issue:
    """SOP012 at a value whose opening quote its line does not close, with the fix."""
    line = lines[line0]
    quote = line[column0]
    key = line[:column0]
    suggestion = f"{key.strip()} {yaml_text(line[column0:].strip())}".strip()
    return UNCLOSED_QUOTE.at(
        path, Pos(line0 + 1 + offset, column0 + 1), quote=quote, suggestion=suggestion
    )


def _quote_inside(line: str, line0: int, path: str, offset: int) -> Issue | None:
    """SOP012 for a value that starts with a quote which closes before text that follows on
    the same line ('T Jok en 't Kind): the quote belongs to the text."""
    match = _QUOTE_START.match(line)
    if match is None:
        return None
    column = match.start(1)
    end = closing_quote(line, column + 1, line[column])
    rest = line[end + 1 :].strip() if end is not None else ""
    if not rest or rest.startswith("#"):
        return None
    key, value = line[:column].strip(), line[column:].strip()
    return QUOTE_INSIDE.at(
        path,
        Pos(line0 + 1 + offset, column + 1),
        quote=line[column],
        suggestion=f"{key} {yaml_text(value)}".strip(),
    )


def _quote_before(lines: list[str], error_line: int) -> tuple[int, int] | None:
    """The value whose unclosed quote most likely caused a syntax error on ``error_line``: a
    quote left open on its line that YAML closed on that line or the one before, or never."""
    number = 0
    while number <= min(error_line, len(lines) - 1):
        column = _left_open(lines[number])
        if column is None:
            number += 1
            continue
        quote, close_line = lines[number][column], None
        for later in range(number + 1, len(lines)):
            if closing_quote(lines[later], 0, quote) is not None:
                close_line = later
                break
        if close_line is None or close_line >= error_line - 1:
            return number, column
        number = close_line + 1
    return None


def _syntax_issue(exc: yaml.MarkedYAMLError, text: str, path: str, line_offset: int) -> Issue:
    context = exc.context or ""
    use_context = exc.context_mark is not None and (
        "quoted scalar" in context
        or "simple key" in context
        or "alias" in context
        or "anchor" in context
    )
    mark = exc.context_mark if use_context else (exc.problem_mark or exc.context_mark)
    line0 = mark.line if mark else 0
    col0 = mark.column if mark else 0
    place = Pos(line0 + 1 + line_offset, col0 + 1)
    problem = f"{exc.context or ''} {exc.problem or ''}"
    tab_lines = [i for i in (line0, line0 - 1, line0 + 1) if _line_has_tab_indent(text, i)]
    if "'\\t'" in problem or tab_lines:
        tab_line = tab_lines[0] if tab_lines else line0
        return TAB_INDENT.at(path, Pos(tab_line + 1 + line_offset, 1))
    lines = text.splitlines()
    if "quoted scalar" in problem and exc.context_mark is not None:
        start = exc.context_mark
        if 0 <= start.line < len(lines) and _left_open(lines[start.line]) == start.column:
            return _unclosed_quote(lines, start.line, start.column, path, line_offset)
    elif (quoted := _quote_before(lines, line0)) is not None:
        return _unclosed_quote(lines, *quoted, path, line_offset)
    elif 0 <= line0 < len(lines) and (
        inside := _quote_inside(lines[line0], line0, path, line_offset)
    ):
        return inside
    current = lines[line0] if 0 <= line0 < len(lines) else ""
    if "could not find expected ':'" in problem and re.search(r"^\s*[^\s:#]+:\S", current):
        key, _, value = current.strip().partition(":")
        return NO_SPACE_AFTER_COLON.at(path, place, key=key, value=value)
    for needles, message in _YAML_PROBLEMS:
        if any(needle in problem for needle in needles):
            return message.at(path, place)
    return SYNTAX.at(path, place, detail=(exc.problem or exc.context or "").strip())


_DROPPED_COMMENT = re.compile(r" +#[^ ]")  # ' #x' after a plain value


def _comment_warning(
    text_lines: list[str], event: yaml.ScalarEvent, path: str, line_offset: int
) -> Issue | None:
    """Warn when ' #x' after a plain value will be dropped as a comment."""
    start, end = _start(event), _end(event)
    if event.style not in (None, "") or start.line != end.line or end.line >= len(text_lines):
        return None
    # Looks only at what follows the value (not the whole line: a line may hold many values).
    dropped = _DROPPED_COMMENT.match(text_lines[end.line], end.column)
    if dropped:
        stripped = text_lines[end.line][dropped.end() - 2 :]
        place = Pos(end.line + 1 + line_offset, dropped.end() - 1)
        return COMMENT_DROPPED.at(path, place, comment=stripped.strip(), value=event.value)
    return None


class _Spec:
    """What YAML 1.2 requires and PyYAML lets through: lines that continue a value written in
    block context indent further than the block collection it is in; a comment is separated
    from a quoted value or a list/block in brackets by a space; no directives ('%')."""

    def __init__(self, text_lines: list[str], path: str, line_offset: int) -> None:
        self.lines = text_lines
        self.path = path
        self.line_offset = line_offset

    def _line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def continuation(
        self, start: yaml.Mark, end: yaml.Mark, indent: int, flow: bool
    ) -> Issue | None:
        """SOP022 for the first line after ``start``'s up to ``end``'s that does not indent
        further than ``indent`` (blank lines, and comment lines in a flow collection, may)."""
        need = indent + 1
        for number in range(start.line + 1, end.line + 1):
            line = self._line(number)
            content = line.lstrip(" ")
            if not content.strip() or (flow and content.lstrip(" \t").startswith("#")):
                continue
            if len(line) - len(content) < need:
                place = Pos(number + 1 + self.line_offset, 1)
                first = start.line + 1 + self.line_offset
                if need == 1:
                    return CONTINUATION_ONE_SPACE.at(self.path, place, start=first)
                return CONTINUATION_SPACES.at(self.path, place, start=first, spaces=need)
        return None

    def header(self, start: yaml.Mark, indent: int) -> Issue | None:
        """SOP022 for a '|' or '>' that starts a line no further in than ``indent``; SOP012
        for a '#' directly after it."""
        line = self._line(start.line)
        header = re.match(r"[|>][1-9+-]*", line[start.column :])
        if header and line[start.column + header.end() :].startswith("#"):
            return self.comment_at(start.line, start.column + header.end())
        if line[: start.column].strip() or start.column > indent:
            return None
        place = Pos(start.line + 1 + self.line_offset, start.column + 1)
        return HEADER_AT_MARGIN.at(self.path, place, indicator=line[start.column])

    def comment_after(self, end: yaml.Mark) -> Issue | None:
        """SOP012 for a '#' directly after a closing quote or bracket."""
        return self.comment_at(end.line, end.column)

    def comment_at(self, line_number: int, column: int) -> Issue | None:
        """SOP012 for a '#' at this place, where it cannot start a comment."""
        line = self._line(line_number)
        if line[column : column + 1] != "#":
            return None
        place = Pos(line_number + 1 + self.line_offset, column + 1)
        return HASH_AFTER_QUOTE.at(self.path, place)

    def lone_dash(self, start: yaml.Mark) -> Issue:
        """SOP012 for a '-' alone as a value between brackets."""
        place = Pos(start.line + 1 + self.line_offset, start.column + 1)
        return LONE_DASH.at(self.path, place)

    def complex_key(self, start: yaml.Mark) -> Issue | None:
        """SOP021 for a key written after '? '."""
        line = self._line(start.line)
        mark = min(start.column, len(line)) - 1  # back over the blanks before the key only
        while mark >= 0 and line[mark].isspace():
            mark -= 1
        if mark < 0 or line[mark] != "?":
            return None
        if mark > 0 and not (line[mark - 1].isspace() or line[mark - 1] in "{,"):
            return None
        place = Pos(start.line + 1 + self.line_offset, mark + 1)
        return QUESTION_MARK_KEY.at(self.path, place)

    def directive(self) -> Issue:
        number = next((i for i, line in enumerate(self.lines) if line.startswith("%")), 0)
        return DIRECTIVE.at(self.path, Pos(number + 1 + self.line_offset, 1))


def read_yaml(text: str, path: str, line_offset: int = 0) -> tuple[YamlTree | None, list[Issue]]:
    """Parse ``text`` strictly. ``line_offset`` shifts reported lines (front matter)."""
    fast = _plain_tree(text, line_offset)
    if fast is not None:
        return fast, []
    issues: list[Issue] = []
    text_lines = text.splitlines()
    if FAST_LOADER is not None:
        # libyaml is about ten times faster; when it finds a syntax error, the pure-Python
        # parser runs again below, because its messages and positions are the ones we explain.
        try:
            builder = _Builder(text_lines, path, line_offset, issues)
            return builder.build(text, FAST_LOADER), issues
        except _Stop as stop:
            return None, [*issues, stop.issue]
        except yaml.YAMLError:
            issues = []
    try:
        tree = _Builder(text_lines, path, line_offset, issues).build(text, yaml.SafeLoader)
    except _Stop as stop:
        return None, [*issues, stop.issue]
    except yaml.MarkedYAMLError as exc:
        return None, [*issues, _syntax_issue(exc, text, path, line_offset)]
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors without a mark
        return None, [
            *issues,
            UNREADABLE.at(path, Pos(1 + line_offset, 1), detail=str(exc)),
        ]
    return tree, issues


def _start(event: yaml.Event) -> yaml.Mark:
    """Where ``event`` starts: the parser gives every event a mark (libyaml's own Mark class
    has the same line and column)."""
    return cast(yaml.Mark, event.start_mark)


def _end(event: yaml.Event) -> yaml.Mark:
    return cast(yaml.Mark, event.end_mark)


def _pos(mark: yaml.Mark, line_offset: int) -> Pos:
    return Pos(mark.line + 1 + line_offset, mark.column + 1)


@dataclass(slots=True)
class _Frame:
    """An open collection while the events are read."""

    container: Any  # the dict or list being filled
    path: Path
    indent: int | None  # the column of a block collection; None for a flow collection
    key: str | None = None  # a mapping's key whose value comes next
    seen: dict[str, yaml.Mark] = field(default_factory=dict)  # a mapping's keys so far


class _Builder:
    """Builds a :class:`YamlTree` from the parser's events, one method per kind of event;
    whatever the strict reader refuses stops it with a :class:`_Stop`."""

    def __init__(self, text_lines: list[str], path: str, line_offset: int, issues: list[Issue]):
        self.text_lines = text_lines
        self.path = path
        self.line_offset = line_offset
        self.issues = issues  # warnings are added here; a refusal raises
        self.tree = YamlTree(data=None, line_offset=line_offset)
        self.stack: list[_Frame] = []
        self.documents = 0
        self.nodes = 0
        self.spec = _Spec(text_lines, path, line_offset)
        self.flow_start: yaml.Mark | None = None  # where the outermost open flow collection starts

    def build(self, text: str, loader: type) -> YamlTree:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.DocumentStartEvent):
                self.document_start(event)
                continue
            if isinstance(event, yaml.AliasEvent):
                raise self.stop(ALIAS, _start(event))
            if isinstance(event, yaml.NodeEvent):
                self.node(event)
            if isinstance(event, yaml.ScalarEvent):
                self.scalar(event)
            elif isinstance(event, yaml.CollectionStartEvent):
                self.collection_start(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                self.collection_end(event)
        return self.tree

    def block_indent(self) -> int:
        """The column of the innermost block collection (-1 at the top)."""
        return next((f.indent for f in reversed(self.stack) if f.indent is not None), -1)

    @staticmethod
    def check(issue: Issue | None) -> None:
        if issue is not None:
            raise _Stop(issue)

    def stop(self, message: Message, mark: yaml.Mark, **values: Any) -> _Stop:
        return _Stop(message.at(self.path, _pos(mark, self.line_offset), **values))

    def document_start(self, event: yaml.DocumentStartEvent) -> None:
        if getattr(event, "version", None) or getattr(event, "tags", None):
            raise _Stop(self.spec.directive())
        self.documents += 1
        if self.documents > 1:
            raise self.stop(TWO_DOCUMENTS, _start(event))

    def node(self, event: yaml.NodeEvent) -> None:
        """What every value may not have: too many of them, an anchor, a tag."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.stop(TOO_MANY_VALUES, _start(event), limit=MAX_NODES)
        if event.anchor is not None:
            raise self.stop(ANCHOR, _start(event), anchor=event.anchor)
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in ("!",):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise self.stop(TAG, _start(event), tag=shown)

    def scalar(self, event: yaml.ScalarEvent) -> None:
        spec = self.spec
        if event.style in ("'", '"'):
            start = _start(event)
            if self.flow_start is None and (
                issue := spec.continuation(start, _end(event), self.block_indent(), False)
            ):
                if _runs_on(self.text_lines, start, _end(event)):
                    issue = _unclosed_quote(
                        self.text_lines, start.line, start.column, self.path, self.line_offset
                    )
                self.check(issue)
            self.check(spec.comment_after(_end(event)))
        elif event.style in ("|", ">"):
            self.check(spec.header(_start(event), self.block_indent()))
        elif self.flow_start is not None and not event.style and event.value == "-":
            raise _Stop(spec.lone_dash(_start(event)))
        self.attach(event.value, event)
        warning = _comment_warning(self.text_lines, event, self.path, self.line_offset)
        if warning:
            self.issues.append(warning)

    def collection_start(self, event: yaml.CollectionStartEvent) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise self.stop(TOO_DEEP, _start(event), limit=MAX_DEPTH)
        container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        cpath = self.attach(container, event)
        if cpath is None:  # pragma: no cover - guarded in attach
            raise self.stop(KEY_NOT_TEXT, _start(event))
        flow = bool(event.flow_style)
        indent = None if flow else _start(event).column
        if flow and self.flow_start is None:
            self.flow_start = _start(event)
        self.stack.append(_Frame(container, cpath, indent))

    def collection_end(self, event: yaml.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        if frame.indent is None:  # a flow collection
            if self.flow_start is not None and all(f.indent is not None for f in self.stack):
                self.check(
                    self.spec.continuation(self.flow_start, _end(event), self.block_indent(), True)
                )
                self.flow_start = None
            self.check(self.spec.comment_after(_end(event)))

    def attach(self, value: Any, event: yaml.Event) -> Path | None:
        """Place ``value`` in the current container; return its path (None for a key)."""
        tree = self.tree
        if not self.stack:
            tree.data = value
            tree.values[()] = _start(event)
            return ()
        frame = self.stack[-1]
        container, cpath = frame.container, frame.path
        if isinstance(container, list):
            vpath = (*cpath, len(container))
            container.append(value)
            tree.values[vpath] = _start(event)
            return vpath
        if frame.key is None:  # this value is a key
            self.attach_key(frame, value, event)
            return None
        key = frame.key
        frame.key = None
        vpath = (*cpath, key)
        container[key] = value
        tree.values[vpath] = _start(event)
        return vpath

    def attach_key(self, frame: _Frame, value: Any, event: yaml.Event) -> None:
        """``value`` is the next key of the mapping ``frame``: text, and not one it has."""
        self.check(self.spec.complex_key(_start(event)))
        if not isinstance(value, str) or isinstance(event, yaml.CollectionStartEvent):
            raise self.stop(KEY_NOT_TEXT, _start(event))
        seen = frame.seen
        if value in seen:
            first = _pos(seen[value], self.line_offset)
            kpos = _pos(_start(event), self.line_offset)
            raise self.stop(
                DUPLICATE_KEY, _start(event), key=value, first=first.line, second=kpos.line
            )
        seen[value] = _start(event)
        frame.key = value
        self.tree.keys[(*frame.path, value)] = _start(event)


# --- the fast path: plain YAML read line by line ----------------------------------------------
#
# Almost every file people write here is plain block YAML: 'key: value' lines, nested mappings,
# '- ' lists, values that are plain words, one-line quoted text or a one-line '[a, b]' list, and
# whole-line comments. `_plain_tree` reads exactly that kind of text, about ten times faster than
# the event stream above, with the same data and the same places (PyYAML's marks); for anything
# else (a duplicate key, a comment after a value, a '|' block, a value over more lines, a tab,
# anchors, tags, flow mappings, a key that is not a plain word, ...) it gives up and the full
# reader runs, with its checks and messages. tests/test_yaml_fast.py compares both readers on
# every YAML text of the fixtures and on generated texts.

_KEY_LINE = re.compile(r"([A-Za-z0-9][A-Za-z0-9_-]*):(?: +(\S.*))?")
_FLOW_ITEM = re.compile(r" *([A-Za-z0-9][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*) *")
_PLAIN_START = "(+./€$"
_NOT_IN_PLAIN = re.compile(r"[][{}\t]|: | #")


class _Decline(Exception):
    """The text is not plain YAML: read it with the full reader."""


class _PlainReader:
    def __init__(self, text: str, line_offset: int) -> None:
        self.tree = YamlTree(data=None, line_offset=line_offset)
        self.lines: list[tuple[int, int, str]] = []  # (line, indent, text) of content lines
        self.nodes = 0
        for number, line in enumerate(text.split("\n")):
            if not line:
                continue
            content = line.lstrip(" ")
            if not line.isprintable() or not content or line[-1] == " ":
                raise _Decline
            if not content.startswith("#"):
                self.lines.append((number, len(line) - len(content), content))

    def node(self, path: Path) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES or len(path) >= MAX_DEPTH:
            raise _Decline  # the full reader says so, with its message

    def scalar(self, text: str, line: int, column: int, path: Path) -> Any:
        """A value on one line: plain, quoted, or a list in brackets of plain words."""
        self.node(path)
        self.tree.values[path] = _Place(line, column)
        first = text[0]
        if first in "\"'":
            inner = text[1:-1]
            if len(text) < 2 or text[-1] != first or first in inner or "\\" in inner:
                raise _Decline
            return inner
        if first == "[":
            return self.flow(text, line, column, path)
        if not (first.isalnum() or first in _PLAIN_START) or text.endswith(":"):
            raise _Decline
        if _NOT_IN_PLAIN.search(text):
            raise _Decline
        return text

    def flow(self, text: str, line: int, column: int, path: Path) -> list[str]:
        if not text.endswith("]"):
            raise _Decline
        inner = text[1:-1]
        if not inner.strip(" "):
            return []
        items: list[str] = []
        offset = column + 1
        for part in inner.split(","):
            match = _FLOW_ITEM.fullmatch(part)
            if match is None:
                raise _Decline
            item_path = (*path, len(items))
            self.node(item_path)
            self.tree.values[item_path] = _Place(line, offset + match.start(1))
            items.append(match.group(1))
            offset += len(part) + 1
        return items

    def mapping(self, index: int, indent: int, path: Path) -> tuple[dict[str, Any], int]:
        """The block mapping whose first key is content line ``index``, at ``indent``."""
        self.node(path)
        line, _, _ = self.lines[index]
        self.tree.values[path] = _Place(line, indent)
        data: dict[str, Any] = {}
        while index < len(self.lines):
            line, column, content = self.lines[index]
            if column < indent:
                break
            match = _KEY_LINE.fullmatch(content)
            if column > indent or match is None or match.group(1) in data:
                raise _Decline
            key, value = match.group(1), match.group(2)
            key_path = (*path, key)
            self.tree.keys[key_path] = _Place(line, column)
            if value is not None:
                start = column + len(content) - len(value)
                data[key] = self.scalar(value, line, start, key_path)
                index = self.after_value(index, indent)
                continue
            following = self.lines[index + 1] if index + 1 < len(self.lines) else None
            if following is not None and following[1] >= indent and following[2][:2] == "- ":
                data[key], index = self.sequence(index + 1, following[1], key_path)
            elif following is not None and following[1] > indent:
                data[key], index = self.mapping(index + 1, following[1], key_path)
            else:  # an empty value: PyYAML places it right after the colon
                self.node(key_path)
                self.tree.values[key_path] = _Place(line, column + len(key) + 1)
                data[key] = ""
                index += 1
        return data, index

    def sequence(self, index: int, indent: int, path: Path) -> tuple[list[Any], int]:
        """The block list whose first '- ' is content line ``index``, at ``indent``."""
        self.node(path)
        self.tree.values[path] = _Place(self.lines[index][0], indent)
        items: list[Any] = []
        while index < len(self.lines):
            line, column, content = self.lines[index]
            if column < indent or (column == indent and content[:2] != "- "):
                break
            if column > indent:
                raise _Decline
            item = content[2:].lstrip(" ")
            start = column + len(content) - len(item)
            item_path = (*path, len(items))
            if _KEY_LINE.fullmatch(item):  # '- key: value': a mapping in the list
                self.lines[index] = (line, start, item)
                value, index = self.mapping(index, start, item_path)
            elif item[:1] == "-" or not item:
                raise _Decline
            else:
                value = self.scalar(item, line, start, item_path)
                index = self.after_value(index, indent)
            items.append(value)
        return items, index

    def after_value(self, index: int, indent: int) -> int:
        """The next content line; a line further in would continue the value (not plain)."""
        index += 1
        if index < len(self.lines) and self.lines[index][1] > indent:
            raise _Decline
        return index


def _plain_tree(text: str, line_offset: int) -> YamlTree | None:
    """The tree of ``text`` when it is plain YAML (see above) with a mapping at the top;
    None for any other text."""
    try:
        reader = _PlainReader(text, line_offset)
        if not reader.lines or reader.lines[0][1] != 0:
            return None
        data, index = reader.mapping(0, 0, ())
        if index != len(reader.lines):
            return None
    except _Decline:
        return None
    reader.tree.data = data
    return reader.tree
