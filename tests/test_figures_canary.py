"""Canaries for the SWV's figures (content/kengetallen.yaml):

- a school with fewer than 5 in every category: no page, chart or table shows its numbers,
  also where it is the only school of its bestuur (the bestuur's sums are its own);
- unique numbers in every set of figures reach the internal site and never the public site
  (every file of it, the search index and the sitemap unpacked): the public build does not read
  the file at all.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sop_builder.core.text import dutch_number, slugify
from sop_builder.project.figures import FIGURES_FILE, REGISTRATION_KEYS
from sop_builder.project.load import load_project
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site
from sop_builder.sheets.scores import export_scores

from .conftest import TODAY
from .test_figures_pages import tables
from .test_intern_canary import site_text

SMALL_SCHOOL, SMALL_FOLDER = "98XC00", "de-zeester"
ALONE = "Stichting Kleine Zeester"  # the small school's bestuur: no other school in it
FRAMEWORK_NAMES = {"Handelingsgericht werken", "Indicatoren passend onderwijs"}

NUMBER = r"\d{1,3}(?:\.\d{3})*"
PERCENT = r"\d+,\d%"
# What a cell of a Kengetallen table may say: nothing under 5 as a number.
ALLOWED = re.compile(
    "|".join(
        [
            "–",
            "ja",
            "nee",
            "geen",
            r"\d+%",  # a basisondersteuning result
            "minder dan 5",
            rf"minder dan (?P<below>{NUMBER})",
            rf"(?P<n>{NUMBER})",
            rf"ten minste (?P<least>{NUMBER})",
            rf"hooguit (?P<most>{NUMBER})",
            rf"tussen (?P<low>{NUMBER}) en (?P<high>{NUMBER})",
            rf"-?€ {NUMBER}",  # (the no-break space is a space after split())
            rf"(?:hooguit |ten minste )?{PERCENT}",
            rf"tussen {PERCENT} en {PERCENT}",
            r"niet getoond: minder dan 100 leerlingen",
        ]
    )
)


def small_numbers(cell: str) -> bool:
    """Whether a table cell shows a count under 5 (or is not one of the allowed forms)."""
    match = ALLOWED.fullmatch(cell.removesuffix(" (voorlopig)"))
    if match is None:
        return True
    numbers = [v for v in match.groupdict().values() if v is not None]
    return any(int(v.replace(".", "")) < 5 for v in numbers)


class _Cells(HTMLParser):
    """The data cells (td) of every table, and every text of every SVG."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.svg_texts: list[str] = []
        self.cell: list[str] | None = None
        self.in_svg_text = False

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td":
            self.cell = []
        self.in_svg_text = tag in ("text", "title")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self.cell is not None:
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        self.in_svg_text = False

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        if self.in_svg_text and data.strip():
            self.svg_texts.append(data.strip())


