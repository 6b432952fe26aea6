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
from datetime import time
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.offer import ENDS_BEFORE_START
from sop_builder.core.issues import Issue
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.offer.model import (
    CentreFrontMatter,
    Meeting,
    NetworkFrontMatter,
    Offer,
    OfferFrontMatter,
    OfferItem,
    StoryFrontMatter,
    WorkshopFrontMatter,
)

OFFER_DIR = Path("content/aanbod")
EVENT, MEETINGS = "event", "meetings"  # what an item's calendar file holds (OfferKind.calendar)

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
    # The item's own calendar file (site/ical.py): EVENT, the item is one event (its date and
    # times); MEETINGS, the item's meetings; None, no calendar file.
    calendar: str | None = None
    # Its texts speak to the reader (a teacher): check warns where they say 'je' instead of
    # 'u' (SOP745, plain_language.py). A story tells what others said, and is not checked.
    speaks_to_reader: bool = True

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


def _ends_before_start(
    start: time, end: time, place: tuple[str | int, ...], tree: YamlTree, path: str
) -> list[Issue]:
    """SOP722 at the end time ``place`` unless ``end`` is after ``start``."""
    if end > start:
        return []
    # The field as messages name it: 'bijeenkomsten[2].einde' for the second meeting.
    name = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in place).lstrip(".")
    shown = {"start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
    return [ENDS_BEFORE_START.at(path, tree.value_pos(place), field=name, **shown)]


def end_after_start(front: WorkshopFrontMatter, tree: YamlTree, path: str) -> list[Issue]:
    """A workshop ends after it begins (SOP722)."""
    return _ends_before_start(front.start, front.end, (front.key("end"),), tree, path)


def meetings_end_after_start(front: NetworkFrontMatter, tree: YamlTree, path: str) -> list[Issue]:
    """Each meeting of a network group ends after it begins (SOP722)."""
    key, end = front.key("meetings"), Meeting.key("end")
    issues: list[Issue] = []
    for index, meeting in enumerate(front.meetings):
        issues += _ends_before_start(meeting.start, meeting.end, (key, index, end), tree, path)
    return issues


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
    checks=(meetings_end_after_start,),
    calendar=MEETINGS,
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
    calendar=EVENT,
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
    speaks_to_reader=False,
)

OFFER_KINDS: tuple[OfferKind, ...] = (NETWORKS, CENTRES, WORKSHOPS, STORIES)


def all_items(offer: Offer) -> list[OfferItem]:
    """Every item of ``offer``, kind by kind (in the order they were read)."""
    return [item for items in offer.lists.values() for item in items]
