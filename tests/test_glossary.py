"""Jargon explained where it appears: the glossary in site_config/ and its links."""

from __future__ import annotations

from pathlib import Path

from sop_builder.project.config import load_config
from sop_builder.project.model import Glossary
from sop_builder.site.glossary import GlossaryTerm, explain_terms

from .conftest import SAMPLE


def _glossary(*terms: tuple[str, str, list[str]]) -> Glossary:
    return Glossary.model_construct(
        terms=[
            GlossaryTerm.model_construct(term=t, explanation=e, plainer=None, variants=v)
            for t, e, v in terms
        ]
    )


GLOSSARY = _glossary(
    ("OPP", 'Plan "voor" uw kind <b>', ["ontwikkelingsperspectief"]),
    ("arrangement", "Afspraak over extra hulp", ["arrangementen"]),
    ("SO", "Speciaal onderwijs", []),
)


def test_first_occurrence_of_each_term_links_to_the_glossary():
    html = "<p>Een OPP komt in het OPP-overleg. Nog een OPP. Twee arrangementen.</p>"
    out = explain_terms(html, GLOSSARY, "../woordenlijst/")
    assert out.count('class="sop-term"') == 2
    assert (
        '<a class="sop-term" href="../woordenlijst/#opp"><abbr title="Plan &quot;voor&quot; '
        'uw kind &lt;b&gt;">OPP</abbr></a> komt in het OPP-overleg. Nog een OPP.' in out
    )
    assert '#arrangement"><abbr title="Afspraak over extra hulp">arrangementen</abbr></a>' in out


def test_abbreviations_match_only_in_capitals_and_words_in_any_case():
    out = explain_terms("<p>zo gaat het. Arrangement en SO.</p>", GLOSSARY, "w/")
    assert ">zo<" not in out
    assert "zo gaat" in out
    assert '<abbr title="Afspraak over extra hulp">Arrangement</abbr>' in out
    assert '<abbr title="Speciaal onderwijs">SO</abbr>' in out


def test_links_headings_and_attributes_are_left_alone():
    html = (
        '<h2 id="opp">Het OPP</h2><p><a href="x" title="OPP">OPP lezen</a></p>'
        '<img alt="OPP"><p>Daarna: OPP.</p>'
    )
    out = explain_terms(html, GLOSSARY, "w/")
    assert out.startswith('<h2 id="opp">Het OPP</h2><p><a href="x" title="OPP">OPP lezen</a></p>')
    assert '<img alt="OPP">' in out
    assert out.endswith(
        '<p>Daarna: <a class="sop-term" href="w/#opp"><abbr title="Plan &quot;voor&quot; uw kind &lt;b&gt;">OPP</abbr></a>.</p>'
    )


def test_sample_glossary_loads_and_has_no_duplicates():
    config, issues = load_config(SAMPLE)
    assert config is not None
    assert config.glossary is not None
    assert not [i for i in issues if i.is_error]
    terms = [t.term for t in config.glossary.terms]
    assert {"OPP", "TLV", "IB-er", "S(B)O", "arrangement", "ondersteuningsteam"} <= set(terms)
    assert len(set(terms)) == len(terms)


def test_duplicate_term_is_an_error_naming_the_line(sample: Path):
    file = sample / "site_config/woordenlijst.yaml"
    file.write_text(
        file.read_text(encoding="utf-8")
        + "  - term: OPP\n    uitleg: Nog een keer hetzelfde woord.\n",
        encoding="utf-8",
    )
    config, issues = load_config(sample)
    assert config is None
    errors = [i for i in issues if i.code == "SOP501"]
    assert len(errors) == 1
    assert errors[0].path == "site_config/woordenlijst.yaml"
    assert errors[0].line == len(file.read_text(encoding="utf-8").splitlines()) - 1


def test_built_pages_explain_jargon_and_the_glossary_page_lists_every_term(sample_build):
    site = sample_build.root / "site"
    page = (site / "woordenlijst/index.html").read_text(encoding="utf-8")
    config, _ = load_config(sample_build.root)
    for term in config.glossary.terms:
        assert f'id="{term.anchor}"' in page
    school = (site / "scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    assert 'href="../../woordenlijst/#basisondersteuning"' in school
    assert 'class="sop-term"' not in page  # the glossary does not link to itself


def test_terms_inside_a_protected_name_are_left_alone():
    html = "<p>Samenwerkingsverband Speciaal Onderwijs Noord helpt. Het OPP en SO.</p>"
    glossary = _glossary(("SO", "Speciaal onderwijs", ["speciaal onderwijs"]), ("OPP", "Plan", []))
    out = explain_terms(html, glossary, "w/", ["Samenwerkingsverband Speciaal Onderwijs Noord"])
    assert out.startswith("<p>Samenwerkingsverband Speciaal Onderwijs Noord helpt. Het <a")
    assert '<abbr title="Speciaal onderwijs">SO</abbr>' in out
