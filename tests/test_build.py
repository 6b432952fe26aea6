"""Real builds of the public site: content, atomic publishing, no leaks, no injected code."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sop_builder.core.issues import Issue
from sop_builder.publish.public import build_site

from .conftest import TODAY


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def all_text(folder: Path) -> str:
    """Every file of the site as text, gzip files unpacked."""
    parts = []
    for file in sorted(folder.rglob("*")):
        if not file.is_file():
            continue
        data = file.read_bytes()
        if file.suffix in (".gz", ".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"):
            data = gzip.decompress(data)
        parts.append(data.decode("utf-8", errors="replace"))
    return "\n".join(parts)


def test_sample_builds_with_every_page(sample_build):
    site = sample_build.root / "site"
    for page in (
        "index.html",
        "scholen/index.html",
        "basisondersteuning/index.html",
        "scholen/de-duinroos/index.html",
        "zoeken/index.html",
        "pagefind/pagefind.js",
        "sitemap.xml",
    ):
        assert (site / page).is_file(), page
    page = (site / "scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    assert (
        "Volgens de beoordeling door het samenwerkingsverband van 2025-2026 houdt de school zich "
        "aan 56 van de 65 afspraken die alle scholen samen hebben gemaakt (86%). Het doel voor "
        "2025-2026 is 85%. Dat doel haalt de school." in page
    )
    assert "Laatst bijgewerkt:" in page
    assert 'lang="nl"' in page
    for heading in (
        "Visie",
        "Ambitie",
        "Aanvullende ondersteuning",
        "Grenzen aan de ondersteuning",
        "Ouder- en Jeugdsteunpunt Duinkust",
    ):
        assert heading in page
    overview = (site / "scholen/index.html").read_text(encoding="utf-8")
    # The finder links to a list per need and per gemeente; those list the schools.
    assert overview.count('href="../scholen/behoefte/') == 13
    assert overview.count('href="../scholen/gemeente/') == 3
    agreements = (site / "basisondersteuning/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'class="sop-id">BO-\d\d<', agreements)) == 65


def unused_theme_files(site: Path) -> list[str]:
    """The theme's files that no page uses (its own search and the source maps), as built."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in (site / "assets").rglob("*")
        if p.name.endswith((".js.map", ".css.map")) or p.parent.name in ("lunr", "min", "workers")
    )


def test_the_site_holds_the_themes_scripts_but_not_its_unused_search_and_maps(sample_build):
    site = sample_build.root / "site"
    assert unused_theme_files(site) == []
    scripts = [p.name for p in (site / "assets/javascripts").glob("bundle.*.min.js")]
    styles = [p.name for p in (site / "assets/stylesheets").glob("main.*.min.css")]
    assert len(scripts) == 1
    assert len(styles) == 1
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"assets/javascripts/{scripts[0]}" in home
    assert f"assets/stylesheets/{styles[0]}" in home


def test_search_index_is_dutch_and_local(sample_build):
    site = sample_build.root / "site"
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] >= 18
    search = (site / "zoeken/index.html").read_text(encoding="utf-8")
    assert 'data-pagefind="../pagefind/"' in search
    assert "javascripts/zoeken.js" in search
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home
    assert "fonts.gstatic" not in home


def test_failed_build_leaves_previous_site_untouched(sample: Path):
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    before = snapshot(sample / "site")
    sop = sample / "content/schools/de-meeuw/sop.md"
    sop.write_text(
        sop.read_text(encoding="utf-8").replace("vestigingscode: 98XH00", "vestigingscode: 98XH0"),
        encoding="utf-8",
    )
    (sample / "content/schools/de-duinroos/sop.md").write_text(
        "Visie zonder gegevens\n", encoding="utf-8"
    )
    # (Errors in school folders alone no longer stop the build: tests/test_go_live.py.)
    swv = sample / "site_config/swv.yaml"
    swv.write_text(swv.read_text(encoding="utf-8") + "onbekend: x\n", encoding="utf-8")
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    assert result.messages[-1] == "De site is niet gebouwd; de vorige versie blijft staan."
    assert snapshot(sample / "site") == before
    assert [p.name for p in sample.iterdir() if p.name.startswith(".site")] == []


