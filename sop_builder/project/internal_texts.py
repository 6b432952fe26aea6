"""Every internal text of a project, for the leak check on the built site."""

from __future__ import annotations

from sop_builder.project.offer.load import internal_texts as offer_internal_texts
from sop_builder.project.project import Project


def internal_texts(project: Project) -> list[str]:
    """Every internal text in the project, for the post-build leak check.

    A text that the school also wrote in its public SOP is not secret and is left out.
    """
    texts: list[str] = []
    for school in project.schools:
        public = " ".join(" ".join(s.markdown for s in school.sections).split())
        found = [school.front.internal_note or "", *school.internal_comments]
        for assessment in school.self_assessments.values():
            found.extend(assessment.explanations.values())
        texts.extend(t for t in found if t and " ".join(t.split()) not in public)
    return texts + offer_internal_texts(project.offer)
