"""Commands that make and change a project's files: nieuwe-school, nieuw-schooljaar, nieuw-swv,
migreer, schema."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from sop_builder.cli.options import (
    ROOT_OPTION,
    SCHOOL_YEAR,
    ask,
    date_option,
    out_option,
    show_issues,
)
from sop_builder.project.config import load_config
from sop_builder.project.files import SCHOOLS_DIR
from sop_builder.project.model import SCHOOL_TYPE_CODES, SiteConfig


def config_or_exit(root: Path) -> SiteConfig:
    """The project's configuration, or a Dutch message and exit 1."""
    config, _issues = load_config(root)
    if config is None:
        click.echo(
            "De configuratie in site_config/ heeft fouten. Draai eerst: sop-builder controleer",
            err=True,
        )
        sys.exit(1)
    return config


@click.command("nieuwe-school")
@ROOT_OPTION
@click.option("--naam", default=None, help="De naam van de school.")
@click.option("--vestigingscode", default=None, help="De vestigingscode, bijvoorbeeld 12AB00.")
@click.option("--kern", default=None, help="De code van de kern.")
@click.option("--type", "school_type", default=None, help="bao, sbo, so, vso of vo.")
@click.option("--mapnaam", default=None, help="De naam van de map (standaard: uit de naam).")
@date_option("Datum van vandaag (JJJJ-MM-DD), voor tests.")
def new_school(
    root: Path,
    naam: str | None,
    vestigingscode: str | None,
    kern: str | None,
    school_type: str | None,
    mapnaam: str | None,
    datum: date | None,
) -> None:
    """Maak de map van een nieuwe school, met uitleg bij elk veld. Overschrijft nooit iets."""
    from sop_builder.authoring.new_school import NewSchool, answer_errors, create_school
    from sop_builder.core.text import name_slug
    from sop_builder.project.project import reference_date

    config = config_or_exit(root)

    def check(field: str, value: str) -> str:
        return answer_errors(field, value, root, config)

    kernen = ", ".join(f"{k.id} ({k.name})" for k in config.swv.kernen)
    types = ", ".join(f"{code} ({label})" for code, label in SCHOOL_TYPE_CODES.items())
    name = ask("naam", "Naam van de school", naam, check)
    code = ask("vestigingscode", "Vestigingscode (bijvoorbeeld 12AB00)", vestigingscode, check)
    kern_id = ask(
        "kern", f"{config.swv.grouping.label.capitalize()}; kies uit {kernen}", kern, check
    )
    kind = ask("type", f"Soort school; kies uit {types}", school_type, check)
    slug = ask("mapnaam", "Naam van de map", mapnaam or name_slug(name), check)
    today = datum or reference_date()
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
    click.echo("Controleer daarna uw werk met: sop-builder controleer")


@click.command("nieuw-schooljaar")
@ROOT_OPTION
@click.argument("schooljaar", type=SCHOOL_YEAR)
@click.option(
    "--startpunt",
    type=click.Choice(["leeg", "vorig-jaar"]),
    default="leeg",
    show_default=True,
    help="Lege zelfevaluaties, of met de scores van vorig jaar (nog te bevestigen).",
)
@click.option("--proef", is_flag=True, help="Laat alleen zien wat er zou gebeuren.")
@date_option("Datum van vandaag (JJJJ-MM-DD), voor tests.")
def new_year_command(
    root: Path, schooljaar: str, startpunt: str, proef: bool, datum: date | None
) -> None:
    """Begin een nieuw schooljaar: een zelfevaluatie per school en het nieuwe schooljaar."""
    from sop_builder.authoring.new_year import start_new_year

    today = datum
    result = start_new_year(root, schooljaar.strip(), startpunt, today, dry_run=proef)
    show_issues(result.issues)
    for message in result.messages:
        click.echo(message, err=not result.ok)
    if not result.ok:
        sys.exit(1)
    click.echo("\nPer school nog te doen:")
    for school, todo in result.schools:
        click.echo(f"  {school}")
        for line in todo:
            click.echo(f"    - {line}")
    click.echo("\nVoor het samenwerkingsverband:")
    for line in result.swv:
        click.echo(f"  - {line}")


