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
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.scoring import format_count, year_compliance
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import OTHER_SWV, PROJECT_PARTS, REPO, SAMPLE, TODAY, make_project

SMOKE_TESTS = 5  # tests/test_smoke.py


def sample_names() -> list[str]:
    """What names the sample SWV (tests/fixtures/sample/): the SWV, its steunpunt and address,
    its schools, their boards and places, its kernen and their municipalities."""
    project = load_project(SAMPLE, TODAY)
    assert project.config is not None
    swv = project.config.swv
    names = {swv.name, swv.short_name, swv.support_point.name}
    names |= {urlparse(u).hostname or "" for u in (swv.website, swv.site_address or "")}
    names |= {k.name for k in swv.kernen} | {k.municipality for k in swv.kernen}
    for school in project.schools:
        names |= {school.front.name, school.front.board, school.front.address.place}
    return sorted(n for n in names if n)


def sample_words(names_only: bool = False) -> re.Pattern[str]:
    """Every distinctive word of the sample: its names (above), its agreement ids, its targets
    and, because another SWV's grouping has another label, the word 'kern'."""
    project = load_project(SAMPLE, TODAY)
    assert project.config is not None
    parts = [re.escape(n) for n in sample_names()]
    ids = {a.id.split("-")[0] for n in project.config.norms.values() for a in n.agreements}
    parts += [rf"{re.escape(prefix)}-\d+" for prefix in sorted(ids)]  # BO-01 ... BO-65
    if not names_only:
        targets = sorted({format_count(t.percentage) for t in project.config.swv.targets})
        # 'doel 85%', 'doel van 80%', 'Doel 2025-2026: 85%' (a school's score may be 85%)
        parts += [rf"doel(?:\s+van|\s+\d{{4}}-\d{{4}}:?)?\s+{t}\s?%" for t in targets]
        label = project.config.swv.grouping
        parts += [re.escape(label.label), re.escape(label.plural)]
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def sample_words_in(roots: list[Path]) -> list[str]:
    """Every sample word a visitor reads in the HTML pages under ``roots`` (text, shown
    attributes and search hints), and every sample name in any text file there."""
    visible, names = sample_words(), sample_words(names_only=True)
    found = set()
    for root in roots:
        for page in sorted(root.rglob("*.html")):
            text = visible_text(page, shown=(*SHOWN, "placeholder"))
            found |= {f"{page.relative_to(root.parent)}: {m[0]}" for m in visible.finditer(text)}
        for file in sorted(root.rglob("*")):
            if file.suffix in (".html", ".xml", ".ics", ".txt", ".yml", ".json", ".js"):
                text = file.read_text(encoding="utf-8", errors="replace")
                found |= {f"{file.relative_to(root.parent)}: {m[0]}" for m in names.finditer(text)}
    return sorted(found)


SHOWN = ("title", "alt", "aria-label", "content")


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
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def built(other_build) -> Path:
    """The other SWV's project with both sites built (once for the session: read only)."""
    return other_build.root


