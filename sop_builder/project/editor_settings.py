"""site_config/webeditor.yaml (optional): where the web editor on the published site saves.

Without this file the site has no admin page; ``sop-builder editor`` works without it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sop_builder.core.fieldtypes import OptionalPlainText, OptionalUrl, PlainText, x_labels
from sop_builder.project.model import Schema

WEBEDITOR_FILE = "webeditor.yaml"
BACKEND_LABELS = {
    "github": "GitHub",
    "gitlab": "GitLab",
    "gitea": "Gitea of Forgejo",
    "git-gateway": "Netlify Git Gateway",
}


class EditorBackend(Schema):
    """The Git host of the content repository, in Decap CMS's terms."""

    name: Literal["github", "gitlab", "gitea", "git-gateway"] = Field(
        alias="naam",
        title="Git-dienst",
        description="Waar de bestanden van de site staan: github, gitlab, gitea of git-gateway.",
        json_schema_extra=x_labels(BACKEND_LABELS),
    )
    repo: OptionalPlainText = Field(
        None,
        alias="repository",
        title="Repository",
        description="De repository met de bestanden van de site, bijvoorbeeld "
        "swv-duinkust/sop-site.",
    )
    branch: PlainText = Field(
        "main",
        alias="branch",
        title="Branch",
        description="De branch van de site; zonder deze regel: main.",
    )
    base_url: OptionalUrl = Field(
        None,
        alias="inlogserver",
        title="Inlogserver",
        description="Het webadres van de server waarmee mensen inloggen, beginnend met https:// "
        "(mag leeg).",
    )
    api_root: OptionalUrl = Field(
        None,
        alias="api",
        title="API",
        description="Het webadres van de API van een eigen Git-server, beginnend met https:// "
        "(mag leeg).",
    )


WORKFLOW_LABELS = {
    "ter-beoordeling": "elke wijziging wordt een pull request dat het samenwerkingsverband goedkeurt",
    "direct": "elke wijziging gaat meteen naar de branch van de site",
}


class WebEditor(Schema):
    """Settings of the admin page of the published site."""

    backend: EditorBackend = Field(
        alias="opslag",
        title="Opslag",
        description="Waar de webeditor een wijziging bewaart: de Git-dienst en de repository.",
    )
    workflow: Literal["ter-beoordeling", "direct"] = Field(
        "ter-beoordeling",
        alias="werkwijze",
        title="Werkwijze",
        description="ter-beoordeling: het samenwerkingsverband keurt elke wijziging eerst goed; "
        "direct: elke wijziging gaat meteen naar de branch van de site.",
        json_schema_extra=x_labels(WORKFLOW_LABELS),
    )
    title: OptionalPlainText = Field(
        None,
        alias="titel",
        title="Titel",
        description="De titel van de pagina van de webeditor (mag leeg).",
    )
