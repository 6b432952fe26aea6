"""A parent's whole journey (issue 22), in headless Chromium at 375 and 1280 px: the chosen need
carried through finder, comparison and school page; special schools explained; where to go
when one disagrees; one score that counts, everywhere; the finder on a phone; search results
that say what they are. The prints are in tests/test_print.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sop_builder.project.load import load_project
from sop_builder.project.model import SPECIAL_SCHOOL_TYPES
from sop_builder.publish.public import build_site

from .browser import keep_screenshot, open_page, refuse_other_hosts, serve
from .conftest import SAMPLE, TODAY
from .test_intern import table_rows

WIDTHS = (375, 1280)
PHONE = {"width": 375, "height": 812}


def viewport(width: int) -> dict[str, int]:
    return PHONE if width < 500 else {"width": width, "height": 900}


@pytest.fixture(scope="module")
def root(sample_build) -> Path:
    """The sample project, its public site built into site/ and its internal site into
    site-intern/ (the shared build: read only)."""
    return sample_build.root


@pytest.fixture(scope="module")
def site(root: Path) -> Path:
    return root / "site"


@pytest.fixture(scope="module")
def project():
    return load_project(SAMPLE, TODAY)


def card_names(page) -> list[str]:
    return page.locator("#vinder-lijst > li .sop-finder-name").all_inner_texts()


def wait_for_cards(page, count: int | None = None) -> None:
    page.locator("#vinder-lijst > li").first.wait_for(timeout=10_000)
    if count is not None:
        page.wait_for_function(
            "n => document.querySelectorAll('#vinder-lijst > li').length === n", arg=count
        )
    page.wait_for_timeout(100)


# --- 1. the chosen need travels through finder, comparison and school page -----------------


def test_a_card_opens_the_school_page_at_the_chosen_need_with_the_way_back(site: Path, browser):
    """A result card opened the school page at its top, the gedrag declaration 1,875 px down on
    a phone, with no way back to the results. Now it opens at that declaration, marked, with a
    link back to the same results."""
    with serve(site) as base:
        for width in WIDTHS:
            context = browser.new_context(viewport=viewport(width))
            outside = refuse_other_hosts(context)
            page = context.new_page()
            open_page(page, base + "/scholen/?behoefte=gedrag&postcode=1966")
            wait_for_cards(page)
            names = card_names(page)
            link = page.locator("#vinder-lijst > li .sop-finder-name a").first
            assert link.get_attribute("href").endswith("#behoefte-gedrag")
            link.click()
            page.wait_for_url(re.compile(r"/scholen/[a-z-]+/\?behoefte=gedrag&postcode=1966#"))
            page.wait_for_load_state("networkidle")
            need = page.locator("#behoefte-gedrag")
            box = need.bounding_box()
            height = viewport(width)["height"]
            assert box is not None
            assert 0 <= box["y"] < height / 2, (width, box)
            assert "sop-need-chosen" in need.get_attribute("class")
            if width < 500:
                keep_screenshot(page, "10-school-at-need-gedrag-375.png")
            note = need.locator(".sop-need-chosen-note")
            assert note.is_visible()
            assert note.inner_text().startswith("U zocht op dit onderwerp.")
            back = need.get_by_role("link", name="Terug naar uw zoekresultaten")
            assert back.is_visible()
            back.click()
            page.wait_for_url(re.compile(r"/scholen/\?behoefte=gedrag&postcode=1966$"))
            wait_for_cards(page, len(names))
            assert card_names(page) == names
            assert outside == []
            context.close()


def test_the_comparison_shows_the_chosen_need_first_and_whom_to_call_near_the_top(
    site: Path, browser
):
    """With 'gedrag' chosen the compare link dropped the need: the gedrag row stood at y=2,744
    of 8,138 px on a phone (2 schools) and 'Wie u belt' at ~10,000 px (3 schools). Now the need
    travels along and comes first, whom to call right after it, and back again."""
    with serve(site) as base:
        for width in WIDTHS:
            context = browser.new_context(viewport=viewport(width))
            page = context.new_page()
            open_page(page, base + "/scholen/?behoefte=gedrag")
            wait_for_cards(page)
            boxes = page.locator("#vinder-lijst .sop-finder-pick input")
            chosen = [boxes.nth(i).get_attribute("value") for i in range(3)]
            for slug in chosen:
                page.locator(f"#vergelijk-{slug}").check()
            page.get_by_role("link", name="Vergelijk de gekozen scholen").click()
            page.wait_for_url(re.compile(r"/vergelijk/\?scholen=[a-z,-]+&behoefte=gedrag$"))
            table = page.locator("table.sop-compare-table")
            table.wait_for()
            rows = table.locator("tbody tr")
            assert rows.nth(0).inner_text().strip() == "Wat u zocht"
            assert rows.nth(1).locator("th").inner_text() == "Gedrag"
            assert rows.nth(2).inner_text().strip() == "Wie u belt"
            call = rows.nth(3)
            assert call.locator("th").inner_text() == "Wie u belt"
            assert call.locator("a[href^='tel:']").count() == 3
            if width < 500:
                assert rows.nth(1).bounding_box()["y"] < 1_200, rows.nth(1).bounding_box()
                assert call.bounding_box()["y"] < 2_400, call.bounding_box()
                keep_screenshot(page, "09-compare-need-first-375.png")
            # A school's name opens its page at the need, with the way back to the comparison.
            table.locator("thead a.sop-compare-name").nth(1).click()
            page.wait_for_url(re.compile(rf"/scholen/{chosen[1]}/\?scholen=.*#behoefte-gedrag$"))
            back = page.locator("#behoefte-gedrag").get_by_role(
                "link", name="Terug naar de vergelijking"
            )
            back.click()
            page.wait_for_url(re.compile(r"/vergelijk/\?scholen=[a-z%C2,-]+&behoefte=gedrag"))
            page.locator("table.sop-compare-table").wait_for()
            # ... and from the comparison back to the same results.
            backs = page.get_by_role("link", name="Terug naar uw zoekresultaten")
            assert backs.count() == 2  # above and below the table
            assert backs.first.bounding_box()["y"] < rows.nth(0).bounding_box()["y"]
            backs.first.click()
            page.wait_for_url(re.compile(r"/scholen/\?behoefte=gedrag&vergelijk="))
            wait_for_cards(page)
            assert page.locator("#vinder-behoefte").input_value() == "gedrag"
            context.close()


def test_without_javascript_the_home_page_leads_to_the_needs_own_list(site: Path, browser):
    """Without JavaScript the home page's form ignored the chosen need and landed on the general
    list. Now it shows only with JavaScript; without it, the need's own list is one tap away and
    opens each school at its declaration for that need."""
    with serve(site) as base:
        for width in WIDTHS:
            context = browser.new_context(viewport=viewport(width), java_script_enabled=False)
            page = context.new_page()
            page.goto(base + "/", wait_until="load")
            assert not page.locator("form.sop-home-form").is_visible()
            page.locator(".sop-finder-lists").get_by_role("link", name="Gedrag").click()
            page.wait_for_url(base + "/scholen/behoefte/gedrag/")
            first = page.locator(".sop-need-schools .sop-finder-name a").first
            assert first.get_attribute("href").endswith("/?behoefte=gedrag#behoefte-gedrag")
            first.click()
            page.wait_for_load_state("load")
            box = page.locator("#behoefte-gedrag").bounding_box()
            assert box is not None
            assert 0 <= box["y"] < viewport(width)["height"] / 2, box
            context.close()
            # With JavaScript the form shows, and its need reaches the finder.
            context = browser.new_context(viewport=viewport(width))
            page = context.new_page()
            open_page(page, base + "/")
            page.locator("#home-behoefte").select_option("gedrag")
            page.get_by_role("button", name="Vind een school").click()
            page.wait_for_url(re.compile(r"/scholen/\?behoefte=gedrag"))
            wait_for_cards(page)
            assert "bieden hulp bij: Gedrag" in page.locator("#vinder-aantal").inner_text()
            context.close()


# --- 2. special schools say so, and come after the regular ones -----------------------------


def test_special_schools_are_labelled_and_come_after_the_regular_ones(site: Path, browser, project):
    """sbo/so were 3 of the 9 hits for gedrag, looking like ordinary results. Now every card,
    list and compare column of a special school says that a TLV is needed and who decides (the
    SWV's own sentence), and the finder lists them last unless their kind is chosen."""
    config = project.config
    special = {s.front.name for s in project.schools if s.front.type in SPECIAL_SCHOOL_TYPES}
    sentence = {
        s.front.name: config.texts.admission_for(s.front.type)
        for s in project.schools
        if s.front.name in special
    }
    assert special
    assert all(sentence.values())
    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport=viewport(width))
            open_page(page, base + "/scholen/?behoefte=gedrag&postcode=1966")
            wait_for_cards(page)
            names = card_names(page)
            marks = [n in special for n in names]
            assert any(marks)
            assert not all(marks)
            assert marks == sorted(marks), names  # every special school after every regular one
            assert (
                "daarvan zijn speciale scholen; die staan onderaan"
                in page.locator("#vinder-aantal").inner_text()
            )
            if width < 500:
                first = marks.index(True)
                page.locator("#vinder-lijst > li").nth(first).scroll_into_view_if_needed()
                page.wait_for_timeout(400)  # the header's title has finished its change
                keep_screenshot(page, "11-special-school-card-375.png")
            for card, name in zip(page.locator("#vinder-lijst > li").all(), names, strict=True):
                text = card.inner_text()
                if name in special:
                    assert "Speciale school" in text, name
                    assert sentence[name] in text, name
                else:
                    assert "Speciale school" not in text, name
            # Asked for: their kind chosen, they come first (and only they).
            open_page(page, base + "/scholen/?behoefte=gedrag&soort=so")
            wait_for_cards(page)
            assert set(card_names(page)) <= special
            # The static list of the need, a gemeente's list, a kern and the comparison.
            for path in ("/scholen/behoefte/gedrag/", "/scholen/gemeente/helmerdam/",
                         "/kernen/helmerdam/"):  # fmt: skip
                page.goto(base + path, wait_until="load")
                for card in page.locator("li.sop-card").all():
                    name = card.locator(".sop-finder-name").inner_text()
                    text = card.inner_text()
                    assert sentence.get(name, "") in text, (path, name)
                    assert ("Speciale school" in text) == (name in special), (path, name)
            page.goto(base + "/scholen/behoefte/gedrag/", wait_until="load")
            for group in page.locator("ul.sop-need-schools").all():
                listed = group.locator(".sop-finder-name").all_inner_texts()
                flags = [n in special for n in listed]
                assert flags == sorted(flags), listed
            open_page(page, base + "/vergelijk/?scholen=de-duinroos,so-de-golfslag")
            heads = page.locator("table.sop-compare-table thead th").all_inner_texts()
            golfslag = next(h for h in heads if "SO De Golfslag" in h)
            assert sentence["SO De Golfslag"] in golfslag
            assert "Speciale school" not in next(h for h in heads if "De Duinroos" in h)
            page.close()


