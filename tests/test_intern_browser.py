"""The internal site in Chromium: no accessibility violations, gespreksrapport fits A4."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from .axe import describe, run_axe
from .browser import CHROMIUM_ARGS, chromium_or_skip, serve
from .conftest import TODAY

pytestmark = pytest.mark.browser  # its own Chromium (the `page` fixture)

# A4 is 210 mm wide; the print style sheet uses 12 mm side margins: 186 mm at 96 px per inch.
A4_CONTENT_WIDTH = round(186 / 25.4 * 96)
MAX_REPORT_PAGES = 3

# Every word of the visible text whose letters do not all stand on one line: the browser broke
# it. A break right after a hyphen (Duinwijk-Noord, 2025-2026) is where Dutch may break a word.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const box = node.parentElement.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    for (const m of node.textContent.matchAll(/[^\\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


@pytest.fixture(scope="module")
def intern_url(sample_build):
    with serve(sample_build.intern) as url:
        yield url


@pytest.fixture(scope="module")
def other_intern_url(other_build):
    with serve(other_build.intern) as url:
        yield url


@pytest.fixture(scope="module")
def page():
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "scholen/de-duinroos/index.html",
        "scholen/so-de-golfslag/index.html",
        "kernen/helmerdam/index.html",
        "kengetallen/index.html",
        "kernen/helmerdam/kengetallen/index.html",
        "besturen/stichting-kustwijzer/kengetallen/index.html",
    ],
)
def test_axe_finds_no_violations(intern_url: str, page, path: str):
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{intern_url}/{path}")
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("slug", ["de-duinroos", "so-de-golfslag"])
def test_gespreksrapport_prints_on_a4_without_cut_off_tables(
    intern_url: str, page, slug: str, tmp_path: Path
):
    page.goto(f"{intern_url}/scholen/{slug}/index.html")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_CONTENT_WIDTH, "height": 1000})
    overflow = page.evaluate(
        """(width) => [...document.querySelectorAll('table')].filter(t =>
             t.getBoundingClientRect().right > width + 0.5 || t.scrollWidth > t.clientWidth + 1
           ).map(t => t.querySelector('caption')?.textContent)""",
        A4_CONTENT_WIDTH,
    )
    assert overflow == []
    tables = page.evaluate("document.querySelectorAll('table').length")
    assert tables >= 3
    pdf = tmp_path / "rapport.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Type /Page" in data


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(
    "path", ["index.html", "scholen/de-meeuw/index.html", "kengetallen/index.html"]
)
def test_pages_are_readable_on_a_phone_without_broken_words(
    intern_url: str, page, path: str, width: int
):
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{intern_url}/{path}")
    assert page.evaluate(BROKEN_WORDS) == []
    # Nothing but a table's own frame scrolls sideways: the page itself fits the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = run_axe(page)
    assert violations == [], describe(violations)


def _report_pages(page, url: str) -> int:
    page.goto(url)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    page.emulate_media(media="screen")
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_every_gespreksrapport_prints_on_at_most_three_a4_pages(
    intern_url: str, other_intern_url: str, page
):
    from sop_builder.project.load import load_project

    from .conftest import FIXTURES

    counts = {}
    for url, fixture in ((intern_url, "sample"), (other_intern_url, "other-swv")):
        for school in load_project(FIXTURES / fixture, TODAY).schools:
            counts[school.slug] = _report_pages(page, f"{url}/scholen/{school.slug}/index.html")
    assert len(counts) == 18 + 4
    assert {slug: n for slug, n in counts.items() if n > MAX_REPORT_PAGES} == {}
    assert max(counts.values()) >= 2  # the reports are real reports, not empty pages


# --- on a phone: readable charts and tables that reflow (375 and 1280 px) --------------------

PHONE_PAGES = [
    "index.html",
    "scholen/de-meeuw/index.html",
    "kernen/helmerdam/index.html",
    "besturen/stichting-helmgroen/index.html",
    "kengetallen/index.html",  # the SWV's figures (issue 23): charts over the years
    "kernen/helmerdam/kengetallen/index.html",
]

# The size at which each chart text is drawn on the screen: its CSS font size times the scale of
# the chart (a chart drawn in 660 units and scaled into 343 px shrank 12 px to about 6 px).
CHART_TEXT_SIZES = """() => [...document.querySelectorAll('svg.chart text')].map(t => ({
  text: t.textContent,
  px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  outside: t.getBoundingClientRect().right > t.ownerSVGElement.getBoundingClientRect().right + 0.5
    || t.getBoundingClientRect().left < t.ownerSVGElement.getBoundingClientRect().left - 0.5,
}))"""

# Every table wider than the box it sits in (it would scroll sideways there).
WIDE_TABLES = """() => [...document.querySelectorAll('table')].filter(t =>
  t.scrollWidth > t.parentElement.clientWidth + 1 || t.getBoundingClientRect().right >
  document.documentElement.clientWidth + 0.5).map(t => [t.querySelector('caption')?.textContent,
  t.scrollWidth, t.parentElement.clientWidth])"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_charts_and_tables_are_readable_without_scrolling_sideways(
    intern_url: str, page, path: str, width: int
):
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{intern_url}/{path}")
    texts = page.evaluate(CHART_TEXT_SIZES)
    assert texts or path.startswith("scholen/")  # the dashboard and group pages have charts
    assert [t for t in texts if t["px"] < 12] == []
    assert [t["text"] for t in texts if t["outside"]] == []
    assert page.evaluate(WIDE_TABLES) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(BROKEN_WORDS) == []
    violations = run_axe(page)
    assert violations == [], describe(violations)


def test_on_a_phone_each_cell_is_named_by_its_column(intern_url: str, page):
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{intern_url}/index.html")
    row = page.locator("table.compliance tbody tr").filter(has_text="Basisschool De Meeuw")
    shown = row.evaluate(
        """r => [...r.querySelectorAll('td')].filter(c => c.offsetHeight).map(c =>
             getComputedStyle(c, '::before').content.replace(/^"|"$/g, '') + c.textContent)"""
    )
    assert "Beoordeling SWV: 55 van 65 (84%)" in shown
    assert "Kern: Helmerdam" in shown
    # One row is one block: its cells stand under each other, not side by side.
    lefts = row.evaluate(
        "r => [...r.querySelectorAll('td')].map(c => c.getBoundingClientRect().left)"
    )
    assert len(set(lefts)) == 1
    # On a wide screen the same table is a table again, without the column names per cell.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert row.evaluate("r => getComputedStyle(r.querySelector('td'), '::before').content") == (
        "none"
    )
    assert row.evaluate("r => getComputedStyle(r).display") == "table-row"


MAX_FIGURES_PAGES = 2


def test_the_swvs_figures_print_on_at_most_two_a4_pages(intern_url: str, page):
    """The SWV's Kengetallen on paper: the charts beside their tables, every table within the
    page (the table per school is on screen only, and says so on paper)."""
    url = f"{intern_url}/kengetallen/index.html"
    assert _report_pages(page, url) <= MAX_FIGURES_PAGES
    page.goto(url)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_CONTENT_WIDTH, "height": 1000})
    overflow = page.evaluate(
        """(width) => [...document.querySelectorAll('table')].filter(t =>
             t.offsetParent && (t.getBoundingClientRect().right > width + 0.5
             || t.scrollWidth > t.clientWidth + 1)).map(t => t.querySelector('caption')?.textContent)""",
        A4_CONTENT_WIDTH,
    )
    assert overflow == []
    assert page.is_visible("text=De tabel per school staat alleen op het scherm.")
