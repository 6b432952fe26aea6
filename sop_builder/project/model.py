"""The schemas of configuration and content, and the domain objects built from them.

Field names are English; the keys people type are the Dutch aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from sop_builder.core.fieldtypes import (
    AgreementId,
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
    x_labels,
)
from sop_builder.core.text import slugify


class Schema(BaseModel):
    """Base of every schema: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, populate_by_name=False
    )


# --- site_config/swv.yaml -------------------------------------------------------------------


class SwvContact(Schema):
    email: OptionalEmail = Field(None, alias="email")
    phone: OptionalPhone = Field(None, alias="telefoon")
    address: OptionalText = Field(None, alias="adres")


class SupportPoint(Schema):
    """The ouder- en jeugdsteunpunt."""

    name: PlainText = Field(alias="naam")
    description: Text = Field(alias="omschrijving")
    phone: OptionalPhone = Field(None, alias="telefoon")
    email: OptionalEmail = Field(None, alias="email")
    website: OptionalUrl = Field(None, alias="website")


class Grouping(Schema):
    label: PlainText = Field(alias="label")
    plural: PlainText = Field(alias="meervoud")


class Kern(Schema):
    id: Slug = Field(alias="id")
    name: PlainText = Field(alias="naam")
    municipality: PlainText = Field(alias="gemeente")


class Target(Schema):
    from_year: SchoolYear = Field(alias="vanaf")
    percentage: Percentage = Field(alias="percentage")


class Accessibility(Schema):
    """What the toegankelijkheidsverklaring (accessibility statement) says."""

    status: Literal["volledig", "gedeeltelijk", "niet"] = Field(
        alias="status",
        json_schema_extra={
            "x-labels": {
                "volledig": "voldoet volledig",
                "gedeeltelijk": "voldoet gedeeltelijk",
                "niet": "voldoet nog niet",
            }
        },
    )
    statement_date: Date = Field(alias="datum_verklaring")
    last_check: OptionalDate = Field(None, alias="laatste_onderzoek")
    checked_by: OptionalPlainText = Field(None, alias="onderzocht_door")
    known_problems: list[Text] = Field(default_factory=list, alias="bekende_problemen")
    email: Email = Field(alias="email")
    response_days: PositiveInt = Field(5, alias="reactietermijn_dagen")


class Privacy(Schema):
    """Who is responsible for personal data and whom to ask."""

    officer_email: Email = Field(alias="email_functionaris")
    host: OptionalPlainText = Field(None, alias="hosting")


class SwvConfig(Schema):
    # Checked before the schema (project/config.py); written by `sop-builder migreer`.
    format_version: PositiveInt = Field(1, alias="formaatversie")
    name: PlainText = Field(alias="naam")
    short_name: PlainText = Field(alias="korte_naam")
    region_code: OptionalPlainText = Field(None, alias="regiocode")
    website: Url = Field(alias="website")
    contact: SwvContact = Field(alias="contact")
    support_point: SupportPoint = Field(alias="steunpunt")
    school_year: SchoolYear = Field(alias="schooljaar")
    sop_max_chars: PositiveInt = Field(alias="sop_max_tekens")
    grouping: Grouping = Field(alias="groepering")
    kernen: list[Kern] = Field(alias="kernen", min_length=1)
    targets: list[Target] = Field(alias="doelen", min_length=1)
    accessibility: Accessibility | None = Field(None, alias="toegankelijkheid")
    privacy: Privacy | None = Field(None, alias="privacy")

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


# --- site_config/basisondersteuning.yaml ----------------------------------------------------


class Aspect(Schema):
    id: Slug = Field(alias="id")
    name: PlainText = Field(alias="naam")


class ScaleLevel(Schema):
    code: Slug = Field(alias="code")
    label: PlainText = Field(alias="label")
    weight: OptionalWeight = Field(None, alias="gewicht")
    not_applicable: YesNo = Field(False, alias="nvt")


