"""Scores in spreadsheets: export per school × agreement, import into a yearly file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.core.tables import read_table, write_csv
from sop_builder.project.load import load_project
from sop_builder.sheets.scores import EXPORT_COLUMNS, export_scores, import_scores

from .conftest import TODAY

YEAR = "2025-2026"


def scores_of(root: Path) -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    project = load_project(root, TODAY)
    return {
        s.slug: (dict(s.self_assessments[YEAR].scores), dict(s.self_assessments[YEAR].explanations))
        for s in project.schools
        if YEAR in s.self_assessments
    }


def scramble(file: Path) -> None:
    """Change every score in a yearly file (ja -> nee, anything else -> ja)."""

    def flip(match: re.Match[str]) -> str:
        return match.group(1) + ("nee" if match.group(2) == "ja" else "ja")

    text = file.read_text(encoding="utf-8")
    text = re.sub(r"^(  BO-\d+: )(\w+)$", flip, text, flags=re.M)
    text = re.sub(r"^(    score: )(\w+)$", flip, text, flags=re.M)
    file.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_reproduces_every_score_exactly(sample: Path, fmt: str):
    before = scores_of(sample)
    assert len(before) > 10
    assert any(explanations for _, explanations in before.values())
    sheet = sample.parent / f"export.{fmt}"
    export_scores(load_project(sample, TODAY), fmt, sheet)
    files = sorted(sample.glob(f"content/schools/*/zelfevaluatie-{YEAR}.yaml"))
    originals = {f: f.read_text(encoding="utf-8") for f in files}
    for file in files:
        scramble(file)
    assert scores_of(sample) != before
    for file in files:
        result = import_scores(sample, file.parent.name, sheet, today=TODAY)
        # Rows of the other schools are skipped (a warning), never an error.
        assert {i.code for i in result.issues} <= {"SOP756", "SOP753"}, result.issues
    assert scores_of(sample) == before
    for file, original in originals.items():
        text = file.read_text(encoding="utf-8")
        # Comments and the other fields stay as they were.
        for line in original.splitlines():
            if line.startswith("#") or line.startswith(("schooljaar", "ingevuld_")):
                assert line in text.splitlines()


def test_export_csv_defuses_formulas_and_reads_back_the_same(tmp_path: Path):
    file = tmp_path / "t.csv"
    rows = [["=1+1", "+31 6", "-", "@x", "gewoon; met puntkomma", 'met "quotes"']]
    write_csv(file, ["a", "b", "c", "d", "e", "f"], rows)
    assert "\n'=1+1;" in file.read_text(encoding="utf-8-sig").replace("\r", "")
    table, issues = read_table(file, "t.csv")
    assert issues == []
    assert table is not None
    assert table.rows == [(2, rows[0])]


COLUMNS = ["afspraak", "score", "toelichting"]


def write_sheet(path: Path, rows: list[list[str]], header: list[str] | None = None) -> Path:
    write_csv(path, header or ["school", *COLUMNS], rows)
    return path


def test_a_bad_sheet_gets_a_message_for_every_row_it_could_not_use(sample: Path):
    sheet = write_sheet(
        sample.parent / "vragenlijst.csv",
        [
            ["de-duinroos", "BO-01", "nee", "Nieuw: gesprek gepland."],  # row 2: fine
            ["de-duinroos", "BO-99", "ja", ""],  # row 3: unknown agreement
            ["de-duinroos", "BO-02", "", ""],  # row 4: blank score
            ["de-duinroos", "BO-03", "misschien", ""],  # row 5: invalid score
            ["de-duinroos", "BO-01", "ja", ""],  # row 6: agreement twice
            ["de-duinroos", "BO-04", "nvt", ""],  # row 7: n.v.t. not allowed
            ["de-zeester", "BO-05", "ja", ""],  # row 8: another school
            ["de-duinroos", "BO-06", "Voldoet deels", ""],  # row 9: a label is fine
        ],
    )
    file = sample / f"content/schools/de-duinroos/zelfevaluatie-{YEAR}.yaml"
    old = scores_of(sample)["de-duinroos"][0]
    result = import_scores(sample, "de-duinroos", sheet, today=TODAY)
    assert not result.ok
    found = [(i.code, i.line, i.column) for i in result.issues]
    assert found == [
        ("SOP752", 3, 2),
        ("SOP753", 4, 3),
        ("SOP754", 5, 3),
        ("SOP755", 6, 2),
        ("SOP754", 7, 3),
        ("SOP756", 8, 1),
    ]
    messages = [i.message for i in result.issues]
    assert messages[0].startswith("Rij 3: afspraak 'BO-99' bestaat niet")
    assert "Rij 4" in messages[1]
    assert "de huidige score blijft staan" in messages[1]
    assert "'misschien' is geen score" in messages[2]
    assert "stond al in rij 2" in messages[3]
    assert "niet van toepassing" in messages[4]
    assert "1 rijen" in messages[5]
    assert "rij 8" in messages[5]
    new = scores_of(sample)["de-duinroos"]
    assert new[0]["BO-01"] == "nee"
    assert new[1]["BO-01"] == "Nieuw: gesprek gepland."
    assert new[0]["BO-06"] == "deels"
    for agreement in ("BO-02", "BO-03", "BO-04"):
        assert new[0].get(agreement) == old.get(agreement)
    assert file.read_text(encoding="utf-8").startswith("# Zelfevaluatie basisondersteuning")


def test_import_through_the_cli_reports_rows_and_exits_1(sample: Path):
    sheet = write_sheet(sample.parent / "v.csv", [["de-duinroos", "BO-66", "ja", ""]])
    result = CliRunner().invoke(main, ["import-scores", "--map", str(sample), "98XA00", str(sheet)])
    assert result.exit_code == 1
    assert "v.csv" in result.output
    assert "2:2" in result.output
    assert "SOP752" in result.output
    assert "Traceback" not in result.output


def test_the_vestigingscode_is_read_as_check_reads_it(sample: Path):
    """Quotes, a comment and lower case: the school is found and its rows are used."""
    sop = sample / "content/schools/de-duinroos/sop.md"
    text = sop.read_text(encoding="utf-8")
    sop.write_text(
        text.replace("vestigingscode: 98XA00", 'vestigingscode: "98XA00"  # BRIN + 00'), "utf-8"
    )
    sheet = write_sheet(
        sample.parent / "v.csv", [["98XA00", "BO-02", "nee", ""]], ["vestigingscode", *COLUMNS]
    )
    result = import_scores(sample, "98xa00", sheet, today=TODAY)
    assert result.ok, (result.issues, result.messages)
    assert scores_of(sample)["de-duinroos"][0]["BO-02"] == "nee"


def test_import_fills_the_empty_scores_of_a_new_schools_file(sample: Path):
    """new-school writes 'scores:' with only comments under it; check accepts that, so must
    the import (it refused the file as having errors)."""
    file = sample / f"content/schools/de-duinroos/zelfevaluatie-{YEAR}.yaml"
    head = file.read_text(encoding="utf-8").split("scores:", 1)[0]
    file.write_text(head + "scores:\n  # BO-01: ja / deels / nee\n", encoding="utf-8")
    sheet = write_sheet(sample.parent / "v.csv", [["de-duinroos", "BO-01", "deels", ""]])
    result = import_scores(sample, "de-duinroos", sheet, today=TODAY)
    assert result.ok, result.issues
    text = file.read_text(encoding="utf-8")
    assert text.startswith(head)
    assert "  BO-01: deels\n" in text
    assert "# BO-01: ja / deels" in text
    assert scores_of(sample)["de-duinroos"][0] == {"BO-01": "deels"}


def test_import_creates_a_new_yearly_file_that_check_accepts(sample: Path):
    sheet = write_sheet(
        sample.parent / "v.csv",
        [["", f"BO-{n:02d}", "ja", ""] for n in range(1, 66)],
    )
    result = import_scores(sample, "de-duinroos", sheet, year="2026-2027", today=TODAY)
    assert result.ok, result.issues
    file = sample / "content/schools/de-duinroos/zelfevaluatie-2026-2027.yaml"
    assert file.is_file()
    project = load_project(sample, TODAY)
    assert [
        i
        for i in project.issues
        if i.path == "content/schools/de-duinroos/zelfevaluatie-2026-2027.yaml"
    ] == []
    school = next(s for s in project.schools if s.slug == "de-duinroos")
    assert set(school.self_assessments["2026-2027"].scores.values()) == {"ja"}


def test_unreadable_sheets_and_missing_columns(sample: Path):
    old_excel = sample.parent / "oud.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    windows = sample.parent / "windows.csv"
    windows.write_bytes("afspraak;score;toelichting\nBO-01;ja;geïmporteerd\n".encode("cp1252"))
    columns = write_sheet(sample.parent / "kolommen.csv", [["BO-01", "ja"]], ["id", "waarde"])
    results = [
        import_scores(sample, "de-duinroos", f, today=TODAY) for f in (old_excel, windows, columns)
    ]
    assert [[i.code for i in r.issues] for r in results] == [["SOP750"], ["SOP750"], ["SOP751"]]
    assert "'afspraak' en 'score' ontbreekt" in results[2].issues[0].message
    assert "id, waarde" in results[2].issues[0].hint


def test_a_yearly_file_with_errors_is_not_touched(sample: Path):
    file = sample / f"content/schools/de-duinroos/zelfevaluatie-{YEAR}.yaml"
    broken = file.read_text(encoding="utf-8") + "  BO-01: nee\n"  # duplicate key
    file.write_text(broken, encoding="utf-8")
    sheet = write_sheet(sample.parent / "v.csv", [["de-duinroos", "BO-02", "nee", ""]])
    result = import_scores(sample, "de-duinroos", sheet, today=TODAY)
    assert not result.ok
    assert [i.code for i in result.issues] == ["SOP014", "SOP757"]
    assert file.read_text(encoding="utf-8") == broken


def test_export_columns_are_documented():
    doc = (Path(__file__).parent.parent / "docs" / "spreadsheets.md").read_text(encoding="utf-8")
    for column in EXPORT_COLUMNS:
        assert f"`{column}`" in doc


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["exporteer"], "scores.xlsx"),
        (["kengetallen-sjabloon"], "registratie.csv"),
        (["vertalingen", "en"], "vertalen-en.xlsx"),
    ],
)
def test_a_made_sheet_never_replaces_a_file_unless_asked(sample: Path, command, name):
    """A sheet made before may have been filled in since (the registration, the translations,
    scores to import): making it again refuses to replace it (SOP959) and changes nothing;
    with --overschrijf it is replaced."""
    out = sample.parent / name
    filled = b"vestigingscode;tlv\r\n98XA00;3\r\n"
    out.write_bytes(filled)
    args = [*command, "--map", str(sample), "--uit", str(out)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1
    assert "SOP959" in refused.output
    assert str(out) in refused.output
    assert "--overschrijf" in refused.output
    assert "Traceback" not in refused.output
    assert out.read_bytes() == filled
    replaced = CliRunner().invoke(main, [*args, "--overschrijf"])
    assert replaced.exit_code == 0, replaced.output
    assert out.read_bytes() != filled
    assert read_table(out, name)[0] is not None
    # a new name is written without being asked
    other = out.with_name("nieuw-" + name)
    assert (
        CliRunner().invoke(main, [*command, "--map", str(sample), "--uit", str(other)]).exit_code
        == 0
    )
    assert other.is_file()
