"""The language rule of the command line (cli/options.py): Dutch names, older names as hidden
aliases, typed options refused in Dutch, Click's own words in Dutch."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sop_builder.cli import dutch
from sop_builder.cli.main import main

# The names people type. A new command or option gets a Dutch name; an older name stays as an
# alias (ALIASES), so no script breaks.
COMMANDS = {
    "controleer", "bouw", "bekijk", "exporteer", "import-scores", "import-leerlingen",
    "import-postcodes", "nieuwe-school", "nieuw-schooljaar", "nieuw-swv", "migreer", "schema",
    "installeer-hook", "codeowners", "controleer-eigenaars", "herstel-opmerkingen", "editor",
    "import-scholen", "import-norm", "import-kengetallen", "kengetallen-sjabloon", "klaarzetten",
    "vertalingen",
}  # fmt: skip
ALIASES = {
    "check": "controleer",
    "build": "bouw",
    "serve": "bekijk",
    "export": "exporteer",
    "new-school": "nieuwe-school",
    "install-hook": "installeer-hook",
    "check-owners": "controleer-eigenaars",
    "keep-comments": "herstel-opmerkingen",
    "stage": "klaarzetten",
}
# English words that are not a command's or an option's shown name (an alias may be one).
ENGLISH = re.compile(
    r"^(check|build|serve|stage|export|new|install|owners|keep|comments|strict|out|output|format|"
    r"date|dry-run|force|port|author|base|year|file|folder|replace)(-|$)"
)


def _shown_options(command: click.Command) -> list[str]:
    names = []
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            names.append(param.opts[0])
    return names


def test_every_command_has_a_dutch_name_and_its_old_name_as_a_hidden_alias():
    group = main
    assert isinstance(group, click.Group)
    assert set(group.commands) == COMMANDS
    help_text = CliRunner().invoke(main, ["--help"]).output
    for alias, name in ALIASES.items():
        assert group.get_command(click.Context(group), alias) is group.commands[name]
        assert not re.search(rf"^\s+{re.escape(alias)}\s", help_text, re.M), alias
    for name, command in group.commands.items():
        assert not ENGLISH.match(name), name
        for option in _shown_options(command):
            assert option == "--help" or not ENGLISH.match(option.lstrip("-")), (name, option)


def test_an_old_command_name_and_an_old_option_name_still_work(sample: Path):
    run = CliRunner().invoke(
        main, ["check", "--map", str(sample), "--strict", "--datum", "2026-11-23"]
    )
    assert "Traceback" not in run.output
    assert run.exit_code == 2, run.output  # the sample has warnings: --strict (now --streng)
    shown = CliRunner().invoke(main, ["controleer", "--help"]).output
    assert "--streng" in shown
    assert "--strict" not in shown


def _dated_commands() -> list[str]:
    return sorted(
        name
        for name, command in main.commands.items()  # type: ignore[attr-defined]
        if any(p.name == "datum" for p in command.params)
    )


@pytest.mark.parametrize("command", _dated_commands())
@pytest.mark.parametrize("value", ["2026-13-01", "morgen", "1-9-2026", "2026-02-30"])
def test_a_wrong_date_is_refused_in_dutch_before_anything_happens(
    command: str, value: str, tmp_path: Path
):
    before = sorted(tmp_path.rglob("*"))
    run = CliRunner().invoke(main, [command, "--map", str(tmp_path), "--datum", value])
    assert run.exit_code == 2, run.output
    assert "Traceback" not in run.output
    assert f"Fout: Ongeldige waarde voor '--datum': '{value}' is geen datum." in run.output
    assert "JJJJ-MM-DD" in run.output
    assert sorted(tmp_path.rglob("*")) == before


def test_the_dated_commands_are_the_ones_that_take_a_date():
    assert _dated_commands() == [
        "bouw",
        "controleer",
        "import-scholen",
        "klaarzetten",
        "nieuw-schooljaar",
        "nieuw-swv",
        "nieuwe-school",
        "vertalingen",  # the date each translation read in gets
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nieuw-schooljaar", "2026-2028"], "'2026-2028' is geen schooljaar."),
        (["nieuw-schooljaar", "volgend jaar"], "'volgend jaar' is geen schooljaar."),
        (["exporteer", "--uit", "x.csv", "--schooljaar", "2026"], "'2026' is geen schooljaar."),
        (["editor", "--poort", "70000"], "70000 ligt niet tussen"),
        (["bouw", "--onbekend"], "De optie '--onbekend' bestaat niet."),
        (["controleer", "--formaat", "xml"], "'xml' is niet een van"),
    ],
)
def test_other_typed_options_are_refused_in_dutch(args: list[str], expected: str, tmp_path: Path):
    run = CliRunner().invoke(main, [args[0], "--map", str(tmp_path), *args[1:]])
    assert run.exit_code == 2, run.output
    assert expected in run.output
    assert "Fout: " in run.output
    assert "Error" not in run.output
    assert "Usage" not in run.output


def test_every_click_text_that_is_translated_is_still_a_text_of_click():
    """A Click upgrade that changes a text shows here, not as English on a user's screen."""
    sources = "".join(
        Path(click.__file__).with_name(f"{name}.py").read_text(encoding="utf-8")
        for name in dutch.CLICK_MODULES
    )
    for text in [*dutch.TEXTS, *dutch.PLURALS]:
        assert repr(text)[1:-1] in sources or text in sources, text
