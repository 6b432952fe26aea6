"""Pupil numbers from the national open-data CSV; a count under 5 is never a number anywhere."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.load import load_project
from sop_builder.project.pupils import PUPILS_FILE, load_pupils, parse_count
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site
from sop_builder.sheets.pupils import import_pupils

from .conftest import TODAY
from .test_intern_canary import site_text

# The open-data layout: semicolon separated, old institution/location columns (BRIN_NUMMER,
# VESTIGINGSNUMMER), one count column per year, one of them with its older name.
OPEN_DATA = """\
BRIN_NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;PLAATSNAAM;AANTAL_LEERLINGEN_2020;LEERLINGEN_2021;LEERLINGEN_2022;LEERLINGEN_2023;LEERLINGEN_2024;LEERLINGEN_2025
98XA;00;BASISSCHOOL DE DUINROOS;DUINWIJK;301;310;322;330;341;352
98XC;00;KINDCENTRUM DE ZEESTER;DUINWIJK;8;6;<5;<5;7;<5
98XB;00;OBS HET HELMGRAS;DUINWIJK;120;118;115;;111;109
98XD;00;SBO DE BRANDING;DUINWIJK;61;60;58;57;55;54
99ZZ;00;EEN SCHOOL ELDERS;ERGENS;<5;12;13;14;15;16
"""


def write_open_data(folder: Path, text: str = OPEN_DATA) -> Path:
    file = folder / "leerlingen-po-vestiging.csv"
    file.write_text(text, encoding="utf-8")
    return file


def pupil_cells(html: str) -> list[str]:
    """The pupil-count cells of every pupils table (second column), as text."""
    cells = []
    for table in re.findall(r'<table class="sop-pupils-table">.*?</table>', html, re.S):
        for row in re.findall(r"<tr><th scope=\"row\">.*?</th><td>(.*?)</td>", table, re.S):
            cells.append(row)
    return cells


def assert_no_small_number(cells: list[str]) -> None:
    for cell in cells:
        numbers = [int(n.replace(".", "")) for n in re.findall(r"\d[\d.]*", cell)]
        assert all(n >= 5 for n in numbers), cell


def test_parse_count_masks_everything_under_five():
    assert parse_count("<5") == (True, None)
    assert parse_count(" < 5 ") == (True, None)
    assert parse_count("3") == (True, None)  # never published, even if a file gives it
    assert parse_count("5") == (True, 5)
    assert parse_count("12,5") == (False, None)


def test_import_keeps_masked_counts_and_only_the_swvs_schools(sample: Path):
    result = import_pupils(sample, write_open_data(sample.parent))
    assert result.ok, result.issues
    text = (sample / PUPILS_FILE).read_text(encoding="utf-8")
    assert '"98XC00":\n    "2020": "8"\n    "2021": "6"\n    "2022": "<5"' in text
    assert "99ZZ00" not in text  # not a school of this SWV
    assert '"98XB00":\n    "2020": "120"\n    "2021": "118"\n    "2022": "115"\n    "2024"' in text
    data, issues = load_pupils(sample)
    assert issues == []
    assert data is not None
    assert data.counts["98XC00"][2022].masked
    assert data.counts["98XA00"][2020].value == 301
    assert data.window == [2021, 2022, 2023, 2024, 2025]
    assert "Geen aantallen gevonden voor" in result.messages[1]
    # one location of the file (99ZZ00) is not the SWV's: said in the singular
    assert "(de andere vestiging in het bestand hoort niet bij het" in result.messages[0]


def test_masked_counts_are_never_published_as_a_number(sample: Path):
    assert import_pupils(sample, write_open_data(sample.parent)).ok
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    assert build_intern(sample, today=TODAY, echo=lambda _: None).ok
    site = sample / "site"
    zeester = (site / "scholen/de-zeester/index.html").read_text(encoding="utf-8")
    assert "Op 1 oktober 2025 had de school minder dan 5 leerlingen." in zeester
    assert pupil_cells(zeester) == ["6", "minder dan 5", "minder dan 5", "7", "minder dan 5"]
    duinroos = (site / "scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    assert "Van 2021 tot 2025 is het aantal leerlingen gestegen van 310 naar 352." in duinroos
    helmgras = (site / "scholen/het-helmgras/index.html").read_text(encoding="utf-8")
    assert pupil_cells(helmgras) == ["118", "115", "geen gegevens", "111", "109"]
    # The kern total leaves masked schools out and says so: 352 + 109 + 54 (+ De Zeester).
    kern = (site / "kernen/noord/index.html").read_text(encoding="utf-8")
    assert pupil_cells(kern)[-1] == "ten minste 515"
    assert pupil_cells(kern)[0] == "494"  # 2021: every school published (310 + 118 + 60 + 6)
    dashboard = (sample / "site-intern/index.html").read_text(encoding="utf-8")
    assert "ten minste 515" in dashboard
    for page in [*site.rglob("*.html"), *(sample / "site-intern").rglob("*.html")]:
        html = page.read_text(encoding="utf-8")
        visible = re.sub(r"<script.*?</script>", "", html, flags=re.S)
        assert "&lt;5" not in visible, page
        assert "<5" not in visible, page
        assert_no_small_number(pupil_cells(html))
    # The search index never gets the raw masked value either.
    assert "&lt;5" not in site_text(site / "pagefind")


def test_a_drifted_column_name_fails_clearly_and_changes_nothing(sample: Path):
    (sample / PUPILS_FILE).write_text('bron: "oud"\nvestigingen: {}\n', encoding="utf-8")
    drifted = OPEN_DATA.replace("LEERLINGEN_2024", "LLN_2024").replace("BRIN_NUMMER", "INSTELLING")
    result = CliRunner().invoke(
        main,
        ["import-leerlingen", "--map", str(sample), str(write_open_data(sample.parent, drifted))],
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "1:9" in result.output
    assert "SOP760" in result.output
    assert "De kolomnaam 'LLN_2024' is onbekend" in result.output
    assert "Bedoelt u 'LEERLINGEN_2024'?" in result.output
    assert "SOP761" in result.output
    assert "Er is geen kolom met de vestigingscode" in result.output
    assert (sample / PUPILS_FILE).read_text(encoding="utf-8") == 'bron: "oud"\nvestigingen: {}\n'


def test_bad_rows_name_row_and_column(sample: Path):
    before = (sample / PUPILS_FILE).read_bytes()  # the sample's own pupil numbers
    lines = OPEN_DATA.splitlines()
    lines[2] = lines[2].replace(";6;", ";6,5;")  # row 3: not a count
    lines.append("9XA;00;KAPOT;ERGENS;1;2;3;4;5;6")  # row 7: bad code
    lines.append(lines[1])  # row 8: De Duinroos again
    lines.append("98XA;00;ZELFDE;DUINWIJK;1;1;1;1;1;1;;;")
    result = import_pupils(sample, write_open_data(sample.parent, "\n".join(lines) + "\n"))
    assert not result.ok
    assert [(i.code, i.line, i.column) for i in result.issues] == [
        ("SOP762", 3, 6),
        ("SOP763", 7, 2),
        ("SOP764", 8, 2),
        ("SOP764", 9, 2),
    ]
    assert result.issues[0].message == (
        "Rij 3: het aantal leerlingen van 98XC00 in 2021 is '6,5'; dat is geen aantal."
    )
    assert (sample / PUPILS_FILE).read_bytes() == before  # nothing was written


def test_duplicate_year_columns_are_refused(sample: Path):
    text = OPEN_DATA.replace("LEERLINGEN_2021", "AANTAL_LEERLINGEN_2020")
    result = import_pupils(sample, write_open_data(sample.parent, text))
    assert [i.code for i in result.issues] == ["SOP760"]
    assert "Het jaar 2020 staat in twee kolommen" in result.issues[0].message


def test_the_samples_pupil_numbers_come_from_its_open_data_file(tmp_path: Path):
    """content/leerlingen.yaml of the sample is what import-leerlingen writes from the small
    DUO-style file in tests/fixtures/duo/ (counts under 5 of a location outside the SWV stay out)."""
    from .conftest import FIXTURES, make_project

    root = make_project(tmp_path, templates=False)
    written = root / "content/leerlingen.yaml"
    expected = written.read_text(encoding="utf-8")
    written.unlink()
    source = FIXTURES / "duo" / "leerlingen-po-vestiging.csv"
    run = CliRunner().invoke(main, ["import-leerlingen", "--map", str(root), str(source)])
    assert run.exit_code == 0, run.output
    assert written.read_text(encoding="utf-8") == expected
    project = load_project(root, TODAY)
    assert project.pupils is not None
    assert not project.errors
    assert (
        len([s for s in project.schools if s.front.vestigingscode in project.pupils.counts]) == 18
    )


# --- DUO's file per location × kind of school × cluster, one column per age -----------------

FIXTURES_DUO = Path(__file__).parent / "fixtures" / "duo"
UTF8_FILE = FIXTURES_DUO / "01-leerlingen-po-soort-po-cluster-leeftijd.csv"  # 1 October 2024
WINDOWS_FILE = FIXTURES_DUO / "01-leerlingen-po-soort-po-cluster-leeftijd-2023-windows.csv"


def test_duos_per_age_file_is_summed_per_location_kind_and_peildatum():
    from datetime import date

    from sop_builder.core.tables import read_table
    from sop_builder.sheets.duo_pupils import PupilSum, read_duo_pupils

    table, issues = read_table(UTF8_FILE, UTF8_FILE.name, windows=True)
    assert table is not None
    assert not issues
    found = read_duo_pupils(table, UTF8_FILE.name)
    assert found is not None
    day = date(2024, 10, 1)
    # Worked out by hand from the rows of the file:
    # De Duinroos, bao: 40 + 38 + 41 + 39 + 42 + 37 + 40 + 36 = 313, and age 12 '<5'.
    assert found.counts[("98XA00", "bao", day)] == PupilSum(313, 1)
    # De Golfslag, so: cluster 3 (5 + 6 + 7 + 8 + 9 = 35, two '<5') and cluster 4 (6 + 5 = 11,
    # one '<5') together; its vso pupils (12 + 14 + 10 = 36, one '<5') apart.
    assert found.counts[("98XL00", "so", day)] == PupilSum(46, 3)
    assert found.counts[("98XL00", "vso", day)] == PupilSum(36, 1)
    # De Branding, sbo: 18 + 20 + 22 + 25 + 21 + 19 = 125, all published.
    assert found.counts[("98XD00", "sbo", day)] == PupilSum(125, 0)
    # De Zeester: two cells of '<5' and nothing else: fewer than 10, never a made-up number.
    assert found.counts[("98XC00", "bao", day)] == PupilSum(0, 2)
    assert found.counts[("98XA00", "bao", day)].text() == "313+"
    assert found.counts[("98XC00", "bao", day)].text() == "<10"
    assert found.counts[("98XD00", "sbo", day)].text() == "125"
    # Het Helmgras has a cell that is no count: its sum would be wrong, so it is left out.
    assert ("98XB00", "bao", day) in found.incomplete
    assert ("98XB00", "bao", day) not in found.counts
    assert [(i.code, i.line, i.message) for i in found.issues] == [
        (
            "SOP783",
            8,
            "Regel 8: 'abc' bij leeftijd_5 is geen aantal (98XB00); deze regel telt niet mee.",
        ),
        ("SOP783", 10, "Regel 10: '9XZZ00' is geen vestigingscode; deze regel telt niet mee."),
    ]
    # Windows-1252, DUO's capitals with spaces, another way of writing the peildatum.
    table, issues = read_table(WINDOWS_FILE, WINDOWS_FILE.name, windows=True)
    assert table is not None
    assert not issues
    found = read_duo_pupils(table, WINDOWS_FILE.name)
    assert found is not None
    day = date(2023, 10, 1)
    assert found.counts == {
        ("98XA00", "bao", day): PupilSum(110, 0),
        ("98XD00", "sbo", day): PupilSum(0, 1),
    }
    assert [(i.line, i.message) for i in found.issues] == [
        (4, "Regel 4: '31-02-2023' is geen peildatum; deze regel telt niet mee.")
    ]


def test_import_leerlingen_reads_duos_per_age_file_and_keeps_fewer_than_five(sample: Path):
    result = import_pupils(sample, UTF8_FILE)
    assert result.ok, result.issues
    assert [i.code for i in result.issues] == ["SOP783", "SOP783"]  # named, not fatal
    text = (sample / PUPILS_FILE).read_text(encoding="utf-8")
    assert '  "98XA00":\n' in text
    assert '    "2024":\n      bao: "313+"\n' in text
    assert '    "2024":\n      so: "46+"\n      vso: "36+"\n' in text
    assert '    "2024":\n      bao: "<10"\n' in text
    # The other years of the sample's file stay; Het Helmgras keeps its earlier 2024 count.
    assert '"2025": "343"' in text
    assert '"2021": "277"' in text
    assert "98XB00" in text
    assert '"2024": "253"' in text
    assert "Niet geschreven, omdat een regel niet te gebruiken was" in result.messages[-1]
    assert "het-helmgras (2024)" in result.messages[-1]
    data, issues = load_pupils(sample)
    assert data is not None
    assert not issues
    duinroos = data.counts["98XA00"][2024]
    assert (duinroos.value, duinroos.at_least, duinroos.label) == (313, True, "ten minste 313")
    zeester = data.counts["98XC00"][2024]
    assert (zeester.value, zeester.label) == (None, "minder dan 10")
    # The so school's page counts its so pupils; the location has vso pupils too.
    from sop_builder.project.pupils import school_pupils

    golfslag = school_pupils(data, "98XL00", "so")
    assert golfslag is not None
    assert dict(golfslag.rows)[2024].label == "ten minste 46"
    assert school_pupils(data, "98XL00").rows[-2][1].label == "ten minste 82"  # 46 + 36
    # A second file, in Windows-1252, adds its year.
    assert import_pupils(sample, WINDOWS_FILE).ok
    text = (sample / PUPILS_FILE).read_text(encoding="utf-8")
    assert '    "2023":\n      bao: "110"\n' in text
    assert '    "2023":\n      sbo: "<5"\n' in text
    assert '    "2024":\n      bao: "313+"\n' in text  # the year of the first file stays


def test_an_approximate_count_is_shown_as_at_least_on_the_page(sample: Path):
    assert import_pupils(sample, UTF8_FILE).ok
    assert build_site(sample, today=TODAY, echo=lambda _: None).ok
    site = sample / "site"
    duinroos = (site / "scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    assert "ten minste 313" in pupil_cells(duinroos)
    assert "&quot;Ten minste&quot;: van sommige leeftijden" in duinroos or (
        '"Ten minste": van sommige leeftijden' in duinroos
    )
    golfslag = (site / "scholen/so-de-golfslag/index.html").read_text(encoding="utf-8")
    assert "ten minste 46" in pupil_cells(golfslag)
    assert "ten minste 82" not in golfslag
    zeester = (site / "scholen/de-zeester/index.html").read_text(encoding="utf-8")
    assert "minder dan 10" in pupil_cells(zeester)
    for page in site.rglob("*.html"):
        assert_no_small_number(pupil_cells(page.read_text(encoding="utf-8")))
