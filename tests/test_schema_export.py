"""The exported JSON Schema agrees with `check` on the sample and on the case folders."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from sop_builder.core.fieldmeta import OWN_KEYS
from sop_builder.core.sourcefile import read_markdown_file, read_yaml_file
from sop_builder.project.config import load_config
from sop_builder.project.content_types import CONTENT_TYPES, ContentType
from sop_builder.project.schema_export import all_schemas, content_schema, dumps, project_choices

from .casefolders import CASES, case_names
from .conftest import REPO, SAMPLE

# Codes about the type or the allowed values of a single field: what a schema can express.
SCHEMA_CODES = {
    "SOP101", "SOP102", "SOP103", "SOP104", "SOP105", "SOP106", "SOP107", "SOP108", "SOP109",
    "SOP110", "SOP111", "SOP112", "SOP113", "SOP201", "SOP202", "SOP301", "SOP303", "SOP304", "SOP307",
    "SOP220", "SOP221", "SOP224", "SOP721", "SOP723",
}  # fmt: skip


def _kind(rel: str) -> ContentType | None:
    return next((k for k in CONTENT_TYPES if any(fnmatch.fnmatch(rel, p) for p in k.files)), None)


def _data(root: Path, rel: str, kind: ContentType):
    if kind.front_matter:
        source, _ = read_markdown_file(root / rel, rel)
        return None if source is None else source.tree.data
    tree, _ = read_yaml_file(root / rel, rel)
    return None if tree is None else tree.data


def _schema_errors(schema: dict, data) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [e.message for e in validator.iter_errors(data)]


def test_every_property_of_every_content_type_has_a_dutch_title_and_explanation():
    """The models' titles and descriptions reach every property of every schema, with and
    without the SWV's configuration (tests/test_field_docs.py checks the models themselves)."""
    config, _ = load_config(SAMPLE)
    missing = []
    for kind in CONTENT_TYPES:
        for with_config in (None, config):
            schema = content_schema(kind, with_config)
            classes = {kind.model.__name__: schema, **schema.get("$defs", {})}
            for name, definition in classes.items():
                missing += [
                    f"{name}.{key}"
                    for key, prop in definition.get("properties", {}).items()
                    if not prop.get("title") or not prop.get("description")
                ]
    assert missing == []


def test_no_declaration_of_our_own_is_left_in_a_schema():
    config, _ = load_config(SAMPLE)
    for with_config in (None, config):
        text = dumps(all_schemas(with_config, project_choices(SAMPLE)))
        assert not [key for key in (*OWN_KEYS, "x-labels") if key in text]


def test_schemas_are_valid_json_schema():
    config, _ = load_config(SAMPLE)
    for schema in all_schemas(config, project_choices(SAMPLE)).values():
        Draft202012Validator.check_schema(schema)


def test_sample_content_and_config_pass_the_schema():
    config, _ = load_config(SAMPLE)
    extra = project_choices(SAMPLE)
    checked: dict[str, int] = {}
    for file in sorted([*SAMPLE.glob("content/**/*"), *SAMPLE.glob("site_config/*")]):
        rel = file.relative_to(SAMPLE).as_posix()
        kind = _kind(rel)
        if kind is None or not file.is_file():
            continue
        schema = content_schema(kind, config, extra)
        assert _schema_errors(schema, _data(SAMPLE, rel, kind)) == [], rel
        checked[kind.id] = checked.get(kind.id, 0) + 1
    assert sum(checked.values()) > 20
    offer_kinds = {"netwerkgroep", "expertisecentrum", "workshop", "verhaal", "aanbod"}
    assert offer_kinds <= checked.keys()


def test_offer_schemas_take_their_choices_from_the_project():
    config, _ = load_config(SAMPLE)
    schemas = all_schemas(config, project_choices(SAMPLE))
    network = schemas["netwerkgroep.schema.json"]["properties"]
    workshop = schemas["workshop.schema.json"]["properties"]
    story = schemas["verhaal.schema.json"]["properties"]
    assert network["doelgroep"]["items"]["enum"][:2] == ["leerkrachten", "intern-begeleiders"]
    assert network["doelgroep"]["items"]["enumDescriptions"][:2] == [
        "Leerkrachten",
        "Intern begeleiders",
    ]
    assert network["kern"]["anyOf"][0]["enum"] == [k.id for k in config.swv.kernen]
    assert workshop["soort"]["enum"] == ["workshop", "training", "studiemiddag", "webinar"]
    assert workshop["soort"]["enumDescriptions"][-1] == "Webinar (online)"
    schools = story["scholen"]["items"]
    assert (
        schools["enumDescriptions"][schools["enum"].index("de-zeester")] == "Kindcentrum De Zeester"
    )
    assert "nooit op de site" in story["interne_notitie"]["description"]


def test_offer_schema_without_project_choices_allows_any_audience_but_an_empty_kern():
    config, _ = load_config(SAMPLE)
    network = content_schema(next(k for k in CONTENT_TYPES if k.id == "netwerkgroep"), config)
    base = {"titel": "IB-netwerk", "samenvatting": "Samen leren.", "wanneer": "Op dinsdag"}
    assert _schema_errors(network, base | {"doelgroep": ["wie-dan-ook"], "kern": ""}) == []
    assert _schema_errors(network, base | {"doelgroep": ["wie-dan-ook"], "kern": None}) == []
    assert _schema_errors(network, base | {"doelgroep": ["x"], "kern": "Noord"}) != []


def _case_files(case: str) -> list[str]:
    files = CASES / case / "files"
    if not files.is_dir():
        return []
    return sorted(p.relative_to(files).as_posix() for p in files.rglob("*") if p.is_file())


@pytest.mark.parametrize("case", [c for c in case_names() if _case_files(c)])
def test_schema_rejects_what_check_rejects_for_type_and_allowed_values(case: str, checked_case):
    root, project = checked_case(case)
    config = project.config or load_config(SAMPLE)[0]
    extra = project_choices(root)
    for rel in _case_files(case):
        kind = _kind(rel)
        data = _data(root, rel, kind) if kind else None
        if data is None:
            continue  # not a content file, or not readable YAML: no schema question
        check_codes = {i.code for i in project.issues if i.path == rel and i.is_error}
        schema_errors = _schema_errors(content_schema(kind, config, extra), data)
        if check_codes & SCHEMA_CODES:
            assert schema_errors, f"{rel}: check says {sorted(check_codes)}, schema accepts"
        else:
            assert schema_errors == [], f"{rel}: check accepts, schema says {schema_errors}"


def test_committed_schemas_are_up_to_date():
    """schema/ (used by the editor settings) matches what `sop-builder schema` writes.

    schema/ belongs to the SWV in this repository (its kernen, lists and school folders), so
    this test reads the repository's own site_config/ and content/, not a fixture: an SWV that
    puts its own data here runs `sop-builder schema` once, as the README says."""
    config, _ = load_config(REPO)
    for name, schema in all_schemas(config, project_choices(REPO)).items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == dumps(schema), f"schema/{name} is out of date: run sop-builder schema"
