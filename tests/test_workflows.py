"""The CI workflows are valid YAML and call only commands and options sop-builder has."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest

from sop_builder.cli.main import main
from sop_builder.core.yamlread import read_yaml

from .conftest import REPO, SAMPLE

WORKFLOWS = [".github/workflows/sop-builder.yml", ".gitlab-ci.yml"]
SHELL_OPERATORS = {">", ">>", "||", "&&", "|", ";"}


def _scripts(node) -> list[str]:
    """Every shell line under a 'run' or 'script' key."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("run", "script", "before_script"):
                found += value if isinstance(value, list) else value.splitlines()
            else:
                found += _scripts(value)
    elif isinstance(node, list):
        for item in node:
            found += _scripts(item)
    return found


@pytest.mark.parametrize("name", WORKFLOWS)
def test_workflow_is_valid_yaml_and_calls_real_commands(name: str):
    tree, issues = read_yaml((REPO / name).read_text(encoding="utf-8"), name)
    assert issues == []
    assert isinstance(tree.data, dict)
    calls = [line for line in _scripts(tree.data) if line.strip().startswith("sop-builder ")]
    assert len(calls) >= 3
    for line in calls:
        # CI variables become plain words; click then parses the line as the real CLI would.
        words = shlex.split(re.sub(r"\$\{\{[^}]*\}\}|\$\w+", "x", line))
        # The command ends where the shell takes over (a redirection or '||').
        end = next((n for n, w in enumerate(words) if w in SHELL_OPERATORS), len(words))
        args = words[1:end]
        context = main.make_context("sop-builder", list(args), resilient_parsing=False)
        command = main.get_command(context, args[0])
        assert command is not None, line
        try:
            command.make_context(args[0], args[1:], parent=context)
        except click.UsageError as exc:  # pragma: no cover - shown on failure
            pytest.fail(f"{name}: '{line}': {exc}")


