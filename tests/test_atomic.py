"""Atomic writes: the whole file or the old one, with the permissions open() would give."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sop_builder.core.atomic import write_atomic, write_bytes_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own(tmp_path: Path):
    plain = tmp_path / "gewoon.txt"
    plain.write_text("", encoding="utf-8")
    new = tmp_path / "map" / "nieuw.yaml"
    write_atomic(new, "schooljaar: 2025-2026\n")
    assert new.read_text(encoding="utf-8") == "schooljaar: 2025-2026\n"
    assert mode(new) == mode(plain)  # not the 0600 of a temporary file
    os.chmod(new, 0o640)
    write_bytes_atomic(new, b"x")
    assert new.read_bytes() == b"x"
    assert mode(new) == 0o640
    assert sorted(p.name for p in new.parent.iterdir()) == ["nieuw.yaml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path):
    file = tmp_path / "scores.yaml"
    file.write_text("oud\n", encoding="utf-8")
    with pytest.raises(TypeError):
        write_bytes_atomic(file, "geen bytes")  # type: ignore[arg-type]
    assert file.read_text(encoding="utf-8") == "oud\n"
    assert [p.name for p in tmp_path.iterdir()] == ["scores.yaml"]
