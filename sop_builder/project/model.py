"""The schemas of configuration and content, and the domain objects built from them.

Field names are English; the keys people type are the Dutch aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

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
    # The address of this site (canonical links, sitemap, short links, QR codes, the calendar,
    # the web editor); mkdocs.yml's site_url is only a fallback while this is empty.
    site_address: OptionalUrl = Field(None, alias="site_adres")
    contact: SwvContact = Field(alias="contact")
    support_point: SupportPoint = Field(alias="steunpunt")
    school_year: SchoolYear = Field(alias="schooljaar")
    sop_max_chars: PositiveInt = Field(alias="sop_max_tekens")
    grouping: Grouping = Field(alias="groepering")
    kernen: list[Kern] = Field(alias="kernen", min_length=1)
    targets: list[Target] = Field(alias="doelen", min_length=1)
    accessibility: Accessibility | None = Field(None, alias="toegankelijkheid")
    privacy: Privacy | None = Field(None, alias="privacy")
    # How a school page shows its agreements: counts per theme, or also those not yet met.
    agreements_on_school_page: Literal["per-thema", "niet-gehaald-bij-naam"] = Field(
        "per-thema",
        alias="afspraken_op_schoolpagina",
        json_schema_extra=x_labels(
            {
                "per-thema": "per thema hoeveel afspraken de school haalt",
                "niet-gehaald-bij-naam": "ook welke afspraken de school nog niet haalt",
            }
        ),
    )
    # The steps a teacher takes when a pupil needs more help (printed on the leraarposter).
    help_route: list[PlainText] = Field(default_factory=list, alias="hulproute")

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
    # Its form is the norm's own (`codevoorbeeld`), checked in config.py with positions.
    id: PlainText = Field(alias="id")
    theme: Slug = Field(alias="thema")
    aspect: Slug = Field(alias="aspect")
    title: PlainText = Field(alias="titel")
    description: Text = Field(alias="omschrijving")


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

    version: PlainText = Field(alias="versie")
    name: PlainText = Field(alias="naam")
    adopted: OptionalDate = Field(None, alias="vastgesteld")
    # What an agreement's code looks like, e.g. BO-01 or 1.1 (see code_pattern).
    code_example: CodeExample = Field(alias="codevoorbeeld")
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

    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")
    description: Text = Field(alias="omschrijving")


class Need(Schema):
    """A need in parents' words (dyslexie, gedrag, ...): each school declares what it offers."""

    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")
    description: OptionalText = Field(None, alias="omschrijving")
    # Words a parent may type in the finder for this need (besides its label).
    keywords: list[PlainText] = Field(default_factory=list, alias="zoekwoorden")


class SupportLevel(Schema):
    """One step of the scale on which a school says how far it goes for a need."""

    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")
    # Whether a school at this level is found by the finder for the need.
    offered: YesNo = Field(alias="aanbod")


FACT_KINDS: dict[str, str] = {"ja-nee": "ja of nee", "getal": "een heel getal"}


class PracticalFact(Schema):
    """A practical fact parents filter on (a lift, wheelchair access, group size, ...)."""

    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")
    kind: Literal["ja-nee", "getal"] = Field(alias="soort", json_schema_extra=x_labels(FACT_KINDS))
    unit: OptionalPlainText = Field(None, alias="eenheid")
    keywords: list[PlainText] = Field(default_factory=list, alias="zoekwoorden")


class Vocabularies(Schema):
    # The scale of what a school offers for a need, from most to least.
    levels: list[SupportLevel] = Field(alias="aanbodniveaus", min_length=2)
    # The needs parents search for; every school declares a level for each of them.
    needs: list[Need] = Field(alias="behoeften", min_length=1)
    practical: list[PracticalFact] = Field(default_factory=list, alias="praktisch")
    internal_expertise: list[VocabularyEntry] = Field(alias="interne_expertise", min_length=1)
    external_expertise: list[VocabularyEntry] = Field(alias="externe_deskundigheid", min_length=1)
    extra_support: list[VocabularyEntry] = Field(alias="extra_ondersteuning", min_length=1)

    def level(self, level_id: str) -> SupportLevel | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def need(self, need_id: str) -> Need | None:
        return next((n for n in self.needs if n.id == need_id), None)

    def fact(self, fact_id: str) -> PracticalFact | None:
        return next((f for f in self.practical if f.id == fact_id), None)


# --- site_config/teksten.yaml ----------------------------------------------------------------


class HelpAtSchool(Schema):
    """Who arranges extra help at school, for the page 'Over passend onderwijs'."""

    role: PlainText = Field(alias="rol")
    task: PlainText = Field(alias="taak")


class SchoolTypeNames(Schema):
    """A text per kind of school (each may be left out)."""

    bao: OptionalPlainText = Field(None, alias="bao")
    sbo: OptionalPlainText = Field(None, alias="sbo")
    so: OptionalPlainText = Field(None, alias="so")
    vso: OptionalPlainText = Field(None, alias="vso")
    vo: OptionalPlainText = Field(None, alias="vo")


