"""The synthetic project generator (used by bench/run.py): deterministic, valid, the right size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.synthetic import MAX_TEXT, MIN_TEXT, generate
from bench.synthetic import main as synthetic_main
from sop_builder.cli.main import main
from sop_builder.project.config import load_config
from sop_builder.project.load import load_project
from sop_builder.project.sections import visible_length

from .conftest import SAMPLE, TODAY


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_identical_files(tmp_path: Path):
    generate(SAMPLE, tmp_path / "a", 40, seed=7)
    generate(SAMPLE, tmp_path / "b", 40, seed=7)
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_other_seed_gives_other_content(tmp_path: Path):
    generate(SAMPLE, tmp_path / "a", 40, seed=7)
    generate(SAMPLE, tmp_path / "b", 40, seed=8)
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    content = {k: v for k, v in first.items() if k.startswith("content/")}
    assert content != {k: v for k, v in second.items() if k.startswith("content/")}


def test_generated_project_passes_check_without_problems(tmp_path: Path):
    generate(SAMPLE, tmp_path / "p", 40, seed=7)
    result = CliRunner().invoke(
        main, ["check", "--map", str(tmp_path / "p"), "--datum", str(TODAY), "--strict"]
    )
    assert result.exit_code == 0, result.output
    project = load_project(tmp_path / "p", TODAY)
    assert project.issues == []
    assert len(project.schools) == 40
    assert all(project.compliance[s.slug] is not None for s in project.schools)


@pytest.mark.parametrize("count", [1, 66, 300])
def test_counts_of_schools_assessments_and_kernen(tmp_path: Path, count: int):
    generate(SAMPLE, tmp_path / "p", count, seed=3)
    config, issues = load_config(tmp_path / "p")
    assert config is not None
    assert issues == []
    year = config.swv.school_year
    schools = sorted((tmp_path / "p" / "content" / "schools").iterdir())
    assert len(schools) == count
    assert all((s / "sop.md").is_file() for s in schools)
    assert all((s / f"zelfevaluatie-{year}.yaml").is_file() for s in schools)
    original = {k.id for k in load_config(SAMPLE)[0].swv.kernen}
    kernen = [k.id for k in config.swv.kernen]
    assert original <= set(kernen)
    assert len(set(kernen)) == len(kernen)
    assert round(count / 15) <= len(kernen) <= max(round(count / 15), len(original) + 3)
    municipalities = {k.municipality for k in config.swv.kernen}
    assert len(municipalities) >= count // 60 + 3


def test_every_school_text_is_between_the_limits(tmp_path: Path):
    generate(SAMPLE, tmp_path / "p", 30, seed=5)
    project = load_project(tmp_path / "p", TODAY)
    for school in project.schools:
        visible = sum(visible_length(s.markdown) for s in school.sections)
        assert MIN_TEXT <= visible <= MAX_TEXT, school.slug


def test_command_line_writes_the_project_and_refuses_a_full_folder(tmp_path: Path, capsys):
    synthetic_main(["--scholen", "3", "--uit", str(tmp_path / "p")])  # from the sample fixture
    assert "3 scholen geschreven" in capsys.readouterr().out
    assert len(list((tmp_path / "p" / "content" / "schools").iterdir())) == 3
    norm = "site_config/basisondersteuning/2022-2023.yaml"
    assert (tmp_path / "p" / norm).read_bytes() == (SAMPLE / norm).read_bytes()
    with pytest.raises(FileExistsError):
        generate(SAMPLE, tmp_path / "p", 3)
    data = json.loads(
        CliRunner()
        .invoke(main, ["check", "--map", str(tmp_path / "p"), "--formaat", "json"])
        .output
    )
    assert len(data["naleving"]) == 3
