"""core/transaction.py: a command's files all at once or not at all, and finished after a kill.

The fault-injection suite (tests/test_faults.py) runs every command that writes through every
fault point; these tests show the mechanism's parts one by one.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.core.atomic import NEW_FILE_MODE
from sop_builder.core.transaction import JOURNAL, SCRATCH, Transaction, recover

from .conftest import make_project
from .faults import Faults, Killed, tree


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "map").mkdir(parents=True)
    (root / "map/oud.txt").write_text("oud\n", encoding="utf-8")
    (root / "map/weg.txt").write_text("weg\n", encoding="utf-8")
    (root / "alleen/weg.txt").parent.mkdir()
    (root / "alleen/weg.txt").write_text("weg\n", encoding="utf-8")
    (root / "merk.yaml").write_text("versie: 1\n", encoding="utf-8")
    os.chmod(root / "map/oud.txt", 0o640)
    return root


def change(root: Path) -> Transaction:
    tx = Transaction(root, "sop-builder proef")
    tx.write("merk.yaml", "versie: 2\n", last=True)
    tx.write("map/oud.txt", "nieuw\n")
    tx.write("nieuw/diep/bestand.txt", b"\x00bytes")
    tx.remove("map/weg.txt")
    tx.remove("alleen/weg.txt")
    tx.remove("bestond/niet.txt")
    tx.make_folder("lege/map")
    return tx


def test_a_commit_writes_removes_and_makes_folders_with_the_marker_last(tmp_path: Path):
    root = project(tmp_path)
    faults = Faults(root)
    with faults.active():
        assert change(root).commit() == []
    assert (root / "merk.yaml").read_text(encoding="utf-8") == "versie: 2\n"
    assert (root / "map/oud.txt").read_text(encoding="utf-8") == "nieuw\n"
    assert stat.S_IMODE((root / "map/oud.txt").stat().st_mode) == 0o640  # kept
    new = root / "nieuw/diep/bestand.txt"
    assert new.read_bytes() == b"\x00bytes"
    assert stat.S_IMODE(new.stat().st_mode) == NEW_FILE_MODE
    assert stat.S_IMODE((root / "nieuw/diep").stat().st_mode) == 0o755
    assert not (root / "map/weg.txt").exists()
    assert (root / "map").is_dir()
    assert not (root / "alleen").exists()  # left empty: removed too
    assert (root / "lege/map").is_dir()
    assert not (root / SCRATCH).exists()
    into_project = [op for op in faults.ops if op.startswith("rename") and ".sop-builder" in op]
    assert into_project[-1] == "rename .sop-builder/transactie/nieuw/3"  # merk.yaml, the last
    renames = [op for op in faults.ops if op.startswith(("rename", "link", "mkdir"))]
    assert renames.index("rename .sop-builder/transactie/nieuw/3") == len(renames) - 1


def test_paths_that_could_leave_the_project_are_refused(tmp_path: Path):
    tx = Transaction(tmp_path, "sop-builder proef")
    outside = "not a path inside the project"
    for bad, why in (
        ("/etc/passwd", outside),
        ("../buiten.txt", outside),
        ("map/../../buiten", outside),
        ("", outside),
        (".sop-builder/transactie/x", "a path in the transaction's own folder"),
    ):
        with pytest.raises(ValueError, match=why):
            tx.write(bad, "x")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EIO])
def test_an_error_while_applying_undoes_everything_and_says_so_in_dutch(tmp_path: Path, code: int):
    root = project(tmp_path)
    before = tree(root)
    telling = project(tmp_path / "telling")
    counted = Faults(telling)
    with counted.active():
        change(telling).commit()
    at = next(i for i, op in enumerate(counted.ops) if op == "rename alleen/weg.txt")
    with Faults(root, at, code).active():
        problems = change(root).commit()
    assert tree(root) == before
    assert not (root / SCRATCH).exists()
    assert [p.code for p in problems] == ["SOP950"]
    message = problems[0].message
    assert message.startswith("'sop-builder proef' kon de bestanden niet schrijven, omdat ")
    assert message.endswith("(alleen/weg.txt). Er is niets veranderd.")
    assert problems[0].hint  # what to do about a full disk, a read-only folder, ...


def test_a_kill_after_the_journal_is_finished_by_the_next_command(tmp_path: Path):
    root = project(tmp_path)
    telling = project(tmp_path / "telling")
    counted = Faults(telling)
    with counted.active():
        change(telling).commit()
    after_journal = counted.ops.index("rename .sop-builder/transactie/journaal.json.tmp") + 3
    with Faults(root, after_journal, kill=True, simulate=True).active(), pytest.raises(Killed):
        change(root).commit()
    assert (root / JOURNAL).exists()
    assert (root / "map/weg.txt").exists() != (root / "merk.yaml").read_text() == "versie: 1\n"
    problems = recover(root)
    assert [p.code for p in problems] == ["SOP952"]
    assert "'sop-builder proef' (begonnen op " in problems[0].message
    assert problems[0].message.endswith("was onderbroken en is nu afgemaakt: 5 bestanden.")
    assert (root / "merk.yaml").read_text(encoding="utf-8") == "versie: 2\n"
    assert not (root / "map/weg.txt").exists()
    assert not (root / SCRATCH).exists()
    assert recover(root) == []  # once


def test_a_kill_before_the_journal_changed_nothing_and_its_scratch_is_removed(tmp_path: Path):
    root = project(tmp_path)
    before = tree(root)
    with Faults(root, 8, kill=True, simulate=True).active(), pytest.raises(Killed):
        change(root).commit()
    assert (root / SCRATCH).exists()
    assert not (root / JOURNAL).exists()
    assert recover(root) == []
    assert tree(root) == before
    assert not (root / SCRATCH).exists()


def test_a_journal_that_cannot_be_finished_is_an_error_for_check(tmp_path: Path):
    """A migration killed halfway on a project that is then read-only: `controleer` must not
    say 0 errors (issue 21, finding 2), it names the interrupted command."""
    root = make_project(tmp_path, "sample-v1", templates=False)
    counted = Faults(root)
    with counted.active():
        assert CliRunner().invoke(main, ["migreer", "--map", str(root)]).exit_code == 0
    fresh = make_project(tmp_path, "sample-v1", name="vers", templates=False)
    halfway = counted.ops.index("rename .sop-builder/transactie/journaal.json.tmp") + 12
    with Faults(fresh, halfway, kill=True, simulate=True).active(), pytest.raises(Killed):
        CliRunner().invoke(main, ["migreer", "--map", str(fresh)], catch_exceptions=False)
    with Faults(fresh, 0, errno.EROFS, persistent=True).active():
        checked = CliRunner().invoke(main, ["controleer", "--map", str(fresh)])
    assert checked.exit_code == 1
    assert "SOP953" in checked.output
    assert "'sop-builder migreer' (begonnen op " in checked.output
    assert "kan nu niet worden afgemaakt, omdat de map alleen gelezen kan worden" in checked.output
    checked = CliRunner().invoke(main, ["controleer", "--map", str(fresh)])  # writable again
    assert "SOP952" in checked.output
    assert "SOP953" not in checked.output
    assert tree(fresh) == tree(root)


def test_a_journal_that_is_not_ours_is_reported_and_left_alone(tmp_path: Path):
    root = project(tmp_path)
    (root / JOURNAL).parent.mkdir(parents=True)
    for text in ("{niet af", json.dumps({"version": 99}), json.dumps({"version": 1, "steps": [1]})):
        (root / JOURNAL).write_text(text, encoding="utf-8")
        problems = recover(root)
        assert [p.code for p in problems] == ["SOP953"]
        assert "is niet te lezen" in problems[0].message
        assert (root / JOURNAL).exists()
    escape = {"version": 1, "steps": [["write", "../buiten.txt", 1, False]]}
    (root / JOURNAL).write_text(json.dumps(escape), encoding="utf-8")
    assert [p.code for p in recover(root)] == ["SOP953"]
    assert not (tmp_path / "buiten.txt").exists()


def test_when_the_undo_fails_too_the_journal_stays_and_the_next_run_finishes(tmp_path: Path):
    """A disk that turns read-only while applying: the undo cannot run either. The command
    says so (SOP951, not "nothing changed"), and the next command finishes the change."""
    root = project(tmp_path)
    telling = project(tmp_path / "telling")
    counted = Faults(telling)
    with counted.active():
        change(telling).commit()
    new = tree(telling)
    at = counted.ops.index("rename .sop-builder/transactie/nieuw/2")  # the second file
    with Faults(root, at, errno.EROFS, persistent=True).active():
        problems = change(root).commit()
    assert [p.code for p in problems] == ["SOP951"]
    assert "kon daarna ook niet alles terugzetten" in problems[0].message
    assert (
        "Draai daarna 'sop-builder proef' of 'sop-builder controleer' opnieuw" in problems[0].hint
    )
    assert (root / JOURNAL).exists()
    assert tree(root) != new
    assert [p.code for p in recover(root)] == ["SOP952"]
    assert tree(root) == new
