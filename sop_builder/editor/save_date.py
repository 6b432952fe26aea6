"""The date of the last change ('bijgewerkt'), set by the web editor when a save changes a file.

Parents read a school's "last updated" date on its page; a save that changes the profile but
leaves that date as it was would tell them the old date. So a save through the local editor
(``backend.py``) and an edit in the hosted editor (``keep_comments.py``, in the pull request)
write the save's date into the field that the model marks with ``fieldmeta.saved_on()``, when
anything else in the file changed. A save that changes nothing changes no date, and a save that
changes only the date itself keeps the date the person chose.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fnmatch import fnmatchcase
from typing import Any

from sop_builder.core.fieldmeta import saved_on_key
from sop_builder.core.issues import Issue
from sop_builder.core.roundtrip import merge_document
from sop_builder.core.sourcefile import split_front_matter
from sop_builder.core.yamlread import read_yaml
from sop_builder.project.content_types import CONTENT_TYPES


def date_key(rel: str) -> str | None:
    """The key of the 'last changed' field of the file ``rel`` (None when its kind has none)."""
    parts = rel.split("/")
    for kind in CONTENT_TYPES:
        for pattern in kind.files:
            steps = pattern.split("/")
            if len(steps) == len(parts) and all(map(fnmatchcase, parts, steps)):
                return saved_on_key(kind.model)
    return None


def _written(rel: str, text: str, key: str) -> Any:
    """The value of ``key`` in the file text ``text`` as written (None when absent)."""
    if rel.endswith(".md"):
        source, _ = split_front_matter(text, rel)
        data = source.tree.data if source is not None else None
    else:
        tree, _ = read_yaml(text, rel)
        data = tree.data if tree is not None else None
    return data.get(key) if isinstance(data, dict) else None


def merge_with_date(rel: str, old: str, new: str, today: date) -> tuple[str | None, list[Issue]]:
    """``merge_document(rel, old, new)``, with the file's 'last changed' field set to ``today``
    when the save changes anything else."""
    merged, problems = merge_document(rel, old, new)
    key = date_key(rel)
    if merged is None or key is None or merged == old:
        return merged, problems

    def setting(value: Any) -> Callable[[Any], Any]:
        return lambda data: {**data, key: value} if isinstance(data, dict) else data

    before = _written(rel, old, key) if old else None
    unchanged_date, _ = merge_document(rel, old, new, setting(before))
    if unchanged_date == old:  # only the date itself changed: the person's own choice
        return merged, problems
    return merge_document(rel, old, new, setting(today.isoformat()))
