"""The load cache (project/cache.py): each school folder's result kept in .sop-builder/cache/,
used only for exactly the inputs it was made from, never an error when it cannot be used."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from sop_builder.core import cachefile
from sop_builder.project import cache
from sop_builder.project.load import ProjectState, load_project
from sop_builder.project.project import Project
from sop_builder.project.schools.load import SchoolResult, process_folder

from .conftest import TODAY, make_project

DUINROOS = "content/schools/de-duinroos"


@pytest.fixture
def processed(monkeypatch) -> Counter[str]:
    """The folders read and checked (not taken from the cache), counted by name."""
    counter: Counter[str] = Counter()

    def counting(folder: Path, *args, **kwargs) -> SchoolResult:
        counter[folder.name] += 1
        return process_folder(folder, *args, **kwargs)

    monkeypatch.setattr(cache, "process_folder", counting)
    return counter


def _view(project: Project) -> tuple:
    """Everything check and the builds take from a loaded project's schools."""
    return (
        project.issues,
        project.schools,
        project.compliance,
        project.current,
        project.unreadable,
    )


def _shards(root: Path) -> list[Path]:
    return sorted((root / cache.SCHOOLS_DIR).glob("*.pickle"))


def test_a_second_load_takes_every_school_from_the_cache_and_gives_the_same(
    tmp_path: Path, processed
):
    root = make_project(tmp_path)
    first = load_project(root, TODAY)
    schools = len(list((root / "content/schools").iterdir()))
    assert sum(processed.values()) == schools
    assert _shards(root)
    processed.clear()
    second = load_project(root, TODAY)
    assert not processed  # nothing read again
    assert _view(second) == _view(first)
    assert second.schools[0] is not first.schools[0]  # a copy, not the same objects


