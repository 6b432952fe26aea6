"""Commands for Git and the review of changes: installeer-hook, codeowners,
controleer-eigenaars, herstel-opmerkingen."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sop_builder.cli.options import ROOT_OPTION, out_option
from sop_builder.project.editors import Editors


def editors_or_exit(root: Path) -> Editors:
    from sop_builder.project import report
    from sop_builder.project.editors import load_editors

    editors, issues = load_editors(root)
    if issues:
        click.echo(report.text_report(issues), err=True)
    if editors is None:
        sys.exit(1)
    return editors


@click.command("installeer-hook")
@ROOT_OPTION
def install_hook(root: Path) -> None:
    """Laat Git vóór elke commit 'sop-builder controleer' draaien (zonder pre-commit)."""
    from sop_builder.authoring.hooks import HookError
    from sop_builder.authoring.hooks import install_hook as install

    try:
        hook = install(root)
    except HookError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"Klaar: {hook}. Vanaf nu controleert Git de inhoud vóór elke commit.")


@click.command("codeowners")
@ROOT_OPTION
@out_option(
    ".github/CODEOWNERS", "Waar het bestand komt (GitLab: .gitlab/CODEOWNERS).", folder=False
)
def codeowners(root: Path, out: Path) -> None:
    """Maak CODEOWNERS uit site_config/redacteuren.yaml."""
    from sop_builder.authoring.ownership import codeowners as render
    from sop_builder.core.atomic import write_atomic

    editors = editors_or_exit(root)
    path = out if out.is_absolute() else root / out
    write_atomic(path, render(editors))
    click.echo(f"Geschreven: {out}")


@click.command("controleer-eigenaars")
@ROOT_OPTION
@click.option(
    "--auteur", required=True, help="De GitHub- of GitLab-naam van wie de wijziging maakt."
)
@click.option(
    "--basis", default="origin/main", show_default=True, help="De tak waarmee vergeleken wordt."
)
def check_owners(root: Path, auteur: str, basis: str) -> None:
    """Controleer in een pull request of de auteur alleen eigen scholen aanpast.

    Wie wat mag, komt uit site_config/redacteuren.yaml zoals die op de basistak staat, niet uit
    het pull request zelf."""
    import subprocess

    from sop_builder.authoring.ownership import base_editors, violations
    from sop_builder.core.git import changed_files
    from sop_builder.project import report
    from sop_builder.project.editors import EDITORS_FILE

    try:
        editors, issues, found_file = base_editors(root, basis)
        paths = changed_files(root, basis)
    except (OSError, subprocess.CalledProcessError):
        click.echo(f"Git kan de wijzigingen sinds '{basis}' niet tonen. Bestaat die tak?", err=True)
        sys.exit(1)
    if not found_file:
        click.echo(
            f"Op '{basis}' staat geen {EDITORS_FILE}: zonder die lijst kan niet worden "
            "gecontroleerd wie welke school aanpast. Het samenwerkingsverband zet hem eerst "
            "op die tak.",
            err=True,
        )
        sys.exit(1)
    if issues:
        click.echo(report.text_report(issues), err=True)
    if editors is None:
        click.echo(f"{EDITORS_FILE} op '{basis}' heeft fouten; los die eerst op.", err=True)
        sys.exit(1)
    found = violations(editors, auteur, paths)
    if not found:
        click.echo(f"In orde: {auteur} past alleen eigen scholen aan ({len(paths)} bestanden).")
        return
    click.echo(f"{auteur} past bestanden aan die niet van hem of haar zijn:", err=True)
    for v in found:
        owners = ", ".join(v.owners) or "nog niemand"
        if v.school is None:
            click.echo(f"  {v.path}  (alleen het samenwerkingsverband: {owners})", err=True)
        else:
            click.echo(f"  {v.path}  (school {v.school}; redacteuren: {owners})", err=True)
    click.echo(
        "Haal deze wijzigingen uit het pull request, of vraag een redacteur van die school "
        "of het samenwerkingsverband om ze te maken. Wie welke school bewerkt, staat in "
        f"{EDITORS_FILE} op '{basis}'; een wijziging daarvan maakt het samenwerkingsverband.",
        err=True,
    )
    sys.exit(1)


@click.command("herstel-opmerkingen")
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


COMMANDS = (
    (install_hook, "install-hook"),
    (codeowners,),
    (check_owners, "check-owners"),
    (keep_comments_command, "keep-comments"),
)
