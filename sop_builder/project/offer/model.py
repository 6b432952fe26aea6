"""Schemas and domain objects of the SWV's own offer: network groups, expertise centres,
workshops (professionalisation) and stories of good practice.

Field names are English; the keys people type are the Dutch aliases (as in model.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from sop_builder.core.catalogue.offer import NOT_A_TIME, TIME_WITH_A_DOT
from sop_builder.core.fieldtypes import (
    Date,
    OptionalEmail,
    OptionalPhone,
    OptionalPlainText,
    OptionalPositiveInt,
    OptionalText,
    OptionalUrl,
    PlainText,
    Slug,
    field_error,
)
from sop_builder.project.model import Schema


def _time(value: Any) -> time:
    """'15:30' or '9:00' -> a time of day; anything else is SOP721."""
    text = str(value).strip() if isinstance(value, str) else ""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
    if match is None:
        shown = text or str(value)
        dotted = re.fullmatch(r"(\d{1,2})[.h](\d{2})", text)
        if dotted:
            raise field_error(TIME_WITH_A_DOT, value=shown, hours=dotted[1], minutes=dotted[2])
        raise field_error(NOT_A_TIME, value=shown)
    return time(int(match[1]), int(match[2]))


Time = Annotated[
    time,
    BeforeValidator(_time),
    WithJsonSchema({"type": "string", "pattern": r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"}),
]


# --- site_config/aanbod.yaml ----------------------------------------------------------------


class OfferTerm(Schema):
    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")


class OfferVocabularies(Schema):
    """The fixed lists of the offer: audiences and kinds of professionalisation."""

    audiences: list[OfferTerm] = Field(alias="doelgroepen", min_length=1)
    kinds: list[OfferTerm] = Field(alias="soorten", min_length=1)


# --- content/aanbod/<kind>/<slug>.md ---------------------------------------------------------


class OfferFrontMatter(Schema):
    """What every offer file has: a title, a one-sentence summary and an internal note."""

    title: PlainText = Field(alias="titel")
    summary: PlainText = Field(alias="samenvatting")
    internal_note: OptionalText = Field(None, alias="interne_notitie")


class ForAudiences(OfferFrontMatter):
    """An offer item meant for some audiences (ids from site_config/aanbod.yaml)."""

    audiences: list[PlainText] = Field(alias="doelgroep", min_length=1)


class NetworkFrontMatter(ForAudiences):
    """A network group (netwerkgroep), e.g. the IB network of one kern."""

    kern: OptionalPlainText = Field(None, alias="kern")
    when: PlainText = Field(alias="wanneer")
    place: OptionalPlainText = Field(None, alias="plaats")
    email: OptionalEmail = Field(None, alias="email")
    registration: OptionalUrl = Field(None, alias="aanmelden")


class CentreFrontMatter(ForAudiences):
    """An expertise centre (expertisecentrum) that schools can ask for advice."""

    place: PlainText = Field(alias="plaats")
    email: OptionalEmail = Field(None, alias="email")
    phone: OptionalPhone = Field(None, alias="telefoon")
    website: OptionalUrl = Field(None, alias="website")
    # The needs (site_config/vocabularies.yaml) the centre helps schools with; the kern pages
    # point to it where no school of the kern offers one of them.
    needs: list[PlainText] = Field(default_factory=list, alias="behoeften")


class WorkshopFrontMatter(ForAudiences):
    """One workshop, training or study day on one date."""

    kind: PlainText = Field(alias="soort")
    day: Date = Field(alias="datum")
    start: Time = Field(alias="begin")
    end: Time = Field(alias="einde")
    place: PlainText = Field(alias="plaats")
    registration: OptionalUrl = Field(None, alias="aanmelden")
    places: OptionalPositiveInt = Field(None, alias="plaatsen")


class StoryFrontMatter(OfferFrontMatter):
    """A story of good practice in inclusive education, about one or more schools."""

    published: Date = Field(alias="datum")
    schools: list[PlainText] = Field(alias="scholen", min_length=1)


# --- domain objects -------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferItem:
    """One validated offer file: its front matter and its Markdown text."""

    kind: str  # the folder of its kind (kinds.py), e.g. 'workshops'
    slug: str
    path: str
    front: Any  # the front matter schema of its kind
    markdown: str
    internal_comments: tuple[str, ...] = ()
    html: str = ""  # ``markdown`` rendered and sanitised (core/richtext.py) when it was read

    @property
    def url(self) -> str:
        """The page's address from the site root, without a leading slash."""
        return f"aanbod/{self.kind}/{self.slug}/"

    @property
    def starts(self) -> datetime:
        """Start as a naive local date and time (workshops only)."""
        return datetime.combine(self.front.day, self.front.start)


@dataclass(frozen=True)
class Offer:
    """The whole offer of the SWV, each list sorted for display."""

    vocabularies: OfferVocabularies | None = None
    networks: tuple[OfferItem, ...] = ()
    centres: tuple[OfferItem, ...] = ()
    workshops: tuple[OfferItem, ...] = ()  # by date and start time
    stories: tuple[OfferItem, ...] = ()  # newest first

    def upcoming(self, today: date) -> list[OfferItem]:
        """Workshops on ``today`` or later, soonest first."""
        return [w for w in self.workshops if w.front.day >= today]

    def past(self, today: date) -> list[OfferItem]:
        """Workshops before ``today``, most recent first."""
        return [w for w in reversed(self.workshops) if w.front.day < today]

    def stories_about(self, slug: str) -> list[OfferItem]:
        """The stories that name the school ``slug``, newest first."""
        return [s for s in self.stories if slug in s.front.schools]

    def label(self, term_id: str) -> str:
        """The label of an audience or kind id (the id itself if unknown)."""
        if self.vocabularies is None:
            return term_id
        for term in (*self.vocabularies.audiences, *self.vocabularies.kinds):
            if term.id == term_id:
                return term.label
        return term_id