class Theme(Schema):
    id: Slug = Field(alias="id")
    title: PlainText = Field(alias="titel")
    description: Text = Field(alias="omschrijving")


class Agreement(Schema):
    id: AgreementId = Field(alias="id")
    theme: Slug = Field(alias="thema")
    aspect: Slug = Field(alias="aspect")
    title: PlainText = Field(alias="titel")
    description: Text = Field(alias="omschrijving")


class Norm(Schema):
    version: PlainText = Field(alias="versie")
    name: PlainText = Field(alias="naam")
    adopted: OptionalDate = Field(None, alias="vastgesteld")
    aspects: list[Aspect] = Field(alias="aspecten", min_length=1)
    scale: list[ScaleLevel] = Field(alias="schaal", min_length=2)
    not_applicable_allowed: YesNo = Field(False, alias="nvt_toegestaan")
    # How an agreement without a score counts: as not met, or not at all.
    unscored: Literal["niet-voldaan", "telt-niet-mee"] = Field(
        "niet-voldaan",
        alias="zonder_score",
        json_schema_extra={
            "x-labels": {
                "niet-voldaan": "telt als niet voldaan",
                "telt-niet-mee": "telt niet mee in het totaal",
            }
        },
    )
    themes: list[Theme] = Field(alias="themas", min_length=1)
    agreements: list[Agreement] = Field(alias="afspraken", min_length=1)

    def level(self, code: str) -> ScaleLevel | None:
        return next((s for s in self.scale if s.code == code), None)

    def agreement_ids(self) -> list[str]:
        return [a.id for a in self.agreements]


# --- site_config/vocabularies.yaml ----------------------------------------------------------


class VocabularyEntry(Schema):
    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")
    description: Text = Field(alias="omschrijving")
    needs: list[PlainText] = Field(default_factory=list, alias="behoeften")


class Need(Schema):
    """A need in parents' words (dyslexie, gedrag, ...), used by the school finder."""

    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")


class Vocabularies(Schema):
    # The needs parents search for; entries below refer to them by id in 'behoeften'.
    needs: list[Need] = Field(default_factory=list, alias="behoeften")
    internal_expertise: list[VocabularyEntry] = Field(alias="interne_expertise", min_length=1)
    external_expertise: list[VocabularyEntry] = Field(alias="externe_deskundigheid", min_length=1)
    extra_support: list[VocabularyEntry] = Field(alias="extra_ondersteuning", min_length=1)


# --- content/schools/<slug>/sop.md ----------------------------------------------------------

SchoolType = Literal["bao", "sbo", "so", "vo"]
SCHOOL_TYPE_CODES: dict[str, str] = {
    "bao": "basisschool",
    "sbo": "speciale basisschool",
    "so": "speciaal onderwijs",
    "vo": "voortgezet onderwijs",
}
SCHOOL_TYPE_LABELS: dict[str, str] = {
    "bao": "Basisschool",
    "sbo": "Speciale basisschool (SBO)",
    "so": "Speciaal onderwijs (SO)",
    "vo": "Voortgezet onderwijs",
}


class Address(Schema):
    street: PlainText = Field(alias="straat")
    postcode: Postcode = Field(alias="postcode")
    place: PlainText = Field(alias="plaats")


class ContactPerson(Schema):
    role: PlainText = Field(alias="rol")
    name: PlainText = Field(alias="naam")
    email: OptionalEmail = Field(None, alias="email")
    phone: OptionalPhone = Field(None, alias="telefoon")


