"""Render the pages of the SWV's offer (content/aanbod/) and its iCalendar feed."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from sop_builder.project.offer.model import Offer, OfferItem
from sop_builder.site.ical import FEED_PATH, TIMEZONE, workshops_calendar
from sop_builder.site.render import GeneratedPage, Renderer
from sop_builder.site.sanitize import school_html

# kind (folder) -> (template of the list, template of one item)
TEMPLATES = {
    "netwerkgroepen": ("aanbod/netwerkgroepen.md.j2", "aanbod/netwerkgroep.md.j2"),
    "expertisecentra": ("aanbod/expertisecentra.md.j2", "aanbod/expertisecentrum.md.j2"),
    "workshops": ("aanbod/workshops.md.j2", "aanbod/workshop.md.j2"),
    "verhalen": ("aanbod/verhalen.md.j2", "aanbod/verhaal.md.j2"),
}


def local_datetime(item: OfferItem, end: bool = False) -> datetime:
    """A workshop's start (or end) as an aware Dutch local time."""
    front = item.front
    return datetime.combine(front.day, front.end if end else front.start, ZoneInfo(TIMEZONE))


def feed_links(site_url: str | None) -> dict[str, str | None]:
    """The feed's absolute https and webcal addresses (None when the site address is unknown)."""
    if not site_url:
        return {"https": None, "webcal": None}
    https = f"{site_url.rstrip('/')}/{FEED_PATH}"
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def body_html(markdown: str) -> Markup:
    """The sanitised body; headings start at h3, because every body sits under an h2."""
    html = school_html(markdown)
    if "<h4>" in html and "<h3>" not in html:
        html = html.replace("<h4>", "<h3>").replace("</h4>", "</h3>")
    return Markup(html)


def _items(offer: Offer, kind: str) -> tuple[OfferItem, ...]:
    return {
        "netwerkgroepen": offer.networks,
        "expertisecentra": offer.centres,
        "workshops": offer.workshops,
        "verhalen": offer.stories,
    }[kind]


def offer_pages(renderer: Renderer) -> list[GeneratedPage]:
    """Every page of the offer, plus the feed of upcoming workshops."""
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
    for kind, (list_template, item_template) in TEMPLATES.items():
        items = _items(offer, kind)
        listing = renderer.render(list_template, items=items, **common)
        pages.append(GeneratedPage(f"aanbod/{kind}/index.md", listing))
        for item in items:
            body = body_html(item.markdown)
            content = renderer.render(
                item_template, item=item, front=item.front, body=body, **common
            )
            pages.append(GeneratedPage(f"aanbod/{kind}/{item.slug}.md", content))
    feed = workshops_calendar(offer, renderer.config.swv, today, renderer.site_url)
    pages.append(GeneratedPage(FEED_PATH, feed))
    return pages
