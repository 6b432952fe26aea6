"""`sop-builder migreer`: one command brings a project to the current format, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.authoring.migrate import Step, Workspace, migrate
from sop_builder.cli.main import main
from sop_builder.project.config import FORMAT_VERSION
from sop_builder.project.load import load_project

from .conftest import TODAY, make_project


@pytest.fixture
def old_sample(tmp_path: Path) -> Path:
    """A writable copy of the sample as file format 1 wrote it."""
    return make_project(tmp_path, "sample-v1")


def test_an_old_project_gets_one_message_that_says_to_migrate(old_sample):
    project = load_project(old_sample, TODAY)
    assert [(i.code, i.path) for i in project.issues] == [("SOP506", "site_config/swv.yaml")]
    assert "sop-builder migreer" in project.issues[0].hint


def test_a_newer_project_is_refused_with_a_message(sample):
    swv = sample / "site_config/swv.yaml"
    text = swv.read_text(encoding="utf-8")
    swv.write_text(
        text.replace(f"formaatversie: {FORMAT_VERSION}", f"formaatversie: {FORMAT_VERSION + 1}"),
        encoding="utf-8",
    )
    project = load_project(sample, TODAY)
    assert [i.code for i in project.issues] == ["SOP507"]
    assert project.issues[0].line > 1  # points at the formaatversie line


def test_migreer_sets_the_version_and_keeps_every_other_line(old_sample):
    sample = old_sample
    swv = sample / "site_config/swv.yaml"
    before = swv.read_text(encoding="utf-8")
    run = CliRunner().invoke(main, ["migreer", "--map", str(sample)])
    assert run.exit_code == 0, run.output
    after = swv.read_text(encoding="utf-8")
    added = [line for line in after.split("\n") if line not in before.split("\n")]
    assert f"formaatversie: {FORMAT_VERSION}" in added
    assert all(line.startswith("#") or line.startswith("formaatversie") for line in added)
    assert [line for line in after.split("\n") if line in before.split("\n")] == before.split("\n")
    assert "Klaar: 1 bestand aangepast" in run.output
    assert not load_project(sample, TODAY).errors
    again = CliRunner().invoke(main, ["migreer", "--map", str(sample)])
    assert again.exit_code == 0 and f"al formaat {FORMAT_VERSION}" in again.output


def test_a_dry_run_writes_nothing(old_sample):
    sample = old_sample
    swv = sample / "site_config/swv.yaml"
    before = swv.read_bytes()
    run = CliRunner().invoke(main, ["migreer", "--map", str(sample), "--proef"])
    assert run.exit_code == 0, run.output
    assert "swv.yaml" in run.output and "proef" in run.output
    assert swv.read_bytes() == before


def test_a_failing_step_writes_nothing(old_sample):
    sample = old_sample
    swv = sample / "site_config/swv.yaml"
    before = swv.read_bytes()
    school = sample / "content/schools/de-duinroos/sop.md"
    school_before = school.read_bytes()

    def rewrite_school(workspace: Workspace) -> None:
        workspace.write("content/schools/de-duinroos/sop.md", "veranderd\n", "test")

    def broken(workspace: Workspace) -> None:
        workspace.read("content/schools/bestaat-niet/sop.md")

    (sample / "content/schools/bestaat-niet").mkdir()
    (sample / "content/schools/bestaat-niet/sop.md").write_bytes(b"\xff\xfe kapot")
    result = migrate(sample, [Step(2, "een", rewrite_school), Step(2, "twee", broken)])
    assert not result.ok
    assert [i.code for i in result.issues] == ["SOP001"]
    assert swv.read_bytes() == before and school.read_bytes() == school_before


def test_workspace_sees_its_own_changes_before_writing(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    space = Workspace(tmp_path)
    space.write("b.yaml", "y: 2\n", "nieuw bestand")
    space.remove("a.yaml", "weg")
    assert space.paths("*.yaml") == ["b.yaml"]
    assert space.read("b.yaml") == "y: 2\n" and not space.exists("a.yaml")
    assert (tmp_path / "a.yaml").exists() and not (tmp_path / "b.yaml").exists()
    space.commit()
    assert not (tmp_path / "a.yaml").exists()
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == "y: 2\n"
    assert [c.kind for c in space.changes] == ["nieuw", "verwijderd"]


def test_migreer_indents_lines_that_continue_a_value(old_sample):
    from sop_builder.authoring.migrations import STEPS

    sop = old_sample / "content/schools/de-duinroos/sop.md"
    text = sop.read_text(encoding="utf-8")
    old = "extra_ondersteuning: [plusklas, leesbegeleiding]"
    assert old in text
    sop.write_text(
        text.replace(old, "extra_ondersteuning: [plusklas,\nleesbegeleiding]").replace(
            "bestuur: Stichting Kustwijzer", 'bestuur: "Stichting\nKustwijzer"'
        ),
        encoding="utf-8",
    )
    result = migrate(old_sample, STEPS)
    assert result.ok
    assert {c.path for c in result.changes} == {
        "content/schools/de-duinroos/sop.md",
        "site_config/swv.yaml",
    }
    after = sop.read_text(encoding="utf-8")
    assert "extra_ondersteuning: [plusklas,\n leesbegeleiding]" in after
    assert 'bestuur: "Stichting\n Kustwijzer"' in after
    assert not load_project(old_sample, TODAY).errors
