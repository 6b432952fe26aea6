"""The school finder's data and the kern overviews, computed by the core; and their pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sop_builder.build.public import build_site
from sop_builder.project.load import Project, load_project
from sop_builder.site.finder import build_finder
from sop_builder.site.kernen import kern_overview

from .conftest import SAMPLE, TODAY


@pytest.fixture(scope="module")
def project() -> Project:
    loaded = load_project(SAMPLE, today=TODAY)
    assert loaded.config is not None and not loaded.errors
    return loaded


def test_finder_lists_every_school_once_in_alphabetical_order(project: Project):
    finder = build_finder(project.schools, project.config, project.compliance)
    names = [e.name for e in finder.entries]
    assert sorted(names, key=str.lower) == names
    assert {e.slug for e in finder.entries} == {s.slug for s in project.schools}


def test_finder_needs_come_from_the_chosen_vocabulary_entries(project: Project):
    finder = build_finder(project.schools, project.config, project.compliance)
    entry = next(e for e in finder.entries if e.slug == "de-duinroos")
    school = next(s for s in project.schools if s.slug == "de-duinroos")
    vocab = project.config.vocabularies
    chosen = {*school.front.internal_expertise, *school.front.external_expertise}
    chosen |= set(school.front.extra_support)
    expected = {
        need
        for e in [*vocab.internal_expertise, *vocab.external_expertise, *vocab.extra_support]
        if e.id in chosen
        for need in e.needs
    }
    assert set(entry.needs) == expected
    assert "hoogbegaafdheid" in entry.needs  # De Duinroos has a plusklas
    # Every need offered as a filter finds at least one school, in the configured order.
    offered = [c.value for c in finder.needs]
    assert all(any(n in e.needs for e in finder.entries) for n in offered)
    configured = [n.id for n in vocab.needs]
    assert offered == [n for n in configured if n in offered]


def test_strongest_points_are_the_rarest_in_the_swv(project: Project):
    finder = build_finder(project.schools, project.config, project.compliance)
    # Every sample school has an intern begeleider, so it is never a strong point.
    assert all("Intern begeleider" not in e.highlights for e in finder.entries)
    assert all(1 <= len(e.highlights) <= 3 for e in finder.entries)


def test_kern_overview_names_the_gaps_and_the_spread(project: Project):
    config = project.config
    kern = config.swv.kern("noord")
    overview = kern_overview(kern, project.schools, config, project.compliance)
    own = [s for s in project.schools if s.front.kern == "noord"]
    assert {s.slug for s in overview.schools} == {s.slug for s in own}
    extra = overview.groups[0]
    for row in extra.rows:
        expected = tuple(row.entry.id in s.front.extra_support for s in overview.schools)
        assert row.present == expected
        label = row.entry.label
        in_sentence = label[0].lower() + label[1:] if label[1].islower() else label
        sentence = f"In deze kern heeft geen school een {in_sentence}."
        assert (sentence in overview.gaps) == (row.count == 0)
    percentages = [project.compliance[s.slug].total.percentage for s in own]
    assert overview.spread is not None
    assert (overview.spread.lowest, overview.spread.highest) == (min(percentages), max(percentages))
    assert overview.spread.meeting_target == sum(
        project.compliance[s.slug].meets_target for s in own
    )


def test_a_need_no_school_covers_is_named(project: Project):
    config = project.config
    kern = config.swv.kern("noord")
    without_gifted = [
        s
        for s in project.schools
        if s.front.kern != "noord"
        or not {"plusklas", "specialist-hoogbegaafdheid"}
        & {*s.front.extra_support, *s.front.internal_expertise}
    ]
    overview = kern_overview(kern, without_gifted, config, project.compliance)
    assert "Hoogbegaafdheid en meer uitdaging" in overview.missing_needs
    assert "In deze kern heeft geen school een plusklas." in overview.gaps


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, str]] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "li" and "data-pad" in values:
            self.items.append(values)
        if tag == "a":
            self.hrefs.append(values.get("href", ""))


def test_finder_page_without_javascript_lists_every_school(sample: Path):
    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    site = sample / "site"
    html = (site / "scholen/index.html").read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(html)
    slugs = {p.name for p in (sample / "content/schools").iterdir() if p.is_dir()}
    assert {item["data-pad"] for item in parser.items} == {f"scholen/{s}/" for s in slugs}
    assert all(f"../scholen/{s}/" in parser.hrefs for s in slugs)
    # The filter form only appears when the script runs; the list needs nothing.
    assert re.search(r'<form id="vinder"[^>]* hidden>', html)
    assert all("hidden" not in item for item in parser.items)
    for kern in ("noord", "zuid", "helmerdam", "wijkerzand", "limmerhout"):
        page = (site / f"kernen/{kern}/index.html").read_text(encoding="utf-8")
        assert "Wat de scholen samen bieden" in page
        assert 'class="sop-matrix"' in page
