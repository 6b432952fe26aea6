"""The schemas of configuration and content, and the domain objects built from them.

Field names are English; the keys people type are the Dutch aliases.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from sop_builder.core.catalogue.schema import NOT_A_COORDINATE
from sop_builder.core.fieldmeta import choices, folded, saved_on, several_lines, swv_words
from sop_builder.core.fieldtypes import (
    CodeExample,
    Date,
    Email,
    OptionalDate,
    OptionalEmail,
    OptionalPhone,
    OptionalPlainText,
    OptionalText,
    OptionalUrl,
    OptionalWeight,
    Percentage,
    PlainText,
    PositiveInt,
    Postcode,
    SchoolYear,
    Slug,
    Text,
    Url,
    Vestigingscode,
    YesNo,
    field_error,
    text_value,
    x_labels,
)
from sop_builder.core.text import slugify
from sop_builder.project.staff_lists import EXTERNAL_EXPERTISE, EXTRA_SUPPORT, INTERNAL_EXPERTISE


class Schema(BaseModel):
    """Base of every schema: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, populate_by_name=False
    )

    @classmethod
    def key(cls, name: str) -> str:
        """The key people type for the field ``name`` (its Dutch alias), so that code that
        points at a key names the field: ``SopFrontMatter.key("vestigingscode")``."""
        return cls.model_fields[name].alias or name

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its values only (pydantic's own way keeps a dictionary of its state per
        model): results cross to the parent process and into the load cache
        (project/cache.py) for every school, so this is what loading 7,000 schools waits for."""
        return (_restore_schema, (type(self), self.__dict__, self.__pydantic_fields_set__))


def _restore_schema(cls: type[Schema], values: dict[str, Any], fields_set: set[str]) -> Schema:
    """A validated model back from `Schema.__reduce__`, as ``model_construct`` makes one."""
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


# Words of more than one field's description.
INTERNAL_NOTE = "Alleen voor het samenwerkingsverband; komt nooit op de site."
CODE = "Kleine letters, cijfers en streepjes. Verander een code nooit."
LETTERS_DIGITS_HYPHENS = "Kleine letters, cijfers en streepjes."
YEAR_OF_FILE = "Bijvoorbeeld 2025-2026; gelijk aan de bestandsnaam."


# --- site_config/swv.yaml -------------------------------------------------------------------


class SwvContact(Schema):
    email: OptionalEmail = Field(
        None, alias="email", title="E-mail", description="Het algemene e-mailadres."
    )
    phone: OptionalPhone = Field(
        None, alias="telefoon", title="Telefoon", description="Het algemene telefoonnummer."
    )
    address: OptionalText = Field(
        None, alias="adres", title="Adres", description="Straat, postcode en plaats."
    )


class SupportPoint(Schema):
    """The ouder- en jeugdsteunpunt."""

    name: PlainText = Field(alias="naam", title="Naam", description="De naam van het steunpunt.")
    description: Text = Field(
        alias="omschrijving",
        title="Omschrijving",
        description="Eén zin in gewone taal over wat het steunpunt doet.",
    )
    phone: OptionalPhone = Field(
        None,
        alias="telefoon",
        title="Telefoon",
        description="Het telefoonnummer van het steunpunt.",
    )
    email: OptionalEmail = Field(
        None, alias="email", title="E-mail", description="Het e-mailadres van het steunpunt."
    )
    website: OptionalUrl = Field(
        None, alias="website", title="Website", description="Het webadres van het steunpunt."
    )


class Grouping(Schema):
    label: PlainText = Field(alias="label", title="Naam", description="Bijvoorbeeld kern of regio.")
    plural: PlainText = Field(
        alias="meervoud", title="Meervoud", description="Bijvoorbeeld kernen of regio's."
    )


class Kern(Schema):
    id: Slug = Field(alias="id", title="Code", description=CODE)
    name: PlainText = Field(alias="naam", title="Naam", description="De naam van de kern.")
    municipality: PlainText = Field(
        alias="gemeente", title="Gemeente", description="De gemeente van de kern."
    )


class Target(Schema):
    from_year: SchoolYear = Field(
        alias="vanaf",
        title="Vanaf schooljaar",
        description="Het schooljaar waarin dit doel begint.",
    )
    percentage: Percentage = Field(
        alias="percentage",
        title="Percentage",
        description="Een getal van 1 tot en met 100, zonder %-teken.",
    )


class Accessibility(Schema):
    """What the toegankelijkheidsverklaring (accessibility statement) says."""

    status: Literal["volledig", "gedeeltelijk", "niet"] = Field(
        alias="status",
        title="Status",
        description="Voldoet de site aan WCAG 2.1 AA: volledig, gedeeltelijk of niet.",
        json_schema_extra={
            "x-labels": {
                "volledig": "voldoet volledig",
                "gedeeltelijk": "voldoet gedeeltelijk",
                "niet": "voldoet nog niet",
            }
        },
    )
    statement_date: Date = Field(
        alias="datum_verklaring",
        title="Datum van de verklaring",
        description="De datum (JJJJ-MM-DD) van deze verklaring.",
    )
    last_check: OptionalDate = Field(
        None,
        alias="laatste_onderzoek",
        title="Laatste onderzoek",
        description="Wanneer de site het laatst is onderzocht (JJJJ-MM-DD, mag leeg).",
    )
    checked_by: OptionalPlainText = Field(
        None,
        alias="onderzocht_door",
        title="Onderzocht door",
        description="Wie of hoe de site is onderzocht (mag leeg).",
    )
    known_problems: list[Text] = Field(
        default_factory=list,
        alias="bekende_problemen",
        title="Bekende problemen",
        description="Wat nog niet goed werkt, één regel per probleem (mag leeg).",
    )
    email: Email = Field(
        alias="email",
        title="E-mail",
        description="Waar bezoekers een probleem met de toegankelijkheid melden.",
    )
    response_days: PositiveInt = Field(
        5,
        alias="reactietermijn_dagen",
        title="Reactietermijn",
        description="Binnen hoeveel werkdagen een bezoeker antwoord krijgt.",
    )


class Privacy(Schema):
    """Who is responsible for personal data and whom to ask."""

    officer_email: Email = Field(
        alias="email_functionaris",
        title="E-mail voor privacy",
        description="Het adres van de functionaris gegevensbescherming of wie privacyvragen "
        "beantwoordt.",
    )
    host: OptionalPlainText = Field(
        None,
        alias="hosting",
        title="Hosting",
        description="Bij welke partij de site staat (mag leeg).",
    )


class SwvConfig(Schema):
    # Checked before the schema (project/config.py); written by `sop-builder migreer`.
    format_version: PositiveInt = Field(
        1,
        alias="formaatversie",
        title="Formaatversie",
        description="De versie van het formaat van de bestanden. Verander dit niet zelf: "
        "'sop-builder migreer' zet het goed.",
    )
    name: PlainText = Field(
        alias="naam", title="Naam", description="De volledige naam van het samenwerkingsverband."
    )
    short_name: PlainText = Field(
        alias="korte_naam", title="Korte naam", description="De naam in kopjes en de menubalk."
    )
    region_code: OptionalPlainText = Field(
        None,
        alias="regiocode",
        title="Regiocode",
        description="De code van de regio, bijvoorbeeld PO 27-99.",
    )
    website: Url = Field(
        alias="website", title="Website", description="Het webadres van het samenwerkingsverband."
    )
    # The address of this site (canonical links, sitemap, short links, QR codes, the calendar,
    # the web editor); mkdocs.yml's site_url is only a fallback while this is empty.
    site_address: OptionalUrl = Field(
        None,
        alias="site_adres",
        title="Adres van deze site",
        description="Het webadres waar deze site met de profielen staat, beginnend met https://. "
        "Voor links, de sitemap, korte links, QR-codes, de agenda en de webeditor.",
    )
    contact: SwvContact = Field(
        alias="contact",
        title="Contact",
        description="E-mail, telefoon en adres van het samenwerkingsverband.",
    )
    support_point: SupportPoint = Field(
        alias="steunpunt", title="Steunpunt", description="Het ouder- en jeugdsteunpunt."
    )
    school_year: SchoolYear = Field(
        alias="schooljaar", title="Huidig schooljaar", description="Bijvoorbeeld 2025-2026."
    )
    sop_max_chars: PositiveInt = Field(
        alias="sop_max_tekens",
        title="Lengte van een SOP",
        description="Hoeveel tekens de vier teksten samen mogen hebben (past op één A4).",
    )
    grouping: Grouping = Field(
        alias="groepering",
        title="Groepering",
        description="Hoe u de groepen scholen in de regio noemt.",
    )
    kernen: list[Kern] = Field(
        alias="kernen",
        title="Kernen",
        description="De groepen scholen in de regio, elk met een vaste code.",
        min_length=1,
    )
    targets: list[Target] = Field(
        alias="doelen",
        title="Doelen",
        description="Het doel (percentage afspraken gehaald) per schooljaar.",
        min_length=1,
    )
    accessibility: Accessibility | None = Field(
        None,
        alias="toegankelijkheid",
        title="Toegankelijkheid",
        description="De gegevens voor de toegankelijkheidsverklaring op de site.",
    )
    privacy: Privacy | None = Field(
        None,
        alias="privacy",
        title="Privacy",
        description="De gegevens voor de privacypagina op de site.",
    )
    # How a school page shows its agreements: counts per theme, or also those not yet met.
    agreements_on_school_page: Literal["per-thema", "niet-gehaald-bij-naam"] = Field(
        "per-thema",
        alias="afspraken_op_schoolpagina",
        title="Afspraken op de schoolpagina",
        description="per-thema: per thema hoeveel afspraken een school haalt; "
        "niet-gehaald-bij-naam: ook welke afspraken zij nog niet haalt.",
        json_schema_extra=x_labels(
            {
                "per-thema": "per thema hoeveel afspraken de school haalt",
                "niet-gehaald-bij-naam": "ook welke afspraken de school nog niet haalt",
            }
        ),
    )
    # The steps a teacher takes when a pupil needs more help (printed on the leraarposter).
    help_route: list[PlainText] = Field(
        default_factory=list,
        alias="hulproute",
        title="Route voor hulp",
        description="De stappen die een leerkracht zet als een kind meer hulp nodig heeft (op de "
        "poster voor de teamkamer), één regel per stap.",
    )

    def target_for(self, school_year: str) -> Fraction | None:
        """The target percentage that applies in ``school_year`` (None if none applies)."""
        applicable = [t for t in self.targets if t.from_year <= school_year]
        return max(applicable, key=lambda t: t.from_year).percentage if applicable else None

    @cached_property
    def _kernen_by_id(self) -> dict[str, Kern]:
        """Each kern by its id (the first, should an id occur twice); built once."""
        found: dict[str, Kern] = {}
        for kern in self.kernen:
            found.setdefault(kern.id, kern)
        return found

    def kern(self, kern_id: str) -> Kern | None:
        return self._kernen_by_id.get(kern_id)

    def support_is_swv(self) -> bool:
        """Whether parents are sent to the SWV itself rather than to a steunpunt of its own:
        the public view's stand-in for a steunpunt still marked INVULLEN has the SWV's short
        name (and a steunpunt so named would read "SWV X, een dienst van SWV X")."""
        return self.support_point.name == self.short_name


# --- site_config/basisondersteuning.yaml ----------------------------------------------------


class Aspect(Schema):
    id: Slug = Field(alias="id", title="Code", description=LETTERS_DIGITS_HYPHENS)
    name: PlainText = Field(alias="naam", title="Naam", description="De naam van het aspect.")


class ScaleLevel(Schema):
    code: Slug = Field(
        alias="code", title="Code", description="Wat de school invult, bijvoorbeeld ja."
    )
    label: PlainText = Field(
        alias="label", title="Label", description="Wat op de site staat, bijvoorbeeld Voldoet."
    )
    weight: OptionalWeight = Field(
        None, alias="gewicht", title="Gewicht", description="Hoe zwaar de score telt: 0, 1/2 of 1."
    )
    not_applicable: YesNo = Field(
        False,
        alias="nvt",
        title="Niet van toepassing",
        description="ja als deze score de afspraak uit de telling haalt.",
    )


class Theme(Schema):
    id: Slug = Field(alias="id", title="Code", description=LETTERS_DIGITS_HYPHENS)
    title: PlainText = Field(alias="titel", title="Titel", description="De titel van het thema.")
    description: Text = Field(
        alias="omschrijving", title="Omschrijving", description="Eén zin in de woorden van ouders."
    )


class Agreement(Schema):
    # Its form is the norm's own (`codevoorbeeld`), checked in config.py with positions.
    id: PlainText = Field(
        alias="id", title="Code", description="Bijvoorbeeld BO-01. Verander een code nooit."
    )
    theme: Slug = Field(alias="thema", title="Thema", description="De code van het thema.")
    aspect: Slug = Field(alias="aspect", title="Aspect", description="De code van het aspect.")
    title: PlainText = Field(
        alias="titel", title="Titel", description="Een korte titel (ongeveer 60 tekens)."
    )
    description: Text = Field(
        alias="omschrijving",
        title="Omschrijving",
        description="Wat de school doet, in gewone taal.",
    )


def code_pattern(example: str) -> re.Pattern[str]:
    """The form of codes like ``example``: a run of capitals stands for capitals, of small
    letters for small letters, of digits for digits; every other character stays itself.
    'BO-01' -> BO-7 and KW-112 fit; '1.1' -> 12.3 fits, 1-1 does not."""
    parts = []
    for run in re.finditer(r"[A-Z]+|[a-z]+|[0-9]+|.", example):
        text = run.group()
        if text.isdigit():
            parts.append("[0-9]+")
        elif text.isascii() and text.isalpha():
            parts.append("[A-Z]+" if text.isupper() else "[a-z]+")
        else:
            parts.append(re.escape(text))
    return re.compile("".join(parts))


class Norm(Schema):
    """One version of the agreements: site_config/basisondersteuning/<first school year>.yaml,
    in force from that school year until the school year of the next file."""

    version: PlainText = Field(
        alias="versie", title="Versie", description="Het versienummer van de afspraken."
    )
    name: PlainText = Field(alias="naam", title="Naam", description="De naam van de afspraken.")
    adopted: OptionalDate = Field(
        None,
        alias="vastgesteld",
        title="Vastgesteld",
        description="De datum (JJJJ-MM-DD) waarop de afspraken golden.",
    )
    # What an agreement's code looks like, e.g. BO-01 or 1.1 (see code_pattern).
    code_example: CodeExample = Field(
        alias="codevoorbeeld",
        title="Vorm van de codes",
        description="Hoe de code van een afspraak eruitziet, bijvoorbeeld BO-01 of 1.1. Letters "
        "staan voor letters, cijfers voor cijfers; streepjes en punten blijven zoals ze zijn.",
    )
    aspects: list[Aspect] = Field(
        alias="aspecten",
        title="Aspecten",
        description="De vier aspecten van het referentiekader.",
        min_length=1,
    )
    scale: list[ScaleLevel] = Field(
        alias="schaal",
        title="Schaal",
        description="De scores die een school kan geven, met hun gewicht.",
        min_length=2,
    )
    not_applicable_allowed: YesNo = Field(
        False,
        alias="nvt_toegestaan",
        title="Niet van toepassing toegestaan",
        description="ja of nee.",
    )
    # How an agreement without a score counts: as not met, or not at all.
    unscored: Literal["niet-voldaan", "telt-niet-mee"] = Field(
        "niet-voldaan",
        alias="zonder_score",
        title="Afspraak zonder score",
        description="Hoe een afspraak zonder score telt.",
        json_schema_extra={
            "x-labels": {
                "niet-voldaan": "telt als niet voldaan",
                "telt-niet-mee": "telt niet mee in het totaal",
            }
        },
    )
    themes: list[Theme] = Field(
        alias="themas",
        title="Thema's",
        description="De thema's waarin de afspraken zijn verdeeld.",
        min_length=1,
    )
    agreements: list[Agreement] = Field(
        alias="afspraken",
        title="Afspraken",
        description="De afspraken basisondersteuning, elk met een vaste code.",
        min_length=1,
    )

    def level(self, code: str) -> ScaleLevel | None:
        return next((s for s in self.scale if s.code == code), None)

    def agreement_ids(self) -> list[str]:
        return [a.id for a in self.agreements]

    def agreement(self, agreement_id: str) -> Agreement | None:
        return next((a for a in self.agreements if a.id == agreement_id), None)

    def usable_levels(self) -> list[ScaleLevel]:
        """The scores a school may give (n.v.t. only where the SWV allows it)."""
        return [s for s in self.scale if self.not_applicable_allowed or not s.not_applicable]

    def hint_codes(self) -> str:
        """The scores a school may give, for a hint: 'ja, deels of nee' (or 'ja of nee')."""
        codes = [s.code for s in self.usable_levels()]
        return ", ".join(codes[:-1]) + f" of {codes[-1]}" if len(codes) > 1 else codes[0]


# --- site_config/vocabularies.yaml ----------------------------------------------------------


class VocabularyEntry(Schema):
    """A kind of specialist, partner or extra support a school can name ("wie helpt")."""

    id: Slug = Field(alias="id", title="Code", description=CODE)
    label: PlainText = Field(alias="label", title="Naam", description="De naam op de site.")
    description: Text = Field(
        alias="omschrijving", title="Omschrijving", description="Eén zin in gewone taal."
    )


class Need(Schema):
    """A need in parents' words (dyslexie, gedrag, ...): each school declares what it offers."""

    id: Slug = Field(
        alias="id",
        title="Code",
        description="Kleine letters, cijfers en streepjes, bijvoorbeeld dyslexie.",
    )
    label: PlainText = Field(
        alias="label",
        title="Naam",
        description="Zoals ouders het zeggen, bijvoorbeeld 'Bewegen (motoriek)'.",
    )
    description: OptionalText = Field(
        None,
        alias="omschrijving",
        title="Omschrijving",
        description="Eén zin in gewone taal over deze behoefte (mag leeg).",
    )
    # Words a parent may type in the finder for this need (besides its label).
    keywords: list[PlainText] = Field(
        default_factory=list,
        alias="zoekwoorden",
        title="Zoekwoorden",
        description="Andere woorden die ouders typen in 'Vind een school', in kleine letters (mag "
        "leeg).",
    )


