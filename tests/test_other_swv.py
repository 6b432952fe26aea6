"""A second, different SWV (tests/fixtures/other-swv/): valid, built without a trace of the
sample, and the smoke set passes in a copy of this repository that holds it as its own data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.build.intern import build_intern
from sop_builder.build.public import build_site
from sop_builder.cli.main import main

from .conftest import OTHER_SWV, PROJECT_PARTS, REPO, TODAY, make_project

# Words that belong to the sample SWV (tests/fixtures/sample/), never to another one.
SAMPLE_WORDS = re.compile(r"\b(Duinkust|duinkust|Duinwijk|Helmerdam|[Kk]ern(en)?|BO-\d+)\b")
SMOKE_TESTS = 5  # tests/test_smoke.py


class VisibleText(HTMLParser):
    """What a visitor reads: text outside script and style, and the attributes that are shown
    (search hints, ``placeholder``, apart: see the last test of the built sites)."""

    def __init__(self, shown: tuple[str, ...] = ("title", "alt", "aria-label", "content")) -> None:
        super().__init__()
        self.shown = shown
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        self.parts += [value for key, value in attrs if key in self.shown and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: Path, **kwargs) -> str:
    parser = VisibleText(**kwargs)
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The other SWV's project with both sites built."""
    root = make_project(tmp_path_factory.mktemp("other-swv"), "other-swv")
    assert build_site(root, today=TODAY, echo=lambda s: None).ok
    assert build_intern(root, root / "site-intern", TODAY, echo=lambda s: None).ok
    return root


def test_other_swv_passes_check_without_warnings_with_its_own_target():
    result = CliRunner().invoke(
        main, ["check", "--map", str(OTHER_SWV), "--datum", TODAY.isoformat(), "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert "Geen problemen gevonden in 3 scholen." in result.output
    assert "Basisondersteuning 2026-2027 (doel 75%)" in result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert "Veenhorst College 6 van 6 (100%) haalt het doel" in lines
    assert "Ommerdal Lyceum 5 van 6 (83%) haalt het doel" in lines
    assert "Praktijkschool De Sluis 4 van 6 (66%) haalt het doel niet" in lines


def test_both_sites_of_the_other_swv_show_its_own_words_and_nothing_of_the_sample(built: Path):
    site = built / "site"
    for regio in ("veenhorst", "ommerdal"):  # the grouping's pages are named after its label
        assert (site / "regios" / regio / "index.html").is_file(), regio
    home = visible_text(site / "index.html")
    assert "SWV Veenhorst" in home
    norm = visible_text(site / "basisondersteuning" / "index.html")
    assert all(f"VO-0{n}" in norm for n in range(1, 7))
    pages = sorted([*site.rglob("*.html"), *(built / "site-intern").rglob("*.html")])
    assert len(pages) > 15
    found = {
        f"{page.relative_to(built)}: {match[0]}"
        for page in pages
        for match in SAMPLE_WORDS.finditer(visible_text(page))
    }
    assert sorted(found) == []


def test_search_hints_name_the_other_swvs_own_places(built: Path):
    for page in ("index.html", "scholen/index.html"):
        hints = visible_text(built / "site" / page, shown=("placeholder",))
        assert "bijvoorbeeld" in hints, page
        assert not SAMPLE_WORDS.search(hints), f"{page}: {hints}"


def repository_files() -> list[str]:
    """The files of this checkout that Git knows or would add (tracked, or new and not ignored)."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("this checkout is not a Git repository")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return [name for name in listed.stdout.split("\0") if name and (REPO / name).is_file()]


def test_smoke_set_passes_in_a_copy_of_this_repository_holding_the_other_swv(tmp_path: Path):
    """What an SWV that adopts the tool does: replace the sample's data with its own."""
    copy = tmp_path / "repository"
    for name in repository_files():
        if name.split("/", 1)[0] in PROJECT_PARTS:
            continue  # the sample's data: replaced below
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / name, copy / name)
    for part in PROJECT_PARTS:
        if (OTHER_SWV / part).is_dir():
            shutil.copytree(OTHER_SWV / part, copy / part)
        else:
            shutil.copyfile(OTHER_SWV / part, copy / part)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "smoke", "-q", "-p", "no:cacheprovider"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    summary = output.strip().splitlines()[-1]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed[1]) >= SMOKE_TESTS, summary
    assert not re.search(r"failed|error|skipped", summary), summary