class SopFrontMatter(Schema):
    """The front matter of a school's sop.md."""

    name: PlainText = Field(alias="naam")
    vestigingscode: Vestigingscode = Field(alias="vestigingscode")
    board: PlainText = Field(alias="bestuur")
    # Choices from site_config are plain text here; validation.py checks them against the
    # configuration, so that it can say "bedoelt u …?" with the real options.
    kern: PlainText = Field(alias="kern")
    type: SchoolType = Field(alias="type", json_schema_extra=x_labels(SCHOOL_TYPE_CODES))
    address: Address = Field(alias="adres")
    website: Url = Field(alias="website")
    email: OptionalEmail = Field(None, alias="email")
    phone: OptionalPhone = Field(None, alias="telefoon")
    contacts: list[ContactPerson] = Field(alias="contactpersonen", min_length=1)
    adopted_by_board: Date = Field(alias="vastgesteld_door_bestuur")
    discussed_with_mr: OptionalDate = Field(None, alias="besproken_met_mr")
    valid_until: Date = Field(alias="geldig_tot")
    updated: Date = Field(alias="bijgewerkt")
    internal_expertise: list[PlainText] = Field(default_factory=list, alias="interne_expertise")
    external_expertise: list[PlainText] = Field(default_factory=list, alias="externe_deskundigheid")
    extra_support: list[PlainText] = Field(default_factory=list, alias="extra_ondersteuning")
    internal_note: OptionalText = Field(None, alias="interne_notitie")


# --- content/schools/<slug>/zelfevaluatie-<jaar>.yaml ---------------------------------------


def _empty_mapping(value: Any) -> Any:
    return {} if isinstance(value, str) and not value.strip() else value


class ScoreEntry(Schema):
    score: PlainText = Field(alias="score")
    explanation: OptionalText = Field(None, alias="toelichting")


class SelfAssessmentFile(Schema):
    """A school's self-assessment of the agreements for one school year."""

    school_year: SchoolYear = Field(alias="schooljaar")
    filled_in_on: Date = Field(alias="ingevuld_op")
    filled_in_by: PlainText = Field(alias="ingevuld_door")
    # Each value is a score code or a ScoreEntry mapping; checked entry by entry in loading.
    # An empty 'scores:' (a new school's file) means nothing is scored yet.
    scores: Annotated[dict[str, Any], BeforeValidator(_empty_mapping)] = Field(alias="scores")


# --- site_config/woordenlijst.yaml (optional) ----------------------------------------------


class GlossaryTerm(Schema):
    """A word parents may not know, its explanation, and optionally a plainer form."""

    term: PlainText = Field(alias="term")
    explanation: Text = Field(alias="uitleg")
    plainer: OptionalPlainText = Field(None, alias="eenvoudiger")
    variants: list[PlainText] = Field(default_factory=list, alias="varianten")

    @property
    def anchor(self) -> str:
        """The id of the term on the glossary page: 'S(B)O' -> 's-b-o'."""
        return slugify(self.term, fallback="term")


class Glossary(Schema):
    terms: list[GlossaryTerm] = Field(default_factory=list, alias="termen")


# --- domain objects -------------------------------------------------------------------------

INTERNAL_MARK = "internal"


@dataclass(frozen=True)
class SiteConfig:
    """Everything in site_config/."""

    swv: SwvConfig
    norm: Norm
    vocabularies: Vocabularies
    glossary: Glossary = field(default_factory=Glossary)  # site_config/woordenlijst.yaml
    webeditor: Any = None  # site_config/webeditor.yaml (webeditor_settings.WebEditor), optional


@dataclass(frozen=True)
class Section:
    """One section of the SOP body."""

    key: str
    title: str
    markdown: str
    line: int  # the line of its heading
    text_line: int = 0  # the line of the first line of ``markdown``
    html: str = ""  # ``markdown`` rendered and sanitised (core/richtext.py), once, by loading


@dataclass(frozen=True)
class SelfAssessment:
    """A validated self-assessment: agreement id -> score code, plus internal explanations."""

    school_year: str
    filled_in_on: date
    scores: dict[str, str]
    explanations: dict[str, str]
    path: str


@dataclass(frozen=True)
class School:
    """One school location with its SOP and its self-assessments."""

    slug: str
    path: str
    front: SopFrontMatter
    sections: tuple[Section, ...]
    internal_comments: tuple[str, ...] = ()
    self_assessments: dict[str, SelfAssessment] = field(default_factory=dict)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)
