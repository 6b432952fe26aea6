"""Commands for people who edit: new-school, nieuw-schooljaar, schema, install-hook, codeowners,
check-owners, migreer."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from sop_builder.cli.options import ROOT_OPTION
from sop_builder.editor.admin import LOCAL_BACKEND_PORT
from sop_builder.project.config import load_config
from sop_builder.project.loading import SCHOOLS_DIR
from sop_builder.project.model import SCHOOL_TYPE_CODES


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
    from sop_builder.authoring.new_school import NewSchool, answer_errors, create_school
    from sop_builder.core.text import slugify
    from sop_builder.project.load import reference_date

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
    slug = _ask("mapnaam", "Naam van de map", mapnaam or slugify(name, fallback=""), check)
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


def _out_option(default: str, help_text: str, *, folder: bool):
    """--uit: where the command writes (relative to the project folder)."""
    kind = click.Path(file_okay=not folder, dir_okay=folder, path_type=Path)
    return click.option(
        "--uit", "out", default=default, show_default=True, type=kind, help=help_text
    )


@click.command("schema")
@ROOT_OPTION
@_out_option("schema", "De map waarin de schema's komen (binnen het project).", folder=True)
def schema(root: Path, out: Path) -> None:
    """Schrijf een JSON Schema per soort bestand, voor editors zoals VS Code."""
    from sop_builder.project.schema_export import project_choices, write_schemas

    config = _config_or_exit(root)
    target = out if out.is_absolute() else root / out
    for path in write_schemas(target, config, project_choices(root)):
        click.echo(f"Geschreven: {path.relative_to(root) if path.is_relative_to(root) else path}")


@click.command("install-hook")
@ROOT_OPTION
def install_hook(root: Path) -> None:
    """Laat Git vóór elke commit 'sop-builder check' draaien (zonder pre-commit)."""
    from sop_builder.authoring.hooks import HookError
    from sop_builder.authoring.hooks import install_hook as install

    try:
        hook = install(root)
    except HookError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"Klaar: {hook}. Vanaf nu controleert Git de inhoud vóór elke commit.")


def _editors_or_exit(root: Path):
    from sop_builder.project import report
    from sop_builder.project.editors import load_editors

    editors, issues = load_editors(root)
    if issues:
        click.echo(report.text_report(issues), err=True)
    if editors is None:
        sys.exit(1)
    return editors


@click.command("codeowners")
@ROOT_OPTION
@_out_option(
    ".github/CODEOWNERS", "Waar het bestand komt (GitLab: .gitlab/CODEOWNERS).", folder=False
)
def codeowners(root: Path, out: Path) -> None:
    """Maak CODEOWNERS uit site_config/redacteuren.yaml."""
    from sop_builder.authoring.ownership import codeowners as render
    from sop_builder.core.atomic import write_atomic

    editors = _editors_or_exit(root)
    path = out if out.is_absolute() else root / out
    write_atomic(path, render(editors))
    click.echo(f"Geschreven: {out}")


@click.command("check-owners")
@ROOT_OPTION
@click.option(
    "--auteur", required=True, help="De GitHub- of GitLab-naam van wie de wijziging maakt."
)
@click.option(
    "--basis", default="origin/main", show_default=True, help="De tak waarmee vergeleken wordt."
)
def check_owners(root: Path, auteur: str, basis: str) -> None:
    """Controleer in een pull request of de auteur alleen eigen scholen aanpast."""
    import subprocess

    from sop_builder.authoring.ownership import violations
    from sop_builder.core.git import changed_files

    editors = _editors_or_exit(root)
    try:
        paths = changed_files(root, basis)
    except (OSError, subprocess.CalledProcessError):
        click.echo(f"Git kan de wijzigingen sinds '{basis}' niet tonen. Bestaat die tak?", err=True)
        sys.exit(1)
    found = violations(editors, auteur, paths)
    if not found:
        click.echo(f"In orde: {auteur} past alleen eigen scholen aan ({len(paths)} bestanden).")
        return
    click.echo(f"{auteur} past bestanden aan van scholen die niet van hem of haar zijn:", err=True)
    for v in found:
        owners = ", ".join(v.owners) or "nog niemand"
        click.echo(f"  {v.path}  (school {v.school}; redacteuren: {owners})", err=True)
    click.echo(
        "Haal deze wijzigingen uit het pull request, of vraag een redacteur van die school "
        "of het samenwerkingsverband om ze te maken.",
        err=True,
    )
    sys.exit(1)


@click.command("editor")
@ROOT_OPTION
@click.option(
    "--poort",
    default=LOCAL_BACKEND_PORT,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="De poort op 127.0.0.1 van de webeditor (0: een vrije poort).",
)
def editor(root: Path, poort: int) -> None:
    """Open de webeditor op uw eigen computer; wat u bewaart, komt meteen in de bestanden."""
    import time

    from sop_builder.editor.assets import AssetsUnavailable
    from sop_builder.editor.server import EditorError, running_editor

    def saved(path: str) -> None:
        click.echo(f"Bewaard en gecontroleerd: {path}")

    try:
        with running_editor(root, poort, after_save=saved) as url:
            click.echo(f"De webeditor staat op {url}/admin/ (stoppen: Ctrl+C).")
            click.echo(
                "Wilt u de site ernaast zien? Start in een tweede venster: sop-builder serve"
            )
            while True:
                time.sleep(3600)
    except (EditorError, AssetsUnavailable) as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("De webeditor is gestopt.")


@click.command("keep-comments")
@ROOT_OPTION
@click.option(
    "--basis", default="origin/main", show_default=True, help="De tak waarmee vergeleken wordt."
)
def keep_comments_command(root: Path, basis: str) -> None:
    """Zet na een wijziging via de webeditor de uitleg (regels met #) en de opmaak terug."""
    import subprocess

    from sop_builder.editor.config import file_patterns
    from sop_builder.editor.keep_comments import keep_comments

    try:
        rewritten = keep_comments(root, basis, file_patterns())
    except (OSError, subprocess.CalledProcessError):
        click.echo(f"Git kan de wijzigingen sinds '{basis}' niet tonen. Bestaat die tak?", err=True)
        sys.exit(1)
    for path in rewritten:
        click.echo(f"Uitleg en opmaak teruggezet: {path}")
    if not rewritten:
        click.echo("Niets te doen: de uitleg en opmaak staan er nog.")


@click.command("migreer")
@ROOT_OPTION
@click.option("--proef", is_flag=True, help="Laat alleen zien wat er zou veranderen.")
def migrate_command(root: Path, proef: bool) -> None:
    """Zet de bestanden om naar het formaat van deze versie (uitleg blijft staan)."""
    from sop_builder.authoring.migrate import migrate
    from sop_builder.authoring.migrations import STEPS
    from sop_builder.project import report

    result = migrate(root, STEPS, dry_run=proef)
    if result.issues:
        click.echo(report.text_report(result.issues), err=True)
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
            "en draai daarna 'sop-builder check'."
        )


