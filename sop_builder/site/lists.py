"""The finder's static lists: a page per need and per gemeente, and their two overviews.

The lists work without JavaScript (and can be linked from a schoolgids); the finder page
enhances them. A need's list holds exactly the schools whose own declaration for that need is
at a level that counts as offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sop_builder.project.routes import DATA_DIR, Kind, Route, municipality_slug
from sop_builder.site.finder import Finder, FinderEntry, offering, regular_first
from sop_builder.site.finder_data import DIRECT_LIMIT
from sop_builder.site.render import GeneratedPage, Renderer

TO_ROOT_OF_LIST = "../../../"


@dataclass(frozen=True)
class Municipality:
    name: str
    slug: str


def list_links(renderer: Renderer) -> dict[str, Any]:
    """(need, number of schools) and (gemeente, slug, number of schools) for the links."""

    def make() -> dict[str, Any]:
        finder = renderer.finder
        names = sorted({k.municipality for k in renderer.config.swv.kernen})
        return {
            "needs": [(n, len(offering(finder, n.id))) for n in renderer.config.vocabularies.needs],
            "municipalities": [
                (m, municipality_slug(m), sum(e.municipality == m for e in finder.entries))
                for m in names
            ],
        }

    return renderer.memo("list links", make)


def finder_context(renderer: Renderer) -> dict[str, Any]:
    """What the finder page shows beyond the finder itself."""
    vocab = renderer.config.vocabularies
    return {
        "finder": renderer.finder,
        "lists": list_links(renderer),
        "to_root": "../",
        "data_dir": DATA_DIR,
        "direct": len(renderer.finder.entries) <= DIRECT_LIMIT,
        "has_postcodes": renderer.project.postcodes is not None,
        "has_points": any(e.point for e in renderer.finder.entries),
        "yes_no_facts": [f for f in vocab.practical if f.kind == "ja-nee"],
        "example_postcode": example_postcode(renderer),
    }


def example_postcode(renderer: Renderer) -> str:
    """The four digits of the first school's postcode, for a hint."""
    entries = renderer.finder.entries
    return entries[0].postcode[:4] if entries else ""


def _by_municipality(entries: list[FinderEntry]) -> list[tuple[Municipality, list[FinderEntry]]]:
    groups: dict[str, list[FinderEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.municipality, []).append(entry)
    return [(Municipality(name, municipality_slug(name)), groups[name]) for name in sorted(groups)]


def lists_overview(renderer: Renderer, route: Route) -> GeneratedPage:
    """The overview of the lists per need, or per gemeente."""
    content = renderer.render(
        "lists-index.md.j2",
        route=route,
        title=route.title,
        lists=list_links(renderer),
        show="onderwerpen" if route.kind is Kind.NEED_LISTS else "gemeenten",
        to_root="../../",
    )
    return GeneratedPage(route.file, content)


def need_list(renderer: Renderer, route: Route) -> GeneratedPage:
    """The schools that offer one need (``route.key``), by gemeente."""
    finder: Finder = renderer.finder
    vocab = renderer.config.vocabularies
    need = vocab.need(route.key)
    assert need is not None
    entries = offering(finder, need.id)
    declared = sum(1 for e in finder.entries if e.line(need.id) is not None)
    content = renderer.render(
        "need-list.md.j2",
        route=route,
        need=need,
        entries=entries,
        groups=_by_municipality(regular_first(entries)),
        others=declared - len(entries),
        offered_levels=[lv for lv in vocab.levels if lv.offered],
        level_index={lv.id: i for i, lv in enumerate(vocab.levels)},
        to_root=TO_ROOT_OF_LIST,
    )
    return GeneratedPage(route.file, content)


def municipality_list(renderer: Renderer, route: Route) -> GeneratedPage:
    """The schools of one gemeente (``route.key``)."""
    content = renderer.render(
        "municipality-list.md.j2",
        route=route,
        municipality=route.key,
        entries=[e for e in renderer.finder.entries if e.municipality == route.key],
        levels=renderer.config.vocabularies.levels,
        to_root=TO_ROOT_OF_LIST,
    )
    return GeneratedPage(route.file, content)
