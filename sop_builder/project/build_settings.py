"""site_config/bouwen.yaml (optional): how the public site is built.

    motor: mkdocs                    # or: properdocs
    onvolledige_school: achterhouden  # or: volgt
    kengetallen_openbaar: nee         # or: ja (a public page with the SWV's headline figures)
    talen: [en, ar, tr]               # the public site's languages besides Dutch (none: Dutch only)
    talen_minimaal: 80                # a language with less of its texts translated is left out

The engine turns the staging folder (plain source files, site/staging.py) into the site.
Without this file the engine is MkDocs.

`onvolledige_school` says what the site shows of a school that is not complete (errors in its
folder, or a field still marked INVULLEN): no page (`achterhouden`, the default; `bouw` names
the school and its errors) or the short page "Het ondersteuningsprofiel van deze school volgt"
with its facts (`volgt`). Either way the other schools' pages are built, and never a half
page. A school that has not started its profile at all always gets the short page
(project/schools/status.py, project/publication.py).

`kengetallen_openbaar: ja` gives the public site a page /kengetallen/ with the SWV's headline
figures from content/kengetallen.yaml: only sums over the whole SWV of DUO's open data (pupils
per kind of school, participation in sbo and so against the country), never a school's figure
and never the SWV's own registration; without it (the default) the public build does not read
that file at all.

`talen` lists the languages besides Dutch that the public site is published in, each with its
translations in site_config/talen/<code>.yaml (project/translations.py); a language with less
than `talen_minimaal` percent of its texts translated and current is left out, and `check`
says why (SOP465). Without `talen` the site is Dutch only, exactly as before.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field

from sop_builder.core.fieldtypes import Percentage, Slug, YesNo, x_labels
from sop_builder.project.model import Schema, SiteConfig

BUILD_FILE = "bouwen.yaml"
INCOMPLETE_LABELS = {
    "achterhouden": "geen pagina; 'sop-builder bouw' noemt de school en haar fouten (standaard)",
    "volgt": "een korte pagina: het ondersteuningsprofiel van deze school volgt",
}
ENGINE_LABELS = {
    "mkdocs": "MkDocs (standaard)",
    "properdocs": "ProperDocs, de voortzetting van MkDocs 1.6 (zelfde uitkomst)",
}


class BuildSettings(Schema):
    """Settings of the public build."""

    engine: Literal["mkdocs", "properdocs"] = Field(
        "mkdocs",
        alias="motor",
        title="Motor",
        description="Het programma dat van de pagina's de site maakt: mkdocs (standaard) of "
        "properdocs.",
        json_schema_extra=x_labels(ENGINE_LABELS),
    )
    incomplete_school: Literal["achterhouden", "volgt"] = Field(
        "achterhouden",
        alias="onvolledige_school",
        title="Een school die nog niet klopt",
        description="Wat de site toont van een school met fouten of met een veld waar nog "
        "INVULLEN boven staat: achterhouden (geen pagina; de bouw noemt de school en haar "
        "fouten) of volgt (een korte pagina met naam, adres en website: 'Het "
        "ondersteuningsprofiel van deze school volgt'). De andere scholen komen altijd op de "
        "site. Een school die nog niets heeft ingevuld, krijgt altijd de korte pagina.",
        json_schema_extra=x_labels(INCOMPLETE_LABELS),
    )
    public_figures: YesNo = Field(
        False,
        alias="kengetallen_openbaar",
        title="Kengetallen op de site",
        description="ja: de site krijgt een pagina Kengetallen met de cijfers van het hele "
        "samenwerkingsverband uit de open data van DUO (leerlingen, deelname aan sbo en so "
        "naast het land). Nooit cijfers van een school en nooit de eigen registratie. "
        "Standaard: nee.",
    )
    languages: list[Slug] = Field(
        default_factory=list,
        alias="talen",
        title="Talen",
        description="De talen waarin de site ook verschijnt, naast het Nederlands, met hun "
        "code van twee of drie letters, bijvoorbeeld [en, ar, tr]. Elke taal heeft haar "
        "vertalingen in site_config/talen/<code>.yaml. Leeg: alleen Nederlands.",
    )
    minimum_share: Percentage = Field(
        Fraction(80),
        alias="talen_minimaal",
        title="Minimaal vertaald",
        description="Hoeveel procent van de teksten van een taal vertaald en bijgewerkt moet "
        "zijn voordat de site in die taal verschijnt. Standaard: 80.",
    )


def engine_choice(config: SiteConfig | None) -> str:
    """The engine site_config/bouwen.yaml chooses (MkDocs without that file)."""
    build = config.build if config is not None else None
    return build.engine if isinstance(build, BuildSettings) else "mkdocs"


def incomplete_choice(config: SiteConfig | None) -> str:
    """What site_config/bouwen.yaml chooses for a school that is not complete (achterhouden
    without that file)."""
    build = config.build if config is not None else None
    return build.incomplete_school if isinstance(build, BuildSettings) else "achterhouden"


def public_figures_choice(config: SiteConfig | None) -> bool:
    """Whether site_config/bouwen.yaml puts the SWV's headline figures on the public site
    (no, without that file)."""
    build = config.build if config is not None else None
    return build.public_figures if isinstance(build, BuildSettings) else False


def language_choice(config: SiteConfig | None) -> tuple[tuple[str, ...], Fraction]:
    """The languages besides Dutch that site_config/bouwen.yaml asks for, and the share (in
    percent) of their texts that must be translated (none, without that file)."""
    build = config.build if config is not None else None
    if not isinstance(build, BuildSettings):
        return (), Fraction(80)
    return tuple(dict.fromkeys(build.languages)), build.minimum_share
