"""JSON Schema for every content type, generated from the validator's own pydantic models.

The structure (fields, required keys, patterns, fixed choices) and the Dutch titles and
explanations come from the models (in the SWV's own words where a field has them:
``project/fields.py``). A field that takes its values from a list (``core.fieldmeta.choices``)
gets that list as its choices: the lists that the SWV keeps in ``site_config/`` (kernen,
keuzelijsten, scores) from the loaded configuration, the offer's audiences and kinds
(site_config/aanbod.yaml) and the school folders from ``ProjectChoices``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sop_builder.core.atomic import write_atomic
from sop_builder.core.fieldmeta import CHOICES, OWN_KEYS
from sop_builder.core.fieldtypes import MARKDOWN
from sop_builder.project.build_settings import language_choice
from sop_builder.project.content_types import CONTENT_TYPES, ContentType
from sop_builder.project.fields import own_words
from sop_builder.project.model import NeedDeclaration, Norm, SiteConfig, next_school_year
from sop_builder.project.offer.model import OfferVocabularies
from sop_builder.project.staff_lists import STAFF_LISTS, StaffList
from sop_builder.project.translations import Language

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
Choices = list[tuple[str, str]]  # (value, label)


def _kernen(config: SiteConfig) -> Choices:
    return [(k.id, k.name) for k in config.swv.kernen]


def _staff(staff: StaffList) -> Callable[[SiteConfig], Choices]:
    return lambda config: [(e.id, e.label) for e in staff.options(config.vocabularies)]


def _needs(config: SiteConfig) -> Choices:
    return [(n.id, n.label) for n in config.vocabularies.needs]


def _levels(config: SiteConfig) -> Choices:
    return [(lv.id, lv.label) for lv in config.vocabularies.levels]


def _score_codes(config: SiteConfig) -> Choices:
    """Every score any version of the norm allows (each year's own: see _scores)."""
    found: dict[str, str] = {}
    for norm in config.norms.values():
        for level in norm.usable_levels():
            found.setdefault(level.code, level.label)
    return list(found.items())


# A list a field takes its values from (core.fieldmeta.choices) -> its values in site_config/
CONFIG_CHOICES: dict[str, Callable[[SiteConfig], Choices]] = {
    "kernen": _kernen,
    "aanbodniveaus": _levels,
    "behoeften": _needs,
    "scores": _score_codes,
    **{staff.key: _staff(staff) for staff in STAFF_LISTS},
}


@dataclass(frozen=True)
class ProjectChoices:
    """Choices that are not in SiteConfig: the offer's lists and the schools of the project."""

    offer: OfferVocabularies | None = None
    schools: tuple[tuple[str, str], ...] = ()  # (folder name, school name)


def _offer_list(attr: str) -> Callable[[ProjectChoices], Choices]:
    """The audiences or kinds of site_config/aanbod.yaml (none when it was not loaded)."""
    return lambda extra: [(t.id, t.label) for t in getattr(extra.offer, attr, [])]


def _schools(extra: ProjectChoices) -> Choices:
    return list(extra.schools)


# A list a field takes its values from -> its values in the project; no values means any value
PROJECT_CHOICES: dict[str, Callable[[ProjectChoices], Choices]] = {
    "doelgroepen": _offer_list("audiences"),
    "soorten": _offer_list("kinds"),
    "scholen": _schools,
}


def project_choices(root: Path) -> ProjectChoices:
    """The offer's lists and every school folder with the school's name (else the folder name)."""
    from sop_builder.project.files import school_folders
    from sop_builder.project.offer.load import load_vocabularies
    from sop_builder.project.schools.read import written_values

    names = written_values(root, "naam")
    schools = tuple((f.name, names.get(f.name, f.name)) for f in school_folders(root))
    return ProjectChoices(load_vocabularies(root)[0], schools)


def _choices(
    source: str | None, config: SiteConfig | None, extra: ProjectChoices | None
) -> Choices | None:
    """The values of the list ``source``, if they are known."""
    from_config = CONFIG_CHOICES.get(source or "")
    if from_config is not None and config is not None:
        return from_config(config)
    from_project = PROJECT_CHOICES.get(source or "")
    if from_project is not None and extra is not None:
        return from_project(extra) or None
    return None


def _enum(choices: Choices) -> dict[str, Any]:
    return {
        "type": "string",
        "enum": [value for value, _ in choices],
        "enumDescriptions": [label for _, label in choices],
    }


def _allow_empty(schema: dict[str, Any]) -> None:
    """Optional fields: an empty value means 'not filled in' (null in editors, '' in our reader)."""
    for key, value in list(schema.items()):
        if key == "anyOf" and {"type": "null"} in value:
            value.append({"type": "string", "maxLength": 0})
        if isinstance(value, dict):
            _allow_empty(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _allow_empty(item)


def _describe(
    schema: dict[str, Any], config: SiteConfig | None, extra: ProjectChoices | None
) -> None:
    """Titles and explanations in the SWV's own words, config choices, and enum labels for
    one schema class."""
    for prop in schema.get("properties", {}).values():
        own = {key: prop.pop(key) for key in OWN_KEYS if key in prop}
        title, description = own_words(own, config)
        if title:
            prop["title"] = title
        if "description" in prop:  # moved after the title, where it has always been
            plain = prop.pop("description")
            prop["description"] = description or plain
        labels = prop.pop("x-labels", None)
        if labels and "enum" in prop:
            prop["enumDescriptions"] = [labels.get(v, v) for v in prop["enum"]]
        choices = _choices(own.get(CHOICES), config, extra)
        if choices is None:
            continue
        kept = {k: prop[k] for k in ("title", "description", "default") if k in prop}
        if prop.get("type") == "array":
            prop["items"] = _enum(choices)
        elif {"type": "null"} in prop.get("anyOf", []):
            prop.clear()
            prop.update(kept | {"anyOf": [_enum(choices), {"type": "null"}]})
        else:
            prop.clear()
            prop.update(kept | _enum(choices))


def _years_of_versions(config: SiteConfig) -> list[tuple[str, list[str] | None]]:
    """(first school year, every school year it is in force) per version of the norm; the
    last version holds for every later year (None)."""
    starts = sorted(config.norms)
    spans: list[tuple[str, list[str] | None]] = []
    for start, following in zip(starts, [*starts[1:], None], strict=True):
        if following is None:
            spans.append((start, None))
            continue
        years, year = [], start
        while year < following:
            years.append(year)
            year = next_school_year(year)
        spans.append((start, years))
    return spans


def _year_scores(norm: Norm) -> dict[str, Any]:
    """The agreements and scores of one version of the norm."""
    codes = {"type": "string", "enum": [s.code for s in norm.usable_levels()]}
    return {
        "propertyNames": {"enum": norm.agreement_ids()},
        "additionalProperties": {
            "anyOf": [codes, {"type": "object", "properties": {"score": codes}}]
        },
    }


def _scores(schema: dict[str, Any], config: SiteConfig) -> None:
    """The scores mapping: each a score code or {score, toelichting}; which agreements and
    codes depends on the file's own school year (the norm in force that year)."""
    scores = schema["properties"]["scores"]
    entry = schema["$defs"]["ScoreEntry"]
    scores.update(
        type=["object", "null", "string"],
        maxLength=0,
        additionalProperties={
            "anyOf": [entry["properties"]["score"], {"$ref": "#/$defs/ScoreEntry"}]
        },
    )
    spans = _years_of_versions(config)
    earlier = [y for _, years in spans for y in years or []]
    rules = []
    for start, years in spans:
        year_rule: dict[str, Any] = (
            {"enum": years} if years is not None else {"not": {"enum": earlier}} if earlier else {}
        )
        rules.append(
            {
                "if": {"properties": {"schooljaar": year_rule}},
                "then": {"properties": {"scores": _year_scores(config.norms[start])}},
            }
        )
    schema["allOf"] = rules


NEED_HINT = "Kies het niveau en zeg in een of twee zinnen wat de school doet en waar het stopt."


def _own_translations(schema: dict[str, Any], config: SiteConfig) -> None:
    """A declaration's own translations: one block per language the site is published in
    (site_config/bouwen.yaml talen); none without other languages (check refuses them then)."""
    languages, _ = language_choice(config)
    declaration = schema["$defs"]["NeedDeclaration"]
    if not languages:
        declaration["properties"].pop(NeedDeclaration.key("translations"))
        schema["$defs"].pop("DeclarationTranslation")
        return
    translations = declaration["properties"][NeedDeclaration.key("translations")]
    translations.pop("additionalProperties", None)
    translations.update(
        type=["object", "null", "string"],
        maxLength=0,
        properties={
            code: {"title": Language(code).dutch_name, "$ref": "#/$defs/DeclarationTranslation"}
            for code in languages
        },
        additionalProperties=False,
    )


def _profile(schema: dict[str, Any], config: SiteConfig) -> None:
    """The SOP's declarations and facts: one entry per need and per fact of site_config/."""
    support = schema["properties"]["ondersteuning"]
    support.pop("additionalProperties", None)
    support.update(
        type=["object", "null", "string"],
        maxLength=0,
        properties={
            n.id: {"title": n.label, "description": NEED_HINT, "$ref": "#/$defs/NeedDeclaration"}
            for n in config.vocabularies.needs
        },
        additionalProperties=False,
    )
    _own_translations(schema, config)
    facts = schema["properties"]["praktisch"]
    facts.pop("additionalProperties", None)
    properties: dict[str, Any] = {}
    for fact in config.vocabularies.practical:
        if fact.kind == "ja-nee":
            kind: dict[str, Any] = {
                "enum": ["ja", "nee", ""],
                "enumDescriptions": ["ja", "nee", ""],
            }
        else:
            kind = {
                "anyOf": [
                    {"type": "integer", "minimum": 0},
                    {"type": "string", "pattern": "^[0-9]*$"},
                ]
            }
        properties[fact.id] = {"title": fact.label, **kind}
    facts.update(
        type=["object", "null", "string"],
        maxLength=0,
        properties=properties,
        additionalProperties=False,
    )


def content_schema(
    kind: ContentType, config: SiteConfig | None, extra: ProjectChoices | None = None
) -> dict[str, Any]:
    """The JSON Schema of one content type (with site_config choices when ``config`` is given,
    and the offer's lists and the school folders when ``extra`` is given)."""
    schema = kind.model.model_json_schema(by_alias=True, mode="validation")
    if kind.model.__name__ == "SelfAssessmentFile":
        from sop_builder.project.model import ScoreEntry

        schema.setdefault("$defs", {})["ScoreEntry"] = ScoreEntry.model_json_schema(by_alias=True)
    for definition in schema.get("$defs", {}).values():
        # A class's docstring is English developer documentation, not words for the people
        # who fill in the file (pydantic makes it the block's description): the Dutch words
        # are the fields' own.
        definition.pop("description", None)
        _describe(definition, config, extra)
    _describe(schema, config, extra)
    if kind.model.__name__ == "SelfAssessmentFile" and config is not None:
        _scores(schema, config)
    if kind.model.__name__ == "SopFrontMatter" and config is not None:
        _profile(schema, config)
    _allow_empty(schema)
    schema["title"] = kind.title
    schema["description"] = (
        "Gemaakt door 'sop-builder schema'; pas dit bestand niet met de hand aan."
    )
    if kind.front_matter:
        # the text under the '---' block: Markdown (core/richtext.py); every field is plain text
        schema["x-body"] = {"type": "string", "contentMediaType": MARKDOWN}
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": f"{kind.id}.schema.json", **schema}


def all_schemas(
    config: SiteConfig | None, extra: ProjectChoices | None = None
) -> dict[str, dict[str, Any]]:
    """File name -> schema, for every registered content type."""
    return {f"{k.id}.schema.json": content_schema(k, config, extra) for k in CONTENT_TYPES}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(
    out_dir: Path, config: SiteConfig | None, extra: ProjectChoices | None = None
) -> list[Path]:
    """Write every schema into ``out_dir``; return the files written."""
    written = []
    for name, schema in all_schemas(config, extra).items():
        write_atomic(out_dir / name, dumps(schema))
        written.append(out_dir / name)
    return written
