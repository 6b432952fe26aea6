"""After an edit in the hosted web editor: put the comments and the layout back.

Decap CMS on GitHub or GitLab rewrites a whole file with its own YAML writer, so the Dutch
comments of a new school folder disappear and every value may change its quotes. In the pull
request of such an edit, ``sop-builder herstel-opmerkingen`` writes the new values into the file as it
was on the base branch (``roundtrip.merge_document``), with the date of the last change
('bijgewerkt') set to the day it runs when the edit changed the file (``save_date.py``); CI
commits the result to the branch. Every rewritten file is written in one transaction
(core/transaction.py): all or none.
"""

from __future__ import annotations

import fnmatch
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sop_builder.core.git import changed_files, file_at
from sop_builder.core.issues import Issue
from sop_builder.core.transaction import Transaction, recover
from sop_builder.editor.save_date import merge_with_date
from sop_builder.project.project import reference_date


@dataclass
class KeptComments:
    """The files rewritten, or (``issues``) why none was."""

    rewritten: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(i.is_error for i in self.issues)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def keep_comments(
    root: Path, base: str, patterns: tuple[str, ...], today: date | None = None
) -> KeptComments:
    """Rewrite the changed files that match ``patterns`` with the comments and layout they had
    where this branch left ``base`` (and the date of the last change set to ``today``, by
    default the reference date); the paths that changed. Raises CalledProcessError when git
    cannot compare with ``base``."""
    recovered = recover(root)  # an earlier run that was killed is finished first
    if any(i.is_error for i in recovered):
        return KeptComments([], recovered)
    fork = _git(root, "merge-base", base, "HEAD")
    fork.check_returncode()
    commit = fork.stdout.strip()
    transaction = Transaction(root, "sop-builder herstel-opmerkingen")
    rewritten = []
    for rel in changed_files(root, base):
        file = root / rel
        if not file.is_file() or not any(fnmatch.fnmatchcase(rel, p) for p in patterns):
            continue
        old = file_at(root, commit, rel)
        new = file.read_text(encoding="utf-8-sig")
        if old is None:
            continue  # a new file has no comments to keep
        merged, _ = merge_with_date(rel, old, new, today or reference_date())
        if merged is not None and merged != new:
            transaction.write(rel, merged)
            rewritten.append(rel)
    problems = transaction.commit()
    return KeptComments([] if problems else rewritten, recovered + problems)
