"""`sop-builder editor`: the web editor on this computer, saving straight into the project.

One small HTTP server on 127.0.0.1 serves the admin page (Decap CMS from the cache), a
configuration generated for this project, and the local backend (``editor/backend.py``).
Run ``sop-builder bekijk`` beside it to see each saved change on the site at once.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sop_builder.editor.admin import ADMIN_DIR, OWN_FILES, admin_page
from sop_builder.editor.assets import ensure_assets
from sop_builder.editor.backend import LocalBackend, Refused
from sop_builder.editor.config import config_yaml, decap_config, file_patterns
from sop_builder.project.config import load_config

API_PATH = "/api/v1"
PREVIEW_SITE = "http://127.0.0.1:8000"  # `sop-builder bekijk`, for the links to the pages
MAX_REQUEST = 2_000_000
TYPES = {".js": "text/javascript", ".wasm": "application/wasm", ".txt": "text/plain"}


class EditorError(Exception):
    """The editor cannot start; the text is Dutch."""


def _handler(root: Path, assets: Path, backend: LocalBackend, base_url: Callable[[], str]):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "sop-builder-editor"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path in ("/", f"/{ADMIN_DIR}"):
                self.send_response(302)
                self.send_header("Location", f"/{ADMIN_DIR}/")
                self.end_headers()
                return
            if path == "/favicon.ico":
                self._send(204, b"", "image/x-icon")
                return
            if path == f"/{ADMIN_DIR}/":
                page = admin_page("Webeditor (op deze computer)", [])
                self._send(200, page.encode(), "text/html; charset=utf-8")
                return
            if path == f"/{ADMIN_DIR}/config.yml":
                config, _ = load_config(root)
                if config is None:
                    self._send(
                        500, b"site_config/ heeft fouten: sop-builder controleer", "text/plain"
                    )
                    return
                api = base_url() + API_PATH
                text = config_yaml(decap_config(config, root, api, PREVIEW_SITE))
                self._send(200, text.encode(), "text/yaml; charset=utf-8")
                return
            name = path.removeprefix(f"/{ADMIN_DIR}/")
            if name in OWN_FILES:
                body, kind = OWN_FILES[name]
                self._send(200, body.encode(), kind)
                return
            file = assets / name
            if name != path and "/" not in name and file.is_file():
                kind = TYPES.get(file.suffix, "application/octet-stream")
                self._send(200, file.read_bytes(), kind)
                return
            self._send(404, b"Niet gevonden.", "text/plain; charset=utf-8")

        def _from_this_page(self) -> bool:
            """Only the editor's own page may save: same host and origin, JSON only. Another
            website open in the same browser cannot send that (no CORS is allowed here)."""
            own = base_url()
            origin = self.headers.get("Origin")
            host_ok = f"http://{self.headers.get('Host', '')}" == own
            json_ok = (self.headers.get("Content-Type") or "").startswith("application/json")
            return host_ok and json_ok and origin in (None, own)

        def do_POST(self) -> None:
            if self.path != API_PATH:
                self._send(404, b"{}", "application/json")
                return
            if not self._from_this_page():
                self._reply(403, {"error": "Alleen de webeditor zelf mag hier iets bewaren."})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_REQUEST:
                self._reply(413, {"error": "Dit is te veel tekst om in één keer op te slaan."})
                return
            try:
                request = json.loads(self.rfile.read(length) or b"{}")
                answer = backend.handle(str(request.get("action")), request.get("params") or {})
            except Refused as refused:
                self._reply(refused.status, {"error": str(refused)})
                return
            except (ValueError, KeyError, TypeError):
                self._reply(400, {"error": "De webeditor stuurde een verzoek dat niet klopt."})
                return
            self._reply(200, answer)

        def _reply(self, status: int, payload: Any) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self._send(status, body, "application/json; charset=utf-8")

    return Handler


@contextmanager
def running_editor(
    root: Path,
    port: int = 0,
    today: date | None = None,
    after_save: Callable[[str], None] | None = None,
) -> Iterator[str]:
    """Run the editor for ``root`` on 127.0.0.1:``port`` (0: any free port); yields its URL."""
    root = Path(root).resolve()
    config, _ = load_config(root)
    if config is None:
        raise EditorError(
            "De configuratie in site_config/ heeft fouten. Draai eerst: sop-builder controleer"
        )
    assets = ensure_assets()
    backend = LocalBackend(root, file_patterns(), today, after_save)
    address: list[str] = []
    handler = _handler(root, assets, backend, lambda: address[0])
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise EditorError(
            f"Poort {port} is al in gebruik ({exc.strerror}). Kies een andere met --poort."
        ) from None
    address.append(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # Read the project once now; a save then reads only its own school folder again.
    threading.Thread(target=backend.warm_up, daemon=True).start()
    try:
        yield address[0]
    finally:
        server.shutdown()
        server.server_close()
