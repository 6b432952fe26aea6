"""The school finder's data, its static lists and the kern overviews, computed from what each
school declared; and their pages without JavaScript."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bench.synthetic import generate
from sop_builder.project.load import load_project
from sop_builder.project.project import Project
from sop_builder.project.routes import grouping_path
from sop_builder.site.finder import build_finder, offering
from sop_builder.site.finder_data import index_document, need_document
from sop_builder.site.kernen import kern_overview

from .conftest import SAMPLE, TODAY


@pytest.fixture(scope="module")
def project() -> Project:
    loaded = load_project(SAMPLE, today=TODAY)
    assert loaded.config is not None
    assert not loaded.errors
    return loaded


def _finder(project: Project):
    return build_finder(
        project.schools, project.config, project.compliance, project.today, project.postcodes
    )


def declared_offered(project: Project, need_id: str) -> set[str]:
    """The schools whose own declaration for ``need_id`` is at an offered level, read straight
    from the front matter and the scale (not through the finder)."""
    offered = {lv.id for lv in project.config.vocabularies.levels if lv.offered}
    return {
        s.slug
        for s in project.schools
        if need_id in s.front.support and s.front.support[need_id].level in offered
    }


def declared_not(project: Project, need_id: str) -> set[str]:
    refused = {lv.id for lv in project.config.vocabularies.levels if not lv.offered}
    return {
        s.slug
        for s in project.schools
        if need_id in s.front.support and s.front.support[need_id].level in refused
    }


def test_finder_lists_every_school_once_in_alphabetical_order(project: Project):
    finder = _finder(project)
    names = [e.name for e in finder.entries]
    assert sorted(names, key=str.lower) == names
    assert {e.slug for e in finder.entries} == {s.slug for s in project.schools}


def test_a_need_finds_exactly_the_schools_that_declare_they_offer_it(project: Project):
    finder = _finder(project)
    for need in project.config.vocabularies.needs:
        found = {e.slug for e in offering(finder, need.id)}
        assert found == declared_offered(project, need.id), need.id
        assert not found & declared_not(project, need.id), need.id


def test_the_sample_is_honest_about_limits(project: Project):
    """The issue's examples: staff no longer decide a match; no need is offered everywhere."""
    finder = _finder(project)
    everyone = {e.slug for e in finder.entries}
    medical = {e.slug for e in offering(finder, "medisch")}
    behaviour = {e.slug for e in offering(finder, "gedrag")}
    # Every sample school lists an intern begeleider, and all but one a jeugdarts or similar:
    # through staff, 'gedrag' found 18 schools and 'medisch' 17. Now only the declarations count.
    assert "het-kompas" not in medical
    assert "het-kompas" not in behaviour
    assert len(medical) < len(everyone) / 2
    assert len(behaviour) < len(everyone)
    for need in project.config.vocabularies.needs:
        assert {e.slug for e in offering(finder, need.id)} != everyone, need.id
    assert any(declared_not(project, n.id) for n in project.config.vocabularies.needs)
    kompas = next(e for e in finder.entries if e.slug == "het-kompas")
    assert kompas.expired
    assert kompas.facts["rolstoel"] is False


def test_strongest_points_are_the_rarest_top_level_declarations(project: Project):
    finder = _finder(project)
    top = project.config.vocabularies.levels[0].id
    counts = {
        n.id: sum(1 for e in finder.entries if (line := e.line(n.id)) and line.level_id == top)
        for n in project.config.vocabularies.needs
    }
    for entry in finder.entries:
        assert all(line.level_id == top for line in entry.strong)
        assert len(entry.strong) <= 3
        mine = [line.need_id for line in entry.lines if line.level_id == top]
        rarest = sorted(mine, key=lambda n: counts[n])[: len(entry.strong)]
        assert [counts[line.need_id] for line in entry.strong] == [counts[n] for n in rarest]


