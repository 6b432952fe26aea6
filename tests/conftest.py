"""Shared fixtures: fixture projects under tests/fixtures/, assembled with the tool's templates.

Tests never read the repository's own content/, site_config/ or mkdocs.yml: an SWV that adopts
the tool replaces those with its own data, and the tests must keep passing. The data of a test
project comes from a fixture folder (``tests/fixtures/<name>/``: content/, site_config/,
mkdocs.yml); its templates/ are the tool's own, from the repository. Only the smoke tests
(``-m smoke``, tests/test_smoke.py) look at the SWV that the repository holds.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

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
