"""A school's own translation of its declarations (issue 24, point 3): under a need,
``vertalingen: {en: {wat, grens, controlecode}}`` beside the Dutch. Checked as the Dutch text is
(hostile text refused, invisible characters and text YAML would drop reported); a language the
site is not published in is an error; a translation without its controlecode, or of an earlier
Dutch text, is not shown (the Dutch is, marked lang="nl") and check says so. The built site's
acceptance is in test_translations.py (test_the_built_page_shows_changed_dutch_...)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sop_builder.core.issues import Issue
from sop_builder.editor.config import decap_fields
from sop_builder.project.config import load_config
from sop_builder.project.content_types import CONTENT_TYPES
from sop_builder.project.load import load_project
from sop_builder.project.model import NeedDeclaration
from sop_builder.project.routes import Kind, routes_of
from sop_builder.project.schema_export import content_schema
from sop_builder.project.schools.own_translations import dutch_code
from sop_builder.site.pages import public_pages
from tests.conftest import REPO

TRANSLATIONS = REPO / "tests" / "fixtures" / "talen" / "site_config" / "talen"

SOP = "content/schools/de-boomgaard/sop.md"
OFFER = (
    "Kinderen die moeite hebben met lezen, oefenen extra in een klein groepje, een paar keer "
    "per week."
)
LIMIT = (
    "Onderzoek en behandeling van ernstige dyslexie doen wij niet zelf; dat doet een zorgaanbieder."
)
ENGLISH = "Children who find reading hard practise extra in a small group, a few times a week."
CODE = dutch_code(NeedDeclaration.model_validate({"niveau": "ja", "wat": OFFER, "grens": LIMIT}))


def _languages(root: Path) -> None:
    """The site in English and Arabic, with the sample's translations (tests/fixtures/talen)."""
    settings = root / "site_config" / "bouwen.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "talen: [en, ar]\ntalen_minimaal: 5\n",
        encoding="utf-8",
    )
    shutil.copytree(TRANSLATIONS, root / "site_config" / "talen")


