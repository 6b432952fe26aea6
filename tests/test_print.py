"""The school page and the leraarposter on paper, and stable addresses, in headless Chromium."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from sop_builder.project.load import load_project
from sop_builder.publish.public import build_site

from .browser import keep_printed_page, open_page, serve
from .conftest import TODAY, make_project

SITE_URL = "https://sop.swv-duinkust.nl"
RENAMES = """# Oude adressen van scholen met een nieuwe naam.
doorverwijzingen:
  - van: /scholen/obs-de-duinroos/
    naar: /scholen/de-duinroos/
"""
MIN_FONT_PX = 9 * 96 / 72  # 9pt

# The smallest font size of visible text in the page content, in CSS pixels.
SMALLEST_TEXT = """() => {
  let smallest = Infinity;
  for (const el of document.querySelectorAll('.md-content *')) {
    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (text && box.width > 0 && box.height > 0) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
  }
  return smallest;
}"""


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project with one renamed school, built."""
    root = make_project(tmp_path_factory.mktemp("print"))
    (root / "site_config" / "doorverwijzingen.yaml").write_text(RENAMES, encoding="utf-8")
    result = build_site(root, today=TODAY, echo=lambda _: None)
    assert result.ok, result.messages
    return root


@pytest.fixture(scope="module")
def site(project_root: Path) -> Path:
    return project_root / "site"


@pytest.fixture(scope="module")
def schools(project_root: Path) -> list[tuple[str, str, str]]:
    """(slug, name, vestigingscode) of every sample school."""
    project = load_project(project_root, TODAY)
    return [(s.slug, s.front.name, s.front.vestigingscode) for s in project.schools]


def pdf_pages(page, **options) -> list:
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(print_background=True, **options)))
    page.emulate_media(media="screen")
    return list(reader.pages)


def test_every_school_page_prints_on_one_a4_with_address_date_and_qr_code(
    site: Path, schools, browser, tmp_path: Path
):
    with serve(site) as base:
        page = browser.new_page()
        for slug, name, _ in schools:
            page.goto(f"{base}/scholen/{slug}/", wait_until="load")
            printed = page.locator(".sop-printed-from")
            assert not printed.is_visible(), slug
            assert page.get_by_role("link", name="Poster voor de teamkamer").is_visible()
            pages = pdf_pages(page, format="A4")
            assert len(pages) == 1, f"{slug}: {len(pages)} pages"
            width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
            assert abs(width - 595) < 2
            assert abs(height - 842) < 2  # A4 portrait in points
            text = pages[0].extract_text()
            assert name in text
            assert "Grenzen aan de ondersteuning" in text
            assert "Wat de school biedt" in text
            assert "Aanmelden en kennismaken" in text
            page.emulate_media(media="print")
            assert printed.is_visible()
            assert printed.inner_text().startswith(
                f"Afgedrukt van {SITE_URL}/scholen/{slug}/ — stand van 23 november 2026."
            )
            qr = page.locator(".sop-printed-from svg.sop-qr-code").bounding_box()
            assert qr is not None
            assert qr["width"] >= 70  # about 20 mm
            for chrome in (".md-header", ".md-footer", ".md-sidebar", ".md-search", ".md-tabs"):
                assert not page.locator(chrome).first.is_visible(), chrome
            assert page.evaluate(SMALLEST_TEXT) >= MIN_FONT_PX - 0.01, slug
            if slug == "so-de-golfslag":
                page.screenshot(path=str(tmp_path / "print.png"), full_page=True)
            page.emulate_media(media="screen")


