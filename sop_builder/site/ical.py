"""iCalendar files of the offer, for calendar apps: the feed of upcoming workshops, one file per
workshop and one per network group (its upcoming meetings), each at the address the route table
(project/routes.py) gives it.

Times are local Dutch times with TZID=Europe/Amsterdam and a VTIMEZONE for the span of the
events. Everything in a file follows from the content and the build date, so that two builds
with the same input give the same bytes: the UID is made of the page's file name (and the
meeting's date) at the SWV's host, and DTSTAMP is the build date at midnight UTC. A workshop has
the same UID in the feed and in its own file, so a calendar that has both shows it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from sop_builder.project.model import SwvConfig
from sop_builder.project.offer.kinds import MEETINGS, OfferKind
from sop_builder.project.offer.model import Meeting, Offer, OfferItem

TIMEZONE = "Europe/Amsterdam"
MAX_YEARS = 5


@dataclass(frozen=True)
class Occasion:
    """One event of a calendar file: when, where and what, in the words of the site."""

    uid: str  # unique at the SWV's host
    day: date
    start: time
    end: time
    title: str
    place: str | None
    description: str
    item: OfferItem  # the page it belongs to (its address is the event's URL)


def _audiences(item: OfferItem, offer: Offer) -> str:
    return "Voor: " + ", ".join(offer.label(a) for a in item.front.audiences)


def _workshop_description(item: OfferItem, offer: Offer) -> str:
    front = item.front
    lines = [front.summary, "", f"Soort: {offer.label(front.kind)}", _audiences(item, offer)]
    if front.places:
        lines.append(f"Aantal plaatsen: {front.places}")
    if front.registration:
        lines.append(f"Aanmelden: {front.registration}")
    return "\n".join(lines)


def workshop_occasion(item: OfferItem, offer: Offer) -> Occasion:
    front = item.front
    return Occasion(
        f"workshop-{item.slug}",
        front.day,
        front.start,
        front.end,
        front.title,
        front.place,
        _workshop_description(item, offer),
        item,
    )


def meeting_occasion(item: OfferItem, meeting: Meeting, offer: Offer) -> Occasion:
    """One meeting of a network group as an event: the group's name (and the meeting's topic),
    at the meeting's place or else the group's."""
    front = item.front
    title = f"{front.title}: {meeting.topic}" if meeting.topic else front.title
    lines = [front.summary, ""]
    if meeting.topic:
        lines.append(f"Onderwerp: {meeting.topic}")
    lines.append(_audiences(item, offer))
    if front.registration:
        lines.append(f"Aanmelden: {front.registration}")
    if front.email:
        lines.append(f"Contact: {front.email}")
    return Occasion(
        f"netwerkgroep-{item.slug}-{meeting.day.isoformat()}-{meeting.start.strftime('%H%M')}",
        meeting.day,
        meeting.start,
        meeting.end,
        title,
        meeting.place or front.place,
        "\n".join(lines),
        item,
    )


def _event(occasion: Occasion, host: str, stamp: datetime, site_url: str | None) -> Event:
    zone = ZoneInfo(TIMEZONE)
    event = Event()
    event.add("uid", f"{occasion.uid}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime.combine(occasion.day, occasion.start, tzinfo=zone))
    event.add("dtend", datetime.combine(occasion.day, occasion.end, tzinfo=zone))
    event.add("summary", occasion.title)
    if occasion.place:
        event.add("location", occasion.place)
    event.add("description", occasion.description)
    registration = getattr(occasion.item.front, "registration", None)
    link = f"{site_url.rstrip('/')}/{occasion.item.url}" if site_url else registration
    if link:
        event.add("url", link)
    return event


def _calendar(
    name: str,
    occasions: Sequence[Occasion],
    swv: SwvConfig,
    today: date,
    site_url: str | None,
) -> bytes:
    """A calendar called ``name`` with ``occasions`` (in date order), as iCalendar bytes."""
    host = urlparse(site_url or swv.website).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", f"-//{swv.short_name}//sop-builder//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    stamp = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    for occasion in occasions:
        calendar.add_component(_event(occasion, host, stamp, site_url))
    if occasions:
        # Only the transitions of the years with events (at most MAX_YEARS): small, and the
        # same for the same input. A date far ahead (a typo such as 2062) keeps the last rule.
        first = occasions[0].day.year
        last = min(occasions[-1].day.year, first + MAX_YEARS)
        calendar.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))
    feed: bytes = calendar.to_ical()  # icalendar's to_ical is not annotated
    return feed


def workshops_calendar(
    offer: Offer, swv: SwvConfig, today: date, site_url: str | None = None
) -> bytes:
    """The feed of the workshops on ``today`` or later, as iCalendar bytes (CRLF lines)."""
    occasions = [workshop_occasion(item, offer) for item in offer.upcoming(today)]
    return _calendar(f"Workshops {swv.short_name}", occasions, swv, today, site_url)


def item_calendar(
    kind: OfferKind,
    item: OfferItem,
    offer: Offer,
    swv: SwvConfig,
    today: date,
    site_url: str | None = None,
) -> bytes:
    """The calendar file of one item of ``kind`` (whose ``calendar`` is set): one event (a
    workshop, also once it is over: the file belongs to its page), or the item's meetings on
    ``today`` or later (a network group)."""
    if kind.calendar == MEETINGS:
        occasions = [meeting_occasion(item, m, offer) for m in item.upcoming_meetings(today)]
    else:
        occasions = [workshop_occasion(item, offer)]
    name = f"{item.front.title} ({swv.short_name})"
    return _calendar(name, occasions, swv, today, site_url)
