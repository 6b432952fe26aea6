"""The sop-builder command: each command calls one function."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from sop_builder.cli.options import ROOT_OPTION
from sop_builder.project import report
from sop_builder.project.load import load_project


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
@ROOT_OPTION
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


@main.command()
@ROOT_OPTION
@click.option(
    "--uit",
    "site_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Waar de site komt (standaard: site/ in het project).",
)
@click.option("--datum", default=None, help="Rekendatum (JJJJ-MM-DD) in plaats van vandaag.")
@click.option(
    "--intern",
    is_flag=True,
    help="Bouw de interne site (dashboard en gespreksrapporten) in site-intern/.",
)
def build(root: Path, site_dir: Path | None, datum: str | None, intern: bool) -> None:
    """Bouw de openbare site. Bij een fout blijft de vorige site staan."""
    from sop_builder.build.intern import build_intern
    from sop_builder.build.public import build_site

    builder = build_intern if intern else build_site
    result = builder(root, site_dir, _date(datum), echo=lambda s: click.echo(s, nl=False))
    for message in result.messages:
        click.echo(message, err=not result.ok)
    sys.exit(0 if result.ok else 1)


@main.command()
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
    from sop_builder.site.serve import serve as serve_site

    click.echo(f"De site staat op http://{address}/ (stoppen: Ctrl+C).")
    serve_site(Path(root), address)


def _show_issues(issues: list) -> None:
    if issues:
        click.echo(report.text_report(sorted(issues, key=lambda i: i.sort_key())), err=True)


def _finish(result) -> None:
    """Show an import's problems and messages, and exit 0 when it worked, else 1."""
    _show_issues(result.issues)
    for message in result.messages:
        click.echo(message, err=not result.ok)
    sys.exit(0 if result.ok else 1)


_FILE = click.Path(dir_okay=False, path_type=Path)


@main.command()
@ROOT_OPTION
@click.option(
    "--formaat", "fmt", type=click.Choice(["csv", "xlsx"]), default="xlsx", show_default=True
)
@click.option("--uit", "out", required=True, type=_FILE, help="Het bestand dat wordt gemaakt.")
@click.option("--schooljaar", default=None, help="Schooljaar JJJJ-JJJJ (standaard: het huidige).")
def export(root: Path, fmt: str, out: Path, schooljaar: str | None) -> None:
    """Zet de scores per school en per afspraak in een spreadsheet (intern)."""
    from sop_builder.sheets.scores import export_scores

    project = load_project(root)
    if project.config is None or project.errors:
        click.echo(report.render(project, "text"), err=True)
        click.echo("Er is niets geëxporteerd: herstel eerst de fouten hierboven.", err=True)
        sys.exit(1)
    click.echo(export_scores(project, fmt, out, schooljaar))


@main.command("import-scores")
@ROOT_OPTION
@click.argument("school")
@click.argument("bestand", type=_FILE)
@click.option("--schooljaar", default=None, help="Schooljaar JJJJ-JJJJ (standaard: het huidige).")
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

    _finish(run(root, school, bestand, schooljaar, ingevuld_door))


@main.command("import-leerlingen")
@ROOT_OPTION
@click.argument("bestand", type=_FILE)
def import_leerlingen(root: Path, bestand: Path) -> None:
    """Lees de leerlingaantallen per vestiging uit het open-data-bestand van DUO (CSV)."""
    from sop_builder.sheets.pupils import import_pupils

    _finish(import_pupils(root, bestand))


@main.command("import-postcodes")
@ROOT_OPTION
@click.argument("bestand", type=_FILE)
def import_postcodes(root: Path, bestand: Path) -> None:
    """Maak site_config/postcodes.csv uit het open-data-bestand met postcodegebieden (GeoPackage)."""
    from sop_builder.sheets.postcodes import import_postcodes as run

    _finish(run(root, bestand))


def _register_editing_commands() -> None:
    from sop_builder.cli import edit as cli_edit

    for command in cli_edit.COMMANDS:
        main.add_command(command)


_register_editing_commands()
