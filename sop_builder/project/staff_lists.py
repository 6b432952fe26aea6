"""The lists of "who helps" a school names: one entry per list, the only place they are listed.

Each list has its choices in site_config/vocabularies.yaml and a school's picks in its sop.md,
under the same key, and the same attribute on ``Vocabularies`` and ``SopFrontMatter``
(``model.py`` declares both fields from the entry). Validation (``schools/validate.py``), the
check of vocabularies.yaml (``config.py``), the JSON Schema's choices (``schema_export.py``), the
school page (``site/render.py``) and the ``nieuwe-school`` scaffold read this list.

A new list is one entry here, its field on ``Vocabularies`` and on ``SopFrontMatter``, its place
on the school page (``templates/pages/school.md.j2``) and its data: the choices in
vocabularies.yaml (and in the defaults of ``authoring/new_swv.py``).

The format-2 migration (``authoring/migrations/declarations.py``) keeps its own list: it
rewrites the lists of format 1, which must not change when a list is added here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import Field

from sop_builder.core.fieldmeta import choices

if TYPE_CHECKING:
    from sop_builder.project.model import SopFrontMatter, Vocabularies, VocabularyEntry


@dataclass(frozen=True)
class StaffList:
    """One list of specialists, partners or kinds of extra support."""

    key: str  # in site_config/vocabularies.yaml and in sop.md
    attribute: str  # of Vocabularies (the choices) and of SopFrontMatter (a school's picks)
    title: str  # Dutch
    description: str  # Dutch: what a school picks here
    choices_description: str = "De keuzes voor scholen."  # Dutch: the list in vocabularies.yaml

    def school_field(self) -> Any:
        """The field of ``SopFrontMatter``: the ids a school picks (none by default)."""
        return Field(
            default_factory=list,
            alias=self.key,
            title=self.title,
            description=self.description,
            json_schema_extra=choices(self.key),
        )

    def vocabulary_field(self) -> Any:
        """The field of ``Vocabularies``: the choices, at least one."""
        return Field(
            alias=self.key, min_length=1, title=self.title, description=self.choices_description
        )

    def options(self, vocabularies: Vocabularies) -> list[VocabularyEntry]:
        """The choices of this list in ``vocabularies``."""
        found: list[VocabularyEntry] = getattr(vocabularies, self.attribute)
        return found

    def chosen(self, front: SopFrontMatter) -> list[str]:
        """The ids a school picked, as written."""
        found: list[str] = getattr(front, self.attribute)
        return found


INTERNAL_EXPERTISE = StaffList(
    "interne_expertise",
    "internal_expertise",
    "Deskundigheid in de school",
    "Welke specialisten de school zelf heeft. Kies uit de lijst van het samenwerkingsverband.",
)
EXTERNAL_EXPERTISE = StaffList(
    "externe_deskundigheid",
    "external_expertise",
    "Deskundigheid van buiten",
    "Met welke deskundigen van buiten de school samenwerkt. Kies uit de lijst.",
)
EXTRA_SUPPORT = StaffList(
    "extra_ondersteuning",
    "extra_support",
    "Extra ondersteuning",
    "Welke vormen van extra hulp de school heeft, zoals een plusklas. Kies uit de lijst.",
)

STAFF_LISTS: tuple[StaffList, ...] = (INTERNAL_EXPERTISE, EXTERNAL_EXPERTISE, EXTRA_SUPPORT)
