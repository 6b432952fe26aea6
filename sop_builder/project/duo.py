"""content/duo.yaml: what DUO said about each imported school, as `import-scholen` last wrote it.

A school's folder holds DUO's facts in the fields of its sop.md (naam, type, adres, website,
telefoon, bestuur, coordinaten) beside everything the school writes itself. This record keeps,
per school folder, DUO's value of each of those facts at the last import, and the facts sop.md
has no field for (gemeente, denominatie, the board's number). So:

- a re-import changes a field only while it still holds DUO's last value (the school did not
  change it), and reports the rest (`import-scholen`);
- a page can tell DUO's facts from the school's own words (`from_duo`): a field whose value is
  the one recorded here is DUO's; every other value, and every other field, is the school's.

The file is written by `import-scholen` only; people do not edit it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pydantic import Field

from sop_builder.core.fieldtypes import OptionalPlainText, PlainText
from sop_builder.core.issues import Issue
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_yaml_file
from sop_builder.core.yamlwrite import yaml_text
from sop_builder.project.model import Address, Coordinates, Schema, SopFrontMatter

RECORD_FILE = Path("content/duo.yaml")


@dataclass(frozen=True)
class DuoFacts:
    """One school location as DUO describes it, in the form sop.md writes it."""

    code: str  # vestigingscode
    kind: str  # bao, sbo, so, vso or vo (the type in sop.md)
    name: str
    street: str  # street and number
    postcode: str  # 1234 AB
    place: str
    municipality: str = ""  # the gemeente in its proper form
    municipality_code: str = ""
    denomination: str = ""
    website: str = ""  # with https://
    phone: str = ""
    board_number: str = ""  # bevoegd gezag nummer
    board_name: str = ""  # from DUO's file of boards, when given
    latitude: str = ""
    longitude: str = ""


DUO_FACT = "Zoals DUO het gaf bij de laatste import."


class RecordEntry(Schema):
    """DUO's facts of one imported school folder, as `import-scholen` last read them."""

    code: PlainText = Field(
        alias="vestigingscode", title="Vestigingscode", description=f"De vestigingscode. {DUO_FACT}"
    )
    kind: PlainText = Field(
        alias="soort",
        title="Soort school",
        description=f"bao, sbo, so, vso of vo. {DUO_FACT}",
    )
    name: PlainText = Field(
        alias="naam", title="Naam", description=f"De naam van de vestiging. {DUO_FACT}"
    )
    street: PlainText = Field(
        alias="straat", title="Straat", description=f"Straat en huisnummer. {DUO_FACT}"
    )
    postcode: PlainText = Field(
        alias="postcode", title="Postcode", description=f"De postcode (1234 AB). {DUO_FACT}"
    )
    place: PlainText = Field(alias="plaats", title="Plaats", description=f"De plaats. {DUO_FACT}")
    municipality: OptionalPlainText = Field(
        None,
        alias="gemeente",
        title="Gemeente",
        description=f"De gemeente, in haar eigen schrijfwijze (mag leeg). {DUO_FACT}",
    )
    municipality_code: OptionalPlainText = Field(
        None,
        alias="gemeentenummer",
        title="Gemeentenummer",
        description=f"Het nummer van de gemeente bij het CBS (mag leeg). {DUO_FACT}",
    )
    denomination: OptionalPlainText = Field(
        None,
        alias="denominatie",
        title="Denominatie",
        description=f"De richting van de school, zoals openbaar of rooms-katholiek (mag leeg). "
        f"{DUO_FACT}",
    )
    website: OptionalPlainText = Field(
        None, alias="website", title="Website", description=f"Het webadres (mag leeg). {DUO_FACT}"
    )
    phone: OptionalPlainText = Field(
        None,
        alias="telefoon",
        title="Telefoon",
        description=f"Het telefoonnummer (mag leeg). {DUO_FACT}",
    )
    board_number: OptionalPlainText = Field(
        None,
        alias="bevoegd_gezag",
        title="Bevoegd gezag",
        description=f"Het nummer van het bestuur (bevoegd gezag) (mag leeg). {DUO_FACT}",
    )
    board_name: OptionalPlainText = Field(
        None,
        alias="bestuur",
        title="Bestuur",
        description=f"De naam van het bestuur, uit DUO's bestand van besturen (mag leeg). "
        f"{DUO_FACT}",
    )
    latitude: OptionalPlainText = Field(
        None,
        alias="breedtegraad",
        title="Breedtegraad",
        description=f"Waar de school staat (mag leeg). {DUO_FACT}",
    )
    longitude: OptionalPlainText = Field(
        None,
        alias="lengtegraad",
        title="Lengtegraad",
        description=f"Waar de school staat (mag leeg). {DUO_FACT}",
    )


