"""site_config/scholen.yaml (optional): which of DUO's school locations are the SWV's own.

    postcodes: ["1940-1949", "1951", "1960 t/m 1969"]   # four-digit postcode areas, or
    gemeenten: [Beverwijk, Heemskerk, Velsen]           # gemeenten, or
    vestigingscodes: [12AB00, 12AB01]                   # a list of locations: one of the three
    soorten: [bao, sbo, so]                             # the kinds of school of the SWV
    vso_als: so                                         # DUO's '(V)SO': so, vso or beide

`sop-builder import-scholen` reads it (and writes it from its options), so the next import
after DUO's next release takes the same schools. The four-digit areas are those of the
official regio-indeling ("Regeling regio-indeling samenwerkingsverbanden passend onderwijs").
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, cast

from pydantic import BeforeValidator, Field

from sop_builder.core.catalogue.imports import SELECTION_WAYS
from sop_builder.core.catalogue.schema import NOT_A_POSTCODE_AREA
from sop_builder.core.fieldtypes import (
    PlainText,
    Vestigingscode,
    field_error,
    string_schema,
    text_value,
)
from sop_builder.core.issues import Issue
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.model import SCHOOL_TYPE_CODES, Schema, SchoolType
from sop_builder.project.municipalities import same_municipality

SELECTION_FILE = "scholen.yaml"
SELECTION_PATH = f"site_config/{SELECTION_FILE}"
AREA = re.compile(r"([1-9]\d{3})(?:\s*(?:-|t/m|tot en met)\s*([1-9]\d{3}))?")
VSO_CHOICES = {
    "so": "als school voor speciaal onderwijs (so)",
    "vso": "als school voor voortgezet speciaal onderwijs (vso)",
    "beide": "twee keer: een so-school en een vso-school",
}


def _area(value: Any) -> str:
    text = " ".join(text_value(value).split())
    match = AREA.fullmatch(text)
    if match is None or (match[2] is not None and int(match[2]) < int(match[1])):
        raise field_error(NOT_A_POSTCODE_AREA, value=text)
    return text


PostcodeArea = Annotated[
    str,
    BeforeValidator(_area),
    string_schema(pattern=r"^[1-9][0-9]{3}(\s*(-|t/m|tot en met)\s*[1-9][0-9]{3})?$"),
]


def _empty(value: Any) -> Any:
    """An empty 'vso_als:' is no choice yet."""
    return None if isinstance(value, str) and not value.strip() else value


def _all_kinds() -> list[SchoolType]:
    return [cast(SchoolType, kind) for kind in SCHOOL_TYPE_CODES]


class SchoolSelection(Schema):
    """Which of DUO's locations `import-scholen` takes: one of the three lists, of the kinds
    in ``kinds``."""

    postcodes: list[PostcodeArea] = Field(
        default_factory=list,
        alias="postcodes",
        title="Postcodegebieden",
        description="De postcodegebieden van het samenwerkingsverband uit de regio-indeling: vier "
        "cijfers, of een reeks van laag naar hoog (1940-1949).",
    )
    municipalities: list[PlainText] = Field(
        default_factory=list,
        alias="gemeenten",
        title="Gemeenten",
        description="De gemeenten van het samenwerkingsverband.",
    )
    codes: list[Vestigingscode] = Field(
        default_factory=list,
        alias="vestigingscodes",
        title="Vestigingscodes",
        description="De vestigingscodes van de scholen van het samenwerkingsverband (12AB00).",
    )
    kinds: list[SchoolType] = Field(
        default_factory=_all_kinds,
        alias="soorten",
        title="Soorten school",
        description="De soorten school van het samenwerkingsverband: bao, sbo, so, vso en vo.",
    )
    vso_as: Annotated[Literal["so", "vso", "beide"] | None, BeforeValidator(_empty)] = Field(
        None,
        alias="vso_als",
        title="(V)SO als",
        description="Hoe een school die DUO '(V)SO' noemt meetelt: so, vso of beide (twee "
        "scholen). Leeg: de import vraagt het.",
    )

    @property
    def way(self) -> str:
        """'postcodes', 'gemeenten', 'vestigingscodes' (the first list that is filled in), or
        '' when none is."""
        for way, values in self.ways().items():
            if values:
                return way
        return ""

    def ways(self) -> dict[str, list[str]]:
        return {
            self.key("postcodes"): self.postcodes,
            self.key("municipalities"): self.municipalities,
            self.key("codes"): self.codes,
        }

    def areas(self) -> list[tuple[int, int]]:
        """The postcode areas as (first, last) four-digit numbers."""
        found = []
        for area in self.postcodes:
            match = AREA.fullmatch(area)
            assert match is not None  # validated
            found.append((int(match[1]), int(match[2] or match[1])))
        return found

    def selects(self, code: str, postcode: str, municipality: str) -> bool:
        """Whether the location with this vestigingscode, postcode and (DUO's) gemeente is
        one of the SWV's."""
        if self.codes:
            return code.upper() in self.codes
        if self.municipalities:
            return any(same_municipality(municipality, m) for m in self.municipalities)
        digits = postcode.strip()[:4]
        if not digits.isdigit():
            return False
        return any(low <= int(digits) <= high for low, high in self.areas())

    def describe(self) -> str:
        """In words, for the import's report."""
        if self.codes:
            return f"{len(self.codes)} vestigingscodes"
        if self.municipalities:
            return "de gemeenten " + ", ".join(self.municipalities)
        return "de postcodegebieden " + ", ".join(self.postcodes)


def check_selection(selection: SchoolSelection, tree: YamlTree) -> list[Issue]:
    """SOP770 unless exactly one of the three lists is filled in."""
    filled = [way for way, values in selection.ways().items() if values]
    if len(filled) == 1:
        return []
    pos = tree.key_pos((filled[1],)) if len(filled) > 1 else None
    return [
        SELECTION_WAYS.at(
            SELECTION_PATH,
            pos,
            field=filled[1] if len(filled) > 1 else "",
            filled=" en ".join(filled) if filled else "geen van de drie",
        )
    ]
