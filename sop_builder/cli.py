"""The sop-builder command: each command calls one function."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from . import report
from .project import load_project


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("schrijf de datum als JJJJ-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sop-builder")
def main() -> None:
    """Controleer en publiceer de schoolondersteuningsprofielen van een samenwerkingsverband."""


@main.command()
@click.option(
    "--map",
    "root",
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
    help="De map van het project (met site_config/ en content/).",
)
@click.option(
    "--formaat",
    "fmt",
    type=click.Choice(report.FORMATS),
    default="text",
    show_default=True,
    help="Hoe de problemen worden getoond.",
)
@click.option("--strict", is_flag=True, help="Stop ook bij waarschuwingen (exitcode 2).")
@click.option("--datum", default=None, help="Rekendatum (JJJJ-MM-DD) in plaats van vandaag.")
def check(root: Path, fmt: str, strict: bool, datum: str | None) -> None:
    """Controleer alle configuratie en inhoud en toon de naleving per school."""
    project = load_project(root, _date(datum))
    click.echo(report.render(project, fmt), nl=False)
    sys.exit(report.exit_code(project, strict))
