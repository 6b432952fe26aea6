"""`sop-builder import-scholen`: the SWV's schools from DUO's files as DUO publishes them.

The files in tests/fixtures/duo/ are written in DUO's layouts from the documented columns
(tests/fixtures/duo/README.md): one in Windows-1252 with DUO's capitals, one in UTF-8 with small
letters and underscores and 2-digit vestigingscodes, and the boards' file. Their schools are
invented; the real ones are in tests/test_real_schools.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.authoring.duo_files import duo_kind, read_duo_files
from sop_builder.authoring.import_schools import SchoolsRequest, import_schools
from sop_builder.cli.main import main
from sop_builder.core.roundtrip import dump, load, split_document
from sop_builder.core.sourcefile import read_markdown_file
from sop_builder.project.config import load_config
from sop_builder.project.duo import from_duo as duo_fields
from sop_builder.project.duo import load_record
from sop_builder.project.load import load_project

from .conftest import FIXTURES, TODAY, make_project

DUO = FIXTURES / "duo"
PRIMARY = DUO / "02-alle-schoolvestigingen-basisonderwijs.csv"  # Windows-1252
SPECIAL = DUO / "09-alle-vestigingen-sbo-so-vso.csv"  # UTF-8
BOARDS = DUO / "03-adressen-bevoegde-gezagen.csv"
AREAS = ["7900-7999", "8700-8709", "2517 t/m 2518", "5831"]
SCHOOLS = "content/schools"


def fresh(tmp_path: Path) -> Path:
    """A project of the other SWV without its schools: the import's own folders only."""
    root = make_project(tmp_path, "other-swv")
    for folder in (root / SCHOOLS).iterdir():
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()
    return root


def run(root: Path, *files: Path, **options) -> object:
    request = SchoolsRequest(list(files or (PRIMARY, SPECIAL, BOARDS)), today=TODAY, **options)
    return import_schools(root, request)


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the project (but .sop-builder/) by its hash."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".sop-builder" not in p.parts
    }


def front(root: Path, folder: str) -> dict:
    source, issues = read_markdown_file(root / SCHOOLS / folder / "sop.md", "sop.md")
    assert source is not None, issues
    return source.tree.data


def test_both_encodings_and_loose_column_names_give_duos_facts(tmp_path: Path):
    root = fresh(tmp_path)
    result = run(root, postcodes=AREAS, kinds=["bao", "sbo", "so"], kern="veenhorst")
    assert result.ok, result.issues
    folders = sorted(p.name for p in (root / SCHOOLS).iterdir())
    assert folders == [
        "basisschool-kla4",
        "basisschool-t-kompas",
        "dalton-kindcentrum-het-park",
        "de-twee-plekken-touwbaan-42a",
        "de-twee-plekken-touwbaan-42b",
        "kindcentrum-t-loont",
        "sbo-de-sprong",
        "sudwester",
        "t-kienholt-hoogeveen",
        "t-kienholt-pesse",
    ]
    # The name exactly as DUO writes it, from Windows-1252 (’) and UTF-8 (ú, â) alike.
    assert front(root, "basisschool-t-kompas")["naam"] == "Basisschool ’t Kompas"
    assert front(root, "t-kienholt-pesse")["naam"] == "'t Kienholt"
    assert front(root, "basisschool-kla4")["naam"] == 'Basisschool "Kla4"'
    assert front(root, "kindcentrum-t-loont")["naam"] == "Kindcentrum `t Loont"
    sudwester = front(root, "sudwester")
    assert sudwester["naam"] == "Súdwester"
    assert sudwester["adres"]["straat"] == "Wâldwei 1"
    assert sudwester["type"] == "so"
    # 2 digits beside the instellingscode make the vestigingscode; a postcode gets its space.
    sprong = front(root, "sbo-de-sprong")
    assert (sprong["vestigingscode"], sprong["type"]) == ("22AA00", "sbo")
    assert front(root, "t-kienholt-hoogeveen")["adres"] == {
        "straat": "Kerkstraat 1",
        "postcode": "7901 AA",
        "plaats": "Hoogeveen",
    }
    # https:// added (none is fine: a single space is no website), an explicit http:// kept,
    # capitals of the host made small.
    assert sprong["website"] == "https://sprong.example"
    assert front(root, "t-kienholt-pesse")["website"] == ""
    assert front(root, "basisschool-t-kompas")["website"] == "http://www.kompas.example"
    assert front(root, "basisschool-kla4")["website"] == "https://www.kla4.example"
    assert front(root, "t-kienholt-hoogeveen")["telefoon"] == "0528-123456"
    # Board names from DUO's file of boards; without a name, the number stays (and a warning).
    assert (
        front(root, "t-kienholt-hoogeveen")["bestuur"] == "Stichting Openbaar Onderwijs Hoogeveen"
    )
    assert front(root, "sudwester")["bestuur"] == ""
    record, _ = load_record(root)
    assert record is not None
    assert record.schools["sudwester"].board_number == "41008"
    assert record.schools["sudwester"].municipality == "Súdwest-Fryslân"  # not SUDWEST-FRYSLAN
    assert record.schools["basisschool-kla4"].municipality == "'s-Gravenhage"
    assert record.schools["kindcentrum-t-loont"].municipality == "Land van Cuijk"
    boards = [i for i in result.issues if i.code == "SOP775"]
    assert [i.message for i in boards] == [
        "Van bestuur (bevoegd gezag) 41007 is alleen het nummer bekend: "
        "de-twee-plekken-touwbaan-42a, de-twee-plekken-touwbaan-42b.",
        "Van bestuur (bevoegd gezag) 41008 is alleen het nummer bekend: sudwester.",
    ]
    # Outside the areas (Maastricht), and vso (not one of this SWV's kinds): not imported.
    text = "\n".join(result.messages)
    assert "Buiten De Regio" not in text
    assert "VSO De Brêge" not in text


