"""The optional public page of the SWV's headline figures (site_config/bouwen.yaml
`kengetallen_openbaar: ja`) in Chromium: axe 0 violations at 375 and 1280 px, nothing wider than
the screen but the table's own focusable frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_builder.publish.public import build_site

from .axe import describe, run_axe
from .browser import CHROMIUM_ARGS, chromium_or_skip, serve
from .conftest import TODAY, make_project

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("public-figures"))
    settings = root / "site_config" / "bouwen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "kengetallen_openbaar: ja\n")
    result = build_site(root, today=TODAY, echo=lambda _: None)
    assert result.ok, result.messages
    return root / "site"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_public_figures_page_is_accessible_at_both_widths(public_site: Path, width: int):
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with serve(public_site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{url}/kengetallen/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        frame = page.locator('[role="region"][aria-label="Kengetallen per jaar"]')
        assert frame.get_attribute("tabindex") == "0"  # a keyboard can scroll the table
        violations = run_axe(page)
        browser.close()
    assert violations == [], describe(violations)