def test_missing_templates_are_named_and_leave_the_previous_site(sample: Path):
    """The templates are the project's copy of sop-builder's: a missing folder or file is a
    Dutch message (SOP905) naming it, with a tip, never a traceback or a half-written site."""
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    before = snapshot(sample / "site")
    (sample / "templates/pages/poster.md.j2").unlink()
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    [issue] = result.issues
    assert (issue.code, issue.path) == ("SOP905", "templates/pages/poster.md.j2")
    assert issue.message.startswith("Dit sjabloon van sop-builder ontbreekt")
    assert "git checkout -- templates" in issue.hint
    assert snapshot(sample / "site") == before
    shutil.rmtree(sample / "templates")
    run = subprocess.run(
        [sys.executable, "-m", "sop_builder", "build", "--map", str(sample)],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stdout + run.stderr
    out = run.stdout + run.stderr
    assert out.count("Deze map met sjablonen van sop-builder ontbreekt") == 1
    assert out.startswith("templates/\n  1:1     fout         SOP905  Deze map met sjablonen")
    assert "Tip: Zet de map templates/ terug" in out
    run = subprocess.run(
        [sys.executable, "-m", "sop_builder", "build", "--intern", "--map", str(sample)],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stdout.startswith("templates/intern/\n")
    assert "SOP905" in run.stdout
    assert snapshot(sample / "site") == before


def test_build_refusals_come_in_every_format_for_ci(sample: Path):
    """`bouw --formaat github|gitlab|json|parsable` reports the build's own refusals as
    `controleer` reports problems in the content: CI shows them as annotations."""
    (sample / "templates/pages/poster.md.j2").unlink()

    def build(fmt: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "sop_builder", "bouw", "--map", str(sample)]
        return subprocess.run(
            [*command, "--formaat", fmt, "--datum", TODAY.isoformat()],
            capture_output=True,
            text=True,
        )

    github = build("github")
    assert github.returncode == 1
    assert github.stdout.startswith(
        "::error file=templates/pages/poster.md.j2,line=1,col=1,title=SOP905::"
        "Dit sjabloon van sop-builder ontbreekt"
    )
    assert "De site is niet gebouwd" in github.stderr
    assert "De site" not in github.stdout
    [problem] = json.loads(build("json").stdout)["problemen"]
    assert problem["code"] == "SOP905"
    assert problem["bestand"] == "templates/pages/poster.md.j2"
    assert problem["tip"].startswith("Zet de map templates/ terug")
    [quality] = json.loads(build("gitlab").stdout)
    assert quality["check_name"] == "SOP905"
    assert quality["severity"] == "major"
    assert build("parsable").stdout.startswith("templates/pages/poster.md.j2:1:1: fout SOP905 ")


def test_the_pipeline_stops_at_a_refusal_but_runs_the_checks_that_follow_each_other(
    monkeypatch: pytest.MonkeyPatch,
):
    from sop_builder.core.catalogue.build import ORPHAN_PAGE
    from sop_builder.publish import pipeline

    ran: list[str] = []

    def step(name: str, refuses: bool, check: bool = False) -> pipeline.Step:
        def run(_run: pipeline.Run) -> list[Issue]:
            ran.append(name)
            return [ORPHAN_PAGE.at("mkdocs.yml", file=name)] if refuses else []

        return pipeline.Step(name, run, check)

    steps = (
        step("a", False),
        step("engine", False),
        step("check 1", True, check=True),
        step("check 2", True, check=True),
        step("after", False),
    )
    monkeypatch.setattr(pipeline, "STEPS", steps)
    nothing: pipeline.Run = None  # type: ignore[assignment]  (the fake steps do not read it)
    issues = pipeline.build(nothing)
    assert ran == ["a", "engine", "check 1", "check 2"]
    assert len(issues) == 2
    ran.clear()
    assert pipeline.build(nothing, until="engine") == []
    assert ran == ["a"]
    ran.clear()
    assert len(pipeline.build(nothing, after="engine")) == 2
    assert ran == ["check 1", "check 2"]
    monkeypatch.setattr(pipeline, "STEPS", (step("x", True), step("y", False)))
    ran.clear()
    assert len(pipeline.build(nothing)) == 1
    assert ran == ["x"]


def test_internal_text_on_a_page_is_refused_naming_the_file_and_line(sample: Path):
    """SOP901: another school's internal note in a school's own text stops the build; the
    message names the file and line the page is made from, not the staged page."""
    note = next(
        line.split(": ", 1)[1]
        for line in (sample / "content/schools/het-helmgras/sop.md").read_text().splitlines()
        if line.startswith("interne_notitie: ")
    )
    sop = sample / "content/schools/de-meeuw/sop.md"
    text = sop.read_text(encoding="utf-8").replace("## Visie\n", f"## Visie\n\n{note}\n", 1)
    sop.write_text(text, encoding="utf-8")
    line = text.splitlines().index(note) + 1
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    [issue] = result.issues
    assert (issue.code, issue.path, issue.line) == (
        "SOP901",
        "content/schools/de-meeuw/sop.md",
        line,
    )
    assert issue.message.startswith("De pagina /scholen/de-meeuw/ zou interne tekst tonen: ")
    assert "interne_notitie" in issue.hint


def test_a_request_to_another_host_is_refused_naming_the_asset(sample: Path):
    """SOP902: a stylesheet of templates/assets/ that loads from another host."""
    css = sample / "templates/assets/stylesheets/extern.css"
    css.write_text('/* lettertype */\n@import "https://fonts.example.org/x.css";\n')
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    [issue] = result.issues
    assert (issue.code, issue.path, issue.line) == (
        "SOP902",
        "templates/assets/stylesheets/extern.css",
        2,
    )
    assert "fonts.example.org" in issue.message
    assert "templates/assets/" in issue.hint
    # a script of another host in the theme's template: every page names that template
    css.unlink()
    main = sample / "templates/overrides/main.html"
    text = main.read_text(encoding="utf-8")
    script = '<script src="https://cdn.example.org/x.js"></script>\n'
    main.write_text(text.replace("{% block extrahead %}\n", "{% block extrahead %}\n" + script))
    line = main.read_text(encoding="utf-8").splitlines().index(script.strip()) + 1
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    assert len(result.issues) > 50  # every page
    assert {(i.code, i.path, i.line) for i in result.issues} == {
        ("SOP902", "templates/overrides/main.html", line)
    }


def test_a_failed_search_index_is_refused(sample: Path, monkeypatch: pytest.MonkeyPatch):
    """SOP907: the build stops when Pagefind fails, and keeps the previous site."""
    from sop_builder.site import search

    monkeypatch.setattr(search, "_pagefind", lambda *_, **__: "Pagefind: kapot")
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    assert not (sample / "site").exists()
    [issue] = result.issues
    assert (issue.code, issue.path) == ("SOP907", "mkdocs.yml")
    assert "Pagefind: kapot" in issue.message
    assert "installeer sop-builder" in issue.hint


def test_internal_fields_never_reach_the_site(sample: Path):
    markers: list[str] = []

    def marker() -> str:
        markers.append(f"GEHEIMMARKER{len(markers):04d}XQ")
        return markers[-1]

    for folder in sorted((sample / "content/schools").iterdir()):
        sop = folder / "sop.md"
        text = sop.read_text(encoding="utf-8")
        text = re.sub(r"^interne_notitie:.*$\n", "", text, flags=re.MULTILINE)
        text = text.replace("---\n", f"---\ninterne_notitie: {marker()} notitie voor het SWV\n", 1)
        text = text.replace("## Ambitie", f"<!-- {marker()} interne opmerking -->\n## Ambitie")
        sop.write_text(text, encoding="utf-8")
        for assessment in folder.glob("zelfevaluatie-*.yaml"):
            lines = []
            for line in assessment.read_text(encoding="utf-8").splitlines():
                match = re.match(r"^  (BO-\d\d): (\w+)\s*$", line)
                if match:
                    line = (
                        f"  {match[1]}:\n    score: {match[2]}\n"
                        f"    toelichting: {marker()} uitleg van de school"
                    )
                else:
                    line = re.sub(r"(toelichting: ).*", lambda m: m[1] + marker() + " uitleg", line)
                lines.append(line)
            assessment.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(markers) > 18 * 65
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert result.ok, result.messages
    text = all_text(sample / "site")
    assert "houdt de school zich aan" in text
    assert [m for m in markers if m in text] == []


class LiveCode(HTMLParser):
    """Collects what a browser would execute or load from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if (
                name in ("href", "src", "action")
                and value
                and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed", "frame"):
            self.found.append(f"<{tag}>")
        self._in_script = tag == "script"

    def handle_endtag(self, _tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def test_injected_html_and_scripts_are_not_live(sample: Path):
    sop = sample / "content/schools/de-duinroos/sop.md"
    attack = (
        "<script>alert('xss-script')</script>\n\n"
        "[Klik hier](javascript:alert('xss-link')) en [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        "<img src=x onerror=\"alert('xss-onerror')\">\n\n"
        '<a href="https://www.example.nl" onclick="alert(\'xss-onclick\')">link</a>\n\n'
        "<body onload=\"alert('xss-onload')\">\n\n"
        '<iframe src="https://evil.example"></iframe>\n\n'
        "<svg onload=alert('xss-svg')></svg>\n\n"
    )
    text = sop.read_text(encoding="utf-8").replace("## Ambitie\n", "## Ambitie\n\n" + attack, 1)
    sop.write_text(text, encoding="utf-8")
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    page = (sample / "site/scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    parser = LiveCode()
    parser.feed(page)
    assert parser.found == []
    assert not any("xss" in s for s in parser.script_text)
    assert "javascript:" not in page
    assert "data:text" not in page
    # HTML written by a school is shown as the text it is, never run
    assert "<p>&lt;script&gt;alert('xss-script')&lt;/script&gt;</p>" in page
    assert "<p>Klik hier) en data</p>" in page  # the text stays, the link target goes


def test_markup_in_a_school_name_is_refused(sample: Path):
    sop = sample / "content/schools/de-duinroos/sop.md"
    text = sop.read_text(encoding="utf-8")
    sop.write_text(
        text.replace(
            "naam: Basisschool De Duinroos",
            'naam: "De Duinroos</title><script>alert(1)</script>"',
            1,
        ),
        encoding="utf-8",
    )
    output: list[str] = []
    result = build_site(sample, today=TODAY, echo=output.append)
    # The school's page is held back and its error named; the other schools are built.
    assert result.ok
    assert not (sample / "site/scholen/de-duinroos").exists()
    assert "SOP113" in "".join(output)


def test_plain_mkdocs_build_works_through_the_plugin(sample: Path, tmp_path: Path):
    out = tmp_path / "mkdocs-site"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=sample,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (out / "scholen/het-kompas/index.html").is_file()
    # the same pipeline as `bouw`: search, the Content-Security-Policy, the web editor
    page = (out / "scholen/het-kompas/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
    assert (out / "pagefind/pagefind.js").is_file()
    assert (out / "admin/index.html").is_file()
    assert unused_theme_files(out) == []  # the same files as `bouw` writes


def test_the_plugin_runs_the_output_checks(sample: Path, tmp_path: Path):
    """`mkdocs build` through the plugin refuses what `bouw` refuses (here: SOP902)."""
    css = sample / "templates/assets/stylesheets/extern.css"
    css.write_text('@import "https://fonts.example.org/x.css";\n')
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "uit")],
        cwd=sample,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "templates/assets/stylesheets/extern.css" in run.stderr
    assert "SOP902" in run.stderr


def test_same_input_and_source_date_epoch_give_a_byte_identical_site(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    first, second = tmp_path / "eerste", tmp_path / "tweede"
    assert build_site(sample, first, echo=lambda _: None).ok
    assert build_site(sample, second, echo=lambda _: None).ok
    assert snapshot(first) == snapshot(second)
    assert len(snapshot(first)) > 25