def test_every_row_it_cannot_use_is_named_with_file_line_and_why(tmp_path: Path):
    root = fresh(tmp_path)
    result = run(root, postcodes=AREAS, kinds=["bao", "sbo", "so"], kern="veenhorst")
    named = [
        (i.path, i.line, i.code, i.message) for i in result.issues if i.code in ("SOP773", "SOP774")
    ]
    assert named == [
        (
            PRIMARY.name,
            6,
            "SOP774",
            "Regel 6: de website 'https://www.park .example' van Dalton Kindcentrum het P@rk "
            "is niet te gebruiken; dat veld blijft leeg.",
        ),
        (
            PRIMARY.name,
            7,
            "SOP774",
            "Regel 7: het telefoonnummer '0478-12' van Kindcentrum `t Loont is niet te "
            "gebruiken; dat veld blijft leeg.",
        ),
        (
            PRIMARY.name,
            8,
            "SOP773",
            "Regel 8: '1XAG00' is geen vestigingscode; deze vestiging is niet geïmporteerd.",
        ),
        (
            PRIMARY.name,
            10,
            "SOP773",
            "Regel 10: vestiging 11AJ00 heeft geen postcode; deze vestiging is niet geïmporteerd.",
        ),
        (
            SPECIAL.name,
            7,
            "SOP773",
            "Regel 7: de soort school 'XYZ' van 22AE00 is onbekend; deze vestiging is niet "
            "geïmporteerd.",
        ),
    ]
    # DUO's file lists SBO De Sprong twice at one address: one school, and the report says so.
    assert any("regel 8: 22AA00 op hetzelfde adres als regel 2" in m for m in result.messages)


def test_what_is_missing_is_named_and_nothing_is_written(tmp_path: Path):
    root = fresh(tmp_path)
    before = snapshot(root)
    no_postcode = tmp_path / "basisonderwijs-zonder-postcode.csv"
    no_postcode.write_text(
        PRIMARY.read_bytes().decode("cp1252").replace(";POSTCODE;", ";POSTBUS;"), encoding="utf-8"
    )
    result = run(root, no_postcode, postcodes=AREAS)
    assert not result.ok
    assert [(i.code, i.message) for i in result.issues] == [
        ("SOP772", "Er is geen kolom met de postcode.")
    ]
    assert "Nodig is een kolom POSTCODE." in result.issues[0].hint
    unknown = tmp_path / "iets-anders.csv"
    unknown.write_text("NAAM;GETAL\nx;1\n", encoding="utf-8")
    assert [i.code for i in run(root, unknown, postcodes=AREAS).issues] == ["SOP771"]
    # A file without a column with the kind of school, and a name that does not say
    # "basisonderwijs": the import does not guess.
    renamed = tmp_path / "vestigingen.csv"
    renamed.write_bytes(PRIMARY.read_bytes())
    assert [i.code for i in run(root, renamed, postcodes=AREAS).issues] == ["SOP777"]
    assert snapshot(root) == before  # nothing was written by the failed imports
    assert run(root, renamed, postcodes=AREAS, kind_without_column="bao", kern="veenhorst").ok