class SupportLevel(Schema):
    """One step of the scale on which a school says how far it goes for a need."""

    id: Slug = Field(
        alias="id", title="Code", description="Wat een school invult, bijvoorbeeld ja of met-hulp."
    )
    label: PlainText = Field(
        alias="label", title="Naam", description="Wat ouders lezen, bijvoorbeeld 'Dit bieden wij'."
    )
    # Whether a school at this level is found by the finder for the need.
    offered: YesNo = Field(
        alias="aanbod",
        title="Telt als aanbod",
        description="ja: 'Vind een school' vindt de school bij de behoefte; nee: niet.",
    )


FACT_KINDS: dict[str, str] = {"ja-nee": "ja of nee", "getal": "een heel getal"}


class PracticalFact(Schema):
    """A practical fact parents filter on (a lift, wheelchair access, group size, ...)."""

    id: Slug = Field(alias="id", title="Code", description=CODE)
    label: PlainText = Field(
        alias="label",
        title="Naam",
        description="Wat ouders lezen, bijvoorbeeld 'Lift in het gebouw'.",
    )
    kind: Literal["ja-nee", "getal"] = Field(
        alias="soort",
        title="Soort",
        description="ja-nee (de school schrijft ja of nee) of getal (een heel getal).",
        json_schema_extra=x_labels(FACT_KINDS),
    )
    unit: OptionalPlainText = Field(
        None,
        alias="eenheid",
        title="Eenheid",
        description="Bij een getal: waarin het geteld is, bijvoorbeeld kinderen (mag leeg).",
    )
    keywords: list[PlainText] = Field(
        default_factory=list,
        alias="zoekwoorden",
        title="Zoekwoorden",
        description="Woorden die ouders typen in 'Vind een school', in kleine letters (mag leeg).",
    )


