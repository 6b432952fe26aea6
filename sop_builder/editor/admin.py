"""The web editor's admin page: the HTML, its own Content-Security-Policy, and the files written
into the site's admin/ folder (Decap CMS, its configuration, our repairs and score widget)."""

from __future__ import annotations

import html
from pathlib import Path

from sop_builder.editor.a11y import ADMIN_CSS, ADMIN_JS
from sop_builder.editor.config import config_yaml, decap_config
from sop_builder.editor.widgets import WIDGETS_JS
from sop_builder.project.model import SiteConfig
from sop_builder.project.routes import ADMIN_DIR

LOCAL_BACKEND_PORT = 8081  # `sop-builder editor`, and Decap's default for a local backend
OWN_CSS = "sop-builder.css"  # beside Decap CMS in the admin folder
OWN_JS = "sop-builder.js"
OWN_FILES = {  # name -> (text, content type)
    OWN_CSS: (ADMIN_CSS, "text/css; charset=utf-8"),
    OWN_JS: (ADMIN_JS + WIDGETS_JS, "text/javascript; charset=utf-8"),
}


def _csp(connect: list[str]) -> str:
    """The admin page's policy: Decap CMS needs inline styles and eval (its form checks);
    it may talk to its own origin and the Git host's API only."""
    sources = " ".join(["'self'", *connect])
    return (
        "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        f"connect-src {sources}; worker-src 'self' blob:; "
        "frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def admin_page(title: str, connect: list[str]) -> str:
    """The admin page: Decap CMS with its configuration from config.yml beside it."""
    return f"""<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="{_csp(connect)}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>{html.escape(title)}</title>
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
  <link href="{OWN_CSS}" rel="stylesheet">
</head>
<body>
  <noscript>De webeditor werkt alleen als JavaScript aan staat.</noscript>
  <script src="decap-cms.js"></script>
  <script src="{OWN_JS}"></script>
</body>
</html>
"""


def hosted_connect(config: SiteConfig) -> list[str]:
    """The hosts the hosted editor talks to: the Git host's API and login server."""
    source = config.webeditor.backend
    defaults = {
        "github": ["https://api.github.com"],
        "gitlab": ["https://gitlab.com"],
        "gitea": [],
        "git-gateway": ["https://api.netlify.com"],
    }
    hosts = [u for u in (source.api_root, source.base_url) if u]
    return hosts or defaults[source.name]


def write_admin(site: Path, config: SiteConfig, root: Path, site_url: str | None) -> None:
    """Write the admin page, its configuration and Decap CMS into ``site``/admin/."""
    from sop_builder.editor.assets import copy_assets

    target = site / ADMIN_DIR
    copy_assets(target)
    for name, (text, _) in OWN_FILES.items():
        (target / name).write_text(text, encoding="utf-8")
    (target / "config.yml").write_text(
        config_yaml(decap_config(config, root, site_url=site_url)), encoding="utf-8"
    )
    title = config.webeditor.title or f"Webeditor {config.swv.short_name}"
    (target / "index.html").write_text(admin_page(title, hosted_connect(config)), encoding="utf-8")
