"""The school form of the web editor in Chromium, at 375 and 1280 px, as an intern begeleider
uses it: Dutch hints under the needs, "Waar het stopt" in a box that shows a long text whole, and
after the save the profile's 'last updated' date is the day of the save."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sop_builder.editor.server import running_editor

from .axe import axe_source_or_skip, describe, run_axe
from .browser import refuse_other_hosts, wait_for_change
from .conftest import TODAY

SOP = "content/schools/de-boomgaard/sop.md"
LIMIT = (
    "Onderzoek en behandeling van ernstige dyslexie doen wij niet zelf; dat doet een "
    "zorgaanbieder. Wel zorgen wij dat het kind in de klas gewoon mee kan doen, met een "
    "laptop, voorleessoftware en extra tijd bij toetsen, en wij overleggen elke zes weken."
)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_school_form_shows_dutch_hints_whole_texts_and_dates_the_save(
    sample: Path, browser, width: int
):
    source = axe_source_or_skip()
    file = sample / SOP
    before = file.read_text(encoding="utf-8")
    old_date = re.search(r"(?m)^bijgewerkt: (.*)$", before)
    assert old_date is not None
    assert old_date.group(1) != TODAY.isoformat()

    with running_editor(sample, today=TODAY) as url:
        context = browser.new_context(viewport={"width": width, "height": 900})
        outside = refuse_other_hosts(context)
        page = context.new_page()
        page.goto(url + "/admin/")
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("link", name="Schoolprofielen").first.click()
        page.get_by_role("link", name=re.compile("Basisschool De Boomgaard")).first.click()
        assert page.get_by_label("Naam van de school").input_value() == "Basisschool De Boomgaard"

        # Under each of the 13 needs a Dutch hint, and no English sentence anywhere.
        text = page.locator("body").inner_text()
        assert "What a school declares" not in text
        assert text.count("Kies het niveau en zeg in een of twee zinnen") == 13
        violations = run_axe(page, source)
        assert violations == [], describe(violations)

        # "Waar het stopt" is a box of several lines that shows all of its text.
        limit = page.get_by_label("Waar het stopt").first
        assert limit.evaluate("e => e.tagName") == "TEXTAREA"
        limit.fill(LIMIT)
        assert limit.evaluate("e => e.scrollHeight <= e.clientHeight + 1")
        box = limit.bounding_box()
        assert box is not None
        assert box["height"] > 40
        page.get_by_role("button", name="Publiceer").click()
        page.get_by_role("menuitem", name="Publiceer nu").click()
        page.get_by_text("Wijzigingen opgeslagen").wait_for()
        after = wait_for_change(file, before)
        assert outside == []
        context.close()

    old_limit = (
        "Onderzoek en behandeling van ernstige dyslexie doen wij niet zelf; dat doet een "
        "zorgaanbieder."
    )
    assert after == before.replace(f"grens: {old_limit}\n", f"grens: {LIMIT}\n", 1).replace(
        f"bijgewerkt: {old_date.group(1)}\n", f"bijgewerkt: {TODAY.isoformat()}\n", 1
    )  # the whole text, the day of the save, and nothing else changed
