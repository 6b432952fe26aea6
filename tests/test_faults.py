"""Commands that write leave the old project or the new one, never a mix (issue 21).

Each command that rewrites content runs on a small project (the format-1 sample cut to three
schools for `migreer`, the other SWV's four schools for the others, one for `nieuw-swv`):

1. A reference run counts the file operations the command makes inside the project (see
   tests/faults.py: every open for writing, first write, fsync, chmod, rename, link, mkdir,
   unlink and rmdir) and gives the new tree. All of them are the one `Transaction.commit` the
   command makes: replaying that commit on the old project makes exactly the same operations
   and the same new tree (asserted).
2. At every fault point, for every kind of fault (ENOSPC at that operation, EROFS at it,
   SIGKILL at it: no operation after it reaches the disk, and EROFS at it and every later one:
   a disk that turns read-only), that commit runs on the old project. Afterwards the project
   (names, permissions and bytes of every file and folder outside .git/ and .sop-builder/) is
   the old tree or the new one, and a failed commit returned one Dutch message (SOP950, or
   SOP951 when it could not undo); a half-written tree is allowed only after a kill or a
   double fault, with the journal left; `recover` (which every command, `controleer` and the
   builds run first) then leaves the old tree or the new one, and no scratch space.
3. The real command, forked at its first operation (nothing is written before it: it has only
   read), runs with ENOSPC at every fault point, and with each kind of fault at the first,
   middle and last one: a failed run said so in Dutch without a traceback, a killed one really
   got SIGKILL, the tree is the old or the new one (after recovery); and a rerun without faults
   (at the middle point, and wherever a run left its journal) ends in the new tree: it
   recovers first, and says so when it finished an interrupted run.
4. A few real processes are killed (SIGKILL) at random moments (fixed seed) within the
   measured duration of the command; `controleer` then leaves the old tree or the new one, and
   a rerun ends in the new tree.

`FAULT_POINTS` keeps the number of fault points per command for the closing note of issue 21
(`pytest tests/test_faults.py -s` prints them).
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from sop_builder.cli.main import main
from sop_builder.core.atomic import write_bytes_atomic
from sop_builder.core.transaction import JOURNAL, SCRATCH, Transaction, recover

from .conftest import make_project
from .faults import Faults, Killed, difference, tree
from .test_commit_hooks import git
from .test_import_norm import write_list
from .test_import_schools import BOARDS, PRIMARY, SPECIAL, fresh
from .test_new_swv import ANSWERS
from .test_postcodes import _gpkg, _polygon_wkb, _square, _write_geopackage

# (label, errno, at every later operation too, SIGKILL)
FAULTS = (
    ("ENOSPC", errno.ENOSPC, False, False),
    ("EROFS", errno.EROFS, False, False),
    ("SIGKILL", 0, False, True),
    ("EROFS from here on", errno.EROFS, True, False),
)
KILLS = 2  # real processes killed at random moments, per command
FAULT_POINTS: dict[str, int] = {}
FAILED_SAYS = ("Er is niets veranderd.", "SOP950", "SOP951")


# --- the commands and their projects ----------------------------------------------------------


def _schools(root: Path) -> list[str]:
    return sorted(f"content/schools/{p.name}" for p in (root / "content/schools").iterdir())


def _keep_three_schools(root: Path) -> Path:
    for folder in _schools(root)[3:]:
        shutil.rmtree(root / folder)
    return root


def _migrate(parent: Path) -> tuple[Path, list[str]]:
    root = _keep_three_schools(make_project(parent, "sample-v1", templates=False))
    return root, ["migreer", "--map", str(root)]


def _new_year(parent: Path) -> tuple[Path, list[str]]:
    root = make_project(parent, "other-swv", templates=False)
    return root, ["nieuw-schooljaar", "2027-2028", "--map", str(root), "--datum", "2027-08-20"]


def _new_swv(parent: Path) -> tuple[Path, list[str]]:
    root = make_project(parent, "other-swv", templates=False)
    for folder in ("content/aanbod", "content/swv", *_schools(root)[1:]):
        shutil.rmtree(root / folder)  # fewer files to replace: fewer fault points, same steps
    return root, ["nieuw-swv", "--map", str(root), "--vervang", *ANSWERS]


def _as_decap_saves_it(file: Path) -> None:
    """The file as Decap CMS writes it: its own YAML, without the comments."""
    text = file.read_text(encoding="utf-8")
    data = yaml.safe_load(text)  # a fixture file of the test itself, not user input
    data["ingevuld_door"] = "Mentor"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _keep_comments(parent: Path) -> tuple[Path, list[str]]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = make_project(parent, "other-swv", templates=False)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    git(root, "checkout", "-q", "-b", "cms/scores")
    for school in ("veenhorst-college", "ommerdal-lyceum"):
        _as_decap_saves_it(root / f"content/schools/{school}/zelfevaluatie-2026-2027.yaml")
    git(root, "commit", "-q", "-am", "Update zelfevaluaties")
    return root, ["herstel-opmerkingen", "--map", str(root), "--basis", "main"]


def _import_scores(parent: Path) -> tuple[Path, list[str]]:
    root = make_project(parent, "other-swv", templates=False)
    sheet = parent / "scores.csv"
    sheet.write_text(
        "afspraak,score,toelichting\n1.1,nee,Nieuw beleid.\n1.2,ja,\n2.1,nee,\n", encoding="utf-8"
    )
    return root, ["import-scores", "--map", str(root), "veenhorst-college", str(sheet)]


def _import_postcodes(parent: Path) -> tuple[Path, list[str]]:
    root = make_project(parent, "other-swv", templates=False)
    file = parent / "pc4.gpkg"
    _write_geopackage(
        file,
        [
            (str(7880 + i), _gpkg(_polygon_wkb([_square(250000 + i * 900, 540000)])))
            for i in range(4)
        ],
    )
    return root, ["import-postcodes", "--map", str(root), str(file)]


def _import_schools(parent: Path) -> tuple[Path, list[str]]:
    root = fresh(parent)  # no schools yet; the postcode area holds one of DUO's fixture schools
    files = [str(f) for f in (PRIMARY, SPECIAL, BOARDS)]
    options = ["--postcodes", "5831", "--soorten", "bao,sbo,so", "--kern", "veenhorst"]
    return root, ["import-scholen", "--map", str(root), *files, *options, "--datum", "2026-11-23"]


def _import_norm(parent: Path) -> tuple[Path, list[str]]:
    root = make_project(parent, "other-swv", templates=False)
    source = write_list(parent)
    options = ["--schooljaar", "2027-2028", "--schaal", "ja-nee", "--doel", "90", "--vervang"]
    return root, ["import-norm", "--map", str(root), str(source), *options]


def _import_figures(parent: Path) -> tuple[Path, list[str]]:
    root = make_project(parent, "sample", templates=False)
    figures = Path(__file__).parent / "fixtures" / "duo" / "kengetallen"
    files = [str(figures / "01-leerlingen-po-soort-po-cluster-leeftijd-2023-2024.csv")]
    files.append(str(figures / "jaarrekeninggegevens.csv"))
    options = ["--status", "definitief", "--bevoegd-gezag", "41999"]
    return root, ["import-kengetallen", "--map", str(root), *files, *options]


def _translations_in(parent: Path) -> tuple[Path, list[str]]:
    root = make_project(parent, "sample", templates=False)
    sheet = parent / "en.csv"
    sheet.write_text(
        "sleutel;nederlands;vertaling;vertaald_door\n"
        "vocabularies.behoeften.lezen.label;Lezen en dyslexie;Reading and dyslexia;Test\n",
        encoding="utf-8",
    )
    return root, ["vertalingen", "--map", str(root), "en", "--in", str(sheet)]


COMMANDS: dict[str, Callable[[Path], tuple[Path, list[str]]]] = {
    "migreer": _migrate,
    "nieuw-schooljaar": _new_year,
    "nieuw-swv": _new_swv,
    "herstel-opmerkingen": _keep_comments,
    "import-scores": _import_scores,
    "import-postcodes": _import_postcodes,
    "import-scholen": _import_schools,
    "import-norm": _import_norm,
    "import-kengetallen": _import_figures,  # content/kengetallen.yaml and leerlingen.yaml
    "vertalingen --in": _translations_in,  # site_config/talen/en.yaml
}


# --- running a command --------------------------------------------------------------------------


def _with_root(args: list[str], old: Path, new: Path) -> list[str]:
    return [str(new) if a == str(old) else a for a in args]


def _restore(pristine: Path, root: Path, old_tree: dict[str, str]) -> None:
    """``root`` as ``pristine`` again (cheaply when only .sop-builder/ changed)."""
    shutil.rmtree(root / ".sop-builder", ignore_errors=True)
    if tree(root) != old_tree:
        shutil.rmtree(root)
        shutil.copytree(pristine, root, symlinks=True)


def _no_scratch_left(root: Path) -> bool:
    return not (root / SCRATCH).exists()


@dataclass
class Outcome:
    """What a forked child reported (nothing when it was killed)."""

    exit_code: int | None
    output: str
    exception: str | None
    killed: bool


def _report(write: int, result: Result | None) -> None:
    """In a forked child: send what ``result`` says to the parent."""
    if result is None:
        report = {"exit_code": None, "output": "", "exception": "no result"}
    else:
        exc = result.exception
        shown = None if exc is None or isinstance(exc, SystemExit) else repr(exc)
        report = {"exit_code": result.exit_code, "output": result.output, "exception": shown}
    data = json.dumps(report).encode("utf-8")
    while data:
        data = data[os.write(write, data) :]


def _collect(pid: int, read: int) -> Outcome:
    """In the parent: what the child ``pid`` reported on ``read``, or that it was killed."""
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    if not chunks:
        return Outcome(None, "", None if killed else f"the child ended with {status}", killed)
    report = json.loads(b"".join(chunks))
    return Outcome(report["exit_code"], report["output"], report["exception"], killed)


def _in_child(args: list[str]) -> Outcome:
    """Run the command ``args`` in a forked child (the parent's state stays as it is)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        result = None
        try:
            result = _invoke(args)
        finally:
            _report(write, result)
            os._exit(0)
    os.close(write)
    return _collect(pid, read)


def _invoke(args: list[str]) -> Result:
    return CliRunner().invoke(main, args)


@pytest.fixture(scope="module", autouse=True)
def _fault_points_in_the_log():
    """With -s: the fault points per command, for the closing note of issue 21."""
    yield
    if FAULT_POINTS:
        tried = ", ".join(f"{c}: {n}" for c, n in FAULT_POINTS.items())
        print(f"\nfault points per command ({len(FAULTS)} kinds of fault at each): {tried}")


@pytest.fixture
def work(tmp_path: Path):
    """A folder for the projects: in memory (/dev/shm) where there is one, because these tests
    make thousands of small changes to files and folders; else pytest's tmp_path."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="sop-builder-faults-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Subject:
    """A command on its project: the old and new tree, its operations and its commit."""

    pristine: Path
    args: list[str]
    old: dict[str, str]
    new: dict[str, str]
    ops: list[str]
    transaction: Transaction


def _subject(command: str, work: Path) -> Subject:
    """Set up ``command``'s project and run it once, counting and keeping its commit."""
    pristine, args = COMMANDS[command](work / "pristine")
    reference = work / "reference" / pristine.name
    shutil.copytree(pristine, reference, symlinks=True)
    committed: list[Transaction] = []
    commit = Transaction.commit

    def keep(self: Transaction) -> list:
        committed.append(self)
        return commit(self)

    counted = Faults(reference)
    with counted.active(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(Transaction, "commit", keep)
        first = _invoke(_with_root(args, pristine, reference))
    assert first.exit_code == 0, first.output
    assert len(committed) == 1  # one transaction holds everything the command writes
    new = tree(reference)
    assert new != tree(pristine)
    assert _no_scratch_left(reference)
    FAULT_POINTS[command] = len(counted.ops)
    return Subject(pristine, args, tree(pristine), new, counted.ops, committed[0])


def _replay(transaction: Transaction, root: Path, faults: Faults) -> list | None:
    """The command's commit again, on ``root``; None when it was killed."""
    transaction.root = root
    with faults.active():
        try:
            return transaction.commit()
        except Killed:
            return None


# --- 1 and 2: every fault point, on the command's commit --------------------------------------


def _sweep(
    subject: Subject, root: Path, transaction: Any, kinds: tuple = FAULTS, points: int = 0
) -> list[str]:
    """Every kind of fault at every fault point of ``transaction`` (the command's commit, or a
    planted one) on ``root``; what went wrong (empty: old or new every time)."""
    old, new = subject.old, subject.new
    problems: list[str] = []
    for label, error, persistent, kill in kinds:
        for at in range(points or len(subject.ops)):
            where = f"{label} at {at} ({subject.ops[at]})"
            faults = Faults(root, at, error, kill=kill, persistent=persistent, simulate=True)
            try:
                returned = _replay(transaction, root, faults)
            except Exception as exc:
                problems.append(f"{where}: raised {exc!r} (a traceback)")
                returned = None
            after, journal_left = tree(root), (root / JOURNAL).exists()
            if returned is not None:  # not killed: it failed and said so, or it is done
                codes = [i.code for i in returned]
                said = returned[0].message if returned else ""
                if returned and (codes not in (["SOP950"], ["SOP951"]) or after == new):
                    problems.append(f"{where}: returned {returned}")
                elif returned and not said.startswith(f"'{subject.transaction.command}' kon "):
                    problems.append(f"{where}: {said}")
                if codes == ["SOP950"] and after != old:
                    problems.append(f"{where}: nothing changed, it says, but it did")
                if not returned and after != new:
                    problems.append(f"{where}: done, it says, but not the new tree")
            if after not in (old, new) and not (journal_left and (kill or persistent)):
                problems.append(f"{where}: a mix: {difference(old, after)[:3]}")
            recovered = recover(root)
            after = tree(root)
            if after not in (old, new) or any(i.is_error for i in recovered):
                problems.append(f"{where}: after recovery: {difference(old, after)[:3]}")
            if not _no_scratch_left(root):
                problems.append(f"{where}: scratch space left after recovery")
            _restore(subject.pristine, root, old)
    return problems


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_io_error_or_a_kill_at_any_operation_leaves_the_old_or_the_new_project(
    command: str, work: Path
):
    subject = _subject(command, work)
    root = work / "run" / subject.pristine.name
    shutil.copytree(subject.pristine, root, symlinks=True)
    same = Faults(root)
    assert _replay(subject.transaction, root, same) == []
    # the commit is all it does
    assert same.ops == subject.ops
    assert tree(root) == subject.new
    _restore(subject.pristine, root, subject.old)
    problems = _sweep(subject, root, subject.transaction)
    assert problems == [], "\n".join(problems[:20])


class FileByFile:
    """A planted commit as `migreer` wrote before: file by file, in place (each file itself
    atomically), then the removals. The sweep must find the mixed projects it leaves."""

    def __init__(self, subject: Subject, new: Path) -> None:
        self.command, self.root = subject.transaction.command, new
        old, wanted = subject.old, subject.new
        files = [r for r in sorted(wanted) if not r.endswith("/") and old.get(r) != wanted[r]]
        self.writes = {rel: (new / rel).read_bytes() for rel in files}
        self.removes = [r for r in sorted(old) if not r.endswith("/") and r not in wanted]

    def commit(self) -> list:
        for rel, data in self.writes.items():
            write_bytes_atomic(self.root / rel, data)
        for rel in self.removes:
            (self.root / rel).unlink()
        return []


def test_the_sweep_finds_a_command_that_writes_file_by_file(work: Path):
    subject = _subject("migreer", work)
    root = work / "run" / subject.pristine.name
    shutil.copytree(subject.pristine, root, symlinks=True)
    planted = FileByFile(subject, work / "reference" / subject.pristine.name)
    problems = _sweep(subject, root, planted, (FAULTS[0], FAULTS[2]), points=12)
    assert any(p.startswith("ENOSPC at") and ": a mix: " in p for p in problems)
    assert any(p.startswith("SIGKILL at") and ": after recovery: " in p for p in problems)
    assert any("(a traceback)" in p for p in problems)


# --- 3: the real command: ENOSPC at every point, every kind of fault at three ---------------


def _how_the_run_ended(where: str, kill: bool, outcome: Outcome, left_old: bool) -> list[str]:
    """What is wrong with how one run with a fault ended, before anything recovers: killed
    exactly when the fault kills; otherwise no traceback, a failure said in Dutch, and the old
    project left exactly when it failed (``left_old``)."""
    if kill != outcome.killed:
        return [f"{where}: killed {outcome.killed}, {outcome.exception}"]
    if kill:
        return []
    problems = []
    if outcome.exception is not None or "Traceback" in outcome.output:
        problems.append(f"{where}: {outcome.exception or outcome.output}")
    failed = outcome.exit_code != 0
    if failed and not any(s in outcome.output for s in FAILED_SAYS):
        problems.append(f"{where}: failed without saying so: {outcome.output!r}")
    if left_old != failed and "SOP951" not in outcome.output:
        problems.append(f"{where}: exit {outcome.exit_code}, but old: {left_old}")
    return problems


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the command at its first write")
@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_real_command_says_in_dutch_what_failed_and_a_rerun_finishes(command: str, work: Path):
    subject = _subject(command, work)
    old, new, points = subject.old, subject.new, len(subject.ops)
    root = work / "run" / subject.pristine.name
    shutil.copytree(subject.pristine, root, symlinks=True)
    run_args = _with_root(subject.args, subject.pristine, root)
    problems: list[str] = []
    child_pipe: list[int] = []  # set in a forked child: where it reports
    samples = sorted({0, points // 2, points - 1})  # every kind of fault

    def check(label: str, at: int, kill: bool, outcome: Outcome) -> None:
        where = f"{label} at {at} ({subject.ops[at]})"
        after = tree(root)
        problems.extend(_how_the_run_ended(where, kill, outcome, after == old))
        journal_left = (root / JOURNAL).exists()
        if after not in (old, new) and not journal_left:
            problems.append(f"{where}: a mix: {difference(old, after)[:3]}")
        if at != points // 2 and not journal_left:  # nothing to finish: the old tree, or new
            if any(i.is_error for i in recover(root)) or tree(root) not in (old, new):
                problems.append(f"{where}: after recovery a mix")
            return
        rerun = _in_child(run_args)  # it recovers first, then does its work
        if rerun.exit_code != 0 or tree(root) != new or not _no_scratch_left(root):
            problems.append(f"{where}: a rerun did not end in the new tree: {rerun.output}")
        if journal_left and "SOP952" not in rerun.output:
            problems.append(f"{where}: the rerun did not say it finished the interrupted run")

    def sweep(faults: Faults) -> None:
        """At the first operation: one child per case; each child returns from here and goes
        on with the command, the parent checks what it left."""
        for label, error, persistent, kill in FAULTS:
            for at in range(points) if label == "ENOSPC" else samples:
                read, write = os.pipe()
                pid = os.fork()
                if pid == 0:
                    os.close(read)
                    child_pipe.append(write)
                    faults.at, faults.error = at, error
                    faults.persistent, faults.kill = persistent, kill
                    return
                os.close(write)
                check(label, at, kill, _collect(pid, read))
                _restore(subject.pristine, root, old)

    faults = Faults(root)
    faults.checkpoint = sweep
    last = None
    try:
        with faults.active():
            last = _invoke(run_args)
    finally:
        if child_pipe:  # a forked child: report to the parent and end here
            _report(child_pipe[0], last)
            os._exit(0)
    assert last is not None, last
    assert last.exit_code == 0, last
    assert tree(root) == new, last
    assert problems == [], "\n".join(problems[:20])


# --- 4: real processes killed at random moments -------------------------------------------


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_process_killed_at_a_random_moment_leaves_the_old_or_the_new_project(
    command: str, work: Path
):
    pristine, args = COMMANDS[command](work / "pristine")
    old = tree(pristine)
    rng = random.Random(f"issue 21: {command}")

    def start(name: str) -> tuple[Path, subprocess.Popen[bytes]]:
        root = work / name / pristine.name
        shutil.copytree(pristine, root, symlinks=True)
        run = [sys.executable, "-m", "sop_builder", *_with_root(args, pristine, root)]
        quiet = subprocess.DEVNULL
        return root, subprocess.Popen(run, stdout=quiet, stderr=quiet)

    reference, process = start("reference")
    began = time.monotonic()
    assert process.wait(timeout=120) == 0
    duration = time.monotonic() - began
    new = tree(reference)
    for number in range(KILLS):
        root, process = start(f"kill-{number}")
        time.sleep(rng.uniform(0, duration))
        process.kill()
        process.wait(timeout=60)
        checked = _invoke(["controleer", "--map", str(root)])  # the next command: it recovers
        assert "Traceback" not in checked.output
        assert checked.exception is None or isinstance(checked.exception, SystemExit)
        after = tree(root)
        assert after in (old, new), difference(old, after)[:5]
        assert _no_scratch_left(root)
        rerun = _invoke(_with_root(args, pristine, root))
        assert rerun.exit_code == 0, rerun.output
        assert tree(root) == new
