"""The engine is a choice (site_config/bouwen.yaml): MkDocs and ProperDocs build the sample's
staging folder into the same site; only the generator tag may differ."""

from __future__ import annotations

import re
from pathlib import Path

from sop_builder.build.public import build_site
from sop_builder.project.load import load_project

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
    assert issue.line == 1 and "zensical" in issue.message