def test_the_choice_of_schools_is_stored_and_used_again(tmp_path: Path):
    root = fresh(tmp_path)
    assert [i.code for i in run(root).issues] == ["SOP776"]  # nothing says which schools
    gemeenten = ["Hoogeveen", "Súdwest-Fryslân"]
    result = run(root, municipalities=gemeenten, kinds=["bao", "sbo", "so"], kern="veenhorst")
    assert result.ok, result.issues
    config, issues = load_config(root)
    assert config is not None, issues
    assert config.selection.municipalities == gemeenten
    assert config.selection.kinds == ["bao", "sbo", "so"]
    names = sorted(p.name for p in (root / SCHOOLS).iterdir())
    assert "basisschool-kla4" not in names
    assert "sudwester" in names
    # The next import, without options, takes the same schools (and changes nothing).
    again = run(root, kern="veenhorst")
    assert again.ok
    assert "Scholen zonder verandering: 7." in again.messages
    # By vestigingscodes.
    other = fresh(tmp_path / "codes")
    assert run(other, codes=["11aa00", "22AC00"], kern="veenhorst").ok
    assert sorted(p.name for p in (other / SCHOOLS).iterdir()) == ["sudwester", "t-kienholt"]


def test_the_choice_file_is_checked_by_check(tmp_path: Path):
    root = fresh(tmp_path)
    (root / "site_config/scholen.yaml").write_text(
        "postcodes: [1940-1949]\ngemeenten: [Velsen]\n", encoding="utf-8"
    )
    _, issues = load_config(root)
    assert [(i.code, i.line, i.message) for i in issues if i.code == "SOP770"] == [
        (
            "SOP770",
            2,
            "In dit bestand staan postcodes en gemeenten; kies één manier om de scholen te kiezen.",
        )
    ]
    (root / "site_config/scholen.yaml").write_text("postcodes: [1949-1940]\n", encoding="utf-8")
    _, issues = load_config(root)
    assert [i.code for i in issues if i.is_error] == ["SOP112"]


def test_duos_vso_is_asked_and_both_gives_two_schools(tmp_path: Path):
    root = fresh(tmp_path)
    result = run(root, postcodes=AREAS, kinds=["so", "vso"])
    assert not result.ok
    assert result.vso_locations == 2
    assert [i.code for i in result.issues] == ["SOP778"]
    assert not list((root / SCHOOLS).iterdir())
    result = run(root, postcodes=AREAS, kinds=["so", "vso"], vso_as="beide", kern="veenhorst")
    assert result.ok, result.issues
    assert sorted(p.name for p in (root / SCHOOLS).iterdir()) == [
        "de-twee-plekken-so-touwbaan-42a",
        "de-twee-plekken-so-touwbaan-42b",
        "de-twee-plekken-vso-touwbaan-42a",
        "de-twee-plekken-vso-touwbaan-42b",
        "sudwester",
        "vso-de-brege",
    ]
    assert front(root, "vso-de-brege")["type"] == "vso"
    # One vestigingscode, four schools (two kinds at two addresses): check accepts them.
    project = load_project(root, TODAY)
    assert not [i for i in project.issues if i.code == "SOP204"]
    # The CLI asks nothing when it cannot (no terminal), and says what to do.
    cli = CliRunner().invoke(
        main,
        [
            *("import-scholen", "--map", str(fresh(tmp_path / "cli")), str(SPECIAL)),
            *("--postcodes", "7900-7999", "--soorten", "so,vso"),
        ],
    )
    assert cli.exit_code == 1
    assert "SOP778" in cli.output
    assert "--vso-als" in cli.output