# --- 3. where to go when one disagrees ------------------------------------------------------


def test_niet_eens_names_every_step_with_its_cost_and_time_and_every_school_page_too(
    site: Path, browser, project
):
    """No page named the onderwijsconsulenten, the Geschillencommissie passend onderwijs or how
    to object to a TLV decision. Now the fixed page 'Niet eens?' has every step of
    site_config/niet-eens.yaml, in order, with its cost and time, and every school page a short
    block with the steps that leads there."""
    steps = project.config.disagreement.steps
    names = [s.name for s in steps]
    for needed in ("onderwijsconsulenten", "Geschillencommissie passend onderwijs",
                   "College voor de Rechten van de Mens"):  # fmt: skip
        assert any(needed in n for n in names), needed
    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport=viewport(width))
            page.goto(base + "/niet-eens/", wait_until="load")
            assert page.locator("h1").inner_text() == "Niet eens?"
            headings = page.locator(".md-content h2").all_inner_texts()
            assert headings == [f"{n}. {name}" for n, name in enumerate(names, start=1)]
            text = page.locator("article").inner_text()
            for step in steps:
                for value in (step.when, step.what, step.cost, step.duration):
                    assert value in text, (step.name, value)
            # The steunpunt's and the SWV's contact come from swv.yaml.
            assert project.config.swv.support_point.phone in text
            if width < 500:
                keep_screenshot(page, "12-niet-eens-375.png", full_page=True)
            # It is in the navigation of every page.
            page.goto(base + "/", wait_until="load")
            assert page.locator(".md-nav a.md-nav__link[href='niet-eens/']").count() >= 1
            for slug in ("de-meeuw", "so-de-golfslag"):
                page.goto(f"{base}/scholen/{slug}/", wait_until="load")
                block = page.locator(".sop-disagree-short")
                items = block.locator("li strong").all_inner_texts()
                assert items == names, slug
                school = next(s for s in project.schools if s.slug == slug)
                assert school.front.contacts[0].name in block.inner_text()  # "Bel ..."
                block.get_by_role("link", name=re.compile("Wat u bij elke stap doet")).click()
                page.wait_for_url(base + "/niet-eens/")
            page.close()


