"""Teachers in Chromium, at 375 and 1280 px: a workshop page puts that workshop in their
calendar, a network group shows its dates with a calendar of its own, and every offer page
speaks to them as 'u'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from icalendar import Calendar

from .axe import describe, run_axe
from .browser import open_page, refuse_other_hosts, serve

WIDTHS = [375, 1280]
# Every page of the offer that speaks to teachers (stories tell what others said).
TEACHER_PAGES = [
    "/aanbod/",
    "/aanbod/workshops/",
    "/aanbod/netwerkgroepen/",
    "/aanbod/expertisecentra/",
    "/aanbod/expertisecentra/gedrag/",
    *(
        f"/aanbod/workshops/{slug}/"
        for slug in (
            "dyslexie-in-de-klas",
            "het-sop-in-je-team",
            "nieuwkomers-in-je-groep",
            "rust-in-de-klas",
            "samen-met-ouders",
            "training-meer-uitdaging",
        )
    ),
    *(
        f"/aanbod/netwerkgroepen/{slug}/"
        for slug in ("ib-netwerk-helmerdam", "ib-netwerk-noord", "netwerk-gedrag")
    ),
]
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie|jezelf)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(sample_build) -> Path:
    return sample_build.site  # read only


def _open(browser, base: str, path: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800}, accept_downloads=True)
    outside = refuse_other_hosts(context)
    page = context.new_page()
    response = open_page(page, base + path)
    assert response is not None, path
    assert response.status == 200, path
    return context, page, outside


def _calendar_behind(page, link) -> Calendar:
    """The calendar file a link on the page downloads, as a visitor's browser gets it."""
    with page.expect_download() as download:
        link.click()
    return Calendar.from_ical(Path(download.value.path()).read_bytes())


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = run_axe(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_workshop_page_puts_that_workshop_in_the_calendar(site: Path, browser, width: int):
    with serve(site) as base:
        context, page, outside = _open(browser, base, "/aanbod/workshops/samen-met-ouders/", width)
        _fits(page, width)  # before any link is clicked (a hovered link has its own colour)
        shown = page.locator("article dd time").first.get_attribute("datetime")
        assert shown == "2026-12-09T15:30:00+01:00"
        link = page.get_by_role("link", name="Zet deze workshop in uw agenda (ics-bestand)")
        assert link.is_visible()
        (event,) = _calendar_behind(page, link).walk("VEVENT")
        assert event.decoded("DTSTART").isoformat() == shown
        assert str(event["SUMMARY"]) == "Samen met ouders"
        assert str(event["LOCATION"]) == "Basisschool De Meeuw, Helmerdam"
        # The one for all workshops is still there, beside it.
        every = page.get_by_role("link", name="Zet alle workshops in uw agenda (ics-bestand)")
        assert len(_calendar_behind(page, every).walk("VEVENT")) == 3  # the upcoming ones
        assert outside == []
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_network_group_shows_its_dates_and_its_own_calendar(site: Path, browser, width: int):
    with serve(site) as base:
        context, page, outside = _open(
            browser, base, "/aanbod/netwerkgroepen/ib-netwerk-noord/", width
        )
        _fits(page, width)  # before any link is clicked (a hovered link has its own colour)
        dates = page.locator("#bijeenkomsten + .sop-offer ul.sop-meetings").first
        assert dates.is_visible()
        upcoming = [
            t.get_attribute("datetime")
            for t in dates.locator("time").all()
            if t.get_attribute("datetime")
        ][::2]  # each meeting has a start and an end
        assert upcoming == [
            "2026-12-08T15:30:00+01:00",
            "2027-02-09T15:30:00+01:00",
            "2027-04-13T15:30:00+02:00",
            "2027-06-08T15:30:00+02:00",
        ]
        assert "Onderwerp: Het nieuwe ondersteuningsplan" in dates.inner_text()
        # The next meeting stands in the facts at the top of the page, in the first screen.
        facts = page.locator("dl.sop-facts")
        assert "dinsdag 8 december 2026, 15:30 tot 17:00 uur" in facts.inner_text()
        link = page.get_by_role(
            "link", name="Download de agenda van deze netwerkgroep (ics-bestand)"
        )
        events = _calendar_behind(page, link).walk("VEVENT")
        assert [e.decoded("DTSTART").isoformat() for e in events] == upcoming
        subscribe = page.get_by_role("link", name="Abonneer op de agenda van deze netwerkgroep")
        assert subscribe.get_attribute("href") == (
            "webcal://sop.swv-duinkust.nl/aanbod/netwerkgroepen/ib-netwerk-noord.ics"
        )
        gone = page.locator("ul.sop-meetings.sop-offer-past time").first
        assert gone.get_attribute("datetime") == "2026-10-06T15:30:00+02:00"
        assert outside == []
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_offer_page_for_teachers_says_u_and_passes_axe(site: Path, browser, width: int):
    with serve(site) as base:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        said: dict[str, list[str]] = {}
        failed: dict[str, str] = {}
        for path in TEACHER_PAGES:
            open_page(page, base + path)
            text = page.inner_text("article")
            found = INFORMAL.findall(text)
            if found:
                said[path] = found
            if page.evaluate("document.documentElement.scrollWidth") > width:
                failed[path] = "scrolls sideways"
            violations = run_axe(page)
            if violations:
                failed[path] = describe(violations)
        assert said == {}
        assert failed == {}
        # The check would see it: a page that says 'je' is reported.
        page.set_content("<article><p>In deze workshop leer je veel.</p></article>")
        assert INFORMAL.findall(page.inner_text("article")) == ["je"]
        context.close()