def test_imported_school_holds_duos_facts_and_no_example_value(tmp_path: Path):
    root = fresh(tmp_path)
    assert run(root, postcodes=AREAS, kinds=["bao", "sbo", "so"], kern="veenhorst").ok
    sop = (root / SCHOOLS / "t-kienholt-hoogeveen" / "sop.md").read_text(encoding="utf-8")
    data = front(root, "t-kienholt-hoogeveen")
    # Nothing the school must write has a value: no name, no date, no sentence.
    lines = sop.split("\n---\n", 1)[0].splitlines()
    for key in ("contactpersonen", "vastgesteld_door_bestuur", "geldig_tot", "bijgewerkt"):
        assert data[key] == "", key
        at = lines.index(f"{key}:")
        above = []
        while lines[at - 1 - len(above)].startswith("#"):
            above.append(lines[at - 1 - len(above)])
        assert any(line.endswith("INVULLEN") for line in above), key
    assert all(not (v.get("niveau") or v.get("wat")) for v in data["ondersteuning"].values())
    values = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    for example in ("Voornaam", "Achternaam", "Straatnaam", "1234 AB", "www.school.nl", "2026-"):
        assert not [line for line in values if example in line], example
    sections = sop.split("\n---\n", 1)[1]
    assert sections.count("<!--") == 4
    assert all(
        line.startswith(("##", "<!--", "     ")) or not line.strip()
        for line in sections.splitlines()
    )
    assessment = (
        root / SCHOOLS / "t-kienholt-hoogeveen" / "zelfevaluatie-2026-2027.yaml"
    ).read_text(encoding="utf-8")
    assert "\ningevuld_op:\n" in assessment
    assert "INVULLEN" in assessment
    # check lists what is still to do, and nothing about DUO's facts.
    project = load_project(root, TODAY)
    own = [i for i in project.issues if "t-kienholt-hoogeveen/" in i.path]
    # (Not started: warnings, not errors; its page says "volgt": tests/test_go_live.py.)
    assert {i.field or i.message.split("'")[1] for i in own if i.code == "SOP411"} == {
        "contactpersonen",
        "vastgesteld_door_bestuur",
        "geldig_tot",
        "bijgewerkt",
        "ingevuld_op",
    }
    # DUO's facts can be told from the school's words.
    record, _ = load_record(root)
    assert record is not None
    owned = duo_fields(record.schools["t-kienholt-hoogeveen"], data)
    assert owned[("naam",)]
    assert owned[("adres", "straat")]
    assert owned[("website",)]


def fill_in(root: Path, folder: str, website: str | None = None) -> None:
    """What a school writes into its imported folder (contacts, dates, a comment, a sentence)."""
    sop = root / SCHOOLS / folder / "sop.md"
    front_text, body = split_document(sop.read_text(encoding="utf-8"))
    node = load(front_text)
    node["contactpersonen"] = load("- rol: Intern begeleider\n  naam: Sanne Smit\n")
    node["vastgesteld_door_bestuur"], node["geldig_tot"] = "2025-06-01", "2029-07-31"
    node["bijgewerkt"] = "2025-09-01"
    if website:
        node["website"] = website
    text = dump(node).replace("email:\n", "# Onze eigen opmerking blijft staan.\nemail:\n", 1)
    body = body.replace("## Visie\n", "## Visie\n\nWij zien elk kind.\n", 1)
    sop.write_text(f"---\n{text}---\n{body}", encoding="utf-8")


