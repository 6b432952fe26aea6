"""`sop-builder editor`: the web editor on this computer, saving straight into the project.

One small HTTP server on 127.0.0.1 serves the admin page (Decap CMS from the cache), a
configuration generated for this project, and the local backend (``editor/backend.py``).
Run ``sop-builder bekijk`` beside it to see each saved change on the site at once.
"""

from __future__ import annotations

import http.server
import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from sop_builder.editor import refusals
from sop_builder.editor.admin import LOCAL_JS, LOCAL_JS_FILE, OWN_FILES, admin_page
from sop_builder.editor.assets import ensure_assets
from sop_builder.editor.backend import LocalBackend, Refused
from sop_builder.editor.config import (
    config_yaml,
    creatable_patterns,
    decap_config,
    file_patterns,
)
from sop_builder.project.config import load_config
from sop_builder.project.routes import ADMIN_DIR

API_PATH = "/api/v1"
PREVIEW_SITE = "http://127.0.0.1:8000"  # `sop-builder bekijk`, for the links to the pages
MAX_REQUEST = 2_000_000
TYPES = {".js": "text/javascript", ".wasm": "application/wasm", ".txt": "text/plain"}


class EditorError(Exception):
    """The editor cannot start; the text is Dutch."""


@dataclass(frozen=True)
class _Editor:
    """What one running editor serves: its project, Decap's files, its backend, its address."""

    root: Path
    assets: Path
    backend: LocalBackend
    base_url: Callable[[], str]  # the server's address, known once it listens


class _EditorHandler(http.server.BaseHTTPRequestHandler):
    """The editor's requests. The values of one editor are ``editor``, set on the subclass that
    :func:`_handler` makes for each server (the server makes a handler per request)."""

    editor: ClassVar[_Editor]
    server_version = "sop-builder-editor"
    timeout = 60  # seconds a connection may stay silent (a body that never comes)

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

    def _text(self, status: int, text: str) -> None:
        self._send(status, text.encode("utf-8"), "text/plain; charset=utf-8")

    def _own_host(self) -> bool:
        """The request names this editor's own address: a page of another website that a
        name of its own points at 127.0.0.1 (DNS rebinding) gets nothing, GET included."""
        return f"http://{self.headers.get('Host', '')}" == self.editor.base_url()

    def do_GET(self) -> None:
        if not self._own_host():
            self._text(403, refusals.wrong_host(self.editor.base_url()))
            return
        try:
            self._get(self.path.split("?", 1)[0])
        except Exception as exc:  # never a dropped connection: say it in Dutch
            _log(f"GET {self.path}", exc)
            self._text(500, refusals.INTERNAL)

    def _get(self, path: str) -> None:
        if path in ("/", f"/{ADMIN_DIR}"):
            self.send_response(302)
            self.send_header("Location", f"/{ADMIN_DIR}/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
            return
        if path == f"/{ADMIN_DIR}/":
            page = admin_page("Webeditor (op deze computer)", [], local=True)
            self._send(200, page.encode(), "text/html; charset=utf-8")
            return
        if path == f"/{ADMIN_DIR}/config.yml":
            config, _ = load_config(self.editor.root)
            if config is None:
                self._text(500, refusals.CONFIG_ERRORS)
                return
            api = self.editor.base_url() + API_PATH
            text = config_yaml(decap_config(config, self.editor.root, api, PREVIEW_SITE))
            self._send(200, text.encode(), "text/yaml; charset=utf-8")
            return
        name = path.removeprefix(f"/{ADMIN_DIR}/")
        if name == LOCAL_JS_FILE:
            self._send(200, LOCAL_JS.encode(), "text/javascript; charset=utf-8")
            return
        if name in OWN_FILES:
            body, kind = OWN_FILES[name]
            self._send(200, body.encode(), kind)
            return
        file = self.editor.assets / name
        if name != path and "/" not in name and file.is_file():
            kind = TYPES.get(file.suffix, "application/octet-stream")
            self._send(200, file.read_bytes(), kind)
            return
        self._text(404, refusals.NOT_FOUND)

    def _from_this_page(self) -> bool:
        """Only the editor's own page may save: same host and origin, JSON only. Another
        website open in the same browser cannot send that (no CORS is allowed here)."""
        origin = self.headers.get("Origin")
        json_ok = (self.headers.get("Content-Type") or "").startswith("application/json")
        return self._own_host() and json_ok and origin in (None, self.editor.base_url())

    def _length(self) -> int | None:
        """The body's length from Content-Length; None when it is missing, not a number or
        negative (a body of unknown length is never read: it could be any size)."""
        given = self.headers.get_all("Content-Length") or []
        if len(given) != 1 or self.headers.get("Transfer-Encoding"):
            return None
        text = given[0].strip()
        return int(text) if text.isdigit() else None

    def do_POST(self) -> None:
        if self.path != API_PATH:
            self.close_connection = True
            self._reply(404, {"error": refusals.NOT_FOUND})
            return
        if not self._from_this_page():
            self.close_connection = True
            self._reply(403, {"error": refusals.ONLY_THIS_PAGE})
            return
        length = self._length()
        if length is None:
            self.close_connection = True
            self._reply(411, {"error": refusals.NO_LENGTH})
            return
        if length > MAX_REQUEST:
            self.close_connection = True  # the body is not read: the connection ends
            self._reply(413, {"error": refusals.TOO_LARGE})
            return
        try:
            body = self.rfile.read(length)
        except OSError:  # the body did not come (in time): nothing to answer
            self.close_connection = True
            return
        try:
            request = json.loads(body or b"{}")
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested too deep
            self._reply(400, {"error": refusals.BAD_JSON})
            return
        action = request.get("action") if isinstance(request, dict) else None
        try:
            if not isinstance(request, dict):
                raise Refused(refusals.BAD_REQUEST, 400)
            answer = self.editor.backend.handle(action, request.get("params") or {})
        except Refused as refused:
            self._reply(refused.status, {"error": str(refused)})
            return
        except (ValueError, TypeError, KeyError):  # a value of the wrong kind
            self._reply(400, {"error": refusals.BAD_REQUEST})
            return
        except Exception as exc:  # never a dropped connection: say it in Dutch
            _log(f"POST {action}", exc)
            self._reply(500, {"error": refusals.INTERNAL})
            return
        self._reply(200, answer)

    def _reply(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")


def _handler(
    root: Path, assets: Path, backend: LocalBackend, base_url: Callable[[], str]
) -> type[_EditorHandler]:
    """The handler class of one editor: :class:`_EditorHandler` with this editor's values."""
    values = _Editor(root, assets, backend, base_url)

    class Handler(_EditorHandler):
        editor = values

    return Handler


def _log(what: str, exc: Exception) -> None:
    """A fault of the editor itself, in the window where it runs (not a traceback)."""
    print(f"Fout in de webeditor bij {what}: {type(exc).__name__}: {exc}", file=sys.stderr)


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
    backend = LocalBackend(root, file_patterns(), today, after_save, creatable_patterns())
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
