"""The message catalogue: typed entries in families, one wording per entry, raised through
`Message.at` with exactly the values its templates ask for; no message code in the code, and
the keys that messages point at named by the models."""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import textwrap
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

import sop_builder.core.catalogue as catalogue
from sop_builder.core.catalogue import CATALOGUE, ENTRIES, FAMILIES
from sop_builder.core.catalogue.crosschecks import UNKNOWN_KERN
from sop_builder.core.catalogue.sop import EXAMPLE_LEFT
from sop_builder.core.issues import Family, Message, Pos, Severity, template_names
from sop_builder.core.schema import validate_tree
from sop_builder.core.yamlread import read_yaml
from sop_builder.project.model import Agreement, Norm, SopFrontMatter, SwvContact

from .message_rules import code_literals, literal_keys, template_calls

PACKAGE = Path(__file__).resolve().parent.parent / "sop_builder"


def _family_modules() -> list[ModuleType]:
    """Every module in core/catalogue/ (found on disk: one left out of FAMILIES shows)."""
    names = [info.name for info in pkgutil.iter_modules(catalogue.__path__)]
    return [importlib.import_module(f"{catalogue.__name__}.{name}") for name in names]


def _messages() -> list[Message]:
    return [m for family in FAMILIES for m in family.messages]


def test_every_family_module_is_in_the_catalogue_and_lists_all_its_entries():
    modules = _family_modules()
    assert all(isinstance(getattr(m, "FAMILY", None), Family) for m in modules)
    assert [id(m.FAMILY) for m in modules]
    assert {id(m.FAMILY) for m in modules} == {id(f) for f in FAMILIES}
    for module in modules:
        others = {id(m) for f in FAMILIES if f is not module.FAMILY for m in f.messages}
        named = {id(v) for v in vars(module).values() if isinstance(v, Message)} - others
        assert named == {id(m) for m in module.FAMILY.messages}, module.__name__
        assert len(module.FAMILY.messages) == len(named)


def test_families_hold_their_codes_in_order_in_ranges_of_their_own():
    ranges = []
    for family in FAMILIES:
        codes = [m.code for m in family.messages]
        assert codes == sorted(codes), family.title
        assert family.title
        assert family.title.isascii()
        ranges.append((codes[0], codes[-1]))
    assert ranges == sorted(ranges)
    for (_, last), (first, _) in pairwise(ranges):
        assert last < first  # no code of one family falls in the range of another
    assert len(CATALOGUE) == len({m.code for m in _messages()})


def test_a_code_has_one_severity_and_one_summary_and_no_wording_twice():
    for code, entries in ENTRIES.items():
        assert {(m.severity, m.summary) for m in entries} == {CATALOGUE[code]}, code
        wordings = [(m.text, m.hint) for m in entries]
        assert len(wordings) == len(set(wordings)), code
    assert CATALOGUE["SOP301"][0] is Severity.ERROR
    assert CATALOGUE["SOP411"][0] is Severity.WARNING


def test_every_template_is_filled_by_its_declared_names():
    for message in _messages():
        values = {name: f"<{name}>" for name in message.names}
        issue = message.at("f.md", Pos(3, 4), **values)
        assert issue.message, message
        assert (issue.code, issue.severity, issue.line, issue.column) == (
            message.code,
            message.severity,
            3,
            4,
        )
        for name in message.names:
            assert f"<{name}>" in issue.message + issue.hint, (message.code, name)


def test_at_refuses_a_missing_or_an_extra_value():
    values = {"label": "kern", "value": "x", "suggestion": "Bedoelt u 'y'?"}
    issue = UNKNOWN_KERN.at("sop.md", Pos(2, 7), field="kern", **values)
    assert (issue.message, issue.hint, issue.field) == (
        "De kern 'x' bestaat niet.",
        "Bedoelt u 'y'?",
        "kern",
    )
    with pytest.raises(TypeError, match=r"missing \['suggestion'\]"):
        UNKNOWN_KERN.at("sop.md", label="kern", value="x")
    with pytest.raises(TypeError, match=r"extra \['typo'\]"):
        UNKNOWN_KERN.at("sop.md", typo="", **values)


def test_template_names_reads_placeholders_and_plain_braces():
    assert template_names("'{key}: {value}' en {{ }}") == {"key", "value"}
    assert EXAMPLE_LEFT.names == {"key", "mark", "line"}


