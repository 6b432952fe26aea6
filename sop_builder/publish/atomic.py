"""All or nothing, one at a time: build a site in scratch space, check it, swap it into place.

Both builds (the public and the internal site) go through `build_atomically`:

- **One build at a time** in a project: the lock ``.sop-builder/bouwen.lock`` (core/lock.py,
  released by the system when a process ends, also after ``kill -9``). A second build, or a
  rebuild of `bekijk`, waits for it and says so.
- **Scratch space** is ``.sop-builder/bouwen/`` (ignored by Git), emptied by the next build:
  a killed build leaves nothing in the working tree. Only when the output folder is on another
  file system than the project, or the project is read-only, is the site built in a folder
  ``.<name>-bouw-*`` beside the output; the next build removes those too (and the
  ``.site-bouw-*``, ``.site-intern-bouw-*`` and ``.<name>.old`` folders that earlier versions
  left in the project: a killed internal build left the consultants' texts there).
- **The swap** replaces the old site by the new one in one step (``renameat2`` with
  ``RENAME_EXCHANGE`` on Linux; elsewhere two renames), then removes the old one.
- A failed build, or an I/O error anywhere (a full disk, a read-only folder), leaves the
  previous site byte for byte as it was, with a Dutch message (SOP954).
- **Only a site is replaced**: the output folder may not be the project (or hold it), nor one
  of its own folders (content/, site_config/, templates/, .git/, .sop-builder/), nor a folder
  with files that is not a site (no index.html at its top): the swap would replace all of it
  (SOP958; `--uit content` once replaced every school's SOP by the site).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sop_builder.core.catalogue.writing import BUILD_FAILED, NOT_A_SITE_FOLDER, describe
from sop_builder.core.issues import Issue
from sop_builder.core.lock import BUILD_LOCK, LOCK_DIR, project_lock

SCRATCH = Path(LOCK_DIR) / "bouwen"
BUILD_WAITS = "Er wordt al gebouwd in deze map ({holder}); deze opdracht wacht tot dat klaar is."
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
DEFAULTS = ("site", "site-intern")  # the outputs whose leftovers any build removes
OWN_FOLDERS = ("content", "site_config", "templates", ".git")  # no site in or at these
SITE_MARK = "index.html"  # at the top of every site a build makes (public and internal)


def not_a_site_folder(site_dir: Path, root: Path, mark: str = SITE_MARK) -> Issue | None:
    """SOP958 when a build into ``site_dir`` would replace what is not a site: the project
    ``root`` itself (or a folder that holds it), one of its own folders, or a folder with
    files but without ``mark`` at its top (a site's index.html; `klaarzetten`'s note)."""
    site, project = site_dir.resolve(), root.resolve()
    inside = site.is_relative_to(project)
    own = next(
        (name for name in OWN_FOLDERS if site.is_relative_to(project / name)),
        LOCK_DIR if site == project / LOCK_DIR else None,
    )
    if project.is_relative_to(site):
        why = "daar staat het project zelf"
    elif own is not None:
        why = f"dat is een map van het project zelf ({own}/)"
    elif site.is_dir() and any(site.iterdir()) and not (site / mark).is_file():
        why = f"daar staan al bestanden, en het is geen site (er is geen {mark})"
    else:
        return None
    shown = site.relative_to(project).as_posix() if inside and site != project else str(site)
    return NOT_A_SITE_FOLDER.at(shown, path=shown, why=why)


@dataclass
class BuildResult:
    """Whether a build was published, what to tell the person who started it, and the build's
    own problems (SOP9xx, SOP95x): why it was refused, or a warning about a published build
    (problems in the content are `check`'s)."""

    ok: bool
    messages: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def build_atomically(
    site_dir: Path,
    make: Callable[[Path], list[Issue]],
    root: Path | None = None,
    echo: Callable[[str], None] | None = None,
    mark: str = SITE_MARK,
) -> list[Issue]:
    """Let ``make`` write and check a site in an empty folder; publish it at ``site_dir``.

    ``make`` returns the problems it found; with any problem nothing is published and the
    problems are returned. ``root`` is the project (default: the output's parent folder),
    ``echo`` says that this build waits for another one, ``mark`` is the file at the top of an
    earlier output that may be replaced (see `not_a_site_folder`).
    """
    root = Path(root) if root is not None else site_dir.parent
    refused = not_a_site_folder(site_dir, root, mark)
    if refused is not None:
        return [refused]

    def waiting(holder: str) -> None:
        if echo is not None:
            echo(BUILD_WAITS.format(holder=holder) + "\n")

    try:
        with project_lock(root, BUILD_LOCK, waiting=waiting, note_holder=True):
            return _build(site_dir, make, root)
    except OSError as exc:
        reason, advice = describe(exc)
        shown = exc.filename if isinstance(exc.filename, str) else str(site_dir)
        path = Path(shown)
        if path.is_relative_to(root):
            shown = path.relative_to(root).as_posix()
        return [BUILD_FAILED.at(shown, reason=reason, path=shown, advice=advice)]


def _build(site_dir: Path, make: Callable[[Path], list[Issue]], root: Path) -> list[Issue]:
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch, prefix = scratch_folder(root, site_dir)
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=scratch))
    try:
        built = work / "site"
        issues = make(built)
        if not issues:
            swap_into_place(built, site_dir)
        return issues
    finally:
        shutil.rmtree(work, ignore_errors=True)


def scratch_folder(root: Path, site_dir: Path) -> tuple[Path, str]:
    """Where to build (and the prefix of the folder), after removing what killed builds left.
    Called with the build lock held: nothing there belongs to a running build."""
    for folder, name in {(site_dir.parent, site_dir.name), *((root, n) for n in DEFAULTS)}:
        for leftover in [*folder.glob(f".{name}-bouw-*"), folder / f".{name}.old"]:
            shutil.rmtree(leftover, ignore_errors=True)
    scratch = root / SCRATCH
    try:
        scratch.mkdir(parents=True, exist_ok=True)
        same_disk = os.stat(scratch).st_dev == os.stat(site_dir.parent).st_dev
    except OSError as exc:
        if exc.errno not in _READ_ONLY:
            raise
        same_disk = False
    if not same_disk:  # a rename cannot cross file systems: build beside the output
        return site_dir.parent, f".{site_dir.name}-bouw-"
    for leftover in scratch.iterdir():
        shutil.rmtree(leftover, ignore_errors=True)
    return scratch, f"{site_dir.name}-"


def swap_into_place(built: Path, target: Path) -> None:
    """Put ``built`` at ``target``: in one step where the system can swap two folders, else
    with two renames; the old site is removed afterwards."""
    if target.exists() and _exchange(built, target):
        shutil.rmtree(built)  # the old site, now here
        return
    old = built.with_name(f"{built.name}.oud")
    if target.exists():
        target.rename(old)
    try:
        built.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux: renameat2 with RENAME_EXCHANGE); False where the
    system or the file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(b))
