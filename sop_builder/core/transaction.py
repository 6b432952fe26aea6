"""Commands that write are transactions: the old project or the new one, never a mix.

A command collects its whole result (files to write, files to remove, folders to make) in a
`Transaction` and commits it at once. A kill at any moment, or an I/O error (a full disk, a
read-only folder, no permission, a disk error) at any write, rename, link, folder or removal,
leaves the project as it was or as the command leaves it; the marker of "done" (such as
``formaatversie`` in site_config/swv.yaml) is written last. How to use it::

    problems = recover(root)  # first, before reading the project: finish an interrupted commit
    if any(p.is_error for p in problems):
        return Result(False, problems)  # the project is half written and cannot be finished now
    tx = Transaction(root, "sop-builder import-leerlingen")
    tx.write("content/leerlingen.yaml", text)  # str (UTF-8) or bytes; folders are made
    tx.remove("content/oud.yaml")  # empty folders left behind go too
    tx.make_folder("content/schools/nieuwe-school")
    tx.write("site_config/swv.yaml", marker, last=True)  # the marker of "done": written last
    problems += tx.commit()  # [] when done; else one Issue (SOP950: nothing changed)

How: everything lives in ``.sop-builder/transactie/`` (ignored by Git), one transaction at a
time (the lock ``.sop-builder/schrijven.lock``):

1. prepare: each new file is written in full (and flushed to disk) as ``nieuw/<n>``, with the
   permissions of the file it replaces. An error here: the folder is removed, nothing changed.
2. decide: the journal ``journaal.json`` (every step, in order) is written beside it and
   renamed into place. From this moment the transaction is decided.
3. apply, step by step, each step safe to repeat: folders are made; a file that is replaced is
   first hard-linked as ``oud/<n>`` (so it can be put back), then ``nieuw/<n>`` is renamed over
   it; a removed file is renamed to ``oud/<n>`` (empty folders it leaves go too); the files
   marked ``last`` come at the end.
4. finish: the journal is removed, then the rest of the folder.

An I/O error while applying undoes the steps done so far (in reverse, each step safe to repeat
too) and removes the journal: nothing changed (SOP950). Should the undo fail as well, the
journal stays (SOP951). `recover`, which each command and every `load_project` (so `check`
and the builds) call first, rolls a complete journal forward (SOP952), and removes a
``transactie/`` folder without one: such a transaction was never decided, and it changed
nothing. When it cannot roll forward (a read-only checkout), `check` says so (SOP953).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sop_builder.core.atomic import NEW_FILE_MODE
from sop_builder.core.catalogue.writing import (
    FINISHED,
    HALF_DONE,
    NOTHING_CHANGED,
    UNFINISHED,
    UNREADABLE_JOURNAL,
    describe,
)
from sop_builder.core.issues import Issue, Message
from sop_builder.core.lock import WRITE_LOCK, project_lock
from sop_builder.core.text import dutch_date

SCRATCH = PurePosixPath(".sop-builder/transactie")
JOURNAL = SCRATCH / "journaal.json"
JOURNAL_VERSION = 1
_NEW, _OLD = "nieuw", "oud"
_NO_HARD_LINKS = {"EPERM", "EXDEV", "EMLINK", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"}


@dataclass(frozen=True)
class Step:
    """One step of a decided transaction, as the journal holds it."""

    kind: str  # "folder", "write" or "remove"
    path: str  # project-relative, posix
    number: int = 0  # the name of its file in nieuw/ and oud/
    had_old: bool = False  # "write": the file existed (oud/<n> keeps it while applying)


class Transaction:
    """The files one command writes and removes, committed together (see the module)."""

    def __init__(self, root: Path, command: str) -> None:
        self.root = Path(root)
        self.command = command
        self._writes: dict[str, tuple[bytes, bool]] = {}  # path -> (content, last)
        self._removes: list[str] = []
        self._folders: list[str] = []

    def write(self, path: str, content: str | bytes, last: bool = False) -> None:
        """Write ``content`` (text in UTF-8) to ``path``; ``last``: after every other step."""
        path = _checked(path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        self._removes = [p for p in self._removes if p != path]
        self._writes[path] = (data, last)

    def remove(self, path: str) -> None:
        """Remove ``path`` (a file) when it exists, and the folders it leaves empty."""
        path = _checked(path)
        self._writes.pop(path, None)
        if path not in self._removes:
            self._removes.append(path)

    def make_folder(self, path: str) -> None:
        """Make the folder ``path`` (and its parents) when it does not exist."""
        self._folders.append(_checked(path))

    def __bool__(self) -> bool:
        return bool(self._writes or self._removes or self._folders)

    def commit(self) -> list[Issue]:
        """Apply everything or nothing; [] when done, else the one problem to show."""
        if not self:
            return []
        try:
            with project_lock(self.root, WRITE_LOCK):
                problems = _recover_locked(self.root)
                if problems and any(p.is_error for p in problems):
                    return problems
                return self._commit_locked()
        except OSError as exc:  # the lock (or .sop-builder/) could not be made
            return [_failed(NOTHING_CHANGED, self.command, exc, _shown(self.root, exc))]

    def _commit_locked(self) -> list[Issue]:
        scratch = self.root / SCRATCH
        at = [SCRATCH.as_posix()]  # the place named when something fails
        try:
            _remove_tree(scratch)  # an earlier transaction that was never decided
            steps = self._prepare(scratch, at)
            keep = _kept_folders(steps)
            at[0] = JOURNAL.as_posix()
            _write_journal(scratch, self.command, steps)
        except OSError as exc:
            with contextlib.suppress(OSError):
                _remove_tree(scratch)  # else the next run does it
            return [_failed(NOTHING_CHANGED, self.command, exc, at[0])]
        try:
            for step in steps:
                at[0] = step.path
                _apply(self.root, scratch, step, keep)
        except OSError as exc:
            try:
                for step in reversed(steps):
                    _undo(self.root, scratch, step)
                (scratch / "journaal.json").unlink()
            except OSError:
                return [_failed(HALF_DONE, self.command, exc, at[0])]
            with contextlib.suppress(OSError):
                _remove_tree(scratch)
            return [_failed(NOTHING_CHANGED, self.command, exc, at[0])]
        _finish(scratch)
        return []

    def _prepare(self, scratch: Path, at: list[str]) -> list[Step]:
        """Write every new file into ``scratch``; the steps, in the order they are applied."""
        for folder in (scratch, scratch / _NEW, scratch / _OLD):
            folder.mkdir()  # .sop-builder/ is there: the lock is in it
        steps: list[Step] = []
        folders: list[str] = []
        for path in [*(f"{f}/-" for f in self._folders), *self._writes]:  # -: a file in it
            folders += [p.as_posix() for p in reversed(PurePosixPath(path).parents) if p.parts]
        for name in dict.fromkeys(folders):  # parents first, each once
            if not (self.root / name).is_dir():
                steps.append(Step("folder", name))
        ordered = sorted(self._writes.items(), key=lambda item: item[1][1])  # `last` at the end
        writes = [p for p, (_, last) in ordered if not last]
        lasts = [p for p, (_, last) in ordered if last]
        for number, path in enumerate([*writes, *lasts], start=1):
            at[0] = path
            target = self.root / path
            had_old = os.path.lexists(target)
            mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else NEW_FILE_MODE
            _write_new(scratch / _NEW / str(number), self._writes[path][0], mode)
            steps.append(Step("write", path, number, had_old))
        _sync_folder(scratch / _NEW)
        first_last = len(steps) - len(lasts)
        removes = [
            Step("remove", path, len(self._writes) + i, False)
            for i, path in enumerate(self._removes, start=1)
            if os.path.lexists(self.root / path)
        ]
        return steps[:first_last] + removes + steps[first_last:]


def recover(root: Path) -> list[Issue]:
    """Finish (a decided one) or discard (an undecided one) an interrupted transaction.

    Cheap when there is none (one stat). Returns SOP952 (a warning) when one was finished,
    SOP953 (an error) when one is decided but cannot be finished now."""
    root = Path(root)
    if not (root / SCRATCH).exists():
        return []
    try:
        with project_lock(root, WRITE_LOCK):
            return _recover_locked(root)
    except OSError as exc:  # no lock can be made: the checkout is read-only
        return _cannot_recover(root, exc)


def _recover_locked(root: Path) -> list[Issue]:
    scratch = root / SCRATCH
    journal = root / JOURNAL
    if not journal.is_file():
        with contextlib.suppress(OSError):
            _remove_tree(scratch)  # never decided: it changed nothing
        return []
    try:
        command, started, steps = _read_journal(journal)
    except (OSError, ValueError) as exc:
        return [_unreadable(exc)]
    keep = _kept_folders(steps)
    try:
        for step in steps:
            _apply(root, scratch, step, keep)
    except OSError as exc:
        return [_unfinished(root, command, started, exc)]
    _finish(scratch)
    count = sum(1 for s in steps if s.kind != "folder")
    return [
        FINISHED.at(
            JOURNAL.as_posix(),
            command=command,
            started=started,
            count=f"{count} {'bestand' if count == 1 else 'bestanden'}",
        )
    ]


def _cannot_recover(root: Path, exc: OSError) -> list[Issue]:
    if not (root / JOURNAL).is_file():
        return []  # an undecided transaction changed nothing; the next writer removes it
    try:
        command, started, _ = _read_journal(root / JOURNAL)
    except (OSError, ValueError) as problem:
        return [_unreadable(problem)]
    return [_unfinished(root, command, started, exc)]


def _unfinished(root: Path, command: str, started: str, exc: OSError) -> Issue:
    reason, advice = describe(exc)
    path = _shown(root, exc)
    return UNFINISHED.at(
        JOURNAL.as_posix(),
        command=command,
        started=started,
        reason=reason,
        path=path,
        advice=advice,
    )


# --- the steps, each safe to repeat -----------------------------------------------------------


def _kept_folders(steps: list[Step]) -> set[str]:
    """The folders made and those that hold a written file: a removal never removes them."""
    return {step.path for step in steps if step.kind == "folder"} | {
        parent.as_posix()
        for step in steps
        if step.kind == "write"
        for parent in PurePosixPath(step.path).parents
    }


def _apply(root: Path, scratch: Path, step: Step, keep: set[str]) -> None:
    target = root / step.path
    new, old = scratch / _NEW / str(step.number), scratch / _OLD / str(step.number)
    if step.kind == "folder":
        if not target.is_dir():
            target.mkdir()
    elif step.kind == "write":
        if not os.path.lexists(new):
            return  # done already
        if step.had_old and not os.path.lexists(old) and os.path.lexists(target):
            _keep(target, old)
        os.replace(new, target)
    elif step.kind == "remove":
        if not os.path.lexists(old) and os.path.lexists(target):
            os.rename(target, old)
        _prune(root, target.parent, keep)


def _undo(root: Path, scratch: Path, step: Step) -> None:
    target = root / step.path
    new, old = scratch / _NEW / str(step.number), scratch / _OLD / str(step.number)
    if step.kind == "folder":
        if target.is_dir() and not any(target.iterdir()):
            target.rmdir()
    elif step.kind == "write":
        if os.path.lexists(new):
            return  # not applied
        os.rename(target, new)  # applied: the new file back, so that it can be rolled forward
        if step.had_old:
            os.replace(old, target)
    elif step.kind == "remove" and os.path.lexists(old):
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(old, target)


def _keep(target: Path, old: Path) -> None:
    """The old file as ``old``: a hard link (the file stays in place), else a rename."""
    try:
        os.link(target, old, follow_symlinks=False)
    except NotImplementedError:  # a system that cannot link a link itself
        os.rename(target, old)  # the next step puts the new file in its place
    except OSError as exc:
        if errno.errorcode.get(exc.errno or 0) not in _NO_HARD_LINKS:
            raise
        os.rename(target, old)


def _prune(root: Path, folder: Path, keep: set[str]) -> None:
    """Remove ``folder`` and its parents inside the project while they are empty (and not
    in ``keep``)."""
    while folder != root and root in folder.parents:
        if folder.relative_to(root).as_posix() in keep:
            return
        if folder.is_dir():  # a folder removed before (by an interrupted run) is passed
            if any(folder.iterdir()):
                return
            folder.rmdir()
        folder = folder.parent


# --- files in the scratch folder --------------------------------------------------------------


def _write_new(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if stat.S_IMODE(os.fstat(fd).st_mode) != mode and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # the umask took bits away
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the names in ``folder`` durable (not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_journal(scratch: Path, command: str, steps: list[Step]) -> None:
    data = {
        "version": JOURNAL_VERSION,
        "command": command,
        "started": datetime.now().isoformat(timespec="seconds"),
        "steps": [[s.kind, s.path, s.number, s.had_old] for s in steps],
    }
    tmp = scratch / "journaal.json.tmp"
    _write_new(tmp, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), 0o644)
    os.replace(tmp, scratch / "journaal.json")
    _sync_folder(scratch)


def _read_journal(journal: Path) -> tuple[str, str, list[Step]]:
    """The command, its start and its steps; ValueError (in Dutch) when the journal is not
    one this version wrote."""
    try:
        data: Any = json.loads(journal.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("het is geen geldig logboek") from None
    if not isinstance(data, dict) or data.get("version") != JOURNAL_VERSION:
        raise ValueError("het is een logboek van een andere versie van sop-builder")
    steps = []
    try:
        for kind, path, number, had_old in data["steps"]:
            if kind not in ("folder", "write", "remove") or not isinstance(number, int):
                raise ValueError
            steps.append(Step(kind, _checked(str(path)), number, bool(had_old)))
    except (KeyError, TypeError, ValueError):
        raise ValueError("het logboek heeft een stap die sop-builder niet kent") from None
    return str(data.get("command", "?")), _when(str(data.get("started", ""))), steps


def _when(started: str) -> str:
    """'2026-12-07T14:05:09' -> '7 december 2026 om 14:05' (as written when it is not that)."""
    try:
        moment = datetime.fromisoformat(started)
    except ValueError:
        return started or "?"
    return f"{dutch_date(moment.date())} om {moment:%H:%M}"


def _finish(scratch: Path) -> None:
    """The transaction is done: the journal goes first, then the rest (or at the next run)."""
    with contextlib.suppress(OSError):
        (scratch / "journaal.json").unlink()
        _remove_tree(scratch)


def _remove_tree(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)


def _checked(path: str) -> str:
    """A project-relative posix path; ValueError for anything that could leave the project."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or ".." in pure.parts or "\\" in path:
        raise ValueError(f"not a path inside the project: {path!r}")
    if pure.parts[:2] == SCRATCH.parts:
        raise ValueError(f"a path in the transaction's own folder: {path!r}")
    return pure.as_posix()


def _shown(root: Path, exc: OSError) -> str:
    """The file an error is about, relative to the project when it is inside it."""
    name = exc.filename if isinstance(exc.filename, str) else ""
    if not name:
        return "."
    path = Path(name)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else name


def _unreadable(exc: Exception) -> Issue:
    where = JOURNAL.as_posix()
    reason = f"het systeem gaf een fout ({exc.strerror})" if isinstance(exc, OSError) else str(exc)
    return UNREADABLE_JOURNAL.at(where, path=where, reason=reason)


def _failed(message: Message, command: str, exc: OSError, path: str) -> Issue:
    reason, advice = describe(exc)
    return message.at(path, command=command, reason=reason, path=path, advice=advice)
