"""Builds leave nothing behind, run one at a time, and never publish internal pages (issue 21,
finding 4 and the read-only project of finding 9).

- A killed build (public or internal) leaves nothing outside .sop-builder/, and the next
  build empties its scratch space there (and what older versions left beside the output).
- Two builds at once never crash: the second waits, and says so.
- The internal build refuses every folder that the project publishes.
- `bekijk` refuses a second `bekijk` in the same project; a build waits for its rebuild.
- On a read-only project a build with --uit elsewhere publishes and warns, never crashes.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.core.lock import BUILD_LOCK, SERVE_LOCK, project_lock
from sop_builder.publish.atomic import SCRATCH, build_atomically
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import REPO, TODAY, make_project
from .faults import Faults, tree

EPOCH = {"SOURCE_DATE_EPOCH": "1764000000"}


def _build(root: Path, *args: str) -> subprocess.Popen[bytes]:
    run = [sys.executable, "-m", "sop_builder", "bouw", "--map", str(root)]
    quiet = subprocess.DEVNULL
    env = {**os.environ, **EPOCH}
    return subprocess.Popen(
        [*run, *args, "--datum", TODAY.isoformat()], stdout=quiet, env=env, start_new_session=True
    )


def _wait_for_its_children(process: subprocess.Popen[bytes]) -> None:
    """The engine and Pagefind of a killed build go on until they are done (kill -9 stops only
    the build itself); wait for them: their session has the build's process id."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError("the killed build's children did not end")


@pytest.mark.parametrize(
    ("kind", "kills"), [(["--intern"], 2), ([], 1)], ids=["intern", "openbaar"]
)
def test_a_killed_build_leaves_nothing_outside_sop_builder(
    kind: list[str], kills: int, tmp_path: Path
):
    root = make_project(tmp_path, "other-swv")
    for leftover in (".site-intern-bouw-x1y2", ".site-bouw-x1y2", ".site.old"):  # older versions
        (root / leftover).mkdir()
        (root / leftover / "index.html").write_text("interne tekst", encoding="utf-8")
    began = time.monotonic()
    assert _build(root, *kind).wait(timeout=300) == 0
    duration = time.monotonic() - began
    before = tree(root)
    assert not any(name.startswith(".site") for name in os.listdir(root))  # removed
    rng = random.Random(21)
    scratch = root / SCRATCH
    interrupted = 0
    for _ in range(kills):
        earlier = set(scratch.iterdir())  # what an earlier killed build left
        process = _build(root, *kind)
        deadline = time.monotonic() + duration * 3
        while not set(scratch.iterdir()) - earlier:  # until this build's folder is there
            assert time.monotonic() < deadline
            assert process.poll() is None
            time.sleep(0.02)
        time.sleep(rng.uniform(0, duration / 4))
        process.kill()
        process.wait(timeout=60)
        _wait_for_its_children(process)
        interrupted += any(scratch.iterdir())  # the build did not get to clean up
        assert tree(root) == before  # outside .sop-builder/ nothing changed (the site is whole)
    assert interrupted  # at least one kill came in the middle of a build
    assert _build(root, *kind).wait(timeout=300) == 0
    assert list(scratch.iterdir()) == []  # the next build removed what the killed ones left


def _race(root: Path, number: int, start: Any, results: Any) -> None:
    """One of two builds in processes of their own that start at the same moment."""
    said: list[str] = []

    def make(built: Path) -> list[str]:
        built.mkdir()
        for page in ("index", *(f"pagina-{n}" for n in range(200))):
            (built / f"{page}.html").write_text(f"{number}", encoding="utf-8")
        return []

    try:
        start.wait(timeout=60)
        results.put((build_atomically(root / "site", make, root, said.append), said, ""))
    except BaseException as exc:
        results.put(([], said, repr(exc)))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="two processes forked at one moment")
def test_two_builds_at_once_never_crash_the_second_waits(tmp_path: Path):
    """On main 26 of 300 such races crashed (FileNotFoundError in the swap); this test's
    races crashed 9 of 20 times with the swap of then."""
    root = tmp_path / "project"
    root.mkdir()
    context = multiprocessing.get_context("fork")
    waited = 0
    for _ in range(20):
        start, results = context.Barrier(2), context.Queue()
        both = [context.Process(target=_race, args=(root, n, start, results)) for n in (1, 2)]
        for process in both:
            process.start()
        outcomes = [results.get(timeout=120) for _ in both]
        for process in both:
            process.join(timeout=60)
        assert [(errors, crash) for errors, _, crash in outcomes] == [([], "")] * 2
        said = [line for _, lines, _ in outcomes for line in lines]
        assert all(line.startswith("Er wordt al gebouwd in deze map (") for line in said)
        waited += bool(said)
        pages = {p.read_text(encoding="utf-8") for p in (root / "site").iterdir()}
        assert len(pages) == 1
        assert len(list((root / "site").iterdir())) == 201  # index.html and 200 pages
    assert sorted(os.listdir(root)) == [".sop-builder", "site"]
    assert waited  # at least one build found the other one at work and waited


