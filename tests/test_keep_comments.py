"""`sop-builder herstel-opmerkingen`: after an edit in the hosted web editor, comments and layout return."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.core.roundtrip import split_document
from sop_builder.core.yamlread import read_yaml

from .conftest import add_new_school
from .test_commit_hooks import git

SOP = "content/schools/de-vlieger/sop.md"


def _as_decap_writes_it(text: str, phone: str, visie: str) -> str:
    """The file as Decap CMS's own YAML writer would save it: no comments, null for empty."""
    front, body = split_document(text)
    tree, _ = read_yaml(front, SOP)
    data = {k: (v if v != "" else None) for k, v in tree.data.items()}
    data["telefoon"] = phone
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    body = body.replace("## Visie\n", "## Visie\n\n" + visie + "\n", 1)
    return f"---\n{dumped}---\n{body}"


@pytest.fixture
def repo(sample: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    add_new_school(sample)
    git(sample, "init", "-q", "-b", "main")
    git(sample, "add", "-A")
    git(sample, "commit", "-q", "-m", "start")
    git(sample, "checkout", "-q", "-b", "cms/scholen/de-vlieger")
    return sample


def test_comments_and_layout_return_after_a_hosted_edit(repo: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796601600")  # 2026-12-07: the day of the run
    file = repo / SOP
    original = file.read_text(encoding="utf-8")
    edited = _as_decap_writes_it(original, "0251 123 456", "Elk kind hoort erbij.")
    assert "# " not in split_document(edited)[0]
    assert "email: null" in edited
    file.write_text(edited, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Update Schoolprofielen “de-vlieger”")

    result = CliRunner().invoke(main, ["keep-comments", "--map", str(repo), "--basis", "main"])
    assert result.exit_code == 0, result.output
    assert result.output == f"Uitleg en opmaak teruggezet: {SOP}\n"
    expected = original.replace("telefoon:\n", "telefoon: 0251 123 456\n", 1).replace(
        "## Visie\n", "## Visie\n\nElk kind hoort erbij.\n", 1
    )
    # The edit changed the profile, so parents read the day of the edit (save_date.py).
    expected = expected.replace("bijgewerkt: 2026-11-23\n", "bijgewerkt: 2026-12-07\n", 1)
    assert "bijgewerkt: 2026-12-07" in expected
    assert file.read_text(encoding="utf-8") == expected

    git(repo, "commit", "-q", "-am", "Uitleg terug")
    again = CliRunner().invoke(main, ["keep-comments", "--map", str(repo), "--basis", "main"])
    assert again.output == "Niets te doen: de uitleg en opmaak staan er nog.\n"


def test_unknown_base_branch_is_a_clear_error(repo: Path):
    result = CliRunner().invoke(main, ["keep-comments", "--map", str(repo), "--basis", "nergens"])
    assert result.exit_code == 1
    assert "Git kan de wijzigingen sinds 'nergens' niet tonen" in result.output
