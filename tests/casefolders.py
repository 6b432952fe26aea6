"""Case folders: each folder under tests/cases/ is one broken (or tricky) project change.

A case folder holds
  files/<path in project>   files that replace or add to a copy of the sample project
                            (tests/fixtures/sample/: content/ and site_config/)
  delete.txt                (optional) project paths to remove, one per line
  expected.txt              the exact `check --formaat parsable` lines the change adds

Adding a case is adding a folder with these files; `python -m tests.casefolders NAME` writes
expected.txt for a new case so that it can be read and corrected by hand.
"""

from __future__ import annotations

import functools
import shutil
import sys
from pathlib import Path

from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.project.project import Project

from .conftest import SAMPLE, TODAY, make_project

CASES = Path(__file__).resolve().parent / "cases"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def prepare(case: str, target: Path) -> Path:
    """Copy the sample project's data to ``target`` and apply the case's changes."""
    for name in ("site_config", "content"):
        shutil.copytree(SAMPLE / name, target / name)
    return apply_case(case, target)


def case_project(case: str, parent: Path) -> Path:
    """The sample with its templates and mkdocs.yml (``parent``/project), changed as the case
    folder says: a project that can also be built."""
    return apply_case(case, make_project(parent))


def apply_case(case: str, target: Path) -> Path:
    """Remove the files of the case's delete.txt from ``target`` and copy its files/ in."""
    folder = CASES / case
    delete = folder / "delete.txt"
    if delete.exists():
        for line in delete.read_text(encoding="utf-8").splitlines():
            if line.strip():
                victim = target / line.strip()
                shutil.rmtree(victim) if victim.is_dir() else victim.unlink()
    files = folder / "files"
    if files.exists():
        for source in files.rglob("*"):
            if source.is_file():
                dest = target / source.relative_to(files)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest)
    return target


def parsable_lines(root: Path) -> list[str]:
    return lines_of(load_project(root, TODAY))


def lines_of(project: Project) -> list[str]:
    """The lines of `check --formaat parsable` for a loaded project."""
    text = report.render(project, "parsable")
    return [line for line in text.splitlines() if line.strip()]


@functools.cache
def baseline() -> list[str]:
    return parsable_lines(SAMPLE)


def added_lines(case: str, scratch: Path) -> list[str]:
    """The check lines the case adds on top of the sample's own."""
    return added(parsable_lines(prepare(case, scratch)))


def added(lines: list[str]) -> list[str]:
    """Of a case's check lines, those the sample's own lines do not have."""
    base = set(baseline())  # cached: the sample is read once per test run
    return [line for line in lines if line not in base]


def expected_lines(case: str) -> list[str]:
    text = (CASES / case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


if __name__ == "__main__":  # pragma: no cover - developer tool
    import tempfile

    for name in sys.argv[1:] or case_names():
        with tempfile.TemporaryDirectory() as tmp:
            lines = added_lines(name, Path(tmp))
        (CASES / name / "expected.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"== {name}\n" + "\n".join(lines))
