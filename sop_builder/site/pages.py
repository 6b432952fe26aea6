"""Plan the public site: every page, rendered by the one Renderer of the build, and the navigation."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from sop_builder.project.model import School, SwvConfig
from sop_builder.project.paths import FIXED_PAGES, GROUPING, FixedPage, grouping_path
from sop_builder.project.project import Project
from sop_builder.project.redirects import school_path
from sop_builder.site.finder_data import DATA_DIR
from sop_builder.site.kernen import kern_pages
from sop_builder.site.lists import (
    example_postcode,
    finder_context,
    list_links,
    list_pages,
)
from sop_builder.site.offer_pages import offer_pages
from sop_builder.site.poster import poster_pages
from sop_builder.site.qrcode import prepare_qr_codes
from sop_builder.site.render import GeneratedPage, Renderer
from sop_builder.site.sanitize import page_title


def _fixed_context(renderer: Renderer, page: FixedPage) -> dict[str, Any]:
    """What a fixed page shows beyond the shared context."""
    if page.path == "/":
        return {
            "schools": renderer.schools,
            "lists": list_links(renderer),
            "has_postcodes": renderer.project.postcodes is not None,
            "example_postcode": example_postcode(renderer),
        }
    if page.path == "/scholen/":
        return finder_context(renderer)
    if page.path == "/vergelijk/":
        return {"data_dir": DATA_DIR}
    if page.path == "/woordenlijst/":
        return {"terms": renderer.glossary_terms()}
    return {}


def school_pages(renderer: Renderer, schools: list[School]) -> list[GeneratedPage]:
    """A page per school at /scholen/<slug>/."""
    if renderer.site_url:  # every school page and poster shows the QR code of its address
        urls = (renderer.site_url + school_path(s.slug) for s in schools)
        prepare_qr_codes(urls, renderer.project.root)
    return [
        GeneratedPage(
            f"scholen/{school.slug}.md",
            render=renderer.deferred("school.md.j2", school, renderer.school_context),
        )
        for school in schools
    ]


def public_pages(
    project: Project,
    templates: Path,
    site_url: str | None = None,
    schools: Collection[str] | None = None,
) -> list[GeneratedPage]:
    """Every page of the public site of ``project``, with the templates in ``templates``.

    With ``schools`` (slugs), the pages of single schools (page, poster) only for those: what
    `serve` renders again after an edit; every page about many schools is always rendered.
    """
    renderer = Renderer(project, templates, site_url)
    single = [s for s in renderer.schools if schools is None or s.slug in schools]
    pages: list[GeneratedPage] = []
    for page in FIXED_PAGES:
        if page.template is not None:
            content = renderer.render(page.template, **_fixed_context(renderer, page))
            pages.append(GeneratedPage(page.source, content))
        elif GROUPING in page.path:
            pages += kern_pages(renderer)
    pages += school_pages(renderer, single)
    pages += list_pages(renderer)
    pages += offer_pages(renderer)
    pages += poster_pages(renderer, single)
    return pages


def navigation(swv: SwvConfig) -> list[dict[str, Any]]:
    """The site's navigation, in the order of the fixed pages (school pages stay out of it)."""
    nav: list[dict[str, Any]] = []
    groups: dict[str, list[dict[str, str]]] = {}
    folder = grouping_path(swv)
    for page in FIXED_PAGES:
        if not page.in_navigation:
            continue
        title = page_title(page.title or swv.grouping.plural.capitalize())
        entry = {title: page.source.replace(GROUPING, folder)}
        if page.group is None:
            nav.append(entry)
            continue
        if page.group not in groups:
            groups[page.group] = []
            nav.append({page_title(page.group): groups[page.group]})
        groups[page.group].append(entry)
    return nav
