"""`sop-builder nieuwe-school`: a complete, explained folder that passes check and builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_builder.cli.main import main
from sop_builder.project.config import load_config
from sop_builder.project.fields import field_doc
from sop_builder.project.load import load_project
from sop_builder.project.model import SopFrontMatter

from .conftest import TODAY

ANSWERS = [
    "--naam", "OBS Het Zeepaard", "--vestigingscode", "12AB00", "--kern", "noord",
    "--type", "bao", "--datum", TODAY.isoformat(),
]  # fmt: skip
FOLDER = "content/schools/obs-het-zeepaard"


def new_school(root: Path, *args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["new-school", "--map", str(root), *args], input=stdin)


def check(root: Path, *args: str):
    return CliRunner().invoke(
        main, ["check", "--map", str(root), "--datum", TODAY.isoformat(), *args]
    )


def test_new_school_passes_check_and_builds_its_page(sample: Path):
    result = new_school(sample, *ANSWERS)
    assert result.exit_code == 0, result.output
    assert f"De map {FOLDER} is klaar" in result.output
    checked = check(sample, "--formaat", "parsable")
    assert checked.exit_code == 0, checked.output
    own = [line for line in checked.output.splitlines() if line.startswith(FOLDER)]
    assert own
    assert all(" waarschuwing " in line for line in own)
    codes = {line.split(" ")[2] for line in own}
    # Still to do: scores, MR date, the texts, the examples, what the school offers per need
    # and its practical facts ("profiel niet compleet"); not started, its page says "volgt"
    # (SOP412), so its example postcode is looked up nowhere.
    assert codes == {"SOP302", "SOP403", "SOP407", "SOP411", "SOP222", "SOP225", "SOP412"}
    site = sample / "site"
    built = CliRunner().invoke(
        main, ["build", "--map", str(sample), "--uit", str(site), "--datum", TODAY.isoformat()]
    )
    assert built.exit_code == 0, built.output
    page = (site / "scholen" / "obs-het-zeepaard" / "index.html").read_text(encoding="utf-8")
    assert "OBS Het Zeepaard" in page
    assert "Schrijf voor ouders" not in page  # the guidance comments stay internal


def test_every_front_matter_field_is_explained_by_a_dutch_comment(sample: Path):
    assert new_school(sample, *ANSWERS).exit_code == 0
    text = (sample / FOLDER / "sop.md").read_text(encoding="utf-8")
    front = text.split("\n---", 1)[0].splitlines()
    keys = [
        (i, m.group(1)) for i, line in enumerate(front) if (m := re.match(r"^([a-z_]+):", line))
    ]
    assert {key for _, key in keys} == {f.alias for f in SopFrontMatter.model_fields.values()}
    config, _ = load_config(sample)
    previous = 0
    for index, key in keys:
        title = field_doc(SopFrontMatter, key, config)[0]  # in the SWV's own words
        comments = [line for line in front[previous:index] if line.startswith("#")]
        assert any(line.startswith(f"# {title}: ") for line in comments), key
        previous = index + 1


def test_filling_in_the_placeholders_removes_their_warnings(sample: Path):
    assert new_school(sample, *ANSWERS).exit_code == 0
    sop = sample / FOLDER / "sop.md"
    text = sop.read_text(encoding="utf-8").replace(" INVULLEN\n", "\n")
    text = text.replace("website: https://www.school.nl", "website: https://www.zeepaard.nl")
    sop.write_text(text, encoding="utf-8")
    project = load_project(sample, TODAY)
    assert [i for i in project.issues if i.path == f"{FOLDER}/sop.md" and i.code == "SOP411"] == []


def test_new_school_never_overwrites(sample: Path):
    assert new_school(sample, *ANSWERS).exit_code == 0
    before = (sample / FOLDER / "sop.md").read_bytes()
    again = new_school(sample, *ANSWERS[:2], "--vestigingscode", "12AB01", *ANSWERS[4:])
    assert again.exit_code == 1
    assert "bestaat al" in again.output
    assert "--mapnaam" in again.output
    assert (sample / FOLDER / "sop.md").read_bytes() == before


def test_wrong_answers_are_refused_in_dutch_without_writing(sample: Path):
    result = new_school(
        sample, "--naam", "X", "--vestigingscode", "98XA00", "--kern", "noord", "--type", "bao"
    )
    assert result.exit_code == 1
    assert "School de-duinroos heeft al vestigingscode 98XA00." in result.output
    result = new_school(
        sample, "--naam", "X", "--vestigingscode", "12AB00", "--kern", "noordd", "--type", "bao"
    )
    assert result.exit_code == 1
    assert "Kies een van deze codes: noord," in result.output
    assert not (sample / "content/schools/x").exists()


def test_interactive_asks_again_until_the_answer_is_right(sample: Path):
    answers = "Basisschool De Zeester Twee\n12AB0\n12AB07\nNoord\nnoord\nbao\n"
    result = new_school(sample, "--datum", TODAY.isoformat(), stdin=answers)
    assert result.exit_code == 0, result.output
    assert "Dat klopt niet. '12AB0' is geen geldige vestigingscode." in result.output
    assert "Dat klopt niet. Kies een van deze codes" in result.output
    text = (sample / "content/schools/basisschool-de-zeester-twee/sop.md").read_text(
        encoding="utf-8"
    )
    assert "vestigingscode: 12AB07\n" in text
    assert "kern: noord\n" in text


def test_a_name_with_an_apostrophe_or_quotes_reads_back_exactly(sample: Path):
    """Real names of DUO's data: the name is written so that check reads it as given, and the
    folder keeps the words whole."""
    for name, code, folder in (
        ("'t Kienholt", "12AB01", "t-kienholt"),
        ("’t Kompas", "12AB02", "t-kompas"),
        ("`t Loont", "12AB03", "t-loont"),
        ('Basisschool "Kla4"', "12AB04", "basisschool-kla4"),
        ("Basisschool And're wijze", "12AB05", "basisschool-andre-wijze"),
        ("yes", "12AB06", "yes"),
        ("#1 Basisschool", "12AB07", "1-basisschool"),
        ("- Streepje: en dubbele punt ", "12AB08", "streepje-en-dubbele-punt"),
        ("@school & co!", "12AB09", "school-en-co"),
        ("012345", "12AB10", "012345"),
    ):
        args = ["--naam", name, "--vestigingscode", code, "--kern", "noord", "--type", "bao"]
        result = new_school(sample, *args, "--datum", TODAY.isoformat())
        assert result.exit_code == 0, result.output
        assert f"content/schools/{folder} is klaar" in result.output
    project = load_project(sample, TODAY)
    assert not [i for i in project.errors if "/schools/" in i.path], project.errors
    names = {f.slug: f.name for f in project.facts.values()}  # not started: its facts
    assert names["t-kienholt"] == "'t Kienholt"
    assert names["t-kompas"] == "’t Kompas"
    assert names["t-loont"] == "`t Loont"
    assert names["basisschool-kla4"] == 'Basisschool "Kla4"'
    assert names["yes"] == "yes"
    assert names["1-basisschool"] == "#1 Basisschool"
    assert names["streepje-en-dubbele-punt"] == "- Streepje: en dubbele punt"
    assert names["school-en-co"] == "@school & co!"
    assert names["012345"] == "012345"


def test_the_new_folder_and_its_files_are_readable_like_any_other(sample: Path):
    """Not 0700 from the temporary folder it is made in: a web server or a colleague's account
    that reads the project must read the new school too (0755 and 0644 under umask 022)."""
    import os
    import stat

    umask = os.umask(0o022)
    os.umask(umask)
    if umask != 0o022:  # pragma: no cover - the modes follow the umask, as mkdir's do
        pytest.skip(f"this test expects umask 022, not {umask:03o}")
    result = new_school(sample, *ANSWERS)
    assert result.exit_code == 0, result.output
    folder = sample / FOLDER
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert {stat.S_IMODE(f.stat().st_mode) for f in folder.iterdir()} == {0o644}
    # The same as the folders the sample came with.
    other = stat.S_IMODE((sample / "content/schools/de-boomgaard").stat().st_mode)
    assert stat.S_IMODE(folder.stat().st_mode) == other
