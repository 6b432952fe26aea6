"""Paths of generated pages that more than one part of the program needs to know."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sop_builder.core.text import slugify
from sop_builder.project.model import SiteConfig, SwvConfig
from sop_builder.project.offer.kinds import OFFER_KINDS, all_items
from sop_builder.project.offer.model import Offer

ADMIN_DIR = "admin"  # the web editor (editor/admin.py)
GROUPING = "{grouping}"  # stands for the folder of the kern pages (see grouping_path)


@dataclass(frozen=True)
class FixedPage:
    """A page every site has, in the order of the navigation.

    ``template`` is None for a page that its own module renders (the kern overview, the offer);
    ``title`` is None where the configuration gives it (the grouping's plural).
    """

    path: str  # address from the site root
    source: str  # the page's source file for the site engine
    template: str | None
    title: str | None
    group: str | None = None  # the navigation group it sits in
    in_navigation: bool = True  # False: reached from other pages only


FIXED_PAGES = (
    FixedPage("/", "index.md", "home.md.j2", "Home"),
    FixedPage("/scholen/", "scholen/index.md", "schools.md.j2", "Vind een school"),
    FixedPage("/vergelijk/", "vergelijk.md", "compare.md.j2", "Vergelijk scholen", None, False),
    FixedPage(f"/{GROUPING}/", f"{GROUPING}/index.md", None, None),
    FixedPage(
        "/basisondersteuning/",
        "basisondersteuning.md",
        "basisondersteuning.md.j2",
        "Basisondersteuning",
    ),
    FixedPage("/niet-eens/", "niet-eens.md", "niet-eens.md.j2", "Niet eens?"),
    FixedPage("/aanbod/", "aanbod/index.md", None, "Aanbod"),
    FixedPage("/zoeken/", "zoeken.md", "zoeken.md.j2", "Zoeken"),
    FixedPage(
        "/over-passend-onderwijs/",
        "over-passend-onderwijs.md",
        "over-passend-onderwijs.md.j2",
        "Over passend onderwijs",
        "Over deze site",
    ),
    FixedPage(
        "/woordenlijst/", "woordenlijst.md", "woordenlijst.md.j2", "Woordenlijst", "Over deze site"
    ),
    FixedPage(
        "/toegankelijkheid/",
        "toegankelijkheid.md",
        "toegankelijkheid.md.j2",
        "Toegankelijkheid",
        "Over deze site",
    ),
    FixedPage("/privacy/", "privacy.md", "privacy.md.j2", "Privacy", "Over deze site"),
)


def url_segment(text: str) -> str:
    """'Kernen' -> 'kernen', "Regio's" -> 'regios': a word usable as a folder in a URL."""
    return slugify(re.sub(r"['’]", "", text), fallback="groepen")


def grouping_path(swv: SwvConfig) -> str:
    """The folder of the kern pages, from the grouping's plural in the configuration."""
    return url_segment(swv.grouping.plural)


def kern_pages(swv: SwvConfig) -> set[str]:
    """The overview of the kernen and a page per kern."""
    folder = grouping_path(swv)
    return {f"/{folder}/", *(f"/{folder}/{k.id}/" for k in swv.kernen)}


def offer_pages_paths(offer: Offer) -> set[str]:
    """The offer's listing pages and a page per item."""
    lists = {f"/aanbod/{kind.folder}/" for kind in OFFER_KINDS}
    return {"/aanbod/", *lists, *(f"/{item.url}" for item in all_items(offer))}


# The static lists of the finder, under /scholen/: one per need and one per gemeente. A school
# folder cannot have these names (its page would be at the same address).
NEED_LISTS = "behoefte"
MUNICIPALITY_LISTS = "gemeente"
RESERVED_SCHOOL_FOLDERS = (NEED_LISTS, MUNICIPALITY_LISTS)


def need_list_path(need_id: str) -> str:
    return f"/scholen/{NEED_LISTS}/{need_id}/"


def municipality_list_path(municipality: str) -> str:
    return f"/scholen/{MUNICIPALITY_LISTS}/{slugify(municipality, fallback='gemeente')}/"


def list_pages(config: SiteConfig) -> set[str]:
    """The overviews of the lists and a list per need and per gemeente of the configuration."""
    needs = {need_list_path(n.id) for n in config.vocabularies.needs}
    places = {municipality_list_path(k.municipality) for k in config.swv.kernen}
    return {f"/scholen/{NEED_LISTS}/", f"/scholen/{MUNICIPALITY_LISTS}/", *needs, *places}
