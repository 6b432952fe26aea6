"""Commands that bring data in and out: exporteer, import-scores, import-leerlingen,
import-postcodes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sop_builder.cli.options import FILE, ROOT_OPTION, SCHOOL_YEAR, finish
from sop_builder.project import report
from sop_builder.project.load import load_project


@click.command("exporteer")
@ROOT_OPTION
@click.option(
    "--formaat", "fmt", type=click.Choice(["csv", "xlsx"]), default="xlsx", show_default=True
)
@click.option("--uit", "out", required=True, type=FILE, help="Het bestand dat wordt gemaakt.")
@click.option(
    "--schooljaar", default=None, type=SCHOOL_YEAR, help="Schooljaar (standaard: het huidige)."
)
def export(root: Path, fmt: str, out: Path, schooljaar: str | None) -> None:
    """Zet de scores per school en per afspraak in een spreadsheet (intern)."""
    from sop_builder.sheets.scores import export_scores

    project = load_project(root)
    if project.config is None or project.errors:
        click.echo(report.render(project, "text"), err=True)
        click.echo("Er is niets geëxporteerd: herstel eerst de fouten hierboven.", err=True)
        sys.exit(1)
    click.echo(export_scores(project, fmt, out, schooljaar))


@click.command("import-scores")
@ROOT_OPTION
@click.argument("school")
@click.argument("bestand", type=FILE)
@click.option(
    "--schooljaar", default=None, type=SCHOOL_YEAR, help="Schooljaar (standaard: het huidige)."
)
@click.option(
    "--ingevuld-door",
    default=None,
    help="Rol voor een nieuw bestand (standaard: de contactrol uit site_config/teksten.yaml).",
)
def import_scores(
    root: Path, school: str, bestand: Path, schooljaar: str | None, ingevuld_door: str | None
) -> None:
    """Lees de scores van SCHOOL (mapnaam of vestigingscode) uit een spreadsheet (CSV of XLSX)."""
    from sop_builder.sheets.scores import import_scores as run

    finish(run(root, school, bestand, schooljaar, ingevuld_door))


@click.command("import-leerlingen")
@ROOT_OPTION
@click.argument("bestand", type=FILE)
def import_pupils(root: Path, bestand: Path) -> None:
    """Lees de leerlingaantallen per vestiging uit het open-data-bestand van DUO (CSV)."""
    from sop_builder.sheets.pupils import import_pupils as run

    finish(run(root, bestand))


@click.command("import-postcodes")
@ROOT_OPTION
@click.argument("bestand", type=FILE)
def import_postcodes(root: Path, bestand: Path) -> None:
    """Maak site_config/postcodes.csv uit het open-data-bestand met postcodegebieden (GeoPackage)."""
    from sop_builder.sheets.postcodes import import_postcodes as run

    finish(run(root, bestand))


COMMANDS = ((export, "export"), (import_scores,), (import_pupils,), (import_postcodes,))
