"""Options shared by the commands of cli.py and cli_edit.py."""

from __future__ import annotations

from pathlib import Path

import click

ROOT_OPTION = click.option(
    "--map",
    "root",
    default=".",
    type=click.Path(file_okay=False, path_type=Path),
    help="De map van het project (met site_config/ en content/).",
)
