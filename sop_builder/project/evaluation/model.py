"""Schemas of the SWV's yearly goals and assessment frameworks (site_config/), of a school's
yearly evaluation and of assessments by school or SWV against a framework.

Field names are English; the keys people type are the Dutch aliases. Everything here is
internal except ``EvaluationFile.public_summary``.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from sop_builder.core.fieldtypes import (
    Date,
    OptionalDate,
    OptionalPlainText,
    OptionalSchoolYear,
    OptionalText,
    PlainText,
    SchoolYear,
    Slug,
    Text,
    YesNo,
)
from sop_builder.project.model import YEAR_OF_FILE, Schema, SchoolType

# --- site_config/jaardoelen/<schooljaar>.yaml -----------------------------------------------


class StatusLevel(Schema):
    code: Slug = Field(
        alias="code",
        title="Code",
        description="Wat in een evaluatie staat: kleine letters, cijfers en streepjes, "
        "bijvoorbeeld op-weg.",
    )
    label: PlainText = Field(
        alias="label", title="Naam", description="Wat in het verslag staat, bijvoorbeeld Op weg."
    )


class Goal(Schema):
    """One goal (e.g. '1a' or '2.4') with the questions or points to discuss."""

    id: PlainText = Field(
        alias="id",
        title="Code",
        description="Het nummer van het doel, bijvoorbeeld 1a of 2.4. Verander het niet meer als "
        "evaluaties het gebruiken.",
    )
    title: Text = Field(
        alias="titel",
        title="Doel",
        description="Wat het samenwerkingsverband wil bereiken, in één zin.",
    )
    questions: list[Text] = Field(
        default_factory=list,
        alias="vragen",
        title="Vragen",
        description="De vragen of punten om bij dit doel te bespreken, één per regel (mag leeg).",
    )


class GoalGroup(Schema):
    """A main goal or an ambition, holding numbered goals."""

    id: PlainText = Field(
        alias="id",
        title="Code",
        description="Het nummer van de ambitie of het hoofddoel, bijvoorbeeld 1.",
    )
    title: PlainText = Field(
        alias="titel", title="Titel", description="De naam van de ambitie of het hoofddoel."
    )
    description: OptionalText = Field(
        None,
        alias="omschrijving",
        title="Omschrijving",
        description="Een korte uitleg in gewone taal (mag leeg).",
    )
    goals: list[Goal] = Field(
        alias="doelen",
        title="Doelen",
        description="De genummerde doelen van deze ambitie.",
        min_length=1,
    )


class YearGoals(Schema):
    """The SWV's goals for one school year, or (with 'tot_en_met') for several in a row."""

    school_year: SchoolYear = Field(
        alias="schooljaar",
        title="Schooljaar",
        description="Het eerste schooljaar van deze doelen, bijvoorbeeld 2025-2026; gelijk aan de "
        "bestandsnaam.",
    )
    until: OptionalSchoolYear = Field(
        None,
        alias="tot_en_met",
        title="Tot en met",
        description="Het laatste schooljaar waarin deze doelen ook gelden (mag leeg: alleen het "
        "eerste).",
    )
    title: PlainText = Field(
        alias="titel",
        title="Titel",
        description="De naam van het gesprek, bijvoorbeeld Jaargesprek 2025-2026.",
    )
    group_label: PlainText = Field(
        alias="groep_label",
        title="Naam van een groep doelen",
        description="Hoe u een groep doelen noemt, bijvoorbeeld Ambitie of Doel.",
    )
    status_scale: list[StatusLevel] = Field(
        alias="statusschaal",
        title="Statusschaal",
        description="Hoe ver een school is met een doel: per stap een code en een naam, "
        "bijvoorbeeld op-weg en Op weg.",
        min_length=2,
    )
    groups: list[GoalGroup] = Field(
        alias="ambities",
        title="Ambities",
        description="De ambities of hoofddoelen, elk met hun genummerde doelen.",
        min_length=1,
    )
    general_questions: list[Text] = Field(
        default_factory=list,
        alias="algemene_vragen",
        title="Algemene vragen",
        description="Vragen voor het gesprek die bij geen enkel doel horen, één per regel (mag "
        "leeg).",
    )

    def goals(self) -> list[Goal]:
        return [g for group in self.groups for g in group.goals]

    def covers(self, school_year: str) -> bool:
        return self.school_year <= school_year <= (self.until or self.school_year)

    def status(self, code: str) -> StatusLevel | None:
        return next((s for s in self.status_scale if s.code == code), None)


