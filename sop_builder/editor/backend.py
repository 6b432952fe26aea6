"""The web editor's local backend: Decap CMS's proxy protocol on the files of a project.

Decap CMS sends ``{"action": ..., "params": {...}}`` to ``/api/v1`` (the protocol of the npm
package ``decap-server``). Unlike decap-server, a save here:

- only touches files the editor's collections name (never site_config/, content/swv/, or a path
  outside the project), and never deletes a file;
- writes only the values that changed into the old text, so comments and layout stay
  (``roundtrip.py``);
- is checked with the same validation as ``sop-builder controleer`` (only the changed school folder is
  read again; the checks across schools run on the kept results); a save that would give an error
  in that file is undone, and the Dutch message (line, field, what to do) is shown in the editor.
"""

from __future__ import annotations

import fnmatch
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sop_builder.core.atomic import write_atomic, write_bytes_atomic
from sop_builder.core.issues import Issue
from sop_builder.core.roundtrip import merge_document
from sop_builder.core.sourcefile import decode
from sop_builder.project.load import ProjectState
from sop_builder.project.project import reference_date

NO_MEDIA = "Afbeeldingen en bestanden toevoegen kan niet in de webeditor."


class Refused(Exception):
    """A request the backend will not carry out; the text is Dutch, for the editor's screen."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _problems(issues: list[Issue]) -> str:
    lines = [f"regel {i.line}: {i.message}" + (f" {i.hint}" if i.hint else "") for i in issues]
    return "Niet opgeslagen. " + " ".join(lines)


@dataclass
class LocalBackend:
    """Serves and saves the files of the project at ``root`` that match ``patterns``."""

    root: Path
    patterns: tuple[str, ...]
    today: date | None = None
    after_save: Callable[[str], None] | None = None
    _served: dict[str, str] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _state: ProjectState | None = field(default=None, repr=False)  # the project as last read

    # --- paths --------------------------------------------------------------------------

    def _file(self, rel: str) -> Path:
        """The file for a path from the editor; only files of the editor's collections."""
        rel = str(rel).replace("\\", "/").lstrip("/")
        parts = rel.split("/")
        if not rel or ".." in parts or any(p.startswith(".") for p in parts):
            raise Refused(f"Het pad '{rel}' mag de webeditor niet gebruiken.", 403)
        if not any(fnmatch.fnmatchcase(rel, p) for p in self.patterns):
            raise Refused(f"Het bestand '{rel}' kunt u niet in de webeditor bewerken.", 403)
        file = (self.root / rel).resolve()
        if not file.is_relative_to(self.root.resolve()):
            raise Refused(f"Het pad '{rel}' ligt buiten het project.", 403)
        return file

    def _listed(self, folder: str, extension: str, depth: int) -> list[str]:
        base = self.root / folder
        if not base.is_dir():
            return []
        found = []
        for file in sorted(base.rglob(f"*.{extension}")):
            rel = file.relative_to(self.root).as_posix()
            if len(file.relative_to(base).parts) <= depth and any(
                fnmatch.fnmatchcase(rel, p) for p in self.patterns
            ):
                found.append(rel)
        return found

    # --- reading ------------------------------------------------------------------------

    def _entry(self, rel: str, label: str | None = None) -> dict[str, Any]:
        file = self._file(rel)
        if not file.is_file():
            return {"data": None, "file": {"path": rel, "label": label, "id": None}}
        data = file.read_bytes()
        self._served[rel] = _sha(data)  # what the editor shows; a save checks it is still so
        text, _ = decode(data, rel)
        return {
            "data": text or "",
            "file": {"path": rel, "label": label, "id": _sha(data)},
        }

    # --- writing ------------------------------------------------------------------------

    def _errors_in(self, rel: str) -> list[Issue]:
        """The errors a save gives in ``rel``: only the changed folder is read again, then the
        checks across schools run (see ProjectState)."""
        if self._state is None:
            self._state = ProjectState(self.root, self.today or reference_date())
        self._state.refresh()
        project = self._state.project()
        return [i for i in project.issues if i.path == rel and i.is_error]

    def warm_up(self) -> None:
        """Read the whole project once, so that the first save is as quick as the others."""
        with self._lock:
            self._errors_in("")

    def persist(self, entry: dict[str, Any]) -> None:
        with self._lock:  # one save at a time: each is checked against the whole project
            self._persist(entry)

    def _persist(self, entry: dict[str, Any]) -> None:
        rel = str(entry.get("path", ""))
        if entry.get("newPath") and entry["newPath"] != rel:
            raise Refused("Een bestand verplaatsen of hernoemen kan niet in de webeditor.")
        file = self._file(rel)
        data = file.read_bytes() if file.is_file() else None
        if data is not None and self._served.get(rel, _sha(data)) != _sha(data):
            raise Refused(
                "Niet opgeslagen: dit bestand is veranderd sinds u het opende (door iemand "
                "anders of in een ander programma). Kopieer uw tekst, laad de pagina opnieuw en "
                "breng uw wijziging nog eens aan.",
                409,
            )
        old = ""
        if data is not None:
            text, issues = decode(data, rel)
            if text is None:
                raise Refused(_problems(issues))
            old = text.replace("\r\n", "\n")
        new, problems = merge_document(rel, old, str(entry.get("raw", "")))
        if new is None:
            raise Refused(_problems(problems))
        if new == old:
            return
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, new)
        errors = self._errors_in(rel)
        if errors:
            if data is not None:
                write_bytes_atomic(file, data)
            else:
                file.unlink()
            raise Refused(_problems(errors))
        self._served[rel] = _sha(file.read_bytes())
        if self.after_save is not None:
            self.after_save(rel)

    # --- the protocol -------------------------------------------------------------------

    def handle(self, action: str, params: dict[str, Any]) -> Any:
        """The answer to one request; raises ``Refused`` with a Dutch message."""
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            rels = self._listed(
                str(params["folder"]), str(params["extension"]), int(params.get("depth", 1))
            )
            return [self._entry(rel) for rel in rels]
        if action == "entriesByFiles":
            return [self._entry(f["path"], f.get("label")) for f in params["files"]]
        if action == "getEntry":
            return self._entry(str(params["path"]))
        if action == "persistEntry":
            if params.get("assets"):
                raise Refused(NO_MEDIA)
            for entry in params.get("dataFiles") or [params["entry"]]:
                self.persist(entry)
            return {"message": "entry persisted"}
        if action in ("getMedia", "unpublishedEntries"):
            return []
        if action == "getDeployPreview":
            return None
        if action in ("deleteFile", "deleteFiles"):
            raise Refused("Verwijderen kan niet in de webeditor. Vraag het samenwerkingsverband.")
        if action in ("persistMedia", "getMediaFile"):
            raise Refused(NO_MEDIA)
        raise Refused(f"Onbekende opdracht '{action}'.")
