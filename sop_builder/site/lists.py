"""The finder's static lists: a page per need and per gemeente, and the finder's data files.

The lists work without JavaScript (and can be linked from a schoolgids); the finder page
enhances them. A need's list holds exactly the schools whose own declaration for that need is
at a level that counts as offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sop_builder.core.text import slugify
from sop_builder.project.paths import MUNICIPALITY_LISTS, NEED_LISTS
from sop_builder.site.finder import Finder, FinderEntry, offering, regular_first
from sop_builder.site.finder_data import DATA_DIR, DIRECT_LIMIT, finder_files
from sop_builder.site.render import GeneratedPage, Renderer

TO_ROOT_OF_LIST = "../../../"


@dataclass(frozen=True)
class Municipality:
    name: str
    slug: str


def list_links(renderer: Renderer) -> dict[str, Any]:
    """(need, number of schools) and (gemeente, slug, number of schools) for the links."""
    finder = renderer.finder
    names = sorted({k.municipality for k in renderer.config.swv.kernen})
    return {
        "needs": [(n, len(offering(finder, n.id))) for n in renderer.config.vocabularies.needs],
        "municipalities": [
            (m, slugify(m, fallback="gemeente"), sum(e.municipality == m for e in finder.entries))
            for m in names
        ],
    }


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
    return [
        (Municipality(name, slugify(name, fallback="gemeente")), groups[name])
        for name in sorted(groups)
    ]


def list_pages(renderer: Renderer) -> list[GeneratedPage]:
    """The two overviews, a list per need and per gemeente, and the finder's data files."""
    finder: Finder = renderer.finder
    config = renderer.config
    vocab = config.vocabularies
    links = list_links(renderer)
    pages = [
        GeneratedPage(
            f"scholen/{NEED_LISTS}/index.md",
            renderer.render(
                "lists-index.md.j2",
                title="Scholen per onderwerp",
                lists=links,
                show="onderwerpen",
                to_root="../../",
            ),
        ),
        GeneratedPage(
            f"scholen/{MUNICIPALITY_LISTS}/index.md",
            renderer.render(
                "lists-index.md.j2",
                title="Scholen per gemeente",
                lists=links,
                show="gemeenten",
                to_root="../../",
            ),
        ),
    ]
    level_index = {lv.id: i for i, lv in enumerate(vocab.levels)}
    for need in vocab.needs:
        entries = offering(finder, need.id)
        declared = sum(1 for e in finder.entries if e.line(need.id) is not None)
        content = renderer.render(
            "need-list.md.j2",
            need=need,
            entries=entries,
            groups=_by_municipality(regular_first(entries)),
            others=declared - len(entries),
            offered_levels=[lv for lv in vocab.levels if lv.offered],
            level_index=level_index,
            to_root=TO_ROOT_OF_LIST,
        )
        pages.append(GeneratedPage(f"scholen/{NEED_LISTS}/{need.id}.md", content))
    for name, slug, _count in links["municipalities"]:
        content = renderer.render(
            "municipality-list.md.j2",
            municipality=name,
            entries=[e for e in finder.entries if e.municipality == name],
            levels=vocab.levels,
            to_root=TO_ROOT_OF_LIST,
        )
        pages.append(GeneratedPage(f"scholen/{MUNICIPALITY_LISTS}/{slug}.md", content))
    pages += finder_files(finder, config, renderer.project.postcodes)
    return pages
