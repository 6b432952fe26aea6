"""Content-Security-Policy for the built pages: a meta tag per page and a header file.

The theme puts two small inline scripts in every page; they are allowed by their sha256 hash, so
no 'unsafe-inline' is needed. Everything else must come from the site itself.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from sop_builder.core.parallel import map_indexes
from sop_builder.project.paths import ADMIN_DIR

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
NOT_EXECUTED = re.compile(r"type\s*=\s*[\"']?application/(ld\+)?json", re.IGNORECASE)
HEADERS_FILE = "_headers"


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for the executable inline scripts of a page."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if NOT_EXECUTED.search(match.group("attrs")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def policy(hashes: list[str], wasm: bool = False) -> str:
    """The policy: own origin only, inline scripts by hash, no frames, no plugins.

    ``wasm`` allows compiling WebAssembly, which the search (Pagefind) needs.
    """
    scripts = " ".join(["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *hashes])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        "style-src 'self'; "
        "img-src 'self' data:; "
        "font-src 'self'; "
        "connect-src 'self'; "
        "worker-src 'self'; "
        "manifest-src 'self'; "
        "frame-src 'none'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'"
    )


_CHARSET = re.compile(r"(<meta charset=[^>]*>)", re.IGNORECASE)


def _with_meta(html: str, meta: str) -> str:
    """``html`` with ``meta`` right after its charset tag (else at the start of the head)."""
    html, count = _CHARSET.subn(lambda m: m.group(1) + "\n    " + meta, html, count=1)
    return html if count else html.replace("<head>", "<head>\n    " + meta, 1)


def header_rules(site: Path, header: str) -> str:
    """The `_headers` file for ``site`` whose pages have the policy ``header``.

    Netlify and Cloudflare Pages apply every rule whose path matches a request; a header that
    two rules give is sent twice (joined by a comma), and a browser then enforces both
    policies. So the site's policy cannot stand under ``/*``: the web editor in ``admin/``
    would get it beside its own and Decap CMS stops ("Error loading the CMS configuration ...
    'unsafe-eval'"). Cloudflare's ``! Content-Security-Policy`` (drop a header a broader rule
    gave) does not exist on Netlify. Hence the policy is given per top-level entry of the
    site (each folder with ``/*``, each file by its name, an HTML file also without
    ``.html``, and ``/`` for the home page), never for ``admin/``; ``admin/`` has its own
    policy in its page (``editor/admin.py``) and gets here only ``frame-ancestors 'none'``,
    which a meta tag cannot carry. The other headers hold everywhere (``/*``).
    """
    paths = ["/"]
    for entry in sorted(site.iterdir()):
        name = entry.name
        if name in (ADMIN_DIR, HEADERS_FILE) or name.startswith("."):
            continue
        if entry.is_dir():
            paths.append(f"/{name}/*")
        else:
            paths.append(f"/{name}")
            if name.endswith(".html") and name != "index.html":
                paths.append(f"/{name.removesuffix('.html')}")
    rules = [
        "/*\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        "  Permissions-Policy: interest-cohort=(), camera=(), microphone=(), geolocation=(self)\n"
    ]
    rules += [f"{path}\n  Content-Security-Policy: {header}\n" for path in paths]
    rules.append(f"/{ADMIN_DIR}/*\n  Content-Security-Policy: frame-ancestors 'none'\n")
    return "".join(rules)


def apply_policy(site: Path) -> None:
    """Add the policy as a meta tag to every page and write a `_headers` file for hosts that
    read one (Netlify, Cloudflare Pages), with frame-ancestors that a meta tag cannot carry.
    Geolocation is allowed for the site itself only: the finder asks for the visitor's
    location when the visitor chooses "Mijn locatie", and computes distances in the page."""
    pages = [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != ADMIN_DIR]
    # (the web editor has its own policy: editor/admin.py)

    def add_policy(index: int) -> list[str]:
        page = pages[index]
        html = page.read_text(encoding="utf-8")
        hashes = script_hashes(html)
        wasm = "pagefind" in html
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, wasm)}">'
        page.write_text(_with_meta(html, meta), encoding="utf-8")
        return hashes

    all_hashes = {h for hashes in map_indexes(add_policy, len(pages)) for h in hashes}
    header = policy(sorted(all_hashes), wasm=True) + "; frame-ancestors 'none'"
    (site / HEADERS_FILE).write_text(header_rules(site, header), encoding="utf-8")
