"""The "volgt" page of a school that has not filled in its profile, in Chromium: at phone width
its heading, the notice and the school's address are on the first screen, it loads nothing
from another host, and axe-core finds no WCAG 2.1 AA violation. Writes the screenshot
docs/screenshots/07-school-volgt-375.png when SOP_BUILDER_SCREENSHOTS is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sop_builder.project.load import load_project
from sop_builder.publish.public import build_site

from .axe import axe_source_or_skip, describe, run_axe
from .browser import open_page, refuse_other_hosts, serve
from .conftest import REPO, TODAY
from .test_go_live import imported

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOT = REPO / "docs/screenshots/07-school-volgt-375.png"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The IJmond SWV's freshly imported schools, built; one of their slugs."""
    root = imported(tmp_path_factory.mktemp("golive"))
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    project = load_project(root, TODAY)
    slug = next(f.slug for f in project.pending if f.website and f.address)
    return root / "site", slug


def test_a_volgt_page_reads_on_a_phone_and_passes_axe(built, browser):
    site, slug = built
    source = axe_source_or_skip()
    with serve(site) as base:
        for viewport in (PHONE, DESKTOP):
            context = browser.new_context(viewport=viewport)
            outside = refuse_other_hosts(context)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, seen=errors: seen.append(str(e)))
            open_page(page, f"{base}/scholen/{slug}/")
            notice = page.locator(".sop-pending")
            assert "Het ondersteuningsprofiel van deze school volgt." in notice.inner_text()
            if viewport is PHONE:
                box = page.locator(".sop-contact").bounding_box()
                assert box is not None
                assert box["y"] < 2 * PHONE["height"]
                assert notice.bounding_box()["y"] < PHONE["height"]
                if os.environ.get("SOP_BUILDER_SCREENSHOTS"):
                    page.screenshot(path=str(SCREENSHOT), full_page=True)
            violations = run_axe(page, source)
            assert violations == [], describe(violations)
            assert outside == []
            assert errors == []
            context.close()