# --- 4. one score counts, the same everywhere ------------------------------------------------


def test_a_school_with_both_assessments_shows_the_same_score_source_and_year_everywhere(
    root: Path, site: Path, browser, project
):
    """De Meeuw's page said 'Dat doel haalt de school' on its own 59 of 65 while the SWV's
    assessment is 55 of 65 (84 %, under the 85 % target), and the internal dashboard contradicted
    itself. Now the public figure (the kern page), the school page, the finder card, the print,
    the comparison and the internal dashboard all name the SWV's 55 of 65, and 2025-2026."""
    own = project.current["de-meeuw"]
    counted = project.compliance["de-meeuw"]
    assert (own.total.met, own.assessor) == (59, "school")
    assert own.meets_target
    assert (counted.total.met, counted.total.counted, counted.assessor) == (55, 65, "swv")
    assert counted.school_year == "2025-2026"
    assert not counted.meets_target
    card = (
        "Basisondersteuning 2025-2026: 55 van 65 afspraken (84%) volgens het "
        "samenwerkingsverband, doel nog niet gehaald"
    )
    line = (
        "Volgens de beoordeling door het samenwerkingsverband van 2025-2026 houdt de school zich "
        "aan 55 van de 65 afspraken die alle scholen samen hebben gemaakt (84%). Het doel voor "
        "2025-2026 is 85%. Dat haalt de school nog niet."
    )
    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport=viewport(width))
            open_page(page, base + "/scholen/de-meeuw/")
            assert page.locator(".sop-compliance-line").inner_text().startswith(line)
            assert "Dat doel haalt de school." not in page.locator("article").inner_text()
            open_page(page, base + "/scholen/?q=meeuw")
            wait_for_cards(page)
            assert card in page.locator("#vinder-lijst > li").first.inner_text()
            page.goto(base + "/kernen/helmerdam/", wait_until="load")
            row = page.locator("table.sop-spread tr[data-school='de-meeuw']").inner_text()
            assert "84% (samenwerkingsverband, 2025-2026)" in row
            assert "sop-bar-below" in page.locator(
                "table.sop-spread tr[data-school='de-meeuw'] svg"
            ).get_attribute("class")
            kern_card = page.locator("li.sop-card", has_text="Basisschool De Meeuw").inner_text()
            assert card in kern_card
            open_page(page, base + "/vergelijk/?scholen=de-meeuw,de-boomgaard")
            basis = page.locator("tr", has=page.locator("th", has_text="Basisondersteuning"))
            assert card in basis.inner_text()
            page.close()
    # The print: the line on paper.
    from .test_print import pdf_pages

    with serve(site) as base:
        page = browser.new_page()
        page.goto(base + "/scholen/de-meeuw/", wait_until="load")
        printed = " ".join(pdf_pages(page, format="A4")[0].extract_text().split())
        assert line in printed
        page.close()
    # The internal dashboard: its table, its intro and its chart agree with each other.
    dashboard = (root / "site-intern/index.html").read_text(encoding="utf-8")
    rows = table_rows(dashboard, "compliance")
    meeuw = next(r for r in rows if r[0] == "Basisschool De Meeuw")
    assert meeuw[5:7] == ["55 van 65 (84%), beoordeling SWV 2025-2026", "nee, volgens het SWV"]
    reached = sum(1 for r in rows if r[6].startswith("ja"))
    assert f"halen {reached} scholen het doel van 85%" in dashboard
    chart = dashboard.split('id="grafiek-scholen"', 1)[1].split("</svg>", 1)[0]
    assert chart.count("chart-good") == reached
    bar = re.search(r'De Meeuw<tspan class="chart-value"[^>]*>([^<]+)</tspan></text>'
                    r'<rect class="chart-track"[^>]*/><rect class="chart-bar chart-(\w+)"',
                    chart)  # fmt: skip
    assert bar is not None
    assert bar.groups() == ("84% (SWV)", "short")