def test_a_new_release_of_duo_changes_only_duos_facts_and_reports_it(tmp_path: Path):
    root = fresh(tmp_path)
    assert run(root, postcodes=AREAS, kinds=["bao", "sbo", "so"], kern="veenhorst").ok
    fill_in(root, "t-kienholt-hoogeveen")
    fill_in(root, "basisschool-kla4", website="https://www.eigen-kla4.example")
    kept = {
        name: (root / SCHOOLS / name / "sop.md").read_text(encoding="utf-8")
        for name in ("t-kienholt-hoogeveen", "basisschool-kla4", "sbo-de-sprong")
    }
    # DUO's next release: a new name and website, a new website where the school wrote its
    # own, a school gone, a new school.
    release = tmp_path / "02-alle-schoolvestigingen-basisonderwijs.csv"
    text = PRIMARY.read_bytes().decode("cp1252")
    text = text.replace("'t Kienholt;Kerkstraat;1;", "OBS 't Kienholt;Kerkstraat;1;")
    text = text.replace("www.kienholt.example", "kienholt.example/school")
    text = text.replace("WWW.KLA4.EXAMPLE", "www.kla4-nieuw.example")
    text = "\r\n".join(line for line in text.split("\r\n") if "Kindcentrum `t Loont" not in line)
    text += "Drenthe;41001;11AK;11AK00;De Nieuwe School;Nieuweweg;9;7905AK;Hoogeveen;0118;HOOGEVEEN;Openbaar;;\r\n"
    release.write_bytes(text.encode("cp1252"))
    result = run(root, release, SPECIAL, BOARDS, kern="veenhorst")
    assert result.ok, result.issues
    report = "\n".join(result.messages)
    assert (
        "Nieuw (1):\n  content/schools/de-nieuwe-school: De Nieuwe School (11AK00, Hoogeveen)"
        in report
    )
    assert (
        "  content/schools/t-kienholt-hoogeveen: naam: ''t Kienholt' → 'OBS 't Kienholt'" in report
    )
    assert (
        "  content/schools/t-kienholt-hoogeveen: website: 'https://www.kienholt.example' → "
        "'https://kienholt.example/school'" in report
    )
    assert (
        "Niet bijgewerkt: de school schreef zelf iets anders dan DUO (1):\n"
        "  content/schools/basisschool-kla4: website: DUO geeft 'https://www.kla4-nieuw.example', "
        "in sop.md staat 'https://www.eigen-kla4.example'" in report
    )
    assert (
        "Niet meer bij DUO of niet meer in de keuze; de map blijft staan (1):\n"
        "  content/schools/kindcentrum-t-loont (11AF00)" in report
    )
    assert (root / SCHOOLS / "kindcentrum-t-loont" / "sop.md").is_file()  # never deleted
    # Only DUO's two lines changed; every word and comment of the school stayed.
    new = (root / SCHOOLS / "t-kienholt-hoogeveen" / "sop.md").read_text(encoding="utf-8")
    old_lines, new_lines = kept["t-kienholt-hoogeveen"].splitlines(), new.splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed == [
        ('naam: "\'t Kienholt"', "naam: OBS 't Kienholt"),
        ("website: https://www.kienholt.example", "website: https://kienholt.example/school"),
    ]
    assert "# Onze eigen opmerking blijft staan." in new
    assert "Wij zien elk kind." in new
    assert (root / SCHOOLS / "basisschool-kla4" / "sop.md").read_text(encoding="utf-8") == kept[
        "basisschool-kla4"
    ]
    assert (root / SCHOOLS / "sbo-de-sprong" / "sop.md").read_text(encoding="utf-8") == kept[
        "sbo-de-sprong"
    ]
    # The record now holds DUO's new facts, so a third import changes nothing.
    third = run(root, release, SPECIAL, BOARDS, kern="veenhorst")
    assert "Bijgewerkt" not in "\n".join(third.messages)


