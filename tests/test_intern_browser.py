"""The internal site in Chromium: no accessibility violations, gespreksrapport fits A4."""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_builder.build.intern import build_intern

from .axe import describe, run_axe
from .browser import CHROMIUM_ARGS, chromium_or_skip, serve
from .conftest import TODAY, make_project

# A4 is 210 mm wide; the print style sheet uses 12 mm side margins: 186 mm at 96 px per inch.
A4_CONTENT_WIDTH = round(186 / 25.4 * 96)


@pytest.fixture(scope="module")
def intern_url(tmp_path_factory: pytest.TempPathFactory):
    target = tmp_path_factory.mktemp("intern-browser") / "site-intern"
    root = make_project(target.parent)
    assert build_intern(root, target, TODAY, echo=lambda s: None).ok
    with serve(target) as url:
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
    assert data.startswith(b"%PDF") and b"/Type /Page" in data
