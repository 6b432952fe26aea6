"""Yearly goals, evaluations, SWV assessments and the internal build (site-intern/)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.core.sourcefile import read_yaml_file
from sop_builder.project.evaluation.config import load_evaluation_config
from sop_builder.project.load import load_project
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import SAMPLE, TODAY, make_project


class _Rows(HTMLParser):
    """The text of every cell, per row, of the tables with a given class."""

    def __init__(self, table_class: str) -> None:
        super().__init__()
        self.table_class = table_class
        self.depth = 0
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table" and (self.depth or self.table_class in classes):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, table_class: str) -> list[list[str]]:
    parser = _Rows(table_class)
    parser.feed(html)
    return [r for r in parser.rows if r and not r[0].startswith(("Onderdeel",))]


def raw_scores(path: Path) -> dict[tuple[str, str], str]:
    """(item, dimension) -> code, read with the project's strict reader, independently."""
    tree, issues = read_yaml_file(path, path.name)
    assert tree is not None, issues
    found = {}
    for item, value in tree.data["scores"].items():
        if isinstance(value, str):
            found[(item, "score")] = value
        else:
            for key, code in value.items():
                if key != "toelichting":
                    found[(item, key)] = code
    return found


@pytest.fixture(scope="module")
def intern_site(sample_build) -> Path:
    return sample_build.intern


def test_both_sample_years_goals_and_the_frameworks_load():
    project = load_project(SAMPLE, TODAY)
    config, issues = load_evaluation_config(SAMPLE, project.config)
    assert issues == []
    old, new = config.goals["2022-2023"], config.goals["2024-2025"]
    assert [g.id for g in old.goals()] == [
        "1a", "1b", "2a", "2b", "2c", "3a", "3b", "3c", "4a", "4b", "5a", "5b",
    ]  # fmt: skip
    new_ids = [g.id for g in new.goals()]
    assert (new_ids[0], new_ids[-1], len(new_ids)) == ("1.1", "3.4", 11)
    assert len(new.groups) == 3
    assert all(g.questions for g in new.goals() if g.id == "2.4")
    assert [s.code for s in old.status_scale] != [s.code for s in new.status_scale]
    # A later year without its own file keeps the goals of the latest earlier year.
    assert config.goals_for("2025-2026") is new
    assert config.goals_for("2021-2022") is None
    grid = config.frameworks["indicatoren"]
    assert [d for d, _ in grid.dimensions] == ["vastgelegd", "geimplementeerd"]
    assert [lv.code for lv in grid.levels] == ["V", "U", "S", "P"]
    assert not any(lv.confirmed for lv in grid.levels)
    agreements = config.frameworks["basisondersteuning"]
    assert len(agreements.items) == 65
    assert len(agreements.dimensions) == 1


@pytest.mark.parametrize("slug", ["de-duinroos", "so-de-golfslag"])
def test_gespreksrapport_lists_every_difference(intern_site: Path, slug: str):
    html = (intern_site / "scholen" / slug / "index.html").read_text(encoding="utf-8")
    rows = table_rows(html, "differences")
    shown = {(r[0].split(" ")[0], r[-4] if len(r) == 5 else "", r[-3][:1], r[-2][:1]) for r in rows}
    expected = set()
    pairs = [
        (
            SAMPLE / f"content/schools/{slug}/zelfevaluatie-2025-2026.yaml",
            SAMPLE / f"content/swv/{slug}/beoordeling-basisondersteuning-2025-2026.yaml",
        ),
        (
            SAMPLE / f"content/schools/{slug}/beoordeling-indicatoren-2025-2026.yaml",
            SAMPLE / f"content/swv/{slug}/beoordeling-indicatoren-2025-2026.yaml",
        ),
    ]
    labels = {
        "vastgelegd": "Schriftelijk vastgelegd",
        "geimplementeerd": "Effectief geïmplementeerd",
    }
    for own_file, swv_file in pairs:
        if not own_file.exists():
            continue
        own, swv = raw_scores(own_file), raw_scores(swv_file)
        for key in own.keys() & swv.keys():
            if own[key] != swv[key]:
                expected.add((key[0], labels.get(key[1], ""), own[key][:1], swv[key][:1]))
    assert expected, "the sample should have differences to show"
    assert shown == expected
    assert len(rows) == len(expected)
    # The differences come before the full side-by-side table.
    assert html.index('class="differences"') < html.index('class="side-by-side"')


