"""The web editor's local backend: Decap CMS's proxy protocol on the files of a project.

Decap CMS sends ``{"action": ..., "params": {...}}`` to ``/api/v1`` (the protocol of the npm
package ``decap-server``). Unlike decap-server, a save here:

- only touches files the editor's collections name (never site_config/, content/swv/, or a path
  outside the project), and never deletes a file;
- writes only the values that changed into the old text, so comments and layout stay
  (``roundtrip.py``);
- is checked with the same validation as ``sop-builder check``; a save that would give an error
  in that file is undone, and the Dutch message (line, field, what to do) is shown in the editor.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .issues import Issue
from .project import load_project
from .roundtrip import dump, merge_yaml_text, round_trip_yaml
from .sourcefile import decode, split_front_matter
from .yamlread import read_yaml

SCORES_KEY = "scores"


class Refused(Exception):
    """A request the backend will not carry out; the text is Dutch, for the editor's screen."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(file: Path, text: str) -> None:
    handle, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _scores_for_form(data: Any) -> Any:
    """The editor's form has a score and an explanation per agreement: 'BO-01: ja' becomes
    'BO-01: {score: ja}' on the way to the form (the file itself is not changed)."""
    scores = data.get(SCORES_KEY) if isinstance(data, dict) else None
    if isinstance(scores, dict):
        for key, value in scores.items():
            if isinstance(value, str):
                scores[key] = {"score": value}
    return data


def _scores_for_file(data: Any) -> Any:
    """Back to the short form where there is no explanation: 'BO-01: {score: ja}' -> 'ja'."""
    scores = data.get(SCORES_KEY) if isinstance(data, dict) else None
    if isinstance(scores, dict):
        for key, value in list(scores.items()):
            if isinstance(value, dict) and not (value.get("toelichting") or "").strip():
                score = value.get("score")
                scores[key] = score if isinstance(score, str) else ""
    return data


def _without_nulls(data: Any) -> Any:
    """Decap CMS writes an empty field as 'null'; in our files an empty field is just empty."""
    if isinstance(data, dict):
        return {k: _without_nulls(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_without_nulls(v) for v in data]
    return "" if data in ("null", "~") else data


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
        text, _ = decode(data, rel)
        return {
            "data": self._for_form(rel, text or ""),
            "file": {"path": rel, "label": label, "id": _sha(data)},
        }

    def _for_form(self, rel: str, text: str) -> str:
        if not rel.endswith((".yaml", ".yml")):
            return text
        tree = round_trip_yaml().load(text) if text.strip() else None
        return dump(_scores_for_form(tree)) if isinstance(tree, dict) else text

    # --- writing ------------------------------------------------------------------------

    def _merged(self, rel: str, old: str, raw: str) -> str:
        """The new file text: the editor's values written into the old text."""
        if rel.endswith(".md"):
            source, issues = split_front_matter(raw.replace("\r\n", "\n"), rel)
            if source is None or any(i.is_error for i in issues):
                raise Refused(_problems([i for i in issues if i.is_error]))
            old_front, old_body = _split(old)
            front = merge_yaml_text(old_front, _without_nulls(source.tree.data))
            body = old_body if old_body.strip() == source.body.strip() else source.body
            return f"---\n{front}---\n{body.rstrip()}\n"
        tree, issues = read_yaml(raw.replace("\r\n", "\n"), rel)
        if tree is None or not isinstance(tree.data, dict) or any(i.is_error for i in issues):
            raise Refused(_problems([i for i in issues if i.is_error]))
        return merge_yaml_text(old, _scores_for_file(_without_nulls(tree.data)))

    def _errors_in(self, rel: str) -> list[Issue]:
        project = load_project(self.root, self.today)
        return [i for i in project.issues if i.path == rel and i.is_error]

    def persist(self, entry: dict[str, Any]) -> None:
        rel = str(entry.get("path", ""))
        if entry.get("newPath") and entry["newPath"] != rel:
            raise Refused("Een bestand verplaatsen of hernoemen kan niet in de webeditor.")
        file = self._file(rel)
        old = ""
        if file.is_file():
            text, issues = decode(file.read_bytes(), rel)
            if text is None:
                raise Refused(_problems(issues))
            old = text.replace("\r\n", "\n")
        new = self._merged(rel, old, str(entry.get("raw", "")))
        if new == old:
            return
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, new)
        errors = self._errors_in(rel)
        if errors:
            if old:
                write_atomic(file, old)
            else:
                file.unlink()
            raise Refused(_problems(errors))
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
                raise Refused("Afbeeldingen en bestanden toevoegen kan niet in de webeditor.")
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
            raise Refused("Afbeeldingen en bestanden toevoegen kan niet in de webeditor.")
        raise Refused(f"Onbekende opdracht '{action}'.")


def _split(text: str) -> tuple[str, str]:
    """Front matter text (without the '---' lines) and body of a Markdown file."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return "", text
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return "", text
    front = "\n".join(lines[1:end])
    return (front + "\n" if front else ""), "\n".join(lines[end + 1 :])
