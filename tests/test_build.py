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


def test_sample_builds_with_every_page(sample: Path):
    result = build_site(sample, today=TODAY, echo=lambda s: None)
    assert result.ok, result.messages
    site = sample / "site"
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
        "De school houdt zich aan 60 van de 65 afspraken die alle scholen samen hebben gemaakt "
        "(92%). Het doel voor 2025-2026 is 85%. Dat doel haalt de school." in page
    )
    assert "Laatst bijgewerkt:" in page and 'lang="nl"' in page
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


def test_search_index_is_dutch_and_local(sample: Path):
    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    site = sample / "site"
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] >= 18
    search = (site / "zoeken/index.html").read_text(encoding="utf-8")
    assert 'data-pagefind="../pagefind/"' in search and "javascripts/zoeken.js" in search
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def test_failed_build_leaves_previous_site_untouched(sample: Path):
    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    before = snapshot(sample / "site")
    sop = sample / "content/schools/de-meeuw/sop.md"
    sop.write_text(
        sop.read_text(encoding="utf-8").replace("vestigingscode: 98XH00", "vestigingscode: 98XH0"),
        encoding="utf-8",
    )
    (sample / "content/schools/de-duinroos/sop.md").write_text(
        "Visie zonder gegevens\n", encoding="utf-8"
    )
    result = build_site(sample, today=TODAY, echo=lambda s: None)
    assert not result.ok
    assert result.messages[-1] == "De site is niet gebouwd; de vorige versie blijft staan."
    assert snapshot(sample / "site") == before
    assert [p.name for p in sample.iterdir() if p.name.startswith(".site")] == []


def test_missing_templates_are_named_and_leave_the_previous_site(sample: Path):
    """The templates are the project's copy of sop-builder's: a missing folder or file is a
    Dutch message naming it, with a tip, never a traceback or a half-written site."""
    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    before = snapshot(sample / "site")
    (sample / "templates/pages/poster.md.j2").unlink()
    result = build_site(sample, today=TODAY, echo=lambda s: None)
    assert not result.ok
    assert result.messages[0].startswith("templates/pages/poster.md.j2: dit sjabloon van ")
    assert "git checkout -- templates" in result.messages[0]
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
    assert out.count("deze map met sjablonen van sop-builder ontbreekt") == 1
    assert "templates/: deze map met sjablonen" in out
    run = subprocess.run(
        [sys.executable, "-m", "sop_builder", "build", "--intern", "--map", str(sample)],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stdout + run.stderr
    assert "templates/intern/: deze map met sjablonen" in run.stdout + run.stderr
    assert snapshot(sample / "site") == before


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
    result = build_site(sample, today=TODAY, echo=lambda s: None)
    assert result.ok, result.messages
    text = all_text(sample / "site")
    assert "houdt zich aan" in text
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

    def handle_endtag(self, tag: str) -> None:
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
    assert build_site(sample, today=TODAY, echo=lambda s: None).ok
    page = (sample / "site/scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    parser = LiveCode()
    parser.feed(page)
    assert parser.found == []
    assert not any("xss" in s for s in parser.script_text)
    assert "javascript:" not in page and "data:text" not in page
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
    assert not result.ok
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


def test_same_input_and_source_date_epoch_give_a_byte_identical_site(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    first, second = tmp_path / "eerste", tmp_path / "tweede"
    assert build_site(sample, first, echo=lambda s: None).ok
    assert build_site(sample, second, echo=lambda s: None).ok
    assert snapshot(first) == snapshot(second)
    assert len(snapshot(first)) > 25