@click.command("nieuw-swv")
@ROOT_OPTION
@click.option("--naam", default=None, help="De volledige naam van het samenwerkingsverband.")
@click.option("--korte-naam", default=None, help="De korte naam, bijvoorbeeld SWV Regio.")
@click.option("--adres", default=None, help="Het postadres van het samenwerkingsverband.")
@click.option("--groepering", default=None, help="Hoe u een groep scholen noemt: kern, regio, ...")
@click.option("--meervoud", default=None, help="Het meervoud daarvan: kernen, regio's, ...")
@click.option("--site-adres", default=None, help="Het webadres van de site, met https://.")
@click.option(
    "--schooljaar", default=None, type=SCHOOL_YEAR, help="Het huidige schooljaar (JJJJ-JJJJ)."
)
@click.option("--vervang", is_flag=True, help="Haal de gegevens in content/ en site_config/ weg.")
@click.option("--proef", is_flag=True, help="Laat alleen zien wat er zou gebeuren.")
@date_option("Datum van vandaag (JJJJ-MM-DD), voor tests.")
def new_swv_command(
    root: Path,
    naam: str | None,
    korte_naam: str | None,
    adres: str | None,
    groepering: str | None,
    meervoud: str | None,
    site_adres: str | None,
    schooljaar: str | None,
    vervang: bool,
    proef: bool,
    datum: date | None,
) -> None:
    """Begin met een leeg project voor een nieuw samenwerkingsverband (zonder voorbeeld)."""
    from sop_builder.authoring.new_swv import NewSwv, answer_error, create_swv, school_year_of
    from sop_builder.project.project import reference_date

    today = datum or reference_date()

    def check(key: str, value: str) -> str:
        return answer_error(key, value)

    name = ask("naam", "Naam van het samenwerkingsverband", naam, check)
    short = ask("korte_naam", "Korte naam (in kopjes en het menu)", korte_naam, check)
    address = ask("adres", "Postadres (straat, postcode en plaats)", adres, check)
    label = ask(
        "label", "Hoe noemt u een groep scholen in de buurt (kern, regio, wijk)", groepering, check
    )
    plural = ask("meervoud", f"Het meervoud van '{label}'", meervoud, check)
    site = ask("site_adres", "Webadres van de site (https://...)", site_adres, check)
    year = ask("schooljaar", "Huidig schooljaar", schooljaar or school_year_of(today), check)
    swv = NewSwv(name, short, address, label.lower(), plural.lower(), site, year)
    result = create_swv(root, swv, today, replace=vervang, dry_run=proef)
    show_issues(result.issues)
    for message in result.messages:
        click.echo(message, err=not result.ok)
    if not result.ok:
        sys.exit(1)
    for path in result.written:
        click.echo(f"  {path}")
    click.echo(
        "Vul nu alles in waar INVULLEN staat (begin met site_config/swv.yaml en de afspraken),\n"
        "haal uw scholen uit de bestanden van DUO met 'sop-builder import-scholen' (zie de\n"
        "README: 'Een nieuw samenwerkingsverband'), en draai 'sop-builder controleer'.\n"
        "Daarna: 'sop-builder schema' (keuzelijsten voor de editor) en 'sop-builder codeowners'.\n"
        "Jaardoelen (site_config/jaardoelen/) en het aanbod (content/aanbod/) zijn niet nodig om\n"
        "te beginnen; zie docs/content-format.md."
    )


@click.command("migreer")
@ROOT_OPTION
@click.option("--proef", is_flag=True, help="Laat alleen zien wat er zou veranderen.")
def migrate_command(root: Path, proef: bool) -> None:
    """Zet de bestanden om naar het formaat van deze versie (uitleg blijft staan)."""
    from sop_builder.authoring.migrate import migrate
    from sop_builder.authoring.migrations import STEPS

    result = migrate(root, STEPS, dry_run=proef)
    show_issues(result.issues)
    for message in result.messages:
        click.echo(message, err=not result.ok)
    if not result.ok:
        sys.exit(1)
    if result.old_version == result.new_version:
        return
    click.echo(f"Formaat {result.old_version} → {result.new_version}:")
    for change in result.changes:
        click.echo(f"  {change.kind}: {change.path} — {change.summary}")
    if proef:
        click.echo(
            "Dit was een proef: er is niets veranderd. Draai het zonder --proef om om te zetten."
        )
    else:
        count = len({c.path for c in result.changes})
        click.echo(
            f"Klaar: {count} {'bestand' if count == 1 else 'bestanden'} aangepast. "
            "Lees docs/formaatwijzigingen.md voor wat u nog zelf moet doen, "
            "en draai daarna 'sop-builder controleer'."
        )


@click.command("schema")
@ROOT_OPTION
@out_option("schema", "De map waarin de schema's komen (binnen het project).", folder=True)
def schema(root: Path, out: Path) -> None:
    """Schrijf een JSON Schema per soort bestand, voor editors zoals VS Code."""
    from sop_builder.project.schema_export import project_choices, write_schemas

    config = config_or_exit(root)
    target = out if out.is_absolute() else root / out
    for path in write_schemas(target, config, project_choices(root)):
        click.echo(f"Geschreven: {path.relative_to(root) if path.is_relative_to(root) else path}")


COMMANDS = (
    (new_school, "new-school"),
    (new_year_command,),
    (new_swv_command,),
    (migrate_command,),
    (schema,),
)
