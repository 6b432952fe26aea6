"""The web editor's local backend: Decap CMS's proxy protocol on the files of a project.

Decap CMS sends ``{"action": ..., "params": {...}}`` to ``/api/v1`` (the protocol of the npm
package ``decap-server``). Unlike decap-server, a save here:

- only touches files the editor's collections name (never site_config/, content/swv/, a nested
  or hidden path, or a path outside the project), makes a new file only where the collection
  allows new entries (the offer), and never deletes a file;
- carries the version of the file the form was opened with. Decap's proxy protocol sends none
  (``persistEntry`` gives ``path``, ``slug``, ``raw`` and ``newPath`` only), so every entry the
  backend serves has its version as ``file.id`` (the SHA-256 of the bytes on disk), and the
  editor's page (``LOCAL_JS`` in ``admin.py``) notes it per tab and sends it back as
  ``version`` with the save. The save compares it with the file on disk at that moment: a tab
  opened before another tab's save, before a ``git pull`` or before a restart of the editor gets
  a Dutch conflict message and nothing is written (nothing of this lives only in memory);
- writes only the values that changed into the old text, so comments and layout stay
  (``roundtrip.py``), and sets the date of the last change ('bijgewerkt') to the save's date
  when the save changes the file (``save_date.py``);
- is checked with the same validation as ``sop-builder controleer``, across the whole project:
  only the changed school folder is read again and the checks across schools run on the kept
  results. A save after which any file has an error it did not have before (its own file, or
  another school that now shares its vestigingscode) is undone to the exact old bytes, a new
  file and the folders made for it are removed, and the Dutch message names the field of the
  form, never a line of a file the form does not show (``refusals.py`` holds every answer).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from sop_builder.core.atomic import write_atomic, write_bytes_atomic
from sop_builder.core.issues import Issue
from sop_builder.core.roundtrip import split_document
from sop_builder.core.sourcefile import decode
from sop_builder.editor import refusals
from sop_builder.editor.config import decap_config, field_label, form_fields
from sop_builder.editor.save_date import merge_with_date
from sop_builder.project.files import SCHOOLS_DIR
from sop_builder.project.load import ProjectState
from sop_builder.project.project import reference_date


class Refused(Exception):
    """A request the backend will not carry out; the text is Dutch, for the editor's screen."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def version_of(data: bytes) -> str:
    """The version of a file's bytes, as the editor hands it out and expects it back."""
    return hashlib.sha256(data).hexdigest()


def _matches(parts: list[str], pattern: str) -> bool:
    """Whether a path (its parts) matches a glob pattern part by part: a '*' never spans a
    '/', so 'content/aanbod/workshops/*.md' does not take 'content/aanbod/workshops/a/b.md'."""
    steps = pattern.split("/")
    return len(steps) == len(parts) and all(
        fnmatchcase(p, s) for p, s in zip(parts, steps, strict=True)
    )


def _fixed_part(pattern: str) -> str:
    """The folder a pattern lists: its parts before the first with a wildcard (the folder of a
    Decap collection: 'content/schools' for 'content/schools/*/sop.md')."""
    fixed = []
    for part in pattern.split("/"):
        if any(c in part for c in "*?["):
            break
        fixed.append(part)
    return "/".join(fixed)


def _text(params: dict[str, Any], key: str) -> str:
    value = params.get(key)
    if not isinstance(value, str):
        raise Refused(refusals.BAD_REQUEST, 400)
    return value


def _error_key(issue: Issue) -> tuple[str, str, str, str]:
    """An error, apart from its line (lines of the saved file move when it changes)."""
    return (issue.path, issue.code, issue.field, issue.message)


