"""Checks before every commit: the pre-commit hook and the plain Git hook block broken content."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sop_builder.core.yamlread import read_yaml

from .casefolders import prepare
from .conftest import REPO, SAMPLE

BIN = Path(sys.executable).parent
BROKEN = "bad-email"  # a case folder: a school file with an invalid e-mail address (SOP107)


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "SOURCE_DATE_EPOCH": "1795000000",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    prepare("bom-and-crlf-accepted", root)  # the sample project (this case changes nothing else)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    return root


def break_a_school(repo: Path, tmp_path: Path) -> None:
    broken = prepare(BROKEN, tmp_path / "broken")
    rel = "content/schools/de-duinroos/sop.md"
    shutil.copyfile(broken / rel, repo / rel)
    git(repo, "add", rel)


def commits(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD").stdout)


def test_pre_commit_hook_blocks_a_broken_school_file(repo: Path, tmp_path: Path):
    hooks, issues = read_yaml((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"), "h")
    assert issues == []
    assert hooks is not None
    hook = hooks.data[0]
    assert hook["id"] == "sop-builder-check"
    assert hook["language"] == "python"
    # The same hook, run from the installed package instead of a fresh clone of this repository.
    typed = {"true": True, "false": False}
    local = {k: typed.get(v, v) for k, v in hook.items()} | {"language": "system"}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    assert_pre_commit_blocks_a_broken_school(repo, config, tmp_path)


def assert_pre_commit_blocks_a_broken_school(repo: Path, config: dict, tmp_path: Path) -> None:
    """Install pre-commit with ``config`` in ``repo``; a broken school file may not be committed."""
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config), encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    git(repo, "commit", "-q", "-m", "pre-commit config")
    subprocess.run([BIN / "pre-commit", "install"], cwd=repo, check=True, capture_output=True)
    before = commits(repo)
    break_a_school(repo, tmp_path)
    result = git(repo, "commit", "-m", "kapot", check=False)
    assert result.returncode != 0
    assert "SOP107" in result.stdout + result.stderr
    assert commits(repo) == before


@pytest.mark.slow
def test_pre_commit_hook_from_a_clone_of_this_repository(repo: Path, tmp_path: Path):
    """As an SWV's content repository uses it: pre-commit clones sop-builder at a commit and
    installs it in its own environment (language: python). Uses the last commit of this
    checkout, so uncommitted changes are not part of it; needs the package index."""
    if not (REPO / ".git").exists():
        pytest.skip("this checkout is not a Git repository")
    clone = tmp_path / "sop-builder"
    git(tmp_path, "clone", "-q", str(REPO), str(clone))
    rev = git(clone, "rev-parse", "HEAD").stdout.strip()
    hooks = [{"id": "sop-builder-check"}]
    config = {"repos": [{"repo": str(clone), "rev": rev, "hooks": hooks}]}
    assert_pre_commit_blocks_a_broken_school(repo, config, tmp_path)


def test_install_hook_blocks_a_broken_commit_and_lets_a_good_one_through(repo: Path, tmp_path):
    installed = subprocess.run(
        [BIN / "sop-builder", "install-hook"], cwd=repo, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stderr
    before = commits(repo)
    (repo / "content/schools/de-duinroos/sop.md").write_text(
        (repo / "content/schools/de-duinroos/sop.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    break_a_school(repo, tmp_path)
    blocked = git(repo, "commit", "-m", "kapot", check=False)
    assert blocked.returncode != 0
    assert "SOP107" in blocked.stdout + blocked.stderr
    assert commits(repo) == before
    git(repo, "checkout", "HEAD", "--", "content")
    (repo / "content/schools/de-duinroos/sop.md").write_text(
        (SAMPLE / "content/schools/de-duinroos/sop.md")
        .read_text(encoding="utf-8")
        .replace("Basisschool De Duinroos", "Basisschool De Duinroos (Zeewijk)"),
        encoding="utf-8",
    )
    git(repo, "add", "-A")
    assert git(repo, "commit", "-q", "-m", "goed", check=False).returncode == 0
    assert commits(repo) == before + 1


def test_install_hook_never_replaces_an_existing_hook(repo: Path):
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho eigen hook\n", encoding="utf-8")
    result = subprocess.run(
        [BIN / "sop-builder", "install-hook"], cwd=repo, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Er is al een pre-commit hook" in result.stderr
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\necho eigen hook\n"
