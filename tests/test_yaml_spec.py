"""The strict reader accepts only YAML 1.2, also where PyYAML is lenient.

Two spec-true parsers (rapidyaml and libfyaml, test dependencies only) are the judges: whatever
the reader accepts as a mapping, at least one of them accepts too. Each of the two has its own
few mistakes, hence 'at least one'.
"""

from __future__ import annotations

from datetime import timedelta

import libfyaml
import pytest
import ryml
import yaml
from hypothesis import HealthCheck, given, settings

from sop_builder.core.yamlread import read_yaml

from .test_property import YAMLISH


def spec_accepts(text: str) -> bool:
    """Whether rapidyaml or libfyaml reads ``text`` as YAML."""
    for parse in (lambda t: ryml.parse_in_arena(t.encode("utf-8")), libfyaml.loads):
        try:
            parse(text)
        except Exception:  # each parser raises its own kinds
            continue
        return True
    return False


def pyyaml_accepts(text: str) -> bool:
    """Whether PyYAML's parser (libyaml's, which the reader runs first, or its own) reads it."""
    for loader in (getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader):
        try:
            list(yaml.parse(text, Loader=loader))
        except yaml.YAMLError:
            continue
        return True
    return False


# (text, code, line, column): what PyYAML reads without a word, and the spec refuses.
LENIENT = [
    ("naam: [een,\ntwee]\n", "SOP022", 2, 1),
    ("naam: {a: 1,\nb: 2}\n", "SOP022", 2, 1),
    ('naam: "een\ntwee"\n', "SOP022", 2, 1),
    ("naam: 'een\ntwee'\n", "SOP022", 2, 1),
    ("naam: [\n  een,\n]\n", "SOP022", 3, 1),
    ("adres:\n  straat: [een,\n  twee]\n", "SOP022", 3, 1),
    ('- naam: "een\n  twee"\n', "SOP022", 2, 1),
    ('naam:\n- "een\n"\n', "SOP022", 3, 1),
    ('naam: "\teen\n\ttwee"\n', "SOP022", 2, 1),
    ("naam:\n|\n  tekst\n", "SOP022", 2, 1),
    ('naam: "een"#twee\n', "SOP012", 1, 12),
    ("naam: [een]#twee\n", "SOP012", 1, 12),
    ("naam: |#\n tekst\n", "SOP012", 1, 8),
    ("naam: [een, -]\n", "SOP012", 1, 13),
]


@pytest.mark.parametrize(("text", "code", "line", "column"), LENIENT)
def test_what_pyyaml_lets_through_is_refused_with_its_place(text, code, line, column):
    assert pyyaml_accepts(text)
    assert not spec_accepts(text)  # the premise
    tree, issues = read_yaml(text, "x.yaml")
    assert tree is None
    assert [(i.code, i.line, i.column) for i in issues] == [(code, line, column)]
    assert issues[0].message
    assert issues[0].hint


# Valid YAML 1.2 that is not in the subset the reader takes.
OUTSIDE_THE_SUBSET = [
    ("%YAML 1.2\n---\nnaam: x\n", "SOP023", 1),
    ("? naam\n: x\n", "SOP021", 1),
]


@pytest.mark.parametrize(("text", "code", "line"), OUTSIDE_THE_SUBSET)
def test_directives_and_question_mark_keys_are_refused(text, code, line):
    tree, issues = read_yaml(text, "x.yaml")
    assert tree is None
    assert [(i.code, i.line) for i in issues] == [(code, line)]


@pytest.mark.parametrize(
    "text",
    [
        "naam: [een,\n  twee]\n",
        'naam: "een\n  twee"\n',
        "naam: [\n  een,\n ]\n",
        "naam: [een,\n# uitleg\n  twee]\n",
        'naam: "een\n\n  twee"\n',
        "naam:\n- een\n- twee\n",
        "naam: |\n  tekst\n",
        'naam: "een" # uitleg\n',
    ],
)
def test_valid_multi_line_values_are_still_read(text):
    assert spec_accepts(text)
    tree, issues = read_yaml(text, "x.yaml")
    assert tree is not None
    assert issues == []


@settings(
    max_examples=600, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)
@given(YAMLISH)
def test_what_the_reader_accepts_the_spec_accepts(text: str):
    tree, _ = read_yaml(text, "x.yaml")
    if tree is not None and isinstance(tree.data, dict) and tree.data:
        assert spec_accepts(text), text
