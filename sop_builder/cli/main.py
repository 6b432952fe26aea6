"""The sop-builder command: a group of thin commands, each calling one function.

The commands live by what they are for: `publish.py` (controleer, bouw, bekijk), `data.py`
(exporteer, import-*), `authoring.py` (nieuwe-school, nieuw-schooljaar, nieuw-swv, migreer,
schema), `git.py` (installeer-hook, codeowners, controleer-eigenaars, herstel-opmerkingen) and
`editor.py`. Their names follow the language rule of `options.py`: Dutch, with older names as
hidden aliases.
"""

from __future__ import annotations

import click

from sop_builder.cli import authoring, data, editor, git, publish
from sop_builder.cli.options import DutchGroup


@click.group(cls=DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sop-builder")
def main() -> None:
    """Controleer en publiceer de schoolondersteuningsprofielen van een samenwerkingsverband."""


for _module in (publish, data, authoring, git, editor):
    for _command, *_aliases in _module.COMMANDS:
        main.add(_command, *_aliases)
