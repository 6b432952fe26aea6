"""Translations as data (issue 24): site_config/talen/<code>.yaml, what `check` reports per
language, and pages rendered in a language (translated where a current translation exists,
otherwise the Dutch marked lang="nl", never a stale translation)."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from sop_builder.project.load import load_project
from sop_builder.project.routes import Kind, routes_of
from sop_builder.project.translations import (
    Language,
    TranslationEntry,
    config_texts,
    language_sources,
    source_texts,
    template_texts,
)
from sop_builder.site.pages import public_pages
from tests.conftest import REPO

READING = "vocabularies.behoeften.lezen.label"


def _entry(dutch: str, translation: str) -> str:
    return (
        f"  {{key}}:\n    nl: {json.dumps(dutch, ensure_ascii=False)}\n"
        f"    vertaling: {json.dumps(translation, ensure_ascii=False)}\n"
        "    vertaald_door: Test\n    datum: 2026-12-01\n"
    )


def _language_file(root: Path, code: str, entries: dict[str, tuple[str, str]]) -> None:
    folder = root / "site_config" / "talen"
    folder.mkdir(exist_ok=True)
    lines = ["nakijken: ja", "teksten:"]
    for key, (dutch, translation) in entries.items():
        lines.append(_entry(dutch, translation).replace("{key}", key).rstrip("\n"))
    (folder / f"{code}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _codes(root: Path, code: str) -> list[tuple[str, str]]:
    project = load_project(root, internal=False, keep=False)
    return [(i.path, i.message) for i in project.issues if i.code == code]


def _home(root: Path, code: str) -> str:
    project = load_project(root, internal=False, keep=False)
    language = project.languages[code]
    home = [r for r in routes_of(project) if r.kind is Kind.HOME]
    (page,) = public_pages(project, root / "templates", routes=home, language=language)
    text = page.text()
    assert isinstance(text, str)
    return text


def test_keys_come_from_the_templates_and_site_config(sample: Path) -> None:
    templates, issues = template_texts(sample)
    assert not issues
    assert templates["home.kop"].dutch == "Ondersteuning op school in de regio van {swv}"
    assert templates["home.kop"].source == "templates/pages/home.md.j2"
    config = config_texts(sample)
    assert config[READING].dutch == "Lezen en dyslexie"
    assert config["niet-eens.inleiding"].source == "site_config/niet-eens.yaml"
    assert config["woordenlijst.termen.passend-onderwijs.uitleg"].dutch.startswith("Elk kind")
    # what only the tools read, ids and search words are not texts to translate
    assert not [k for k in config if k.startswith("teksten.contactrol")]
    assert not [k for k in config if ".zoekwoorden" in k or k.endswith(".id")]


def test_a_template_key_with_two_dutch_texts_is_an_error(sample: Path) -> None:
    page = sample / "templates" / "pages" / "home.md.j2"
    page.write_text(
        page.read_text(encoding="utf-8") + '{{ t("home.kop", "Iets anders") }}\n', encoding="utf-8"
    )
    _, issues = template_texts(sample)
    assert [i.code for i in issues] == ["SOP467"]
    assert "home.md.j2" in issues[0].message


def test_without_language_files_nothing_is_reported(sample: Path) -> None:
    project = load_project(sample, internal=False, keep=False)
    assert not [i for i in project.issues if i.code.startswith("SOP46")]
    assert project.languages == {}
    assert project.published_languages == ()


def test_missing_and_unknown_keys_are_reported_per_language(sample: Path) -> None:
    _language_file(sample, "en", {READING: ("Lezen en dyslexie", "Reading and dyslexia")})
    _language_file(sample, "ar", {"home.kopp": ("x", "y")})
    sources, _ = source_texts(sample)
    en = language_sources(sources, Language("en"))
    ar = language_sources(sources, Language("ar"))
    plurals = sum(1 for s in sources.values() if s.one is not None)
    assert plurals >= 1
    assert (
        len(ar) == len(en) + 4 * plurals
    )  # a text with a number: six forms in Arabic, two in English
    missing = _codes(sample, "SOP460")
    per_language = {
        code: {m for p, m in missing if p == f"site_config/talen/{code}.yaml"}
        for code in ("en", "ar")
    }
    assert len(per_language["en"]) == len(en) - 1
    assert len(per_language["ar"]) == len(ar)
    assert not [m for m in per_language["en"] if f"'{READING}'" in m]
    unknown = _codes(sample, "SOP462")
    assert len(unknown) == 1
    assert "home.kopp" in unknown[0][1]
    assert "home.kop" in unknown[0][1]  # 'bedoelt u …?'


def test_a_translation_must_keep_the_placeholders(sample: Path) -> None:
    dutch = "Ondersteuning op school in de regio van {swv}"
    _language_file(sample, "en", {"home.kop": (dutch, "Support at school in the {region}")})
    found = _codes(sample, "SOP463")
    assert len(found) == 1
    assert "{swv}" in found[0][1]
    assert "{region}" in found[0][1]
    _language_file(sample, "en", {"home.kop": (dutch, "Support at school in the region of {swv}")})
    assert _codes(sample, "SOP463") == []


def test_changed_dutch_is_stale_in_every_language_and_the_page_shows_the_dutch(
    sample: Path,
) -> None:
    dutch = "Lezen en dyslexie"
    kop = "Ondersteuning op school in de regio van {swv}"
    _language_file(
        sample,
        "en",
        {READING: (dutch, "Reading and dyslexia"), "home.kop": (kop, "Support near {swv}")},
    )
    _language_file(sample, "ar", {READING: (dutch, "القراءة وعسر القراءة")})
    # while the Dutch is unchanged, the translation is on the page and nothing is stale
    assert _codes(sample, "SOP461") == []
    page = _home(sample, "en")
    assert '<option value="lezen">Reading and dyslexia</option>' in page
    assert "# Support near SWV Duinkust" in page
    assert "Lezen en dyslexie" not in page
    # the SWV changes the Dutch label: stale in both languages, naming file and key
    vocab = sample / "site_config" / "vocabularies.yaml"
    vocab.write_text(
        vocab.read_text(encoding="utf-8").replace(dutch, "Lezen, spellen en dyslexie"),
        encoding="utf-8",
    )
    stale = _codes(sample, "SOP461")
    assert sorted(p for p, _ in stale) == ["site_config/talen/ar.yaml", "site_config/talen/en.yaml"]
    assert all(f"'{READING}'" in m and "Lezen, spellen en dyslexie" in m for _, m in stale)
    marks = {"en": 'lang="nl"', "ar": 'lang="nl" dir="ltr"'}  # Dutch reads left to right
    for code, old in (("en", "Reading and dyslexia"), ("ar", "القراءة وعسر القراءة")):
        page = _home(sample, code)
        assert old not in page
        assert f"<span {marks[code]}>Lezen, spellen en dyslexie</span>" in page
    # a text without any translation is the Dutch, marked as Dutch
    page = _home(sample, "ar")
    assert '<h2 id="meer"><span lang="nl" dir="ltr">Meer weten</span></h2>' in page


def test_every_key_the_templates_use_is_one_the_key_list_knows(sample: Path) -> None:
    """The key list is read from the templates' text; the Renderer is asked for keys while it
    renders. Both must agree (a call the reader of the templates misses would never be
    translated)."""
    project = load_project(sample, internal=False, keep=False)
    language = Language("ar")
    sources = language_sources(source_texts(sample)[0], language)
    asked: dict[str, str] = {}
    original = Language.current

    def record(self: Language, key: str, dutch: str) -> object:
        asked[key] = dutch
        return original(self, key, dutch)

    Language.current = record  # type: ignore[method-assign]
    try:
        public_pages(project, sample / "templates", language=language)
    finally:
        Language.current = original  # type: ignore[method-assign]
    assert asked, "no page asked for a translation"
    assert asked == {k: sources[k].dutch for k in asked}


def test_the_reader_of_the_templates_sees_every_call() -> None:
    """No call to t(), ta(), tn() or a script's ts(), tns() in a template that the key reader
    cannot read (a single-quoted key or text, a text built with ~)."""
    calls = 0
    for file in sorted((REPO / "templates" / "pages").rglob("*.j2")):
        text = file.read_text(encoding="utf-8")
        all_calls = re.findall(r"\bt(?:a|s|n|ns)?\(", text)
        read = re.findall(r'\bt(?:a|s|n|ns)?\(\s*"[a-z0-9][a-z0-9_.-]*"\s*,\s*"', text)
        assert len(all_calls) == len(read), file.name
        calls += len(read)
    assert calls > 20


def test_a_published_language_needs_its_file_and_its_share(sample: Path) -> None:
    settings = sample / "site_config" / "bouwen.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "talen: [en, tr]\ntalen_minimaal: 50\n",
        encoding="utf-8",
    )
    _language_file(sample, "en", {READING: ("Lezen en dyslexie", "Reading and dyslexia")})
    project = load_project(sample, internal=False, keep=False)
    by_code = {i.code: i for i in project.issues if i.code in ("SOP465", "SOP466")}
    assert project.published_languages == ()
    assert "Engels (en)" in by_code["SOP465"].message
    assert "50%" in by_code["SOP465"].message
    assert "site_config/talen/tr.yaml" in by_code["SOP466"].message
    # with every text translated, English is published
    sources, _ = source_texts(sample)
    _language_file(sample, "en", {k: (s.dutch, "x " + s.dutch) for k, s in sources.items()})
    project = load_project(sample, internal=False, keep=False)
    assert project.published_languages == ("en",)
    assert not [i for i in project.issues if i.code == "SOP465"]


def test_language_file_names_and_directions(sample: Path) -> None:
    (sample / "site_config" / "talen").mkdir()
    (sample / "site_config" / "talen" / "engels.yaml").write_text("teksten: {}\n")
    assert [p for p, _ in _codes(sample, "SOP464")] == ["site_config/talen/engels.yaml"]
    assert Language("ar").direction == "rtl"
    assert Language("en").direction == "ltr"
    assert Language("ti").name == "ትግርኛ"
    assert Language("ti").dutch_name == "Tigrinya"


def _sheet(path: Path, rows: list[list[str]]) -> Path:
    lines = ["sleutel;nederlands;vertaling;vertaald_door"] + [";".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_sheet_lists_what_is_missing_or_stale_and_reads_back(sample: Path) -> None:
    from datetime import date

    from sop_builder.core.tables import read_table
    from sop_builder.sheets.translations import export_sheet, import_sheet

    kop = "Ondersteuning op school in de regio van {swv}"
    _language_file(sample, "en", {READING: ("Lezen", "Reading")})  # stale: the Dutch changed
    out = sample.parent / "en.xlsx"
    result = export_sheet(sample, "en", out)
    assert result.ok
    table, _ = read_table(out, "en.xlsx")
    assert table is not None
    keys = {cells[0]: cells for _, cells in table.rows}
    sources = language_sources(source_texts(sample)[0], Language("en"))
    assert set(keys) == set(sources)  # all missing, one of them stale
    assert keys[READING][1:4] == [
        "Lezen en dyslexie",
        "site_config/vocabularies.yaml, regel 27",
        "Reading",
    ]
    assert keys["lijsten.aantal.one"][1] == "({n} school)"
    # a row whose placeholders are wrong, or whose Dutch changed since: nothing is written
    target = sample / "site_config" / "talen" / "en.yaml"
    before = target.read_bytes()
    bad = _sheet(sample.parent / "bad.csv", [["home.kop", kop, "Support in {region}", "A"]])
    refused = import_sheet(sample, "en", bad, date(2026, 12, 7))
    assert not refused.ok
    assert [(i.code, i.path, i.line) for i in refused.issues] == [("SOP463", "bad.csv", 2)]
    old = _sheet(sample.parent / "old.csv", [["home.kop", "Oude kop", "Support", "A"]])
    refused = import_sheet(sample, "en", old, date(2026, 12, 7))
    assert [i.code for i in refused.issues] == ["SOP468"]
    assert target.read_bytes() == before
    # a good sheet: written with who and when, and check no longer finds them missing or stale
    good = _sheet(
        sample.parent / "good.csv",
        [
            ["home.kop", kop, "Support at school in the region of {swv}", "Vertaalbureau X"],
            [READING, "Lezen en dyslexie", "Reading and dyslexia", ""],
        ],
    )
    done = import_sheet(sample, "en", good, date(2026, 12, 7))
    assert done.ok, done.issues
    text = target.read_text(encoding="utf-8")
    assert "nakijken: ja" in text  # what was there stays
    assert "vertaald_door: Vertaalbureau X" in text
    assert "datum: 2026-12-07" in text
    reported = {m for _, m in _codes(sample, "SOP460") + _codes(sample, "SOP461")}
    assert not [m for m in reported if f"'{READING}'" in m or "'home.kop'" in m]
    assert "# Support at school in the region of SWV Duinkust" in _home(sample, "en")


# Dutch words that a page in another language shows only where a template still writes Dutch
# without t() (a school's own words and the Dutch fallback are marked lang="nl").
FIXED = {"home", "vinder", "vergelijk", "vaste pagina", "woordenlijst"}  # kinds named by template
ATTRIBUTES = re.compile(r"\{ #[^}]*\}|https?://\S+|(?<!\S)/\S+")  # ids, addresses, paths
DESCRIPTION = re.compile(r"^description: (.*)$", re.M)
DUTCH_WORDS = re.compile(r"\b(het|een|uw|niet|zijn|voor|naar|deze|hier|welke|hun|zij|wordt)\b")


class _OutsideDutch(HTMLParser):
    """The text of a page outside every element marked lang="nl" (with the attributes a visitor
    hears or sees: aria-label, alt, title, placeholder); of a data block of the scripts' texts
    (``<script type="application/json">``), the texts, not their keys."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: inside Dutch
        self.text: list[str] = []
        self.data_block = False

    READ = ("aria-label", "alt", "title", "placeholder")  # attributes a visitor hears or sees

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        inside = bool(self.stack and self.stack[-1]) or dict(attrs).get("lang") == "nl"
        if not inside:
            self.text += [value for name, value in attrs if name in self.READ and value]
        if tag in self.VOID:
            return
        self.data_block = tag == "script" and dict(attrs).get("type") == "application/json"
        self.stack.append(inside)

    def handle_endtag(self, tag: str) -> None:
        self.data_block = False
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.data_block:
            data = " ".join(json.loads(data).values())
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