def test_every_poster_prints_on_one_landscape_page_in_large_type(site: Path, schools, browser):
    with serve(site) as base:
        page = browser.new_page()
        page.goto(f"{base}/scholen/de-duinroos/", wait_until="load")
        page.get_by_role("link", name="Poster voor de teamkamer").click()
        page.wait_for_url(f"{base}/scholen/de-duinroos/poster/")
        for slug, name, _ in schools:
            page.goto(f"{base}/scholen/{slug}/poster/", wait_until="load")
            pages = pdf_pages(page, prefer_css_page_size=True)
            assert len(pages) == 1, f"{slug}: {len(pages)} pages"
            width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
            assert abs(width - 842) < 2
            assert abs(height - 595) < 2  # A4 landscape in points
            text = " ".join(pages[0].extract_text().split())
            for heading in ("Wat wij bieden", "Waar wij stoppen", "Wie kunt u vragen?"):
                assert heading in text, (slug, heading)
            # The phones of the school and the SWV's route for help are on the poster.
            assert "Meer hulp nodig?" in text, slug
            assert "0251 700 150" in text, slug
            assert name in text
            assert f"{SITE_URL}/scholen/{slug}/" in text
            page.emulate_media(media="print")
            assert page.locator(".sop-poster-qr svg.sop-qr-code").is_visible()
            assert page.evaluate(SMALLEST_TEXT) >= 10 * 96 / 72 - 0.01, slug
            body = page.locator(".sop-poster-block li").first
            assert float(body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 18
            page.emulate_media(media="screen")
            assert page.locator(".md-nav a[href*='poster']").count() == 0


def test_short_links_and_renamed_addresses_land_on_the_school_page(site: Path, schools, browser):
    with serve(site) as base:
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        slug, name, code = next(s for s in schools if s[0] == "de-duinroos")
        for old in (f"/v/{code}/", f"/v/{code.lower()}/", "/scholen/obs-de-duinroos/"):
            page.goto(base + old)
            page.wait_for_url(f"{base}/scholen/{slug}/")
            assert page.locator("h1").inner_text() == name
        assert errors == []


def test_every_short_link_refreshes_to_its_school_page(site: Path, schools):
    for slug, _, code in schools:
        for variant in {code, code.lower()}:
            source = f"/v/{variant}/"
            html = (site / source.strip("/") / "index.html").read_text(encoding="utf-8")
            target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
            assert urljoin(source, target) == f"/scholen/{slug}/"
            assert (site / "scholen" / slug / "index.html").is_file()
            assert f'<link rel="canonical" href="{SITE_URL}/scholen/{slug}/">' in html


def test_redirects_and_posters_stay_out_of_search_and_redirects_out_of_the_sitemap(
    site: Path, schools
):
    renamed = site / "scholen/obs-de-duinroos/index.html"
    redirects = [*sorted((site / "v").rglob("index.html")), renamed]
    posters = [site / "scholen" / slug / "poster/index.html" for slug, _, _ in schools]
    for file in redirects + posters:
        assert "data-pagefind-body" not in file.read_text(encoding="utf-8"), file
    searchable = [
        p for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")
    ]
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(searchable)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/v/" not in sitemap
    assert "obs-de-duinroos" not in sitemap


# In print: every visible heading's next element starts in the same column (the heading is not
# left alone at the bottom of a column), no link looks like a link, and nothing that only works
# on a screen is shown.
PRINTED = """() => {
  const visible = e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const alone = [];
  for (const h of document.querySelectorAll('.md-content h2, .md-content h3')) {
    const next = h.nextElementSibling;
    if (!visible(h) || !next || !visible(next)) continue;
    // The first fragment of what follows must start in the heading's column, below it.
    const a = h.getBoundingClientRect(), b = next.getClientRects()[0];
    const below = Math.abs(b.left - a.left) <= 2 && b.top + 1 >= a.top;
    const onItsLine = b.left > a.left && Math.abs(b.top - a.top) < 4;  // a run-in heading
    if (!below && !onItsLine) alone.push(h.textContent.trim());
  }
  const links = [...document.querySelectorAll('.md-content a')].filter(visible).map(a => {
    const s = getComputedStyle(a);
    return [a.textContent.trim(), s.textDecorationLine, s.color];
  });
  const screen = [...document.querySelectorAll('.sop-screen-only')].filter(visible).length;
  return {alone, links, screen};
}"""
ON_SCREEN_ONLY = re.compile(r"^(Tik|Lees meer|Vergelijk|Poster|Aanmelden op|Zoek in)")


def test_printed_school_pages_keep_headings_with_their_text_and_print_links_as_text(
    site: Path, schools, browser
):
    with serve(site) as base:
        # The width of the printed text: A4 (210 mm) less print.css's margins (2 x 9 mm).
        page = browser.new_page(viewport={"width": round((210 - 18) / 25.4 * 96), "height": 1000})
        for slug, _, _ in schools:
            page.goto(f"{base}/scholen/{slug}/", wait_until="load")
            page.emulate_media(media="print")
            found = page.evaluate(PRINTED)
            assert found["alone"] == [], slug
            assert found["screen"] == 0, slug
            assert found["links"], slug  # there are links (the glossary terms, tel:, ...)
            for text, decoration, color in found["links"]:
                assert decoration == "none", (slug, text)  # no glossary underlines
                assert color == "rgb(0, 0, 0)", (slug, text)
                assert not ON_SCREEN_ONLY.match(text), (slug, text)
            page.emulate_media(media="screen")


# --- issue 22: the core of the SOP on the A4, the comparison and the kern on paper ---------

# In print, per need of a school page: is its name, its level, what the school does and where
# it stops printed (its first line inside the need's printed box, which may cut the rest)?
NEEDS_PRINTED = """() => [...document.querySelectorAll('.sop-need')].map(s => {
  const box = s.getBoundingClientRect();
  const shown = el => {
    if (!el) return false;
    const r = el.getClientRects()[0];
    return Boolean(r) && r.height > 0 && box.height > 0 && r.top < box.bottom - 1;
  };
  return [s.id.replace('behoefte-', ''), shown(s.querySelector('h3')),
          shown(s.querySelector('.sop-level')), shown(s.querySelector('.sop-need-offer')),
          shown(s.querySelector('.sop-finder-limit'))];
})"""


def test_the_a4_shows_every_needs_level_what_the_school_does_and_where_it_stops(
    project_root: Path, site: Path, browser
):
    """Issue 22, 5: the one A4 left out every need's 'wat wij doen' and 'waar het stopt' (and
    printed at 8.5 pt); now each need prints its level and, in at most three lines, both."""
    project = load_project(project_root, TODAY)
    levels = {lv.id: lv.label for lv in project.config.vocabularies.levels}
    with serve(site) as base:
        page = browser.new_page()
        for school in project.schools:
            page.goto(f"{base}/scholen/{school.slug}/", wait_until="load")
            pdf = pdf_pages(page, format="A4")
            assert len(pdf) == 1, school.slug
            if school.slug == "de-duinroos":
                keep_printed_page(page, "13-school-a4-de-duinroos.png")
            text = " ".join(pdf[0].extract_text().split())
            page.emulate_media(media="print")
            printed = {need: rest for need, *rest in page.evaluate(NEEDS_PRINTED)}
            page.emulate_media(media="screen")
            assert set(printed) == set(school.declarations), school.slug
            for need_id, declaration in school.declarations.items():
                name, level, offer, limit = printed[need_id]
                assert name, (school.slug, need_id)
                assert level, (school.slug, need_id)
                assert offer == bool(declaration.offer), (school.slug, need_id)
                assert limit == bool(declaration.limit), (school.slug, need_id)
                assert levels[declaration.level] in text, (school.slug, need_id)
        page.close()


def _longest_declarations(project_root: Path, count: int) -> list[str]:
    """The ``count`` sample schools with the most declared text: the comparison's worst case."""
    project = load_project(project_root, TODAY)
    size = {
        s.slug: sum(len(d.offer or "") + len(d.limit or "") for d in s.declarations.values())
        for s in project.schools
    }
    return sorted(size, key=lambda slug: (-size[slug], slug))[:count]


def test_the_comparison_prints_only_the_comparison_on_at_most_two_a4(
    project_root: Path, site: Path, browser
):
    """Issue 22, 5: the comparison of three schools printed on 5 A4 with its 'Haal weg'
    buttons; now only the table, on at most two pages, with the chosen need or without."""
    three = _longest_declarations(project_root, 3)
    with serve(site) as base:
        page = browser.new_page()
        for query in ("", "&behoefte=gedrag"):
            open_page(page, f"{base}/vergelijk/?scholen={','.join(three)}{query}")
            page.locator("table.sop-compare-table").wait_for()
            pages = pdf_pages(page, format="A4")
            assert len(pages) <= 2, (query, len(pages))
            text = " ".join(" ".join(p.extract_text() for p in pages).split())
            for absent in ("Haal weg", "Voeg een school toe", "Terug naar uw zoekresultaten",
                           "Hier ziet u twee tot vier scholen"):  # fmt: skip
                assert absent not in text, (query, absent)
            assert "Wie u belt" in text
            assert "Profiel geldig tot" in text
            page.emulate_media(media="print")
            assert page.evaluate(SMALLEST_TEXT) >= 8.5 * 96 / 72 - 0.01
            page.emulate_media(media="screen")
        page.close()


# In print: the font sizes of the headings and of the schools' names and lines.
RANKS = """() => {
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const visible = e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const all = sel => [...document.querySelectorAll(sel)].filter(visible);
  const headings = new Set(all('.md-content h1, .md-content h2, .md-content h3'));
  const text = [...document.querySelectorAll('.md-content *')].filter(e => visible(e)
    && !headings.has(e) && ![...headings].some(h => h.contains(e))
    && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  return {
    h1: all('.md-content h1').map(size), h2: all('.md-content h2:not(.sop-finder-name)').map(size),
    h3: all('.md-content h3:not(.sop-finder-name)').map(size),
    names: all('.md-content .sop-finder-name').map(size), text: text.map(size),
  };
}"""


def test_kern_and_list_pages_print_their_headings_larger_than_the_names_of_schools(
    site: Path, browser
):
    """Issue 22, 5: the kern page printed the schools' names (and their lines) larger than its
    headings. On paper h1 > h2 > h3 >= a school's name, and no other text outranks an h2."""
    with serve(site) as base:
        page = browser.new_page()
        for path in (
            "/kernen/helmerdam/",
            "/scholen/behoefte/gedrag/",
            "/scholen/gemeente/duinwijk/",
        ):
            page.goto(base + path, wait_until="load")
            page.emulate_media(media="print")
            ranks = page.evaluate(RANKS)
            page.emulate_media(media="screen")
            assert ranks["names"], path
            # The lowest heading above the names: the h2s, or on a gemeente's list (whose
            # names are its h2s) the h1.
            above = min(ranks["h2"] or ranks["h1"])
            assert min(ranks["h1"]) > max(ranks["h2"] or [0]), (path, ranks)
            assert above > max(ranks["names"]), (path, ranks["h2"], ranks["names"])
            if ranks["h3"]:
                assert above > max(ranks["h3"]) >= max(ranks["names"]), path
            assert max(ranks["text"]) < above, path
        page.close()
