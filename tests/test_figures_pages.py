"""The Kengetallen pages of the internal site (intern/figure_pages.py, kengetallen.html.j2): per
SWV, kern and bestuur, each chart with its text alternative and data table, the source and
peildatum in words, the newest preliminary year marked, the reserves against the
signaleringswaarde; the figures on the SWV's page worked out by hand from the sample's file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from sop_builder.core.text import slugify
from sop_builder.project.load import load_project
from sop_builder.publish.intern import build_intern

from .conftest import SAMPLE, TODAY


class _Tables(HTMLParser):
    """Per table: its caption and the text of every cell, per row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.caption: list[str] | None = None
        self.current: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.current = []
        elif tag == "caption":
            self.caption = []
        elif tag == "tr":
            self.current.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self.caption is not None:
            self.tables[" ".join("".join(self.caption).split())] = self.current
            self.caption = None
        elif tag in ("td", "th") and self.cell is not None:
            self.current[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        for part in (self.caption, self.cell):
            if part is not None:
                part.append(data)


def tables(file: Path) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser.tables


def row(table: list[list[str]], first: str) -> list[str]:
    return next(r for r in table if r and r[0] == first)


def test_every_swv_kern_and_bestuur_has_a_kengetallen_page(sample_build):
    site = sample_build.intern
    project = load_project(SAMPLE, TODAY)
    assert project.config is not None
    kernen = {s.front.kern for s in project.schools}
    boards = {s.front.board for s in project.schools}
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("kengetallen/index.html"))
    assert pages == sorted(
        ["kengetallen/index.html"]
        + [f"kernen/{k}/kengetallen/index.html" for k in kernen]
        + [f"besturen/{slugify(b)}/kengetallen/index.html" for b in boards]
    )
    # every page of the internal site links to the SWV's figures; a group page to its own
    dashboard = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="kengetallen/index.html">Kengetallen</a>' in dashboard
    kern = (site / "kernen/noord/index.html").read_text(encoding="utf-8")
    assert '<a href="kengetallen/index.html">Kengetallen van Kern Duinwijk-Noord</a>' in kern


def test_each_chart_has_a_text_alternative_and_its_data_table(sample_build):
    for page in sample_build.intern.rglob("kengetallen/index.html"):
        html = page.read_text(encoding="utf-8")
        charts = re.findall(
            r'<svg class="chart chart-years" id="([^"]+)" role="img" '
            r'aria-labelledby="\1-t"',
            html,
        )
        assert charts, page
        for chart in charts:
            title = re.search(f'<title id="{chart}-t">([^<]+)</title>', html)
            assert title is not None
            assert title[1].endswith("(de tabel hieronder geeft dezelfde cijfers)")
            after = html[html.index(f'id="{chart}"') :]
            assert after.index("<table>") < after.index("</section>")  # its table follows
        assert "<script" not in html  # readable without JavaScript


def test_the_swvs_figures_are_the_ones_worked_out_by_hand(sample_build):
    page = sample_build.intern / "kengetallen" / "index.html"
    found = tables(page)
    pupils = found["Leerlingen op 1 oktober per soort school, SWV Duinkust"]
    # 2024, the sample's file: bao 328+253+138+297+145+225+388+167+211+371+183+424+381+407+204
    # = 4122; sbo 124 + 117 = 241; so 81; total 4444.
    assert row(pupils, "2024") == ["2024", "4.122", "241", "81", "4.444"]
    assert row(pupils, "2025 (voorlopig)")[0] == "2025 (voorlopig)"  # the newest, preliminary
    shares = found[
        "Deelname aan sbo en so (procent van de leerlingen bao + sbo), SWV Duinkust en landelijk"
    ]
    # sbo: 241 / (4122 + 241) = 241/4363 = 5,52 % ; the country 35500 / (1359200 + 35500) =
    # 2,545 %; so: the 62 pupils the SWV pays for / 4363 = 1,42 %; the country 33100 /
    # 1394700 = 2,373 %.
    assert row(shares, "2024") == ["2024", "5,5%", "2,5%", "1,4%", "2,4%"]
    money = found["Baten, lasten en reserves per boekjaar, met de signaleringswaarde"]
    # 2024: 3,5 % of 11,014,000 = 385,490; the reserves of 105,000 are not above it.
    assert row(money, "2024") == [
        "2024",
        "€ 11.014.000",
        "€ 11.439.000",
        "€ 105.000",
        "€ 385.490",
        "nee",
    ]
    html = page.read_text(encoding="utf-8")
    assert "De cijfers van 2025 zijn nog voorlopig (in de grafieken: *)." in html
    assert "1 oktober 2025 (uitgave 2026-03, voorlopig)" in html  # source and peildatum
    assert "Bron: de eigen registratie van het samenwerkingsverband. Peildatum 31 juli 2021" in (
        html
    )
    assert ">2025*</text>" in html  # the preliminary year marked in the charts


def test_support_per_school_stands_beside_its_basisondersteuning(sample_build):
    found = tables(sample_build.intern / "kengetallen" / "index.html")
    caption = next(c for c in found if c.startswith("Per school de eigen registratie van 2025"))
    per_school = found[caption]
    assert per_school[0][:3] == [
        "School",
        "Basisondersteuning 2025-2026",
        "Arrangementen toegekend",
    ]
    assert len(per_school) == 1 + 18
    meeuw = row(per_school, "Basisschool De Meeuw")
    # the sample's registration 2025 of De Meeuw (98XH00): 13 arrangements, € 40.300
    assert meeuw[2:4] == ["13", "€ 40.300"]
    assert meeuw[4] == "minder dan 5"  # a count under 5 is never a number


