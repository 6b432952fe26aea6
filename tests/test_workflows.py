"""The CI workflows are valid YAML and call only commands and options sop-builder has."""

from __future__ import annotations

import re
import shlex

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
    assert issues == [] and isinstance(tree.data, dict)
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
    assert keep["permissions"] == {"contents": "write"}
    assert 'sop-builder herstel-opmerkingen --basis "origin/${{ github.base_ref }}"' in lines


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
