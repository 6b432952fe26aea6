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
        alias="naam", json_schema_extra=x_labels(BACKEND_LABELS)
    )
    repo: OptionalPlainText = Field(None, alias="repository")
    branch: PlainText = Field("main", alias="branch")
    base_url: OptionalUrl = Field(None, alias="inlogserver")
    api_root: OptionalUrl = Field(None, alias="api")


WORKFLOW_LABELS = {
    "ter-beoordeling": "elke wijziging wordt een pull request dat het samenwerkingsverband goedkeurt",
    "direct": "elke wijziging gaat meteen naar de branch van de site",
}


class WebEditor(Schema):
    """Settings of the admin page of the published site."""

    backend: EditorBackend = Field(alias="opslag")
    workflow: Literal["ter-beoordeling", "direct"] = Field(
        "ter-beoordeling", alias="werkwijze", json_schema_extra=x_labels(WORKFLOW_LABELS)
    )
    title: OptionalPlainText = Field(None, alias="titel")
