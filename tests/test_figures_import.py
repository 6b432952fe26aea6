"""import-kengetallen and kengetallen-sjabloon (sheets/figures.py, sheets/figure_files.py) on
files in DUO's layouts (tests/fixtures/duo/kengetallen/: both encodings, a '<5' cell, a school
that moved SWV, a preliminary year later replaced by the definitive one) and on the template.
Every expected number is worked out by hand from the fixture in the comment beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from sop_builder.project.figure_rules import participation, signal_value, total
from sop_builder.project.figures import (
    DUO_ACCOUNTS,
    DUO_PUPILS,
    DUO_SPECIAL,
    FIGURES_FILE,
    REGISTRATION,
    load_figures,
)
from sop_builder.project.pupils import PUPILS_FILE, load_pupils
from sop_builder.project.schools.read import school_codes
from sop_builder.sheets.figures import FiguresRequest, import_figures, write_template

FILES = Path(__file__).parent / "fixtures" / "duo" / "kengetallen"
PUPILS_2023_2024 = FILES / "01-leerlingen-po-soort-po-cluster-leeftijd-2023-2024.csv"
PUPILS_2022_WINDOWS = FILES / "01-leerlingen-po-2022-windows.csv"
PUPILS_2024_FINAL = FILES / "01-leerlingen-po-soort-po-cluster-leeftijd-2024-definitief.csv"
SPECIAL = FILES / "leerlingen-so-vso-per-samenwerkingsverband.csv"
ACCOUNTS = FILES / "jaarrekeninggegevens.csv"


@pytest.fixture
def fresh(sample: Path) -> Path:
    """The sample without figures yet (its content/kengetallen.yaml removed)."""
    (sample / FIGURES_FILE).unlink()
    return sample


def _figures(root: Path):
    data, issues = load_figures(root, set(school_codes(root)))
    assert issues == []
    assert data is not None
    return data


def test_duos_pupil_files_in_both_encodings_give_the_schools_and_the_country(fresh: Path):
    assert PUPILS_2022_WINDOWS.read_bytes().count(b"\xe9\xe9n")  # 'één' in Windows-1252
    result = import_figures(
        fresh, FiguresRequest([PUPILS_2023_2024, PUPILS_2022_WINDOWS], "voorlopig", "2025-03")
    )
    assert result.ok, result.issues
    assert result.issues == []
    pupils = _figures(fresh).of(DUO_PUPILS)
    assert sorted(pupils) == [2022, 2023, 2024]
    y2022, y2023, y2024 = pupils[2022], pupils[2023], pupils[2024]
    assert (y2024.file, y2024.release, y2024.status) == (
        PUPILS_2023_2024.name,
        "2025-03",
        "voorlopig",
    )
    # De Duinroos: 2024 = 60 + 5 * 50 = 310; 2022 (Windows file) = 40 + 5 * 50 = 290.
    assert y2024.schools["98XA00"]["bao"].value == 310
    assert y2022.schools["98XA00"]["bao"].value == 290
    # Het Helmgras moved: PO 27-98 in 2023 (not ours), PO 27-99 in 2024 (40+40+4*30 = 200).
    assert "98XB00" not in y2023.schools
    assert y2024.schools["98XB00"]["bao"].value == 200
    # ... and in 2022 the file names no SWV: today's schools count (20 + 5 * 30 = 170).
    assert y2022.schools["98XB00"]["bao"].value == 170
    # '<5' cells: SO De Golfslag 2024 = 10 + 10 + '<5': at least 20, never 20 + a guess.
    golfslag = y2024.schools["98XL00"]["so"]
    assert (golfslag.value, golfslag.at_least) == (20, True)
    assert y2022.schools["98XD00"]["sbo"].label == "ten minste 50"
    # The country: every row of the file, also of other SWVs. 2024 bao = 310 + 200 + 520.
    assert y2024.national["bao"].value == 1030
    assert y2024.national["sbo"].value == 100  # 60 + 40
    # 2023 bao: 300 + 180 (Het Helmgras, then elsewhere) + 500 = 980
    assert y2023.national["bao"].value == 980
    # Participation in sbo, 2024: 60 / (310 + 200 + 60) = 60/570 = 10,526...% -> 10,5 %.
    bao = total(2024, [c["bao"] for c in y2024.schools.values() if "bao" in c])
    sbo = total(2024, [c["sbo"] for c in y2024.schools.values() if "sbo" in c])
    assert (bao.value, sbo.value) == (510, 60)
    assert participation(sbo, bao, sbo).text() == "10,5%"
    # The country, 2024: 100 / (1030 + 100) = 8,849...% -> 8,8 %.
    national = y2024.national
    assert participation(national["sbo"], national["bao"], national["sbo"]).text() == "8,8%"
    # The same reader fed content/leerlingen.yaml (per kind of school), as import-leerlingen.
    kept, issues = load_pupils(fresh)
    assert issues == []
    assert kept is not None
    assert kept.kinds["98XA00"][2024]["bao"].value == 310
    assert kept.kinds["98XL00"][2024]["so"].label == "ten minste 20"


def test_a_preliminary_year_is_replaced_by_the_definitive_one_and_never_the_reverse(fresh):
    assert import_figures(fresh, FiguresRequest([PUPILS_2023_2024], "voorlopig")).ok
    final = import_figures(fresh, FiguresRequest([PUPILS_2024_FINAL], "definitief", "2025-09"))
    assert final.ok, final.issues
    assert "duo-leerlingen 2024: de voorlopige uitgave is vervangen door de definitieve." in (
        final.messages
    )
    pupils = _figures(fresh).of(DUO_PUPILS)
    assert pupils[2024].status == "definitief"
    assert pupils[2024].schools["98XA00"]["bao"].value == 312  # 61 + 51 + 4 * 50
    assert pupils[2023].status == "voorlopig"  # the other year stays as it was
    again = import_figures(fresh, FiguresRequest([PUPILS_2023_2024], "voorlopig"))
    assert again.ok
    kept = (
        "duo-leerlingen 2024: de definitieve uitgave blijft staan; een voorlopige vervangt "
        "haar niet."
    )
    assert kept in again.messages
    assert _figures(fresh).of(DUO_PUPILS)[2024].schools["98XA00"]["bao"].value == 312


def test_so_per_swv_and_the_annual_accounts(fresh: Path):
    refused = import_figures(fresh, FiguresRequest([SPECIAL, ACCOUNTS], "definitief"))
    assert not refused.ok
    assert [i.code for i in refused.issues if i.is_error] == ["SOP738"]  # no board number
    assert not (fresh / FIGURES_FILE).exists()  # nothing written
    result = import_figures(
        fresh, FiguresRequest([SPECIAL, ACCOUNTS, PUPILS_2023_2024], "definitief", None, "41999")
    )
    assert result.ok, result.issues
    # Rows that cannot be used are named with file and line (and the rest is read).
    assert [(i.path, i.line, i.code) for i in result.issues] == [
        (SPECIAL.name, 6, "SOP737"),  # 'veel' is no count
        (ACCOUNTS.name, 4, "SOP737"),  # 'twintig' is no year
    ]
    data = _figures(fresh)
    special = data.of(DUO_SPECIAL)[2024]
    assert special.swv["so"].value == 12
    assert special.swv["vso"].masked  # '<5' stays masked
    assert special.national["so"].value == 42  # 12 + 30 (the row 'veel' is left out)
    # Participation in so, 2024: the 12 so pupils the SWV pays for / (510 bao + 60 sbo):
    # 12/570 = 2,105...% -> 2,1 %.
    pupils = data.of(DUO_PUPILS)[2024]
    bao = total(2024, [c["bao"] for c in pupils.schools.values() if "bao" in c])
    sbo = total(2024, [c["sbo"] for c in pupils.schools.values() if "sbo" in c])
    assert participation(special.swv["so"], bao, sbo).text() == "2,1%"
    accounts = data.of(DUO_ACCOUNTS)
    assert sorted(accounts) == [2023, 2024]
    # '12.500.000' (dots between thousands) and '12800000,00' (a decimal comma).
    assert accounts[2023].swv["baten"].value == 12_500_000
    assert accounts[2024].swv["baten"].value == 12_800_000
    assert accounts[2024].swv["lasten"].value == 12_900_001  # 12900000,50 rounded
    # Reserves 2024: 900,000 against 3.5 % of 12,800,000 = 448,000: above it.
    assert signal_value(accounts[2024].swv["baten"].value or 0) == 448_000


def test_the_registration_template_round_trip(fresh: Path, tmp_path: Path):
    template = tmp_path / "registratie.csv"
    written = write_template(fresh, template, None)
    assert written.ok
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("vestigingscode;school;peildatum;tlv_sbo;")
    assert lines[1].startswith("Uitleg: ")
    assert len(lines) == 2 + 18
    rows = {line.split(";")[0]: line.split(";") for line in lines[2:]}
    width = len(lines[0].split(";"))

    def filled(code: str, day: str, **values: str) -> str:
        cells = rows[code][:3] + [""] * (width - 3)
        cells[2] = day
        header = lines[0].split(";")
        for key, value in values.items():
            cells[header.index(key)] = value
        return ";".join(cells)

    template.write_text(
        "\n".join(
            [
                lines[0],
                lines[1],
                filled("98XA00", "2025-07-31", tlv_sbo="3", thuiszitters="0", arrangementen="12"),
                filled(
                    "98XB00", "31-7-2025", verwijzingen_sbo="6", kosten_arrangementen="€ 12.500"
                ),
                filled("98XC00", "2025-07-31", arrangementen="veel"),  # no count
                filled("98XA00", "2025-07-31", tlv_sbo="4"),  # the same school and day again
                "12AB00;Elders;2025-07-31;5;;;;;;;;;",  # not a school of the SWV
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = import_figures(fresh, FiguresRequest([template]))
    assert result.ok, result.issues
    assert [(i.line, i.code) for i in result.issues] == [
        (5, "SOP737"),
        (6, "SOP737"),
        (7, "SOP737"),
    ]
    assert [i.code for i in result.issues] == ["SOP737"] * 3
    assert "'veel' bij arrangementen is geen aantal" in result.issues[0].message
    assert "staat al op regel 3" in result.issues[1].message
    registration = _figures(fresh).of(REGISTRATION)[2025]
    assert registration.status == ""  # the SWV's own registration: no DUO status
    duinroos = registration.schools["98XA00"]
    assert duinroos["tlv_sbo"].masked  # 3 is written as '<5'
    assert duinroos["thuiszitters"].masked  # so is 0
    assert duinroos["arrangementen"].value == 12
    assert registration.schools["98XB00"]["kosten_arrangementen"].value == 12_500
    text = (fresh / FIGURES_FILE).read_text(encoding="utf-8")
    assert 'tlv_sbo: "<5"' in text
    assert 'tlv_sbo: "3"' not in text


def test_the_xlsx_template_explains_every_column(fresh: Path, tmp_path: Path):
    out = tmp_path / "registratie.xlsx"
    assert write_template(fresh, out, None).ok
    book = load_workbook(out)
    assert book.sheetnames == ["Registratie", "Uitleg"]
    header = [c.value for c in book["Registratie"][1]]
    explained = [row[0].value for row in book["Uitleg"].iter_rows(min_row=2)]
    assert explained == header
    assert all(row[1].value for row in book["Uitleg"].iter_rows(min_row=2))
    # filled in and read back
    sheet = book["Registratie"]
    sheet.cell(row=2, column=3, value="2025-07-31")
    sheet.cell(row=2, column=header.index("thuiszitters") + 1, value=7)
    book.save(out)
    result = import_figures(fresh, FiguresRequest([out]))
    assert result.ok, result.issues
    code = sheet.cell(row=2, column=1).value
    assert _figures(fresh).of(REGISTRATION)[2025].schools[code]["thuiszitters"].value == 7


def test_an_unknown_file_or_a_missing_status_writes_nothing(fresh: Path, tmp_path: Path):
    before = (fresh / PUPILS_FILE).read_bytes()
    other = tmp_path / "iets.csv"
    other.write_text("naam;aantal\nx;5\n", encoding="utf-8")
    result = import_figures(fresh, FiguresRequest([other]))
    assert not result.ok
    assert [i.code for i in result.issues] == ["SOP735"]
    result = import_figures(fresh, FiguresRequest([PUPILS_2023_2024]))
    assert [i.code for i in result.issues] == ["SOP738"]  # voorlopig or definitief?
    assert not (fresh / FIGURES_FILE).exists()
    assert (fresh / PUPILS_FILE).read_bytes() == before  # nor content/leerlingen.yaml
    # an SWV without a regiocode cannot find its rows in a file that names SWVs
    swv = fresh / "site_config" / "swv.yaml"
    swv.write_text(swv.read_text(encoding="utf-8").replace("regiocode: PO 27-99\n", ""), "utf-8")
    result = import_figures(fresh, FiguresRequest([SPECIAL], "definitief"))
    errors = [i for i in result.issues if i.is_error]
    assert [i.code for i in errors] == ["SOP738"]
    assert "geen regiocode" in errors[0].message
    # a file with none of the SWV's rows says so
    swv.write_text(swv.read_text(encoding="utf-8") + "regiocode: PO 11-11\n", "utf-8")
    result = import_figures(fresh, FiguresRequest([SPECIAL], "definitief"))
    assert "SOP739" in [i.code for i in result.issues]


def test_a_missing_column_is_named(fresh: Path, tmp_path: Path):
    # DUO's file per SWV without its peildatum: the column is named, nothing is written.
    special = tmp_path / "so-per-swv.csv"
    special.write_text(
        "SAMENWERKINGSVERBAND;SOORT ONDERWIJS;AANTAL LEERLINGEN\nPO 27-99;SO;12\n", "utf-8"
    )
    result = import_figures(fresh, FiguresRequest([special], "definitief"))
    assert not result.ok
    assert [i.code for i in result.issues] == ["SOP736"]
    assert result.issues[0].message == "De kolom met de peildatum ontbreekt."
    assert not (fresh / FIGURES_FILE).exists()


def test_an_import_into_the_samples_figures_keeps_its_header_and_other_years(sample: Path):
    before = (sample / FIGURES_FILE).read_text(encoding="utf-8")
    assert "# VOORBEELD: alle cijfers in dit bestand zijn verzonnen" in before
    result = import_figures(sample, FiguresRequest([PUPILS_2024_FINAL], "definitief", "2025-09"))
    assert result.ok, result.issues
    after = (sample / FIGURES_FILE).read_text(encoding="utf-8")
    assert after.startswith(before.split("kengetallen:")[0])  # the header comment stays
    pupils = _figures(sample).of(DUO_PUPILS)
    assert sorted(pupils) == [2021, 2022, 2023, 2024, 2025]  # the other years stay
    assert pupils[2024].file == PUPILS_2024_FINAL.name
    assert pupils[2024].schools["98XA00"]["bao"].value == 312
    assert pupils[2023].schools["98XA00"]["bao"].value == 303  # the sample's own


def test_one_years_accounts_may_come_from_two_files(fresh: Path, tmp_path: Path):
    """DUO publishes the balance sheet and the income and expenses apart: both files of 2024
    give one set with all three amounts, naming both files."""
    balance = tmp_path / "balans.csv"
    balance.write_text(
        "BEVOEGD GEZAG NUMMER;JAAR;EIGEN VERMOGEN\n41999;2024;900000\n41002;2024;800000\n",
        encoding="utf-8",
    )
    income = tmp_path / "baten-en-lasten.csv"
    income.write_text(
        "BEVOEGD GEZAG NUMMER;JAAR;TOTAAL BATEN;TOTAAL LASTEN\n41999;2024;12800000;12900000\n",
        encoding="utf-8",
    )
    result = import_figures(fresh, FiguresRequest([balance, income], "definitief", None, "41999"))
    assert result.ok, result.issues
    accounts = _figures(fresh).of(DUO_ACCOUNTS)[2024]
    assert {k: v.value for k, v in accounts.swv.items()} == {
        "reserves": 900_000,
        "baten": 12_800_000,
        "lasten": 12_900_000,
    }
    assert accounts.file == "balans.csv, baten-en-lasten.csv"
