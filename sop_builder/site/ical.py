"""The iCalendar feed of upcoming workshops, for calendar apps to subscribe to.

Times are local Dutch times with TZID=Europe/Amsterdam and a VTIMEZONE for the span of the
events. Everything in the feed follows from the content and the build date, so that two builds
with the same input give the same bytes: the UID is the page's file name at the SWV's host, and
DTSTAMP is the build date at midnight UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from sop_builder.project.model import SwvConfig
from sop_builder.project.offer.model import Offer, OfferItem

TIMEZONE = "Europe/Amsterdam"
MAX_YEARS = 5


def _description(item: OfferItem, offer: Offer) -> str:
    front = item.front
    lines = [
        front.summary,
        "",
        f"Soort: {offer.label(front.kind)}",
        "Voor: " + ", ".join(offer.label(a) for a in front.audiences),
    ]
    if front.places:
        lines.append(f"Aantal plaatsen: {front.places}")
    if front.registration:
        lines.append(f"Aanmelden: {front.registration}")
    return "\n".join(lines)


def _event(
    item: OfferItem, offer: Offer, host: str, stamp: datetime, site_url: str | None
) -> Event:
    zone = ZoneInfo(TIMEZONE)
    front = item.front
    event = Event()
    event.add("uid", f"workshop-{item.slug}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime.combine(front.day, front.start, tzinfo=zone))
    event.add("dtend", datetime.combine(front.day, front.end, tzinfo=zone))
    event.add("summary", front.title)
    event.add("location", front.place)
    event.add("description", _description(item, offer))
    link = f"{site_url.rstrip('/')}/{item.url}" if site_url else front.registration
    if link:
        event.add("url", link)
    return event


def workshops_calendar(
    offer: Offer, swv: SwvConfig, today: date, site_url: str | None = None
) -> bytes:
    """The feed of the workshops on ``today`` or later, as iCalendar bytes (CRLF lines)."""
    host = urlparse(site_url or swv.website).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", f"-//{swv.short_name}//sop-builder//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", f"Workshops {swv.short_name}")
    calendar.add("x-wr-calname", f"Workshops {swv.short_name}")
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    stamp = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    upcoming = offer.upcoming(today)
    for item in upcoming:
        calendar.add_component(_event(item, offer, host, stamp, site_url))
    if upcoming:
        # Only the transitions of the years with events (at most MAX_YEARS): small, and the
        # same for the same input. A date far ahead (a typo such as 2062) keeps the last rule.
        first = upcoming[0].front.day.year
        last = min(upcoming[-1].front.day.year, first + MAX_YEARS)
        calendar.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))
    feed: bytes = calendar.to_ical()  # icalendar's to_ical is not annotated
    return feed
