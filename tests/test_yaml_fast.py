"""The fast reader for plain YAML (core/yamlread.py `_plain_tree`) gives exactly what the full
reader gives: the same data, the same places of every key and value, and no message; for any
text it cannot read that way it gives up, and the full reader runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sop_builder.core import yamlread
from sop_builder.core.yamlread import read_yaml

from .conftest import FIXTURES

TESTS = Path(__file__).parent
FAST = yamlread._plain_tree


def _full(text: str, line_offset: int) -> tuple:
    """The full reader's result (the fast path switched off)."""
    original = yamlread._plain_tree
    yamlread._plain_tree = lambda *_: None
    try:
        return read_yaml(text, "x.yaml", line_offset)
    finally:
        yamlread._plain_tree = original


def _places(marks: dict) -> dict:
    return {path: (mark.line, mark.column) for path, mark in marks.items()}


def _same_as_full_reader(text: str, line_offset: int = 0) -> bool:
    """Whether the fast reader took ``text``; fails when it differs from the full reader."""
    fast = FAST(text, line_offset)
    if fast is None:
        return False
    tree, issues = _full(text, line_offset)
    assert issues == [], text
    assert tree is not None, text
    assert tree.data == fast.data, text
    assert _places(tree.values) == _places(fast.values), text
    assert _places(tree.keys) == _places(fast.keys), text
    assert tree.line_offset == fast.line_offset == line_offset
    assert read_yaml(text, "x.yaml", line_offset)[0] is not None  # the fast path is in use
    return True


def _yaml_texts() -> list[tuple[str, int]]:
    """Every YAML text of the fixtures and case folders: files, and front matter."""
    texts: list[tuple[str, int]] = []
    for file in sorted([*FIXTURES.rglob("*"), *(TESTS / "cases").rglob("*")]):
        if file.suffix in (".yaml", ".yml"):
            texts.append((file.read_text(encoding="utf-8", errors="replace"), 0))
        elif file.suffix == ".md":
            lines = file.read_text(encoding="utf-8", errors="replace").split("\n")
            if lines[0] == "---" and "---" in lines[1:]:
                texts.append(("\n".join(lines[1 : lines.index("---", 1)]), 1))
    return texts


def test_every_fixture_text_reads_the_same_on_the_fast_path():
    texts = _yaml_texts()
    taken = [text for text, offset in texts if _same_as_full_reader(text, offset)]
    assert len(texts) > 250
    assert len(taken) > len(texts) / 2  # taken, not only declined


KEY = st.sampled_from(["naam", "BO-01", "a", "zien-horen", "x_y", "1", "naam", "é", "a b", "? a"])
WORD = st.text(alphabet="abzAZ09éë.-/+()€ '\"", min_size=1, max_size=8)
VALUE = st.one_of(
    WORD,
    WORD,
    WORD.map(lambda w: f'"{w}"'),
    WORD.map(lambda w: f"'{w}'"),
    st.lists(st.sampled_from(["a", "b-c", "d e", " f ", "", "#", "g:h"]), max_size=4).map(
        lambda items: "[" + ",".join(items) + "]"
    ),
    st.sampled_from(
        [
            "", "|", ">", "&a x", "*a", "!!str x", "{a: b}", "ja # nee", "a #b", "a: b", "a:",
            "-", "- a", "~", "@x", "`x`", "%x", "'a''b'", '"a\\"b"', "a\tb", "a ", "[a, [b]]",
            "[a,]", "\u00a0a", "a\u2028b",
        ]
    ),
)  # fmt: skip
INDENT = st.sampled_from(["", "", "  ", "  ", "    ", " ", "\t"])
LINE = st.one_of(
    st.tuples(INDENT, KEY, VALUE).map(lambda t: f"{t[0]}{t[1]}: {t[2]}".rstrip(" ")),
    st.tuples(INDENT, KEY).map(lambda t: f"{t[0]}{t[1]}:"),
    st.tuples(INDENT, VALUE).map(lambda t: f"{t[0]}- {t[1]}"),
    st.tuples(INDENT, KEY, VALUE).map(lambda t: f"{t[0]}- {t[1]}: {t[2]}"),
    st.sampled_from(["", "# opmerking", "  # ingesprongen", "---", "...", "%YAML 1.2", "  ", "-"]),
)