def cells(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


def test_the_guard_finds_a_count_under_five():
    """The check below fails on a planted small number, in every form it could take."""
    for shown in (
        "3",
        "0",
        "ten minste 4",
        "tussen 2 en 6",
        "hooguit 4",
        "4 leerlingen",
        "3 (voorlopig)",
    ):
        assert small_numbers(shown), shown
    for fine in ("minder dan 5", "5", "1.234", "tussen 19 en 23", "hooguit 8", "2,5%", "–"):
        assert not small_numbers(fine), fine
    planted = cells("<table><tr><td>12</td><td>3</td></tr></table>")
    assert [c for c in planted.cells if small_numbers(c)] == ["3"]


def _small_school(root: Path) -> None:
    """De Zeester: fewer than 5 in every category of the registration, and of its pupils (a
    '<5' of DUO), and the only school of its bestuur."""
    file = root / FIGURES_FILE
    text = file.read_text(encoding="utf-8")
    lines = text.splitlines()
    out, inside, kind = [], False, ""
    for line in lines:
        if line.startswith("    bron: "):
            kind = line.split(": ", 1)[1]
        if line.startswith("      ") and not line.startswith("        "):
            inside = line.strip() == f'"{SMALL_SCHOOL}":'
            out.append(line)
            if inside and kind == "registratie":
                out += [f'        {key}: "3"' for key in REGISTRATION_KEYS[:-1]]
                out.append('        kosten_arrangementen: "2500"')
            elif inside and kind == "duo-leerlingen":
                out.append('        bao: "<5"')
            continue
        if inside and line.startswith("        "):
            continue  # its old values
        out.append(line)
    file.write_text("\n".join(out) + "\n", encoding="utf-8")
    sop = root / "content" / "schools" / SMALL_FOLDER / "sop.md"
    sop.write_text(
        re.sub(r"(?m)^bestuur: .*$", f"bestuur: {ALONE}", sop.read_text(encoding="utf-8")),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    from .conftest import make_project

    root = make_project(tmp_path_factory.mktemp("small"))
    _small_school(root)
    intern = build_intern(root, today=TODAY, echo=lambda _: None)
    assert intern.ok, intern.messages
    public = build_site(root, today=TODAY, echo=lambda _: None)
    assert public.ok, public.messages
    return root


def test_a_school_with_fewer_than_five_shows_no_number_anywhere(small_build: Path):
    site = small_build / "site-intern"
    pages = sorted(site.rglob("kengetallen/index.html"))
    alone = site / "besturen" / slugify(ALONE) / "kengetallen" / "index.html"
    assert alone in pages
    for page in pages:
        found = cells(page.read_text(encoding="utf-8"))
        for caption, rows in tables(page).items():
            if caption.split(", ")[0] in FRAMEWORK_NAMES:
                continue  # how many schools gave each score: schools, not pupils
            data = [cell for r in rows[1:] for cell in r[1:]]
            assert [c for c in data if small_numbers(c)] == [], (page, caption)
        # the charts write years, a scale and titles, never a count
        assert [t for t in found.svg_texts if re.fullmatch(r"[0-4]", t)] == [], page
    # every gespreksrapport and group page opens with the figures: none under 5 there either
    opening = "leerlingen op 1 oktober en verwijzingen en terugplaatsingen per schooljaar"
    openings = 0
    for page in site.rglob("index.html"):
        for caption, rows in tables(page).items():
            if caption.endswith(opening):
                openings += 1
                data = [cell for r in rows[1:] for cell in r[1:]]
                assert [c for c in data if small_numbers(c)] == [], (page, caption)
    assert openings == 18 + 5 + 5  # 18 schools, 5 kernen, 5 besturen (one of them its own)
    html = alone.read_text(encoding="utf-8")
    found = cells(html)
    assert "minder dan 5" in found.cells  # the bestuur's sums are its one school's: masked
    assert "€ 2.500" in found.cells  # an amount is no count: it is shown
    # no bar is drawn for a count under 5 (its height would give it away)
    registration = html[html.index('id="grafiek-kg-registratie"') :]
    assert "<rect" not in registration[: registration.index("</svg>")]
    # the pupils of 2024 over its kinds: DUO's '<5', never a number
    assert "Leerlingen op 1 oktober" in html


def _planted_only_inside(root: Path, planted: list[int]) -> tuple[str, list[tuple[str, str]]]:
    """Build both sites and the export of scores (the one export of the project); assert no
    planted number (as written or with dots) is anywhere in the public site or the export; the
    internal site's text and the numbers' forms, to show the canary lives."""
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    assert build_intern(root, today=TODAY, echo=lambda _: None).ok
    export_scores(load_project(root, TODAY), "csv", root / "export.csv")
    public = site_text(root / "site") + (root / "export.csv").read_text(encoding="utf-8-sig")
    forms = [(str(n), dutch_number(n)) for n in planted]
    assert [f for f in forms if f[0] in public or f[1] in public] == []
    return site_text(root / "site-intern"), forms


def test_no_figure_of_the_registration_reaches_the_public_site(sample: Path):
    """Unique numbers in every set (registration per school and for the SWV, DUO's files per
    school, for the SWV and for the country) reach the internal site and never the public."""
    counter = itertools.count(7_310_011, 1_001)
    file = sample / FIGURES_FILE
    planted: list[int] = []

    def unique(match: re.Match[str]) -> str:
        planted.append(next(counter))
        return f'{match.group(1)}"{planted[-1]}"'

    text = re.sub(
        r'(?m)^(\s+(?:kosten_arrangementen|arrangementen|bao|sbo|so|vso|baten|lasten|reserves): )"\d+"$',
        unique,
        file.read_text(encoding="utf-8"),
    )
    file.write_text(text, encoding="utf-8")
    assert len(planted) > 100
    intern, forms = _planted_only_inside(sample, planted)
    assert list((sample / "site").rglob("*.pf_*"))  # the search index was read too
    # the canary is alive: the numbers of the newest years do reach the internal site
    assert sum(1 for raw, dotted in forms if dotted in intern or raw in intern) > 50


def test_with_the_public_page_switched_on_only_duos_sums_reach_the_public_site(sample: Path):
    """site_config/bouwen.yaml `kengetallen_openbaar: ja`: the page /kengetallen/ shows sums
    over the whole SWV of DUO's open data; unique numbers planted in the registration (per
    school and for the SWV) still reach the internal site only."""
    settings = sample / "site_config" / "bouwen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "kengetallen_openbaar: ja\n")
    counter = itertools.count(6_120_017, 1_003)
    planted: list[int] = []
    lines = []
    kind = ""
    for line in (sample / FIGURES_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("    bron: "):
            kind = line.split(": ", 1)[1]
        if kind == "registratie" and re.fullmatch(
            r'\s+(kosten_arrangementen|arrangementen): "\d+"', line
        ):
            planted.append(next(counter))
            line = re.sub(r'"\d+"', f'"{planted[-1]}"', line)
        lines.append(line)
        if line == "    bron: registratie":
            planted.append(next(counter))
            lines += ["    swv:", f'      thuiszitters: "{planted[-1]}"']
    (sample / FIGURES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(planted) > 50
    intern, forms = _planted_only_inside(sample, planted)
    assert [f for f in forms if f[1] in intern or f"€\xa0{f[1]}" in intern]  # alive
    page = (sample / "site" / "kengetallen" / "index.html").read_text(encoding="utf-8")
    # the SWV's sums of DUO's open data, 2024: 4122 + 241 + 81 = 4444 pupils; sbo 241/4363.
    assert "<td>4.444</td><td>5,5%</td><td>2,5%</td><td>1,4%</td><td>2,4%</td>" in page
    # no school: no name, no vestigingscode
    assert "98X" not in page
    assert "De Meeuw" not in page
