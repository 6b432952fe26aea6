"""Every internal text of a project, and the project without them (what the public build loads).

Internal texts are the consultants' and the schools' own notes: a school's `interne_notitie`
and the HTML comments of its SOP, the explanations (`toelichting`) of its self-assessments and
who filled them in, the evaluations and assessments (evaluation/load.py keeps their texts as
``secrets``; with ``internal=False`` it keeps no record of them), and the offer's internal notes
and comments. The public build's project holds none of them (`public_only`, called by
load.py for ``internal=False``): no template, page, search index or data file can print what is
not there, whatever its length. The list itself (`Project.internal_texts`) is kept only for the
leak check on the staged pages (publish/checks.py), a safety net for texts of 12 characters and
more.
"""

from __future__ import annotations

from dataclasses import replace

from sop_builder.project.evaluation.load import EvaluationData
from sop_builder.project.model import School
from sop_builder.project.offer.load import internal_texts as offer_internal_texts
from sop_builder.project.offer.model import Offer, OfferItem
from sop_builder.project.project import Project


def internal_texts(project: Project) -> list[str]:
    """Every internal text in the project, for the post-build leak check.

    A text that the school also wrote in its public SOP is not secret and is left out; so is
    who filled in a self-assessment (a role such as 'Intern begeleider', which public pages
    name too), though the public project does not hold it either.
    """
    texts: list[str] = []
    for school in project.schools:
        public = " ".join(" ".join(s.markdown for s in school.sections).split())
        found = [school.front.internal_note or "", *school.internal_comments]
        for assessment in school.self_assessments.values():
            found.extend(assessment.explanations.values())
        texts.extend(t for t in found if t and " ".join(t.split()) not in public)
    secrets = project.evaluation.secrets if project.evaluation is not None else []
    return texts + offer_internal_texts(project.offer) + secrets


def _public_school(school: School) -> School:
    return replace(
        school,
        front=school.front.model_copy(update={"internal_note": None}),
        internal_comments=(),
        self_assessments={
            year: replace(assessment, explanations={}, filled_in_by="")
            for year, assessment in school.self_assessments.items()
        },
    )


def _public_item(item: OfferItem) -> OfferItem:
    front = item.front
    if getattr(front, "internal_note", None) is not None:
        front = front.model_copy(update={"internal_note": None})
    return replace(item, front=front, internal_comments=())


def public_only(project: Project) -> None:
    """Take every internal text out of ``project`` (the public build's), after noting them in
    ``project.internal_texts`` for the leak check."""
    project.internal_texts = internal_texts(project)
    project.schools = [_public_school(school) for school in project.schools]
    lists = {kind: tuple(map(_public_item, items)) for kind, items in project.offer.lists.items()}
    project.offer = Offer(project.offer.vocabularies, lists)
    if project.evaluation is not None:
        project.evaluation = EvaluationData(
            project.evaluation.config,
            project.evaluation.internal,
            project.evaluation.schools,
            project.evaluation.summaries,
            # the SWV's scores on the agreements decide the public score (scoring.counted);
            # who filled them in is internal
            swv_scores={
                slug: {year: replace(found, filled_in_by="") for year, found in years.items()}
                for slug, years in project.evaluation.swv_scores.items()
            },
        )