@click.command("nieuw-schooljaar")
@ROOT_OPTION
@click.argument("schooljaar")
@click.option(
    "--startpunt",
    type=click.Choice(["leeg", "vorig-jaar"]),
    default="leeg",
    show_default=True,
    help="Lege zelfevaluaties, of met de scores van vorig jaar (nog te bevestigen).",
)
@click.option("--proef", is_flag=True, help="Laat alleen zien wat er zou gebeuren.")
@click.option("--datum", default=None, help="Datum van vandaag (JJJJ-MM-DD), voor tests.")
def new_year_command(
    root: Path, schooljaar: str, startpunt: str, proef: bool, datum: str | None
) -> None:
    """Begin een nieuw schooljaar: een zelfevaluatie per school en het nieuwe schooljaar."""
    from sop_builder.authoring.new_year import start_new_year

    today = date.fromisoformat(datum) if datum else None
    result = start_new_year(root, schooljaar.strip(), startpunt, today, dry_run=proef)
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
@click.option("--schooljaar", default=None, help="Het huidige schooljaar (JJJJ-JJJJ).")
@click.option("--vervang", is_flag=True, help="Haal de gegevens in content/ en site_config/ weg.")
@click.option("--proef", is_flag=True, help="Laat alleen zien wat er zou gebeuren.")
@click.option("--datum", default=None, help="Datum van vandaag (JJJJ-MM-DD), voor tests.")
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
    datum: str | None,
) -> None:
    """Begin met een leeg project voor een nieuw samenwerkingsverband (zonder voorbeeld)."""
    from sop_builder.authoring.new_swv import NewSwv, answer_error, create_swv, school_year_of
    from sop_builder.project.load import reference_date

    today = date.fromisoformat(datum) if datum else reference_date()

    def check(key: str, value: str) -> str:
        return answer_error(key, value)

    name = _ask("naam", "Naam van het samenwerkingsverband", naam, check)
    short = _ask("korte_naam", "Korte naam (in kopjes en het menu)", korte_naam, check)
    address = _ask("adres", "Postadres (straat, postcode en plaats)", adres, check)
    label = _ask(
        "label", "Hoe noemt u een groep scholen in de buurt (kern, regio, wijk)", groepering, check
    )
    plural = _ask("meervoud", f"Het meervoud van '{label}'", meervoud, check)
    site = _ask("site_adres", "Webadres van de site (https://...)", site_adres, check)
    year = _ask("schooljaar", "Huidig schooljaar", schooljaar or school_year_of(today), check)
    swv = NewSwv(name, short, address, label.lower(), plural.lower(), site, year)
    result = create_swv(root, swv, today, replace=vervang, dry_run=proef)
    for message in result.messages:
        click.echo(message, err=not result.ok)
    if not result.ok:
        sys.exit(1)
    for path in result.written:
        click.echo(f"  {path}")
    click.echo(
        "Vul nu alles in waar INVULLEN staat (begin met site_config/swv.yaml en de afspraken),\n"
        "maak uw scholen met 'sop-builder new-school', en draai 'sop-builder check'.\n"
        "Daarna: 'sop-builder schema' (keuzelijsten voor de editor) en 'sop-builder codeowners'.\n"
        "Jaardoelen (site_config/jaardoelen/) en het aanbod (content/aanbod/) zijn niet nodig om\n"
        "te beginnen; zie docs/content-format.md."
    )


COMMANDS = [
    migrate_command,
    new_swv_command,
    new_year_command,
    new_school,
    schema,
    install_hook,
    codeowners,
    check_owners,
    editor,
    keep_comments_command,
]
