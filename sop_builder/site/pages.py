"""Render the public site from its route table (project/routes.py): one renderer per kind of
route, all with the one Renderer of the build, and the navigation."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sop_builder.project.project import Project
from sop_builder.project.routes import DATA_DIR, Kind, Route, RouteTable, routes_of
from sop_builder.project.translations import Language
from sop_builder.site import figures_page, finder_data, kernen, lists, offer_pages, poster
from sop_builder.site.finder import Finder
from sop_builder.site.qrcode import prepare_qr_codes
from sop_builder.site.render import GeneratedPage, Renderer
from sop_builder.site.sanitize import page_title


def _fixed_context(renderer: Renderer, route: Route) -> dict[str, Any]:
    """What a fixed page shows beyond the shared context."""
    if route.kind is Kind.HOME:
        return {
            "schools": renderer.schools,
            "pending": len(renderer.project.pending),  # schools whose profile follows
            "lists": lists.list_links(renderer),
            "has_postcodes": renderer.project.postcodes is not None,
            "example_postcode": lists.example_postcode(renderer),
        }
    if route.kind is Kind.FINDER:
        return lists.finder_context(renderer)
    if route.kind is Kind.COMPARE:
        return {"data_dir": DATA_DIR}
    if route.kind is Kind.GLOSSARY:
        return {"terms": renderer.glossary_terms()}
    return {}


def fixed_page(renderer: Renderer, route: Route) -> GeneratedPage:
    """A page of the registry of fixed pages (home, finder, basisondersteuning, ...)."""
    assert route.template is not None
    content = renderer.render(route.template, route=route, **_fixed_context(renderer, route))
    return GeneratedPage(route.file, content)


def school_page(renderer: Renderer, route: Route) -> GeneratedPage:
    """The page of one school, rendered where it is written (see `GeneratedPage`)."""
    school = renderer.schools_by_slug[route.key]
    return GeneratedPage(
        route.file,
        render=renderer.deferred(
            "school.md.j2", school, lambda s: {"route": route, **renderer.school_context(s)}
        ),
    )


def pending_page(renderer: Renderer, route: Route) -> GeneratedPage:
    """The short page of a school whose profile follows: its facts and whom to ask."""
    project = renderer.project
    facts = renderer.memo("pending", lambda: {f.slug: f for f in project.pending})[route.key]
    kern = renderer.config.swv.kern(facts.kern) if facts.kern else None
    content = renderer.render(route.template or "", route=route, facts=facts, kern=kern)
    return GeneratedPage(route.file, content)


RENDERERS: dict[Kind, Callable[[Renderer, Route], GeneratedPage]] = {
    Kind.HOME: fixed_page,
    Kind.FINDER: fixed_page,
    Kind.COMPARE: fixed_page,
    Kind.PAGE: fixed_page,
    Kind.GLOSSARY: fixed_page,
    Kind.KERNEN: kernen.kernen_page,
    Kind.KERN: kernen.kern_page,
    Kind.OFFER: offer_pages.offer_overview,
    Kind.OFFER_LIST: offer_pages.offer_list,
    Kind.OFFER_ITEM: offer_pages.offer_item,
    Kind.FEED: offer_pages.feed,
    Kind.ITEM_CALENDAR: offer_pages.offer_item_calendar,
    Kind.SCHOOL: school_page,
    Kind.SCHOOL_PENDING: pending_page,
    Kind.POSTER: poster.poster_page,
    Kind.NEED_LISTS: lists.lists_overview,
    Kind.MUNICIPALITY_LISTS: lists.lists_overview,
    Kind.NEED_LIST: lists.need_list,
    Kind.MUNICIPALITY_LIST: lists.municipality_list,
    Kind.FINDER_INDEX: finder_data.index_file,
    Kind.FINDER_NEED: finder_data.need_data_file,
    Kind.FINDER_SCHOOL: finder_data.school_data_file,
    Kind.FINDER_POSTCODES: finder_data.postcodes_file,
    Kind.FIGURES: figures_page.figures_page,
}


def public_pages(
    project: Project,
    templates: Path,
    site_url: str | None = None,
    routes: Iterable[Route] | None = None,
    finder: Finder | None = None,
    language: Language | None = None,
) -> list[GeneratedPage]:
    """The staged pages of ``routes`` (default: every route of ``project``'s site), rendered
    with the templates in ``templates``. ``finder``: the project's finder, if made already;
    ``language``: the language of the pages (None: Dutch)."""
    chosen = [r for r in (routes_of(project) if routes is None else routes) if r.staged]
    renderers: dict[str, Renderer] = {}

    def renderer_for(route: Route) -> Renderer:
        code = route.language
        if code not in renderers:
            shown = language if not code else project.languages[code]
            made = renderers.get("")
            renderers[code] = Renderer(
                project, templates, site_url, finder or (made.finder if made else None), shown
            )
        return renderers[code]

    first = renderer_for(chosen[0]) if chosen else Renderer(project, templates, site_url, finder)
    if first.site_url:  # every school page and poster shows the QR code of its address
        urls = (first.site_url + r.path for r in chosen if r.kind is Kind.SCHOOL)
        prepare_qr_codes(urls, project.root)
    pages = []
    for route in chosen:
        renderer = renderer_for(route)
        before = renderer.translator.machine_shown
        page = RENDERERS[route.kind](renderer, route)
        if route.language:
            labelled = renderer.translator.machine_shown > before  # rendered already
            page = in_language(page, route.language, renderer, labelled, route.kind)
        pages.append(page)
    return pages


def _language_note(renderer: Renderer, labels: bool) -> tuple[str, bool]:
    """The note under a page's first heading (_taal.md.j2), with (``labels``) or without the
    sentence that explains the label after a text a computer translated; and whether the note
    itself shows such a text."""
    translator = renderer.translator
    language = renderer.language
    assert language is not None
    file = language.file

    def make() -> tuple[str, bool]:
        before = translator.machine_shown
        note = renderer.render(
            "_taal.md.j2",
            machine=file is not None and file.machine,
            review=file is not None and file.review,
            labels=labels,
            mark=translator.machine_mark() if labels else "",
        ).strip()
        return note, translator.machine_shown > before

    return renderer.memo(f"language-note-{labels}", make)


HEADING_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")  # `# Title { #id }`
TAGS = re.compile(r"<[^>]*>")


def _titled(front: str, heading: str) -> str:
    """``front`` (a page's front matter) with the title its first heading shows in the page's
    language: the engine's <title> and the navigation's label (templates/overrides). Where the
    heading is still Dutch (a text not translated), ``titel_nl`` says so, and the navigation
    marks its label Dutch."""
    text = html.unescape(TAGS.sub("", HEADING_ATTRIBUTES.sub("", heading[2:])))
    lines = [line for line in front.split("\n") if not line.startswith(("title:", "titel_nl:"))]
    lines.insert(0, f"title: {json.dumps(page_title(text), ensure_ascii=False)}")
    if 'lang="nl"' in heading:
        lines.insert(1, "titel_nl: true")
    return "\n".join(lines)


def in_language(
    page: GeneratedPage,
    code: str,
    renderer: Renderer,
    labelled: bool = False,
    kind: Kind | None = None,
) -> GeneratedPage:
    """A page of the site in ``code``: its front matter says so (``taal``, for the theme's
    language and direction: templates/overrides/partials/language.html) and gives the title
    its heading shows in that language (not the home page's: the SWV's name); under that
    heading a note in that language says that it is translated (and when a computer made it,
    or it still needs a native speaker's check: _taal.md.j2). A page that shows a text a
    computer translated in a file that is not machine-made as a whole labels that text
    (render.Translator) and its note says what the label means; ``labelled``: the page, made
    already, showed such a text (a deferred page is counted while it is rendered here)."""
    if not page.src_uri.endswith(".md"):
        return page

    def text() -> str:
        before = renderer.translator.machine_shown
        content = page.text()
        shown = labelled or renderer.translator.machine_shown > before
        note, in_note = _language_note(renderer, labels=False)
        if shown or in_note:
            note, _ = _language_note(renderer, labels=True)
        assert isinstance(content, str)  # a page of Markdown
        if not content.startswith("---\n"):
            return content
        front, _, body = content[4:].partition("\n---\n")
        lines = body.split("\n")
        at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
        if at and kind is not Kind.HOME:
            front = _titled(front, lines[at - 1])
        lines[at:at] = ["", note, ""]
        return f"---\ntaal: {code}\n{front}\n---\n" + "\n".join(lines)

    return GeneratedPage(page.src_uri, render=text)


def navigation(table: RouteTable) -> list[dict[str, Any]]:
    """The site's navigation with the staged files of its pages, in the order of the fixed
    pages (school pages stay out of it)."""
    nav: list[dict[str, Any]] = []
    groups: dict[str, list[dict[str, str]]] = {}
    for route in table.navigation():
        assert route.menu is not None
        entry = {page_title(route.menu): route.file}
        if route.group is None:
            nav.append(entry)
            continue
        if route.group not in groups:
            groups[route.group] = []
            nav.append({page_title(route.group): groups[route.group]})
        groups[route.group].append(entry)
    return nav
