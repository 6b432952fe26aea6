"""`sop-builder migreer`: one command brings a project to the current format, all or nothing."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.authoring.migrate import Step, Workspace, migrate
from sop_builder.authoring.migrations import STEPS
from sop_builder.cli.main import main
from sop_builder.project.config import FORMAT_VERSION
from sop_builder.project.load import load_project

from .conftest import SAMPLE, SAMPLE_V1, TODAY, make_project
from .faults import Faults, Killed, tree


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
    assert all(line.startswith(("#", "formaatversie:", "site_adres:")) for line in added)
    assert [line for line in after.split("\n") if line in before.split("\n")] == before.split("\n")
    assert re.search(r"Klaar: \d+ bestanden aangepast", run.output)
    assert (sample / "site_config/bouwen.yaml").read_text(encoding="utf-8") == (
        SAMPLE / "site_config/bouwen.yaml"
    ).read_text(encoding="utf-8")  # a new file, as the sample has it
    assert not load_project(sample, TODAY).errors
    again = CliRunner().invoke(main, ["migreer", "--map", str(sample)])
    assert again.exit_code == 0
    assert f"al formaat {FORMAT_VERSION}" in again.output


def test_a_dry_run_writes_nothing(old_sample):
    sample = old_sample
    swv = sample / "site_config/swv.yaml"
    before = swv.read_bytes()
    run = CliRunner().invoke(main, ["migreer", "--map", str(sample), "--proef"])
    assert run.exit_code == 0, run.output
    assert "swv.yaml" in run.output
    assert "proef" in run.output
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
    assert swv.read_bytes() == before
    assert school.read_bytes() == school_before


def test_a_full_disk_or_a_kill_halfway_never_leaves_a_half_migrated_project(tmp_path: Path):
    """Issue 21, finding 2: files were written one by one, swv.yaml with `formaatversie: 2`
    early; a kill before the 20th file or a full disk at the 5th left a mix that `check`
    passed with 0 errors and that a rerun refused ("al formaat 2")."""
    reference = make_project(tmp_path, "sample-v1", name="referentie")
    counted = Faults(reference)
    with counted.active():
        assert CliRunner().invoke(main, ["migreer", "--map", str(reference)]).exit_code == 0
    migrated = tree(reference)
    opens = [i for i, op in enumerate(counted.ops) if op.startswith("open ")]

    full = make_project(tmp_path, "sample-v1", name="vol")
    before = tree(full)
    with Faults(full, opens[4], errno.ENOSPC).active():
        run = CliRunner().invoke(main, ["migreer", "--map", str(full)])
    assert run.exit_code == 1, run.output
    assert isinstance(run.exception, SystemExit), run.output
    assert "omdat de schijf vol is" in run.output
    assert "Er is niets veranderd." in run.output
    assert tree(full) == before
    assert [i.code for i in load_project(full, TODAY).issues] == ["SOP506"]  # still format 1

    killed = make_project(tmp_path, "sample-v1", name="gestopt")
    late = len(counted.ops) * 3 // 4  # most files are written by then
    with Faults(killed, late, kill=True, simulate=True).active(), pytest.raises(Killed):
        CliRunner().invoke(main, ["migreer", "--map", str(killed)], catch_exceptions=False)
    checked = CliRunner().invoke(main, ["controleer", "--map", str(killed)])
    assert "SOP952" in checked.output  # check finished the interrupted migration, and said so
    assert tree(killed) == migrated
    for root in (full, killed):
        rerun = CliRunner().invoke(main, ["migreer", "--map", str(root)])
        assert rerun.exit_code == 0, rerun.output
        assert tree(root) == migrated, rerun.output


def test_workspace_sees_its_own_changes_before_writing(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    space = Workspace(tmp_path)
    space.write("b.yaml", "y: 2\n", "nieuw bestand")
    space.remove("a.yaml", "weg")
    assert space.paths("*.yaml") == ["b.yaml"]
    assert space.read("b.yaml") == "y: 2\n"
    assert not space.exists("a.yaml")
    assert (tmp_path / "a.yaml").exists()
    assert not (tmp_path / "b.yaml").exists()
    space.commit()
    assert not (tmp_path / "a.yaml").exists()
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == "y: 2\n"
    assert [c.kind for c in space.changes] == ["nieuw", "verwijderd"]


def _subsequence(old: list[str], new: list[str]) -> bool:
    """Every line of ``old`` is in ``new``, in the same order."""
    rest = iter(new)
    return all(any(line == candidate for candidate in rest) for line in old)


def test_format_2_declarations_per_need_keep_every_comment_and_pass_check(old_sample):
    """Every format-1 SOP gets its (empty) declarations, facts and enrolment; the staff's
    `behoeften` leave the vocabularies; every other line and comment stays in its order; and
    check has no errors, only "profiel niet compleet" for every school."""
    from sop_builder.authoring.migrations import STEPS, declarations

    before = {
        p.relative_to(old_sample).as_posix(): p.read_text(encoding="utf-8")
        for p in old_sample.rglob("*")
        if p.is_file() and p.suffix in (".md", ".yaml")
    }
    result = migrate(old_sample, STEPS)  # what `sop-builder migreer` runs: every step
    assert result.ok, result.issues
    sops = sorted(k for k in before if k.startswith("content/schools/") and k.endswith("sop.md"))
    mine = {c.path for c in result.changes if c.summary.startswith("ondersteuning per behoefte")}
    assert mine == set(sops)
    assert declarations.VOCABULARIES in {c.path for c in result.changes}
    for path in sops:
        old, new = before[path].split("\n"), (old_sample / path).read_text(encoding="utf-8")
        assert _subsequence(old, new.split("\n")), path  # every line and comment kept
        assert "\nondersteuning:\n" in new, path
        assert "\npraktisch:\n" in new, path
    vocab_old = [
        line for line in before[declarations.VOCABULARIES].split("\n") if "behoeften: [" not in line
    ]
    vocab_new = (old_sample / declarations.VOCABULARIES).read_text(encoding="utf-8")
    assert _subsequence(vocab_old, vocab_new.split("\n"))
    assert [line for line in vocab_old if line.lstrip().startswith("#")]  # comments were there
    assert "    behoeften: [" not in vocab_new
    assert "aanbodniveaus:" in vocab_new
    # A comment per need names the staff that used to decide it, e.g. De Duinroos's plusklas.
    duinroos = (old_sample / "content/schools/de-duinroos/sop.md").read_text(encoding="utf-8")
    gifted = duinroos.split("  hoogbegaafdheid:")[0].rsplit("  # Hoogbegaafdheid", 1)[1]
    assert "Plusklas" in gifted
    assert "Specialist hoogbegaafdheid" in gifted
    project = load_project(old_sample, TODAY)
    assert project.errors == []
    codes = {(i.code, i.path) for i in project.issues}
    for path in sops:
        assert ("SOP222", path) in codes, path
        assert ("SOP225", path) in codes, path
    assert {s.slug for s in project.schools} == {p.split("/")[2] for p in sops}
    assert all(s.declarations == {} for s in project.schools)  # nothing declared for a school
    again = Workspace(old_sample)  # the step itself, once more: nothing left to change
    declarations.apply(again)
    assert again.changes == []


def test_the_format_2_step_is_registered():
    from sop_builder.authoring.migrations import STEPS, declarations

    assert declarations.STEP in STEPS
    assert declarations.STEP.version == 2


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
    # (the declarations step adds its blocks to every sop.md: those changes are not counted here)
    changed = {c.path for c in result.changes if "ondersteuning per behoefte" not in c.summary}
    assert {p for p in changed if p.startswith("content/")} == {
        "content/schools/de-duinroos/sop.md"
    }
    after = sop.read_text(encoding="utf-8")
    assert "extra_ondersteuning: [plusklas,\n leesbegeleiding]" in after
    assert 'bestuur: "Stichting\n Kustwijzer"' in after
    assert not load_project(old_sample, TODAY).errors


# --- the steps of format 2 (authoring/migrations/) ------------------------------------------


def test_a_migrated_format_1_project_passes_check_with_the_same_results(old_sample):
    """`migreer` on the sample as format 1 wrote it: check accepts it and every school's
    result (this year, and each earlier year in the trend) is what it was."""
    before = _results(SAMPLE)  # the sample: format 1's results, one norm for every year
    run = CliRunner().invoke(main, ["migreer", "--map", str(old_sample)])
    assert run.exit_code == 0, run.output
    project = load_project(old_sample, TODAY)
    assert project.errors == []
    assert project.config is not None
    assert project.config.norm.code_example == "BO-01"
    assert len(project.config.norm.agreements) == 65
    assert _results(old_sample) == before
    assert sum(1 for r in project.current.values() if r and r.meets_target) == 13


def _results(root: Path) -> dict[str, dict[str, tuple[str, int, int, bool]]]:
    """Per school, per school year of a self-assessment: (met, counted, percentage, target)."""
    from sop_builder.project.scoring import format_count, year_compliance

    project = load_project(root, TODAY)
    assert project.config is not None
    return {
        school.slug: {
            year: (format_count(r.total.met), r.total.counted, r.total.percentage, r.meets_target)
            for year in school.self_assessments
            if (r := year_compliance(school, project.config, year)) is not None
        }
        for school in project.schools
    }


def test_the_norm_moves_to_the_earliest_year_in_use_with_its_code_example(old_sample):
    assert migrate(old_sample, STEPS).ok
    assert not (old_sample / "site_config/basisondersteuning.yaml").exists()
    moved = old_sample / "site_config/basisondersteuning/2022-2023.yaml"  # the first target
    text = moved.read_text(encoding="utf-8")
    assert "\ncodevoorbeeld: BO-01\n" in text
    assert text.splitlines()[0].startswith("# Deze afspraken gelden vanaf schooljaar 2022-2023")
    old = (SAMPLE_V1 / "site_config/basisondersteuning.yaml").read_text(encoding="utf-8")
    kept = [line for line in old.splitlines() if line in text.splitlines()]
    assert kept == old.splitlines()  # every old line (and comment) is still there, in order


def test_goals_say_which_years_they_used_to_be_borrowed_for(old_sample):
    assert migrate(old_sample, STEPS).ok
    goals = old_sample / "site_config/jaardoelen"
    assert "tot_en_met: 2023-2024" in (goals / "2022-2023.yaml").read_text(encoding="utf-8")
    assert "tot_en_met: 2025-2026" in (goals / "2024-2025.yaml").read_text(encoding="utf-8")
    project = load_project(old_sample, TODAY)
    assert project.evaluation is not None
    assert project.evaluation.config.goals_for("2025-2026").school_year == "2024-2025"
    assert project.evaluation.config.goals_for("2026-2027") is None  # never borrowed silently


def test_the_site_address_moves_from_mkdocs_yml_into_swv_yaml(old_sample):
    assert migrate(old_sample, STEPS).ok
    project = load_project(old_sample, TODAY)
    assert project.config is not None
    assert project.config.swv.site_address == "https://sop.swv-duinkust.nl/"
    mkdocs = (old_sample / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url:" not in mkdocs
    assert "site_adres" in mkdocs


def test_texts_get_the_words_format_1_showed(old_sample):
    assert migrate(old_sample, STEPS).ok
    project = load_project(old_sample, TODAY)
    assert project.config is not None
    texts = project.config.texts
    assert texts.first_contact.for_type("bao") == (
        "de leerkracht of de intern begeleider van de school"
    )
    assert texts.special_education == "het speciaal (basis)onderwijs"
    assert texts.contact_role.for_type("vo") == "Intern begeleider"
