"""The registry of content types people edit: one entry per kind of file.

The JSON Schema export, the editor settings and the web editor are generated from this list.
A new content type is one more entry here (its schema documents each field: ``project/fields.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from sop_builder.project.build_settings import BUILD_FILE, BuildSettings
from sop_builder.project.disagreement import DISAGREEMENT_FILE, Disagreement
from sop_builder.project.editors import EDITORS_FILE, Editors
from sop_builder.project.model import (
    Glossary,
    Norm,
    SelfAssessmentFile,
    SopFrontMatter,
    SwvConfig,
    Texts,
    Vocabularies,
)
from sop_builder.project.offer.kinds import OFFER_KINDS
from sop_builder.project.offer.model import OfferVocabularies
from sop_builder.project.translations import LANGUAGES_FOLDER, LanguageFile


@dataclass(frozen=True)
class ContentType:
    """One kind of file: its schema, where it lives, and whether it is front matter."""

    id: str
    title: str
    model: type[BaseModel]
    files: tuple[str, ...]
    front_matter: bool = False


CONTENT_TYPES: list[ContentType] = [
    ContentType(
        "sop",
        "Schoolondersteuningsprofiel (de gegevens bovenaan sop.md)",
        SopFrontMatter,
        ("content/schools/*/sop.md",),
        front_matter=True,
    ),
    ContentType(
        "zelfevaluatie",
        "Zelfevaluatie basisondersteuning",
        SelfAssessmentFile,
        ("content/schools/*/zelfevaluatie-*.yaml",),
    ),
    ContentType("swv", "Samenwerkingsverband", SwvConfig, ("site_config/swv.yaml",)),
    ContentType(
        "basisondersteuning",
        "Afspraken basisondersteuning (één bestand per versie, genoemd naar het eerste schooljaar)",
        Norm,
        ("site_config/basisondersteuning/*.yaml",),
    ),
    ContentType("vocabularies", "Keuzelijsten", Vocabularies, ("site_config/vocabularies.yaml",)),
    ContentType(
        "teksten",
        "Teksten die bij het samenwerkingsverband en de soort scholen horen",
        Texts,
        ("site_config/teksten.yaml",),
    ),
    ContentType(
        "niet-eens",
        "Niet eens? De stappen voor ouders die het niet eens zijn met de school of het "
        "samenwerkingsverband",
        Disagreement,
        (f"site_config/{DISAGREEMENT_FILE}",),
    ),
    ContentType("woordenlijst", "Woordenlijst", Glossary, ("site_config/woordenlijst.yaml",)),
    ContentType("redacteuren", "Redacteuren", Editors, (EDITORS_FILE,)),
    *(
        ContentType(
            kind.id,
            f"{kind.name} (de gegevens bovenaan het bestand)",
            kind.schema,
            (kind.files,),
            front_matter=True,
        )
        for kind in OFFER_KINDS
    ),
    ContentType(
        "aanbod", "Keuzelijsten voor het aanbod", OfferVocabularies, ("site_config/aanbod.yaml",)
    ),
    ContentType("bouwen", "De bouw van de site", BuildSettings, (f"site_config/{BUILD_FILE}",)),
    ContentType(
        "talen",
        "Vertalingen van de site (één bestand per taal, genoemd naar de taalcode)",
        LanguageFile,
        (f"{LANGUAGES_FOLDER}/*.yaml",),
    ),
]