@settings(max_examples=600, deadline=None)
@given(lines=st.lists(LINE, min_size=1, max_size=12), offset=st.sampled_from([0, 1]))
def test_generated_texts_read_the_same_on_the_fast_path(lines: list[str], offset: int):
    _same_as_full_reader("\n".join(lines), offset)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2",  # a duplicate key: the full reader names both lines
        "a: x # y",  # a comment after a value
        "a: |\n  tekst",  # a block of text
        "a: woord\n  vervolg",  # a value over two lines
        "a:\n\tb: 1",  # a tab
        "a: &x 1",  # an anchor
        "- a\n- b",  # a list at the top
    ],
)
def test_what_the_fast_reader_does_not_know_goes_to_the_full_reader(text: str):
    assert FAST(text, 0) is None
    (tree, issues), (full, full_issues) = read_yaml(text, "x.yaml"), _full(text, 0)
    assert issues == full_issues
    assert (tree is None) == (full is None)
    if tree is not None:
        assert tree.data == full.data
        assert _places(tree.values) == _places(full.values)


def test_places_point_where_the_full_reader_points():
    text = "# kop\nnaam: X\nleeg:\nlijst: [a, b]\nmensen:\n  - rol: IB\n    naam: Y\nrij:\n- 'z'"
    assert _same_as_full_reader(text, 1)
    tree = FAST(text, 1)
    assert tree.key_pos(("mensen", 0, "naam")).line == 8  # 1-based, after the offset
    assert tree.value_pos(("leeg",)).column == 6  # an empty value: right after the colon
    assert tree.value_pos(("lijst", 1)).column == 12


# Structured texts: nested mappings and lists written out as people write them, in the forms
# the fast reader knows and a few it does not, so that most are taken and compared.
SCALAR = st.one_of(
    st.text(alphabet="abzAZ09éë.-/+()€ ':#&*!", min_size=1, max_size=10),
    st.sampled_from(["ja", "nee", "2026-01-31", "0229 123 456", "https://x.nl/a?b=c", "5,5"]),
)
TREE = st.recursive(
    SCALAR,
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=4),
        st.dictionaries(
            st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True), children, max_size=4
        ),
    ),
    max_leaves=12,
)


def _scalar(value: str, style: int) -> str:
    if style == 1 and '"' not in value and "\\" not in value:
        return f'"{value}"'
    if style == 2 and "'" not in value:
        return f"'{value}'"
    return value


def _dump(value, indent: int, choices: st.DataObject) -> list[str]:
    """``value`` (a mapping or list) as block YAML lines at ``indent``."""
    pad = " " * indent
    step = choices.draw(st.sampled_from([2, 4]))
    lines: list[str] = []
    items = value.items() if isinstance(value, dict) else [(None, v) for v in value]
    for key, child in items:
        head = f"{pad}{key}:" if key is not None else f"{pad}-"
        if isinstance(child, str):
            lines.append(f"{head} {_scalar(child, choices.draw(st.integers(0, 2)))}")
        elif (
            isinstance(child, list)
            and all(isinstance(c, str) for c in child)
            and choices.draw(st.booleans())
        ):
            lines.append(f"{head} [{', '.join(child)}]")
        elif not child:
            lines.append(head)
        elif key is None and isinstance(child, dict):  # '- key: value' and the keys under it
            inner = _dump(child, indent + 2, choices)
            lines.append(f"{pad}- {inner[0].lstrip(' ')}")
            lines += inner[1:]
        else:
            indentless = key is not None and isinstance(child, list) and choices.draw(st.booleans())
            lines.append(head)
            lines += _dump(child, indent if indentless else indent + step, choices)
        if choices.draw(st.integers(0, 9)) == 0:
            lines.append(choices.draw(st.sampled_from(["", "# noot", f"{pad}# noot"])))
    return lines


@settings(max_examples=400, deadline=None)
@given(
    value=st.dictionaries(st.sampled_from(["naam", "adres", "BO-01", "lijst"]), TREE, min_size=1),
    choices=st.data(),
)
def test_generated_structures_read_the_same_on_the_fast_path(value, choices):
    _same_as_full_reader("\n".join(_dump(value, 0, choices)), choices.draw(st.sampled_from([0, 1])))
