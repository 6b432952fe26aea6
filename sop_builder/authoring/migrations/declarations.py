"""Format 2: what a school offers is declared per need, no longer derived from its staff.

- site_config/vocabularies.yaml: the `behoeften` lists of the staff, partners and kinds of
  extra support are removed (they decided which schools the finder showed for a need); the
  scale `aanbodniveaus` and the list `praktisch` are added with a default the SWV can change;
  a project without a list of needs gets a default one.
- content/schools/*/sop.md: the front matter gets the blocks `ondersteuning` (one entry per
  need, empty), `praktisch` and `aanmelden`, each explained, and per need a comment with the
  staff and partners that used to decide it. Nothing is filled in for the school: check says
  "profiel niet compleet" (SOP222, SOP225) until the school has declared it.

Comments and layout are kept: vocabularies.yaml through core/roundtrip.py; in sop.md the new
lines are added at the end of the front matter and every other line stays as it was.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sop_builder.authoring.migrate import Step, Workspace
from sop_builder.authoring.profile_block import Item, profile_lines
from sop_builder.core import roundtrip
from sop_builder.core.yamlread import read_yaml

VOCABULARIES = "site_config/vocabularies.yaml"
# The lists of format 1 that this step rewrites. Not project/staff_lists.py: a list added or
# renamed there later must not change what this step does to a project of format 1.
STAFF_LISTS = ("interne_expertise", "externe_deskundigheid", "extra_ondersteuning")

# The defaults the step writes; the SWV adapts labels (and may add or remove entries).
DEFAULT_LEVELS = """\
- id: ja
  label: Dit bieden wij
  aanbod: ja
- id: met-hulp
  label: Met hulp van buiten de school
  aanbod: ja
- id: beperkt
  label: Beperkt
  aanbod: nee
- id: niet
  label: Dit kunnen wij niet bieden
  aanbod: nee
"""
DEFAULT_NEEDS = """\
- id: lezen
  label: Lezen en dyslexie
- id: rekenen
  label: Rekenen en dyscalculie
- id: taal
  label: Taal en spraak
- id: hoogbegaafdheid
  label: Hoogbegaafdheid en meer uitdaging
- id: gedrag
  label: Gedrag
- id: sociaal-emotioneel
  label: Gevoelens en omgaan met anderen
- id: motoriek
  label: Bewegen (motoriek)
- id: medisch
  label: Ziekte of lichamelijke beperking
"""
DEFAULT_FACTS = """\
- id: lift
  label: Lift in het gebouw
  soort: ja-nee
- id: rolstoel
  label: Het hele gebouw is bereikbaar met een rolstoel
  soort: ja-nee
  zoekwoorden: [rolstoel]
- id: prikkelarme-ruimte
  label: Rustige, prikkelarme ruimte
  soort: ja-nee
- id: groepsgrootte
  label: Gemiddelde groepsgrootte
  soort: getal
  eenheid: kinderen
