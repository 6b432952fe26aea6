"""Render the pages of the SWV's offer (content/aanbod/) and its iCalendar files: the feed of
upcoming workshops and a file per workshop and per network group, each written beside its page
(``routes.calendar_path``)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from sop_builder.project.offer.kinds import OFFER_KINDS, OfferKind
from sop_builder.project.offer.model import OfferItem
from sop_builder.project.routes import FEED_PATH, Route, calendar_path
from sop_builder.site.ical import TIMEZONE, item_calendar, workshops_calendar
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


def _item(renderer: Renderer, key: str) -> tuple[OfferKind, OfferItem]:
    """The kind and the item of the offer that ``key`` (``<folder>/<slug>``) names."""
    folder, slug = key.split("/")
    kind = _kind(folder)
    return kind, next(i for i in kind.items(renderer.project.offer) if i.slug == slug)


def offer_item(renderer: Renderer, route: Route) -> GeneratedPage:
    """The page of one item of the offer (``route.key``: ``<folder>/<slug>``), with the links
    to its own calendar file where its kind has one."""
    kind, item = _item(renderer, route.key)
    calendar = None
    if kind.calendar is not None:
        calendar = calendar_links(renderer.site_url, calendar_path(item))
    content = renderer.render(
        kind.item_template,
        route=route,
        item=item,
        front=item.front,
        body=body_html(item),
        calendar=calendar,
        **_common(renderer),
    )
    return GeneratedPage(route.file, content)


def offer_item_calendar(renderer: Renderer, route: Route) -> GeneratedPage:
    """The calendar file of one workshop (its event) or network group (its coming meetings)."""
    kind, item = _item(renderer, route.key)
    project = renderer.project
    data = item_calendar(
        kind, item, project.offer, renderer.config.swv, project.today, renderer.site_url
    )
    return GeneratedPage(route.file, data)


def feed(renderer: Renderer, route: Route) -> GeneratedPage:
    """The iCalendar feed of upcoming workshops."""
    project = renderer.project
    calendar = workshops_calendar(
        project.offer, renderer.config.swv, project.today, renderer.site_url
    )
    return GeneratedPage(route.file, calendar)
