"""The built site in headless Chromium, as a visitor sees it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from sop_builder.build.public import build_site

from .axe import axe_source_or_skip, describe, run_axe
from .browser import serve
from .conftest import TODAY, make_project

PAGES = [
    "/",
    "/scholen/",
    "/scholen/de-duinroos/",
    "/scholen/so-de-golfslag/",
    "/basisondersteuning/",
    "/zoeken/",
    "/scholen/?behoefte=motoriek",  # the finder with a filter applied
    "/scholen/?q=zzzonbekend",  # the finder without results
    "/kernen/",
    "/kernen/noord/",
    "/woordenlijst/",
    "/over-passend-onderwijs/",
    "/toegankelijkheid/",
    "/privacy/",
    "/aanbod/",
    "/aanbod/workshops/",
    "/aanbod/workshops/samen-met-ouders/",
    "/aanbod/workshops/rust-in-de-klas/",
    "/aanbod/netwerkgroepen/",
    "/aanbod/netwerkgroepen/ib-netwerk-noord/",
    "/aanbod/expertisecentra/",
    "/aanbod/expertisecentra/gedrag/",
    "/aanbod/verhalen/",
    "/aanbod/verhalen/samen-spelen-op-het-plein/",
    "/scholen/de-duinroos/poster/",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("browser"))
    assert build_site(root, today=TODAY, echo=lambda s: None).ok
    return root / "site"


def test_pages_make_no_outside_requests_set_no_cookies_and_log_no_errors(
    site: Path, browser, tmp_path: Path
):
    with serve(site) as base:
        for width in (1280, 375):
            context = browser.new_context(viewport={"width": width, "height": 900})
            outside: list[str] = []
            errors: list[str] = []

            def route(r, outside=outside):
                if urlparse(r.request.url).hostname != "127.0.0.1":
                    outside.append(r.request.url)
                    return r.abort()
                return r.continue_()

            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc, e=errors: e.append(str(exc)))
            for path in PAGES:
                response = page.goto(base + path, wait_until="networkidle")
                assert response is not None and response.status == 200, path
                assert page.locator("h1").count() == 1, path
                # Nothing sticks out sideways on a phone.
                assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            page.goto(base + "/scholen/de-duinroos/", wait_until="networkidle")
            page.screenshot(path=str(tmp_path / f"school-{width}.png"), full_page=True)
            assert outside == []
            assert errors == []
            assert context.cookies() == []
            context.close()


def test_school_page_shows_the_ouderrapport(site: Path, browser):
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + "/scholen/de-polderster/", wait_until="networkidle")
        assert page.title().startswith("OBS De Polderster")
        text = page.inner_text("article")
        assert (
            "Voldoet aan 54 van de 65 afspraken basisondersteuning (83%); doel 2025-2026: 85%."
            in text
        )
        assert "De zelfevaluatie is nog niet compleet: 7 afspraken hebben nog geen score." in text
        assert "Laatst bijgewerkt:" in text
        page.close()


def test_dutch_site_search_finds_schools(site: Path, browser):
    with serve(site) as base:
        page = browser.new_page()
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url))
        page.goto(base + "/zoeken/", wait_until="networkidle")
        page.locator(".pagefind-ui__search-input").press_sequentially("plusklas", delay=30)
        # Results of the partly typed word may show first: wait for those of the whole word.
        page.locator(".pagefind-ui__message", has_text="plusklas").wait_for(timeout=15_000)
        results = page.locator(".pagefind-ui__result")
        results.first.wait_for(timeout=10_000)
        titles = " ".join(results.all_inner_texts())
        assert "De Duinroos" in titles or "De Kameleon" in titles
        assert "Zoek op de naam van een school" not in titles  # the search page itself is not a hit
        assert any("/pagefind/" in url and "nl" in url.rsplit("/", 1)[-1] for url in loaded)
        page.goto(base + "/zoeken/?q=dyslexiespecialist", wait_until="networkidle")
        page.locator(".pagefind-ui__result").first.wait_for(timeout=10_000)
        page.close()


CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def test_pages_honour_the_content_security_policy(site: Path, browser):
    with serve(site) as base:
        context = browser.new_context()
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text))
        for path in [*PAGES, "/404.html"]:
            page.goto(base + path, wait_until="networkidle")
            assert 'http-equiv="Content-Security-Policy"' in page.content(), path
            assert page.evaluate("window.__csp") == [], path
        page.goto(base + "/zoeken/?q=grenzen", wait_until="networkidle")
        page.locator(".pagefind-ui__result").first.wait_for(timeout=10_000)
        assert page.evaluate("window.__csp") == []
        assert [m for m in console if "Content Security Policy" in m] == []
        meta = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in meta
        assert "unsafe-inline" not in meta and "'unsafe-eval'" not in meta
        context.close()
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in headers


def test_every_page_type_passes_axe_at_desktop_and_phone_width(site: Path, browser):
    source = axe_source_or_skip()
    found: dict[str, str] = {}
    with serve(site) as base:
        for width in (1280, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in [*PAGES, "/404.html"]:
                page.goto(base + path, wait_until="networkidle")
                violations = run_axe(page, source)
                if violations:
                    found[f"{path} @ {width}px"] = describe(violations)
            page.close()
    assert found == {}


def test_axe_harness_reports_real_violations(browser):
    source = axe_source_or_skip()
    page = browser.new_page()
    page.set_content(
        '<html lang="nl"><body><main><img src="x.png">'
        '<p style="color:#bbb;background:#fff">te licht</p></main></body></html>'
    )
    ids = {v["id"] for v in run_axe(page, source)}
    assert {"image-alt", "color-contrast"} <= ids
    page.close()


LEESPLEZIER_SCHOOL = "Basisschool De Duinroos"  # the only sample school whose SOP text has the word


def _visible_schools(page) -> list[str]:
    return page.locator("#vinder-lijst > li:not([hidden]) .sop-finder-name").all_inner_texts()


def test_finder_narrows_the_list_by_place_need_and_filters(site: Path, browser):
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 375, "height": 900})
        page.goto(base + "/scholen/", wait_until="networkidle")
        everything = _visible_schools(page)
        assert len(everything) == 18
        # Typing a place narrows the list to the schools there.
        page.locator("#vinder-tekst").press_sequentially("Helmerdam", delay=20)
        page.wait_for_timeout(400)
        in_place = _visible_schools(page)
        assert 0 < len(in_place) < len(everything)
        assert page.locator("#vinder-aantal").inner_text() == f"{len(in_place)} scholen"
        # A need narrows it further, chosen by keyboard alone.
        page.locator("#vinder-behoefte").focus()
        page.keyboard.press("ArrowDown")  # Lezen
        page.locator("#vinder-behoefte").select_option("motoriek")
        narrowed = _visible_schools(page)
        assert 0 < len(narrowed) < len(in_place)
        assert "SO De Golfslag" in narrowed
        assert "behoefte=motoriek" in page.url and "q=Helmerdam" in page.url
        # A word that is only in a school's own text is found through the search index.
        page.locator("button[type=reset]").click()
        page.wait_for_timeout(100)
        assert len(_visible_schools(page)) == 18
        page.locator("#vinder-tekst").press_sequentially("leesplezier", delay=20)
        page.locator("#vinder-lijst > li:not([hidden])").first.wait_for(timeout=10_000)
        assert _visible_schools(page) == [LEESPLEZIER_SCHOOL]
        # No match: the list says so.
        page.goto(base + "/scholen/?q=zzzonbekend", wait_until="networkidle")
        page.wait_for_timeout(400)
        assert _visible_schools(page) == []
        assert page.locator("#vinder-leeg").is_visible()
        assert page.locator("#vinder-aantal").inner_text() == "0 scholen"
        page.close()