def test_other_swv_passes_check_without_warnings_with_its_own_target():
    result = CliRunner().invoke(
        main, ["check", "--map", str(OTHER_SWV), "--datum", TODAY.isoformat(), "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert "Geen problemen gevonden in 4 scholen." in result.output
    assert "Basisondersteuning 2026-2027 (doel 75%)" in result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert "Veenhorst College 40 van 42 (95%) haalt het doel" in lines
    # Its own 35 of 42 would reach 75%; the SWV's assessment (31 of 42) decides.
    assert (
        "Ommerdal Lyceum 35 van 42 (83%) haalt het doel niet volgens het SWV (31 van 42)" in lines
    )
    assert "Praktijkschool De Sluis 30 van 42 (71%) haalt het doel niet" in lines
    assert "VSO De Turfschuur 37 van 42 (88%) haalt het doel" in lines


def test_other_swv_is_the_secondary_school_swv_the_issue_describes():
    project = load_project(OTHER_SWV, TODAY)
    config = project.config
    assert config is not None
    assert project.errors == []
    norm = config.norm
    assert len(norm.agreements) == 42
    assert len(norm.themes) == 5
    assert [s.code for s in norm.usable_levels()] == ["ja", "nee"]
    assert norm.code_example == "1.1"
    assert norm.agreements[-1].id == "5.8"  # ids like 1.1
    assert config.swv.target_for("2026-2027") == 75
    assert config.swv.grouping.label == "regio"
    assert len(project.schools) == 4
    assert {s.front.type for s in project.schools} == {"vo", "so"}
    assert project.offer.workshops
    assert project.offer.networks
    assert project.offer.stories
    assert project.evaluation is not None
    assert project.evaluation.config.goals_for("2026-2027") is not None
    # Last year's results keep last year's norm (40 agreements).
    college = next(s for s in project.schools if s.slug == "veenhorst-college")
    last = year_compliance(college, config, "2025-2026")
    assert last is not None
    assert last.agreements == 40
    assert last.total.counted == 40


def test_the_sample_words_are_found_where_they_are(tmp_path: Path):
    """The search below can fail: in the sample's own sites it finds every kind of word."""
    root = make_project(tmp_path, "sample")
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    assert build_intern(root, root / "site-intern", TODAY, echo=lambda _: None).ok
    found = " ".join(sample_words_in([root / "site", root / "site-intern"]))
    for word in ("SWV Duinkust", "Helmerdam", "De Meeuw", "BO-01", "kern", "doel 85%", ".ics"):
        assert word.lower() in found.lower(), word


def test_both_sites_of_the_other_swv_show_its_own_words_and_nothing_of_the_sample(built: Path):
    site = built / "site"
    for regio in ("veenhorst", "ommerdal"):  # the grouping's pages are named after its label
        assert (site / "regios" / regio / "index.html").is_file(), regio
        assert (built / "site-intern" / "regios" / regio / "index.html").is_file(), regio
    home = visible_text(site / "index.html")
    assert "SWV Veenhorst" in home
    assert "mentor van uw kind. Komt u er samen niet uit?" in home
    norm = visible_text(site / "basisondersteuning" / "index.html")
    assert all(agreement.id in norm for agreement in load_project(OTHER_SWV).config.norm.agreements)
    over = visible_text(site / "over-passend-onderwijs" / "index.html")
    assert "regelt de extra hulp op school en overlegt daarover" in over
    assert "voortgezet speciaal onderwijs (VSO) of het praktijkonderwijs" in over
    school = visible_text(site / "scholen" / "vso-de-turfschuur" / "index.html")
    assert "Voortgezet speciaal onderwijs (VSO) in Ommerdal" in school
    assert "Vragen? Loket Passend Onderwijs Veenhorst helpt" in school
    pages = sorted([*site.rglob("*.html"), *(built / "site-intern").rglob("*.html")])
    assert len(pages) > 30
    assert sample_words_in([site, built / "site-intern"]) == []


def test_search_hints_name_the_other_swvs_own_places(built: Path):
    project = load_project(OTHER_SWV, TODAY)
    places = {s.front.address.place for s in project.schools}
    for page in ("index.html", "scholen/index.html"):
        hints = visible_text(built / "site" / page, shown=("placeholder",))
        assert "bijvoorbeeld" in hints, page
        assert any(place in hints for place in places), hints
        assert not sample_words().search(hints), f"{page}: {hints}"


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


@pytest.mark.slow
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
    # Its own --basetemp: pytest's default one is shared, and a pytest run there removes the
    # oldest sessions' folders (of earlier runs, hundreds of MB of built sites) before it starts.
    inner = ["-m", "smoke", "-q", "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'inner'}"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *inner],
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
    assert passed, summary
    assert int(passed[1]) >= SMOKE_TESTS, summary
    assert not re.search(r"failed|error|skipped", summary), summary


def test_hints_use_the_other_swvs_own_scale_roles_and_label(other_swv: Path):
    """No 'deels' under a ja/nee scale, no 'Intern begeleider' for secondary schools, no 'kern'
    for an SWV of regio's: in the web editor, the JSON Schema and a new school's files."""
    import json

    from sop_builder.editor.config import config_yaml, decap_config
    from sop_builder.project.schema_export import all_schemas, project_choices

    project = load_project(other_swv, TODAY)
    assert project.config is not None
    editor = config_yaml(decap_config(project.config, other_swv, local_backend="http://x/api"))
    every = all_schemas(project.config, project_choices(other_swv))
    # The schemas of the files schools fill in (swv.yaml's own explains the word 'kernen').
    schemas = json.dumps([every["sop.schema.json"], every["zelfevaluatie.schema.json"]])
    args = ["--naam", "Nieuw Lyceum", "--vestigingscode", "95NL00", "--kern", "veenhorst"]
    created = CliRunner().invoke(
        main,
        ["new-school", "--map", str(other_swv), *args, "--type", "vo", "--datum", "2026-11-23"],
    )
    assert created.exit_code == 0, created.output
    folder = other_swv / "content/schools/nieuw-lyceum"
    files = " ".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
    # What people read: labels and hints, titles and explanations, comments (not the keys).
    shown = {
        "editor": re.findall(r"^\s*-?\s*(?:label|hint): (.*)$", editor, re.M),
        "schema": re.findall(
            r'"(?:title|description|enumDescriptions)": ("[^"]*"|\[[^]]*\])', schemas
        ),
        "new-school": re.findall(r"#.*$", files, re.M),
    }
    for where, text in ((k, " ".join(v)) for k, v in shown.items()):
        assert text, where
        assert "deels" not in text, where
        assert "Intern begeleider" not in text, where
        assert not re.search(r"\b[Kk]ern(en)?\b", text), where
    assert "Licht 'nee' kort toe." in editor
    assert "rol: Zorgcoördinator" in files
    assert '"1.1": ja / nee' in files
