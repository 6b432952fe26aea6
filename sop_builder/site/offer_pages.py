"""Render the pages of the SWV's offer (content/aanbod/) and its iCalendar files: the feed of
upcoming workshops and a file per workshop and per network group, each written beside its page
(``ical.calendar_path``) and listed here with the pages."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from sop_builder.project.offer.kinds import OFFER_KINDS
from sop_builder.project.offer.model import OfferItem
from sop_builder.site.ical import (
    FEED_PATH,
    TIMEZONE,
    calendar_path,
    item_calendar,
    workshops_calendar,
)
from sop_builder.site.render import GeneratedPage, Renderer
from sop_builder.site.sanitize import school_html


def local_datetime(day: date, clock: time) -> datetime:
    """A date and time of day as an aware Dutch local time."""
    return datetime.combine(day, clock, ZoneInfo(TIMEZONE))


def calendar_links(site_url: str | None, path: str) -> dict[str, str | None]:
    """The absolute https and webcal addresses of the calendar file ``path`` (from the site
    root; None when the site address is unknown), and its file name, which the page beside it
    links to as ``../<name>``."""
    name = path.rsplit("/", 1)[-1]
    if not site_url:
        return {"https": None, "webcal": None, "name": name}
    https = f"{site_url.rstrip('/')}/{path}"
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1], "name": name}


def feed_links(site_url: str | None) -> dict[str, str | None]:
    """The feed's absolute https and webcal addresses (None when the site address is unknown)."""
    return calendar_links(site_url, FEED_PATH)


def body_html(item: OfferItem) -> Markup:
    """The sanitised body; headings start at h3, because every body sits under an h2."""
    html = item.html or school_html(item.markdown)
    if "<h4>" in html and "<h3>" not in html:
        html = html.replace("<h4>", "<h3>").replace("</h4>", "</h3>")
    return Markup(html)


def offer_pages(renderer: Renderer) -> list[GeneratedPage]:
    """Every page of the offer, plus the feed of upcoming workshops and the calendar file of
    every item whose kind has one."""
    project = renderer.project
    offer = project.offer
    today = project.today
    schools = {s.slug: s for s in project.schools}
    common: dict[str, Any] = {
        "offer": offer,
        "upcoming": offer.upcoming(today),
        "past": offer.past(today),
        "feed": feed_links(renderer.site_url),
        "local_datetime": local_datetime,
        "schools": schools,
    }
    pages = [GeneratedPage("aanbod/index.md", renderer.render("aanbod/index.md.j2", **common))]
    for offer_kind in OFFER_KINDS:
        kind, items = offer_kind.folder, offer_kind.items(offer)
        list_template, item_template = offer_kind.list_template, offer_kind.item_template
        listing = renderer.render(list_template, items=items, **common)
        pages.append(GeneratedPage(f"aanbod/{kind}/index.md", listing))
        for item in items:
            body = body_html(item)
            calendar = None
            if offer_kind.calendar is not None:
                path = calendar_path(item)
                calendar = calendar_links(renderer.site_url, path)
                data = item_calendar(
                    offer_kind, item, offer, renderer.config.swv, today, renderer.site_url
                )
                pages.append(GeneratedPage(path, data))
            content = renderer.render(
                item_template,
                item=item,
                front=item.front,
                body=body,
                calendar=calendar,
                **common,
            )
            pages.append(GeneratedPage(f"aanbod/{kind}/{item.slug}.md", content))
    feed = workshops_calendar(offer, renderer.config.swv, today, renderer.site_url)
    pages.append(GeneratedPage(FEED_PATH, feed))
    return pages
