"""The tables of pupil numbers on the school and kern pages, in Chromium at 375 and 1280 px:
lines, room and right-aligned numbers, like the site's other tables (Material styles only tables
without a class, so these had none: a caption squeezed into five centred lines, no lines between
the years, numbers against the years)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_builder.publish.public import build_site

from .axe import describe, run_axe
from .browser import open_page, serve
from .conftest import TODAY, make_project

TABLE_STYLE = """() => {
  const table = document.querySelector('table.sop-pupils-table');
  const caption = table.querySelector('caption');
  const cell = table.querySelector('tbody td');
  const year = table.querySelector('tbody th');
  const style = getComputedStyle(cell);
  const lineHeight = parseFloat(getComputedStyle(caption).lineHeight);
  const text = element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect();
  };
  return {
    captionLines: Math.round(caption.getBoundingClientRect().height / lineHeight),
    captionAlign: getComputedStyle(caption).textAlign,
    border: parseFloat(style.borderBottomWidth),
    padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
    numbersAlign: style.textAlign,
    gap: text(cell).left - text(year).right,
    width: table.getBoundingClientRect().width,
    room: table.parentElement.getBoundingClientRect().width,
  };
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("pupils"))
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    return root / "site"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["/scholen/de-meeuw/", "/kernen/helmerdam/"])
def test_pupil_number_tables_are_styled(site: Path, browser, path: str, width: int):
    with serve(site) as base:
        page = browser.new_page(viewport={"width": width, "height": 800})
        open_page(page, base + path)
        page.locator("table.sop-pupils-table").scroll_into_view_if_needed()
        shown = page.evaluate(TABLE_STYLE)
        assert shown["captionAlign"] in ("left", "start")
        assert shown["captionLines"] <= 2, shown
        assert shown["border"] >= 1, shown  # a line under every year
        assert shown["padding"] >= 8, shown
        assert shown["numbersAlign"] == "right"
        assert shown["gap"] >= 16, shown  # the count stands apart from the year
        assert shown["width"] >= min(shown["room"], 300), shown
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        violations = run_axe(page)
        assert violations == [], describe(violations)
        page.close()