class RecordFile(Schema):
    """content/duo.yaml."""

    files: list[PlainText] = Field(
        default_factory=list,
        alias="bestanden",
        title="Bestanden",
        description="De bestanden van DUO die de laatste import las.",
    )
    date: OptionalPlainText = Field(
        None,
        alias="datum",
        title="Datum",
        description="De dag van de laatste import (JJJJ-MM-DD).",
    )
    schools: dict[str, RecordEntry] = Field(
        default_factory=dict,
        alias="scholen",
        title="Scholen",
        description="Per map van een school (content/schools/<map>) wat DUO erover zei.",
    )


# DuoFacts attribute -> its key in content/duo.yaml
KEYS: dict[str, str] = {name: RecordEntry.key(name) for name in RecordEntry.model_fields}
_ADDRESS, _COORDINATES = SopFrontMatter.key("address"), SopFrontMatter.key("coordinates")
# DuoFacts attribute -> the field of sop.md that holds it (the facts DUO owns there).
SOP_FIELDS: dict[str, tuple[str, ...]] = {
    "name": (SopFrontMatter.key("name"),),
    "kind": (SopFrontMatter.key("type"),),
    "street": (_ADDRESS, Address.key("street")),
    "postcode": (_ADDRESS, Address.key("postcode")),
    "place": (_ADDRESS, Address.key("place")),
    "website": (SopFrontMatter.key("website"),),
    "phone": (SopFrontMatter.key("phone"),),
    "board_name": (SopFrontMatter.key("board"),),
    "latitude": (_COORDINATES, Coordinates.key("latitude")),
    "longitude": (_COORDINATES, Coordinates.key("longitude")),
}


@dataclass
class DuoRecord:
    """content/duo.yaml: the files and day of the last import, and DUO's facts per folder."""

    files: list[str] = field(default_factory=list)
    date: str = ""
    schools: dict[str, DuoFacts] = field(default_factory=dict)


def load_record(root: Path) -> tuple[DuoRecord | None, list[Issue]]:
    """The record of the last import (an empty one when there was none; None when the file
    cannot be read, with its problems)."""
    file = Path(root) / RECORD_FILE
    if not file.is_file():
        return DuoRecord(), []
    display = RECORD_FILE.as_posix()
    tree, issues = read_yaml_file(file, display)
    if tree is None:
        return None, issues
    model, found = validate_tree(RecordFile, tree, display)
    if model is None:
        return None, issues + found
    schools = {
        folder: DuoFacts(**{name: getattr(entry, name) or "" for name in KEYS})
        for folder, entry in model.schools.items()
    }
    return DuoRecord(list(model.files), model.date or "", schools), issues + found


def record_text(record: DuoRecord) -> str:
    """The text of content/duo.yaml."""
    lines = [
        "# Wat DUO over elke school zegt, zoals 'sop-builder import-scholen' het het laatst las.",
        "# Verander dit bestand niet zelf: een nieuwe import vergelijkt de gegevens in sop.md",
        "# hiermee. Een veld in sop.md dat nog de waarde van DUO heeft, werkt de import bij; een",
        "# veld dat de school zelf veranderde, blijft zoals het is.",
        "bestanden: [" + ", ".join(yaml_text(f) for f in record.files) + "]",
        f"datum: {yaml_text(record.date)}" if record.date else "datum:",
        "scholen:" if record.schools else "scholen: {}",
    ]
    for folder in sorted(record.schools):
        facts = record.schools[folder]
        lines.append(f"  {yaml_text(folder)}:")
        for item in fields(facts):
            value = getattr(facts, item.name)
            if value:
                lines.append(f"    {KEYS[item.name]}: {yaml_text(value)}")
    return "\n".join(lines) + "\n"


def value_at(data: Any, path: tuple[str, ...]) -> str:
    """The text at ``path`` of front matter data ('' when missing or empty)."""
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return " ".join(data.split()) if isinstance(data, str) else ""


def from_duo(facts: DuoFacts, front: dict[str, Any]) -> dict[tuple[str, ...], bool]:
    """For each field of sop.md that DUO owns: whether it still holds DUO's value (True) or
    the school's own (False). ``front`` is the front matter as read (plain data)."""
    return {
        path: bool(getattr(facts, name))
        and value_at(front, path) == " ".join(getattr(facts, name).split())
        for name, path in SOP_FIELDS.items()
    }
