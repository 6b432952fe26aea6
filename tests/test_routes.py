"""The route table (project/routes.py) is the site: a built fixture site holds exactly the pages
the table says exist, each with its title, and the build's own check (publish/pipeline.py
`check_routes`) refuses a page without its route and a route without its page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from sop_builder.project.load import load_project
from sop_builder.project.project import Project
from sop_builder.project.routes import ENTRIES, NAMES, Dep, Kind, RouteTable, site_routes
from sop_builder.publish.pipeline import Run, check_routes
from sop_builder.publish.public import build_site
from sop_builder.site.search import MARK

from .conftest import TODAY, make_project

NOT_ROUTES = {"404.html"}  # the engine's page for an unknown address


def html_pages(site: Path) -> set[str]:
    """Every HTML file of a built site but the search index's (walked here, not with the
    build's own code)."""
    found = set()
    for folder, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith("pagefind")]
        for name in files:
            if name.endswith(".html"):
                found.add((Path(folder) / name).relative_to(site).as_posix())
    return found


def mismatch(site: Path, table: RouteTable, project: Project) -> tuple[set[str], set[str]]:
    """(routes without their built file, HTML pages that are no route and no known non-page)."""
    redirects = {r.source.strip("/") + "/index.html" for r in project.redirects}
    missing = {r.built for r in table if not (site / r.built).is_file()}
    extra = html_pages(site) - {r.built for r in table} - redirects - NOT_ROUTES
    return missing, extra


@pytest.fixture(scope="module", params=["sample", "other-swv"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A fixture project, built once for the tests of this module (they do not change it)."""
    root = make_project(tmp_path_factory.mktemp(request.param))
    result = build_site(root, today=TODAY, echo=lambda _: None)
    assert result.ok, (result.messages, result.issues)
    project = load_project(root, TODAY, internal=False)
    return root, project, site_routes(project)


def test_the_built_site_holds_exactly_the_routes(built):
    root, project, table = built
    site = root / "site"
    assert mismatch(site, table, project) == (set(), set())
    kinds = {r.kind for r in table}
    assert {Kind.HOME, Kind.SCHOOL, Kind.POSTER, Kind.KERN, Kind.NEED_LIST} <= kinds
    assert {Kind.MUNICIPALITY_LIST, Kind.OFFER_ITEM, Kind.FINDER_SCHOOL, Kind.FEED} <= kinds
    assert len(table.paths) == len(table)  # one route per address
    assert len(table.of_kind(Kind.SCHOOL)) == len(project.schools)


def test_each_page_has_its_routes_title_and_only_searched_routes_are_indexed(built):
    root, project, table = built
    site, name = root / "site", project.config.swv.short_name
    for route in table:
        if not route.is_page:
            assert route.title == ""
            assert not route.searched  # a data file
            continue
        page = (site / route.built).read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]*)</title>", page)
        assert title, route.path
        expected = route.title if route.kind is Kind.WEB_EDITOR else f"{route.title} - {name}"
        assert title.group(1) == expected.replace("&", "&amp;"), route.path
        assert (MARK.decode() in page) == route.searched, route.path


def test_the_build_check_and_the_route_test_find_a_planted_orphan_page(built, tmp_path: Path):
    root, project, table = built
    site = tmp_path / "site"
    shutil.copytree(root / "site", site)
    run = Run(root, project, tmp_path / "staging", site, table=table)
    assert check_routes(run) == []
    (site / "scholen/verdwaald").mkdir()
    (site / "scholen/verdwaald/index.html").write_text("<title>x</title>", encoding="utf-8")
    assert mismatch(site, table, project) == (set(), {"scholen/verdwaald/index.html"})
    [issue] = check_routes(run)
    assert (issue.code, issue.path) == ("SOP903", "mkdocs.yml")
    assert "scholen/verdwaald/index.html" in issue.message
    assert "mkdocs.yml" in issue.hint


def test_the_build_check_and_the_route_test_find_a_planted_missing_page(built, tmp_path: Path):
    root, project, table = built
    site = tmp_path / "site"
    shutil.copytree(root / "site", site)
    school = table.of_kind(Kind.SCHOOL)[0]
    (site / school.built).unlink()
    assert mismatch(site, table, project) == ({school.built}, set())
    run = Run(root, project, tmp_path / "staging", site, table=table)
    [issue] = check_routes(run)
    assert (issue.code, issue.path) == ("SOP903", school.source)  # the school's sop.md
    assert issue.path.startswith("content/schools/")
    assert school.path in issue.message


def test_routes_declare_what_they_depend_on(built):
    _root, project, table = built
    school = table.of_kind(Kind.SCHOOL)[0]
    assert Dep("school", school.key) in school.depends
    assert NAMES in school.depends
    need = table.of_kind(Kind.NEED_LIST)[0]
    assert Dep("need", need.key) in need.depends
    assert ENTRIES not in need.depends
    offering = {d.key for d in need.depends if d.kind == "card"}
    by_slug = {s.slug: s for s in project.schools}
    assert offering <= set(by_slug)
    assert table.by_path["/"].depends >= {ENTRIES, NAMES}
    glossary = table.of_kind(Kind.GLOSSARY)[0]
    assert glossary.depends == frozenset()  # the glossary page is never linked


def test_a_school_whose_profile_follows_has_its_route_and_page(tmp_path: Path):
    """A school that has not started (nieuwe-school, untouched) and, with onvolledige_school:
    volgt, a school with an error: each a route of kind school-volgt with its page and title,
    searched, and no poster or finder file; the rest of the site as the table says."""
    from .conftest import add_new_school
    from .test_go_live import break_school, choose

    root = make_project(tmp_path)
    new = add_new_school(root, "OBS Het Zeepaard", "12AB00").parent.name
    choose(root, "volgt")
    break_school(root, "de-duinroos")
    result = build_site(root, today=TODAY, echo=lambda _: None)
    assert result.ok, (result.messages, result.issues)
    from sop_builder.project.publication import publication

    project = publication(load_project(root, TODAY, internal=False))
    table = project.routes
    assert table is not None
    assert mismatch(root / "site", table, project) == (set(), set())
    pending = {r.key: r for r in table.of_kind(Kind.SCHOOL_PENDING)}
    assert sorted(pending) == sorted([new, "de-duinroos"])
    for route in pending.values():
        page = (root / "site" / route.built).read_text(encoding="utf-8")
        name = project.config.swv.short_name
        assert f"<title>{route.title} - {name}</title>" in page
        assert route.searched
        assert MARK.decode() in page
        assert f"/scholen/{route.key}/poster/" not in table.paths
        assert f"/vinder/school/{route.key}.json" not in table.paths