def test_the_trend_compares_the_same_schools_and_says_how_many(root: Path):
    """The trend 80 % -> 88 % compared 5 schools with 18. Now it compares the schools with a
    result in every year, says how many, and names all schools of each year apart."""
    dashboard = (root / "site-intern/index.html").read_text(encoding="utf-8")
    section = dashboard.split('aria-labelledby="h-trend"', 1)[1].split("</section>", 1)[0]
    trend = re.findall(
        r'<tr><th scope="row">(\d{4}-\d{4})</th><td[^>]*>[^<]*</td><td[^>]*>(\d+) \((\d+)\)</td>',
        section,
    )
    assert [year for year, _, _ in trend] == ["2024-2025", "2025-2026"]
    assert {count for _, count, _ in trend} == {"5"}  # the same 5 schools in both years
    assert "dezelfde 5 scholen" in section
    assert "2025-2026: 18 scholen met een uitslag" in section


def test_the_public_site_shows_the_swvs_score_but_never_its_explanations(sample: Path):
    """Canary: the public build reads the SWV's assessment for its score and year only. A marker
    in every explanation and remark of the SWV's assessments never reaches the public site,
    while the public score follows the SWV's scores; and the markers are among the texts the
    build's leak check refuses."""
    from sop_builder.publish.checks import leak_finder

    from .test_intern_canary import site_text

    markers: list[str] = []

    def marker(match: re.Match[str]) -> str:
        markers.append(f"KANARIESWV{len(markers):04d}zq")
        return match.group(1) + markers[-1]

    for file in sorted((sample / "content/swv").rglob("beoordeling-basisondersteuning-*.yaml")):
        text = re.sub(
            r"^(\s*toelichting: ).*$", marker, file.read_text(encoding="utf-8"), flags=re.M
        )
        text = re.sub(r"^(opmerking: ).*$", marker, text, flags=re.M)
        if "opmerking:" not in text:
            text = re.sub(
                r"^()(?=scores:)", lambda m: f"opmerking: {marker(m)}\n", text, flags=re.M
            )
        file.write_text(text, encoding="utf-8")
    assert len(markers) > 20
    # One more 'nee' in the SWV's assessment of De Meeuw: 54 of 65 instead of 55.
    meeuw = sample / "content/swv/de-meeuw/beoordeling-basisondersteuning-2025-2026.yaml"
    text = meeuw.read_text(encoding="utf-8")
    meeuw.write_text(text.replace("  BO-01: ja\n", "  BO-01: nee\n", 1), encoding="utf-8")
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    public = site_text(sample / "site")
    assert "KANARIESWV" not in public
    page = (sample / "site/scholen/de-meeuw/index.html").read_text(encoding="utf-8")
    assert "houdt de school zich aan 54 van de 65 afspraken" in page
    secrets = load_project(sample, TODAY, internal=False).internal_texts
    assert [m for m in markers if m not in secrets] == []
    leaks = leak_finder(secrets)("scholen/de-meeuw/index.md", f"<p>Uitleg: {markers[0]}</p>")
    assert leaks, "the leak check must refuse a page with the SWV's explanation"


