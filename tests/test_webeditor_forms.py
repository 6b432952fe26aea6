"""The web editor's forms in the words of the people who fill them in: Dutch hints only, a box of
several lines for a text longer than a line, and the 'last updated' date that follows a save."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sop_builder.editor.backend import LocalBackend
from sop_builder.editor.config import creatable_patterns, decap_config, decap_field, file_patterns
from sop_builder.editor.save_date import date_key, merge_with_date
from sop_builder.project.config import load_config

from .conftest import TODAY

SOP = "content/schools/de-boomgaard/sop.md"

# Words that are English and never Dutch (so not 'is', 'in', 'of', 'de', 'an', 'die', 'door'):
# one of them in a label or hint is a sentence a developer wrote for developers.
ENGLISH_MARKERS = frozenset({
    "the", "and", "what", "which", "where", "when", "with", "this", "that", "these", "those",
    "its", "it's", "for", "from", "into", "each", "every", "own", "are", "has", "have", "must",
    "should", "would", "may", "can't", "not", "empty", "field", "value", "declares", "school's",
    "level", "scale", "words", "means", "check", "warns",
})  # fmt: skip
# The keys whose values a person reads in the editor.
SHOWN_KEYS = ("label", "label_singular", "hint", "description")


def _texts(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(place, text) of every label, hint and description in a Decap configuration."""
    if isinstance(node, dict):
        for key, value in node.items():
            place = f"{where}.{node.get('name', key)}" if key in SHOWN_KEYS else where
            if key in SHOWN_KEYS and isinstance(value, str):
                yield place, value
            else:
                yield from _texts(value, f"{where}/{node.get('name', key)}")
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item, where)


def english(config: dict[str, Any]) -> list[tuple[str, str]]:
    """(place, word) of every English marker word in the configuration's texts."""
    found = []
    for place, text in _texts(config):
        for word in re.findall(r"[A-Za-z']+", text):
            if word.lower() in ENGLISH_MARKERS:
                found.append((place, word))
    return found


def _config(root: Path) -> dict[str, Any]:
    config, issues = load_config(root)
    assert config is not None, issues
    return decap_config(config, root, "http://127.0.0.1:9/api/v1")


@pytest.mark.parametrize("fixture", ["sample", "other_swv"])
def test_the_editor_configuration_has_no_english_text(fixture: str, request):
    root = request.getfixturevalue(fixture)
    config = _config(root)
    assert len(list(_texts(config))) > 300  # the check reads the whole configuration
    assert english(config) == []
    # An English hint planted under one need (as a class docstring used to be) is found.
    planted = copy.deepcopy(config)
    sop = next(c for c in planted["collections"] if c["name"] == "scholen")
    support = next(f for f in sop["fields"] if f["name"] == "ondersteuning")
    support["fields"][0]["hint"] = "What a school declares for one need, in its own words."
    found = english(planted)
    assert {word for _, word in found} >= {"What", "declares", "its", "own", "words"}
    assert all(place.endswith(f".{support['fields'][0]['name']}") for place, _ in found)


def test_every_need_has_a_dutch_hint(sample: Path):
    sop = next(c for c in _config(sample)["collections"] if c["name"] == "scholen")
    support = next(f for f in sop["fields"] if f["name"] == "ondersteuning")
    assert len(support["fields"]) == 13
    assert {f["hint"] for f in support["fields"]} == {
        "Kies het niveau en zeg in een of twee zinnen wat de school doet en waar het stopt."
    }


def _fields(fields: list[dict[str, Any]], prefix: str = "") -> Iterator[tuple[str, dict]]:
    for field in fields:
        yield prefix + field["name"], field
        yield from _fields(field.get("fields", []), prefix + field["name"] + ".")


