"""Field titles and descriptions live on the models: every field people type has them, the SWV's
own words fill their templates, the field reference docs/velden.md is generated from them, and
the lists of "who helps" (project/staff_lists.py) are declared once."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from pydantic import BaseModel, Field

import sop_builder
from sop_builder.core.fieldmeta import (
    SWV_DESCRIPTION,
    SWV_TITLE,
    choice_source,
    choices,
    schema_extra,
    swv_words,
)
from sop_builder.core.fieldtypes import PlainText
from sop_builder.project.config import load_config
from sop_builder.project.fields import (
    SWV_WORDS,
    field_doc,
    own_words,
    swv_words_for,
    undocumented,
    walk,
)
from sop_builder.project.model import (
    Address,
    ContactPerson,
    Schema,
    ScoreEntry,
    SelfAssessmentFile,
    SopFrontMatter,
    Vocabularies,
    VocabularyEntry,
)
from sop_builder.project.schema_export import CONFIG_CHOICES, PROJECT_CHOICES
from sop_builder.project.staff_lists import STAFF_LISTS, StaffList

from .conftest import OTHER_SWV, SAMPLE
from .fields_doc import DOC, FILES, fields_of, render


def all_schemas() -> list[type[BaseModel]]:
    """Every schema model of sop_builder (each a file, block or item people write)."""
    for info in pkgutil.walk_packages(sop_builder.__path__, "sop_builder."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found: list[type[BaseModel]] = []
    todo = list(Schema.__subclasses__())
    while todo:
        model = todo.pop()
        todo += model.__subclasses__()
        if model.__module__.startswith("sop_builder.") and model not in found:
            found.append(model)
    return sorted(found, key=lambda m: (m.__module__, m.__name__))


SCHEMAS = all_schemas()


def test_every_field_people_type_has_a_dutch_title_and_description():
    assert len(SCHEMAS) > 50
    assert undocumented(SCHEMAS) == []


def test_an_undocumented_field_is_found_also_inside_a_block_or_list():
    class Inner(Schema):
        documented: PlainText = Field(alias="goed", title="Goed", description="Zo hoort het.")
        bare: PlainText = Field(alias="kaal")

    class Planted(Schema):
        title_only: PlainText = Field(alias="alleen_titel", title="Titel")
        items: list[Inner] = Field(alias="items", title="Items", description="Een lijst.")
        address: Address = Field(alias="adres", title="Adres", description="Gedocumenteerd.")

    assert undocumented([Planted]) == ["Inner.kaal", "Planted.alleen_titel"]


def unreached(models: list[type[BaseModel]]) -> list[str]:
    """The models of ``models`` whose fields the reference does not show (a base class counts
    as shown through the files that use it)."""
    reached = {found.model for file in FILES for found in fields_of(file)}
    return [m.__name__ for m in models if not any(issubclass(r, m) for r in reached)]


def test_the_field_reference_reaches_every_schema():
    """A new kind of file or block shows up in docs/velden.md or fails here."""
    assert unreached(SCHEMAS) == []

    class Unlisted(Schema):  # a schema that no listed file holds
        name: PlainText = Field(alias="naam", title="Naam", description="Een naam.")

    assert unreached([*SCHEMAS, Unlisted]) == ["Unlisted"]


def test_field_reference_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), "run: python -m tests.fields_doc"


def test_field_reference_holds_every_field_with_its_words():
    text = render()
    assert "| `contactpersonen[].rol` | Rol | Bijvoorbeeld Intern begeleider of Directeur." in text
    assert "`ondersteuning.*.niveau`" in text
    assert "`scores.*.toelichting`" in text
    assert "| `openbare_samenvatting` | Openbare samenvatting |" in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == sum(len(fields_of(file)) for file in FILES) > 250


def test_fields_take_the_swvs_own_words_where_they_have_them():
    sample, _ = load_config(SAMPLE)
    other, _ = load_config(OTHER_SWV)
    assert sample is not None
    assert other is not None
    assert field_doc(SopFrontMatter, "kern") == (
        "Groep",
        "De code van de groep scholen (kern, regio) waar de school bij hoort.",
    )
    label = sample.swv.grouping.label
    assert field_doc(SopFrontMatter, "kern", sample) == (
        label.capitalize(),
        f"De code van de {label} waar de school bij hoort.",
    )
    other_label = other.swv.grouping.label
    assert other_label != label
    assert field_doc(SopFrontMatter, "kern", other)[0] == other_label.capitalize()
    role = other.texts.contact_role.default
    assert field_doc(ContactPerson, "rol", other) == ("Rol", f"Bijvoorbeeld {role}.")
    norm = other.norm
    assert field_doc(ScoreEntry, "score", other) == (
        "Score",
        f"De code van de score: {norm.hint_codes()}.",
    )
    example = f"{norm.agreements[0].id}: {norm.usable_levels()[0].code}"
    assert f"bijvoorbeeld {example}." in field_doc(SelfAssessmentFile, "scores", other)[1]
    assert field_doc(SopFrontMatter, "bestaat-niet") is None


def test_every_template_uses_only_the_known_swv_words():
    config, _ = load_config(SAMPLE)
    templates = [
        (found.path, extra[key])
        for model in SCHEMAS
        for found in walk(model)
        for extra in [schema_extra(found.field)]
        for key in (SWV_TITLE, SWV_DESCRIPTION)
        if key in extra
    ]
    assert len(templates) >= 7
    assert swv_words_for(config).keys() == SWV_WORDS.keys()
    for path, template in templates:
        assert template.format(**dict.fromkeys(SWV_WORDS, "x")), path
    # a template with a word nobody fills in fails
    planted = swv_words(description="De code van de {wijk}.")
    with pytest.raises(KeyError):
        own_words(planted, config)


def test_every_list_a_field_takes_its_choices_from_is_known_to_the_schema():
    known = CONFIG_CHOICES.keys() | PROJECT_CHOICES.keys()
    sources = {
        found.choices for model in SCHEMAS for found in walk(model) if found.choices is not None
    }
    assert {"kernen", "behoeften", "doelgroepen", "scholen"} <= sources
    assert sources - known == set()
    assert "onbekend" not in known  # a field with choices("onbekend") would fail above


def staff_mismatches(
    staff_lists: tuple[StaffList, ...],
    vocabularies: type[BaseModel] = Vocabularies,
    front: type[BaseModel] = SopFrontMatter,
) -> list[str]:
    """Where the registry of staff lists and the two models disagree."""
    problems = []
    for staff in staff_lists:
        for model in (vocabularies, front):
            field = model.model_fields.get(staff.attribute)
            if field is None or field.alias != staff.key:
                problems.append(f"{model.__name__} has no field {staff.attribute} ({staff.key})")
    listed = {staff.attribute for staff in staff_lists}
    for name, field in vocabularies.model_fields.items():
        if field.annotation == list[VocabularyEntry] and name not in listed:
            problems.append(f"Vocabularies.{name} is not in STAFF_LISTS")
    vocabulary_lists = {
        field.alias
        for field in vocabularies.model_fields.values()
        if field.annotation == list[VocabularyEntry]
    }
    for name, field in front.model_fields.items():
        if choice_source(field) in vocabulary_lists and name not in listed:
            problems.append(f"SopFrontMatter.{name} is not in STAFF_LISTS")
    return problems


def test_each_staff_list_is_declared_once_and_on_both_models():
    assert staff_mismatches(STAFF_LISTS) == []
    assert [s.key for s in STAFF_LISTS] == [
        "interne_expertise",
        "externe_deskundigheid",
        "extra_ondersteuning",
    ]
    planted = StaffList("begeleiders", "mentors", "Begeleiders", "Wie begeleidt.")
    assert staff_mismatches((*STAFF_LISTS, planted)) == [
        "Vocabularies has no field mentors (begeleiders)",
        "SopFrontMatter has no field mentors (begeleiders)",
    ]
    assert staff_mismatches(STAFF_LISTS[:2]) == [
        "Vocabularies.extra_support is not in STAFF_LISTS",
        "SopFrontMatter.extra_support is not in STAFF_LISTS",
    ]


def test_a_staff_lists_docs_and_choices_come_from_its_entry():
    staff = STAFF_LISTS[0]
    field = SopFrontMatter.model_fields[staff.attribute]
    assert (field.title, field.description) == (staff.title, staff.description)
    assert schema_extra(field) == choices(staff.key)
    assert Vocabularies.model_fields[staff.attribute].description == staff.choices_description
