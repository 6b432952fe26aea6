"""The SWV's offer: loading, upcoming and past workshops, the iCalendar feed, and the pages."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from icalendar import Calendar

from sop_builder.project.internal_texts import internal_texts
from sop_builder.project.load import load_project
from sop_builder.project.offer.load import load_offer
from sop_builder.publish.public import build_site
from sop_builder.site.ical import workshops_calendar

from .conftest import SAMPLE, TODAY
from .test_build import LiveCode


@pytest.fixture(scope="module")
def project():
    return load_project(SAMPLE, TODAY)


@pytest.fixture(scope="module")
def built(sample_build) -> Path:
    """The sample site (built once for the session's read-only tests)."""
    return sample_build.site


def parse_feed(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def test_sample_offer_loads_without_problems(project):
    offer = project.offer
    assert [i for i in project.issues if i.path.startswith("content/aanbod")] == []
    assert (len(offer.networks), len(offer.centres), len(offer.stories)) == (3, 3, 3)
    assert len(offer.workshops) == 6
    assert [s.front.published for s in offer.stories] == sorted(
        (s.front.published for s in offer.stories), reverse=True
    )


def test_workshops_are_split_by_the_build_date(project):
    offer = project.offer
    upcoming, past = offer.upcoming(TODAY), offer.past(TODAY)
    assert upcoming
    assert past
    assert len(upcoming) + len(past) == len(offer.workshops)
    assert all(w.front.day >= TODAY for w in upcoming)
    assert all(w.front.day < TODAY for w in past)
    assert [w.starts for w in upcoming] == sorted(w.starts for w in upcoming)
    assert [w.starts for w in past] == sorted((w.starts for w in past), reverse=True)
    # A workshop on the build date itself is still upcoming.
    first = upcoming[0].front.day
    assert upcoming[0] in offer.upcoming(first)
    assert upcoming[0] in offer.past(first + timedelta(days=1))


def test_stories_about_a_school(project):
    about = project.offer.stories_about("de-zeester")
    assert [s.slug for s in about] == ["samen-spelen-op-het-plein"]
    assert about[0].url == "aanbod/verhalen/samen-spelen-op-het-plein/"
    assert project.offer.stories_about("de-meeuw") == []
    slugs = {s.slug for s in project.schools}
    for story in project.offer.stories:
        assert set(story.front.schools) <= slugs


def test_feed_parses_and_holds_only_upcoming_workshops(project):
    data = workshops_calendar(project.offer, project.config.swv, TODAY, "https://sop.example.nl/")
    calendar = parse_feed(data)
    events = calendar.walk("VEVENT")
    upcoming = project.offer.upcoming(TODAY)
    assert [str(e["SUMMARY"]) for e in events] == [w.front.title for w in upcoming]
    assert len(events) < len(project.offer.workshops)
    for event, workshop in zip(events, upcoming, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert str(start.tzinfo) == "Europe/Amsterdam"
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert start.date() == workshop.front.day
        assert start.time() == workshop.front.start
        assert end.time() == workshop.front.end
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 23, tzinfo=UTC)
        assert str(event["UID"]) == f"workshop-{workshop.slug}@sop.example.nl"
        assert str(event["URL"]) == f"https://sop.example.nl/aanbod/workshops/{workshop.slug}/"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    summer = next(e for e in events if e.decoded("DTSTART").month in range(4, 10))
    assert summer.decoded("DTSTART").utcoffset() == timedelta(hours=2)
    assert b"\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")


def test_feed_is_the_same_for_the_same_input_and_follows_the_date(project):
    swv = project.config.swv
    first = workshops_calendar(project.offer, swv, TODAY)
    assert first == workshops_calendar(project.offer, swv, TODAY)
    later = date(2027, 1, 21)  # after the second upcoming workshop
    events = parse_feed(workshops_calendar(project.offer, swv, later)).walk("VEVENT")
    assert [e.decoded("DTSTART").date() >= later for e in events] == [True] * len(events)
    assert len(events) == len(project.offer.upcoming(later)) < len(project.offer.upcoming(TODAY))
    empty = parse_feed(workshops_calendar(project.offer, swv, date(2099, 1, 1)))
    assert empty.walk("VEVENT") == []
    assert empty.walk("VTIMEZONE") == []


def test_no_offer_folder_means_an_empty_offer(tmp_path: Path):
    offer, issues = load_offer(tmp_path, None, [])
    assert (offer.workshops, offer.stories, issues) == ((), (), [])


class Outline(HTMLParser):
    """Headings, <time> values and links inside the article of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.times: list[str] = []
        self.links: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self._depth += 1
        if not self._depth:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "time":
            self.times.append(values.get("datetime") or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1


def outline(page: Path) -> Outline:
    parser = Outline()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def offer_pages(site: Path) -> list[Path]:
    return sorted((site / "aanbod").rglob("index.html"))


def test_every_offer_page_is_built_with_headings_in_order(built: Path, project):
    offer = project.offer
    items = [*offer.networks, *offer.centres, *offer.workshops, *offer.stories]
    assert len(offer_pages(built)) == 1 + 4 + len(items)
    for item in items:
        assert (built / item.url / "index.html").is_file(), item.url
    for page in offer_pages(built):
        levels = outline(page).levels
        assert levels[0] == 1, page
        assert levels.count(1) == 1, page
        assert all(b - a <= 1 for a, b in pairwise(levels)), (page, levels)


def test_links_between_offer_pages_and_schools_resolve(built: Path):
    for page in offer_pages(built):
        for href in outline(page).links:
            if href.startswith(("http", "mailto:", "tel:", "webcal:", "#")):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (page, href)
    story = outline(built / "aanbod/verhalen/samen-spelen-op-het-plein/index.html")
    assert "../../../scholen/sbo-de-branding/" in story.links
    assert "../../../scholen/de-zeester/" in story.links


def test_workshops_page_splits_upcoming_and_past_and_links_the_feed(built: Path, project):
    html = (built / "aanbod/workshops/index.html").read_text(encoding="utf-8")
    upcoming_part, past_part = html.split('id="geweest"', 1)
    for workshop in project.offer.upcoming(TODAY):
        assert f'href="{workshop.slug}/"' in upcoming_part
        assert f'href="{workshop.slug}/"' not in past_part
    for workshop in project.offer.past(TODAY):
        assert f'href="{workshop.slug}/"' in past_part
    assert 'href="webcal://sop.swv-duinkust.nl/aanbod/workshops.ics"' in html
    assert 'href="../workshops.ics"' in html
    times = outline(built / "aanbod/workshops/index.html").times
    assert "2026-12-09T15:30:00+01:00" in times
    past_page = (built / "aanbod/workshops/rust-in-de-klas/index.html").read_text(encoding="utf-8")
    assert "is geweest" in past_page
    assert "Aanmelden voor" not in past_page


def test_published_feed_holds_only_upcoming_workshops(built: Path, project):
    calendar = parse_feed((built / "aanbod/workshops.ics").read_bytes())
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    expected = sorted(
        f"workshop-{w.slug}@sop.swv-duinkust.nl" for w in project.offer.upcoming(TODAY)
    )
    assert uids == expected


def test_internal_notes_and_comments_of_the_offer_never_reach_the_site(sample: Path):
    markers: list[str] = []
    for file in sorted((sample / "content/aanbod").rglob("*.md")):
        text = re.sub(r"^interne_notitie:.*$\n", "", file.read_text(encoding="utf-8"), flags=re.M)
        markers += [f"AANBODGEHEIM{len(markers):03d}XQ", f"AANBODGEHEIM{len(markers) + 1:03d}XQ"]
        text = text.replace("---\n", f"---\ninterne_notitie: {markers[-2]} alleen voor ons\n", 1)
        text += f"\n<!-- {markers[-1]} interne opmerking -->\n"
        file.write_text(text, encoding="utf-8")
    assert len(markers) == 2 * 15
    project = load_project(sample, TODAY)
    assert project.errors == []
    secrets = " ".join(internal_texts(project))
    assert all(m in secrets for m in markers)  # so the post-build leak check looks for them
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    site = sample / "site"
    text = "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.suffix in (".html", ".ics", ".xml", ".json", ".js")
    )
    assert "Samen met ouders" in text
    assert [m for m in markers if m in text] == []


def test_markup_in_an_offer_text_is_not_live(sample: Path):
    file = sample / "content/aanbod/verhalen/samen-spelen-op-het-plein.md"
    attack = (
        "\n<script>alert('xss-script')</script>\n\n[Klik hier](javascript:alert('xss-link'))\n\n"
        "<img src=x onerror=\"alert('xss-img')\">\n"
    )
    file.write_text(file.read_text(encoding="utf-8") + attack, encoding="utf-8")
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    page = (sample / "site/aanbod/verhalen/samen-spelen-op-het-plein/index.html").read_text(
        encoding="utf-8"
    )
    parser = LiveCode()
    parser.feed(page)
    assert parser.found == []
    assert "javascript:" not in page
    # HTML written in Markdown is shown as the text it is; the link keeps only its words
    assert "<p>&lt;script&gt;alert('xss-script')&lt;/script&gt;</p>" in page
    assert "<p>Klik hier)</p>" in page


def test_site_without_offer_still_builds_with_empty_offer_pages(sample: Path):
    shutil.rmtree(sample / "content/aanbod")
    (sample / "site_config/aanbod.yaml").unlink()
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    page = (sample / "site/aanbod/workshops/index.html").read_text(encoding="utf-8")
    assert "geen workshops gepland" in page
    assert parse_feed((sample / "site/aanbod/workshops.ics").read_bytes()).walk("VEVENT") == []


# --- network groups: meeting dates, and a calendar file per group and per workshop ----------


def test_network_meetings_are_read_in_order_and_split_by_the_build_date(project):
    groups = {n.slug: n for n in project.offer.networks}
    noord = groups["ib-netwerk-noord"]
    assert [m.starts for m in noord.meetings()] == sorted(m.starts for m in noord.meetings())
    upcoming, past = noord.upcoming_meetings(TODAY), noord.past_meetings(TODAY)
    assert [m.day for m in past] == [date(2026, 10, 6)]
    assert [m.day for m in upcoming][:1] == [date(2026, 12, 8)]
    assert len(upcoming) + len(past) == len(noord.meetings()) == 5
    assert upcoming[0].place == "Kindcentrum De Zeester, Duinwijk"
    assert upcoming[0].topic == "Het nieuwe ondersteuningsplan"
    # A group without dates stays valid: the field is optional (no migration needed).
    assert groups["netwerk-gedrag"].meetings() == []


def test_an_empty_meetings_field_is_no_meetings(sample: Path):
    file = sample / "content/aanbod/netwerkgroepen/netwerk-gedrag.md"
    file.write_text(
        file.read_text(encoding="utf-8").replace("email:", "bijeenkomsten:\nemail:", 1),
        encoding="utf-8",
    )
    project = load_project(sample, TODAY)
    assert [i for i in project.issues if i.path.startswith("content/aanbod")] == []
    group = next(n for n in project.offer.networks if n.slug == "netwerk-gedrag")
    assert group.meetings() == []


def test_a_meeting_that_ends_before_it_starts_names_its_field(sample: Path):
    file = sample / "content/aanbod/netwerkgroepen/ib-netwerk-noord.md"
    text = file.read_text(encoding="utf-8")
    wrong = text.replace(
        "  - datum: 2027-02-09\n    begin: 15:30\n    einde: 17:00\n",
        ("  - datum: 2027-02-09\n    begin: 17:00\n    einde: 15:30\n"),
    )
    assert wrong != text
    file.write_text(wrong, encoding="utf-8")
    found = [i for i in load_project(sample, TODAY).issues if i.code == "SOP722"]
    line = wrong.split("\n").index("    einde: 15:30") + 1
    assert [(i.path, i.line, i.field) for i in found] == [
        ("content/aanbod/netwerkgroepen/ib-netwerk-noord.md", line, "bijeenkomsten[3].einde")
    ]


def test_every_workshop_and_network_group_has_its_own_calendar_file(built: Path, project):
    feed = parse_feed((built / "aanbod/workshops.ics").read_bytes())
    in_feed = {str(e["UID"]) for e in feed.walk("VEVENT")}
    for workshop in project.offer.workshops:
        events = parse_feed((built / f"aanbod/workshops/{workshop.slug}.ics").read_bytes()).walk(
            "VEVENT"
        )
        assert len(events) == 1, workshop.slug  # also once it is over: the file of its page
        (event,) = events
        start = event.decoded("DTSTART")
        assert (start.date(), start.time()) == (workshop.front.day, workshop.front.start)
        assert event.decoded("DTEND").time() == workshop.front.end
        assert str(event["LOCATION"]) == workshop.front.place
        uid = f"workshop-{workshop.slug}@sop.swv-duinkust.nl"
        assert str(event["UID"]) == uid
        assert (uid in in_feed) == (workshop in project.offer.upcoming(TODAY))  # same event
    for group in project.offer.networks:
        data = (built / f"aanbod/netwerkgroepen/{group.slug}.ics").read_bytes()
        calendar = parse_feed(data)
        events = calendar.walk("VEVENT")
        coming = group.upcoming_meetings(TODAY)
        assert [e.decoded("DTSTART").date() for e in events] == [m.day for m in coming]
        for event, meeting in zip(events, coming, strict=True):
            assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
            assert event.decoded("DTSTART").time() == meeting.start
            assert event.decoded("DTEND").time() == meeting.end
            assert str(event["LOCATION"]) == (meeting.place or group.front.place)
            assert str(event["SUMMARY"]).startswith(group.front.title)
            assert str(event["URL"]).endswith(f"/aanbod/netwerkgroepen/{group.slug}/")
        assert len({str(e["UID"]) for e in events}) == len(events)
        assert str(calendar["X-WR-CALNAME"]) == f"{group.front.title} (SWV Duinkust)"
    noord = parse_feed((built / "aanbod/netwerkgroepen/ib-netwerk-noord.ics").read_bytes())
    assert len(noord.walk("VEVENT")) == 4  # the meeting of 6 October is over


def test_a_group_calendar_follows_the_build_date_and_is_reproducible(project):
    from sop_builder.project.offer.kinds import NETWORKS
    from sop_builder.site.ical import item_calendar

    swv, offer = project.config.swv, project.offer
    noord = next(n for n in offer.networks if n.slug == "ib-netwerk-noord")
    first = item_calendar(NETWORKS, noord, offer, swv, TODAY)
    assert first == item_calendar(NETWORKS, noord, offer, swv, TODAY)
    later = item_calendar(NETWORKS, noord, offer, swv, date(2027, 4, 14))
    assert [e.decoded("DTSTART").date() for e in parse_feed(later).walk("VEVENT")] == [
        date(2027, 6, 8)
    ]


def test_offer_pages_link_their_calendar_files(built: Path):
    workshop = (built / "aanbod/workshops/samen-met-ouders/index.html").read_text(encoding="utf-8")
    assert 'href="../samen-met-ouders.ics" download' in workshop
    assert "Zet deze workshop in uw agenda" in workshop
    group = (built / "aanbod/netwerkgroepen/ib-netwerk-noord/index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="../ib-netwerk-noord.ics" download' in group
    assert 'href="webcal://sop.swv-duinkust.nl/aanbod/netwerkgroepen/ib-netwerk-noord.ics"' in group
    times = outline(built / "aanbod/netwerkgroepen/ib-netwerk-noord/index.html").times
    assert "2026-12-08T15:30:00+01:00" in times
    assert "2026-10-06T15:30:00+02:00" in times
    listing = (built / "aanbod/netwerkgroepen/index.html").read_text(encoding="utf-8")
    assert "Volgende bijeenkomst" in listing
    assert "2026-12-08T15:30:00+01:00" in listing
    empty = (built / "aanbod/netwerkgroepen/netwerk-gedrag/index.html").read_text(encoding="utf-8")
    assert "staan nog niet op de site" in empty


# --- 'u' on every page: the SWV's texts that say 'je' to a teacher ---------------------------


def test_an_offer_text_that_says_je_gets_one_warning_at_its_first_place(sample: Path):
    file = sample / "content/aanbod/workshops/samen-met-ouders.md"
    text = file.read_text(encoding="utf-8")
    planted = text.replace(
        "oefent u gesprekken waarin u samen", "oefen je gesprekken waarin jij samen"
    )
    planted = planted.replace("plaatsen: 24\n", "plaatsen: 24\ninterne_notitie: Vraag of je mag.\n")
    assert planted.count(" je ") == 2
    file.write_text(planted, encoding="utf-8")
    project = load_project(sample, TODAY)
    found = [i for i in project.issues if i.code == "SOP745"]
    line = planted.split("\n").index(next(x for x in planted.split("\n") if "oefen je" in x)) + 1
    assert [(i.path, i.line, i.severity.value) for i in found] == [
        ("content/aanbod/workshops/samen-met-ouders.md", line, "waarschuwing")
    ]
    assert "'je'" in found[0].message
    assert "nog 1 keer" in found[0].message
    assert project.errors == []  # the text is shown as written: a warning, never an error
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    page = (sample / "site/aanbod/workshops/samen-met-ouders/index.html").read_text(
        encoding="utf-8"
    )
    assert "oefen je gesprekken waarin jij samen" in page


def test_a_story_quoting_je_and_an_address_with_je_get_no_warning(sample: Path):
    story = (sample / "content/aanbod/verhalen/samen-spelen-op-het-plein.md").read_text(
        encoding="utf-8"
    )
    assert " je " in story  # a quote of what someone said: stories are not checked
    project = load_project(sample, TODAY)
    assert [i for i in project.issues if i.code == "SOP745"] == []
    workshop = (sample / "content/aanbod/workshops/het-sop-in-je-team.md").read_text(
        encoding="utf-8"
    )
    assert "/sop-in-je-team" in workshop  # an address is not a text that speaks to the reader
