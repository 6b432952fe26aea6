"""Format 2: the site's address lives with the SWV's data (`site_adres` in swv.yaml).

Format 1 kept it only as `site_url` in mkdocs.yml, which the adoption steps never named, so a
new SWV published canonical links, the sitemap, short links and the web editor's configuration
with the sample's address. The address moves into site_config/swv.yaml; mkdocs.yml keeps a
comment that points there.
"""

from __future__ import annotations

import re

from sop_builder.authoring.migrate import Step, Workspace, insert_after_key, strict_data
from sop_builder.project.config import SWV_FILE

MKDOCS_FILE = "mkdocs.yml"
SITE_URL = re.compile(r"^site_url\s*:\s*(?P<value>[^#\n]*?)\s*(#.*)?$", re.MULTILINE)
POINTER = "# site_url: staat in site_config/swv.yaml (site_adres)"


def apply(workspace: Workspace) -> None:
    if not workspace.exists(MKDOCS_FILE):
        return
    mkdocs = workspace.read(MKDOCS_FILE)
    match = SITE_URL.search(mkdocs)
    if match is None:
        return
    address = match.group("value").strip().strip("'\"")
    if address and "site_adres" not in strict_data(workspace, SWV_FILE):
        lines = [
            "# Het adres van deze site, voor links, de sitemap, korte links, QR-codes, de agenda",
            "# en de webeditor.",
            f"site_adres: {address}",
        ]
        swv = insert_after_key(workspace.read(SWV_FILE), "website", lines)
        workspace.write(SWV_FILE, swv, f"site_adres: {address} (uit mkdocs.yml)")
    workspace.write(
        MKDOCS_FILE,
        mkdocs[: match.start()] + POINTER + mkdocs[match.end() :],
        "site_url staat nu in site_config/swv.yaml",
    )


STEP = Step(2, "Het adres van de site staat in site_config/swv.yaml", apply)
