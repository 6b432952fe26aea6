"""The web editor's admin page: the HTML, its own Content-Security-Policy, and the files written
into the site's admin/ folder (Decap CMS, its configuration, our repairs and score widget)."""

from __future__ import annotations

import html
from pathlib import Path

from sop_builder.editor.a11y import ADMIN_CSS, ADMIN_JS
from sop_builder.editor.config import config_yaml, decap_config
from sop_builder.editor.widgets import WIDGETS_JS
from sop_builder.project.model import SiteConfig
from sop_builder.project.paths import ADMIN_DIR

LOCAL_BACKEND_PORT = 8081  # `sop-builder editor`, and Decap's default for a local backend
OWN_CSS = "sop-builder.css"  # beside Decap CMS in the admin folder
OWN_JS = "sop-builder.js"
LOCAL_JS_FILE = "sop-builder-lokaal.js"  # only `sop-builder editor` serves it
OWN_FILES = {  # name -> (text, content type)
    OWN_CSS: (ADMIN_CSS, "text/css; charset=utf-8"),
    OWN_JS: (ADMIN_JS + WIDGETS_JS, "text/javascript; charset=utf-8"),
}

# The editor on this computer: Decap's proxy protocol carries no version of the file a form was
# opened with, so this page notes the version (``file.id``) of every entry the backend serves,
# per tab, and sends it back with the save; the backend refuses a save whose version is not the
# file on disk (editor/backend.py). Decap shows a refusal as "API_ERROR: <text>": the text is
# Dutch and complete, so the English prefix goes.
LOCAL_JS = """// sop-builder: the version each form was opened with (see sop_builder/editor/admin.py).
(function () {
  "use strict";
  var versions = {};
  var reads = ["getEntry", "entriesByFolder", "entriesByFiles"];
  function note(entries) {
    (Array.isArray(entries) ? entries : [entries]).forEach(function (entry) {
      if (entry && entry.file && typeof entry.file.path === "string") {
        versions[entry.file.path] = entry.file.id || null;
      }
    });
  }
  function isApi(input) {
    var url = new URL(typeof input === "string" ? input : input.url, window.location.href);
    return url.origin === window.location.origin && url.pathname === "/api/v1";
  }
  var original = window.fetch;
  window.fetch = function (input, init) {
    var request = null;
    if (isApi(input) && init && typeof init.body === "string") {
      try { request = JSON.parse(init.body); } catch (e) { request = null; }
    }
    if (!request || typeof request !== "object") { return original.apply(this, arguments); }
    if (request.action === "persistEntry" && request.params) {
      (request.params.dataFiles || []).forEach(function (file) {
        file.version = Object.prototype.hasOwnProperty.call(versions, file.path)
          ? versions[file.path] : null;
      });
      init = Object.assign({}, init, { body: JSON.stringify(request) });
    }
    return original.call(this, input, init).then(function (response) {
      if (!response.ok) { return response; }
      return response.clone().json().then(function (answer) {
        if (reads.indexOf(request.action) >= 0) { note(answer); }
        if (request.action === "persistEntry" && answer && answer.versions) {
          Object.keys(answer.versions).forEach(function (path) {
            versions[path] = answer.versions[path];
          });
        }
        return response;
      }, function () { return response; });
    });
  };
  function plain(root) {
    if (root.textContent.indexOf("API_ERROR: ") < 0) { return; }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.indexOf("API_ERROR: ") >= 0) {
        node.nodeValue = node.nodeValue.replace("API_ERROR: ", "");
      }
    }
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; plain(document.body); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
"""


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


def admin_page(title: str, connect: list[str], local: bool = False) -> str:
    """The admin page: Decap CMS with its configuration from config.yml beside it; ``local``:
    the page of `sop-builder editor`, which sends each form's version with its save."""
    local_script = f'\n  <script src="{LOCAL_JS_FILE}"></script>' if local else ""
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
  <script src="{OWN_JS}"></script>{local_script}
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
    from sop_builder.editor.assets import AssetsUnavailable, copy_assets, disk_refused

    target = site / ADMIN_DIR
    copy_assets(target)
    title = config.webeditor.title or f"Webeditor {config.swv.short_name}"
    files = {name: text for name, (text, _) in OWN_FILES.items()}
    files["config.yml"] = config_yaml(decap_config(config, root, site_url=site_url))
    files["index.html"] = admin_page(title, hosted_connect(config))
    try:
        for name, text in files.items():
            (target / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise AssetsUnavailable(disk_refused(exc, target)) from None