"""
LEVELS_COMMENT = (
    "Aanbodniveaus (nieuw in formaat 2): hoe ver een school gaat bij een behoefte, van meest\n"
    "naar minst. Elke school kiest per behoefte één niveau. 'aanbod: ja': bij 'Vind een school'\n"
    "vindt een ouder de school bij die behoefte; 'aanbod: nee': niet."
)
NEEDS_COMMENT = (
    "Behoeften: wat een kind nodig kan hebben, in de woorden van ouders. Elke school zegt in\n"
    "haar SOP bij 'ondersteuning' wat zij bij elke behoefte biedt."
)
FACTS_COMMENT = (
    "Praktische zaken (nieuw in formaat 2) waar ouders op letten; elke school vult ze in bij\n"
    "'praktisch'. soort: ja-nee (ja of nee) of getal (een heel getal; eenheid erbij)."
)


def _seq(text: str) -> CommentedSeq:
    node = roundtrip.load(text)
    assert isinstance(node, CommentedSeq)
    return node


def _insert(data: CommentedMap, at: int, key: str, value: Any, comment: str) -> None:
    data.insert(at, key, value)
    data.yaml_set_comment_before_after_key(key, before=comment)


def _migrate_vocabularies(workspace: Workspace) -> tuple[dict[str, list[str]], str]:
    """Rewrite vocabularies.yaml; returns the old staff id -> needs, and its new text."""
    text = workspace.read(VOCABULARIES)
    data = roundtrip.load(text)
    old: dict[str, list[str]] = {}
    if not isinstance(data, CommentedMap):
        return old, text  # check reports the broken file
    for key in STAFF_LISTS:
        for entry in data.get(key) or []:
            if isinstance(entry, CommentedMap) and "behoeften" in entry:
                needs = entry["behoeften"]
                old[str(entry.get("id", ""))] = (
                    [str(n) for n in needs] if isinstance(needs, list) else []
                )
                del entry["behoeften"]
    if "aanbodniveaus" not in data:
        if not data.get("behoeften"):
            if "behoeften" in data:
                del data["behoeften"]
            _insert(data, 0, "behoeften", _seq(DEFAULT_NEEDS), NEEDS_COMMENT)
        _insert(
            data,
            list(data).index("behoeften"),
            "aanbodniveaus",
            _seq(DEFAULT_LEVELS),
            LEVELS_COMMENT,
        )
    if "praktisch" not in data:
        _insert(
            data, list(data).index("behoeften") + 1, "praktisch", _seq(DEFAULT_FACTS), FACTS_COMMENT
        )
    new = roundtrip.dump(data)
    workspace.write(VOCABULARIES, new, "behoeften per keuze weg; aanbodniveaus en praktisch erbij")
    return old, new


def _items(vocabularies: str) -> tuple[list[Item], list[Item], list[Item], dict[str, str]]:
    """The needs, levels and facts of the new vocabularies text, and each staff id's label."""
    tree, _ = read_yaml(vocabularies, VOCABULARIES)
    data = tree.data if tree is not None and isinstance(tree.data, dict) else {}

    def items(key: str) -> list[Item]:
        found = data.get(key)
        return [
            Item(str(e.get("id")), str(e.get("label", e.get("id"))), str(e.get("soort", "")))
            for e in (found if isinstance(found, list) else [])
            if isinstance(e, dict) and e.get("id")
        ]

    labels = {i.id: i.label for key in STAFF_LISTS for i in items(key)}
    return items("behoeften"), items("aanbodniveaus"), items("praktisch"), labels


def _hints(
    front: dict[str, Any], old: dict[str, list[str]], labels: dict[str, str]
) -> dict[str, str]:
    """Per need, the school's staff and partners whose `behoeften` named it (format 1)."""
    via: dict[str, list[str]] = {}
    for key in STAFF_LISTS:
        chosen = front.get(key)
        for choice in chosen if isinstance(chosen, list) else []:
            for need in old.get(str(choice), []):
                via.setdefault(need, []).append(labels.get(str(choice), str(choice)))
    return {
        need: "Vroeger vond de zoekfunctie de school hier via: " + ", ".join(names) + ". "
        "Dat telt niet meer; zeg zelf wat de school biedt."
        for need, names in via.items()
    }


def _migrate_school(
    workspace: Workspace, path: str, items: tuple[list[Item], list[Item], list[Item]], hints: Any
) -> None:
    text = workspace.read(path)
    front_text, body = roundtrip.split_document(text)
    tree, issues = read_yaml(front_text, path) if front_text else (None, [])
    if tree is None or not isinstance(tree.data, dict) or any(i.is_error for i in issues):
        return  # check reports why the front matter cannot be read; nothing to add to
    if "ondersteuning" in tree.data:
        return
    needs, levels, facts = items
    lines = profile_lines(
        needs, levels, facts, hints(tree.data), enrolment="aanmelden" not in tree.data
    )
    new_front = front_text + "\n".join(lines) + "\n"
    workspace.write(path, f"---\n{new_front}---\n{body}", "ondersteuning per behoefte erbij (leeg)")


def apply(workspace: Workspace) -> None:
    if not workspace.exists(VOCABULARIES):
        return  # check reports the missing file
    old, vocabularies = _migrate_vocabularies(workspace)
    needs, levels, facts, labels = _items(vocabularies)
    for path in workspace.paths("content/schools/*/sop.md"):
        _migrate_school(
            workspace, path, (needs, levels, facts), lambda front: _hints(front, old, labels)
        )


STEP = Step(2, "Ondersteuning per behoefte: wat de school zelf zegt, en praktische zaken", apply)