@pytest.mark.slow
def test_finder_data_for_700_synthetic_schools_filters_on_declarations(tmp_path: Path):
    """The data the finder's script filters on (the index and the per-need files) give, for
    every need, exactly the schools whose declaration is at an offered level."""
    root = tmp_path / "p700"
    generate(SAMPLE, root, 700, seed=3)
    project = load_project(root, TODAY)
    assert not project.errors
    finder = _finder(project)
    index = index_document(finder, project.config)
    fields = index["velden"]
    rows = [dict(zip(fields, row, strict=True)) for row in index["scholen"]]
    assert {row["slug"] for row in rows} == {s.slug for s in project.schools}
    levels = index["niveaus"]
    assert len(rows) == 700
    for position, need in enumerate(index["behoeften"]):
        # The script's filter: the level character of the need counts as offered.
        by_index = {
            row["slug"]
            for row in rows
            if row["niveaus"][position] != "-" and levels[int(row["niveaus"][position])]["aanbod"]
        }
        # The per-need file the cards are filled from holds the same schools.
        by_file = {rows[r[0]]["slug"] for r in need_document(finder, need["id"])["scholen"]}
        expected = declared_offered(project, need["id"])
        assert by_index == by_file == expected, need["id"]
        assert 0 < len(expected) < 700
        assert not expected & declared_not(project, need["id"])


def test_kern_overview_lists_each_need_school_by_school(project: Project):
    config = project.config
    finder = _finder(project)
    kern = config.swv.kern("helmerdam")
    overview = kern_overview(
        kern, finder.entries, config, project.compliance, project.offer.centres
    )
    own = {s.slug for s in project.schools if s.front.kern == "helmerdam"}
    assert {e.slug for e in overview.entries} == own
    for coverage in overview.needs:
        for group in coverage.levels:
            expected = {
                s
                for s in own
                if (
                    d := next(x for x in project.schools if x.slug == s).declarations.get(
                        coverage.need.id
                    )
                )
                and d.level == group.level.id
            }
            assert {e.slug for e in group.entries} == expected
        assert coverage.covered == bool(declared_offered(project, coverage.need.id) & own)
    gaps = {g.need.id for g in overview.gaps}
    # No school of Helmerdam offers newcomers' Dutch or more challenge: both are gaps, and each
    # names where else it is offered (schools elsewhere, an expertise centre).
    assert {"nt2", "hoogbegaafdheid"} <= gaps
    nt2 = next(g for g in overview.gaps if g.need.id == "nt2")
    assert nt2.elsewhere
    assert all(e.kern_id != "helmerdam" and "nt2" in e.offered for e in nt2.elsewhere)
    assert [c.slug for c in nt2.centres] == ["taal-nt2"]
    assert overview.spread is not None
    percentages = [project.compliance[s].total.percentage for s in own]
    assert (overview.spread.lowest, overview.spread.highest) == (min(percentages), max(percentages))


class _Cards(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.schools: list[str] = []
        self.forms: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "li" and "data-school" in values:
            self.schools.append(values["data-school"])
        if tag == "form":
            self.forms.append(values)


def test_static_lists_without_javascript_hold_exactly_the_right_schools(
    sample_build, project: Project
):
    site = sample_build.root / "site"
    for need in project.config.vocabularies.needs:
        page = site / f"scholen/behoefte/{need.id}/index.html"
        cards = _Cards()
        cards.feed(page.read_text(encoding="utf-8"))
        assert sorted(cards.schools) == sorted(declared_offered(project, need.id)), need.id
        assert len(cards.schools) == len(set(cards.schools))
    finder = _finder(project)
    for municipality in finder.municipalities:
        page = site / f"scholen/gemeente/{municipality.value}/index.html"
        cards = _Cards()
        cards.feed(page.read_text(encoding="utf-8"))
        expected = {e.slug for e in finder.entries if e.municipality == municipality.label}
        assert sorted(cards.schools) == sorted(expected)
    # The finder page links to every list, and its form only appears when the script runs.
    html = (site / "scholen/index.html").read_text(encoding="utf-8")
    for need in project.config.vocabularies.needs:
        assert f'href="../scholen/behoefte/{need.id}/"' in html
    assert re.search(r'<form id="vinder"[^>]* hidden>', html)
    # The finder's data are small same-host files.
    index = json.loads((site / "vinder/scholen.json").read_text(encoding="utf-8"))
    assert len(index["scholen"]) == len(project.schools)
    folder = grouping_path(project.config.swv)
    for kern in project.config.swv.kernen:
        page = (site / f"{folder}/{kern.id}/index.html").read_text(encoding="utf-8")
        assert "Wat de scholen samen bieden" in page
        assert 'class="sop-coverage"' in page
