"""Write a set of files all at once, or not at all (commands that write are transactions).

`commit` writes every new text into a scratch folder under ``.sop-builder/`` first, keeps a copy
of every file it will replace, writes a journal, and only then moves the new files into place,
one rename each. Any failure on the way puts back what was there (the project is as it was);
a process that is killed while moving leaves its journal, and the next command that uses the
same scratch folder (`recover`) puts the old files back before it starts. The scratch folder is
removed when the work is done.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from sop_builder.core.atomic import NEW_FILE_MODE, write_atomic

SCRATCH = ".sop-builder"
JOURNAL = "journaal.json"
DONE = "klaar"


class TransactionFailed(Exception):
    """The files were not written; ``reason`` says why (from the operating system). With
    ``undone`` (nearly always) nothing has changed; without it putting the old files back
    failed too, and the next run of the command does that first (`recover`)."""

    def __init__(self, reason: str, undone: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.undone = undone


def scratch_folder(root: Path, name: str) -> Path:
    return root / SCRATCH / name


def _journal_entries(work: Path) -> tuple[list[str], list[str], list[str]]:
    data = json.loads((work / JOURNAL).read_text(encoding="utf-8"))
    return data["bestanden"], data["bestonden"], data["nieuwe_mappen"]


# The scratch folder holds the files flat, by their number in the journal ('nieuw/12',
# 'oud/12'): no folder per school to make and remove again.


def _undo(
    root: Path,
    work: Path,
    files: list[str],
    existed: set[str],
    folders: list[str],
    moved: set[str] | None = None,
) -> None:
    """Put the old files back (those that existed) and remove the new ones and new folders;
    ``files`` in the journal's order, so a file's number is its place there. With ``moved``
    only those files (the others were not touched); without it every file of the journal (a
    file not moved yet gets its own copy back, or is not there to remove)."""
    for number, rel in enumerate(files):
        if moved is not None and rel not in moved:
            continue
        target, backup = root / rel, work / "oud" / str(number)
        if rel in existed:
            if backup.exists():
                os.replace(backup, target)
        else:
            target.unlink(missing_ok=True)
    for rel in sorted(folders, key=lambda f: -f.count("/")):
        folder = root / rel
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def recover(root: Path, name: str) -> bool:
    """Finish what an interrupted earlier run left in the scratch folder: undo its changes
    when it stopped while moving files into place. True when something was undone."""
    work = scratch_folder(root, name)
    if not work.exists():
        return False
    undone = False
    if (work / JOURNAL).is_file() and not (work / DONE).exists():
        files, existed, folders = _journal_entries(work)
        _undo(root, work, files, set(existed), folders)
        undone = True
    shutil.rmtree(work)
    return undone


def _new_folders(root: Path, files: list[str]) -> list[str]:
    """The folders (relative, posix) that moving ``files`` into place will make."""
    needed: set[str] = set()
    there: set[str] = set()
    for rel in files:
        parent = rel.rpartition("/")[0]
        while parent and parent not in there and parent not in needed:
            if os.path.isdir(os.path.join(root, parent)):
                there.add(parent)
                break
            needed.add(parent)
            parent = parent.rpartition("/")[0]
    return sorted(needed)


def commit(root: Path, name: str, texts: Mapping[str, str]) -> None:
    """Write ``texts`` (path relative to ``root`` -> text, UTF-8 with LF) all at once.

    Raises TransactionFailed when it could not; then no file of the project has changed."""
    recover(root, name)
    work = scratch_folder(root, name)
    files = sorted(texts)
    existed = [rel for rel in files if (root / rel).exists()]
    folders = _new_folders(root, files)
    try:
        (work / "nieuw").mkdir(parents=True)
        (work / "oud").mkdir()
        for number, rel in enumerate(files):
            new = work / "nieuw" / str(number)
            new.write_bytes(texts[rel].encode("utf-8"))
            os.chmod(new, NEW_FILE_MODE)
        old = set(existed)
        for number, rel in enumerate(files):
            if rel in old:
                shutil.copy2(root / rel, work / "oud" / str(number))
        journal = {"bestanden": files, "bestonden": existed, "nieuwe_mappen": folders}
        write_atomic(work / JOURNAL, json.dumps(journal, ensure_ascii=False))
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise TransactionFailed(str(exc)) from exc
    moved: list[str] = []
    try:
        for number, rel in enumerate(files):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(work / "nieuw" / str(number), root / rel)
            moved.append(rel)
        (work / DONE).write_text("", encoding="utf-8")
    except BaseException as exc:
        try:
            _undo(root, work, files, set(existed), folders, set(moved))
        except OSError as undo_error:  # the journal stays: the next run puts things back
            raise TransactionFailed(f"{exc}; daarna ook: {undo_error}", undone=False) from exc
        shutil.rmtree(work, ignore_errors=True)
        if isinstance(exc, OSError):
            raise TransactionFailed(str(exc)) from exc
        raise
    shutil.rmtree(work, ignore_errors=True)
