"""`sop-builder migreer`: bring a project's files to the format this version of sop-builder reads.

The format has one number, `formaatversie` in site_config/swv.yaml (missing: 1). Each change of
the format is a step (see authoring/migrations/) that reads and rewrites files in a `Workspace`:
all steps work on texts in memory, and only when every step has succeeded are the changed files
written, in one transaction (core/transaction.py): after a kill or a full disk the project is
the old one or the migrated one, never a mix, and `formaatversie` is written last. Steps keep comments and layout (core/roundtrip.py). What each format
changes, and what is left to do by hand, is in docs/formaatwijzigingen.md.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sop_builder.core import roundtrip
from sop_builder.core.issues import Issue
from sop_builder.core.sourcefile import read_text, read_yaml_mapping
from sop_builder.core.transaction import Transaction, recover
from sop_builder.project.config import FORMAT_VERSION, SWV_FILE, format_version_of

SKIPPED_FOLDERS = {".git", ".venv", "node_modules", "site", "site-intern", ".sop-builder"}


@dataclass(frozen=True)
class Change:
    """One file a migration writes, adds or removes, with a line for the person who runs it."""

    path: str
    summary: str
    kind: str = "gewijzigd"  # gewijzigd, nieuw, verwijderd


class MigrationError(Exception):
    """A step cannot go on; nothing has been written."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.message for i in issues))
        self.issues = issues


class Workspace:
    """The project's text files, changed in memory until `commit` writes them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._texts: dict[str, str | None] = {}  # changed or removed files (None: removed)
        self.changes: list[Change] = []

    def paths(self, pattern: str) -> list[str]:
        """Project-relative paths (posix) matching ``pattern`` (fnmatch), as they are now."""
        found = {
            p.relative_to(self.root).as_posix()
            for p in self.root.rglob("*")
            if p.is_file() and not SKIPPED_FOLDERS & set(p.relative_to(self.root).parts)
        }
        found |= {path for path, text in self._texts.items() if text is not None}
        found -= {path for path, text in self._texts.items() if text is None}
        return sorted(p for p in found if fnmatch.fnmatchcase(p, pattern))

    def exists(self, path: str) -> bool:
        if path in self._texts:
            return self._texts[path] is not None
        return (self.root / path).is_file()

    def read(self, path: str) -> str:
        """The file's text as it is now (BOM and CRLF already taken away)."""
        if path in self._texts:
            text = self._texts[path]
            if text is None:
                raise FileNotFoundError(path)
            return text
        text, issues = read_text(self.root / path, path)
        if text is None:
            raise MigrationError(issues)
        return text

    def write(self, path: str, text: str, summary: str) -> None:
        """Replace (or add) ``path``; a text equal to the current one is no change."""
        new = not self.exists(path)
        if not new and self.read(path) == text:
            return
        self._texts[path] = text
        self.changes.append(Change(path, summary, "nieuw" if new else "gewijzigd"))

    def remove(self, path: str, summary: str) -> None:
        if self.exists(path):
            self._texts[path] = None
            self.changes.append(Change(path, summary, "verwijderd"))

    def commit(self, command: str = "sop-builder migreer") -> list[Issue]:
        """Write every changed file and remove the removed ones (and the folders they leave
        empty), all or nothing; site_config/swv.yaml, which holds the format version and the
        school year, last. [] when done, else the problem (nothing changed)."""
        transaction = Transaction(self.root, command)
        for path, text in self._texts.items():
            if text is None:
                transaction.remove(path)
            else:
                transaction.write(path, text, last=path == SWV_FILE)
        return transaction.commit()


@dataclass(frozen=True)
class Step:
    """One change of the format: it leads a project to format ``version``."""

    version: int
    title: str  # Dutch, as in docs/formaatwijzigingen.md
    apply: Callable[[Workspace], None]


@dataclass
class MigrationResult:
    ok: bool
    old_version: int | None = None
    new_version: int | None = None
    changes: list[Change] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def insert_after_key(text: str, key: str, lines: list[str]) -> str:
    """``text`` with ``lines`` added below the top-level ``key: value`` line (at the end when
    the key is missing): a plain insertion keeps every other line, comment and quote as is."""
    rows = text.split("\n")
    at = next(
        (i + 1 for i, row in enumerate(rows) if re.match(rf"{re.escape(key)}\s*:", row)), None
    )
    if at is None:
        while rows and rows[-1] == "":
            rows.pop()
        return "\n".join([*rows, *lines]) + "\n"
    return "\n".join([*rows[:at], *lines, *rows[at:]])


def strict_data(workspace: Workspace, path: str) -> dict[str, Any]:
    """A YAML file of the workspace read strictly (every value text); {} when it cannot be
    read as a mapping (check says why)."""
    tree, _ = read_yaml_mapping(workspace.read(path), path)
    return tree.data if tree is not None and isinstance(tree.data, dict) else {}


def set_format_version(workspace: Workspace, version: int) -> None:
    """Write ``formaatversie: <version>`` into site_config/swv.yaml, keeping its comments."""
    data = roundtrip.load(workspace.read(SWV_FILE))
    if "formaatversie" in data:
        data["formaatversie"] = str(version)
    else:
        data.insert(0, "formaatversie", str(version))
        data.yaml_set_comment_before_after_key(
            "formaatversie",
            before="De versie van het formaat van deze bestanden. Verander dit niet zelf:\n"
            "'sop-builder migreer' zet het goed.",
        )
    workspace.write(SWV_FILE, roundtrip.dump(data), f"formaatversie {version}")


def migrate(root: Path, steps: list[Step], dry_run: bool = False) -> MigrationResult:
    """Run every step after the project's format; write the files unless ``dry_run``."""
    root = Path(root)
    recovered = recover(root)  # a migration that was killed is finished first
    if any(i.is_error for i in recovered):
        return MigrationResult(False, issues=recovered)
    version, issues = format_version_of(root)
    if version is None:
        return MigrationResult(
            False, issues=recovered + issues, messages=["Er is niets veranderd."]
        )
    if version > FORMAT_VERSION:
        return MigrationResult(
            False,
            version,
            messages=[
                f"Deze bestanden hebben formaat {version}, nieuwer dan deze versie van "
                f"sop-builder kent ({FORMAT_VERSION}). Installeer een nieuwere sop-builder."
            ],
        )
    if version == FORMAT_VERSION:
        return MigrationResult(
            True,
            version,
            version,
            issues=recovered,
            messages=[f"De bestanden hebben al formaat {version}."],
        )
    workspace = Workspace(root)
    try:
        for step in sorted(steps, key=lambda s: s.version):
            if version < step.version <= FORMAT_VERSION:
                step.apply(workspace)
        set_format_version(workspace, FORMAT_VERSION)
    except MigrationError as exc:
        return MigrationResult(
            False, version, issues=recovered + exc.issues, messages=["Er is niets veranderd."]
        )
    if not dry_run:
        problems = workspace.commit("sop-builder migreer")
        if problems:
            return MigrationResult(False, version, issues=recovered + problems)
    return MigrationResult(True, version, FORMAT_VERSION, workspace.changes, issues=recovered)