class Vocabularies(Schema):
    # The scale of what a school offers for a need, from most to least.
    levels: list[SupportLevel] = Field(
        alias="aanbodniveaus",
        title="Aanbodniveaus",
        description="Hoe ver een school gaat bij een behoefte, van meest naar minst. Bij 'aanbod: "
        "ja' vindt 'Vind een school' de school bij die behoefte.",
        min_length=2,
    )
    # The needs parents search for; every school declares a level for each of them.
    needs: list[Need] = Field(
        alias="behoeften",
        title="Behoeften",
        description="Wat een kind nodig kan hebben, in de woorden van ouders. Elke school zegt "
        "per behoefte wat zij biedt.",
        min_length=1,
    )
    practical: list[PracticalFact] = Field(
        default_factory=list,
        alias="praktisch",
        title="Praktische zaken",
        description="Waar ouders op letten, zoals een lift of de grootte van de groepen.",
    )
    internal_expertise: list[VocabularyEntry] = INTERNAL_EXPERTISE.vocabulary_field()
    external_expertise: list[VocabularyEntry] = EXTERNAL_EXPERTISE.vocabulary_field()
    extra_support: list[VocabularyEntry] = EXTRA_SUPPORT.vocabulary_field()

    def level(self, level_id: str) -> SupportLevel | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def need(self, need_id: str) -> Need | None:
        return next((n for n in self.needs if n.id == need_id), None)

    def fact(self, fact_id: str) -> PracticalFact | None:
        return next((f for f in self.practical if f.id == fact_id), None)


