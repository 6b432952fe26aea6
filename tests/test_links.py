"""Links in content/ and site_config/ are refused before anything is read (SOP005), and the
folders the readers skip by name are named (SOP210); see sop_builder/project/tree.py.

Symbolic links do not survive every checkout (Git on Windows makes them text files), so these
tests make them in tmp_path rather than in a case folder.
"""

from __future__ import annotations

import builtins
import io
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sop_builder.project import report
from sop_builder.project.load import ProjectState, load_project
from sop_builder.project.schools.read import load_school
from sop_builder.publish.public import build_site

from .conftest import TODAY, make_project

OUTSIDE_NAME = "Basisschool Van Buiten"


def outside_school(parent: Path, sample: Path) -> Path:
    """A valid school folder outside the project, with a name found nowhere in the sample."""
    folder = parent / "elders" / "van-buiten"
    folder.mkdir(parents=True)
    text = (sample / "content/schools/de-duinroos/sop.md").read_text(encoding="utf-8")
    text = text.replace("Basisschool De Duinroos", OUTSIDE_NAME).replace("98XA00", "98ZZ00")
    (folder / "sop.md").write_text(text, encoding="utf-8")
    return folder


@contextmanager
def touched_paths() -> Iterator[list[str]]:
    """Every path opened, listed or stat'ed (following links) while the block runs, resolved:
    what a reader reached through a link shows up as its target."""
    seen: list[str] = []
    real_open, real_io_open = builtins.open, io.open
    real_listdir, real_scandir, real_stat = os.listdir, os.scandir, os.stat

    def note(path: object) -> None:
        if isinstance(path, (str, os.PathLike)):
            seen.append(os.path.realpath(path))

    def spy(real):  # type: ignore[no-untyped-def]
        def wrapper(path=".", *args, **kwargs):  # type: ignore[no-untyped-def]
            if kwargs.get("follow_symlinks", True):  # lstat looks at the link itself
                note(path)
            return real(path, *args, **kwargs)

        return wrapper

    patches = [
        (builtins, "open", spy(real_open)),
        (io, "open", spy(real_io_open)),
        (os, "listdir", spy(real_listdir)),
        (os, "scandir", spy(real_scandir)),
        (os, "stat", spy(real_stat)),
    ]
    originals = [(module, name, getattr(module, name)) for module, name, _ in patches]
    try:
        for module, name, replacement in patches:
            setattr(module, name, replacement)
        yield seen
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def reached(seen: list[str], target: Path) -> list[str]:
    inside = str(target.resolve())
    return [p for p in seen if p == inside or p.startswith(inside + os.sep)]


def test_a_linked_school_folder_outside_the_project_is_refused_and_never_read(tmp_path: Path):
    root = make_project(tmp_path)
    target = outside_school(tmp_path, root)
    (root / "content/schools/van-buiten").symlink_to(target, target_is_directory=True)

    with touched_paths() as seen:
        project = load_project(root, TODAY)
    assert reached(seen, target) == []
    assert [(i.path, i.code, i.line, i.column) for i in project.errors] == [
        ("content/schools/van-buiten", "SOP005", 1, 1)
    ]
    assert project.schools == []
    assert report.exit_code(project, strict=False) == 1
    assert OUTSIDE_NAME not in report.render(project, "text")

    said: list[str] = []
    site = tmp_path / "site"
    with touched_paths() as seen:
        result = build_site(root, site, today=TODAY, echo=said.append)
    assert reached(seen, target) == []
    assert not result.ok
    assert not site.exists()
    output = "".join(said)
    issue = project.errors[0]
    assert "content/schools/van-buiten" in output
    assert "1:1" in output
    assert issue.hint in output


def test_the_spy_sees_a_reader_that_follows_a_link(tmp_path: Path):
    """The planted violation: a school reader run on the link itself reads the outside file,
    and `touched_paths` sees it, so the test above can fail."""
    root = make_project(tmp_path, templates=False)
    target = outside_school(tmp_path, root)
    link = root / "content/schools/van-buiten"
    link.symlink_to(target, target_is_directory=True)
    with touched_paths() as seen:
        school, _ = load_school(link, root)
    assert school.front is not None
    assert school.front.name == OUTSIDE_NAME
    assert reached(seen, target)


