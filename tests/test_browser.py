"""The built site in headless Chromium, as a visitor sees it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .axe import AXE_JS, axe_source_or_skip, describe, run_axe
from .browser import open_page, refuse_other_hosts, serve
from .conftest import TODAY

PAGES = [
    "/",
    "/scholen/",
    "/scholen/de-duinroos/",
    "/scholen/so-de-golfslag/",
    "/basisondersteuning/",
    "/zoeken/",
    "/scholen/?behoefte=motoriek",  # the finder with a filter applied
    "/scholen/?q=zzzonbekend",  # the finder without results
    "/scholen/?behoefte=medisch&postcode=1966&vergelijk=de-duinroos,het-kompas",  # near me
    "/scholen/het-kompas/",  # an expired profile
    "/scholen/behoefte/",
    "/scholen/behoefte/gedrag/",
    "/scholen/gemeente/",
    "/scholen/gemeente/duinwijk/",
    "/vergelijk/",
    "/vergelijk/?scholen=de-duinroos,het-kompas,sbo-de-branding",
    "/kernen/helmerdam/",
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
    # A parent's journey (issue 22): the finder folded after a search, a school page opened at
    # the chosen need, the comparison with that need first, 'Niet eens?', search results.
    "/scholen/?behoefte=gedrag&postcode=1966",
    "/scholen/de-meeuw/?behoefte=gedrag&postcode=1966#behoefte-gedrag",
    "/vergelijk/?scholen=de-duinroos,het-kompas,so-de-golfslag&behoefte=gedrag",
    "/niet-eens/",
    "/zoeken/?q=dyslexie",
    "/scholen/behoefte/medisch/",
]


@pytest.fixture(scope="module")
def site(sample_build) -> Path:
    return sample_build.site


CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


WIDTHS = (1280, 375)


@dataclass
class Visit:
    """What one page showed at one width."""

    status: int | None
    headings: int  # <h1> elements
    scroll_width: int
    csp_meta: bool  # the Content-Security-Policy is in the page
    csp_violations: list[str]
    axe: list[dict[str, Any]] | None  # None: axe-core is not installed


@dataclass
class Tour:
    """Every page of `PAGES` (and the 404 page) visited once at each width, in one browser
    context per width: the tests below each assert their part of it."""

    visits: dict[tuple[str, int], Visit] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)  # requests to another host (refused)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    console: list[str] = field(default_factory=list)  # every console message
    cookies: list[Any] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)


@pytest.fixture(scope="module")
def tour(site: Path, browser, tmp_path_factory: pytest.TempPathFactory) -> Tour:
    axe = AXE_JS.read_text(encoding="utf-8") if AXE_JS.is_file() else None
    shots = tmp_path_factory.mktemp("tour")
    found = Tour()
    with serve(site) as base:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            context.add_init_script(CSP_LISTENER)
            outside = refuse_other_hosts(context)
            page = context.new_page()
            page.on("console", lambda m: found.console.append(m.text))
            page.on("console", lambda m: found.errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: found.errors.append(str(exc)))
            for path in [*PAGES, "/404.html"]:
                response = open_page(page, base + path)
                found.visits[(path, width)] = Visit(
                    status=response.status if response is not None else None,
                    headings=page.locator("h1").count(),
                    scroll_width=page.evaluate("document.documentElement.scrollWidth"),
                    csp_meta='http-equiv="Content-Security-Policy"' in page.content(),
                    csp_violations=page.evaluate("window.__csp"),
                    axe=run_axe(page, axe) if axe is not None else None,
                )
            open_page(page, base + "/scholen/de-duinroos/")
            shot = shots / f"school-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            found.screenshots.append(shot)
            found.outside += outside
            found.cookies += context.cookies()
            context.close()
    return found


def test_pages_make_no_outside_requests_set_no_cookies_and_log_no_errors(tour: Tour):
    assert len(tour.visits) == len(WIDTHS) * (len(PAGES) + 1)
    for path in PAGES:
        for width in WIDTHS:
            visit = tour.visits[(path, width)]
            assert visit.status == 200, path
            assert visit.headings == 1, path
            # Nothing sticks out sideways on a phone.
            assert visit.scroll_width <= width, (path, width)
    assert all(shot.stat().st_size > 10_000 for shot in tour.screenshots)
    assert tour.outside == []
    assert tour.errors == []
    assert tour.cookies == []


def test_school_page_shows_the_ouderrapport(site: Path, browser):
    with serve(site) as base:
        page = browser.new_page()
        open_page(page, base + "/scholen/de-polderster/")
        assert page.title().startswith("OBS De Polderster")
        text = page.inner_text("article")
        assert (
            "Volgens haar zelfevaluatie van 2025-2026 houdt de school zich aan 54 van de 65 "
            "afspraken die alle scholen samen hebben gemaakt (83%). Het doel voor 2025-2026 is "
            "85%. Dat haalt de school nog niet." in text
        )
        assert "De zelfevaluatie is nog niet compleet: 7 afspraken hebben nog geen score." in text
        assert "Laatst bijgewerkt:" in text
        page.close()


def _search(page, base: str, query: str) -> list[tuple[str, str, bool]]:
    """(kind, title, past) of every result of ``query`` on the search page, all shown."""
    open_page(page, f"{base}/zoeken/?q={query}")
    page.locator("#zoek-aantal", has_text="resulta").or_(
        page.locator("#zoek-aantal", has_text="Niets gevonden")
    ).wait_for(timeout=15_000)
    more = page.locator("#zoek-meer button")
    while more.is_visible():
        shown = page.locator("#zoek-lijst > li").count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('#zoek-lijst > li').length > n", arg=shown
        )
    return [
        (kind.rstrip(": "), title, "sop-search-past" in (cls or ""))
        for kind, title, cls in page.locator("#zoek-lijst > li").evaluate_all(
            "items => items.map(li => [li.querySelector('.sop-search-kind').textContent,"
            " li.querySelector('h2 a').textContent, li.className])"
        )
    ]


def test_dutch_site_search_finds_schools(site: Path, browser):
    with serve(site) as base:
        page = browser.new_page()
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url))
        open_page(page, base + "/zoeken/")
        page.locator("#zoekvak").press_sequentially("plusklas", delay=30)
        # Results of the partly typed word may show first: wait for those of the whole word.
        page.locator("#zoek-aantal", has_text="plusklas").wait_for(timeout=15_000)
        results = page.locator("#zoek-lijst > li")
        results.first.wait_for(timeout=10_000)
        titles = " ".join(results.all_inner_texts())
        assert "De Duinroos" in titles or "De Kameleon" in titles
        # Each result says what it is.
        heads = page.locator("#zoek-lijst .sop-search-kind").all_inner_texts()
        assert heads
        assert all(h.rstrip(": ").split(", ")[0] in KINDS for h in heads), heads
        assert any(h.startswith("School") for h in heads)
        assert "Zoek op de naam van een school" not in titles  # the search page itself is not a hit
        assert any("/pagefind/" in url and "nl" in url.rsplit("/", 1)[-1] for url in loaded)
        assert _search(page, base, "dyslexiespecialist")
        found = _search(page, base, "rust%20in%20de%20klas")
        assert ("Workshop, geweest", "Rust in de klas", True) in found
        page.close()


def test_a_school_name_finds_the_school_and_not_the_lists_that_name_it(site: Path, browser):
    """The lists per need and per gemeente are searched on their title and introduction only:
    a school is found on its own page, not again on every list it stands in."""
    with serve(site) as base:
        page = browser.new_page()
        _search(page, base, "kameleon")
        links = page.locator("#zoek-lijst h2 a").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
        assert any("/scholen/de-kameleon/" in href for href in links), links
        assert not [h for h in links if "/scholen/behoefte/" in h or "/scholen/gemeente/" in h]
        found = _search(page, base, "scholen%20in%20duinwijk")
        assert ("Lijst", "Scholen in Duinwijk", False) in found
        page.close()


KINDS = {"School", "Workshop", "Training", "Verhaal", "Netwerkgroep", "Expertisecentrum", "Lijst",
         "Pagina", "Overzicht", "Kern"}  # fmt: skip


def test_pages_honour_the_content_security_policy(site: Path, browser, tour: Tour):
    for (path, width), visit in tour.visits.items():
        assert visit.csp_meta, path
        assert visit.csp_violations == [], (path, width)
    assert [m for m in tour.console if "Content Security Policy" in m] == []
    with serve(site) as base:  # the search's WebAssembly and its index parts
        context = browser.new_context()
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text))
        open_page(page, base + "/zoeken/?q=grenzen")
        page.locator("#zoek-lijst > li").first.wait_for(timeout=10_000)
        assert page.evaluate("window.__csp") == []
        assert [m for m in console if "Content Security Policy" in m] == []
        meta = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in meta
        assert "unsafe-inline" not in meta
        assert "'unsafe-eval'" not in meta
        context.close()
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in headers
    assert "geolocation=(self)" in headers  # the finder's "Mijn locatie", for this site only


def test_every_page_type_passes_axe_at_desktop_and_phone_width(tour: Tour):
    axe_source_or_skip()
    assert all(visit.axe is not None for visit in tour.visits.values())
    found = {
        f"{path} @ {width}px": describe(visit.axe)
        for (path, width), visit in tour.visits.items()
        if visit.axe
    }
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
    return page.locator("#vinder-lijst > li .sop-finder-name").all_inner_texts()


@pytest.fixture(scope="module")
def project():
    from sop_builder.project.load import load_project

    from .conftest import SAMPLE

    return load_project(SAMPLE, TODAY)


def _entries(project):
    from sop_builder.site.finder import build_finder

    return build_finder(
        project.schools, project.config, project.compliance, project.today, project.postcodes
    ).entries


def test_every_need_filter_finds_exactly_the_schools_that_declare_they_offer_it(
    site: Path, browser, project
):
    from .test_finder_and_kernen import declared_not, declared_offered

    names = {s.slug: s.front.name for s in project.schools}
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 375, "height": 812})
        outside = refuse_other_hosts(context)
        page = context.new_page()
        open_page(page, base + "/scholen/")
        page.locator("#vinder-lijst > li").first.wait_for()
        assert len(_visible_schools(page)) == 18
        for need in project.config.vocabularies.needs:
            page.locator("#vinder-behoefte").select_option(need.id)
            expected = sorted(names[s] for s in declared_offered(project, need.id))
            page.wait_for_function(
                "n => document.querySelectorAll('#vinder-lijst > li').length === n",
                arg=len(expected),
            )
            page.wait_for_timeout(50)
            shown = _visible_schools(page)
            assert sorted(shown) == expected, need.id
            assert not set(shown) & {names[s] for s in declared_not(project, need.id)}
            # Each card shows the school's level, its sentence and where it stops.
            first = next(s for s in project.schools if s.front.name == shown[0])
            card = page.locator("#vinder-lijst > li").first.inner_text()
            declaration = first.declarations[need.id]
            assert declaration.offer in card
            assert (declaration.limit or "") in card
            assert f"behoefte={need.id}" in page.url
        assert outside == []
        context.close()


def test_words_that_name_a_need_or_a_practical_fact_filter_on_what_schools_declared(
    site: Path, browser, project
):
    wheelchair = sorted(s.front.name for s in project.schools if s.facts.get("rolstoel") is True)
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 375, "height": 812})
        open_page(page, base + "/scholen/?q=rolstoel")
        page.wait_for_timeout(400)
        shown = sorted(_visible_schools(page))
        # Typing 'rolstoel' used to find schools whose text says they cannot take a wheelchair.
        assert shown == wheelchair
        assert "CBS Het Kompas" not in shown
        assert "rolstoel" in page.locator("#vinder-uitleg").inner_text()
        # A word only in a school's own text is found through the search index.
        open_page(page, base + "/scholen/?q=leesplezier")
        page.locator("#vinder-lijst > li").first.wait_for(timeout=10_000)
        page.wait_for_timeout(300)
        assert _visible_schools(page) == [LEESPLEZIER_SCHOOL]
        open_page(page, base + "/scholen/?q=zzzonbekend")
        page.wait_for_timeout(400)
        assert _visible_schools(page) == []
        assert page.locator("#vinder-aantal").inner_text().startswith("Geen school gevonden")
        page.close()


def _expected_by_distance(project, origin: tuple[float, float], need: str | None = None):
    """The names nearest first, the special schools after the regular ones (issue 22)."""
    from sop_builder.project.postcodes import distance_km

    entries = [e for e in _entries(project) if need is None or need in e.offered]
    return [
        e.name for e in sorted(entries, key=lambda e: (e.special, distance_km(origin, e.point)))
    ]


def test_a_typed_postcode_orders_the_schools_by_distance(site: Path, browser, project):
    from sop_builder.project.postcodes import distance_km

    origin = project.postcodes.centres["1966"]
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 375, "height": 812})
        outside = refuse_other_hosts(context)
        page = context.new_page()
        open_page(page, base + "/scholen/")
        page.locator("#vinder-postcode").press_sequentially("1966 AR", delay=20)
        page.locator("#vinder-plaats", has_text="postcode 1966").wait_for()
        page.wait_for_timeout(200)
        assert _visible_schools(page) == _expected_by_distance(project, origin)
        cards = page.locator("#vinder-lijst > li")
        away = {e.name: distance_km(origin, e.point) for e in _entries(project)}
        shown = _visible_schools(page)
        assert away[shown[0]] < 1 <= away[shown[-1]]
        # Under 1 km a distance says "close by": a school without coordinates stands at the
        # middle of its postcode area, so "0,0 km" would claim more than is known.
        assert "minder dan 1 km van postcode 1966" in cards.first.inner_text()
        farthest, last = cards.last.inner_text(), away[shown[-1]]
        assert f"{last:.1f}".replace(".", ",") + " km van postcode 1966" in farthest or (
            f"{round(last)} km van postcode 1966" in farthest
        )
        # With a need, the nearest schools that offer it.
        page.locator("#vinder-behoefte").select_option("gedrag")
        page.wait_for_timeout(300)
        assert _visible_schools(page) == _expected_by_distance(project, origin, "gedrag")
        assert "postcode=1966" in page.url
        # A postcode far away is said to be unknown, not silently ignored.
        page.locator("#vinder-postcode").fill("9999")
        page.locator("#vinder-plaats", has_text="9999").wait_for()
        assert outside == []
        context.close()


def test_the_visitors_location_orders_the_schools_by_distance(site: Path, browser, project):
    here = (52.4560, 4.6280)  # Wijkerzand, as the emulated device says
    with serve(site) as base:
        context = browser.new_context(
            viewport={"width": 375, "height": 812},
            geolocation={"latitude": here[0], "longitude": here[1]},
            permissions=["geolocation"],
        )
        outside = refuse_other_hosts(context)
        page = context.new_page()
        open_page(page, base + "/scholen/")
        page.get_by_role("button", name="Mijn locatie").click()
        page.locator("#vinder-plaats", has_text="uw locatie").wait_for()
        page.wait_for_timeout(200)
        assert _visible_schools(page) == _expected_by_distance(project, here)
        assert "uw locatie" in page.locator("#vinder-lijst > li").first.inner_text()
        assert "52.45" not in page.url
        assert "latitude" not in page.url  # not even in the address
        assert outside == []
        context.close()


def test_schools_chosen_on_the_cards_are_compared_side_by_side(site: Path, browser, project):
    chosen = ["de-duinroos", "het-kompas", "sbo-de-branding"]
    schools = {s.slug: s for s in project.schools}
    levels = {lv.id: lv.label for lv in project.config.vocabularies.levels}
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        outside = refuse_other_hosts(context)
        page = context.new_page()
        open_page(page, base + "/scholen/")
        for slug in chosen:
            page.locator(f"#vergelijk-{slug}").check()
        link = page.get_by_role("link", name="Vergelijk de gekozen scholen")
        link.click()
        page.wait_for_url(f"{base}/vergelijk/?scholen={','.join(chosen)}")
        table = page.locator("table.sop-compare-table")
        table.wait_for()
        headers = table.locator("thead th a.sop-compare-name").all_inner_texts()
        assert headers == [schools[s].front.name for s in chosen]
        for need in project.config.vocabularies.needs:
            row = table.locator("tr", has=page.locator("th", has_text=need.label)).first
            cells = row.locator("td")
            assert cells.count() == 3, need.id
            for column, slug in enumerate(chosen):
                declared = schools[slug].declarations[need.id]
                text = cells.nth(column).inner_text()
                assert levels[declared.level] in text, (need.id, slug)
                assert declared.offer in text, (need.id, slug)
                if declared.limit:
                    assert declared.limit in text
        contact = table.locator("tr.sop-compare-contact")
        assert contact.locator("a[href^='tel:']").count() == 3
        # The address can be shared: opened anew, it shows the same schools.
        again = context.new_page()
        open_page(again, page.url)
        assert again.locator("thead th a.sop-compare-name").all_inner_texts() == headers
        assert outside == []
        context.close()


PHONE = {"width": 375, "height": 812}


def test_a_school_page_answers_in_one_phone_screen(site: Path, browser, tmp_path: Path):
    with serve(site) as base:
        page = browser.new_page(viewport=PHONE)
        for slug in ("de-duinroos", "het-kompas", "so-de-golfslag", "sbo-het-anker"):
            open_page(page, f"{base}/scholen/{slug}/")

            def bottom(selector: str) -> float:
                box = page.locator(selector).first.bounding_box()
                assert box is not None, selector
                return box["y"] + box["height"]

            assert bottom("h1") < PHONE["height"]
            assert bottom(".sop-call a[href^='tel:']") < PHONE["height"], slug
            assert bottom(".sop-call a[href^='mailto:']") < PHONE["height"], slug
            assert bottom("dl.sop-levels") < PHONE["height"], slug
        open_page(page, f"{base}/scholen/het-kompas/")
        notice = page.locator(".sop-expired")
        assert notice.inner_text().startswith("Dit profiel was geldig tot 31 juli 2025.")
        assert notice.bounding_box()["y"] < page.locator("dl.sop-levels").bounding_box()["y"]
        page.screenshot(path=str(tmp_path / "school-375.png"))
        open_page(page, f"{base}/scholen/de-duinroos/")
        assert page.locator(".sop-expired").count() == 0
        page.close()


def test_the_finder_marks_an_expired_profile(site: Path, browser):
    with serve(site) as base:
        page = browser.new_page(viewport=PHONE)
        open_page(page, base + "/scholen/")
        card = page.locator("#vinder-lijst > li", has_text="CBS Het Kompas")
        assert "profiel is verlopen" in card.inner_text()
        others = page.locator("#vinder-lijst > li", has_text="Basisschool De Duinroos")
        assert "verlopen" not in others.inner_text()
        page.close()


def test_the_finder_says_so_when_its_script_or_data_cannot_load(site: Path, browser):
    """The list's module (modules/results.js, loaded on first use) and the index are fetched from the
    site; when either fails, the finder points to the static lists, and tries again later."""
    with serve(site) as base:
        for blocked in ("**/modules/results.js", "**/vinder/scholen.json"):
            page = browser.new_page(viewport=PHONE)
            page.route(blocked, lambda route: route.abort())
            open_page(page, base + "/scholen/")
            count = page.locator("#vinder-aantal")
            count.filter(has_text="konden niet worden geladen").wait_for(timeout=5_000)
            assert "Gebruik de lijsten hieronder" in count.inner_text(), blocked
            assert page.locator("#vinder-lijst > li").count() == 0
            page.unroute(blocked)
            page.locator("#vinder-behoefte").select_option("gedrag")
            page.locator("#vinder-lijst > li").first.wait_for(timeout=5_000)
            assert "bieden hulp bij: Gedrag" in count.inner_text(), blocked
            page.close()
