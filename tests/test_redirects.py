"""Stable addresses: short links, renames from config, and the redirect pages themselves."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.redirects import Redirect, load_redirects, short_links
from sop_builder.project.routes import Kind, Route, RouteTable, site_routes
from sop_builder.site.poster import limits_in_short
from sop_builder.site.qrcode import qr_svg
from sop_builder.site.redirects import redirect_html, relative_url, write_redirects

from .casefolders import prepare
from .conftest import SAMPLE, TODAY


def write_renames(root: Path, text: str) -> None:
    (root / "site_config" / "doorverwijzingen.yaml").write_text(text, encoding="utf-8")


def test_every_sample_school_has_a_short_link_and_no_file_means_no_renames():
    project = load_project(SAMPLE, TODAY)
    by_source = {r.source: r.target for r in project.redirects}
    for school in project.schools:
        code = school.front.vestigingscode
        assert by_source[f"/v/{code}/"] == f"/scholen/{school.slug}/"
        assert by_source[f"/v/{code.lower()}/"] == f"/scholen/{school.slug}/"
    assert len(project.redirects) == 2 * len(project.schools)
    assert not [i for i in project.issues if i.code.startswith("SOP8")]


def test_renames_from_config_are_added(sample: Path):
    write_renames(
        sample,
        "doorverwijzingen:\n  - van: /scholen/obs-de-duinroos/\n    naar: /scholen/de-duinroos/\n",
    )
    project = load_project(sample, TODAY)
    assert Redirect("/scholen/obs-de-duinroos/", "/scholen/de-duinroos/") in project.redirects
    assert not project.errors


def test_an_empty_list_of_renames_is_fine(sample: Path):
    write_renames(sample, "doorverwijzingen: []\n")
    redirects, issues = load_redirects(sample, [("de-duinroos", "98XA00")], set())
    assert issues == []
    assert len(redirects) == 2


def test_check_fails_on_a_redirect_that_replaces_a_school_page(tmp_path: Path):
    root = prepare("redirect-onto-real-page", tmp_path)
    result = CliRunner().invoke(main, ["check", "--map", str(root), "--datum", "2026-11-23"])
    assert result.exit_code == 1
    assert "SOP802" in result.output
    assert "doorverwijzingen.yaml" in result.output


def test_short_links_skip_invalid_codes_and_keep_one_link_for_lower_case_codes():
    links = short_links([("a", "12AB00"), ("b", "12/../x"), ("c", "1234")])
    assert [(r.source, r.target) for r in links] == [
        ("/v/12AB00/", "/scholen/a/"),
        ("/v/12ab00/", "/scholen/a/"),
        ("/v/1234/", "/scholen/c/"),
    ]


def test_the_pages_a_redirect_may_lead_to_are_the_route_tables_pages():
    pages = site_routes(load_project(SAMPLE, TODAY)).pages()
    assert {"/", "/scholen/de-duinroos/", "/scholen/de-duinroos/poster/", "/kernen/noord/"} <= pages
    assert "/scholen/behoefte/lezen/" in pages
    assert "/aanbod/workshops/" in pages
    assert "/vinder/scholen.json" not in pages  # a data file is not a page


def test_relative_urls_between_site_paths():
    assert relative_url("/v/98XA00/", "/scholen/de-duinroos/") == "../../scholen/de-duinroos/"
    assert relative_url("/scholen/oud/", "/scholen/nieuw/") == "../nieuw/"
    assert relative_url("/a/b/c/", "/") == "../../../"


def test_redirect_page_has_refresh_link_and_canonical_but_no_script_or_search_body():
    page = redirect_html(
        Redirect("/v/98XA00/", "/scholen/de-duinroos/"), "https://sop.example.nl/", "De <Duinroos>"
    )
    assert '<meta http-equiv="refresh" content="0; url=../../scholen/de-duinroos/">' in page
    assert '<a href="../../scholen/de-duinroos/">De &lt;Duinroos&gt;</a>' in page
    assert '<link rel="canonical" href="https://sop.example.nl/scholen/de-duinroos/">' in page
    assert '<html lang="nl">' in page
    assert "<title>" in page
    assert "<script" not in page
    assert "data-pagefind-body" not in page


def test_writing_redirects_never_overwrites_a_page_nor_points_nowhere(tmp_path: Path):
    (tmp_path / "scholen/a").mkdir(parents=True)
    (tmp_path / "scholen/a/index.html").write_text("echte pagina", encoding="utf-8")
    table = RouteTable(
        [
            Route("/scholen/a/", Kind.SCHOOL, "School A", ("content/schools/a/sop.md",)),
            Route("/scholen/b/", Kind.SCHOOL, "School B", ("content/schools/b/sop.md",)),
        ]
    )
    problems = write_redirects(
        tmp_path,
        [
            Redirect("/v/11AA00/", "/scholen/a/"),
            Redirect("/scholen/a/", "/scholen/a/"),
            Redirect("/v/22BB00/", "/scholen/b/"),
        ],
        None,
        table,
    )
    assert (tmp_path / "scholen/a/index.html").read_text(encoding="utf-8") == "echte pagina"
    assert "School A" in (tmp_path / "v/11AA00/index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "v/22BB00").exists()
    # SOP908, naming the file that asks for the redirect: the renames' file, a school's sop.md
    assert [(p.code, p.path) for p in problems] == [
        ("SOP908", "site_config/doorverwijzingen.yaml"),
        ("SOP908", "content/schools/b/sop.md"),
    ]
    assert "overschrijven" in problems[0].message
    assert "niet gemaakt" in problems[1].message


def test_limits_in_short_take_the_list_or_else_the_first_paragraph():
    items, more = limits_in_short("Inleiding.\n\n- een\n- twee **vet**\n\nSlot.")
    assert [str(i) for i in items] == ["een", "twee <strong>vet</strong>"]
    assert not more
    items, more = limits_in_short("Alleen tekst.\n\nNog meer.")
    assert [str(i) for i in items] == ["Alleen tekst."]
    assert not more
    items, more = limits_in_short("\n".join(f"- punt {n}" for n in range(7)))
    assert len(items) == 4
    assert more


def test_qr_code_is_inline_svg_with_a_label_and_no_inline_style():
    svg = qr_svg("https://sop.example.nl/scholen/de-duinroos/", "QR-code van De Duinroos")
    assert svg.startswith('<svg role="img" aria-label="QR-code')
    assert "style=" not in svg
    assert "<script" not in svg
    assert re.search(r'viewBox="0 0 (\d+) \1"', svg)


# --- a school folder that disappeared --------------------------------------------------------


def _vanished(root: Path) -> list[tuple[str, str]]:
    return [(i.path, i.message) for i in load_project(root, TODAY).issues if i.code == "SOP805"]


def test_a_folder_renamed_after_a_build_asks_for_a_redirect_without_git(sample: Path):
    from sop_builder.publish.public import build_site

    assert build_site(sample, today=TODAY, echo=lambda _: None).ok  # records the folders
    assert _vanished(sample) == []
    schools = sample / "content/schools"
    (schools / "de-vuurtoren").rename(schools / "obs-de-vuurtoren")
    found = _vanished(sample)
    assert [path for path, _ in found] == ["content/schools/de-vuurtoren"]
    assert "sinds de laatste keer dat de site is gebouwd" in found[0][1]
    hint = next(i.hint for i in load_project(sample, TODAY).issues if i.code == "SOP805")
    assert "naar: /scholen/obs-de-vuurtoren/" in hint  # the likely new name
    # A build does not forget the old folder; a redirect answers the question.
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    assert len(_vanished(sample)) == 1
    (sample / "site_config/doorverwijzingen.yaml").write_text(
        "doorverwijzingen:\n  - van: /scholen/de-vuurtoren/\n    naar: /scholen/obs-de-vuurtoren/\n",
        encoding="utf-8",
    )
    assert _vanished(sample) == []


def test_a_folder_gone_since_the_last_commit_asks_for_a_redirect(sample: Path):
    import shutil
    import subprocess

    if shutil.which("git") is None:
        import pytest

        pytest.skip("git is not installed")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=sample, check=True, capture_output=True)

    git("init", "-q")
    git("add", "content")
    git("-c", "user.name=t", "-c", "user.email=t@example.nl", "commit", "-qm", "start")
    assert _vanished(sample) == []
    shutil.rmtree(sample / "content/schools/de-zeester")  # a school that closed
    found = _vanished(sample)
    assert found
    assert found[0][0] == "content/schools/de-zeester"
    assert "sinds de laatste commit" in found[0][1]
