"""The plugin hands the glossary only the names that occur in a page: the same links, faster."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from sop_builder.project.model import Glossary
from sop_builder.site.glossary import ProtectedNames, explain_terms

PARTS = st.sampled_from(["De ", "Het ", "Duin", "roos", "SO", " & ", "<b>", "OBS", "é", "a", " "])
NAME = st.lists(PARTS, min_size=1, max_size=6).map("".join)


def occurring(names: list[str], page: str) -> set[str]:
    return {n for n in names if n and html.escape(n, quote=False) in page}


@settings(max_examples=300, deadline=None)
@given(names=st.lists(NAME, max_size=12), filler=st.lists(PARTS, max_size=20), pick=st.data())
def test_exactly_the_names_that_occur(names: list[str], filler: list[str], pick):
    page = "".join(filler)
    for name in names[:3]:  # some names in the page, some cut short
        form = html.escape(name, quote=False)
        page += form[: pick.draw(st.integers(0, len(form)))] + pick.draw(PARTS) + form
    assert set(ProtectedNames(names).in_page(page)) == occurring(names, page)


def test_links_are_the_same_as_with_every_name():
    glossary = Glossary.model_validate(
        {
            "termen": [
                {"term": "SO", "uitleg": "Speciaal onderwijs."},
                {"term": "passend onderwijs", "uitleg": "Onderwijs dat past."},
            ]
        }
    )
    names = [f"Basisschool De Duinroos {i}" for i in range(500)] + ["SO De Golfslag", "Kort"]
    page = (
        "<h1>SO De Golfslag</h1><p>SO De Golfslag geeft passend onderwijs. Basisschool De "
        "Duinroos 42 ook, net als het SO.</p>"
    )
    found = ProtectedNames(names).in_page(page)
    assert found == ["Basisschool De Duinroos 4", "Basisschool De Duinroos 42", "SO De Golfslag"]
    assert explain_terms(page, glossary, "w/", found) == explain_terms(page, glossary, "w/", names)
    finder = ProtectedNames(names).in_page
    assert explain_terms(page, glossary, "w/", finder) == explain_terms(page, glossary, "w/", names)


TEXT = st.sampled_from(["SO", "passend onderwijs", " ", ". ", "<p>", "</p>", "<h2>", "</h2>"])


@settings(max_examples=300, deadline=None)
@given(names=st.lists(NAME, max_size=8), pieces=st.lists(st.one_of(TEXT, NAME), max_size=25))
def test_asking_per_text_gives_the_links_of_the_whole_list(names: list[str], pieces: list[str]):
    glossary = Glossary.model_validate(
        {
            "termen": [
                {"term": "SO", "uitleg": "Speciaal onderwijs."},
                {"term": "passend onderwijs", "uitleg": "Onderwijs dat past."},
                {"term": "Duinroos", "uitleg": "Een bloem."},
            ]
        }
    )
    page = "".join(html.escape(p, quote=False) if "<" not in p else p for p in pieces)
    finder = ProtectedNames(names).in_page
    assert explain_terms(page, glossary, "w/", finder) == explain_terms(page, glossary, "w/", names)
