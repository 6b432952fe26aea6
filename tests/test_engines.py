"""The engine is a choice (site_config/bouwen.yaml): MkDocs and ProperDocs build the sample's
staging folder into the same site; only the generator tag may differ."""

from __future__ import annotations

import re
from pathlib import Path

from sop_builder.project.load import load_project
from sop_builder.publish.public import build_site

from .conftest import TODAY, make_project

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_the_sample_builds_the_same_with_mkdocs_and_properdocs(tmp_path: Path):
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        root = make_project(tmp_path, name=engine)
        (root / "site_config/bouwen.yaml").write_text(f"motor: {engine}\n", encoding="utf-8")
        assert load_project(root, TODAY).config.build.engine == engine
        result = build_site(root, today=TODAY, echo=lambda _: None)
        assert result.ok, result.messages
        sites[engine] = files_of(root / "site")

    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert set(mkdocs) == set(properdocs)
    assert len(mkdocs) > 100
    differ = sorted(p for p in mkdocs if mkdocs[p] != properdocs[p])
    tagged = [p for p in differ if GENERATOR.search(mkdocs[p])]
    assert differ == tagged, "files that differ in more than the generator tag"
    assert len(tagged) > 60  # every page names its generator
    for path in differ:
        assert GENERATOR.sub(b"", mkdocs[path]) == GENERATOR.sub(b"", properdocs[path]), path
    assert b"ProperDocs" in GENERATOR.search(properdocs["index.html"]).group(0)
    assert b"ProperDocs" not in GENERATOR.search(mkdocs["index.html"]).group(0)


def test_an_unknown_engine_is_an_error_in_check(sample: Path):
    (sample / "site_config/bouwen.yaml").write_text("motor: zensical\n", encoding="utf-8")
    project = load_project(sample, TODAY)
    assert project.config is None
    (issue,) = [i for i in project.errors if i.path == "site_config/bouwen.yaml"]
    assert issue.line == 1
    assert "zensical" in issue.message


def test_two_engine_processes_build_the_same_site_as_one(tmp_path: Path, monkeypatch):
    from sop_builder.site import staging

    sites = {}
    for split_from in (10**9, 10):  # one engine process; two, each with half of the pages
        monkeypatch.setattr(staging, "SPLIT_FROM", split_from)
        root = make_project(tmp_path, name=f"split-{split_from}")
        result = build_site(root, today=TODAY, echo=lambda _: None)
        assert result.ok, result.messages
        sites[split_from] = files_of(root / "site")
    one, two = sites[10**9], sites[10]
    assert set(one) == set(two)
    assert [p for p in one if one[p] != two[p]] == []  # the sitemap (and its .gz) too
    assert len(one) > 100


def test_the_halves_share_the_navigation_and_split_the_other_pages(sample: Path):
    from sop_builder.site import staging

    project = load_project(sample, TODAY, internal=False)
    staged = staging.stage_site(project, sample, sample / "staging")
    staging.SPLIT_FROM, before = 10, staging.SPLIT_FROM
    try:
        first, second = staging.split_staging(staged)
    finally:
        staging.SPLIT_FROM = before
    assert set(first.units).isdisjoint(second.units)
    assert first.units
    assert second.units
    pages = {
        n: {p.relative_to(h.config_file.parent / f"docs-{n}").as_posix() for p in docs}
        for n, h in ((1, first), (2, second))
        for docs in [list((h.config_file.parent / f"docs-{n}").rglob("*.md"))]
    }
    assert staged.nav_pages <= pages[1]
    assert staged.nav_pages <= pages[2]
    assert pages[1] | pages[2] == {p for p in staged.pages if p.endswith(".md")}
    assert (pages[1] & pages[2]) == staged.nav_pages
