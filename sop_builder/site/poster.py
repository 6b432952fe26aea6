"""Pages for paper: the leraarposter of each school (one landscape A4 for the staff room).

The school page itself prints through templates/assets/stylesheets/print.css; its printed
footer (address, date, QR code) is in templates/pages/school-print.md.j2.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from sop_builder.project.model import School
from sop_builder.project.routes import Route, school_path
from sop_builder.site.render import GeneratedPage, Renderer
from sop_builder.site.sanitize import school_html

MAX_LIMITS = 4  # the poster shows at most this many grenzen; the page has them all
_LIST = re.compile(r"<(ul|ol)>(.*?)</\1>", re.DOTALL)
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def limits_in_short(markdown_text: str, html: str = "") -> tuple[list[Markup], bool]:
    """The grenzen in short: the items of the first list, else the first paragraph.

    ``html`` is the text already rendered, if it was. Returns the items (sanitised HTML) and
    whether some were left out.
    """
    html = html or school_html(markdown_text)
    found = _LIST.search(html)
    if found:
        items = [i.strip() for i in _ITEM.findall(found.group(2))]
    else:
        first = _PARAGRAPH.search(html)
        items = [first.group(1).strip()] if first else []
    return [Markup(i) for i in items[:MAX_LIMITS]], len(items) > MAX_LIMITS


def poster_page(renderer: Renderer, route: Route) -> GeneratedPage:
    """The poster of one school (``route.key``), rendered where it is written."""

    def context(school: School) -> dict[str, Any]:
        grenzen = school.section("grenzen")
        text, html = (grenzen.markdown, grenzen.html) if grenzen else ("", "")
        limits, more = limits_in_short(text, html)
        return {
            **renderer.school_context(school, sections=False),  # the poster shows no texts
            "route": route,
            "limits": limits,
            "more_limits": more,
            "page_url": renderer.site_url + school_path(school.slug),
        }

    school = renderer.schools_by_slug[route.key]
    return GeneratedPage(route.file, render=renderer.deferred("poster.md.j2", school, context))