# --- site_config/kaders/<id>.yaml: an assessment framework -----------------------------------


class Dimension(Schema):
    id: Slug = Field(
        alias="id",
        title="Code",
        description="Kleine letters, cijfers en streepjes, bijvoorbeeld vastgelegd.",
    )
    label: PlainText = Field(
        alias="label",
        title="Naam",
        description="Wat in het verslag staat, bijvoorbeeld Schriftelijk vastgelegd.",
    )
    description: OptionalText = Field(
        None,
        alias="omschrijving",
        title="Omschrijving",
        description="Wat een score op deze dimensie betekent (mag leeg).",
    )


class FrameworkLevel(Schema):
    code: PlainText = Field(
        alias="code", title="Code", description="Wat een beoordeling invult, bijvoorbeeld V."
    )
    label: PlainText = Field(
        alias="label", title="Naam", description="Wat de code betekent, bijvoorbeeld Voldoende."
    )
    confirmed: YesNo = Field(
        True,
        alias="bevestigd",
        title="Bevestigd",
        description="nee als het samenwerkingsverband deze betekenis nog moet bevestigen; zonder "
        "deze regel: ja.",
    )


class FrameworkItem(Schema):
    id: PlainText = Field(
        alias="id",
        title="Code",
        description="Het nummer van het onderdeel, bijvoorbeeld 1A. Verander het niet meer als "
        "beoordelingen het gebruiken.",
    )
    text: Text = Field(
        alias="tekst", title="Tekst", description="Wat er beoordeeld wordt, in één zin."
    )


class FrameworkTheme(Schema):
    id: PlainText = Field(
        alias="id", title="Code", description="Het nummer van het thema, bijvoorbeeld 1."
    )
    title: PlainText = Field(alias="titel", title="Titel", description="De naam van het thema.")
    items: list[FrameworkItem] = Field(
        alias="items",
        title="Onderdelen",
        description="De onderdelen van het thema, elk met een vaste code.",
        min_length=1,
    )


class FrameworkFile(Schema):
    """A grid of items that school and SWV both score, on one or more dimensions."""

    name: PlainText = Field(
        alias="naam",
        title="Naam",
        description="De naam van het kader, bijvoorbeeld Indicatoren passend onderwijs.",
    )
    school_types: list[SchoolType] = Field(
        alias="voor_schooltypes",
        title="Voor soorten school",
        description="Voor welke soorten school het kader is: bao, sbo, so en vo.",
        min_length=1,
    )
    dimensions: list[Dimension] = Field(
        alias="dimensies",
        title="Dimensies",
        description="Waarop elk onderdeel een score krijgt, bijvoorbeeld vastgelegd en "
        "geïmplementeerd.",
        min_length=1,
    )
    scale: list[FrameworkLevel] = Field(
        alias="schaal",
        title="Schaal",
        description="De scores die een beoordeling kan geven, elk met een code en een naam.",
        min_length=2,
    )
    themes: list[FrameworkTheme] = Field(
        alias="themas", title="Thema's", description="De thema's met hun onderdelen.", min_length=1
    )


# --- content/schools/<slug>/evaluatie-<schooljaar>.yaml --------------------------------------