# --- site_config/teksten.yaml ----------------------------------------------------------------


class HelpAtSchool(Schema):
    """Who arranges extra help at school, for the page 'Over passend onderwijs'."""

    role: PlainText = Field(
        alias="rol",
        title="Rol",
        description="Wie de extra hulp regelt, bijvoorbeeld 'De zorgcoördinator'.",
    )
    task: PlainText = Field(
        alias="taak",
        title="Taak",
        description="Wat die doet, in een zin die met een werkwoord begint.",
    )


class SchoolTypeNames(Schema):
    """A text per kind of school (each may be left out)."""

    bao: OptionalPlainText = Field(
        None, alias="bao", title="Basisschool", description="Hoe een basisschool heet (mag leeg)."
    )
    sbo: OptionalPlainText = Field(
        None,
        alias="sbo",
        title="Speciale basisschool",
        description="Hoe een speciale basisschool heet (mag leeg).",
    )
    so: OptionalPlainText = Field(
        None,
        alias="so",
        title="Speciaal onderwijs",
        description="Hoe een school voor speciaal onderwijs heet (mag leeg).",
    )
    vso: OptionalPlainText = Field(
        None,
        alias="vso",
        title="Voortgezet speciaal onderwijs",
        description="Hoe een school voor voortgezet speciaal onderwijs heet (mag leeg).",
    )
    vo: OptionalPlainText = Field(
        None,
        alias="vo",
        title="Voortgezet onderwijs",
        description="Hoe een school voor voortgezet onderwijs heet (mag leeg).",
    )


class PerSchoolType(SchoolTypeNames):
    """A text for every school ('standaard'), or another one for a kind of school."""

    # The fields of SchoolTypeNames, explained as exceptions to 'standaard' (same order).
    bao: OptionalPlainText = Field(
        None,
        alias="bao",
        title="Basisschool",
        description="Alleen voor basisscholen anders (mag leeg).",
    )
    sbo: OptionalPlainText = Field(
        None,
        alias="sbo",
        title="Speciale basisschool",
        description="Alleen voor speciale basisscholen anders (mag leeg).",
    )
    so: OptionalPlainText = Field(
        None,
        alias="so",
        title="Speciaal onderwijs",
        description="Alleen voor scholen voor speciaal onderwijs (mag leeg).",
    )
    vso: OptionalPlainText = Field(
        None,
        alias="vso",
        title="Voortgezet speciaal onderwijs",
        description="Alleen voor scholen voor voortgezet speciaal onderwijs (mag leeg).",
    )
    vo: OptionalPlainText = Field(
        None,
        alias="vo",
        title="Voortgezet onderwijs",
        description="Alleen voor scholen voor voortgezet onderwijs (mag leeg).",
    )

    default: PlainText = Field(
        alias="standaard", title="Voor alle scholen", description="De tekst voor elke soort school."
    )

    def for_type(self, school_type: str | None = None) -> str:
        own = getattr(self, school_type, None) if school_type in SCHOOL_TYPE_CODES else None
        return own or self.default


