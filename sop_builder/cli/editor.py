"""The web editor on this computer: editor."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sop_builder.cli.options import ROOT_OPTION
from sop_builder.editor.admin import LOCAL_BACKEND_PORT


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
                "Wilt u de site ernaast zien? Start in een tweede venster: sop-builder bekijk"
            )
            while True:
                time.sleep(3600)
    except (EditorError, AssetsUnavailable) as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("De webeditor is gestopt.")


COMMANDS = ((editor,),)
