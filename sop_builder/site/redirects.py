"""Write the redirect pages (short links and renames) into a built site."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from sop_builder.core.catalogue.build import REDIRECT_NOWHERE, REDIRECT_OVER_PAGE
from sop_builder.core.issues import Issue
from sop_builder.project.redirects import DISPLAY, SHORT_LINK_PREFIX, Redirect
from sop_builder.project.routes import RouteTable


def relative_url(source: str, target: str) -> str:
    """The link from page ``source`` to page ``target``, both site paths ending in '/'."""
    relative = posixpath.relpath(target, source)
    return "./" if relative == "." else relative.rstrip("/") + "/"


def redirect_html(redirect: Redirect, site_url: str | None, title: str) -> str:
    """A small page that sends the visitor on to ``redirect.target``, without script."""
    href = html.escape(relative_url(redirect.source, redirect.target))
    canonical = (
        f'<link rel="canonical" href="{html.escape(site_url.rstrip("/") + redirect.target)}">\n'
        if site_url
        else ""
    )
    name = html.escape(title)
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>Doorverwijzing naar {name}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<link rel="icon" href="data:,">\n'  # no request for /favicon.ico
        f"{canonical}"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n<main>\n<h1>U wordt doorgestuurd</h1>\n"
        f'<p>U gaat nu naar <a href="{href}">{name}</a>. Gebeurt dat niet vanzelf? '
        "Klik dan op de link.</p>\n</main>\n</body>\n</html>\n"
    )


def _origin(redirect: Redirect, table: RouteTable) -> str:
    """The file that asks for ``redirect``: a short link comes from its school's sop.md, a
    rename from site_config/doorverwijzingen.yaml."""
    route = table.by_path.get(redirect.target)
    if redirect.source.startswith(SHORT_LINK_PREFIX) and route is not None:
        return route.source
    return DISPLAY


def write_redirects(
    site: Path, redirects: list[Redirect], site_url: str | None, table: RouteTable
) -> list[Issue]:
    """Write a page for every redirect into ``site``, named after the title of the route it
    leads to; never overwrite a real page.

    Returns problems (empty when all went well): a redirect onto an existing page, or to a
    page that was not built.
    """
    problems = []
    for redirect in redirects:
        page = site / redirect.source.strip("/") / "index.html"
        target = site / redirect.target.strip("/") / "index.html"
        route = table.by_path.get(redirect.target)
        title = route.title if route is not None and route.title else redirect.target
        text = redirect_html(redirect, site_url, title)
        if page.exists() and page.read_text(encoding="utf-8") == text:
            continue  # the same short link in another case, on a case-insensitive disk
        if page.exists():
            problems.append(REDIRECT_OVER_PAGE.at(_origin(redirect, table), source=redirect.source))
        elif not target.is_file():
            problems.append(
                REDIRECT_NOWHERE.at(
                    _origin(redirect, table), source=redirect.source, target=redirect.target
                )
            )
        else:
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")
    return problems