class GoalEvaluation(Schema):
    status: PlainText = Field(
        alias="status",
        title="Status",
        description="Hoe ver de school is met dit doel: een code van de statusschaal van de "
        "jaardoelen.",
    )
    steps: OptionalText = Field(
        None,
        alias="stappen",
        title="Stappen",
        description="Welke stappen de school heeft gezet (mag leeg).",
    )
    remark: OptionalText = Field(
        None,
        alias="opmerking",
        title="Opmerking",
        description="Een opmerking bij dit doel (mag leeg).",
    )
    consultant_hours: YesNo = Field(
        False,
        alias="uren_consulent",
        title="Uren van de consulent",
        description="ja als de uren van de consulent naar dit doel gaan.",
    )


class EvaluationFile(Schema):
    """The yearly evaluation conversation of a school with the SWV."""

    school_year: SchoolYear = Field(
        alias="schooljaar",
        title="Schooljaar",
        description=YEAR_OF_FILE,
    )
    conversation_on: OptionalDate = Field(
        None,
        alias="gesprek_op",
        title="Gesprek op",
        description="De datum (JJJJ-MM-DD) van het gesprek (mag leeg).",
    )
    aims: list[Text] = Field(
        default_factory=list,
        alias="doel_gesprek",
        title="Doel van het gesprek",
        description="Waarvoor het gesprek is, één punt per regel (mag leeg).",
    )
    goals: dict[str, GoalEvaluation] = Field(
        default_factory=dict,
        alias="doelen",
        title="Doelen",
        description="Per doel van de jaardoelen (de code van het doel) hoe ver de school is.",
    )
    priorities: list[Text] = Field(
        default_factory=list,
        alias="speerpunten",
        title="Speerpunten",
        description="Waar de school dit jaar vooral aan werkt, één per regel (mag leeg).",
    )
    agreements_next_year: list[Text] = Field(
        default_factory=list,
        alias="afspraken_volgend_jaar",
        title="Afspraken voor volgend jaar",
        description="Wat school en samenwerkingsverband afspreken, één afspraak per regel (mag "
        "leeg).",
    )
    report_by: OptionalPlainText = Field(
        None,
        alias="verslag_door",
        title="Verslag door",
        description="Wie het verslag schrijft, als rol, bijvoorbeeld Consulent (mag leeg).",
    )
    report_in_sop: YesNo = Field(
        False,
        alias="verslag_bij_sop",
        title="Verslag bij het SOP",
        description="ja als het verslag bij het SOP van de school komt.",
    )
    # The only public field: shown on the school's page.
    public_summary: OptionalText = Field(
        None,
        alias="openbare_samenvatting",
        title="Openbare samenvatting",
        description="Wat wij dit jaar met het samenwerkingsverband afspraken, voor ouders. Alleen "
        "dit veld komt op de site, op de pagina van de school (mag leeg).",
    )


# --- beoordeling-<kader>-<schooljaar>.yaml (school folder or content/swv/<slug>/) ---------------


class FrameworkAssessmentFile(Schema):
    """Scores on a framework by one assessor; each score is a code or a mapping per item."""

    school_year: SchoolYear = Field(
        alias="schooljaar",
        title="Schooljaar",
        description=YEAR_OF_FILE,
    )
    filled_in_on: Date = Field(
        alias="ingevuld_op",
        title="Ingevuld op",
        description="De datum (JJJJ-MM-DD) waarop de beoordeling is ingevuld.",
    )
    filled_in_by: PlainText = Field(
        alias="ingevuld_door",
        title="Ingevuld door",
        description="Een rol, bijvoorbeeld Consulent. Nooit de naam van een leerling.",
    )
    remark: OptionalText = Field(
        None,
        alias="opmerking",
        title="Opmerking",
        description="Een opmerking bij de hele beoordeling (mag leeg).",
    )
    scores: dict[str, Any] = Field(
        alias="scores",
        title="Scores",
        description="Per onderdeel een code, of per dimensie een code en eventueel een "
        "toelichting. Een toelichting is intern.",
    )