@dataclass
class LocalBackend:
    """Serves and saves the files of the project at ``root`` that match ``patterns``; new files
    only where they match ``creatable``."""

    root: Path
    patterns: tuple[str, ...]
    today: date | None = None
    after_save: Callable[[str], None] | None = None
    creatable: tuple[str, ...] = ()
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _state: ProjectState | None = field(default=None, repr=False)  # the project as last read

    # --- paths --------------------------------------------------------------------------

    def _file(self, rel: Any) -> tuple[str, Path]:
        """The path (as the project names it) and the file, for a path from the editor: only
        files of the editor's collections, one level per '*', nothing hidden or outside."""
        if not isinstance(rel, str):
            raise Refused(refusals.BAD_REQUEST, 400)
        rel = rel.replace("\\", "/").lstrip("/")
        parts = rel.split("/")
        if (
            not rel
            or any(not p or p in (".", "..") or p.startswith(".") for p in parts)
            or any(ord(c) < 32 for c in rel)
        ):
            raise Refused(refusals.not_allowed_path(rel), 403)
        if not any(_matches(parts, p) for p in self.patterns):
            raise Refused(refusals.not_editable(rel), 403)
        file = self.root / rel
        if not file.resolve().is_relative_to(self.root.resolve()):
            raise Refused(refusals.outside_project(rel), 403)
        return rel, file

    def _listed(self, folder: Any, extension: Any, depth: Any) -> list[str]:
        """The files of one of the editor's folders: only the collections' own patterns are
        looked at (never a walk through the disk)."""
        if not isinstance(folder, str) or not isinstance(extension, str):
            raise Refused(refusals.BAD_REQUEST, 400)
        levels = depth if isinstance(depth, int) else -1
        if levels < 0:
            raise Refused(refusals.BAD_REQUEST, 400)
        folder = folder.replace("\\", "/").rstrip("/")
        steps = folder.split("/")
        if folder.startswith("/") or any(
            not s or s in (".", "..") or s.startswith(".") or any(c in s for c in "*?[]")
            for s in steps
        ):
            raise Refused(refusals.not_a_folder(folder), 403)
        wanted = [
            p
            for p in self.patterns
            if _fixed_part(p) == folder
            and p.endswith(f".{extension}")
            and p.count("/") - folder.count("/") <= levels
        ]
        if not wanted:
            raise Refused(refusals.not_a_folder(folder), 403)
        found: set[str] = set()
        for pattern in wanted:
            for file in self.root.glob(pattern):
                rel = file.relative_to(self.root).as_posix()
                try:
                    self._file(rel)
                except Refused:
                    continue  # hidden, or a link to outside the project
                if file.is_file():
                    found.add(rel)
        return sorted(found)

    # --- reading ------------------------------------------------------------------------

    def _read(self, rel: str, file: Path) -> bytes | None:
        """The bytes on disk now; None when there is no file."""
        try:
            return file.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise Refused(refusals.cannot_read(rel, exc), 500) from None

    def _entry(self, path: Any, label: Any = None) -> dict[str, Any]:
        rel, file = self._file(path)
        label = label if isinstance(label, str) else None
        data = self._read(rel, file)
        if data is None:
            return {"data": None, "file": {"path": rel, "label": label, "id": None}}
        text, _ = decode(data, rel)
        # The version the form is opened with; the page sends it back with the save.
        return {"data": text or "", "file": {"path": rel, "label": label, "id": version_of(data)}}

    # --- checking -----------------------------------------------------------------------

    def _errors(self) -> list[Issue]:
        """Every error of the project as it is on disk now: only changed school folders are
        read again, then the checks across schools run (see ProjectState)."""
        if self._state is None:
            self._state = ProjectState(self.root, self.today or reference_date())
        self._state.refresh()
        return [i for i in self._state.project().issues if i.is_error]

    def warm_up(self) -> None:
        """Read the whole project once, so that the first save is as quick as the others."""
        with self._lock:
            self._errors()

    def _explain(self, rel: str, text: str, issues: list[Issue]) -> str:
        """The problems as the form shows them: the field's label, the message and the tip."""
        config = self._state.config if self._state is not None else None
        decap = decap_config(config, self.root, "local") if config is not None else {}
        front_lines = split_document(text)[0].count("\n") + 2 if rel.endswith(".md") else 0
        lines = text.split("\n")
        sentences = []
        for issue in issues:
            fields = form_fields(decap, issue.path)
            label = field_label(fields, issue.field) if issue.field else ""
            if not label and issue.path == rel and front_lines and issue.line > front_lines:
                body = next((f for f in fields if f.get("name") == "body"), None)
                start = lines[issue.line - 1].strip()[:40] if issue.line <= len(lines) else ""
                label = refusals.in_text(str(body["label"]), start) if body else ""
            said = f"{issue.message} {issue.hint}".strip()
            if issue.path != rel:
                said = refusals.in_other_file(issue.path, said)
            sentences.append(f"{label}: {said}" if label else said[:1].upper() + said[1:])
        return refusals.refused_by_checks(sentences)

    # --- writing ------------------------------------------------------------------------

    def persist(self, entry: Any, new_entry: bool = False) -> tuple[str, str]:
        """Save one entry from the form; its path and its version after the save."""
        with self._lock:  # one save at a time: each is checked against the whole project
            return self._persist(entry, new_entry)

    def _persist(self, entry: Any, new_entry: bool) -> tuple[str, str]:
        if not isinstance(entry, dict):
            raise Refused(refusals.BAD_REQUEST, 400)
        raw = _text(entry, "raw")
        rel, file = self._file(entry.get("path"))
        if entry.get("newPath") not in (None, "", rel, entry.get("path")):
            raise Refused(refusals.NO_MOVE)
        version = entry.get("version")
        if version is not None and not isinstance(version, str):
            raise Refused(refusals.BAD_REQUEST, 400)
        data = self._read(rel, file)
        self._check_state(rel, data, version, new_entry)
        old = ""
        if data is not None:
            text, issues = decode(data, rel)
            if text is None:
                raise Refused(self._explain(rel, "", issues))
            old = text.replace("\r\n", "\n")
        new, problems = merge_with_date(rel, old, raw, self.today or reference_date())
        if new is None:
            raise Refused(self._explain(rel, raw, problems))
        if data is None and not new.strip("-\n "):
            raise Refused(refusals.empty_new_file(rel))
        if data is not None and new == old:
            return rel, version_of(data)
        before = {_error_key(i) for i in self._errors()}
        made = [d for d in [file.parent, *file.parent.parents] if d != self.root][::-1]
        made = [d for d in made if d.is_relative_to(self.root) and not d.exists()]
        try:
            write_atomic(file, new)
        except OSError as exc:
            self._remove_folders(made)
            raise Refused(refusals.cannot_write(rel, exc), 507) from None
        errors = [i for i in self._errors() if i.path == rel or _error_key(i) not in before]
        if errors:
            self._undo(rel, file, data, made)
            raise Refused(self._explain(rel, new, errors))
        if self.after_save is not None:
            self.after_save(rel)
        return rel, version_of(new.encode("utf-8"))

    def _check_state(
        self, rel: str, data: bytes | None, version: str | None, new_entry: bool
    ) -> None:
        """The save fits the file as it is now (``data``, None when there is none): the form
        opened this version of it, or it is a new file where new files may be made."""
        if data is not None and version is None:
            raise Refused(refusals.exists_already(rel) if new_entry else refusals.NO_VERSION, 409)
        if data is not None and version != version_of(data):
            raise Refused(refusals.CHANGED_SINCE_OPENED, 409)
        if data is None and version is not None:
            raise Refused(refusals.GONE_SINCE_OPENED, 409)
        if data is None and not any(_matches(rel.split("/"), p) for p in self.creatable):
            raise Refused(refusals.no_new_file_here(rel), 403)

    def _undo(self, rel: str, file: Path, data: bytes | None, made: list[Path]) -> None:
        """Put back exactly what was there: the old bytes, or no file and no new folders."""
        try:
            if data is not None:
                write_bytes_atomic(file, data)
            else:
                file.unlink(missing_ok=True)
                self._remove_folders(made)
        except OSError as exc:
            raise Refused(refusals.cannot_undo(rel, exc), 500) from None
        finally:
            self._forget(rel)

    def _forget(self, rel: str) -> None:
        """Read the folder of ``rel`` again at the next check, whatever its time stamps say."""
        parts = Path(rel).parts
        prefix = SCHOOLS_DIR.parts
        if self._state is not None and parts[: len(prefix)] == prefix and len(parts) > len(prefix):
            self._state.stamps.pop(parts[len(prefix)], None)

    @staticmethod
    def _remove_folders(made: list[Path]) -> None:
        """Remove the folders a save made (deepest first), as long as they are empty."""
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                return

    # --- the protocol -------------------------------------------------------------------

    def handle(self, action: Any, params: Any) -> Any:
        """The answer to one request; raises ``Refused`` with a Dutch message."""
        if not isinstance(action, str) or not isinstance(params, dict):
            raise Refused(refusals.BAD_REQUEST, 400)
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            rels = self._listed(
                params.get("folder"), params.get("extension"), params.get("depth", 1)
            )
            return [self._entry(rel) for rel in rels]
        if action == "entriesByFiles":
            files = params.get("files")
            if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
                raise Refused(refusals.BAD_REQUEST, 400)
            return [self._entry(f.get("path"), f.get("label")) for f in files]
        if action == "getEntry":
            return self._entry(params.get("path"))
        if action == "persistEntry":
            if params.get("assets"):
                raise Refused(refusals.NO_MEDIA)
            entries = params.get("dataFiles") or [params.get("entry")]
            if not isinstance(entries, list) or len(entries) != 1:
                raise Refused(refusals.ONE_FILE, 400)
            options = params.get("options")
            new_entry = isinstance(options, dict) and options.get("newEntry") is True
            rel, version = self.persist(entries[0], new_entry)
            return {"message": "entry persisted", "versions": {rel: version}}
        if action in ("getMedia", "unpublishedEntries"):
            return []
        if action == "getDeployPreview":
            return None
        if action in ("deleteFile", "deleteFiles"):
            raise Refused(refusals.NO_DELETE)
        if action in ("persistMedia", "getMediaFile"):
            raise Refused(refusals.NO_MEDIA)
        raise Refused(refusals.unknown_action(action))
