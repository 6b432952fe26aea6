"""`sop-builder import-norm FILE`: the agreements of basisondersteuning from a spreadsheet
(one agreement a row; theme, code and title optional) into site_config/basisondersteuning/."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.core.tables import write_xlsx
from sop_builder.project.config import load_config
from sop_builder.project.load import load_project
from sop_builder.sheets.norm_import import NormRequest, import_norm, short_title

from .conftest import TODAY

# As an SWV pastes its list from Word: themes as headings, no codes, no titles.
LIST = """\
Thema;Afspraak;Opmerking
Veilig schoolklimaat;;
;De school meet elk jaar hoe veilig leerlingen zich voelen en doet iets met de uitkomst.;
;"De school heeft een pestprotocol dat iedereen kent: leerlingen, ouders en leraren.";
Zicht op ontwikkeling;De school volgt de ontwikkeling van elk kind met een leerlingvolgsysteem en bespreekt de uitkomsten twee keer per jaar met de ouders van het kind.;
;Leraren signaleren vroeg.;
;;zie bijlage
"""
NORM = "site_config/basisondersteuning"


def write_list(folder: Path, text: str = LIST, name: str = "afspraken.csv") -> Path:
    file = folder / name
    file.write_text(text, encoding="utf-8")
    return file


def test_a_list_without_codes_and_titles_becomes_a_norm_that_passes_check(other_swv: Path):
    source = write_list(other_swv.parent)
    result = import_norm(other_swv, NormRequest(source, "2027-2028", "ja-deels-nee", 85))
    assert result.ok, result.issues
    assert [(i.code, i.line) for i in result.issues] == [
        ("SOP788", 7)
    ]  # the row without an agreement
    assert result.messages[0] == (
        f"4 afspraken in 2 thema's geschreven naar {NORM}/2027-2028.yaml (4 codes en 4 korte "
        "titels gemaakt)."
    )
    assert "Niet gebruikt: de kolom 'Opmerking'." in result.messages
    config, issues = load_config(other_swv)
    assert config is not None, [i for i in issues if i.is_error]
    norm = config.norms["2027-2028"]
    assert [a.id for a in norm.agreements] == ["1.1", "1.2", "2.1", "2.2"]
    assert [t.title for t in norm.themes] == ["Veilig schoolklimaat", "Zicht op ontwikkeling"]
    assert [a.theme for a in norm.agreements] == [
        "veilig-schoolklimaat",
        "veilig-schoolklimaat",
        "zicht-op-ontwikkeling",
        "zicht-op-ontwikkeling",
    ]
    assert norm.agreements[1].description == (
        "De school heeft een pestprotocol dat iedereen kent: leerlingen, ouders en leraren."
    )
    assert [a.title for a in norm.agreements] == [
        "De school meet elk jaar hoe veilig leerlingen zich voelen…",
        "De school heeft een pestprotocol dat iedereen kent",
        "De school volgt de ontwikkeling van elk kind met een…",
        "Leraren signaleren vroeg",
    ]
    assert [s.code for s in norm.scale] == ["ja", "deels", "nee"]
    assert {a.aspect for a in norm.agreements} == {"nog-in-te-delen"}  # never made up
    assert norm.adopted is None  # no date the SWV did not give
    assert config.swv.target_for("2027-2028") == 85
    # check passes (warnings for what the SWV still fills in: the date, the themes' sentences).
    project = load_project(other_swv, TODAY)
    own = [i for i in project.issues if i.path == f"{NORM}/2027-2028.yaml"]
    assert own
    assert not [i for i in own if i.is_error]
    assert not project.errors


def test_codes_titles_themes_and_aspects_that_are_given_are_kept(other_swv: Path):
    source = other_swv.parent / "afspraken.xlsx"
    write_xlsx(
        source,
        {
            "Afspraken": (
                ["Code", "Titel", "Afspraak", "Aspect"],
                [
                    ["BA-07", "Veiligheid", "De school meet de veiligheid.", "Basiskwaliteit"],
                    ["", "", "De school heeft een ondersteuningsteam.", "structuur"],
                    ["BA-01", "Rekenen", "De school helpt bij rekenen.", "onbekend"],
                ],
            )
        },
    )
    result = import_norm(other_swv, NormRequest(source, "2027-2028", "ja-nee", None))
    assert result.ok, result.issues
    config, _ = load_config(other_swv)
    assert config is not None
    norm = config.norms["2027-2028"]
    assert [(a.id, a.title, a.aspect) for a in norm.agreements] == [
        ("BA-07", "Veiligheid", "basiskwaliteit"),
        ("BA-02", "De school heeft een ondersteuningsteam", "structuur"),
        ("BA-01", "Rekenen", "nog-in-te-delen"),
    ]
    assert norm.code_example == "BA-07"
    assert [s.code for s in norm.scale] == ["ja", "nee"]
    assert [t.id for t in norm.themes] == ["afspraken"]
    assert "niet veranderd" in result.messages[1]  # no --doel: swv.yaml as it was


def test_an_existing_year_is_replaced_only_when_asked(other_swv: Path):
    source = write_list(other_swv.parent)
    existing = sorted((other_swv / NORM).glob("*.yaml"))[0]
    year = existing.stem
    before = existing.read_bytes()
    result = import_norm(other_swv, NormRequest(source, year, "ja-nee", None))
    assert not result.ok
    assert [i.code for i in result.issues] == ["SOP786"]
    assert existing.read_bytes() == before
    assert import_norm(other_swv, NormRequest(source, year, "ja-nee", None, replace=True)).ok
    assert existing.read_bytes() != before


def test_what_cannot_be_used_is_named_and_nothing_is_written(other_swv: Path):
    before = sorted(p.name for p in (other_swv / NORM).iterdir())
    bad = write_list(other_swv.parent, "Thema;Tekst van de afspraak\nA;x\n", "zonder.csv")
    result = import_norm(other_swv, NormRequest(bad, "2027-2028", "ja-nee", None))
    assert [i.code for i in result.issues] == ["SOP787"]
    # A ';' in an unquoted text: the rest would be lost, so the import stops.
    split = write_list(other_swv.parent, "Afspraak\nDe school doet dit; en dat.\n", "los.csv")
    result = import_norm(other_swv, NormRequest(split, "2027-2028", "ja-nee", None))
    assert [(i.code, i.line) for i in result.issues] == [("SOP791", 2)]
    assert "'en dat.' zou wegvallen" in result.issues[0].message
    twice = write_list(other_swv.parent, "Code;Afspraak\nBO-01;a\nBO-01;b\nB1;c\n", "dubbel.csv")
    result = import_norm(other_swv, NormRequest(twice, "2027-2028", "ja-nee", None))
    assert [(i.code, i.line, i.message) for i in result.issues] == [
        ("SOP789", 3, "Regel 3: de code 'BO-01' staat ook op regel 2."),
        ("SOP789", 4, "Regel 4: de code 'B1' heeft niet de vorm van BO-01."),
    ]
    assert sorted(p.name for p in (other_swv / NORM).iterdir()) == before


def test_short_titles_keep_words_whole():
    assert short_title("Kort.") == "Kort"
    long = "Een afspraak met heel veel woorden die samen veel langer zijn dan zestig tekens"
    assert short_title(long) == "Een afspraak met heel veel woorden die samen veel langer…"
    assert len(short_title(long)) <= 60


def test_the_command_asks_nothing_without_a_terminal_and_names_the_missing_scale(
    other_swv: Path,
):
    source = write_list(other_swv.parent)
    result = CliRunner().invoke(
        main, ["import-norm", "--map", str(other_swv), str(source), "--schooljaar", "2027-2028"]
    )
    assert result.exit_code == 1
    assert "SOP790" in result.output
    assert "--schaal" in result.output
    result = CliRunner().invoke(
        main,
        [
            *("import-norm", "--map", str(other_swv), str(source), "--schooljaar", "2027-2028"),
            *("--schaal", "ja-nee", "--doel", "90"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Doel: 90% vanaf 2027-2028" in result.output


def test_doel_takes_the_mark_off_the_comment_above_doelen_and_only_there(tmp_path: Path):
    """nieuw-swv's target (80) is an example under INVULLEN; `--doel` is the SWV's own: the
    word INVULLEN goes from the comment above 'doelen' (the rest of the comment stays), every
    other mark stays. Without --doel the mark stays."""
    from .test_new_swv import ANSWERS

    root = tmp_path / "nieuw"
    made = CliRunner().invoke(main, ["nieuw-swv", "--map", str(root), *ANSWERS])
    assert made.exit_code == 0, made.output
    swv = root / "site_config/swv.yaml"
    before = swv.read_text(encoding="utf-8")
    [comment] = [line for line in before.splitlines() if "later schooljaar. INVULLEN" in line]
    source = write_list(tmp_path)

    def marked() -> set[str]:
        project = load_project(root, TODAY)
        return {i.field for i in project.warnings if i.path == "site_config/swv.yaml"}

    assert "doelen" in marked()
    run = ["import-norm", "--map", str(root), str(source), "--schaal", "ja-nee", "--vervang"]
    assert CliRunner().invoke(main, run).exit_code == 0
    assert swv.read_text(encoding="utf-8") == before  # no --doel: nothing changed
    assert CliRunner().invoke(main, [*run, "--doel", "75"]).exit_code == 0
    after = swv.read_text(encoding="utf-8")
    assert comment.removesuffix(" INVULLEN") + "\n" in after
    assert comment not in after
    assert "    percentage: 75\n" in after
    # Only that word on that line changed, besides the figure.
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        (comment, comment.removesuffix(" INVULLEN")),
        ("    percentage: 80", "    percentage: 75"),
    ]
    assert marked() == {"website", "steunpunt", "kernen"}
    config, _ = load_config(root)
    assert config is not None
    assert not config.is_marked("site_config/swv.yaml", "doelen")
    assert config.is_marked("site_config/swv.yaml", "steunpunt")