class Admission(Schema):
    """Per kind of special school: one plain sentence about the toelaatbaarheidsverklaring (TLV)
    a child needs for a place there, and who decides. It stands on every card, list and
    comparison of such a school."""

    sbo: OptionalPlainText = Field(
        None,
        alias="sbo",
        title="Speciale basisschool",
        description="Eén zin voor ouders: dat een kind voor een plek op een speciale "
        "basisschool een toelaatbaarheidsverklaring (TLV) nodig heeft, wie die aanvraagt en wie "
        "beslist.",
    )
    so: OptionalPlainText = Field(
        None,
        alias="so",
        title="Speciaal onderwijs",
        description="Eén zin voor ouders: dat een kind voor een plek in het speciaal onderwijs "
        "een toelaatbaarheidsverklaring (TLV) nodig heeft, wie die aanvraagt en wie beslist.",
    )

    def for_type(self, school_type: str) -> str:
        """The sentence for a kind of school ('' for a regular school or none written)."""
        found = getattr(self, school_type, None) if school_type in SPECIAL_SCHOOL_TYPES else None
        return found or ""


class Texts(Schema):
    """The words on the site and in new files that depend on the SWV or the kind of school."""

    first_contact: PerSchoolType = Field(
        alias="eerste_gesprek",
        title="Eerste gesprek",
        description="Met wie een ouder eerst praat over de ondersteuning van zijn of haar kind, "
        "bijvoorbeeld 'de mentor van de school'. Staat na 'Praat eerst met'.",
    )
    help_at_school: HelpAtSchool = Field(
        alias="hulp_op_school",
        title="Hulp op school",
        description="Wie op school de extra hulp regelt, en wat die doet (pagina Over passend "
        "onderwijs).",
    )
    special_education: PlainText = Field(
        alias="speciaal_onderwijs",
        title="Speciaal onderwijs",
        description="Hoe de speciale scholen heten, na 'een plek in', bijvoorbeeld 'het speciaal "
        "onderwijs'.",
    )
    contact_role: PerSchoolType = Field(
        alias="contactrol",
        title="Contactrol",
        description="De rol die een nieuwe school als eerste contactpersoon krijgt, en wie de "
        "zelfevaluatie invult.",
    )
    # What this SWV calls each kind of school (left out: the usual name).
    school_types: SchoolTypeNames | None = Field(
        None,
        alias="soorten_school",
        title="Soorten school",
        description="Hoe de site elke soort school noemt (mag leeg: dan de gewone naam).",
    )

    admission: Admission | None = Field(
        None,
        alias="toelating",
        title="Toelating tot een speciale school",
        description="Per soort speciale school (sbo, so) één zin over de "
        "toelaatbaarheidsverklaring (TLV): dat die nodig is, wie die aanvraagt en wie beslist. "
        "Staat op elke kaart, lijst en vergelijking bij zo'n school.",
    )

    def school_type(self, code: str) -> str:
        """The name of a kind of school: the SWV's own, else the usual one."""
        own = getattr(self.school_types, code, None) if self.school_types else None
        return own or SCHOOL_TYPE_LABELS.get(code, code)

    def admission_for(self, code: str) -> str:
        """The sentence about the TLV for a kind of school ('' when none)."""
        return self.admission.for_type(code) if self.admission is not None else ""


# --- content/schools/<slug>/sop.md ----------------------------------------------------------


def _empty_mapping(value: Any) -> Any:
    """An empty value where a block of fields belongs means: nothing filled in yet."""
    return {} if value is None or (isinstance(value, str) and not value.strip()) else value


def _degrees(low: float, high: float, what: str) -> Any:
    """A validator of decimal degrees between ``low`` and ``high`` (52.4871 or 52,4871)."""

    def check(value: Any) -> float:
        text = text_value(value).replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            number = float("nan")
        if not low <= number <= high:  # also false for nan
            example = f"{(low + high) / 2:.4f}"
            raise field_error(
                NOT_A_COORDINATE,
                value=text,
                what=what,
                low=f"{low:g}",
                high=f"{high:g}",
                example=example,
            )
        return number

    return check


def _degrees_schema(low: float, high: float, pattern: str) -> WithJsonSchema:
    number = {"type": "number", "minimum": low, "maximum": high}
    return WithJsonSchema({"anyOf": [number, {"type": "string", "pattern": pattern}]})


Latitude = Annotated[
    float,
    BeforeValidator(_degrees(50.5, 53.7, "breedtegraad")),
    _degrees_schema(50.5, 53.7, r"^(50[.,][5-9][0-9]*|5[123]([.,][0-9]+)?)$"),
]
Longitude = Annotated[
    float,
    BeforeValidator(_degrees(3.2, 7.3, "lengtegraad")),
    _degrees_schema(3.2, 7.3, r"^(3[.,][2-9][0-9]*|[456]([.,][0-9]+)?|7([.,][0-2][0-9]*)?)$"),
]

SchoolType = Literal["bao", "sbo", "so", "vso", "vo"]
SCHOOL_TYPE_CODES: dict[str, str] = {
    "bao": "basisschool",
    "sbo": "speciale basisschool",
    "so": "speciaal onderwijs",
    "vso": "voortgezet speciaal onderwijs",
    "vo": "voortgezet onderwijs",
}
# The kinds of school a child needs a toelaatbaarheidsverklaring (TLV) for: special schools.
SPECIAL_SCHOOL_TYPES = ("sbo", "so")
SCHOOL_TYPE_LABELS: dict[str, str] = {
    "bao": "Basisschool",
    "sbo": "Speciale basisschool (SBO)",
    "so": "Speciaal onderwijs (SO)",
    "vso": "Voortgezet speciaal onderwijs (VSO)",
    "vo": "Voortgezet onderwijs",
}


