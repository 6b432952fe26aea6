"""Render the pages of the SWV's offer (content/aanbod/) and its iCalendar feed."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from sop_builder.project.offer.kinds import OFFER_KINDS, OfferKind
from sop_builder.project.offer.model import OfferItem
from sop_builder.project.routes import FEED_PATH, Route
from sop_builder.site.ical import TIMEZONE, workshops_calendar
from sop_builder.site.render import GeneratedPage, Renderer
from sop_builder.site.sanitize import school_html


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


def body_html(item: OfferItem) -> Markup:
    """The sanitised body; headings start at h3, because every body sits under an h2."""
    html = item.html or school_html(item.markdown)
    if "<h4>" in html and "<h3>" not in html:
        html = html.replace("<h4>", "<h3>").replace("</h4>", "</h3>")
    return Markup(html)


def _common(renderer: Renderer) -> dict[str, Any]:
    """What every page of the offer shows, made once per build."""

    def make() -> dict[str, Any]:
        project = renderer.project
        offer, today = project.offer, project.today
        return {
            "offer": offer,
            "upcoming": offer.upcoming(today),
            "past": offer.past(today),
            "feed": feed_links(renderer.site_url),
            "local_datetime": local_datetime,
            "schools": {s.slug: s for s in project.schools},
        }

    return renderer.memo("offer", make)


def offer_overview(renderer: Renderer, route: Route) -> GeneratedPage:
    content = renderer.render("aanbod/index.md.j2", route=route, **_common(renderer))
    return GeneratedPage(route.file, content)


def _kind(folder: str) -> OfferKind:
    """The kind of offer whose folder is ``folder`` (the route table makes its routes from
    the same registry)."""
    return next(kind for kind in OFFER_KINDS if kind.folder == folder)


def offer_list(renderer: Renderer, route: Route) -> GeneratedPage:
    """The list of one kind of offer (``route.key``: its folder)."""
    kind = _kind(route.key)
    items = kind.items(renderer.project.offer)
    content = renderer.render(kind.list_template, route=route, items=items, **_common(renderer))
    return GeneratedPage(route.file, content)


def offer_item(renderer: Renderer, route: Route) -> GeneratedPage:
    """The page of one item of the offer (``route.key``: ``<folder>/<slug>``)."""
    folder, slug = route.key.split("/")
    kind = _kind(folder)
    item = next(i for i in kind.items(renderer.project.offer) if i.slug == slug)
    content = renderer.render(
        kind.item_template,
        route=route,
        item=item,
        front=item.front,
        body=body_html(item),
        **_common(renderer),
    )
    return GeneratedPage(route.file, content)


def feed(renderer: Renderer, route: Route) -> GeneratedPage:
    """The iCalendar feed of upcoming workshops."""
    project = renderer.project
    calendar = workshops_calendar(
        project.offer, renderer.config.swv, project.today, renderer.site_url
    )
    return GeneratedPage(route.file, calendar)