def test_a_kern_page_sums_its_own_schools_only(sample_build):
    found = tables(sample_build.intern / "kernen" / "noord" / "kengetallen" / "index.html")
    pupils = found["Leerlingen op 1 oktober per soort school, Kern Duinwijk-Noord"]
    # Noord: De Duinroos 328 + Het Helmgras 253 + De Zeester 138 = 719 bao; SBO De Branding 124.
    assert row(pupils, "2024") == ["2024", "719", "124", "843"]
    # no participation, no money on a kern's page: those are figures of the whole SWV
    assert not [c for c in found if c.startswith("Deelname") or c.startswith("Baten")]


def test_the_public_page_is_off_by_default(sample_build):
    assert not (sample_build.site / "kengetallen").exists()
    assert "kengetallen" not in (sample_build.site / "index.html").read_text(encoding="utf-8")


def test_a_project_without_figures_has_no_kengetallen_pages(other_build):
    assert not list(other_build.intern.rglob("kengetallen"))
    assert "Kengetallen" not in (other_build.intern / "index.html").read_text(encoding="utf-8")


def test_a_project_whose_templates_predate_the_kengetallen_pages_is_built_without_them(
    sample: Path,
):
    (sample / "templates" / "intern" / "kengetallen.html.j2").unlink()
    result = build_intern(sample, today=TODAY, echo=lambda _: None)
    assert result.ok, result.messages
    assert result.messages[-1] == (
        "De pagina's Kengetallen zijn niet gemaakt: templates/intern/kengetallen.html.j2, "
        "templates/intern/_kengetallen_opening.html.j2 of templates/intern/kengetallen.css "
        "ontbreekt. Neem die over uit de templates van sop-builder."
    )
    site = sample / "site-intern"
    assert not list(site.rglob("kengetallen*"))
    assert "Kengetallen" not in (site / "index.html").read_text(encoding="utf-8")


def test_a_gespreksrapport_opens_with_pupils_referrals_and_returns(sample_build):
    school = tables(sample_build.intern / "scholen" / "de-meeuw" / "index.html")
    caption = "Basisschool De Meeuw: leerlingen op 1 oktober en verwijzingen en terugplaatsingen per schooljaar"
    rows = school[caption]
    assert rows[0] == [
        "Schooljaar",
        "Leerlingen op 1 oktober",
        "Leerlingen die naar het sbo gingen",
        "Leerlingen die naar het so gingen",
        "Leerlingen terug naar het reguliere onderwijs",
    ]
    # De Meeuw (98XH00): 388 pupils on 1 October 2024 (school year 2024-2025), and the
    # registration up to 31 July 2025 (the same school year): fewer than 5 in each.
    assert row(rows, "2024-2025") == [
        "2024-2025",
        "388",
        "minder dan 5",
        "minder dan 5",
        "minder dan 5",
    ]
    # 2025-2026: the pupils of 1 October 2025 (preliminary), no registration yet; the five
    # newest school years only (2020-2021, of the registration of 31 July 2021, is left out)
    assert row(rows, "2025-2026") == ["2025-2026", "386 (voorlopig)", "–", "–", "–"]
    assert [r[0] for r in rows[1:]] == [
        "2021-2022",
        "2022-2023",
        "2023-2024",
        "2024-2025",
        "2025-2026",
    ]
    html = (sample_build.intern / "scholen" / "de-meeuw" / "index.html").read_text("utf-8")
    assert html.index("h-leerlingen-verwijzingen") < html.index('id="h-scores"')  # it opens
    kern = tables(sample_build.intern / "kernen" / "helmerdam" / "index.html")
    rows = kern[
        "Kern Helmerdam: leerlingen op 1 oktober en verwijzingen en terugplaatsingen per schooljaar"
    ]
    # Helmerdam 2024: 766 bao + 81 so = 847 (as on its Kengetallen page)
    assert row(rows, "2024-2025")[1] == "847"


def test_the_hgw_questionnaire_sits_beside_the_other_figures(sample_build):
    """The sample's framework 'Handelingsgericht werken' (site_config/kaders/hgw.yaml, the seven
    principles) filled in by 9 schools: per principle how many schools gave each score."""
    found = tables(sample_build.intern / "kengetallen" / "index.html")
    hgw = found[
        "Handelingsgericht werken, 2025-2026: per onderdeel het aantal scholen per score, "
        "SWV Duinkust"
    ]
    assert hgw[0] == ["Onderdeel", "In de praktijk"]
    assert len(hgw) == 1 + 7  # the seven principles
    # HGW1 in the 9 files: '1' twice, '2' four times, '3' twice, '4' once.
    assert hgw[1] == [
        "HGW1 Doelgericht werken: het team formuleert doelen voor de groep en de leerling en "
        "evalueert ze.",
        "Nog niet: 2 · Soms: 4 · Meestal: 2 · Altijd: 1",
    ]
    html = (sample_build.intern / "kengetallen" / "index.html").read_text(encoding="utf-8")
    assert '<svg class="chart chart-years" id="grafiek-kader-hgw" role="img"' in html
    assert "Bron: de beoordelingen die 9 scholen zelf invulden, schooljaar 2025-2026." in html
    # a school that filled it in finds it in its gespreksrapport (as every framework)
    meeuw = tables(sample_build.intern / "scholen" / "de-meeuw" / "index.html")
    assert "Alle scores naast elkaar: Handelingsgericht werken" in meeuw
