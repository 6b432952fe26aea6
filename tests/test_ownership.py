"""Who may edit what: CODEOWNERS from config, and the pull-request check on a scratch repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.authoring.ownership import codeowners
from sop_builder.cli.main import main
from sop_builder.project.editors import load_editors

from .conftest import SAMPLE
from .test_commit_hooks import git


def test_codeowners_gives_each_school_to_its_editors_and_the_rest_to_the_swv(tmp_path: Path):
    editors, issues = load_editors(SAMPLE)
    assert issues == []
    assert editors is not None
    text = codeowners(editors)
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines[0] == "* @swv-duinkust/beheer"
    assert "/content/schools/de-duinroos/ @marieke-schouten @peter-bakker" in lines
    result = CliRunner().invoke(
        main, ["codeowners", "--map", str(SAMPLE), "--uit", str(tmp_path / "CODEOWNERS")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "CODEOWNERS").read_text(encoding="utf-8") == text


def test_unknown_school_in_editors_file_is_named(sample: Path):
    file = sample / "site_config/redacteuren.yaml"
    file.write_text(
        file.read_text(encoding="utf-8") + '  de-duinros: ["@iemand"]\n', encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["codeowners", "--map", str(sample)])
    assert result.exit_code == 1
    assert "SOP209" in result.output
    assert "'de-duinros' bestaat niet" in result.output
    assert not (sample / ".github/CODEOWNERS").exists()


@pytest.fixture
def repo(sample: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(sample, "init", "-q", "-b", "main")
    git(sample, "add", "-A")
    git(sample, "commit", "-q", "-m", "start")
    git(sample, "checkout", "-q", "-b", "wijziging")
    return sample


def change(repo: Path, rel: str) -> None:
    file = repo / rel
    file.write_text(file.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"wijzig {rel}")


def check_owners(repo: Path, author: str):
    command = [Path(sys.executable).with_name("sop-builder"), "check-owners", "--auteur", author]
    return subprocess.run([*command, "--basis", "main"], cwd=repo, capture_output=True, text=True)


def test_pull_request_touching_only_own_school_passes(repo: Path):
    change(repo, "content/schools/de-duinroos/sop.md")
    result = check_owners(repo, "marieke-schouten")
    assert result.returncode == 0, result.stderr
    assert "In orde" in result.stdout


def test_pull_request_touching_another_school_fails_naming_the_file(repo: Path):
    change(repo, "content/schools/de-duinroos/sop.md")
    change(repo, "content/schools/de-meeuw/sop.md")
    result = check_owners(repo, "marieke-schouten")
    assert result.returncode == 1
    assert (
        "content/schools/de-meeuw/sop.md  (school de-meeuw; redacteuren: @ib-demeeuw)"
        in result.stderr
    )
    assert "de-duinroos" not in result.stderr


def test_the_swv_may_change_every_school(repo: Path):
    change(repo, "content/schools/de-meeuw/sop.md")
    assert check_owners(repo, "@swv-duinkust/beheer").returncode == 0


def _add_editor(repo: Path, school: str, who: str) -> None:
    """The pull request puts its own author among the editors of ``school``."""
    file = repo / "site_config/redacteuren.yaml"
    text = file.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith(f"  {school}: ["))
    file.write_text(text.replace(line, line.replace("[", f'["@{who}", ', 1)), encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"{who} is nu ook redacteur van {school}")


def test_a_pull_request_cannot_make_its_author_an_editor_of_another_school(repo: Path):
    """Who edits which school comes from the base branch: adding oneself to redacteuren.yaml in
    the same pull request does not open another school (and changing that file needs the SWV)."""
    change(repo, "content/schools/de-meeuw/sop.md")
    _add_editor(repo, "de-meeuw", "marieke-schouten")
    result = check_owners(repo, "marieke-schouten")
    assert result.returncode == 1, result.stdout
    assert "In orde" not in result.stdout
    assert (
        "content/schools/de-meeuw/sop.md  (school de-meeuw; redacteuren: @ib-demeeuw)"
        in result.stderr
    )
    assert (
        "site_config/redacteuren.yaml  (alleen het samenwerkingsverband: @swv-duinkust/beheer)"
        in result.stderr
    )


@pytest.mark.parametrize(
    "rel",
    [
        "site_config/redacteuren.yaml",
        "site_config/swv.yaml",
        ".github/CODEOWNERS",
        ".github/workflows/sop-builder.yml",
        ".gitlab-ci.yml",
    ],
)
def test_files_that_say_who_may_do_what_need_the_swv(repo: Path, rel: str):
    file = repo / rel
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text((file.read_text(encoding="utf-8") if file.exists() else "") + "# x\n")
    git(repo, "add", rel)
    git(repo, "commit", "-q", "-m", f"wijzig {rel}")
    result = check_owners(repo, "marieke-schouten")
    assert result.returncode == 1
    assert f"{rel}  (alleen het samenwerkingsverband" in result.stderr
    assert check_owners(repo, "@swv-duinkust/beheer").returncode == 0


def test_the_editors_of_the_base_branch_count_not_those_of_the_pull_request(repo: Path):
    """The SWV removed nobody on the base branch; a pull request that removes the SWV itself
    from redacteuren.yaml does not stop the SWV's check from passing, nor lock anyone out."""
    file = repo / "site_config/redacteuren.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace('swv: ["@swv-duinkust/beheer"]', 'swv: ["@iemand"]'))
    git(repo, "commit", "-q", "-am", "een andere beheerder")
    assert check_owners(repo, "@swv-duinkust/beheer").returncode == 0
    result = check_owners(repo, "iemand")
    assert result.returncode == 1
    assert "alleen het samenwerkingsverband" in result.stderr


def test_without_an_editors_file_on_the_base_branch_the_check_says_so(repo: Path):
    git(repo, "checkout", "-q", "main")
    git(repo, "rm", "-q", "site_config/redacteuren.yaml")
    git(repo, "commit", "-q", "-m", "weg")
    git(repo, "checkout", "-q", "-b", "nog-een")
    change(repo, "content/schools/de-duinroos/sop.md")
    result = check_owners(repo, "marieke-schouten")
    assert result.returncode == 1
    assert "Op 'main' staat geen site_config/redacteuren.yaml" in result.stderr
