"""Jargon explained where it appears: the glossary in site_config/ and its links."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sop_builder.project.config import load_config
from sop_builder.project.model import Glossary
from sop_builder.site.glossary import SKIPPED, GlossaryTerm, explain_terms
from sop_builder.site.sanitize import page_text

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


# --- one compiled expression per glossary gives the links of one expression per text ---------

_REFERENCE_TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_REFERENCE_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def _reference(page_html: str, glossary: Glossary, url: str, names: list[str]) -> str:
    """The linking as it was before one expression per glossary (issue 25): a regular
    expression of the remaining terms compiled for every text, one search per term. Kept here
    as the specification the fast version must equal byte for byte."""

    def words(term: GlossaryTerm) -> str:
        found = sorted({term.term, *term.variants}, key=len, reverse=True)
        return "|".join(re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})" for w in found)

    def whole(alternatives: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-]){alternatives}(?![\w-])")

    patterns = [(t, words(t), whole(f"({words(t)})")) for t in glossary.terms]
    forms = {f for n in names if n for f in (html.escape(n, quote=False), str(page_text(n)))}
    shown = sorted(forms, key=lambda f: (-len(f), f))
    shield = re.compile("|".join(re.escape(f) for f in shown)) if shown else None
    done: set[str] = set()
    remaining = list(patterns)
    depth = 0
    parts = _REFERENCE_TAG.split(page_html)
    for index, part in enumerate(parts):
        if not remaining:
            break
        if index % 2 == 1:
            match = _REFERENCE_NAME.match(part)
            if match and match.group(1).lower() in SKIPPED and not part.endswith("/>"):
                depth = max(depth + (-1 if part.startswith("</") else 1), 0)
            continue
        any_of = whole("(?:" + "|".join(a for _, a, _ in remaining) + ")")
        if depth or not part.strip() or not any_of.search(part):
            continue
        blocked = [m.span() for m in shield.finditer(part)] if shield else []
        out, position = [], 0
        while True:
            best = None
            for term, _, regex in remaining:
                if term.term in done:
                    continue
                start = position
                while (match := regex.search(part, start)) is not None:
                    inside = [b for b in blocked if b[0] < match.end() and match.start() < b[1]]
                    if not inside:
                        break
                    start = inside[0][1]
                if match and (best is None or match.start() < best[1].start()):
                    best = (term, match)
            if best is None:
                break
            term, match = best
            done.add(term.term)
            title = html.escape(term.explanation, quote=True)
            out.append(part[position : match.start()])
            out.append(
                f'<a class="sop-term" href="{url}#{term.anchor}">'
                f'<abbr title="{title}">{match.group(1)}</abbr></a>'
            )
            position = match.end()
        out.append(part[position:])
        parts[index] = "".join(out)
        remaining = [p for p in remaining if p[0].term not in done]
    return "".join(parts)


OVERLAPPING = _glossary(
    ("passend onderwijs", "Onderwijs dat past.", ["passend-onderwijs"]),
    ("onderwijs", "Leren op school.", ["onderwijzen"]),
    ("SO", "Speciaal onderwijs", ["so-school"]),
    ("OPP", "Plan voor uw kind", ["ontwikkelingsperspectief", "OPP's"]),
    ("passend", "Wat past.", []),
    ("kind", "Een leerling.", ["kinderen"]),
    ("één", "Eén.", ["eén"]),
)
PIECES = st.sampled_from(
    [
        "passend onderwijs", "passend", "Passend Onderwijs", "onderwijs", "onderwijzen",
        "passend-onderwijs", "SO", "so", "so-school", "OPP", "OPP's", "opp",
        "ontwikkelingsperspectief", " ", ". ", "-", "x", "<p>", "</p>", "<h2>", "</h2>",
        "<a href='x'>", "</a>", "<br/>", "<!-- SO -->", "De Passend", "SO De Golf",
        "kind", "Kinderen", "\u212aind", "pasſend", "één", "EEN", "eén", "é",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(PIECES, max_size=30),
    names=st.lists(st.sampled_from(["De Passend", "SO De Golf", "onderwijs"]), max_size=2),
)
def test_one_expression_per_glossary_links_exactly_as_one_per_text(pieces, names):
    page = "".join(pieces)
    expected = _reference(page, OVERLAPPING, "w/", names)
    assert explain_terms(page, OVERLAPPING, "w/", names) == expected


def test_a_later_term_at_the_place_of_a_linked_one_is_still_found():
    # 'passend onderwijs' and then 'onderwijs' are linked; in the last paragraph 'passend'
    # starts where the linked 'passend onderwijs' matches again (which the one expression
    # names first there): it must still be linked.
    page = "<p>passend onderwijs</p><p>onderwijs</p><p>passend onderwijs</p>"
    out = explain_terms(page, OVERLAPPING, "w/")
    assert out == _reference(page, OVERLAPPING, "w/", [])
    assert out.endswith(
        '<p><a class="sop-term" href="w/#passend"><abbr title="Wat past.">passend</abbr></a> '
        "onderwijs</p>"
    )


def test_a_term_in_a_letter_beyond_ascii_is_found_as_the_expression_finds_it():
    # A case-insensitive expression matches the long s 'ſ' for 's', but 'ſ' is not 's' in
    # lower case: such a text is not skipped on its lower case.
    ascii_only = _glossary(("passend", "Wat past.", []), ("SO", "Speciaal onderwijs", []))
    page = "<p>Dat is pasſend.</p>"
    out = explain_terms(page, ascii_only, "w/")
    assert out == _reference(page, ascii_only, "w/", [])
    assert '<abbr title="Wat past.">pasſend</abbr>' in out
