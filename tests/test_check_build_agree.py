"""`check` and `build` never disagree on whether content can be published.

Over every case folder: when `check` exits 0, the build succeeds; when the build stops, `check`
has errors, and the build says each error of the public content with its file, line, column and
tip. (Errors in the SWV's internal files block `check` but not the public site, which never
reads them.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.publish.public import build_site

from .casefolders import CASES, case_names
from .conftest import TODAY, make_project


def case_project(case: str, parent: Path) -> Path:
    """The sample with its templates and mkdocs.yml, changed as the case folder says."""
    root = make_project(parent)
    folder = CASES / case
    delete = folder / "delete.txt"
    if delete.exists():
        for line in filter(None, map(str.strip, delete.read_text(encoding="utf-8").splitlines())):
            victim = root / line
            shutil.rmtree(victim) if victim.is_dir() else victim.unlink()
    files = folder / "files"
    for source in files.rglob("*") if files.exists() else []:
        if source.is_file():
            target = root / source.relative_to(files)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return root


@pytest.mark.parametrize("case", case_names())
def test_check_and_build_agree(case: str, tmp_path: Path):
    root = case_project(case, tmp_path)
    project = load_project(root, TODAY)
    said: list[str] = []
    result = build_site(root, today=TODAY, echo=said.append)
    if report.exit_code(project, strict=False) == 0:
        assert result.ok, result.messages
    if result.ok:
        return
    assert project.errors
    public = load_project(root, TODAY, internal=False)
    assert public.errors, result.messages  # the build stops for the content, not by itself
    output = "".join(said)
    for issue in public.errors:
        assert issue.path in output and f"{issue.line}:{issue.column}" in output
        assert issue.hint and issue.hint in output


def test_an_engine_refusal_names_the_file_it_comes_from(sample: Path, monkeypatch):
    """Should a value ever reach the engine as Markdown (here: escaping switched off), the
    build's message names the school's file, not only the engine's count of warnings."""
    import sop_builder.site.render as render

    monkeypatch.setattr(render, "page_text", lambda value: value)
    sop = sample / "content/schools/de-duinroos/sop.md"
    text = sop.read_text(encoding="utf-8")
    sop.write_text(
        text.replace("naam: Basisschool De Duinroos", 'naam: "[normale link](javascript)"'),
        encoding="utf-8",
    )
    assert load_project(sample, TODAY).errors == []
    result = build_site(sample, today=TODAY, echo=lambda s: None)
    assert not result.ok
    named = [i for i in result.issues if i.path == "content/schools/de-duinroos/sop.md"]
    assert named and all(i.code == "SOP904" and i.is_error and i.hint for i in named)
    assert all("(pagina /scholen/de-duinroos/)" in i.message for i in named)
