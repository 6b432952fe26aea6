"""Any school year: a norm per year (history never changes), and `sop-builder nieuw-schooljaar`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.editor.config import decap_config
from sop_builder.intern.stats import InternalFigures
from sop_builder.project.load import load_project
from sop_builder.project.scoring import format_count, year_compliance
from sop_builder.publish.public import build_site

from .conftest import TODAY, make_project
from .test_other_swv import visible_text

NORMS = "site_config/basisondersteuning"
NEXT = "2026-2027"
NEW_AGREEMENT = """  - id: BO-66
    thema: klimaat
    aspect: preventief
    titel: Rouw en verlies
    omschrijving: De school heeft een plan voor als een kind iemand verliest.
"""


def add_next_years_norm(root: Path) -> None:
    """A norm for 2026-2027: the current one plus one agreement."""
    current = next((root / NORMS).glob("*.yaml"))
    text = current.read_text(encoding="utf-8").replace('versie: "2024.1"', 'versie: "2026.1"')
    (root / NORMS / f"{NEXT}.yaml").write_text(text.rstrip("\n") + "\n" + NEW_AGREEMENT)


def history(root: Path) -> tuple[dict, list, list]:
    """Every school's result per year, the SWV's trend, and every warning."""
    project = load_project(root, TODAY)
    assert project.config is not None
    assert not project.errors
    results = {
        (s.slug, year): (format_count(r.total.met), r.total.counted, r.meets_target, r.complete)
        for s in project.schools
        for year in s.self_assessments
        if (r := year_compliance(s, project.config, year)) is not None
    }
    trend = [
        (y.year, y.target, y.all_schools.assessed, y.all_schools.meeting, y.all_schools.pooled)
        for y in InternalFigures(project).trend().years
    ]
    return results, trend, [(w.path, w.line, w.code, w.message) for w in project.warnings]


def test_a_new_agreement_in_next_years_norm_changes_nothing_of_earlier_years(sample: Path):
    before = history(sample)
    assert len(before[0]) > 18
    assert len(before[1]) == 2  # two years of self-assessments
    add_next_years_norm(sample)
    after = history(sample)
    assert after == before  # results, trend and warnings of 2024-2025 and 2025-2026
    # In the new year the norm has 66 agreements; last year's results still count 65.
    run = CliRunner().invoke(
        main, ["nieuw-schooljaar", NEXT, "--map", str(sample), "--datum", TODAY.isoformat()]
    )
    assert run.exit_code == 0, run.output
    rolled = load_project(sample, TODAY)
    assert rolled.config is not None
    assert len(rolled.config.norm.agreements) == 66
    results, trend, _ = history(sample)
    assert {k: v for k, v in results.items() if k[1] != NEXT} == before[0]
    assert trend[:2] == before[1]
    new_files = [i for i in rolled.warnings if i.code == "SOP302" and NEXT in i.path]
    assert len(new_files) == 18
    assert all("66 afspraken" in i.message for i in new_files)
    # A score for BO-66 in last year's file is refused: it is not last year's agreement.
    last = sample / "content/schools/de-meeuw/zelfevaluatie-2025-2026.yaml"
    last.write_text(last.read_text(encoding="utf-8") + "  BO-66: ja\n", encoding="utf-8")
    assert [i.code for i in load_project(sample, TODAY).errors] == ["SOP307"]


@pytest.fixture
def rolled_over(tmp_path: Path) -> tuple[Path, str]:
    """The sample after `sop-builder nieuw-schooljaar 2026-2027` (empty files)."""
    root = make_project(tmp_path)
    run = CliRunner().invoke(
        main, ["nieuw-schooljaar", NEXT, "--map", str(root), "--datum", "2026-08-20"]
    )
    assert run.exit_code == 0, run.output
    return root, run.output


def test_nieuw_schooljaar_gives_every_school_its_file_and_says_what_to_do(rolled_over):
    root, output = rolled_over
    project = load_project(root, TODAY)
    assert project.config is not None
    assert project.config.swv.school_year == NEXT
    assert not project.errors
    for school in project.schools:
        file = root / "content/schools" / school.slug / f"zelfevaluatie-{NEXT}.yaml"
        text = file.read_text(encoding="utf-8")
        assert text.startswith(f"# Zelfevaluatie basisondersteuning van {school.front.name}")
        assert "# Een regel die met # begint, is uitleg." in text
        for agreement in project.config.norm.agreements:  # each agreement, explained
            assert f"  # {agreement.id}, {agreement.title}\n" in text
        assert f"{school.front.name} ({school.slug})" in output  # a to-do list per school
    # check says per school what is missing: every score and the date it was filled in.
    missing = {i.path.split("/")[2] for i in project.warnings if i.code == "SOP302"}
    assert missing == {s.slug for s in project.schools}
    dated = {
        i.path.split("/")[2] for i in project.warnings if i.code == "SOP411" and NEXT in i.path
    }
    assert dated == missing
    assert "Er zijn nog geen jaardoelen voor 2026-2027" in output
    assert "schooljaar: 2026-2027" in (root / "site_config/swv.yaml").read_text(encoding="utf-8")


def test_public_pages_show_last_years_result_with_its_year(rolled_over):
    root, _ = rolled_over
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    page = visible_text(root / "site/scholen/de-duinroos/index.html")
    assert (
        "Volgens de beoordeling door het samenwerkingsverband van 2025-2026 hield de school zich "
        "aan 56 van de 65 afspraken" in page
    )
    assert "De uitslag van 2026-2027 is nog niet klaar; hier staat die van 2025-2026." in page
    # The school cards (a kern page; the finder's data, from which its script makes the cards).
    kern = visible_text(root / "site/kernen/noord/index.html")
    assert "Basisondersteuning 2025-2026: 56 van 65 afspraken (86%) volgens het" in kern
    assert "Nog geen zelfevaluatie" not in kern
    index = (root / "site/vinder/scholen.json").read_text(encoding="utf-8")
    assert '"56/65/86/1/2025-2026/swv"' in index


def test_last_years_scores_are_a_starting_point_until_confirmed(tmp_path: Path):
    root = make_project(tmp_path)
    run = CliRunner().invoke(
        main,
        ["nieuw-schooljaar", NEXT, "--map", str(root), "--startpunt", "vorig-jaar"],
    )
    assert run.exit_code == 0, run.output
    file = root / f"content/schools/de-duinroos/zelfevaluatie-{NEXT}.yaml"
    text = file.read_text(encoding="utf-8")
    assert "komen uit de zelfevaluatie van 2025-2026: een startpunt" in text
    assert re.search(r"^scores:$", text, re.M)
    assert "\n  BO-01: " in text
    project = load_project(root, TODAY)
    assert project.current["de-duinroos"].pending  # not confirmed: INVULLEN above 'scores'
    assert project.compliance["de-duinroos"].school_year == "2025-2026"  # on the site
    # The school confirms: it removes the two INVULLEN marks.
    file.write_text(text.replace(" INVULLEN\n", "\n"), encoding="utf-8")
    confirmed = load_project(root, TODAY)
    assert confirmed.compliance["de-duinroos"].school_year == NEXT


def test_the_web_editor_offers_the_new_files_with_their_years_norm(rolled_over):
    root, _ = rolled_over
    add_next_years_norm(root)
    project = load_project(root, TODAY)
    assert project.config is not None
    config = decap_config(project.config, root, local_backend="http://127.0.0.1:1/api")
    files = next(c for c in config["collections"] if c["name"] == "zelfevaluaties")["files"]
    new = [f for f in files if f["file"].endswith(f"zelfevaluatie-{NEXT}.yaml")]
    old = [f for f in files if f["file"].endswith("zelfevaluatie-2025-2026.yaml")]
    assert len(new) == 18
    assert len(old) == 18
    assert files.index(new[0]) < files.index(old[0])  # the new year on top

    def agreements(entry: dict) -> list[str]:
        scores = next(f for f in entry["fields"] if f["name"] == "scores")
        return [f["name"] for f in scores["fields"]]

    assert len(agreements(new[0])) == 66
    assert len(agreements(old[0])) == 65


def test_nieuw_schooljaar_refuses_an_earlier_year_and_never_overwrites(rolled_over):
    root, _ = rolled_over
    earlier = CliRunner().invoke(main, ["nieuw-schooljaar", "2024-2025", "--map", str(root)])
    assert earlier.exit_code == 1
    assert "ligt daarvoor" in earlier.output
    file = root / f"content/schools/de-meeuw/zelfevaluatie-{NEXT}.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "# eigen regel\n", encoding="utf-8")
    again = CliRunner().invoke(main, ["nieuw-schooljaar", NEXT, "--map", str(root)])
    assert again.exit_code == 0, again.output
    assert "bestond al en is niet veranderd" in again.output
    assert file.read_text(encoding="utf-8").endswith("# eigen regel\n")
    wrong = CliRunner().invoke(main, ["nieuw-schooljaar", "2026-2028", "--map", str(root)])
    assert wrong.exit_code == 2  # a usage error
    assert "geen schooljaar" in wrong.output


def test_a_dry_run_writes_nothing(tmp_path: Path):
    root = make_project(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    run = CliRunner().invoke(main, ["nieuw-schooljaar", NEXT, "--map", str(root), "--proef"])
    assert run.exit_code == 0
    assert "proef" in run.output
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    shutil.rmtree(root)


def test_export_and_import_work_in_the_new_year(rolled_over, tmp_path: Path):
    root, _ = rolled_over
    sheet = tmp_path / "scores.csv"
    sheet.write_text(
        "afspraak;score;schooljaar\nBO-01;ja;2026-2027\nBO-02;nee;2026-2027\nBO-03;ja;2025-2026\n",
        encoding="utf-8",
    )
    run = CliRunner().invoke(main, ["import-scores", "--map", str(root), "de-duinroos", str(sheet)])
    assert run.exit_code == 0, run.output
    assert "2 scores geïmporteerd" in run.output  # the row of last year is skipped, not these
    school = next(s for s in load_project(root, TODAY).schools if s.slug == "de-duinroos")
    assessment = school.self_assessments[NEXT]
    assert assessment.scores == {"BO-01": "ja", "BO-02": "nee"}
    out = tmp_path / "export.csv"
    exported = CliRunner().invoke(
        main, ["export", "--map", str(root), "--formaat", "csv", "--uit", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    assert "schooljaar 2026-2027" in exported.output
    assert "BO-01" in out.read_text(encoding="utf-8")