def _translate(root: Path, block: str) -> int:
    """Put ``block`` (the lines under 'vertalingen:', indented for it) under the need 'lezen' of
    de-boomgaard; the line number of 'vertalingen:'."""
    sop = root / SOP
    text = sop.read_text(encoding="utf-8")
    assert f"  lezen:\n    niveau: ja\n    wat: {OFFER}\n" in text
    at = text.index("  rekenen:\n")
    sop.write_text(text[:at] + "    vertalingen:\n" + block + text[at:], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _issues(root: Path) -> list[Issue]:
    project = load_project(root, internal=False, keep=False)
    return [i for i in project.issues if i.path == SOP]


def _school_page(root: Path, code: str | None) -> str:
    project = load_project(root, internal=False, keep=False)
    routes = [
        r
        for r in routes_of(project)
        if r.kind is Kind.SCHOOL and r.key == "de-boomgaard" and r.language == (code or "")
    ]
    (page,) = public_pages(project, root / "templates", routes=routes)
    text = page.text()
    assert isinstance(text, str)
    return text


def _need(page: str, need: str = "lezen") -> str:
    start = page.index(f'<section class="sop-need" id="behoefte-{need}"')
    return page[start : page.index("</section>", start)]


def _codes(issues: list[Issue]) -> list[str]:
    return sorted(i.code for i in issues if i.code not in ("SOP403",))  # the sample's own


def test_a_current_translation_is_accepted_and_shown_marked_with_its_language(
    sample: Path,
) -> None:
    _languages(sample)
    dutch_before = _school_page(sample, None)
    _translate(sample, f"      en:\n        wat: {ENGLISH}\n        controlecode: {CODE}\n")
    assert _codes(_issues(sample)) == []
    need = _need(_school_page(sample, "en"))
    assert f'<p class="sop-need-offer" lang="en" dir="ltr">{ENGLISH}</p>' in need
    assert OFFER not in need
    # 'grens' not translated: the Dutch stays, marked Dutch
    assert f'<span lang="nl">{LIMIT}</span>' in need
    # one line, in the reader's language, that the school translated this itself
    assert (
        '<p class="sop-own-translation">The school translated the text in your language here '
        "itself.</p>"
    ) in need
    # not in Arabic, which the school did not translate: the Dutch, marked Dutch, no such line
    arabic = _need(_school_page(sample, "ar"))
    assert f'<p class="sop-need-offer" lang="nl" dir="ltr">{OFFER}</p>' in arabic
    assert "sop-own-translation" not in arabic
    # the Dutch page is the same, byte for byte, as without the translation
    assert _school_page(sample, None) == dutch_before


def test_arabic_is_marked_right_to_left(sample: Path) -> None:
    _languages(sample)
    arabic = "الأطفال الذين يجدون صعوبة في القراءة يتدربون أكثر."
    _translate(sample, f"      ar:\n        wat: {arabic}\n        controlecode: {CODE}\n")
    assert _codes(_issues(sample)) == []
    need = _need(_school_page(sample, "ar"))
    assert f'<p class="sop-need-offer" lang="ar" dir="rtl">{arabic}</p>' in need


def test_a_language_the_site_is_not_in_is_an_error_at_its_line(sample: Path) -> None:
    _languages(sample)
    line = _translate(sample, "      eng:\n        wat: Reading.\n")
    (issue,) = [i for i in _issues(sample) if i.code == "SOP469"]
    assert issue.is_error
    assert (issue.line, issue.field) == (line + 1, "ondersteuning.lezen.vertalingen.eng")
    assert "'eng'" in issue.message
    assert "en, ar" in issue.hint
    assert "Bedoelt u 'en'?" in issue.hint


def test_without_other_languages_every_translation_is_an_error(sample: Path) -> None:
    _translate(sample, f"      en:\n        wat: {ENGLISH}\n")
    (issue,) = [i for i in _issues(sample) if i.code == "SOP469"]
    assert "alleen in het Nederlands" in issue.message
    assert "site_config/bouwen.yaml" in issue.hint


def test_hostile_and_invisible_text_and_text_yaml_would_drop(sample: Path) -> None:
    """The translated texts get the checks the Dutch ones get: '<' and '>' refused (SOP113),
    a character that turns the reading direction refused (SOP457), a zero-width character
    (SOP458) and a ' #' that YAML reads as a comment (SOP019) reported; each at its line."""
    _languages(sample)
    line = _translate(
        sample,
        "      en:\n"
        "        wat: Reading <script>alert(1)</script>\n"
        "        grens: We do not treat \u202edyslexia\n"
        f"        controlecode: {CODE}\n"
        "      ar:\n"
        "        wat: Reading #dyslexia help\n"
        "        grens: We do\u200bnot.\n"
        f"        controlecode: {CODE}\n",
    )
    found = {(i.code, i.line) for i in _issues(sample)}
    assert ("SOP113", line + 2) in found
    assert ("SOP457", line + 3) in found
    assert ("SOP019", line + 6) in found
    assert ("SOP458", line + 7) in found
    # and without the hostile text the same block passes
    sop = sample / SOP
    text = sop.read_text(encoding="utf-8")
    text = text.replace("<script>alert(1)</script>", "script").replace("\u202e", "")
    sop.write_text(text.replace(" #dyslexia", " dyslexia").replace("\u200b", " "), "utf-8")
    assert _codes(_issues(sample)) == []


def test_without_its_code_a_translation_is_not_shown_and_check_names_the_code(
    sample: Path,
) -> None:
    _languages(sample)
    line = _translate(sample, f"      en:\n        wat: {ENGLISH}\n")
    (issue,) = [i for i in _issues(sample) if i.code == "SOP470"]
    assert not issue.is_error
    assert issue.line == line + 1
    assert f"controlecode' in: {CODE}" in issue.hint
    need = _need(_school_page(sample, "en"))
    assert ENGLISH not in need
    assert f'<p class="sop-need-offer" lang="nl">{OFFER}</p>' in need


def test_a_changed_dutch_text_makes_the_translation_stale(sample: Path) -> None:
    """The acceptance of point 3's staleness: the Dutch 'wat' changes after the translation was
    written; check warns (SOP461) with the new code, and the English page shows the new Dutch,
    marked lang="nl", instead of the old translation."""
    _languages(sample)
    _translate(sample, f"      en:\n        wat: {ENGLISH}\n        controlecode: {CODE}\n")
    assert _codes(_issues(sample)) == []
    sop = sample / SOP
    changed = "Kinderen die moeite hebben met lezen, oefenen elke dag extra."
    sop.write_text(sop.read_text(encoding="utf-8").replace(OFFER, changed), encoding="utf-8")
    (issue,) = [i for i in _issues(sample) if i.code == "SOP461"]
    new = dutch_code(NeedDeclaration.model_validate({"wat": changed, "grens": LIMIT}))
    assert new != CODE
    assert issue.field == "ondersteuning.lezen.vertalingen.en.controlecode"
    assert f"in: {new}" in issue.hint
    need = _need(_school_page(sample, "en"))
    assert ENGLISH not in need
    assert f'<p class="sop-need-offer" lang="nl">{changed}</p>' in need
    assert "sop-own-translation" not in need


def test_a_translation_of_an_empty_dutch_text_is_not_shown(sample: Path) -> None:
    _languages(sample)
    sop = sample / SOP
    sop.write_text(sop.read_text(encoding="utf-8").replace(f"    grens: {LIMIT}\n", ""), "utf-8")
    code = dutch_code(NeedDeclaration.model_validate({"wat": OFFER}))
    _translate(sample, f"      en:\n        grens: We stop here.\n        controlecode: {code}\n")
    (issue,) = [i for i in _issues(sample) if i.code == "SOP462"]
    assert issue.field == "ondersteuning.lezen.vertalingen.en.grens"
    need = _need(_school_page(sample, "en"))
    assert "We stop here." not in need
    assert "sop-own-translation" not in need


def test_the_editor_shows_one_folded_block_per_language_of_the_site(sample: Path) -> None:
    kind = next(k for k in CONTENT_TYPES if k.id == "sop")

    def reading_fields() -> list[dict[str, object]]:
        config, _ = load_config(sample)
        schema = content_schema(kind, config)
        fields = decap_fields(schema, schema.get("$defs", {}))
        support = next(f for f in fields if f["name"] == "ondersteuning")
        need = next(f for f in support["fields"] if f["name"] == "lezen")
        return list(need["fields"])

    assert [f["name"] for f in reading_fields()] == ["niveau", "wat", "grens"]
    _languages(sample)
    (block,) = [f for f in reading_fields() if f["name"] == "vertalingen"]
    assert block["collapsed"] is True
    assert [(f["name"], f["label"]) for f in block["fields"]] == [
        ("en", "Engels"),
        ("ar", "Arabisch"),
    ]
    english = block["fields"][0]["fields"]
    assert [f["name"] for f in english] == ["wat", "grens", "controlecode"]
    assert not any(f["required"] for f in english)


def test_the_code_is_a_fingerprint_of_the_dutch_texts() -> None:
    def code(offer: str, limit: str | None) -> str:
        return dutch_code(NeedDeclaration.model_validate({"wat": offer, "grens": limit}))

    assert re.fullmatch(r"[0-9a-f]{8}", CODE)
    assert code(OFFER, LIMIT) == CODE
    assert code(OFFER, None) != CODE
    assert code(OFFER + " Ook thuis.", LIMIT) != CODE
    # the texts are plain text: line breaks and double spaces are one space, as on the page
    assert code(OFFER.replace(" ", "  ", 1).replace(" ", "\n", 2), LIMIT) == CODE


def _finder_data(root: Path, code: str | None) -> tuple[dict, dict]:
    """The finder's data of the need 'lezen' and the comparison's data of de-boomgaard, in
    ``code`` (None: Dutch)."""
    import json

    project = load_project(root, internal=False, keep=False)
    wanted = {(Kind.FINDER_NEED, "lezen"), (Kind.FINDER_SCHOOL, "de-boomgaard")}
    routes = [
        r
        for r in routes_of(project)
        if (r.kind, r.key) in wanted and r.language == (code or "") and r.staged
    ]
    pages = public_pages(project, root / "templates", routes=routes)
    by_kind = {
        route.kind: json.loads(page.text()) for route, page in zip(routes, pages, strict=True)
    }
    return by_kind[Kind.FINDER_NEED], by_kind[Kind.FINDER_SCHOOL]


def test_the_finders_cards_and_the_comparison_show_the_schools_own_translation(
    sample: Path,
) -> None:
    """The finder's data of a language carries a school's own current translation as
    ``{"eigen": ...}`` (modules/texts.js shows it as the page's language), its untranslated
    'grens' as Dutch (marked by the script); other languages and the Dutch data are unchanged,
    and a stale translation is not in the data."""
    _languages(sample)
    dutch_before = _finder_data(sample, None)
    arabic_before = _finder_data(sample, "ar")
    _translate(sample, f"      en:\n        wat: {ENGLISH}\n        controlecode: {CODE}\n")
    need, school = _finder_data(sample, "en")
    (row,) = [r for r in need["scholen"] if isinstance(r[2], dict)]  # only this school's
    assert row[2:] == [{"eigen": ENGLISH}, LIMIT]
    assert school["behoeften"]["lezen"][1:] == [{"eigen": ENGLISH}, LIMIT]
    assert _finder_data(sample, "ar") == arabic_before
    assert _finder_data(sample, None) == dutch_before
    # the Dutch changes: the translation is stale and the data holds the new Dutch
    sop = sample / SOP
    changed = "Kinderen die moeite hebben met lezen, oefenen elke dag extra."
    sop.write_text(sop.read_text(encoding="utf-8").replace(OFFER, changed), encoding="utf-8")
    need, school = _finder_data(sample, "en")
    assert school["behoeften"]["lezen"][1:] == [changed, LIMIT]
    assert {"eigen": ENGLISH} not in [cell for r in need["scholen"] for cell in r]
