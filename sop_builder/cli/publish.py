"""Commands that check and publish: controleer, bouw, bekijk."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from sop_builder.cli.options import ROOT_OPTION, date_option, option
from sop_builder.project import report
from sop_builder.project.load import load_project

if TYPE_CHECKING:
    from sop_builder.publish.atomic import BuildResult


def format_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--formaat``: the format of the problems (report.FORMATS)."""
    return click.option(
        "--formaat",
        "fmt",
        type=click.Choice(report.FORMATS),
        default="text",
        show_default=True,
        help=help_text,
    )


@click.command("controleer")
@ROOT_OPTION
@format_option("Hoe de problemen worden getoond.")
@option(
    "--streng", "--strict", "strict", is_flag=True, help="Stop ook bij waarschuwingen (exitcode 2)."
)
@date_option()
def check(root: Path, fmt: str, strict: bool, datum: date | None) -> None:
    """Controleer alle configuratie en inhoud en toon de naleving per school."""
    project = load_project(root, datum)
    click.echo(report.render(project, fmt), nl=False)
    sys.exit(report.exit_code(project, strict))


FOLDER = click.Path(file_okay=False, path_type=Path)
SITE_FOLDER_HELP = "Waar de site komt (standaard: site/ in het project)."
STAGE_FOLDER_HELP = "De map waarin de pagina's komen (een nieuwe of lege map, of een eerdere)."


@click.command("bouw")
@ROOT_OPTION
@click.option("--uit", "site_dir", default=None, type=FOLDER, help=SITE_FOLDER_HELP)
@date_option()
@click.option(
    "--intern",
    is_flag=True,
    help="Bouw de interne site (dashboard en gespreksrapporten) in site-intern/.",
)
@format_option("Hoe de problemen worden getoond (github en gitlab: voor CI).")
def build(root: Path, site_dir: Path | None, datum: date | None, intern: bool, fmt: str) -> None:
    """Bouw de openbare site. Bij een fout blijft de vorige site staan."""
    from sop_builder.publish.intern import build_intern
    from sop_builder.publish.public import build_site

    def notice(text: str) -> None:  # never between the lines of a report in a format for CI
        click.echo(text, nl=False, err=fmt != "text")

    if intern:
        result = build_intern(root, site_dir, datum, echo=_echo, fmt=fmt, notice=notice)
    else:
        result = build_site(root, site_dir, datum, echo=_echo, fmt=fmt, notice=notice)
    _finish(result, fmt)


def _echo(text: str) -> None:
    click.echo(text, nl=False)


def _finish(result: BuildResult, fmt: str) -> NoReturn:
    """Report a build's own problems (in ``fmt``) and its messages; exit 0 when it published."""
    if result.issues or (result.ok and fmt in ("json", "gitlab")):  # a document, even empty
        click.echo(report.render_issues(result.issues, fmt), nl=False)
    for message in result.messages:
        click.echo(message, err=not result.ok or fmt != "text")
    sys.exit(0 if result.ok else 1)


@click.command("bekijk")
@ROOT_OPTION
@click.option(
    "--adres",
    "address",
    default="127.0.0.1:8000",
    show_default=True,
    help="Adres en poort van de voorbeeldsite.",
)
def serve(root: Path, address: str) -> None:
    """Toon de site op uw eigen computer; na elke wijziging worden alleen de pagina's die ervan
    afhangen opnieuw gebouwd."""
    from sop_builder.publish.serve import serve as serve_site

    click.echo(f"De site staat op http://{address}/ (stoppen: Ctrl+C).")
    serve_site(Path(root), address)


@click.command("klaarzetten")
@ROOT_OPTION
@click.option("--uit", "target", required=True, type=FOLDER, help=STAGE_FOLDER_HELP)
@date_option()
@format_option("Hoe de problemen worden getoond (github en gitlab: voor CI).")
def stage(root: Path, target: Path, datum: date | None, fmt: str) -> None:
    """Zet de pagina's van de openbare site klaar, zonder ze te bouwen: als Markdown met de
    opmaak en mkdocs.yml, om ze met een andere motor te bouwen of de motor alleen te meten."""
    from sop_builder.publish.public import stage_only

    _finish(stage_only(root, target, datum, echo=_echo, fmt=fmt), fmt)


COMMANDS = ((check, "check"), (build, "build"), (serve, "serve"), (stage, "stage"))
