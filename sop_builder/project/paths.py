"""Paths of generated pages that more than one part of the program needs to know."""

from __future__ import annotations

import re

from sop_builder.core.text import slugify
from sop_builder.project.model import SwvConfig
from sop_builder.project.offer.kinds import OFFER_KINDS, all_items
from sop_builder.project.offer.model import Offer

# Pages the site always has besides school, kern and offer pages (see rendering.Renderer.pages).
ADMIN_DIR = "admin"  # the web editor (editor/admin.py)
FIXED_PAGES = (
    "/",
    "/scholen/",
    "/basisondersteuning/",
    "/zoeken/",
    "/woordenlijst/",
    "/over-passend-onderwijs/",
    "/toegankelijkheid/",
    "/privacy/",
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