class Address(Schema):
    street: PlainText = Field(
        alias="straat",
        title="Straat en huisnummer",
        description="De straat en het huisnummer, bijvoorbeeld Schoolstraat 1.",
    )
    postcode: Postcode = Field(
        alias="postcode",
        title="Postcode",
        description="4 cijfers en 2 hoofdletters, bijvoorbeeld 1234 AB.",
    )
    place: PlainText = Field(
        alias="plaats", title="Plaats", description="De plaats waar de school staat."
    )


class ContactPerson(Schema):
    role: PlainText = Field(
        alias="rol",
        title="Rol",
        description="Bijvoorbeeld Intern begeleider of Directeur.",
        json_schema_extra=swv_words(description="Bijvoorbeeld {role}."),
    )
    name: PlainText = Field(alias="naam", title="Naam", description="Voornaam en achternaam.")
    email: OptionalEmail = Field(
        None,
        alias="email",
        title="E-mail",
        description="Een e-mailadres van school, geen privéadres (mag leeg).",
    )
    phone: OptionalPhone = Field(
        None,
        alias="telefoon",
        title="Telefoon",
        description="Een nummer van school, geen privénummer (mag leeg).",
    )


class DeclarationTranslation(Schema):
    """A school's own translation of its declaration for one need into one language of the
    public site (project/schools/own_translations.py checks it and says whether it is current)."""

    offer: OptionalPlainText = Field(
        None,
        alias="wat",
        title="Wat de school doet, vertaald",
        description="De tekst bij 'wat', in deze taal (gewone tekst).",
        json_schema_extra=several_lines(),
    )
    limit: OptionalPlainText = Field(
        None,
        alias="grens",
        title="Waar het stopt, vertaald",
        description="De tekst bij 'grens', in deze taal (mag leeg als 'grens' leeg is).",
        json_schema_extra=several_lines(),
    )
    check_code: OptionalPlainText = Field(
        None,
        alias="controlecode",
        title="Controlecode",
        description="De code van de Nederlandse tekst die u vertaalde; 'sop-builder "
        "controleer' noemt hem. Verandert daarna de Nederlandse tekst, dan past de code niet "
        "meer: de site toont dan weer het Nederlands, tot u de vertaling bijwerkt en de nieuwe "
        "code invult.",
    )


DeclarationTranslations = Annotated[
    dict[str, Annotated[DeclarationTranslation, BeforeValidator(_empty_mapping)]],
    BeforeValidator(_empty_mapping),
]


class NeedDeclaration(Schema):
    """What a school declares for one need: a level of the scale, in its own words, and where
    it stops. An empty level means: not declared yet (check warns)."""

    level: OptionalPlainText = Field(
        None,
        alias="niveau",
        title="Niveau",
        description="Hoe ver de school gaat bij deze behoefte. Kies uit de aanbodniveaus van het "
        "samenwerkingsverband.",
        json_schema_extra=choices("aanbodniveaus"),
    )
    offer: OptionalPlainText = Field(
        None,
        alias="wat",
        title="Wat de school doet",
        description="Eén of twee korte zinnen in de woorden van ouders (gewone tekst).",
        json_schema_extra=several_lines(),
    )
    limit: OptionalPlainText = Field(
        None,
        alias="grens",
        title="Waar het stopt",
        description="Wat de school hierbij niet kan, in één zin (mag leeg).",
        json_schema_extra=several_lines(),
    )
    translations: DeclarationTranslations = Field(
        default_factory=dict,
        alias="vertalingen",
        title="Vertalingen",
        description="Mag leeg. Uw eigen vertaling van 'wat' en 'grens', per taal waarin de "
        "site verschijnt (bijvoorbeeld en voor Engels). Op de pagina in die taal staat dan uw "
        "vertaling, met de zin dat de school die zelf vertaalde; ook bij uw school in "
        "'Vind een school' en in de vergelijking. Zonder vertaling staat daar het Nederlands.",
        json_schema_extra=folded(),
    )


class Enrolment(Schema):
    """How parents get to know the school, enrol their child, and what happens next."""

    visit: OptionalPlainText = Field(
        None,
        alias="kennismaken",
        title="Kennismaken",
        description="Hoe ouders de school leren kennen, bijvoorbeeld een rondleiding.",
        json_schema_extra=several_lines(),
    )
    enrol: OptionalPlainText = Field(
        None,
        alias="inschrijven",
        title="Inschrijven",
        description="Hoe ouders hun kind aanmelden, en vanaf welke leeftijd.",
        json_schema_extra=several_lines(),
    )
    intake: OptionalPlainText = Field(
        None,
        alias="intake",
        title="Na de aanmelding",
        description="Wat er na de aanmelding gebeurt, ook als een kind extra ondersteuning nodig "
        "heeft.",
        json_schema_extra=several_lines(),
    )
    link: OptionalUrl = Field(
        None,
        alias="link",
        title="Link",
        description="Het webadres van het aanmeldformulier, beginnend met https:// (mag leeg).",
    )


class Coordinates(Schema):
    latitude: Latitude = Field(
        alias="breedtegraad",
        title="Breedtegraad",
        description="Bijvoorbeeld 52.4871 (in Nederland tussen 50,7 en 53,6).",
    )
    longitude: Longitude = Field(
        alias="lengtegraad",
        title="Lengtegraad",
        description="Bijvoorbeeld 4.6574 (in Nederland tussen 3,3 en 7,3).",
    )


def _empty_block(value: Any) -> Any:
    """An optional block left empty ('aanmelden:' with nothing under it) is not filled in."""
    return None if isinstance(value, str) and not value.strip() else value


Declarations = Annotated[
    dict[str, Annotated[NeedDeclaration, BeforeValidator(_empty_mapping)]],
    BeforeValidator(_empty_mapping),
]


