"""The public site in more languages (issue 24), in Chromium at 375 and 1280 px: the sample with
the translations of tests/fixtures/talen/ (English, Arabic, Turkish, Tigrinya). Each language's
home, finder, compare and a school page (and in Arabic at 375 px a kern and a workshop) have
the page's language and direction on <html> and <body>, every Dutch text inside them is marked
lang="nl", the language switcher keeps the visitor on the same page, axe-core finds no WCAG 2.1
AA violation, and the search of each language finds a school by a need's name in that
language. Writes docs/screenshots/2x-*.png when SOP_BUILDER_SCREENSHOTS is set."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sop_builder.publish.public import build_site

from .axe import axe_source_or_skip, describe, run_axe
from .browser import keep_screenshot, open_page, refuse_other_hosts, serve
from .conftest import REPO, TODAY, make_project

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
OVERLAY = REPO / "tests" / "fixtures" / "talen" / "site_config" / "talen"
LANGUAGES = {"en": "ltr", "ar": "rtl", "tr": "ltr"}
SCHOOL = "de-meeuw"
WORKSHOP = "dyslexie-in-de-klas"
EXTRA = ("kern", "aanbod")
# a need's name in each language (tests/fixtures/talen/make.py), as a parent would type it
DYSLEXIA = {"en": "dyslexia", "ar": "عسر القراءة", "tr": "disleksi"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("talen"))
    shutil.copytree(OVERLAY, root / "site_config" / "talen")
    settings = root / "site_config" / "bouwen.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "talen: [en, ar, tr, ti]\ntalen_minimaal: 1\n",
        encoding="utf-8",
    )
    result = build_site(root, today=TODAY, echo=lambda _: None)
    assert result.ok, result
    return root / "site"


def _page_state(page) -> dict:
    return page.evaluate(
        """() => ({
            lang: document.documentElement.lang,
            dir: document.body.getAttribute('dir'),
            // the school's own words, and every fragment marked Dutch: which language holds
            own: [...document.querySelectorAll('.sop-need-offer, .sop-text, .sop-finder-limit span')]
                .map((e) => e.closest('[lang]').getAttribute('lang')),
            // the direction every Dutch fragment reads in
            dutch: [...document.querySelectorAll('article [lang="nl"]')]
                .map((e) => getComputedStyle(e).direction),
            switcher: [...document.querySelectorAll('.sop-languages a')]
                .map((a) => [a.getAttribute('hreflang'), a.href]),
            hreflang: [...document.querySelectorAll('link[rel=alternate][hreflang]')].length,
        })"""
    )


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_language_reads_right_and_passes_axe(built: Path, browser, code: str) -> None:
    source = axe_source_or_skip()
    pages = {
        "home": f"/{code}/",
        "vinder": f"/{code}/scholen/?behoefte=lezen",
        "vergelijk": f"/{code}/vergelijk/?scholen={SCHOOL},de-duinroos",
        "school": f"/{code}/scholen/{SCHOOL}/",
        # a kern and an item of the offer: in Arabic at 375 px only (right to left on a phone,
        # where their layout is most at risk; the other pages cover the rest)
        "kern": f"/{code}/kernen/noord/",
        "aanbod": f"/{code}/aanbod/workshops/{WORKSHOP}/",
    }
    with serve(built) as base:
        for viewport in (PHONE, DESKTOP):
            context = browser.new_context(viewport=viewport)
            outside = refuse_other_hosts(context)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, seen=errors: seen.append(str(e)))
            # every file a page asks for is there (the language's style, scripts, data)
            page.on(
                "response",
                lambda r, seen=errors: (
                    seen.append(f"{r.status} {r.url}") if r.status >= 400 else None
                ),
            )
            for name, path in pages.items():
                if name in EXTRA and (viewport is not PHONE or code != "ar"):
                    continue
                open_page(page, base + path)
                state = _page_state(page)
                assert state["lang"] == code, path
                assert state["dir"] == LANGUAGES[code], path
                if name == "school":  # the school's own words
                    assert state["own"] == ["nl"] * len(state["own"]), path
                if name == "aanbod":  # the SWV's own text about the workshop stays Dutch
                    body = page.locator(".sop-text > div").first
                    assert body.evaluate("(e) => e.closest('[lang]').lang") == "nl"
                assert state["dutch"], f"{path}: no Dutch fragment marked"
                assert set(state["dutch"]) == {"ltr"}, path
                assert len(state["switcher"]) == 5  # Dutch and the four languages
                assert state["hreflang"] == 5
                if name == "school" and LANGUAGES[code] == "rtl":  # a number reads as written
                    phone = page.locator('.sop-call-links a[href^="tel:"]').first
                    assert phone.evaluate("(e) => getComputedStyle(e).direction") == "ltr"
                if name == "school":
                    # name, comma and role of the contact person are one Dutch fragment, so the
                    # comma stays between them in a right-to-left page too
                    who = page.locator('.sop-call p [lang="nl"]')
                    assert who.count() == 1
                    assert who.locator("strong").count() == 1
                    assert re.fullmatch(r"[^,]+, [^,]+", who.inner_text()), who.inner_text()
                    assert state["own"], "the school's own words are on its page"
                    assert page.locator(".sop-own-words").count() == 1
                    assert page.locator(".sop-translation-note").count() == 1
                violations = run_axe(page, source)
                assert violations == [], f"{path}: {describe(violations)}"
                width = "375" if viewport is PHONE else "1280"
                keep_screenshot(page, f"2x-{code}-{name}-{width}.png", full_page=False)
            assert outside == []
            assert errors == []
            context.close()


def test_the_switcher_keeps_the_page(built: Path, browser) -> None:
    with serve(built) as base:
        page = browser.new_page(viewport=PHONE)
        open_page(page, f"{base}/ar/scholen/{SCHOOL}/")
        page.locator('.sop-languages a[hreflang="en"]').click()
        page.wait_for_load_state("load")
        assert page.url == f"{base}/en/scholen/{SCHOOL}/"
        assert page.evaluate("document.documentElement.lang") == "en"
        page.locator('.sop-languages a[hreflang="nl"]').click()
        page.wait_for_load_state("load")
        assert page.url == f"{base}/scholen/{SCHOOL}/"
        assert page.evaluate("document.documentElement.lang") == "nl"
        page.locator('.sop-languages a[hreflang="ar"]').click()
        page.wait_for_load_state("load")
        assert page.url == f"{base}/ar/scholen/{SCHOOL}/"
        assert (
            page.locator('.sop-languages a[aria-current="page"]').get_attribute("hreflang") == "ar"
        )
        page.close()


# What the menu says on the Dutch site: a page in another language says none of it
DUTCH_MENU = {"Vind een school", "Basisondersteuning", "Niet eens?", "Aanbod", "Zoeken"}
DUTCH_MENU |= {"Over passend onderwijs", "Woordenlijst", "Toegankelijkheid", "Over deze site"}


def test_the_menu_keeps_the_visitor_in_the_language(built: Path, browser) -> None:
    """The menu of a page in another language leads to that language's pages, under labels in
    that language, and the page's title is its heading in that language (before, the menu of
    /en/ led to the Dutch pages under Dutch labels)."""
    with serve(built) as base:
        page = browser.new_page(viewport=DESKTOP)
        for code in DYSLEXIA:
            open_page(page, f"{base}/{code}/privacy/")
            links = page.eval_on_selector_all(
                ".md-nav--primary a.md-nav__link",
                "els => els.map(e => [e.href, e.textContent.trim()])",
            )
            assert len(links) >= 10, links
            assert all(href.startswith(f"{base}/{code}/") for href, _ in links), links
            labels = {label for _, label in links}
            assert not labels & DUTCH_MENU, labels & DUTCH_MENU
            group = page.locator('.md-nav--primary label.md-nav__link[for="__nav_8"]')
            assert group.inner_text().strip() not in DUTCH_MENU
            heading = page.locator("h1").inner_text().strip()
            assert page.title().startswith(heading), (page.title(), heading)
            assert page.locator(".md-header__button.md-logo").get_attribute("href") == "../"
            page.locator(".md-nav--primary a.md-nav__link", has_text=labels.pop()).first.click()
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.lang") == code
        page.close()


@pytest.mark.parametrize("code", list(DYSLEXIA))
def test_the_search_of_each_language_finds_a_school_by_a_need(
    built: Path, browser, code: str
) -> None:
    with serve(built) as base:
        page = browser.new_page(viewport=DESKTOP)
        open_page(page, f"{base}/{code}/zoeken/")
        assert page.evaluate("document.documentElement.lang") == code
        found = page.evaluate(
            """async ([query]) => {
                const form = document.getElementById('zoekformulier');
                const pagefind = await import(new URL('pagefind.js', new URL(form.dataset.pagefind, location.href)).href);
                const search = await pagefind.search(query);
                const data = await Promise.all(search.results.map((r) => r.data()));
                return data.map((d) => d.url);
            }""",
            [DYSLEXIA[code]],
        )
        schools = [u for u in found if u.startswith(f"/{code}/scholen/") and "/behoefte/" not in u]
        assert schools, f"{code}: {found}"
        # the other languages' pages are not in this language's index
        assert all(u.startswith(f"/{code}/") for u in found), found
        page.close()


def test_tigrinya_has_its_interface_from_data(built: Path, browser) -> None:
    with serve(built) as base:
        page = browser.new_page(viewport=PHONE)
        open_page(page, f"{base}/ti/")
        assert page.evaluate("document.documentElement.lang") == "ti"
        assert page.locator(".sop-languages").get_attribute("aria-label") == "ቋንቋ ምረጹ"
        assert page.locator("#meer").inner_text() == "ተወሳኺ ፍለጥ"
        # an untranslated text is the Dutch, marked as Dutch
        assert page.locator("#steunpunt").inner_text() == "ብዛዕባ ደገፍ ውላድኩም ሕቶ ኣለኩም ድዩ?"
        assert (
            page.locator('#steunpunt + p [lang="nl"]').first.inner_text().startswith("Praat eerst")
        )
        page.close()


# What stays Dutch in the comparison and the finder's list: a school's own words only (its
# declarations, where its help stops, the role of whom to call); the text outside them.
OUTSIDE_DUTCH = """(selector) => {
    const copy = document.querySelector(selector).cloneNode(true);
    for (const dutch of copy.querySelectorAll('[lang="nl"]')) dutch.remove();
    return copy.textContent;
}"""


def _script_dutch(script: str) -> list[str]:
    """The Dutch texts ``script`` writes that hold no value (a whole word group to look for)."""
    from .test_script_texts import SCRIPTS, script_texts

    texts = script_texts(SCRIPTS / script)
    return [dutch for _, dutch in texts.values() if "{" not in dutch and len(dutch) > 4]


def test_the_scripts_write_arabic_and_mark_what_stays_dutch(built: Path, browser) -> None:
    """Issue 24: on /ar/ the finder's count, cards and compare bar and the comparison's table
    are written in Arabic by the scripts (the plural form of Arabic for the number), with no
    Dutch of the scripts left outside lang="nl"; every Dutch fragment (a school's own words)
    reads left to right; axe finds nothing in the comparison (the finder's list is axe-checked by
    the test above). A text the page's block lacks (planted by taking it
    out of the page as served) falls back to the script's Dutch, marked lang="nl" dir="ltr",
    as does a text Tigrinya has no translation for."""
    source = axe_source_or_skip()
    with serve(built) as base:
        context = browser.new_context(viewport=PHONE)
        outside = refuse_other_hosts(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        open_page(page, f"{base}/ar/scholen/?behoefte=lezen")
        count = page.locator("#vinder-aantal")
        assert "تقدم المساعدة في" in count.inner_text()
        assert count.locator('[lang="nl"]').count() == 0
        labels = page.locator(".sop-finder-pick label")
        assert labels.count() >= 2
        assert labels.first.evaluate("(e) => e.firstChild.textContent") == "قارنوا"
        for box in page.locator(".sop-finder-pick input").all()[:2]:
            box.evaluate("(e) => e.click()")  # (the compare bar may cover the next box)
        assert page.locator("#vinder-vergelijk p").inner_text() == "اخترتم 2 مدرستين للمقارنة."
        shown = page.evaluate(OUTSIDE_DUTCH, "#vinder-lijst")
        leftover = [d for d in _script_dutch("vinder.js") if d in shown]
        assert leftover == [], leftover
        assert set(_page_state(page)["dutch"]) == {"ltr"}

        compare = f"/ar/vergelijk/?scholen={SCHOOL},de-duinroos&behoefte=lezen"
        open_page(page, base + compare)
        table = page.locator(".sop-compare-table")
        assert table.locator("caption").inner_text() == "2 مدرستان جنبًا إلى جنب"
        headers = table.locator("th[scope=row], th[scope=colgroup]").all_inner_texts()
        assert {"ما بحثتم عنه", "بمن تتصلون", "العنوان"} <= set(headers)
        drop = page.locator(".sop-compare-drop").first
        assert drop.evaluate("(e) => e.firstChild.textContent") == "إزالة"
        shown = page.evaluate(OUTSIDE_DUTCH, "#vergelijking")
        leftover = [d for d in _script_dutch("vergelijk.js") if d in shown]
        assert leftover == [], leftover
        state = _page_state(page)
        assert state["dutch"], "the schools' own words are marked Dutch"
        assert set(state["dutch"]) == {"ltr"}
        assert page.title().startswith("مقارنة ")
        # the two names are joined as Arabic joins a list (و), not with a Latin comma
        assert " و" in page.title(), page.title()
        assert ", " not in page.title().split(" - ")[0], page.title()
        violations = run_axe(page, source)
        assert violations == [], describe(violations)

        # planted: the page's block lacks "Haal weg"; the script writes its Dutch, marked
        def without_remove(route) -> None:
            html = route.fetch().text()
            planted = re.sub(r'"vergelijk\.js\.weg": "[^"]*",\s*', "", html)
            assert planted != html
            route.fulfill(body=planted, headers={"content-type": "text/html; charset=utf-8"})

        page.route(f"{base}/ar/vergelijk/*", without_remove)
        open_page(page, base + compare)
        dutch = page.locator(".sop-compare-drop").first.locator('span[lang="nl"]')
        assert dutch.inner_text() == "Haal weg"
        assert dutch.get_attribute("dir") == "ltr"
        page.unroute(f"{base}/ar/vergelijk/*")

        # Tigrinya has "Haal weg" but not "Wie u belt": Dutch, marked
        open_page(page, f"{base}/ti/vergelijk/?scholen={SCHOOL},de-duinroos")
        assert (
            page.locator(".sop-compare-drop").first.evaluate("(e) => e.firstChild.textContent")
            == "ኣልግሱ"
        )
        call = page.locator('.sop-compare-section th span[lang="nl"]', has_text="Wie u belt")
        assert call.count() == 1
        assert outside == []
        assert errors == []
        context.close()