def _unmarked_dutch(root: Path, kinds: frozenset[Kind] | None = None) -> dict[str, str]:
    """The templates (or, for pages made in Python, the kinds of route) whose pages, rendered
    in a language in which every text is translated (as '¤'), still show a Dutch word outside
    lang="nl" or in their description, with the first such word. What is left there should be data (names, addresses)
    and '¤'; a Dutch word is a text a template writes without t() and without marking it."""
    project = load_project(root, internal=False, keep=False)
    language = Language("en")

    def everything(_self: Language, _key: str, dutch: str) -> TranslationEntry:
        return TranslationEntry.model_validate({"nl": dutch, "vertaling": "¤"})

    original = Language.current
    Language.current = everything  # type: ignore[method-assign]
    try:
        routes = [
            r
            for r in routes_of(project)
            if r.staged and r.is_page and (kinds is None or r.kind in kinds)
        ]
        names = sorted((s.front.name for s in project.schools), key=len, reverse=True)
        # with an address, so that the pages hold their QR codes (and the codes their label)
        site_url = "https://swv.example.nl/"
        pages = public_pages(
            project, root / "templates", site_url, routes=routes, language=language
        )
        unfinished: dict[str, str] = {}
        for route, page in zip(routes, pages, strict=True):
            text = page.text()
            assert isinstance(text, str)
            front, _, body = text.partition("\n---\n")
            parser = _OutsideDutch()
            parser.feed(body)
            shown = ATTRIBUTES.sub(" ", " ".join(parser.text))  # not ids, addresses
            # the page's description (search engines and link previews show it; it cannot be
            # marked Dutch), except an offer item's: the SWV's own summary
            if route.kind is not Kind.OFFER_ITEM:
                shown += " " + " ".join(json.loads(d) for d in DESCRIPTION.findall(front))
            for name in names:  # nor the names of the schools (data, in any language)
                shown = shown.replace(name, " ")
            shown = shown.lower()
            found = DUTCH_WORDS.search(shown)
            if found:
                name = route.template if route.kind.value in FIXED else route.kind.value
                unfinished.setdefault(name or route.kind.value, found.group(0))
    finally:
        Language.current = original  # type: ignore[method-assign]
    return unfinished