class SopFrontMatter(Schema):
    """The front matter of a school's sop.md."""

    name: PlainText = Field(
        alias="naam",
        title="Naam van de school",
        description="De volledige naam, zoals ouders hem kennen.",
    )
    vestigingscode: Vestigingscode = Field(
        alias="vestigingscode",
        title="Vestigingscode",
        description="6 tekens: 2 cijfers, 2 hoofdletters, 2 cijfers (bijvoorbeeld 12AB00). U "
        "vindt de code bij DUO.",
    )
    # DUO's files name a board by its number only; a school whose board name is not known yet
    # leaves it empty.
    board: OptionalPlainText = Field(
        None,
        alias="bestuur",
        title="Bestuur",
        description="De naam van het schoolbestuur (stichting of vereniging). Mag leeg zolang de "
        "naam niet bekend is.",
    )
    # Choices from site_config are plain text here; schools/validate.py checks them against the
    # configuration, so that it can say "bedoelt u …?" with the real options.
    kern: PlainText = Field(
        alias="kern",
        title="Groep",
        description="De code van de groep scholen (kern, regio) waar de school bij hoort.",
        json_schema_extra={
            **choices("kernen"),
            **swv_words(
                title="{Grouping}",
                description="De code van de {grouping} waar de school bij hoort.",
            ),
        },
    )
    type: SchoolType = Field(
        alias="type",
        title="Soort school",
        description="bao, sbo, so, vso of vo.",
        json_schema_extra=x_labels(SCHOOL_TYPE_CODES),
    )
    address: Address = Field(
        alias="adres", title="Adres", description="Het bezoekadres van de school."
    )
    website: OptionalUrl = Field(  # DUO has none for some schools
        None,
        alias="website",
        title="Website",
        description="Het webadres van de school, beginnend met https:// (mag leeg).",
    )
    email: OptionalEmail = Field(
        None,
        alias="email",
        title="E-mail",
        description="Het algemene e-mailadres van de school (mag leeg).",
    )
    phone: OptionalPhone = Field(
        None,
        alias="telefoon",
        title="Telefoon",
        description="Het algemene telefoonnummer van de school (mag leeg).",
    )
    contacts: list[ContactPerson] = Field(
        alias="contactpersonen",
        title="Contactpersonen",
        description="Wie ouders kunnen bellen of mailen over ondersteuning. Gebruik werkadressen.",
        min_length=1,
    )
    adopted_by_board: Date = Field(
        alias="vastgesteld_door_bestuur",
        title="Vastgesteld door het bestuur",
        description="De datum (JJJJ-MM-DD) waarop het bestuur dit SOP heeft vastgesteld.",
    )
    discussed_with_mr: OptionalDate = Field(
        None,
        alias="besproken_met_mr",
        title="Besproken met de MR",
        description="De datum (JJJJ-MM-DD) waarop de medezeggenschapsraad het SOP heeft besproken.",
    )
    valid_until: Date = Field(
        alias="geldig_tot",
        title="Geldig tot",
        description="Tot welke datum (JJJJ-MM-DD) dit SOP geldt.",
    )
    updated: Date = Field(
        alias="bijgewerkt",
        title="Laatst bijgewerkt",
        description="De datum (JJJJ-MM-DD) van de laatste wijziging; ouders zien die op de site. "
        "Slaat u een wijziging op in de webeditor, dan zet die hier zelf de datum van vandaag.",
        json_schema_extra=saved_on(),
    )
    internal_expertise: list[PlainText] = INTERNAL_EXPERTISE.school_field()
    external_expertise: list[PlainText] = EXTERNAL_EXPERTISE.school_field()
    extra_support: list[PlainText] = EXTRA_SUPPORT.school_field()
    # Per need of the SWV's list (need id -> declaration); checked against the configuration in
    # project/schools/declarations.py, like the practical facts (fact id -> value as written).
    support: Declarations = Field(
        default_factory=dict,
        alias="ondersteuning",
        title="Wat de school biedt, per behoefte",
        description="Zeg bij elke behoefte van het samenwerkingsverband hoe ver de school gaat "
        "(niveau), in één of twee zinnen wat zij doet (wat) en waar het stopt (grens). Ouders "
        "vinden de school bij een behoefte alleen als dat hier staat.",
    )
    practical: Annotated[dict[str, Any], BeforeValidator(_empty_mapping)] = Field(
        default_factory=dict,
        alias="praktisch",
        title="Praktisch",
        description="Praktische zaken waar ouders op letten, zoals een lift: ja of nee, of een "
        "getal.",
    )
    enrolment: Annotated[Enrolment | None, BeforeValidator(_empty_block)] = Field(
        None,
        alias="aanmelden",
        title="Aanmelden en kennismaken",
        description="Hoe ouders kennismaken, hun kind inschrijven en wat er daarna gebeurt.",
    )
    coordinates: Annotated[Coordinates | None, BeforeValidator(_empty_block)] = Field(
        None,
        alias="coordinaten",
        title="Coördinaten",
        description="Waar de school staat (mag leeg): breedtegraad en lengtegraad, bijvoorbeeld "
        "52.4871 en 4.6574. Zonder coördinaten gebruikt de site het midden van de postcode.",
    )
    internal_note: OptionalText = Field(
        None, alias="interne_notitie", title="Interne notitie", description=INTERNAL_NOTE
    )


# --- content/schools/<slug>/zelfevaluatie-<jaar>.yaml ---------------------------------------


class ScoreEntry(Schema):
    score: PlainText = Field(
        alias="score",
        title="Score",
        description="De code van de score, bijvoorbeeld ja, deels of nee.",
        json_schema_extra={
            **choices("scores"),
            **swv_words(description="De code van de score: {score_codes}."),
        },
    )
    explanation: OptionalText = Field(
        None, alias="toelichting", title="Toelichting", description=INTERNAL_NOTE
    )