def test_texts_longer_than_a_line_get_a_box_of_several_lines(sample: Path):
    collections = {
        c["name"]: dict(_fields(c.get("fields", []))) for c in _config(sample)["collections"]
    }
    sop = collections["scholen"]
    for name in ("ondersteuning.lezen.wat", "ondersteuning.lezen.grens", "aanmelden.intake"):
        assert sop[name]["widget"] == "text", name
    assert sop["interne_notitie"]["widget"] == "text"  # a free text with line breaks
    for name in ("naam", "bestuur", "contactpersonen.rol", "adres.plaats"):
        assert sop[name]["widget"] == "string", name  # names and places are one line
    assert sop["praktisch.groepsgrootte"]["widget"] == "string"  # a number, not a text box
    for kind in ("workshops", "netwerkgroepen", "verhalen", "expertisecentra"):
        assert collections[kind]["samenvatting"]["widget"] == "text"
        assert collections[kind]["titel"]["widget"] == "string"
    assert collections["netwerkgroepen"]["wanneer"]["widget"] == "text"


def test_the_box_follows_the_schema_not_a_list_of_names():
    one_line = {"type": "string", "pattern": "^[^<>]+$", "contentMediaType": "text/plain"}
    assert decap_field("grens", one_line, False, {})["widget"] == "string"
    several = {**one_line, "x-multiline": True}
    assert decap_field("titel", several, False, {})["widget"] == "text"


# --- 'bijgewerkt': the date parents read follows a save that changes the profile -------------


def _backend(root: Path) -> LocalBackend:
    return LocalBackend(root, file_patterns(), TODAY, creatable=creatable_patterns())


def _open(backend: LocalBackend, rel: str) -> tuple[str, str]:
    entry = backend.handle("getEntry", {"path": rel})
    return entry["data"], entry["file"]["id"]


def _save(backend: LocalBackend, rel: str, raw: str, version: str) -> None:
    params = {"dataFiles": [{"path": rel, "raw": raw, "version": version}], "assets": []}
    backend.handle("persistEntry", params)


def _updated(text: str) -> str:
    match = re.search(r"(?m)^bijgewerkt: (.*)$", text)
    assert match is not None
    return match.group(1)


def test_a_save_that_changes_the_profile_sets_bijgewerkt_to_the_day_of_the_save(sample: Path):
    file = sample / SOP
    backend = _backend(sample)
    shown, version = _open(backend, SOP)
    assert _updated(shown) != TODAY.isoformat()
    changed = shown.replace("grens: ", "grens: Niet bij ernstige dyslexie zonder hulp. ", 1)
    assert changed != shown
    _save(backend, SOP, changed, version)
    after = file.read_text(encoding="utf-8")
    assert _updated(after) == TODAY.isoformat()
    assert after.replace(f"bijgewerkt: {TODAY.isoformat()}", f"bijgewerkt: {_updated(shown)}") == (
        changed
    )  # nothing else moved


def test_a_save_without_a_change_keeps_the_date_and_the_bytes(sample: Path):
    file = sample / SOP
    before = file.read_bytes()
    backend = _backend(sample)
    shown, version = _open(backend, SOP)
    _save(backend, SOP, shown, version)
    assert file.read_bytes() == before


def test_a_save_that_changes_only_the_date_keeps_the_chosen_date(sample: Path):
    file = sample / SOP
    backend = _backend(sample)
    shown, version = _open(backend, SOP)
    chosen = shown.replace(f"bijgewerkt: {_updated(shown)}", "bijgewerkt: 2026-11-01")
    _save(backend, SOP, chosen, version)
    assert _updated(file.read_text(encoding="utf-8")) == "2026-11-01"


def test_only_files_whose_model_marks_the_field_get_a_date(sample: Path):
    assert date_key(SOP) == "bijgewerkt"
    assert date_key("content/schools/de-boomgaard/zelfevaluatie-2025-2026.yaml") is None
    assert date_key("content/aanbod/workshops/rust-in-de-klas.md") is None
    rel = "content/aanbod/workshops/rust-in-de-klas.md"
    old = (sample / rel).read_text(encoding="utf-8")
    new = old.replace("Rust in de klas", "Rust in de groep", 1)
    merged, problems = merge_with_date(rel, old, new, TODAY)
    assert problems == []
    assert merged == new


def test_the_form_of_the_date_explains_that_the_editor_sets_it(sample: Path):
    sop = next(c for c in _config(sample)["collections"] if c["name"] == "scholen")
    field = next(f for f in sop["fields"] if f["name"] == "bijgewerkt")
    assert "zet die hier zelf de datum van vandaag" in field["hint"]