def test_gespreksrapport_shows_last_years_agreements_goals_and_questions(intern_site: Path):
    html = (intern_site / "scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    assert "De school bespreekt de uitkomsten van de veiligheidsmeting" in html  # 2024-2025
    assert "Het kernoverleg gaat nog vooral over losse leerlingen." in html  # 2025-2026
    assert "We willen een stap zetten" in html  # a status label from the 2024-2025 scale
    assert "Met hoeveel OPP&#39;s werken jullie en zijn ze geregistreerd?" in html


def test_dashboard_and_rollups_have_tables_beside_every_chart(intern_site: Path):
    pages = [intern_site / "index.html", *sorted(intern_site.glob("kernen/*/index.html"))]
    pages += sorted(intern_site.glob("besturen/*/index.html"))
    assert len(pages) == 1 + 5 + 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        charts = re.findall(
            r'<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', html
        )
        assert charts, page
        for label in charts:
            assert f'id="{label}"' in html
        assert html.count("<table") >= len(charts)
        assert 'http-equiv="Content-Security-Policy"' in html
        assert "<script" not in html
    dashboard = (intern_site / "index.html").read_text(encoding="utf-8")
    for heading in ("Verdeling", "Afspraken waaraan de minste scholen voldoen", "Per thema"):
        assert heading in dashboard
    assert "2024-2025" in dashboard
    assert "2025-2026" in dashboard  # trend over years
    assert (intern_site / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"


def test_public_build_reads_of_the_swv_folder_only_its_scores_on_the_agreements(sample: Path):
    """The SWV's assessment of the agreements decides the public score (scoring.counted), so
    the public build reads those files, and a broken one stops it; its other frameworks (the
    indicators) are internal and never read by the public build."""
    indicators = sample / "content/swv/so-de-golfslag/beoordeling-indicatoren-2025-2026.yaml"
    indicators.write_text("scores: [\n", encoding="utf-8")
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    checked = load_project(sample, TODAY)
    assert any(i.path.endswith(indicators.name) and i.code == "SOP012" for i in checked.errors)
    assert not build_intern(sample, today=TODAY, echo=lambda _: None).ok
    public = load_project(sample, TODAY, internal=False)
    assert public.errors == []
    assert public.evaluation is not None
    assert "so-de-golfslag" in public.evaluation.swv_scores
    norm = sample / "content/swv/de-duinroos/beoordeling-basisondersteuning-2025-2026.yaml"
    norm.write_text("scores: [\n", encoding="utf-8")
    assert not build_site(sample, today=TODAY, echo=lambda _: None).ok


def test_public_summary_appears_on_the_school_page(sample_build):
    page = (sample_build.root / "site/scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    assert "Wat wij dit jaar met het samenwerkingsverband afspraken" in page
    assert "aan een goed aanbod dicht bij huis" in page
    other = (sample_build.root / "site/scholen/de-kameleon/index.html").read_text(encoding="utf-8")
    assert "Wat wij dit jaar met het samenwerkingsverband afspraken" not in other


def test_cli_builds_the_internal_site(sample: Path):
    result = CliRunner().invoke(
        main, ["build", "--intern", "--map", str(sample), "--datum", TODAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    assert "Interne site gebouwd" in result.output
    assert (sample / "site-intern/scholen/so-de-golfslag/index.html").is_file()


def test_internal_site_is_never_built_inside_the_public_site(sample: Path):
    result = build_intern(sample, sample / "site" / "intern", TODAY, echo=lambda _: None)
    [issue] = result.issues
    # SOP955 (publish/outputs.py): site/ and every other folder the project publishes
    assert not result.ok
    assert issue.code == "SOP955"
    assert "openbare site" in issue.message
    assert issue.path == "site/intern"
    assert "--uit" in issue.hint


# --- the dashboard and the report, correct and usable ---------------------------------------


def _dashboard_row(intern_site: Path, name: str) -> list[str]:
    html = (intern_site / "index.html").read_text(encoding="utf-8")
    return next(r for r in table_rows(html, "compliance") if r[0] == name)


def test_target_is_decided_on_the_swvs_score_where_there_is_one_and_says_so(intern_site: Path):
    # De Meeuw: 59 of 65 by its own count (90%), 55 of 65 (84%) by the SWV's against 85%.
    meeuw = _dashboard_row(intern_site, "Basisschool De Meeuw")
    assert meeuw[3:7] == [
        "59 van 65 (90%)",
        "55 van 65 (84%)",
        "55 van 65 (84%), beoordeling SWV 2025-2026",
        "nee, volgens het SWV",
    ]
    # Without an SWV assessment the school's own score decides.
    boomgaard = _dashboard_row(intern_site, "Basisschool De Boomgaard")
    assert boomgaard[4:7] == [
        "geen",
        "57 van 65 (87%), zelfevaluatie 2025-2026",
        "ja, volgens de school",
    ]
    report = (intern_site / "scholen/de-meeuw/index.html").read_text(encoding="utf-8")
    assert "Gehaald: nee, volgens de beoordeling van het samenwerkingsverband." in report


def test_dashboard_has_columns_for_an_expired_sop_and_an_incomplete_assessment(
    intern_site: Path,
):
    kompas = _dashboard_row(intern_site, "CBS Het Kompas")  # geldig_tot 2025-07-31
    assert kompas[8] == "verlopen op 31 juli 2025"
    polderster = _dashboard_row(intern_site, "OBS De Polderster")  # 7 agreements unscored
    assert polderster[7] == "nee: 7 afspraken zonder score"
    assert _dashboard_row(intern_site, "Basisschool De Meeuw")[7:9] == ["ja", "31 juli 2028"]


def test_counts_have_correct_dutch_plurals(intern_site: Path):
    pages = [p.read_text(encoding="utf-8") for p in intern_site.rglob("*.html")]
    text = " ".join(pages)
    assert not re.search(r"\b1 (scholen|verschillen|afspraken)\b", text)
    assert re.search(r"\b1 school\b", text)  # the distribution chart has a bin of one school


def test_report_compares_with_last_year_and_names_who_filled_it_in(intern_site: Path):
    html = (intern_site / "scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    rows = table_rows(html, "compare")
    own = next(r for r in rows if r[0] == "Zelfevaluatie school")
    assert own[1] != "geen"
    assert own[2] == "60 van 65 (92%)"  # 2024-2025 and 2025-2026
    assert len(rows) == 1 + 2 + 7  # the header, school and SWV, one row per theme
    assert "Vergelijking met 2024-2025" in html
    written = read_yaml_file(
        SAMPLE / "content/schools/de-duinroos/zelfevaluatie-2025-2026.yaml", "x"
    )[0]
    assert written is not None
    assert f"Ingevuld door de school: {written.data['ingevuld_door']}" in html
    assert "onbekend" not in html


def test_report_has_a_clean_title_and_room_for_notes(intern_site: Path):
    html = (intern_site / "scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title
    assert title.group(1) == (
        "Gespreksrapport Basisschool De Duinroos, 2025-2026 · SWV Duinkust (intern)"
    )
    assert "Jaargesprek 2024-2025 (2024-2025)" not in html
    assert "(vastgesteld voor 2024-2025, geldt ook in 2025-2026)" in html
    goals = load_project(SAMPLE, TODAY).evaluation.config.goals_for("2025-2026")
    notes = re.findall(r'<td data-label="Aantekeningen" class="notes"></td>', html)
    assert len(notes) == len(goals.goals())  # one per goal
    assert 'class="print-only notes-lines"' in html
    dashboard = (intern_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]*</title>", dashboard)


def test_group_pages_use_the_grouping_of_the_swv(tmp_path: Path):
    root = make_project(tmp_path, "other-swv")
    assert build_intern(root, root / "site-intern", TODAY, echo=lambda _: None).ok
    site = root / "site-intern"
    assert sorted(p.parent.name for p in site.glob("regios/*/index.html")) == [
        "ommerdal",
        "veenhorst",
    ]
    assert not (site / "kernen").exists()
    page = (site / "regios/ommerdal/index.html").read_text(encoding="utf-8")
    assert "<h1>Regio Ommerdal: gespreksrapport 2026-2027</h1>" in page
