"""Format 2: site_config/bouwen.yaml names the engine that builds the site (MkDocs or ProperDocs).

The file is optional (without it the engine is MkDocs); `migreer` writes it with its
explanation, so that the SWV sees the choice.
"""

from __future__ import annotations

from sop_builder.authoring.migrate import Step, Workspace
from sop_builder.project.build_settings import BUILD_FILE

PATH = f"site_config/{BUILD_FILE}"
TEXT = """\
# Hoe de site wordt gebouwd.
# motor: het programma dat van de pagina's de site maakt. Kies mkdocs (standaard) of
# properdocs (de voortzetting van MkDocs 1.6; de site wordt precies hetzelfde).
motor: mkdocs
"""


def add_build_settings(workspace: Workspace) -> None:
    if not workspace.exists(PATH):
        workspace.write(PATH, TEXT, "nieuw: de motor van de site (mkdocs)")


STEP = Step(2, "De motor van de site in site_config/bouwen.yaml", add_build_settings)