class PerSchoolType(SchoolTypeNames):
    """A text for every school ('standaard'), or another one for a kind of school."""

    default: PlainText = Field(alias="standaard")

    def for_type(self, school_type: str | None = None) -> str:
        own = getattr(self, school_type, None) if school_type in SCHOOL_TYPE_CODES else None
        return own or self.default


class Texts(Schema):
    """The words on the site and in new files that depend on the SWV or the kind of school."""

    first_contact: PerSchoolType = Field(alias="eerste_gesprek")
    help_at_school: HelpAtSchool = Field(alias="hulp_op_school")
    special_education: PlainText = Field(alias="speciaal_onderwijs")
    contact_role: PerSchoolType = Field(alias="contactrol")
    # What this SWV calls each kind of school (left out: the usual name).
    school_types: SchoolTypeNames | None = Field(None, alias="soorten_school")

    def school_type(self, code: str) -> str:
        """The name of a kind of school: the SWV's own, else the usual one."""
        own = getattr(self.school_types, code, None) if self.school_types else None
        return own or SCHOOL_TYPE_LABELS.get(code, code)


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
            raise field_error(
                "SOP110",
                f"'{{value}}' is geen {what} in Nederland.",
                f"Schrijf een getal tussen {low:g} en {high:g} met een punt, bijvoorbeeld "
                f"{(low + high) / 2:.4f}. Heeft u breedtegraad en lengtegraad omgewisseld?",
                text,
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
SCHOOL_TYPE_LABELS: dict[str, str] = {
    "bao": "Basisschool",
    "sbo": "Speciale basisschool (SBO)",
    "so": "Speciaal onderwijs (SO)",
    "vso": "Voortgezet speciaal onderwijs (VSO)",
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


class NeedDeclaration(Schema):
    """What a school declares for one need: a level of the scale, in its own words, and where
    it stops. An empty level means: not declared yet (check warns)."""

    level: OptionalPlainText = Field(None, alias="niveau")
    offer: OptionalPlainText = Field(None, alias="wat")
    limit: OptionalPlainText = Field(None, alias="grens")


class Enrolment(Schema):
    """How parents get to know the school, enrol their child, and what happens next."""

    visit: OptionalPlainText = Field(None, alias="kennismaken")
    enrol: OptionalPlainText = Field(None, alias="inschrijven")
    intake: OptionalPlainText = Field(None, alias="intake")
    link: OptionalUrl = Field(None, alias="link")


class Coordinates(Schema):
    latitude: Latitude = Field(alias="breedtegraad")
    longitude: Longitude = Field(alias="lengtegraad")


def _empty_block(value: Any) -> Any:
    """An optional block left empty ('aanmelden:' with nothing under it) is not filled in."""
    return None if isinstance(value, str) and not value.strip() else value


Declarations = Annotated[
    dict[str, Annotated[NeedDeclaration, BeforeValidator(_empty_mapping)]],
    BeforeValidator(_empty_mapping),
]


class SopFrontMatter(Schema):
    """The front matter of a school's sop.md."""

    name: PlainText = Field(alias="naam")
    vestigingscode: Vestigingscode = Field(alias="vestigingscode")
    # DUO's files name a board by its number only; a school whose board name is not known yet
    # leaves it empty.
    board: OptionalPlainText = Field(None, alias="bestuur")
    # Choices from site_config are plain text here; schools/validate.py checks them against the
    # configuration, so that it can say "bedoelt u …?" with the real options.
    kern: PlainText = Field(alias="kern")
    type: SchoolType = Field(alias="type", json_schema_extra=x_labels(SCHOOL_TYPE_CODES))
    address: Address = Field(alias="adres")
    website: OptionalUrl = Field(None, alias="website")  # DUO has none for some schools
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
    # Per need of the SWV's list (need id -> declaration); checked against the configuration in
    # project/schools/declarations.py, like the practical facts (fact id -> value as written).
    support: Declarations = Field(default_factory=dict, alias="ondersteuning")
    practical: Annotated[dict[str, Any], BeforeValidator(_empty_mapping)] = Field(
        default_factory=dict, alias="praktisch"
    )
    enrolment: Annotated[Enrolment | None, BeforeValidator(_empty_block)] = Field(
        None, alias="aanmelden"
    )
    coordinates: Annotated[Coordinates | None, BeforeValidator(_empty_block)] = Field(
        None, alias="coordinaten"
    )
    internal_note: OptionalText = Field(None, alias="interne_notitie")


# --- content/schools/<slug>/zelfevaluatie-<jaar>.yaml ---------------------------------------


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
    # site_config/scholen.yaml (school_selection.SchoolSelection), optional: which of DUO's
    # locations `import-scholen` takes
    selection: Any = None

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


@dataclass(frozen=True)
class SelfAssessment:
    """A validated self-assessment: agreement id -> score code, plus internal explanations."""

    school_year: str
    filled_in_on: date
    scores: dict[str, str]
    explanations: dict[str, str]
    path: str
    filled_in_by: str = ""
    # Still marked INVULLEN somewhere (e.g. last year's scores as a starting point, not yet
    # confirmed): not final, so the public site keeps showing the year before.
    pending: bool = False


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
