"""Commands for people who edit: new-school, schema, install-hook, codeowners, check-owners."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .config import load_config
from .loading import SCHOOLS_DIR
from .model import SCHOOL_TYPE_CODES

ROOT_OPTION = click.option(
    "--map",
    "root",
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
    help="De map van het project (met site_config/ en content/).",
)


def _config_or_exit(root: Path):
    config, _issues = load_config(root)
    if config is None:
        click.echo(
            "De configuratie in site_config/ heeft fouten. Draai eerst: sop-builder check", err=True
        )
        sys.exit(1)
    return config


def _ask(field: str, label: str, given: str | None, check) -> str:
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


@click.command("new-school")
@ROOT_OPTION
@click.option("--naam", default=None, help="De naam van de school.")
@click.option("--vestigingscode", default=None, help="De vestigingscode, bijvoorbeeld 12AB00.")
@click.option("--kern", default=None, help="De code van de kern.")
@click.option("--type", "school_type", default=None, help="bao, sbo, so of vo.")
@click.option("--mapnaam", default=None, help="De naam van de map (standaard: uit de naam).")
@click.option("--datum", default=None, help="Datum van vandaag (JJJJ-MM-DD), voor tests.")
def new_school(
    root: Path,
    naam: str | None,
    vestigingscode: str | None,
    kern: str | None,
    school_type: str | None,
    mapnaam: str | None,
    datum: str | None,
) -> None:
    """Maak de map van een nieuwe school, met uitleg bij elk veld. Overschrijft nooit iets."""
    from .project import reference_date
    from .scaffold import NewSchool, answer_errors, create_school, slugify

    config = _config_or_exit(root)

    def check(field: str, value: str) -> str:
        return answer_errors(field, value, root, config)

    kernen = ", ".join(f"{k.id} ({k.name})" for k in config.swv.kernen)
    types = ", ".join(f"{code} ({label})" for code, label in SCHOOL_TYPE_CODES.items())
    name = _ask("naam", "Naam van de school", naam, check)
    code = _ask("vestigingscode", "Vestigingscode (bijvoorbeeld 12AB00)", vestigingscode, check)
    kern_id = _ask(
        "kern", f"{config.swv.grouping.label.capitalize()}; kies uit {kernen}", kern, check
    )
    kind = _ask("type", f"Soort school; kies uit {types}", school_type, check)
    slug = _ask("mapnaam", "Naam van de map", mapnaam if mapnaam else slugify(name), check)
    today = date.fromisoformat(datum) if datum else reference_date()
    try:
        folder = create_school(root, NewSchool(name, code, kern_id, kind, slug), config, today)
    except FileExistsError:
        click.echo(
            f"De map {SCHOOLS_DIR.as_posix()}/{slug} bestaat al; er is niets veranderd.", err=True
        )
        sys.exit(1)
    rel = folder.relative_to(root).as_posix()
    click.echo(f"De map {rel} is klaar, met sop.md en de zelfevaluatie.")
    click.echo("Vul nu alles in waar INVULLEN staat en schrijf de vier teksten.")
    click.echo("Controleer daarna uw werk met: sop-builder check")


@click.command("schema")
@ROOT_OPTION
@click.option(
    "--uit",
    "out_dir",
    default="schema",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="De map waarin de schema's komen (binnen het project).",
)
def schema(root: Path, out_dir: Path) -> None:
    """Schrijf een JSON Schema per soort bestand, voor editors zoals VS Code."""
    from .schema_export import write_schemas

    config = _config_or_exit(root)
    target = out_dir if out_dir.is_absolute() else root / out_dir
    for path in write_schemas(target, config):
        click.echo(f"Geschreven: {path.relative_to(root) if path.is_relative_to(root) else path}")


COMMANDS = [new_school, schema]
