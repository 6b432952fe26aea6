"""The kinds of the SWV's offer: one entry per folder under content/aanbod/.

Everything that differs per kind lives here: the folder (and so the page addresses), the schema
of the front matter (with each field's Dutch title and description, and the lists its choices
come from: ``core/fieldmeta.py``), the checks of a valid item beyond its fields, the Dutch names,
the templates of the pages, the name of its list on ``Offer`` and the order. Reading
(``load.py``), the page paths, the content types, the JSON Schema, the web editor and the pages
all take the kinds from ``OFFER_KINDS``; a new kind is one more entry here, its schema and its two
templates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.offer import ENDS_BEFORE_START
from sop_builder.core.issues import Issue
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.offer.model import (
    CentreFrontMatter,
    NetworkFrontMatter,
    Offer,
    OfferFrontMatter,
    OfferItem,
    StoryFrontMatter,
    WorkshopFrontMatter,
)

OFFER_DIR = Path("content/aanbod")

# A check of one valid item beyond its single fields: (front matter, tree, path) -> problems.
ItemCheck = Callable[[Any, YamlTree, str], list[Issue]]


@dataclass(frozen=True)
class OfferKind:
    """One kind of offer item."""

    folder: str  # content/aanbod/<folder>/<slug>.md; on the site /aanbod/<folder>/<slug>/
    id: str  # one item: the content type (its JSON Schema file) and the item's template
    schema: type[OfferFrontMatter]
    attribute: str  # the name of the list of its items on ``Offer`` (``Offer.of_kind``)
    name: str  # Dutch, what one file is (the content type's title)
    singular: str  # Dutch, the web editor's name for one item
    plural: str  # Dutch, the web editor's name for the list
    body: tuple[str, str]  # Dutch label and hint of the text under the fields (web editor)
    menu: int  # place in the web editor's menu
    sort_key: Callable[[OfferItem], Any]  # the order of the list on the site
    newest_first: bool = False
    list_title: str = ""  # Dutch, the title of the list's page on the site (/aanbod/<folder>/)
    checks: tuple[ItemCheck, ...] = ()  # run by load.py on each item whose fields are valid

    @property
    def directory(self) -> str:
        """The folder of this kind's files, relative to the project."""
        return f"{OFFER_DIR.as_posix()}/{self.folder}"

    @property
    def files(self) -> str:
        """The files of this kind (a glob relative to the project)."""
        return f"{self.directory}/*.md"

    @property
    def list_template(self) -> str:
        return f"aanbod/{self.folder}.md.j2"

    @property
    def item_template(self) -> str:
        return f"aanbod/{self.id}.md.j2"

    def items(self, offer: Offer) -> tuple[OfferItem, ...]:
        """This kind's items in ``offer``, in the order of the site."""
        return offer.of_kind(self.attribute)

    def ordered(self, items: list[OfferItem]) -> tuple[OfferItem, ...]:
        return tuple(sorted(items, key=self.sort_key, reverse=self.newest_first))


def _by_title(item: OfferItem) -> str:
    front: OfferFrontMatter = item.front  # every kind's front matter has a title
    return front.title.lower()


def end_after_start(front: WorkshopFrontMatter, tree: YamlTree, path: str) -> list[Issue]:
    """A workshop ends after it begins (SOP722)."""
    if front.end > front.start:
        return []
    key = WorkshopFrontMatter.key("end")
    start, end = front.start.strftime("%H:%M"), front.end.strftime("%H:%M")
    return [ENDS_BEFORE_START.at(path, tree.value_pos((key,)), field=key, end=end, start=start)]


NETWORKS = OfferKind(
    "netwerkgroepen",
    "netwerkgroep",
    NetworkFrontMatter,
    "networks",
    name="Netwerkgroep",
    singular="Netwerkgroep",
    plural="Netwerkgroepen",
    list_title="Netwerkgroepen",
    body=("Beschrijving", "Voor wie is de groep en wat doet u samen?"),
    menu=3,
    sort_key=_by_title,
)
CENTRES = OfferKind(
    "expertisecentra",
    "expertisecentrum",
    CentreFrontMatter,
    "centres",
    name="Expertisecentrum",
    singular="Expertisecentrum",
    plural="Expertisecentra",
    list_title="Expertisecentra",
    body=("Beschrijving", "Waarmee kan het centrum scholen helpen?"),
    menu=4,
    sort_key=_by_title,
)
WORKSHOPS = OfferKind(
    "workshops",
    "workshop",
    WorkshopFrontMatter,
    "workshops",
    name="Workshop, training of studiemiddag",
    singular="Workshop",
    plural="Workshops en trainingen",
    list_title="Workshops en scholing",
    body=("Beschrijving", "Wat leren de deelnemers? Schrijf kort en in gewone woorden."),
    menu=1,
    sort_key=lambda item: (item.starts, item.slug),  # by date and start time
    checks=(end_after_start,),
)
STORIES = OfferKind(
    "verhalen",
    "verhaal",
    StoryFrontMatter,
    "stories",
    name="Verhaal uit de praktijk",
    singular="Verhaal",
    plural="Verhalen uit de praktijk",
    list_title="Verhalen",
    body=("Het verhaal", "Vertel wat de scholen doen en wat het kinderen oplevert."),
    menu=2,
    sort_key=lambda item: (item.front.published, item.slug),
    newest_first=True,
)

OFFER_KINDS: tuple[OfferKind, ...] = (NETWORKS, CENTRES, WORKSHOPS, STORIES)


def all_items(offer: Offer) -> list[OfferItem]:
    """Every item of ``offer``, kind by kind (in the order they were read)."""
    return [item for items in offer.lists.values() for item in items]