def test_an_edited_school_file_is_read_again_and_the_result_changes(tmp_path: Path, processed):
    root = make_project(tmp_path)
    load_project(root, TODAY)
    sop = root / DUINROOS / "sop.md"
    stat = sop.stat()
    # Same length, same modification time: only the content tells.
    sop.write_text(sop.read_text().replace("De Duinroos", "De Duinrots", 1))
    os.utime(sop, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert sop.stat().st_size == stat.st_size
    processed.clear()
    project = load_project(root, TODAY)
    assert processed == Counter({"de-duinroos": 1})
    assert "Basisschool De Duinrots" in {s.front.name for s in project.schools}
    # A self-assessment, and a stray file (only its name is read), count as well.
    before = {i.code for i in project.issues if i.path.startswith(DUINROOS)}
    (root / DUINROOS / "zelfevaluatie-2025-2026.yaml").write_text("schooljaar: [\n")
    processed.clear()
    project = load_project(root, TODAY)
    assert processed == Counter({"de-duinroos": 1})
    broken = {i.code for i in project.issues if i.path.startswith(DUINROOS)}
    assert broken - before  # the file's syntax error
    (root / DUINROOS / "notities.txt").write_text("x")
    processed.clear()
    project = load_project(root, TODAY)
    assert processed == Counter({"de-duinroos": 1})
    assert {i.code for i in project.issues if i.path.startswith(DUINROOS)} == broken | {"SOP208"}


def test_a_changed_configuration_value_reads_every_school_again(tmp_path: Path, processed):
    root = make_project(tmp_path)
    before = load_project(root, TODAY)
    assert "SOP401" not in {i.code for i in before.issues}
    swv = root / "site_config/swv.yaml"
    swv.write_text(swv.read_text().replace("sop_max_tekens: 2600", "sop_max_tekens: 500"))
    processed.clear()
    after = load_project(root, TODAY)
    assert sum(processed.values()) == len(after.schools) + len(after.unreadable)
    assert "SOP401" in {i.code for i in after.issues}  # every SOP is now too long


def test_another_reference_date_reads_every_school_again(tmp_path: Path, processed):
    root = make_project(tmp_path)
    before = load_project(root, TODAY)
    processed.clear()
    later = load_project(root, date(2040, 1, 1))
    assert sum(processed.values()) == len(later.schools) + len(later.unreadable)
    expired = [i.path for i in later.issues if i.code == "SOP404"]  # valid until ... passed
    assert (
        len(expired) == len(later.schools) > len([i for i in before.issues if i.code == "SOP404"])
    )


def test_another_version_of_the_tool_never_gets_a_kept_result(tmp_path: Path, monkeypatch):
    root = make_project(tmp_path)
    real = load_project(root, TODAY)

    # Planted: "version A" kept a wrong name for every school ...
    def wrong(folder: Path, *args, **kwargs) -> SchoolResult:
        result = process_folder(folder, *args, **kwargs)
        if result.school is None:
            return result
        front = result.school.front.model_copy(update={"name": "Oude uitkomst"})
        school = type(result.school)(**{**vars(result.school), "front": front})
        return SchoolResult(**{**vars(result), "school": school})

    monkeypatch.setattr(cache, "process_folder", wrong)
    monkeypatch.setattr(cache, "tool_key", lambda: b"version A")
    for _ in range(2):  # made, then served from the cache: still the planted result
        assert {s.front.name for s in load_project(root, TODAY).schools} == {"Oude uitkomst"}
    # ... and version B, with the right code, does not take it.
    monkeypatch.setattr(cache, "process_folder", process_folder)
    monkeypatch.setattr(cache, "tool_key", lambda: b"version B")
    assert _view(load_project(root, TODAY)) == _view(real)


@pytest.mark.parametrize("damage", ["cut short", "garbage", "empty", "a folder", "other key"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(
    tmp_path: Path, processed, monkeypatch, damage: str
):
    root = make_project(tmp_path)
    real = load_project(root, TODAY)
    shard = _shards(root)[0]
    if damage == "cut short":
        shard.write_bytes(shard.read_bytes()[:100])
    elif damage == "garbage":
        shard.write_bytes(cachefile.MAGIC + os.urandom(500))
    elif damage == "empty":
        shard.write_bytes(b"")
    elif damage == "a folder":
        shard.unlink()
        shard.mkdir()
    else:  # written with another user's key: never unpickled
        monkeypatch.setattr(cachefile, "_secret", lambda: b"s" * 32)
    processed.clear()
    assert _view(load_project(root, TODAY)) == _view(real)
    assert processed  # the schools of that file were read again
    if damage != "a folder":
        processed.clear()
        assert _view(load_project(root, TODAY)) == _view(real)
        assert not processed  # rewritten, and now used


def test_a_project_that_cannot_be_written_works_without_the_cache(tmp_path: Path, processed):
    root = make_project(tmp_path)
    (root / ".sop-builder").write_text("geen map")  # the cache folder cannot be made
    first = load_project(root, TODAY)
    processed.clear()
    assert _view(load_project(root, TODAY)) == _view(first)
    assert sum(processed.values()) == len(first.schools) + len(first.unreadable)


def test_serve_reads_only_the_changed_folder_and_check_then_finds_it_kept(
    tmp_path: Path, processed
):
    root = make_project(tmp_path)
    state = ProjectState(root, TODAY)  # as serve and the web editor keep it
    state.refresh()
    processed.clear()
    sop = root / DUINROOS / "sop.md"
    sop.write_text(sop.read_text().replace("De Duinroos", "De Duinrots", 1))
    assert state.refresh() == {"de-duinroos"}
    assert processed == Counter({"de-duinroos": 1})
    processed.clear()  # a new process (check after serve) finds the edit in the cache
    assert "Basisschool De Duinrots" in {s.front.name for s in load_project(root, TODAY).schools}
    assert not processed


def test_a_removed_school_leaves_the_cache_file_when_it_is_written(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(cache, "SHARDS", 1)  # every school in one file
    root = make_project(tmp_path)
    load_project(root, TODAY)
    (shard,) = _shards(root)
    assert "de-duinroos" in cachefile.read_cache(shard)[1]
    for file in (root / DUINROOS).iterdir():
        file.unlink()
    (root / DUINROOS).rmdir()
    other = root / "content/schools/de-boomgaard/sop.md"
    other.write_text(other.read_text() + "\nNog een zin.\n")
    load_project(root, TODAY)
    kept = cachefile.read_cache(shard)[1]
    assert "de-duinroos" not in kept
    assert "de-boomgaard" in kept


def test_git_ignores_the_cache_without_a_gitignore_of_the_project(tmp_path: Path):
    root = make_project(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    load_project(root, TODAY)
    assert _shards(root)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status
    assert ".sop-builder" not in status
