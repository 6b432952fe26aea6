"""The shared text helpers: the one slugify and Dutch dates."""

from __future__ import annotations

from datetime import date

from sop_builder.core.text import dutch_date, slugify
from sop_builder.project.model import GlossaryTerm
from sop_builder.project.routes import url_segment


def test_slugify_folds_accents_and_joins_words_with_single_hyphens():
    assert slugify("Rust in de klas 2027") == "rust-in-de-klas-2027"
    assert slugify("Één café") == "een-cafe"
    assert slugify("Stichting Sint-Jozef & Zoën") == "stichting-sint-jozef-zoen"
    assert slugify("  --Basisschool 't Klimrek--  ") == "basisschool-t-klimrek"


def test_slugify_never_gives_an_empty_address_unless_asked():
    assert slugify("—") == "onbekend"
    assert slugify("?!", fallback="naam") == "naam"
    assert slugify("?!", fallback="") == ""


def test_the_other_addresses_use_the_same_slugify():
    assert url_segment("Kernen") == "kernen"
    assert url_segment("Regio's") == "regios"
    assert url_segment("Wijken in Zoetermeer") == "wijken-in-zoetermeer"
    assert url_segment("…") == "groepen"
    term = GlossaryTerm.model_validate({"term": "S(B)O", "uitleg": "Speciaal (basis)onderwijs."})
    assert term.anchor == "s-b-o"


def test_dutch_date():
    assert dutch_date(date(2025, 9, 15)) == "15 september 2025"
    assert dutch_date(None) == ""