# --- 6. the finder on a phone ---------------------------------------------------------------


def test_after_a_search_the_phone_form_folds_to_one_line(site: Path, browser):
    """On a phone the form filled the screen after a search (first school name at y=720). Now it
    folds to one line ("Gedrag · 1966 · wijzigen") and the first school starts in the first
    screen; on a wide screen the form stays open."""
    with serve(site) as base:
        page = browser.new_page(viewport=PHONE)
        open_page(page, base + "/scholen/?behoefte=gedrag&postcode=1966")
        wait_for_cards(page)
        summary = page.locator("#vinder-samenvatting")
        assert summary.is_visible()
        assert not page.locator("#vinder").is_visible()
        assert summary.inner_text().replace("\n", " ").startswith("Gedrag · 1966 wijzigen")
        first = page.locator("#vinder-lijst > li .sop-finder-name").first.bounding_box()
        assert first["y"] + first["height"] < PHONE["height"], first
        keep_screenshot(page, "08-finder-after-search-375.png")
        page.get_by_role("button", name="wijzigen").click()
        assert page.locator("#vinder").is_visible()
        assert not summary.is_visible()
        assert page.evaluate("document.activeElement.id") == "vinder-behoefte"
        # A search made on the page folds the form too, and takes the focus to the results.
        open_page(page, base + "/scholen/")
        page.locator("#vinder-behoefte").select_option("medisch")
        page.locator("#vinder-postcode").fill("1966")
        page.get_by_role("button", name="Toon scholen").click()
        summary.wait_for()
        assert summary.inner_text().startswith("Ziekte of lichamelijke beperking · 1966")
        assert page.evaluate("document.activeElement.id") == "vinder-aantal"
        page.close()
        wide = browser.new_page(viewport={"width": 1280, "height": 900})
        open_page(wide, base + "/scholen/?behoefte=gedrag&postcode=1966")
        wait_for_cards(wide)
        assert wide.locator("#vinder").is_visible()
        assert not wide.locator("#vinder-samenvatting").is_visible()
        wide.close()