class SelfAssessmentFile(Schema):
    """A school's self-assessment of the agreements for one school year."""

    school_year: SchoolYear = Field(
        alias="schooljaar",
        title="Schooljaar",
        description=YEAR_OF_FILE,
    )
    filled_in_on: Date = Field(
        alias="ingevuld_op",
        title="Ingevuld op",
        description="De datum (JJJJ-MM-DD) waarop de school dit invulde.",
    )
    filled_in_by: PlainText = Field(
        alias="ingevuld_door",
        title="Ingevuld door",
        description="Een rol, bijvoorbeeld Intern begeleider. Nooit de naam van een leerling.",
        json_schema_extra=swv_words(
            description="Een rol, bijvoorbeeld {role}. Nooit de naam van een leerling."
        ),
    )
    # Each value is a score code or a ScoreEntry mapping; checked entry by entry in loading.
    # An empty 'scores:' (a new school's file) means nothing is scored yet.
    scores: Annotated[dict[str, Any], BeforeValidator(_empty_mapping)] = Field(
        alias="scores",
        title="Scores",
        description="Per afspraak een score, bijvoorbeeld BO-01: ja. Een toelichting is intern.",
        json_schema_extra=swv_words(
            description="Per afspraak een score, bijvoorbeeld {score_example}. "
            "Een toelichting is intern."
        ),
    )


# --- site_config/woordenlijst.yaml (optional) ----------------------------------------------


class GlossaryTerm(Schema):
    """A word parents may not know, its explanation, and optionally a plainer form."""

    term: PlainText = Field(
        alias="term", title="Term", description="Het woord of de afkorting, bijvoorbeeld OPP."
    )
    explanation: Text = Field(
        alias="uitleg", title="Uitleg", description="Eén zin in gewone taal over wat het betekent."
    )
    plainer: OptionalPlainText = Field(
        None,
        alias="eenvoudiger",
        title="Eenvoudiger",
        description="Een gewoner woord dat de check voorstelt (mag leeg).",
    )
    variants: list[PlainText] = Field(
        default_factory=list,
        alias="varianten",
        title="Varianten",
        description="Andere schrijfwijzen van hetzelfde woord (mag leeg).",
    )

    @property
    def anchor(self) -> str:
        """The id of the term on the glossary page: 'S(B)O' -> 's-b-o'."""
        return slugify(self.term, fallback="term")


class Glossary(Schema):
    terms: list[GlossaryTerm] = Field(
        default_factory=list,
        alias="termen",
        title="Termen",
        description="Woorden en afkortingen die ouders misschien niet kennen.",
    )


# --- domain objects -------------------------------------------------------------------------


def previous_school_year(year: str) -> str:
    """'2025-2026' -> '2024-2025'."""
    first = int(year[:4])
    return f"{first - 1}-{first}"


def next_school_year(year: str) -> str:
    """'2025-2026' -> '2026-2027'."""
    first = int(year[:4])
    return f"{first + 1}-{first + 2}"


@dataclass(frozen=True)
class SiteConfig:
    """Everything in site_config/."""

    swv: SwvConfig
    # The versions of the norm by the school year they start (site_config/basisondersteuning/):
    # each is in force until the next one starts.
    norms: dict[str, Norm]
    vocabularies: Vocabularies
    texts: Texts
    glossary: Glossary = field(default_factory=Glossary)  # site_config/woordenlijst.yaml
    webeditor: Any = None  # site_config/webeditor.yaml (webeditor_settings.WebEditor), optional
    build: Any = None  # site_config/bouwen.yaml (build_settings.BuildSettings), optional
    # site_config/niet-eens.yaml (disagreement.Disagreement), optional: the steps for a parent
    # who does not agree with the school or the SWV.
    disagreement: Any = None
    # site_config/scholen.yaml (school_selection.SchoolSelection), optional: which of DUO's
    # locations `import-scholen` takes
    selection: Any = None
    # The top-level keys of swv.yaml and of each norm file (by path, e.g.
    # 'site_config/swv.yaml') that are still under their INVULLEN mark: examples, which the
    # public site leaves out (project/public_config.py).
    marked: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def is_marked(self, path: str, key: str) -> bool:
        """Whether the top-level ``key`` of site_config file ``path`` is still marked."""
        return key in self.marked.get(path, frozenset())

    def norm_year(self, school_year: str) -> str | None:
        """The first school year of the norm in force in ``school_year`` (None: none yet)."""
        started = [y for y in self.norms if y <= school_year]
        return max(started) if started else None

    def norm_for(self, school_year: str) -> Norm | None:
        """The norm in force in ``school_year``: the latest version that started by then."""
        year = self.norm_year(school_year)
        return self.norms[year] if year is not None else None

    @property
    def norm(self) -> Norm:
        """The norm of the current school year (load_config refuses a config without one)."""
        norm = self.norm_for(self.swv.school_year)
        assert norm is not None
        return norm

    def school_type(self, code: str) -> str:
        return self.texts.school_type(code)


@dataclass(frozen=True)
class Section:
    """One section of the SOP body."""

    key: str
    title: str
    markdown: str
    line: int  # the line of its heading
    text_line: int = 0  # the line of the first line of ``markdown``
    html: str = ""  # ``markdown`` rendered and sanitised (core/richtext.py), once, by loading


# Who assessed a school on the agreements: the school itself (its self-assessment) or the SWV
# (content/swv/<slug>/beoordeling-basisondersteuning-<year>.yaml). scoring.counted says whose
# score counts.
SCHOOL, SWV = "school", "swv"


@dataclass(frozen=True)
class SelfAssessment:
    """A validated self-assessment: agreement id -> score code, plus internal explanations.

    The SWV's assessment of the same agreements takes this shape too (``assessor`` SWV, no
    explanations), so that both are scored alike.
    """

    school_year: str
    filled_in_on: date
    scores: dict[str, str]
    explanations: dict[str, str]
    path: str
    filled_in_by: str = ""
    # Still marked INVULLEN somewhere (e.g. last year's scores as a starting point, not yet
    # confirmed): not final, so the public site keeps showing the year before.
    pending: bool = False
    assessor: str = SCHOOL


@dataclass(frozen=True)
class School:
    """One school location with its SOP and its self-assessments."""

    slug: str
    path: str
    front: SopFrontMatter
    sections: tuple[Section, ...]
    internal_comments: tuple[str, ...] = ()
    self_assessments: dict[str, SelfAssessment] = field(default_factory=dict)
    # The valid declarations, in the order of the SWV's needs (need id -> declaration), and the
    # practical facts (fact id -> True/False or a number); see project/schools/declarations.py.
    declarations: dict[str, NeedDeclaration] = field(default_factory=dict)
    facts: dict[str, bool | int] = field(default_factory=dict)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)
