"""site_config/bouwen.yaml (optional): how the public site is built.

    motor: mkdocs        # or: properdocs

The engine turns the staging folder (plain source files, site/staging.py) into the site.
Without this file the engine is MkDocs.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sop_builder.core.fieldtypes import x_labels
from sop_builder.project.model import Schema, SiteConfig

BUILD_FILE = "bouwen.yaml"
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


def engine_choice(config: SiteConfig | None) -> str:
    """The engine site_config/bouwen.yaml chooses (MkDocs without that file)."""
    build = config.build if config is not None else None
    return build.engine if isinstance(build, BuildSettings) else "mkdocs"