def test_every_card_has_the_schools_phone_link(site: Path, browser, project):
    phones = {
        s.front.name: (s.front.contacts[0].phone or s.front.phone).replace(" ", "")
        for s in project.schools
    }
    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport=viewport(width))
            open_page(page, base + "/scholen/")
            wait_for_cards(page, len(phones))
            for card in page.locator("#vinder-lijst > li").all():
                name = card.locator(".sop-finder-name").inner_text()
                assert card.locator(f"a[href='tel:{phones[name]}']").count() == 1, name
            page.close()


def test_a_wrong_postcode_gets_a_clear_message_that_replaces_the_old_one(site: Path, browser):
    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport=viewport(width))
            open_page(page, base + "/scholen/")
            box, said = page.locator("#vinder-postcode"), page.locator("#vinder-plaats")
            box.fill("9999")
            said.filter(has_text="9999").wait_for()
            assert box.get_attribute("aria-invalid") == "true"
            box.fill("abcd")
            said.filter(has_text="Dit is geen postcode").wait_for()
            assert "9999" not in said.inner_text()
            assert box.get_attribute("aria-invalid") == "true"
            box.fill("1966")
            said.filter(has_text="postcode 1966").wait_for()
            assert box.get_attribute("aria-invalid") is None
            box.fill("19")  # still typing: no old message stays
            page.wait_for_function("!document.getElementById('vinder-plaats').textContent")
            box.fill("abcd")
            said.filter(has_text="Dit is geen postcode").wait_for()
            box.fill("")
            page.wait_for_function("!document.getElementById('vinder-plaats').textContent")
            page.close()


# Every visible control of the finder (and the compare box of each card): its size in px.
CONTROLS = """() => [...document.querySelectorAll(
  '#vinder input, #vinder select, #vinder button, #vinder summary, #vinder-lijst input,'
  + ' #vinder-samenvatting button')]
  .map(e => { const b = e.getBoundingClientRect(); return [e.name || e.id || e.textContent.trim(),
    Math.round(b.width * 10) / 10, Math.round(b.height * 10) / 10]; })
  .filter(([, w, h]) => w > 0 && h > 0)"""


def test_no_finder_control_is_narrower_than_24_px(site: Path, browser):
    """Two of the four 'Alleen scholen met' checkboxes were squeezed to 14 px on a phone."""
    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport=viewport(width))
            open_page(page, base + "/scholen/")
            page.locator("#vinder-meer-filters summary").click()
            wait_for_cards(page)
            controls = page.evaluate(CONTROLS)
            assert len([c for c in controls if c[0] == "met"]) >= 4
            small = [c for c in controls if c[1] < 24 or c[2] < 24]
            assert small == [], (width, small)
            page.close()


# --- 7. search results say what they are; what is over comes last --------------------------


def test_search_results_say_their_kind_and_past_workshops_come_after_current_pages(
    site: Path, browser
):
    """Searching 'dyslexie', the first of 31 hits was a teachers' workshop that was already
    over. Now every result says its kind, and a workshop that is over says so and comes after
    every current page."""
    from .test_browser import KINDS, _search

    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport=viewport(width))
            for query in ("dyslexie", "rust%20in%20de%20klas"):
                found = _search(page, base, query)
                assert len(found) > 5, query
                assert all(kind.split(", ")[0] in KINDS for kind, _, _ in found), found
                past = [i for i, (_, _, over) in enumerate(found) if over]
                assert past, query
                assert past == list(range(len(found) - len(past), len(found))), (query, found)
                for kind, _title, over in found:
                    assert kind.endswith(", geweest") == over, (query, kind)
            assert ("Workshop, geweest", "Dyslexie in de klas", True) in _search(
                page, base, "dyslexie"
            )
            page.close()