def test_a_build_waits_for_a_rebuild_of_bekijk_and_a_second_bekijk_is_refused(tmp_path: Path):
    root = make_project(tmp_path, "other-swv")
    held, release = threading.Event(), threading.Event()

    def rebuild_of_bekijk() -> None:
        with project_lock(root, BUILD_LOCK, note_holder=True):
            held.set()
            release.wait(timeout=60)

    thread = threading.Thread(target=rebuild_of_bekijk)
    thread.start()
    held.wait(timeout=60)
    said: list[str] = []

    def make(built: Path) -> list[str]:
        built.mkdir()
        return []

    threading.Timer(0.3, release.set).start()
    assert build_atomically(root / "site", make, root, said.append) == []
    thread.join(timeout=60)
    assert said == [
        f"Er wordt al gebouwd in deze map (proces {os.getpid()}); deze opdracht wacht tot dat klaar is.\n"
    ]

    with project_lock(root, SERVE_LOCK, note_holder=True):
        second = CliRunner().invoke(main, ["bekijk", "--map", str(root), "--adres", "127.0.0.1:0"])
    assert second.exit_code == 1
    assert f"'sop-builder bekijk' draait al in deze map (proces {os.getpid()})." in second.output
    assert "SOP956" in second.output
    assert "Traceback" not in second.output


def test_the_internal_site_is_never_built_into_a_folder_the_project_publishes(tmp_path: Path):
    root = make_project(tmp_path, "other-swv")
    gitlab = (REPO / ".gitlab-ci.yml").read_text(encoding="utf-8")
    extra = (
        "\nverslag:\n  script: !reference [pages, script]\n  artifacts:\n    paths: [verslag/]\n"
    )
    (root / ".gitlab-ci.yml").write_text(gitlab + extra, encoding="utf-8")
    (root / ".github/workflows").mkdir(parents=True)
    shutil.copyfile(REPO / ".github/workflows/sop-builder.yml", root / ".github/workflows/a.yml")
    (root / ".github/workflows/b.yml").write_text(
        "jobs:\n  pages:\n    steps:\n      - run: sop-builder bouw --uit 'met spatie'\n"
        "      - uses: peaceiris/actions-gh-pages@v4\n        with:\n"
        "          publish_dir: ./uitvoer\n"
        "      - uses: actions/upload-artifact@v4\n        with:\n"
        "          path: |\n            rapport\n            !rapport/geheim\n",
        encoding="utf-8",
    )
    (root / "public").mkdir()
    (root / "public/index.html").write_text("openbaar", encoding="utf-8")
    for folder, why in [
        ("public", "die map publiceert GitLab Pages"),
        ("site", "daar komt de openbare site"),
        ("site/intern", "daar komt de openbare site"),
        ("voorbeeld", ".gitlab-ci.yml bouwt daar de openbare site"),
        ("verslag", ".gitlab-ci.yml zet die map in een artifact dat te downloaden is"),
        ("rapport", ".github/workflows/b.yml publiceert die map (actions/upload-artifact)"),
        ("met spatie", ".github/workflows/b.yml bouwt daar de openbare site"),
        ("uitvoer", ".github/workflows/b.yml publiceert die map (peaceiris/actions-gh-pages)"),
        (".", "daar komt de openbare site"),  # the project's folder holds site/
    ]:
        out = str(root / folder)
        run = CliRunner().invoke(main, ["bouw", "--intern", "--map", str(root), "--uit", out])
        assert run.exit_code == 1, (folder, run.output)
        shown = "./" if folder == "." else f"{folder}/"
        assert f"De interne site mag niet in {shown}: {why}" in run.output
        assert "Er is niets gebouwd." in run.output
        assert "Traceback" not in run.output
    assert (root / "public/index.html").read_text(encoding="utf-8") == "openbaar"
    assert not (root / "voorbeeld").exists()
    assert not (root / "uitvoer").exists()
    result = build_intern(root, root / "intern-kopie", TODAY, echo=lambda _: None)
    assert result.ok, result.messages  # any other folder is fine


def test_a_full_disk_while_building_leaves_the_previous_site_and_says_so(tmp_path: Path):
    root = make_project(tmp_path, "other-swv")
    assert build_intern(root, None, TODAY, echo=lambda _: None).ok
    before = tree(root / "site-intern")
    with Faults(root, 40, errno.ENOSPC).active() as faults:
        result = build_intern(root, None, TODAY, echo=lambda _: None)
    assert not result.ok
    assert faults.failed[0].split()[1].startswith(".sop-builder/bouwen/")
    [issue] = result.issues
    assert issue.code == "SOP954"
    assert issue.path.startswith(".sop-builder/bouwen/")
    assert issue.message.startswith(
        "De site kon niet worden gebouwd, omdat de schijf vol is (.sop-builder/bouwen/"
    )
    assert issue.message.endswith("De vorige site blijft staan.")
    assert issue.hint == "Maak ruimte vrij op de schijf en probeer het opnieuw."
    assert tree(root / "site-intern") == before
    assert list((root / SCRATCH).iterdir()) == []