def test_no_page_shows_dutch_that_is_neither_translated_nor_marked(sample: Path) -> None:
    """Every page of the site, rendered in another language: each Dutch text is translatable
    (t(), or the SWV's text through its key) or marked lang="nl" (a school's or the SWV's own
    words that stay Dutch)."""
    assert _unmarked_dutch(sample) == {}


def test_a_planted_unmarked_dutch_sentence_is_found(sample: Path) -> None:
    """The check above fails on a template that writes Dutch without t() or lang="nl": one
    planted sentence on the privacy page and one in the offer's shared macros (an offer item),
    while a sentence marked lang="nl" passes; and on a description or an aria-label written in
    Dutch."""
    privacy = sample / "templates" / "pages" / "privacy.md.j2"
    text = privacy.read_text(encoding="utf-8")
    marked = text.replace("</div>", '<p lang="nl">Wij bewaren het niet.</p>\n</div>')
    privacy.write_text(marked, encoding="utf-8")
    kinds = frozenset({Kind.PAGE, Kind.OFFER_ITEM})
    assert _unmarked_dutch(sample, kinds) == {}
    privacy.write_text(text.replace("</div>", "<p>Wij bewaren het niet.</p>\n</div>"), "utf-8")
    macros = sample / "templates" / "pages" / "aanbod" / "_macros.j2"
    macros.write_text(
        macros.read_text(encoding="utf-8").replace("{{ nl(m.topic) }}", "{{ nl(m.topic) }} voor u"),
        encoding="utf-8",
    )
    assert _unmarked_dutch(sample, kinds) == {"privacy.md.j2": "het", "aanbod-item": "voor"}
    # a description written in Dutch without t(): found too
    privacy.write_text(text, "utf-8")
    statement = sample / "templates" / "pages" / "toegankelijkheid.md.j2"
    lines = statement.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("description:"))
    lines[at] = 'description: "Hoe toegankelijk is deze site?"'
    statement.write_text("\n".join(lines), "utf-8")
    assert _unmarked_dutch(sample, frozenset({Kind.PAGE})) == {"toegankelijkheid.md.j2": "deze"}
    # and a label a screen reader says, written in Dutch without ta()
    privacy.write_text(
        text.replace("</div>", '<p aria-label="Naar het begin">¤</p>\n</div>'), "utf-8"
    )
    assert _unmarked_dutch(sample, frozenset({Kind.PAGE})) == {
        "privacy.md.j2": "naar",
        "toegankelijkheid.md.j2": "deze",
    }


