"""Search in parts: Pagefind indexes a large site in parts, and the search page and the finder
merge them, so a query finds a school in every part (browser test on the sample, indexed in
parts of a dozen pages)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sop_builder.project.routes import MUNICIPALITY_LISTS, NEED_LISTS
from sop_builder.publish.public import build_site
from sop_builder.site import search

from .browser import open_page, serve
from .conftest import TODAY, make_project

PART = 12  # pages per part: the sample's ~40 indexed pages make four parts
RARE = "Zqxjwerfpol"  # a word only in one school's text (not in its name or choices)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("parts"))
    sop = root / "content/schools/so-de-golfslag/sop.md"
    text = sop.read_text(encoding="utf-8")
    sop.write_text(text.replace("## Visie\n", f"## Visie\n\n{RARE} staat hier.\n"), "utf-8")
    patch = pytest.MonkeyPatch()
    patch.setattr(search, "PART_PAGES", PART)
    try:
        assert build_site(root, today=TODAY, echo=lambda _: None).ok
    finally:
        patch.undo()
    return root / "site"


def parts_of(site: Path) -> list[list[str]]:
    """The school pages of each part, as the build split them (the first parts hold the pages
    before /scholen/ in the order of their paths: the offer, basisondersteuning, ...)."""
    pages = search.indexed_pages(site)
    lists = {NEED_LISTS, MUNICIPALITY_LISTS}  # /scholen/behoefte/, /scholen/gemeente/
    return [
        [
            p.parent.name
            for p in part
            if re.fullmatch(r"scholen/[^/]+/index\.html", _rel(site, p))
            and p.parent.name not in lists
        ]
        for part in search.split_parts(pages, PART)
    ]


def _rel(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()


def name_of(site: Path, slug: str) -> str:
    page = (site / "scholen" / slug / "index.html").read_text(encoding="utf-8")
    return re.search(r'<h1 id="[^"]*">([^<]+)</h1>', page).group(1)


def test_the_index_is_written_in_parts_that_the_first_part_lists(site: Path):
    parts = parts_of(site)
    assert len([p for p in parts if p]) >= 3  # three parts or more with school pages
    others = json.loads((site / "pagefind" / "delen.json").read_text(encoding="utf-8"))
    assert others == [f"../pagefind-{n}/" for n in range(2, len(parts) + 1)]
    for number in range(1, len(parts) + 1):
        assert (site / search.part_dir(number) / "pagefind-entry.json").is_file()


def test_the_search_page_finds_a_school_in_each_part(site: Path, browser, tmp_path: Path):
    with serve(site) as base:
        page = browser.new_page()
        for number, slugs in enumerate(parts_of(site), start=1):
            if not slugs:
                continue
            slug = slugs[-1]
            word = name_of(site, slug).split()[-1]
            open_page(page, f"{base}/zoeken/?q={word}")
            link = page.locator(f'#zoek-lijst a[href*="/scholen/{slug}/"]').first
            link.wait_for(timeout=15_000)
            assert word in link.inner_text(), (number, slug)
        page.set_viewport_size({"width": 375, "height": 900})
        page.screenshot(path=str(tmp_path / "zoeken-in-delen-375.png"), full_page=True)
        page.close()


def test_the_finder_finds_a_school_through_a_later_part(site: Path, browser):
    parts = parts_of(site)
    (part,) = [n for n, slugs in enumerate(parts, start=1) if "so-de-golfslag" in slugs]
    assert part > 1  # found only when the finder merges the other parts
    with serve(site) as base:
        page = browser.new_page()
        open_page(page, f"{base}/scholen/?q={RARE.lower()}")
        page.locator("#vinder-aantal", has_text="1 school").wait_for(timeout=15_000)
        shown = page.locator("#vinder-lijst > li")
        assert shown.count() == 1
        link = shown.first.locator(".sop-finder-name a")
        # (the card carries the search along, for the way back to these results)
        assert link.get_attribute("href").split("?")[0] == "../scholen/so-de-golfslag/"
        page.close()
