"""Smoke tests: the tool works on whatever SWV this repository holds (``pytest -m smoke``).

Unlike every other test, these read the repository's own content/, site_config/ and mkdocs.yml,
not a fixture, and assume nothing about that SWV beyond what `check` itself demands: no names,
no ids, no counts. An SWV that puts its own data in the repository runs ``pytest -m smoke`` to
see that check, both builds, new-school and the schema export work on it. They run on the
sample here, and on tests/fixtures/other-swv/ in test_other_swv.py (a scratch copy of the
repository with that SWV's data in place).

`check` runs with today's date, as the CI workflow does: the repository's own content must pass
on the day it is checked. Date warnings are fine; errors are not.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.project import Project
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import PROJECT_PARTS, REPO
from .test_schema_export import _data, _kind, _schema_errors

pytestmark = pytest.mark.smoke


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A writable copy of the repository's project: its own data and the templates."""
    target = tmp_path / "project"
    target.mkdir()
    for part in (*PROJECT_PARTS, "templates"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copyfile(source, target / part)
    return target


def loaded(root: Path) -> Project:
    project = load_project(root)
    assert project.config is not None, [str(i) for i in project.errors]
    assert not project.errors, [str(i) for i in project.errors]
    return project


def test_check_finds_no_errors_in_this_repository():
    result = cli("check", "--map", str(REPO), "--formaat", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [p for p in data["problemen"] if p["ernst"] == "fout"] == []
    folders = sorted(p.name for p in (REPO / "content" / "schools").iterdir() if p.is_dir())
    assert folders, "content/schools/ has no school folders"
    assert sorted(r["slug"] for r in data["naleving"]) == folders


def test_public_site_has_a_page_for_every_school_group_and_agreement(repository: Path):
    output: list[str] = []
    result = build_site(repository, echo=output.append)
    assert result.ok, output + result.messages
    project = loaded(repository)
    site = repository / "site"
    for page in ("index.html", "scholen/index.html", "zoeken/index.html", "pagefind/pagefind.js"):
        assert (site / page).is_file(), page
    for school in project.schools:
        page = (site / "scholen" / school.slug / "index.html").read_text(encoding="utf-8")
        assert school.front.name in html.unescape(page), school.slug
    for kern in project.config.swv.kernen:  # the folder is named after the SWV's own label
        assert len(list(site.glob(f"*/{kern.id}/index.html"))) == 1, kern.id
    norm = (site / "basisondersteuning" / "index.html").read_text(encoding="utf-8")
    for agreement in project.config.norm.agreements:
        assert f">{agreement.id}<" in norm, agreement.id


def test_internal_site_has_a_report_for_every_school(repository: Path):
    output: list[str] = []
    result = build_intern(repository, repository / "site-intern", echo=output.append)
    assert result.ok, output + result.messages
    site = repository / "site-intern"
    assert (site / "index.html").is_file()
    for school in loaded(repository).schools:
        page = (site / "scholen" / school.slug / "index.html").read_text(encoding="utf-8")
        assert school.front.name in html.unescape(page), school.slug


def test_new_school_gets_a_folder_that_passes_check(repository: Path):
    project = loaded(repository)
    kern = project.config.swv.kernen[0].id
    kind = project.schools[0].front.type if project.schools else "bao"
    taken = {s.front.vestigingscode for s in project.schools}
    code = next(f"00ZZ{n:02d}" for n in range(100) if f"00ZZ{n:02d}" not in taken)
    args = ["--naam", "Testschool Nieuwbouw", "--vestigingscode", code, "--kern", kern]
    created = cli("new-school", "--map", str(repository), *args, "--type", kind)
    assert created.exit_code == 0, created.output
    folder = repository / "content" / "schools" / "testschool-nieuwbouw"
    assert (folder / "sop.md").is_file()
    checked = cli("check", "--map", str(repository), "--formaat", "parsable")
    assert checked.exit_code == 0, checked.output
    own = [ln for ln in checked.output.splitlines() if ln.startswith("content/schools/testschool")]
    assert own
    assert all(" waarschuwing " in line for line in own)  # placeholders to fill in
    project = loaded(repository)  # not started yet: its page says "volgt"
    assert "testschool-nieuwbouw" in {s.slug for s in project.schools + project.pending}


def test_schema_export_gives_schemas_that_this_repository_passes(repository: Path):
    result = cli("schema", "--map", str(repository), "--uit", "schema-test")
    assert result.exit_code == 0, result.output
    schemas = {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((repository / "schema-test").glob("*.schema.json"))
    }
    assert {"sop.schema.json", "swv.schema.json", "basisondersteuning.schema.json"} <= set(schemas)
    for schema in schemas.values():
        Draft202012Validator.check_schema(schema)
    checked = 0
    for file in sorted([*repository.glob("content/**/*"), *repository.glob("site_config/*")]):
        rel = file.relative_to(repository).as_posix()
        kind = _kind(rel)
        if kind is None or not file.is_file():
            continue
        schema = schemas[f"{kind.id}.schema.json"]
        assert _schema_errors(schema, _data(repository, rel, kind)) == [], rel
        checked += 1
    assert checked >= 3  # at least swv.yaml, the norm and the lists