def test_the_built_page_shows_changed_dutch_instead_of_the_old_translation(sample: Path) -> None:
    """The acceptance of issue 24 on the built site: a Dutch label changes, and every language's
    built home page shows the new Dutch, marked lang="nl", where it showed the translation.
    The same for a school's own translation of its declaration (point 3): shown on the English
    school page marked lang="en", and after its Dutch changed, the new Dutch marked lang="nl"."""
    from sop_builder.publish.public import build_site
    from tests.conftest import TODAY
    from tests.test_own_translations import CODE, ENGLISH, OFFER, SOP

    overlay = REPO / "tests" / "fixtures" / "talen" / "site_config" / "talen"
    shutil.copytree(overlay, sample / "site_config" / "talen")
    settings = sample / "site_config" / "bouwen.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "talen: [en, ar]\ntalen_minimaal: 5\n",
        encoding="utf-8",
    )
    sop = sample / SOP
    own = f"    vertalingen:\n      en:\n        wat: {ENGLISH}\n        controlecode: {CODE}\n"
    sop.write_text(
        sop.read_text(encoding="utf-8").replace("  rekenen:\n", own + "  rekenen:\n", 1), "utf-8"
    )
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    home = {code: (sample / "site" / code / "index.html").read_text("utf-8") for code in LABEL}
    for code, label in LABEL.items():
        assert f">{label}</option>" in home[code]
    # the home page's description (search results, link previews) in the page's language
    assert (
        '<meta name="description" content="The support profiles of the schools of SWV Duinkust'
        in home["en"]
    )
    assert '<meta name="description" content="ملفات دعم مدارس SWV Duinkust' in home["ar"]
    school = sample / "site" / "en" / "scholen" / "de-boomgaard" / "index.html"
    assert f'<p class="sop-need-offer" lang="en" dir="ltr">{ENGLISH}</p>' in school.read_text(
        "utf-8"
    )
    changed = "Kinderen die moeite hebben met lezen, oefenen elke dag extra."
    sop.write_text(sop.read_text(encoding="utf-8").replace(OFFER, changed), "utf-8")
    vocab = sample / "site_config" / "vocabularies.yaml"
    vocab.write_text(
        vocab.read_text(encoding="utf-8").replace(
            "Lezen en dyslexie", "Lezen, spellen en dyslexie"
        ),
        encoding="utf-8",
    )
    stale = _codes(sample, "SOP461")
    # stale in every language that translated it, published or not
    assert sorted(p for p, m in stale if f"'{READING}'" in m) == [
        f"site_config/talen/{code}.yaml" for code in ("ar", "en", "ti", "tr")
    ]
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    marks = {"en": 'lang="nl"', "ar": 'lang="nl" dir="ltr"'}
    for code, label in LABEL.items():
        page = (sample / "site" / code / "index.html").read_text("utf-8")
        assert label not in page
        assert f"<span {marks[code]}>Lezen, spellen en dyslexie</span>" in page
    page = school.read_text("utf-8")
    assert ENGLISH not in page
    assert f'<p class="sop-need-offer" lang="nl">{changed}</p>' in page


LABEL = {"en": "Reading and dyslexia", "ar": "القراءة وعسر القراءة"}
