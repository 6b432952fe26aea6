"""Schemas and domain objects of the SWV's own offer: network groups, expertise centres,
workshops (professionalisation) and stories of good practice.

Field names are English; the keys people type are the Dutch aliases (as in model.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from sop_builder.core.catalogue.offer import NOT_A_TIME, TIME_WITH_A_DOT
from sop_builder.core.fieldmeta import choices, several_lines, swv_words
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
from sop_builder.project.model import CODE, INTERNAL_NOTE, Schema


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


# Words of more than one field's description.
WORK_EMAIL = "Een e-mailadres van het werk, geen privéadres (mag leeg)."
REGISTRATION = "Het webadres waar iemand zich aanmeldt, beginnend met https:// (mag leeg)."


# --- site_config/aanbod.yaml ----------------------------------------------------------------


class OfferTerm(Schema):
    id: Slug = Field(alias="id", title="Code", description=CODE)
    label: PlainText = Field(
        alias="label", title="Naam", description="De naam op de site, in gewone taal."
    )


class OfferVocabularies(Schema):
    """The fixed lists of the offer: audiences and kinds of professionalisation."""

    audiences: list[OfferTerm] = Field(
        alias="doelgroepen",
        title="Doelgroepen",
        description="Voor wie het aanbod is (code en naam). Het aanbod kiest hieruit bij "
        "'doelgroep'.",
        min_length=1,
    )
    kinds: list[OfferTerm] = Field(
        alias="soorten",
        title="Soorten",
        description="De soorten workshops, zoals training of webinar. Een workshop kiest hieruit.",
        min_length=1,
    )


# --- content/aanbod/<kind>/<slug>.md ---------------------------------------------------------


class OfferFrontMatter(Schema):
    """What every offer file has: a title, a one-sentence summary and an internal note."""

    title: PlainText = Field(
        alias="titel",
        title="Titel",
        description="De titel van de pagina op de site, kort en duidelijk.",
    )
    summary: PlainText = Field(
        alias="samenvatting",
        title="Samenvatting",
        description="Eén zin in gewone taal over waar het over gaat. Die staat in het overzicht.",
        json_schema_extra=several_lines(),
    )
    internal_note: OptionalText = Field(
        None, alias="interne_notitie", title="Interne notitie", description=INTERNAL_NOTE
    )


class ForAudiences(OfferFrontMatter):
    """An offer item meant for some audiences (ids from site_config/aanbod.yaml)."""

    audiences: list[PlainText] = Field(
        alias="doelgroep",
        min_length=1,
        title="Doelgroep",
        description="Voor wie dit is, bijvoorbeeld leerkrachten. Kies een of meer uit de lijst in "
        "site_config/aanbod.yaml.",
        json_schema_extra=choices("doelgroepen"),
    )


def _empty_list(value: Any) -> Any:
    """An optional list left empty ('bijeenkomsten:' with nothing under it) has no items."""
    return [] if value is None or (isinstance(value, str) and not value.strip()) else value


class Meeting(Schema):
    """One meeting of a network group: its day, times, and a place when it is not the group's."""

    day: Date = Field(
        alias="datum", title="Datum", description="De dag van de bijeenkomst (JJJJ-MM-DD)."
    )
    start: Time = Field(
        alias="begin",
        title="Begin",
        description="Hoe laat de bijeenkomst begint, met een dubbele punt, bijvoorbeeld 14:30.",
    )
    end: Time = Field(
        alias="einde",
        title="Einde",
        description="Hoe laat de bijeenkomst afloopt, met een dubbele punt, bijvoorbeeld 16:00.",
    )
    place: OptionalPlainText = Field(
        None,
        alias="plaats",
        title="Plaats",
        description="Waar deze bijeenkomst is. Laat leeg als het de vaste plaats van de groep is.",
    )
    topic: OptionalPlainText = Field(
        None,
        alias="onderwerp",
        title="Onderwerp",
        description="Waar het deze keer over gaat, in een paar woorden (mag leeg).",
    )

    @property
    def starts(self) -> datetime:
        """Start as a naive local date and time."""
        return datetime.combine(self.day, self.start)


class NetworkFrontMatter(ForAudiences):
    """A network group (netwerkgroep), e.g. the IB network of one kern."""

    kern: OptionalPlainText = Field(
        None,
        alias="kern",
        title="Kern",
        description="De code van de kern als de groep bij één kern hoort (mag leeg).",
        json_schema_extra={
            **choices("kernen"),
            **swv_words(
                title="{Grouping}",
                description="De code van de {grouping} als de groep bij één {grouping} hoort "
                "(mag leeg).",
            ),
        },
    )
    when: PlainText = Field(
        alias="wanneer",
        title="Wanneer",
        description="Hoe vaak en wanneer de groep samenkomt, in gewone woorden.",
        json_schema_extra=several_lines(),
    )
    place: OptionalPlainText = Field(
        None, alias="plaats", title="Plaats", description="Waar de groep samenkomt (mag leeg)."
    )
    meetings: Annotated[list[Meeting], BeforeValidator(_empty_list)] = Field(
        default_factory=list,
        alias="bijeenkomsten",
        title="Bijeenkomsten",
        description="De data van de bijeenkomsten: per bijeenkomst de datum, het begin en het "
        "einde, en de plaats als die anders is dan de vaste plaats (mag leeg). Leraren zetten "
        "ze met één klik in hun agenda.",
    )
    email: OptionalEmail = Field(
        None,
        alias="email",
        title="E-mail",
        description=WORK_EMAIL,
    )
    registration: OptionalUrl = Field(
        None,
        alias="aanmelden",
        title="Aanmelden",
        description=REGISTRATION,
    )


