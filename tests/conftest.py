"""Shared fixtures: the repository root, a scratch copy of the sample project."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A writable copy of the sample project (config, content, templates, mkdocs.yml)."""
    target = tmp_path / "project"
    target.mkdir()
    for name in ("site_config", "content", "templates"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name)
    if (ROOT / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def add_new_school(root: Path, name: str = "De Vlieger", code: str = "12AB00") -> Path:
    """Run `sop-builder new-school` in ``root``; return the new school's sop.md."""
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