def test_every_message_is_worded_in_the_catalogue():
    """No entry leaves its text or hint to the call site (as the temporary make_issue did)."""
    for message in _messages():
        assert message.text.strip() not in ("", "{text}"), message.code
        assert message.hint.strip() != "{hint}", message.code
    users = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "make_issue(" in p.read_text(encoding="utf-8")
    ]
    assert users == []


def test_every_call_gives_an_entry_exactly_its_values():
    wrong, checked = template_calls(PACKAGE)
    assert wrong == []
    assert checked > 150  # the check reads the calls (a planted mistake is found below)


def test_a_call_with_a_wrong_value_is_found(tmp_path):
    package = tmp_path / "sop_builder"
    (package / "project").mkdir(parents=True)
    (package / "project" / "planted.py").write_text(
        textwrap.dedent(
            """
            from sop_builder.core.catalogue.crosschecks import LISTED_TWICE, UNKNOWN_KERN
            from sop_builder.core.catalogue.sop import NO_MR_DATE as NO_DATE
            from sop_builder.core.fieldtypes import field_error

            def check(path, pos):
                message = UNKNOWN_KERN
                return [
                    LISTED_TWICE.at(path, pos, field="x", choice="a", key="b"),  # right
                    LISTED_TWICE.at(path, pos, choice="a"),  # 'key' missing
                    NO_DATE.at(path, pos, date="x"),  # no value asked for
                    message.at(path, label="kern", value="x"),  # 'suggestion' missing
                    field_error(UNKNOWN_KERN, valeu="x"),  # a typo
                ]
            """
        ),
        encoding="utf-8",
    )
    wrong, checked = template_calls(package)
    assert checked == 5
    assert [w.split(":")[1] for w in wrong] == ["10", "11", "12", "13"]


def test_no_message_code_is_written_outside_the_catalogue():
    assert code_literals(PACKAGE) == []


def test_a_message_code_written_in_the_code_is_found(tmp_path):
    copy = tmp_path / "sop_builder"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "project" / "planted.py").write_text(
        '"""Raises SOP999 (a docstring may name a code)."""\n\n'
        'def check():\n    """Also SOP998."""\n    return f"{1} SOP997", "SOP996"\n',
        encoding="utf-8",
    )
    (copy / "site" / "planted.js").write_text("const code = 'SOP995';\n", encoding="utf-8")
    assert sorted(code_literals(copy)) == [
        "project/planted.py:5: ' SOP997'",
        "project/planted.py:5: 'SOP996'",
        "site/planted.js: SOP995",
    ]


def test_a_model_names_the_key_of_each_field():
    assert SopFrontMatter.key("vestigingscode") == "vestigingscode"
    assert SopFrontMatter.key("support") == "ondersteuning"
    assert (Norm.key("agreements"), Agreement.key("theme")) == ("afspraken", "thema")
    with pytest.raises(KeyError):
        SopFrontMatter.key("ondersteuning")  # the key, not the field's name


def test_no_position_or_field_spells_a_key():
    assert literal_keys(PACKAGE) == []


def test_a_spelled_key_is_found(tmp_path):
    package = tmp_path / "sop_builder"
    (package / "project").mkdir(parents=True)
    (package / "project" / "planted.py").write_text(
        textwrap.dedent(
            """
            def check(tree, key, index):
                tree.value_pos((key, index))  # right
                tree.value_pos(("kern",))
                tree.key_pos(("scores", index)) or tree.pos(())
                return ENTRY.at("sop.md", tree.pos((key,)), field="kern")
            """
        ),
        encoding="utf-8",
    )
    assert sorted(line.split(":")[1] for line in literal_keys(package)) == ["4", "5", "6"]


def test_a_refused_value_is_quoted_as_typed():
    """Braces in a value are shown as typed (they used to turn into parentheses, because the
    text went through pydantic's own template)."""
    tree, _ = read_yaml('email: "x{y}@"\ntelefoon: "{0}"\n', "site_config/swv.yaml")
    assert tree is not None
    _, issues = validate_tree(SwvContact, tree, "site_config/swv.yaml")
    assert [(i.code, i.message, i.field) for i in issues] == [
        ("SOP107", "Bij 'email': 'x{y}@' is geen geldig e-mailadres.", "email"),
        ("SOP112", "Bij 'telefoon': '{0}' is geen geldig telefoonnummer.", "telefoon"),
    ]
