"""`sop-builder klaarzetten` (alias `stage`): only the engine-neutral staging folder of the
public site, in a folder one names, all or nothing; another engine builds the same pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.publication import publication
from sop_builder.project.routes import Kind, routes_of
from sop_builder.publish.public import STAGED_NOTE

from .conftest import TODAY, make_project

DATE = ["--datum", TODAY.isoformat()]


def staged_pages(folder: Path) -> set[str]:
    return {p.relative_to(folder / "docs").as_posix() for p in (folder / "docs").rglob("*.md")}


def test_the_staging_folder_holds_every_page_of_the_route_table_and_mkdocs_builds_it(
    tmp_path: Path,
):
    root = make_project(tmp_path)
    target = tmp_path / "klaar"
    run = CliRunner().invoke(main, ["klaarzetten", "--map", str(root), "--uit", str(target), *DATE])
    assert run.exit_code == 0, run.output
    assert run.output.strip().endswith("pagina's.")
    assert {p.name for p in target.iterdir()} == {"docs", "overrides", "mkdocs.yml", STAGED_NOTE}
    project = publication(load_project(root, TODAY, internal=False))
    expected = {  # the web editor's page is written after the engine, never staged
        r.file
        for r in routes_of(project)
        if r.file.endswith(".md") and r.kind is not Kind.WEB_EDITOR
    }
    assert staged_pages(target) == expected
    # Another engine builds the same pages: plain MkDocs, from the folder alone.
    built = tmp_path / "gewoon"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(target / "mkdocs.yml"),
         "-d", str(built)],
        check=True, capture_output=True, cwd=tmp_path,
    )  # fmt: skip
    for page in ("index.html", "scholen/de-duinroos/index.html", "niet-eens/index.html"):
        assert (built / page).is_file(), page
    # The old name works, and a second run replaces the folder (its note marks it as ours).
    (target / "docs" / "oud.md").write_text("# oud\n", encoding="utf-8")
    again = CliRunner().invoke(main, ["stage", "--map", str(root), "--uit", str(target), *DATE])
    assert again.exit_code == 0, again.output
    assert not (target / "docs" / "oud.md").exists()


def test_nothing_is_staged_over_a_folder_of_ones_own_nor_from_a_project_with_errors(
    tmp_path: Path,
):
    root = make_project(tmp_path)
    mine = tmp_path / "mijn-map"
    mine.mkdir()
    (mine / "brief.txt").write_text("Van mij.", encoding="utf-8")
    run = CliRunner().invoke(main, ["klaarzetten", "--map", str(root), "--uit", str(mine), *DATE])
    assert run.exit_code == 1
    assert "SOP958" in run.output
    assert f"er is geen {STAGED_NOTE}" in run.output
    assert [p.name for p in mine.iterdir()] == ["brief.txt"]
    swv = root / "site_config/swv.yaml"  # an error outside the schools: no site at all
    swv.write_text(swv.read_text(encoding="utf-8") + "\nonbekend: [\n", encoding="utf-8")
    target = tmp_path / "klaar"
    broken = CliRunner().invoke(
        main, ["klaarzetten", "--map", str(root), "--uit", str(target), *DATE]
    )
    assert broken.exit_code == 1
    assert "Traceback" not in broken.output
    assert "Er is niets klaargezet" in broken.output
    assert not target.exists()