def test_github_workflow_checks_pull_requests_and_publishes_main():
    tree, _ = read_yaml((REPO / WORKFLOWS[0]).read_text(encoding="utf-8"), "w")
    lines = _scripts(tree.data)
    assert "sop-builder controleer --formaat github" in lines
    assert tree.data["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    # Edits from the hosted web editor get their comments back on their own branch.
    keep = tree.data["jobs"]["keep-comments"]
    assert "startsWith(github.head_ref, 'cms/')" in keep["if"]
    assert "head.repo.full_name == github.repository" in keep["if"]  # not from a fork
    assert keep["permissions"] == {"contents": "write"}
    assert 'sop-builder herstel-opmerkingen --map pr --basis "origin/$BASE_REF"' in lines


# --- issue 21, finding 5: a pull request cannot steer its own checks ---------------------------

GITHUB = REPO / WORKFLOWS[0]
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _github() -> dict:
    tree, issues = read_yaml(GITHUB.read_text(encoding="utf-8"), GITHUB.name)
    assert issues == []
    return tree.data


def _steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def expressions_in_scripts(workflow: dict) -> list[str]:
    """Script lines with a `${{ }}` expression: GitHub pastes its value into the shell text, so
    a branch name or a title can run as code (values belong in env:)."""
    return [
        line
        for _, step in _steps(workflow)
        for line in _scripts({"run": step.get("run", "")})
        if "${{" in line
    ]


def unpinned_actions(text: str) -> list[str]:
    """`uses:` lines that do not name a full commit with its version in a comment."""
    return [
        line.strip()
        for line in text.splitlines()
        if re.match(r"^\s*(?:-\s+)?uses:", line) and not SHA_PIN.match(line)
    ]


def checkouts_with_credentials(workflow: dict) -> list[str]:
    """Checkouts that leave the token in .git/config for every later step to read."""
    return [
        f"{job}: {step.get('name', step['uses'])}"
        for job, step in _steps(workflow)
        if step.get("uses", "").startswith("actions/checkout@")
        and (step.get("with") or {}).get("persist-credentials") != "false"
    ]


def pull_request_code_with_a_write_token(workflow: dict) -> list[str]:
    """Jobs that may write and install or run code from a checkout of the pull request: only a
    checkout of the base branch (`ref: ${{ github.base_ref }}`) may be installed there."""
    found = []
    for name, job in workflow["jobs"].items():
        if "write" not in (job.get("permissions") or {}).values():
            continue
        base = {
            (step.get("with") or {}).get("path", ".")
            for step in job["steps"]
            if step.get("uses", "").startswith("actions/checkout@")
            and (step.get("with") or {}).get("ref") == "${{ github.base_ref }}"
        }
        for step in job["steps"]:
            for line in _scripts({"run": step.get("run", "")}):
                words = line.split()
                if "install" in words and words[-1].removeprefix("./") not in base:
                    found.append(f"{name}: {line.strip()}")
    return found


def test_no_event_value_is_pasted_into_a_script():
    assert expressions_in_scripts(_github()) == []
    planted = {"jobs": {"x": {"steps": [{"run": 'echo "${{ github.head_ref }}"'}]}}}
    assert expressions_in_scripts(planted) == ['echo "${{ github.head_ref }}"']


def test_every_action_is_pinned_by_commit_with_its_version():
    text = GITHUB.read_text(encoding="utf-8")
    assert unpinned_actions(text) == []
    assert text.count("uses: ") >= 7
    planted = "      - uses: actions/checkout@v4\n      - uses: a/b@0123456789abcdef0123\n"
    assert len(unpinned_actions(planted)) == 2


def test_no_checkout_keeps_its_credentials():
    workflow = _github()
    assert checkouts_with_credentials(workflow) == []
    checkout = {"uses": "actions/checkout@" + "0" * 40, "with": {"fetch-depth": "0"}}
    assert checkouts_with_credentials({"jobs": {"x": {"steps": [checkout]}}}) == [
        f"x: {checkout['uses']}"
    ]


def test_no_job_with_a_write_token_runs_the_pull_requests_code():
    workflow = _github()
    assert pull_request_code_with_a_write_token(workflow) == []
    assert workflow["jobs"]["keep-comments"]["permissions"] == {"contents": "write"}
    # The job as it was: the pull request checked out and installed, with contents: write.
    planted = {
        "jobs": {
            "keep-comments": {
                "permissions": {"contents": "write"},
                "steps": [
                    {"uses": "actions/checkout@x", "with": {"ref": "${{ github.head_ref }}"}},
                    {"run": "python -m pip install ."},
                ],
            }
        }
    }
    assert pull_request_code_with_a_write_token(planted) == [
        "keep-comments: python -m pip install ."
    ]


def test_the_owner_check_runs_the_tool_of_the_base_branch():
    for name in ("owners",):
        job = _github()["jobs"][name]
        base = [
            s for s in job["steps"] if (s.get("with") or {}).get("ref") == "${{ github.base_ref }}"
        ]
        assert [s["with"]["path"] for s in base] == ["basis"]
        lines = _scripts({"steps": job["steps"]})
        assert "python -m pip install ./basis" in lines
        assert any(line.startswith("sop-builder controleer-eigenaars --map pr") for line in lines)
    gitlab, _ = read_yaml((REPO / WORKFLOWS[1]).read_text(encoding="utf-8"), "g")
    owners = gitlab.data["owners"]
    assert "python -m pip install --quiet /tmp/basis" in owners["before_script"]
    assert owners["script"][0].startswith("sop-builder controleer-eigenaars")
    assert not any("controleer-eigenaars" in line for line in gitlab.data["check"]["script"])


def _zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    zizmor = Path(sys.executable).with_name("zizmor")
    if not zizmor.exists():  # pragma: no cover - a dev dependency (pyproject.toml)
        pytest.fail("zizmor is missing: make .venv/.installed-stamp installs it")
    command = [str(zizmor), "--offline", "--no-progress", "--format", "plain", str(folder)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_zizmor_finds_nothing_in_the_workflows_and_finds_what_was_there(tmp_path: Path):
    """`make lint` runs zizmor (from PyPI) over .github/workflows/; here it also meets the
    faults the workflow had, so a zizmor that reports nothing cannot pass unnoticed."""
    clean = _zizmor(REPO / ".github/workflows")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    old = tmp_path / ".github" / "workflows"
    old.mkdir(parents=True)
    (old / "old.yml").write_text(
        "on: pull_request\n"
        "permissions:\n  contents: read\n"
        "jobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.head_ref }}"\n',
        encoding="utf-8",
    )
    found = _zizmor(old / "old.yml")
    assert found.returncode != 0
    for audit in ("template-injection", "unpinned-uses", "artipacked"):
        assert audit in found.stdout + found.stderr, found.stdout + found.stderr


def test_readme_shows_the_adoption_steps():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Een nieuw samenwerkingsverband", 1)[1]
    section = section.split("\n## Een nieuw schooljaar", 1)[0]
    for needed in (
        "sop-builder nieuw-swv",
        "mkdocs.yml",
        "site_config/swv.yaml",
        "site_adres",
        "site_config/basisondersteuning/",
        "site_config/teksten.yaml",
        "site_config/vocabularies.yaml",
        "site_config/woordenlijst.yaml",
        "site_config/redacteuren.yaml",
        "site_config/jaardoelen/",
        "site_config/kaders/",
        "site_config/aanbod.yaml",
        "site_config/doorverwijzingen.yaml",
        "site_config/webeditor.yaml",
        "content/swv/",
        "content/aanbod/",
        "content/leerlingen.yaml",
        "sop-builder nieuwe-school",
        "sop-builder schema",
        "sop-builder codeowners",
        "sop-builder bouw",
    ):
        assert needed in section, needed
    # Every file and folder the sample keeps in site_config/ and content/ is named in the steps.
    for folder in sorted((SAMPLE / "content").iterdir()):
        assert f"content/{folder.name}" in section, folder.name
    for folder in sorted((SAMPLE / "site_config").iterdir()):
        assert f"site_config/{folder.name}" in section, folder.name


def test_gitlab_merge_requests_get_a_code_quality_report():
    tree, _ = read_yaml((REPO / WORKFLOWS[1]).read_text(encoding="utf-8"), "w")
    job = tree.data["check"]
    assert job["script"][0] == (
        "sop-builder controleer --formaat gitlab > gl-code-quality-report.json || true"
    )
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
