"""The SWV's figures in content/kengetallen.yaml (project/figures.py): read, checked with their
place, each with its source, internal only."""

from __future__ import annotations

from pathlib import Path

from sop_builder.project.figures import FIGURES_FILE, REGISTRATION, load_figures
from sop_builder.project.load import load_project

from .conftest import TODAY

CODES = {"98XA00", "98XB00"}

GOOD = """\
kengetallen:
  - peildatum: 2024-10-01
    bron: duo-leerlingen
    bestand: "01. Leerlingen po - soort po, cluster, leeftijd"
    uitgave: "2025-03"
    status: voorlopig
    landelijk: {bao: "1361234", sbo: "34010", so: "29876"}
    scholen:
      "98XA00": {bao: "343", so: "<5"}
  - peildatum: 2024-12-31
    bron: duo-jaarrekening
    bestand: "Jaarrekeninggegevens 2024"
    status: definitief
    swv: {baten: "12500000", lasten: "12700000", reserves: "-200000"}
  - peildatum: 2025-07-31
    bron: registratie
    scholen:
      "98XB00": {tlv_sbo: "3", thuiszitters: "0", arrangementen: "12"}
"""


def _write(root: Path, text: str) -> None:
    (root / FIGURES_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / FIGURES_FILE).write_text(text, encoding="utf-8")


def _lines(issues: list) -> list[str]:
    return [f"{i.line} {i.code} {i.message}" for i in issues]


def test_a_sound_file_is_read_with_every_source(tmp_path):
    _write(tmp_path, GOOD)
    data, issues = load_figures(tmp_path, CODES)
    assert issues == []
    assert data is not None
    pupils, accounts, registration = data.sets
    assert pupils.preliminary
    assert pupils.year == 2024
    assert pupils.schools["98XA00"]["bao"].value == 343
    assert pupils.schools["98XA00"]["so"].masked  # '<5' stays masked
    assert pupils.national["sbo"].value == 34010
    assert accounts.swv["reserves"].value == -200000  # an amount may be negative
    assert registration.source.id == REGISTRATION
    assert not registration.status
    assert registration.schools["98XB00"]["tlv_sbo"].masked  # 3 is read as 'fewer than 5'
    assert registration.schools["98XB00"]["thuiszitters"].masked  # so is 0
    assert "voorlopig" in pupils.source_text()
    assert "01. Leerlingen po" in pupils.source_text()
    assert registration.source_text() == (
        "Bron: de eigen registratie van het samenwerkingsverband."
    )


def test_no_figure_without_its_source(tmp_path):
    _write(tmp_path, 'kengetallen:\n  - peildatum: 2024-10-01\n    swv: {thuiszitters: "7"}\n')
    data, issues = load_figures(tmp_path, CODES)
    assert data is None  # the schema refuses the file: nothing of it is used
    assert _lines(issues) == [
        "2 SOP101 Het verplichte veld 'bron' (in kengetallen nr. 1) ontbreekt."
    ]
    _write(
        tmp_path,
        "kengetallen:\n"
        "  - peildatum: 2024-10-01\n"
        "    bron: duo-leerlingen\n"
        "    scholen:\n"
        '      "98XA00": {bao: "343"}\n'
        "  - peildatum: 2025-07-31\n"
        "    bron: registratie\n"
        "    status: definitief\n"
        '    swv: {thuiszitters: "7"}\n',
    )
    data, issues = load_figures(tmp_path, CODES)
    assert _lines(issues) == [
        "2 SOP732 Bij de bron 'duo-leerlingen' ontbreekt 'bestand'.",
        "2 SOP732 Bij de bron 'duo-leerlingen' ontbreekt 'status'.",
        "8 SOP732 De eigen registratie heeft geen status 'definitief': die hoort alleen bij "
        "een uitgave van DUO.",
    ]
    assert [i.code for i in issues] == ["SOP732", "SOP732", "SOP732"]
    assert data is not None
    assert data.sets == []


def test_a_source_has_each_year_once_and_only_its_own_figures(tmp_path):
    second = (
        "  - peildatum: 2024-10-01\n"
        "    bron: duo-leerlingen\n"
        '    bestand: "01. Leerlingen po"\n'
        "    status: definitief\n"
        "    scholen:\n"
        '      "98XA00": {bao: "343", thuiszitter: "5"}\n'
        '      "99ZZ00": {sbo: "40"}\n'
        '      "98XB00": {sbo: "-3"}\n'
    )
    _write(tmp_path, GOOD + second.replace('"-3"}', '"-3", so: "veel"}'))
    data, issues = load_figures(tmp_path, CODES)
    assert _lines(issues) == [
        "26 SOP734 Bij 'so' (in kengetallen nr. 4, scholen, 98XB00): 'veel' is geen kengetal."
    ]
    # without the value the schema refuses, the cross-checks speak
    _write(tmp_path, GOOD + second)
    data, issues = load_figures(tmp_path, CODES)
    assert _lines(issues) == [
        "19 SOP731 De kengetallen van 'duo-leerlingen' voor 2024 staan er al (regel 2).",
        "24 SOP730 'thuiszitter' is geen kengetal van de bron 'duo-leerlingen'.",
        "25 SOP733 Vestigingscode 99ZZ00 is geen school van het samenwerkingsverband.",
        "26 SOP734 '-3' bij 'sbo' is een negatief aantal.",
    ]
    assert [i.code for i in issues] == ["SOP731", "SOP730", "SOP733", "SOP734"]
    assert data is not None
    assert len(data.sets) == 3
    assert issues[1].hint.startswith("Kies uit: bao, sbo, so, vso.")  # DUO's keys only
    # the same year of another source is no repetition
    _write(
        tmp_path, GOOD + second.replace("duo-leerlingen", "duo-so-per-swv").split("    scholen")[0]
    )
    assert load_figures(tmp_path, CODES)[1] == []


def test_check_reads_the_figures_and_the_public_build_never_does(sample):
    _write(sample, GOOD.replace('"98XB00": {tlv_sbo', '"98XB00": {tlv_sb'))
    internal = load_project(sample, TODAY)
    assert internal.figures is not None
    assert [i.code for i in internal.issues if i.path == FIGURES_FILE.as_posix()] == ["SOP730"]
    public = load_project(sample, TODAY, internal=False)
    assert public.figures is None
    assert not [i for i in public.issues if i.path == FIGURES_FILE.as_posix()]
