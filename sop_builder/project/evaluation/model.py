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
from sop_builder.project.model import Schema, SchoolType

# --- site_config/jaardoelen/<schooljaar>.yaml -----------------------------------------------


class StatusLevel(Schema):
    code: Slug = Field(alias="code")
    label: PlainText = Field(alias="label")


class Goal(Schema):
    """One goal (e.g. '1a' or '2.4') with the questions or points to discuss."""

    id: PlainText = Field(alias="id")
    title: Text = Field(alias="titel")
    questions: list[Text] = Field(default_factory=list, alias="vragen")


class GoalGroup(Schema):
    """A main goal or an ambition, holding numbered goals."""

    id: PlainText = Field(alias="id")
    title: PlainText = Field(alias="titel")
    description: OptionalText = Field(None, alias="omschrijving")
    goals: list[Goal] = Field(alias="doelen", min_length=1)


class YearGoals(Schema):
    """The SWV's goals for one school year, or (with 'tot_en_met') for several in a row."""

    school_year: SchoolYear = Field(alias="schooljaar")
    until: OptionalSchoolYear = Field(None, alias="tot_en_met")
    title: PlainText = Field(alias="titel")
    group_label: PlainText = Field(alias="groep_label")
    status_scale: list[StatusLevel] = Field(alias="statusschaal", min_length=2)
    groups: list[GoalGroup] = Field(alias="ambities", min_length=1)
    general_questions: list[Text] = Field(default_factory=list, alias="algemene_vragen")

    def goals(self) -> list[Goal]:
        return [g for group in self.groups for g in group.goals]

    def covers(self, school_year: str) -> bool:
        return self.school_year <= school_year <= (self.until or self.school_year)

    def status(self, code: str) -> StatusLevel | None:
        return next((s for s in self.status_scale if s.code == code), None)


# --- site_config/kaders/<id>.yaml: an assessment framework -----------------------------------


class Dimension(Schema):
    id: Slug = Field(alias="id")
    label: PlainText = Field(alias="label")
    description: OptionalText = Field(None, alias="omschrijving")


class FrameworkLevel(Schema):
    code: PlainText = Field(alias="code")
    label: PlainText = Field(alias="label")
    confirmed: YesNo = Field(True, alias="bevestigd")


class FrameworkItem(Schema):
    id: PlainText = Field(alias="id")
    text: Text = Field(alias="tekst")


class FrameworkTheme(Schema):
    id: PlainText = Field(alias="id")
    title: PlainText = Field(alias="titel")
    items: list[FrameworkItem] = Field(alias="items", min_length=1)


class FrameworkFile(Schema):
    """A grid of items that school and SWV both score, on one or more dimensions."""

    name: PlainText = Field(alias="naam")
    school_types: list[SchoolType] = Field(alias="voor_schooltypes", min_length=1)
    dimensions: list[Dimension] = Field(alias="dimensies", min_length=1)
    scale: list[FrameworkLevel] = Field(alias="schaal", min_length=2)
    themes: list[FrameworkTheme] = Field(alias="themas", min_length=1)


# --- content/schools/<slug>/evaluatie-<schooljaar>.yaml --------------------------------------


class GoalEvaluation(Schema):
    status: PlainText = Field(alias="status")
    steps: OptionalText = Field(None, alias="stappen")
    remark: OptionalText = Field(None, alias="opmerking")
    consultant_hours: YesNo = Field(False, alias="uren_consulent")


class EvaluationFile(Schema):
    """The yearly evaluation conversation of a school with the SWV."""

    school_year: SchoolYear = Field(alias="schooljaar")
    conversation_on: OptionalDate = Field(None, alias="gesprek_op")
    aims: list[Text] = Field(default_factory=list, alias="doel_gesprek")
    goals: dict[str, GoalEvaluation] = Field(default_factory=dict, alias="doelen")
    priorities: list[Text] = Field(default_factory=list, alias="speerpunten")
    agreements_next_year: list[Text] = Field(default_factory=list, alias="afspraken_volgend_jaar")
    report_by: OptionalPlainText = Field(None, alias="verslag_door")
    report_in_sop: YesNo = Field(False, alias="verslag_bij_sop")
    # The only public field: shown on the school's page.
    public_summary: OptionalText = Field(None, alias="openbare_samenvatting")


# --- beoordeling-<kader>-<schooljaar>.yaml (school folder or content/swv/<slug>/) ---------------


class FrameworkAssessmentFile(Schema):
    """Scores on a framework by one assessor; each score is a code or a mapping per item."""

    school_year: SchoolYear = Field(alias="schooljaar")
    filled_in_on: Date = Field(alias="ingevuld_op")
    filled_in_by: PlainText = Field(alias="ingevuld_door")
    remark: OptionalText = Field(None, alias="opmerking")
    scores: dict[str, Any] = Field(alias="scores")