class CentreFrontMatter(ForAudiences):
    """An expertise centre (expertisecentrum) that schools can ask for advice."""

    place: PlainText = Field(
        alias="plaats",
        title="Plaats",
        description="Waar het expertisecentrum zit, bijvoorbeeld de school en plaats.",
    )
    email: OptionalEmail = Field(
        None,
        alias="email",
        title="E-mail",
        description=WORK_EMAIL,
    )
    phone: OptionalPhone = Field(
        None,
        alias="telefoon",
        title="Telefoon",
        description="Een telefoonnummer van het werk, geen privénummer (mag leeg).",
    )
    website: OptionalUrl = Field(
        None,
        alias="website",
        title="Website",
        description="Het webadres van het expertisecentrum (mag leeg).",
    )
    # The needs (site_config/vocabularies.yaml) the centre helps schools with; the kern pages
    # point to it where no school of the kern offers one of them.
    needs: list[PlainText] = Field(
        default_factory=list,
        alias="behoeften",
        title="Behoeften",
        description="Bij welke behoeften het centrum scholen helpt (codes uit "
        "site_config/vocabularies.yaml, mag leeg).",
        json_schema_extra=choices("behoeften"),
    )


class WorkshopFrontMatter(ForAudiences):
    """One workshop, training or study day on one date."""

    kind: PlainText = Field(
        alias="soort",
        title="Soort",
        description="Wat voor bijeenkomst het is, bijvoorbeeld workshop. Kies uit de lijst in "
        "site_config/aanbod.yaml.",
        json_schema_extra=choices("soorten"),
    )
    day: Date = Field(
        alias="datum", title="Datum", description="De dag van de bijeenkomst (JJJJ-MM-DD)."
    )
    start: Time = Field(
        alias="begin",
        title="Begin",
        description="Hoe laat het begint, met een dubbele punt, bijvoorbeeld 15:30.",
    )
    end: Time = Field(
        alias="einde",
        title="Einde",
        description="Hoe laat het afloopt, met een dubbele punt, bijvoorbeeld 17:00.",
    )
    place: PlainText = Field(
        alias="plaats", title="Plaats", description="Waar het is, of 'Online'."
    )
    registration: OptionalUrl = Field(
        None,
        alias="aanmelden",
        title="Aanmelden",
        description=REGISTRATION,
    )
    places: OptionalPositiveInt = Field(
        None,
        alias="plaatsen",
        title="Plaatsen",
        description="Hoeveel mensen mee kunnen doen: een heel getal (mag leeg).",
    )


class StoryFrontMatter(OfferFrontMatter):
    """A story of good practice in inclusive education, about one or more schools."""

    published: Date = Field(
        alias="datum",
        title="Datum",
        description="De datum (JJJJ-MM-DD) van het verhaal; het nieuwste staat bovenaan.",
    )
    schools: list[PlainText] = Field(
        alias="scholen",
        title="Scholen",
        description="Over welke scholen het verhaal gaat: de naam van hun map in content/schools/.",
        min_length=1,
        json_schema_extra=choices("scholen"),
    )


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

    def meetings(self) -> list[Meeting]:
        """The meetings of a network group, soonest first (none for other kinds)."""
        found: list[Meeting] = getattr(self.front, "meetings", [])
        return sorted(found, key=lambda m: m.starts)

    def upcoming_meetings(self, today: date) -> list[Meeting]:
        """The meetings on ``today`` or later, soonest first."""
        return [m for m in self.meetings() if m.day >= today]

    def past_meetings(self, today: date) -> list[Meeting]:
        """The meetings before ``today``, most recent first."""
        return [m for m in reversed(self.meetings()) if m.day < today]


@dataclass(frozen=True)
class Offer:
    """The whole offer of the SWV: the items of each kind (``kinds.py``), sorted for display."""

    vocabularies: OfferVocabularies | None = None
    # A kind's ``attribute`` -> its items (``OfferKind.items``); a kind without items is absent.
    lists: Mapping[str, tuple[OfferItem, ...]] = field(default_factory=dict)

    def of_kind(self, attribute: str) -> tuple[OfferItem, ...]:
        """The items of the kind whose ``attribute`` is ``attribute`` (none when it has none)."""
        return self.lists.get(attribute, ())

    # The lists that pages and templates name (offer.workshops, ...).
    @property
    def networks(self) -> tuple[OfferItem, ...]:
        return self.of_kind("networks")

    @property
    def centres(self) -> tuple[OfferItem, ...]:
        return self.of_kind("centres")

    @property
    def workshops(self) -> tuple[OfferItem, ...]:
        """By date and start time."""
        return self.of_kind("workshops")

    @property
    def stories(self) -> tuple[OfferItem, ...]:
        """Newest first."""
        return self.of_kind("stories")

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
