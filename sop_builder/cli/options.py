"""What the commands share: the language rule for names, typed options, asking, finishing.

**The language of what users type.** Commands and options are Dutch: the people who type them
are an SWV's staff and school staff (`sop-builder controleer`, `--uit`, `--proef`). A command
or option that once had another name keeps it as a hidden alias (`check`, `build`,
`nieuwe-school`, `--strict`, ...), so no script or workflow breaks; `--help` shows the Dutch names
only. `tests/test_cli_names.py` holds every command to this rule.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, Protocol, TypeVar

import click

from sop_builder.core.issues import Issue

# What click's option decorators take and give back: a command function (or an already made
# command), unchanged in type. The decorators made here return ``Callable[[FC], FC]`` as
# click.option does, so mypy keeps the types of the commands' parameters. (Spelled out: mypy
# binds a type variable hidden in an alias to Never at the call.)
FC = TypeVar("FC", bound=Callable[..., Any] | click.Command)


class DutchGroup(click.Group):
    """A command group whose commands may keep older names as hidden aliases."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.aliases: dict[str, str] = {}  # alias -> command name

    def add(self, command: click.Command, *aliases: str) -> None:
        """Register ``command`` under its own name and ``aliases`` (not listed in --help)."""
        self.add_command(command)
        assert command.name is not None
        for alias in aliases:
            self.aliases[alias] = command.name

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, self.aliases.get(cmd_name, cmd_name))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        return (command.name if command is not None else name), command, rest


class AliasedOption(click.Option):
    """An option whose second and later names are hidden aliases (not shown in --help)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        names, self.opts = self.opts, self.opts[:1]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = names


def option(*names: str, **kwargs: Any) -> Callable[[FC], FC]:
    """``click.option`` where names after the first long name are hidden aliases."""
    return click.option(*names, cls=AliasedOption, **kwargs)


ROOT_OPTION = click.option(
    "--map",
    "root",
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
    help="De map van het project (met site_config/ en content/).",
)


class DateType(click.ParamType[date]):
    """A date written as JJJJ-MM-DD; anything else is refused in Dutch."""

    name = "JJJJ-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            self.fail(
                f"'{value}' is geen datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld "
                "2026-09-01.",
                param,
                ctx,
            )


class SchoolYearType(click.ParamType[str]):
    """A school year written as JJJJ-JJJJ (two years in a row)."""

    name = "JJJJ-JJJJ"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        match = re.fullmatch(r"(\d{4})-(\d{4})", text)
        if match is None or int(match[2]) != int(match[1]) + 1:
            self.fail(
                f"'{value}' is geen schooljaar. Schrijf twee jaren na elkaar, bijvoorbeeld "
                "2026-2027.",
                param,
                ctx,
            )
        return text


DATE = DateType()
SCHOOL_YEAR = SchoolYearType()


def date_option(
    help_text: str = "Rekendatum (JJJJ-MM-DD) in plaats van vandaag.",
) -> Callable[[FC], FC]:
    """--datum: the date a command works with instead of today (refused unless JJJJ-MM-DD)."""
    return click.option("--datum", default=None, type=DATE, help=help_text)


def out_option(default: str, help_text: str, *, folder: bool) -> Callable[[FC], FC]:
    """--uit: where the command writes (relative to the project folder)."""
    kind = click.Path(file_okay=not folder, dir_okay=folder, path_type=Path)
    return click.option(
        "--uit", "out", default=default, show_default=True, type=kind, help=help_text
    )


FILE = click.Path(dir_okay=False, path_type=Path)


def overwrite_option() -> Callable[[FC], FC]:
    """--overschrijf: a command that makes a file may replace one that is there already."""
    return click.option(
        "--overschrijf",
        "overwrite",
        is_flag=True,
        default=False,
        help="Vervang het bestand van --uit als het al bestaat.",
    )


def refuse_to_replace(out: Path, overwrite: bool) -> None:
    """SOP959 and exit 1 when ``out`` exists and --overschrijf was not given: a spreadsheet
    that was made before may have been filled in since (a registration, translations)."""
    from sop_builder.core.catalogue.writing import FILE_EXISTS

    if not overwrite and (out.exists() or out.is_symlink()):
        show_issues([FILE_EXISTS.at(str(out), path=out)])
        sys.exit(1)


def ask(field: str, label: str, given: str | None, check: Callable[[str, str], str]) -> str:
    """Use the given value, or ask until the answer is right; a wrong given value stops."""
    if given is not None:
        problem = check(field, given)
        if problem:
            click.echo(f"{label}: {problem}", err=True)
            sys.exit(1)
        return given.strip()
    while True:
        answer = click.prompt(label).strip()
        problem = check(field, answer)
        if not problem:
            return answer
        click.echo(f"Dat klopt niet. {problem}")


def show_issues(issues: Sequence[Issue]) -> None:
    """Print problems (of an import, a migration, ...) on standard error, sorted."""
    from sop_builder.project import report

    if issues:
        click.echo(report.text_report(sorted(issues, key=lambda i: i.sort_key())), err=True)


class Outcome(Protocol):
    """What a command that changes files returns: its problems and messages."""

    @property
    def ok(self) -> bool: ...

    @property
    def issues(self) -> Sequence[Issue]: ...

    @property
    def messages(self) -> Sequence[str]: ...


def finish(result: Outcome) -> NoReturn:
    """Show a command's problems and messages; exit 0 when it worked, else 1."""
    show_issues(result.issues)
    for message in result.messages:
        click.echo(message, err=not result.ok)
    sys.exit(0 if result.ok else 1)