def test_proef_shows_everything_and_writes_nothing(tmp_path: Path):
    root = fresh(tmp_path)
    before = snapshot(root)
    result = CliRunner().invoke(
        main,
        [
            *("import-scholen", "--map", str(root), str(PRIMARY), str(SPECIAL), str(BOARDS)),
            *("--postcodes", ",".join(AREAS), "--soorten", "bao,sbo,so", "--kern", "veenhorst"),
            *("--proef", "--datum", TODAY.isoformat()),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Nieuw (10):" in result.output
    assert "Proef: er is niets geschreven." in result.output
    assert snapshot(root) == before


def test_duos_words_for_kinds_of_school():
    assert [duo_kind(k) for k in ("basisschool", "SBAO", "(V)SO", "SO", "VSO", "PRO")] == [
        "bao",
        "sbo",
        "(v)so",
        "so",
        "vso",
        "vo",
    ]
    assert duo_kind("VBO/MAVO/HAVO/VWO") == duo_kind("BRUGJAAR") == "vo"
    assert duo_kind("Speciaal basisonderwijs") == "sbo"
    assert duo_kind("kleuterschool") is None


def test_the_cli_reports_in_dutch(tmp_path: Path):
    root = fresh(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            *("import-scholen", "--map", str(root), str(PRIMARY), str(SPECIAL), str(BOARDS)),
            *("--postcodes", "7900-7999;8700-8709", "--postcodes", "2517 t/m 2518,5831"),
            *("--soorten", "bao", "--soorten", "sbo,so", "--kern", "veenhorst"),
            *("--datum", TODAY.isoformat()),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Nieuw (10):" in result.output
    assert "Traceback" not in result.output
    assert "Geschreven: 21 bestanden en content/duo.yaml." in result.output
    assert (root / "site_config/scholen.yaml").read_text(encoding="utf-8").count("2517 t/m 2518")


@pytest.mark.parametrize("files", [(PRIMARY,), (SPECIAL,)])
def test_reading_keeps_every_usable_row(files):
    found = read_duo_files(list(files))
    codes = [loc.code for loc in found.locations]
    assert len(codes) == (7 if files[0] == PRIMARY else 6)
    assert all(len(c) == 6 for c in codes)


def test_a_wrong_option_a_broken_record_and_a_school_without_kern_are_named(tmp_path: Path):
    root = fresh(tmp_path)
    result = run(root, postcodes=["19A0"])
    assert [(i.code, i.message) for i in result.issues] == [
        ("SOP782", "De keuze van de scholen klopt niet: '19A0' is geen postcodegebied.")
    ]
    # No kern of the other SWV is in Hoogeveen, and no --kern: the school's kern stays empty.
    result = run(root, codes=["11AA00"])
    assert result.ok
    assert [(i.code, i.path, i.field) for i in result.issues if i.code == "SOP781"] == [
        ("SOP781", f"{SCHOOLS}/t-kienholt/sop.md", "kern")
    ]
    assert front(root, "t-kienholt")["kern"] == ""
    (root / "content/duo.yaml").write_text("scholen: [kapot]\n", encoding="utf-8")
    before = snapshot(root)
    result = run(root, codes=["11AA00"])
    # The reader's own problem, at its line, then what it means for the import.
    assert not result.ok
    assert [(i.code, i.path, i.line) for i in result.issues] == [
        ("SOP103", "content/duo.yaml", 1),
        ("SOP780", "content/duo.yaml", 1),
    ]
    assert snapshot(root) == before


def test_a_kind_that_is_not_one_is_named_with_the_kinds_to_choose_from(tmp_path: Path):
    """In an option and in site_config/scholen.yaml: the hint lists the kinds (a list of
    choices, not one choice: the reader looks through the list to its items' values)."""
    root = fresh(tmp_path)
    before = snapshot(root)
    result = run(root, postcodes=AREAS, kinds=["bao", "xyz"])
    assert [(i.code, i.message, i.hint) for i in result.issues] == [
        (
            "SOP782",
            "De keuze van de scholen klopt niet: 'xyz' is niet toegestaan bij 'soorten' nr. 2.",
            "Kies uit: bao, sbo, so, vso, vo.",
        )
    ]
    assert snapshot(root) == before
    (root / "site_config/scholen.yaml").write_text(
        "postcodes: ['7900-7999']\nsoorten: [bao, vs]\n", encoding="utf-8"
    )
    _, issues = load_config(root)
    assert [(i.code, i.path, i.line, i.hint) for i in issues if i.is_error] == [
        ("SOP108", "site_config/scholen.yaml", 2, "Bedoelt u 'vso'?")
    ]


def test_a_hand_written_layout_keeps_every_line_but_duos_values(tmp_path: Path):
    """A school that wrote its sop.md in its own layout (a list without indent, a comment
    behind a value, a quoted value): a re-import changes the values of DUO's fields only."""
    root = fresh(tmp_path)
    assert run(root, postcodes=AREAS, kinds=["bao", "sbo", "so"], kern="veenhorst").ok
    sop = root / SCHOOLS / "t-kienholt-pesse" / "sop.md"
    text = sop.read_text(encoding="utf-8")
    text = text.replace(
        "\ncontactpersonen:\n",
        "\ncontactpersonen:\n- rol: Intern begeleider\n  naam: Sanne Smit   # op dinsdag\n",
    )
    text = text.replace("\ntelefoon:\n", "\ntelefoon:   # nog navragen\n")
    text = text.replace('\nnaam: "\'t Kienholt"\n', '\nnaam: "\'t Kienholt"  # zoals DUO\n')
    sop.write_text(text, encoding="utf-8")
    release = tmp_path / "02-alle-schoolvestigingen-basisonderwijs.csv"
    data = PRIMARY.read_bytes().decode("cp1252")
    data = data.replace("'t Kienholt;Dorpsstraat;2;", "'t Kienholt Pesse;Dorpsstraat;2;")
    data = data.replace(
        ";0118;HOOGEVEEN;Openbaar;; \r\n", ";0118;HOOGEVEEN;Openbaar;0528-999999;pesse.example\r\n"
    )
    release.write_bytes(data.encode("cp1252"))
    assert run(root, release, SPECIAL, BOARDS, kern="veenhorst").ok
    new = sop.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(text.splitlines(), new.splitlines(), strict=True) if a != b]
    assert changed == [
        ('naam: "\'t Kienholt"  # zoals DUO', 'naam: "\'t Kienholt Pesse"  # zoals DUO'),
        ("website:", "website: https://pesse.example"),
        ("telefoon:   # nog navragen", 'telefoon: "0528-999999"   # nog navragen'),
    ]
