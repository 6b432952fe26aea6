"""A kind of offer is its registry entry (project/offer/kinds.py): reading and cross-checking in
project/offer/load.py name no kind, so a new kind loads, is checked and gets its JSON Schema
without a change there."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

from pydantic import Field

import sop_builder.project.offer.load as offer_load
from sop_builder.core.catalogue.offer import ENDS_BEFORE_START
from sop_builder.core.fieldmeta import choice_fields, choices
from sop_builder.core.fieldtypes import PlainText, PositiveInt
from sop_builder.core.issues import Issue
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.config import load_config
from sop_builder.project.content_types import ContentType
from sop_builder.project.offer import kinds
from sop_builder.project.offer.kinds import OFFER_KINDS, OfferKind
from sop_builder.project.offer.load import CHECKED_LISTS, load_offer
from sop_builder.project.offer.model import ForAudiences
from sop_builder.project.schema_export import content_schema, project_choices

from .conftest import make_project


class PodcastFrontMatter(ForAudiences):
    """A podcast episode (a kind that does not exist: only this test registers it)."""

    episode: PositiveInt = Field(alias="aflevering", title="Aflevering", description="Nummer.")
    guests: list[PlainText] = Field(
        default_factory=list,
        alias="scholen",
        title="Te gast",
        description="De scholen die te gast zijn.",
        json_schema_extra=choices("scholen"),
    )


def _not_the_first(front: Any, tree: YamlTree, path: str) -> list[Issue]:
    """The kind's own check of a valid item (like a workshop's end after its start)."""
    if front.episode > 1:
        return []
    pos = tree.value_pos(("aflevering",))
    return [ENDS_BEFORE_START.at(path, pos, field="aflevering", end="1", start="0")]


PODCASTS = OfferKind(
    "podcasts",
    "podcast",
    PodcastFrontMatter,
    "podcasts",
    name="Podcast",
    singular="Podcast",
    plural="Podcasts",
    body=("Over deze aflevering", "Waar gaat het over?"),
    menu=5,
    sort_key=lambda item: item.front.episode,
    checks=(_not_the_first,),
)

GOOD = """---
titel: Samen naar school
samenvatting: Twee scholen vertellen hoe zij samenwerken.
doelgroep: [leerkrachten]
aflevering: 3
scholen: [de-duinroos, de-zeester]
---

De eerste aflevering.
"""
BAD = """---
titel: Met fouten
samenvatting: Alles wat niet mag.
doelgroep: [leerkrachten, wie-dan-ook, leerkrachten]
aflevering: 1
scholen: [de-duinroos, nergens]
---

Tekst.
"""


def _write(root: Path) -> None:
    folder = root / "content" / "aanbod" / "podcasts"
    folder.mkdir()
    (folder / "samen.md").write_text(GOOD, encoding="utf-8")
    (folder / "fouten.md").write_text(BAD, encoding="utf-8")


def _schools(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "content" / "schools").iterdir() if p.is_dir())


def test_a_new_kind_loads_and_is_checked_from_its_registry_entry_alone(tmp_path: Path):
    root = make_project(tmp_path, templates=False)
    _write(root)
    config, _ = load_config(root)
    offer, issues = load_offer(root, config, _schools(root), kinds=(*OFFER_KINDS, PODCASTS))
    [item] = PODCASTS.items(offer)
    assert (item.slug, item.front.guests, item.url) == (
        "samen",
        ["de-duinroos", "de-zeester"],
        "aanbod/podcasts/samen/",
    )
    assert len(offer.workshops) == 6  # the other kinds are read as before
    found = sorted((i.code, i.line, i.field) for i in issues)
    assert found == [
        ("SOP202", 4, "doelgroep"),  # not an audience of site_config/aanbod.yaml
        ("SOP203", 4, "doelgroep"),  # the same audience twice
        ("SOP722", 5, "aflevering"),  # the kind's own check
        ("SOP723", 6, "scholen"),  # no such school folder
    ]
    assert all(i.path == "content/aanbod/podcasts/fouten.md" for i in issues)


def test_without_its_entry_the_folder_is_not_part_of_the_offer(tmp_path: Path):
    root = make_project(tmp_path, templates=False)
    _write(root)
    config, _ = load_config(root)
    offer, issues = load_offer(root, config, _schools(root))
    assert [(i.code, i.path) for i in issues] == [("SOP724", "content/aanbod/podcasts")]
    assert "podcasts" not in offer.lists


def test_a_new_kinds_schema_takes_its_choices_from_its_fields(tmp_path: Path):
    root = make_project(tmp_path, templates=False)
    config, _ = load_config(root)
    kind = ContentType("podcast", "Podcast", PodcastFrontMatter, (PODCASTS.files,), True)
    properties = content_schema(kind, config, project_choices(root))["properties"]
    assert properties["doelgroep"]["items"]["enum"][0] == "leerkrachten"
    assert "de-duinroos" in properties["scholen"]["items"]["enum"]
    assert properties["scholen"]["title"] == "Te gast"


def test_every_list_an_offer_field_takes_its_choices_from_is_checked():
    sources = {source for kind in OFFER_KINDS for _, source in choice_fields(kind.schema)}
    assert sources == set(CHECKED_LISTS)


def kinds_named(source: str) -> list[str]:
    """The kind entries (NETWORKS, ...) that the module ``source`` names."""
    entries = {name for name, value in vars(kinds).items() if isinstance(value, OfferKind)}
    return sorted(
        {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)} & entries
        | {
            alias.name
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name in entries
        }
    )


def test_reading_the_offer_names_no_kind():
    assert kinds_named(inspect.getsource(offer_load)) == []
    planted = "from x.kinds import WORKSHOPS\nif kind is WORKSHOPS:\n    pass\n"
    assert kinds_named(planted) == ["WORKSHOPS"]