def test_the_refusals_around_the_pipeline_come_in_the_formats_for_ci(tmp_path: Path):
    """SOP955 and SOP954 are the build's own refusals like those of the pipeline (SOP9xx):
    `bouw --formaat` reports them as `controleer` reports problems, so CI annotates them."""
    root = make_project(tmp_path, "other-swv")
    command = ["bouw", "--intern", "--map", str(root), "--datum", TODAY.isoformat()]
    aimed = CliRunner().invoke(
        main, [*command, "--uit", str(root / "site/intern"), "--formaat", "github"]
    )
    assert aimed.exit_code == 1
    assert "Traceback" not in aimed.output
    assert aimed.stdout.startswith(
        "::error file=site/intern,line=1,col=1,title=SOP955::De interne site mag niet in "
        "site/intern/: daar komt de openbare site"
    )
    assert not (root / "site").exists()
    with Faults(root, 40, errno.ENOSPC).active():
        full = CliRunner().invoke(main, [*command, "--formaat", "json"])
    assert full.exit_code == 1
    assert "Traceback" not in full.output
    [problem] = json.loads(full.stdout)["problemen"]
    assert problem["code"] == "SOP954"
    assert problem["bestand"].startswith(".sop-builder/bouwen/")
    assert problem["tip"] == "Maak ruimte vrij op de schijf en probeer het opnieuw."
    assert "De interne site is niet gebouwd." in full.stderr


def test_a_build_of_a_read_only_project_publishes_elsewhere_and_warns(tmp_path: Path):
    """Finding 9: the site was published, and then the command crashed writing
    .sop-builder/gepubliceerde-scholen.txt. Everything inside the project fails with EROFS."""
    root = make_project(tmp_path, "other-swv")
    elsewhere = tmp_path / "elders"
    with Faults(root, 0, errno.EROFS, persistent=True).active() as faults:
        public = build_site(root, elsewhere / "site", TODAY, echo=lambda _: None)
        intern = build_intern(root, elsewhere / "intern", TODAY, echo=lambda _: None)
    assert public.ok, public.messages + intern.messages
    assert intern.ok, public.messages + intern.messages
    assert (elsewhere / "site/scholen/veenhorst-college/index.html").is_file()
    assert (elsewhere / "intern/index.html").is_file()
    [warning] = public.issues
    assert warning.code == "SOP957"
    assert not warning.is_error
    assert warning.message.startswith(
        "De site is gebouwd, maar de lijst van gepubliceerde scholen "
        "(.sop-builder/gepubliceerde-scholen.txt) kon niet worden bijgewerkt, omdat de map "
        "alleen gelezen kan worden."
    )
    assert faults.failed  # the project was really read-only for the builds
    assert sorted(os.listdir(elsewhere)) == ["intern", "site"]  # no scratch left beside them


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but the tool's own (.sop-builder/: caches, locks)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and ".sop-builder" not in p.relative_to(folder).parts
    }


def test_a_build_never_replaces_the_project_or_a_folder_that_is_not_a_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """`bouw --uit content` replaced every school's SOP by the built site (the swap replaces the
    whole output folder). Now a build refuses the project itself, its own folders and a folder
    with files but no site (SOP958), in every format, and takes nothing away; a new folder, an
    empty one and an earlier site are built into as before."""
    root = make_project(tmp_path / "p", "other-swv")
    monkeypatch.chdir(root)  # --uit is read from where one types the command
    before = _tree(root)
    mine = tmp_path / "notities"
    mine.mkdir()
    (mine / "brief.txt").write_text("Mijn eigen brief.", encoding="utf-8")
    for target, shown in (
        ("content", "content"),
        ("content/schools", "content/schools"),
        ("site_config", "site_config"),
        ("templates", "templates"),
        (".", str(root)),
        ("..", str(root.parent)),
        (str(mine), str(mine)),
    ):
        for intern in ((), ("--intern",)):
            run = CliRunner().invoke(
                main,
                ["bouw", *intern, "--map", str(root), "--uit", target, "--datum", "2026-11-23"],
            )
            assert run.exit_code == 1, (target, intern, run.output)
            assert "Traceback" not in run.output
            if intern and "SOP955" in run.output:  # a folder that is published: refused first
                continue
            assert f"SOP958  De site kan niet in {shown}: " in run.output, (target, run.output)
    assert _tree(root) == before
    assert (mine / "brief.txt").read_text(encoding="utf-8") == "Mijn eigen brief."
    github = CliRunner().invoke(
        main, ["bouw", "--map", str(root), "--uit", "content", "--formaat", "github"]
    )
    assert github.stdout.startswith("::error file=content,line=1,col=1,title=SOP958::")
    refused = build_intern(root, root / "templates", TODAY, echo=lambda _: None)
    assert [i.code for i in refused.issues] == ["SOP958"]
    assert _tree(root) == before
    # A new folder, an empty one and an earlier site are fine.
    (tmp_path / "leeg").mkdir()
    for target in (tmp_path / "nieuw", tmp_path / "leeg", tmp_path / "nieuw"):
        assert build_site(root, target, TODAY, echo=lambda _: None).ok, target
        assert (target / "index.html").is_file()
