"""Shared fixtures: fixture projects under tests/fixtures/, assembled with the tool's templates.

Tests never read the repository's own content/, site_config/ or mkdocs.yml: an SWV that adopts
the tool replaces those with its own data, and the tests must keep passing. The data of a test
project comes from a fixture folder (``tests/fixtures/<name>/``: content/, site_config/,
mkdocs.yml); its templates/ are the tool's own, from the repository. Only the smoke tests
(``-m smoke``, tests/test_smoke.py) look at the SWV that the repository holds.
"""

from __future__ import annotations

import functools
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent  # the tool: templates/, docs/, workflows, ...
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "sample"  # a frozen copy of the sample SWV (SWV Duinkust, 18 schools)
SAMPLE_V1 = FIXTURES / "sample-v1"  # the sample in file format 1: the input of migration tests
OTHER_SWV = FIXTURES / "other-swv"  # a small, different SWV (its own names, 'regio', ja/nee)
PROJECT_PARTS = ("content", "site_config", "mkdocs.yml")  # what a fixture holds
TODAY = date(2026, 11, 23)


def make_project(
    parent: Path, fixture: str = "sample", name: str = "project", templates: bool = True
) -> Path:
    """A writable project ``parent/name``: a copy of ``tests/fixtures/<fixture>/`` plus (with
    ``templates``) the repository's templates/; returns its root."""
    source = FIXTURES / fixture
    if not (source / "site_config").is_dir():
        raise FileNotFoundError(f"no fixture project in {source}")
    target = Path(parent) / name
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        elif (source / part).is_file():
            shutil.copyfile(source / part, target / part)
    if templates:
        shutil.copytree(REPO / "templates", target / "templates")
    return target


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A writable copy of the sample project (config, content, templates, mkdocs.yml)."""
    return make_project(tmp_path)


@pytest.fixture
def other_swv(tmp_path: Path) -> Path:
    """A writable copy of the other SWV's project (config, content, templates, mkdocs.yml)."""
    return make_project(tmp_path, "other-swv")


def add_new_school(root: Path, name: str = "De Vlieger", code: str = "12AB00") -> Path:
    """Run `sop-builder nieuwe-school` in ``root``; return the new school's sop.md."""
    from click.testing import CliRunner

    from sop_builder.cli.main import main

    args = ["--naam", name, "--vestigingscode", code, "--kern", "noord", "--type", "bao"]
    created = CliRunner().invoke(
        main, ["new-school", "--map", str(root), *args, "--datum", TODAY.isoformat()]
    )
    assert created.exit_code == 0, created.output
    folder = created.output.split("De map ", 1)[1].split(" is klaar", 1)[0]
    return root / folder / "sop.md"


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (tests/browser.py has the helpers)."""
    from .browser import CHROMIUM_ARGS, chromium_or_skip

    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# --- built sites shared by read-only tests ------------------------------------------------------
# A whole-site build takes seconds; tests that only read a built site share one build of each
# fixture project per test session (per worker under pytest-xdist). A test that changes the
# project or the site builds its own (the `sample` fixture and build_site). Each shared site is
# fingerprinted when built and again at the end of the session: a test that wrote into it makes
# the session fail at teardown, naming the files it changed.


def _fingerprint(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class SharedBuild:
    """A fixture project built once: ``root`` (the project), ``site`` and ``intern``."""

    def __init__(self, root: Path, site: Path, intern: Path) -> None:
        self.root, self.site, self.intern = root, site, intern
        self._before = _fingerprint(root)

    def changed(self) -> list[str]:
        after = _fingerprint(self.root)
        return sorted(
            k for k in self._before.keys() | after.keys() if self._before.get(k) != after.get(k)
        )


def _shared_build(factory: pytest.TempPathFactory, fixture: str) -> SharedBuild:
    from sop_builder.publish.intern import build_intern
    from sop_builder.publish.public import build_site

    root = make_project(factory.mktemp(f"shared-{fixture}"), fixture)
    public = build_site(root, today=TODAY, echo=lambda _: None)
    assert public.ok, public.messages
    intern = build_intern(root, root / "site-intern", TODAY, echo=lambda _: None)
    assert intern.ok, intern.messages
    return SharedBuild(root, root / "site", root / "site-intern")


def _read_only(build: SharedBuild) -> None:
    changed = build.changed()
    assert not changed, f"a test changed the shared build of {build.root.name}: {changed[:10]}"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory):
    """The sample project with its public and internal sites, built once: read only."""
    build = _shared_build(tmp_path_factory, "sample")
    yield build
    _read_only(build)


@pytest.fixture(scope="session")
def other_build(tmp_path_factory: pytest.TempPathFactory):
    """The other SWV's project with both sites, built once: read only."""
    build = _shared_build(tmp_path_factory, "other-swv")
    yield build
    _read_only(build)


@pytest.fixture(scope="session")
def checked_case(tmp_path_factory: pytest.TempPathFactory):
    """``checked_case(name)``: the project of a case folder (tests/casefolders.py
    `case_project`) and what `check` finds in it, loaded once for the tests of that case in
    test_cases, test_check_build_agree and test_schema_export: read only. Under `make test`
    these tests of one case run together on one worker (`CASE_TESTS`), so the case is read
    once, not three times; the last few are kept."""
    from sop_builder.project.load import load_project

    from .casefolders import case_project

    @functools.lru_cache(maxsize=4)
    def check(case: str) -> tuple[Path, Any]:
        root = case_project(case, tmp_path_factory.mktemp(f"case-{case}"))
        return root, load_project(root, TODAY)

    return check


# --- markers ------------------------------------------------------------------------------------


def pytest_itemcollected(item: pytest.Item) -> None:
    """Every test that drives Chromium is marked `browser`, whether its module says so or it
    uses the `browser` fixture (`pytest -m "not browser"` is the run without a browser)."""
    if "browser" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.browser)


# Under pytest-xdist (`make test`) the tests of one module run on one worker, so its
# module-scoped builds are made once; the tests of these modules (many independent tests, each
# building or checking a project of its own) are spread over every worker instead.
SPREAD = frozenset(
    f"tests/{name}.py"
    for name in (
        "test_build",
        "test_cases",
        "test_check_build_agree",
        "test_hostile_text",
        "test_schema_export",
    )
)


# The tests parametrized by a case folder's name: the tests of one case are one scope, since
# they share the case's `checked_case`.
CASE_TESTS = {
    "tests/test_cases.py::test_case_gives_exactly_the_expected_messages",
    "tests/test_check_build_agree.py::test_check_and_build_agree",
    "tests/test_schema_export.py::test_schema_rejects_what_check_rejects_for_type_and_allowed_values",
}


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """pytest-xdist's scheduling by scope, with a module as the scope of its tests, except the
    modules of `SPREAD`, where each test is a scope of its own (or, in `CASE_TESTS`, the
    tests of one case folder together). (Its `loadgroup` does not work with pytest 9: it
    renames tests through an attribute pytest no longer reads.)"""
    from xdist.scheduler import LoadScopeScheduling

    class ByModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            test, _, case = nodeid.partition("[")
            if test in CASE_TESTS:
                return f"case[{case}"
            return nodeid if module in SPREAD else module

    return ByModule(config, log)