# Each: what becomes a link (a file or a folder, moved out of the project, or pointing inside it
# or nowhere).
LINKS = {
    "a school's sop.md": "content/schools/de-duinroos/sop.md",
    "a self-assessment": "content/schools/de-duinroos/zelfevaluatie-2025-2026.yaml",
    "swv.yaml": "site_config/swv.yaml",
    "a norm file": "site_config/basisondersteuning/2022-2023.yaml",
    "a folder of site_config/": "site_config/basisondersteuning",
    "an offer item": "content/aanbod/workshops/rust-in-de-klas.md",
    "a folder of the offer": "content/aanbod/workshops",
    "an SWV folder": "content/swv/de-duinroos",
    "content/ itself": "content",
    "site_config/ itself": "site_config",
    "a school folder": "content/schools/de-klimop",
}
INSIDE = {  # links that point inside the project, and one that points nowhere
    "sop.md to another school's": ("content/schools/de-eikenhof/sop.md", "../de-duinroos/sop.md"),
    "a school folder to another": ("content/schools/de-kopie", "de-duinroos"),
    "a dangling link": ("content/schools/de-meeuw/weg.md", "../../../bestaat-niet.md"),
}


def assert_refused_unread(root: Path, link: str, elsewhere: Path | None) -> None:
    with touched_paths() as seen:
        project = load_project(root, TODAY)
    if elsewhere is not None:  # outside the project: nothing there is opened, listed or stat'ed
        assert reached(seen, elsewhere) == []
    assert [(i.path, i.code, i.is_error) for i in project.issues] == [(link, "SOP005", True)]
    assert project.schools == []
    assert project.config is None
    assert report.exit_code(project, strict=False) == 1
    assert [i.path for i in load_project(root, TODAY, internal=False).issues] == [link]


@pytest.mark.parametrize("case", sorted(LINKS))
def test_a_link_moved_out_of_the_project_is_refused_and_never_read(case: str, tmp_path: Path):
    root = make_project(tmp_path, templates=False)
    place = root / LINKS[case]
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.move(place, elsewhere / place.name)
    place.symlink_to(elsewhere / place.name, target_is_directory=place.is_dir())
    assert_refused_unread(root, LINKS[case], elsewhere)


@pytest.mark.parametrize("case", sorted(INSIDE))
def test_a_link_inside_the_project_or_to_nothing_is_refused(case: str, tmp_path: Path):
    root = make_project(tmp_path, templates=False)
    rel, target = INSIDE[case]
    place = root / rel
    if place.exists():
        place.unlink()
    place.symlink_to(target)
    assert_refused_unread(root, rel, None)


def test_the_editor_and_serve_read_the_project_again_once_the_link_is_gone(tmp_path: Path):
    root = make_project(tmp_path, templates=False)
    target = outside_school(tmp_path, root)
    link = root / "content/schools/van-buiten"
    link.symlink_to(target, target_is_directory=True)
    state = ProjectState(root, TODAY)
    state.refresh()
    assert [i.code for i in state.project().issues] == ["SOP005"]
    link.unlink()
    state.refresh()
    project = state.project()
    assert project.errors == []
    assert len(project.schools) == len(load_project(root, TODAY).schools)
    assert project.config is not None
    assert project.schools


# --- folders skipped by name -------------------------------------------------------------


def test_every_folder_skipped_for_its_dot_is_named_but_not_gits(tmp_path: Path):
    root = make_project(tmp_path, templates=False)
    made = [
        "content/schools/.de-linde",
        "content/schools/de-duinroos/.oud",
        "content/aanbod/.concepten",
        "content/aanbod/workshops/.concepten",
        "content/swv/.archief",
        "site_config/.oud",
        "site_config/basisondersteuning/.oud",
    ]
    for rel in made:
        (root / rel).mkdir()
        (root / rel / "sop.md").write_text("---\nnaam: x\n---\n", encoding="utf-8")
    (root / "content/schools/.git").mkdir()  # a nested repository: Git's, not named
    (root / "content/schools/.DS_Store").write_bytes(b"\x00")  # a file: never a school
    (root / "content/schools/de-duinroos/.sop.md.swp").write_bytes(b"\x00")

    project = load_project(root, TODAY)
    skipped = [i for i in project.issues if i.code == "SOP210"]
    assert sorted(i.path for i in skipped) == sorted(made)
    assert all(not i.is_error and i.hint for i in skipped)
    assert not [i for i in project.issues if ".git" in i.path or ".DS_Store" in i.path]
    assert not [i for i in project.issues if ".swp" in i.path]
    assert project.errors == []
    assert report.exit_code(project, strict=False) == 0
    named = {i.path: i for i in skipped}["content/aanbod/workshops/.concepten"]
    assert "'.concepten'" in named.message
    assert "content/aanbod/workshops/" in named.hint
