"""Commands that bring data in and out: exporteer, import-scores, import-leerlingen,
import-postcodes, import-scholen, import-norm, import-kengetallen, kengetallen-sjabloon,
vertalingen."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from sop_builder.cli.options import (
    DATE,
    FILE,
    ROOT_OPTION,
    SCHOOL_YEAR,
    date_option,
    finish,
    overwrite_option,
    refuse_to_replace,
)
from sop_builder.project import report
from sop_builder.project.load import load_project


@click.command("exporteer")
@ROOT_OPTION
@click.option(
    "--formaat", "fmt", type=click.Choice(["csv", "xlsx"]), default="xlsx", show_default=True
)
@click.option("--uit", "out", required=True, type=FILE, help="Het bestand dat wordt gemaakt.")
@overwrite_option()
@click.option(
    "--schooljaar", default=None, type=SCHOOL_YEAR, help="Schooljaar (standaard: het huidige)."
)
def export(root: Path, fmt: str, out: Path, overwrite: bool, schooljaar: str | None) -> None:
    """Zet de scores per school en per afspraak in een spreadsheet (intern)."""
    from sop_builder.sheets.scores import export_scores

    refuse_to_replace(out, overwrite)
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
    """Lees de leerlingaantallen per vestiging uit een open-data-bestand van DUO (CSV).

    Met een kolom per jaar (LEERLINGEN_JJJJ), of DUO's bestand per vestiging, soort school en
    cluster met een kolom per leeftijd ('01. Leerlingen po - soort po, cluster, leeftijd').
    """
    from sop_builder.sheets.pupils import import_pupils as run

    finish(run(root, bestand))


@click.command("import-postcodes")
@ROOT_OPTION
@click.argument("bestand", type=FILE)
def import_postcodes(root: Path, bestand: Path) -> None:
    """Maak site_config/postcodes.csv uit het open-data-bestand met postcodegebieden (GeoPackage)."""
    from sop_builder.sheets.postcodes import import_postcodes as run

    finish(run(root, bestand))


def _split(values: tuple[str, ...], separators: str = ",; ") -> list[str]:
    """Values of a repeated option, each of which may hold several (1940-1949,1951)."""
    import re

    pattern = "[" + re.escape(separators) + "]+"
    return [part for value in values for part in re.split(pattern, value.strip()) if part]


KINDS = "bao, sbo, so, vso of vo"


@click.command("import-scholen")
@ROOT_OPTION
@click.argument("bestanden", nargs=-1, required=True, type=FILE)
@click.option(
    "--postcodes",
    multiple=True,
    help="Postcodegebieden van het samenwerkingsverband (1940-1949,1951); bewaard in "
    "site_config/scholen.yaml.",
)
@click.option(
    "--gemeenten",
    multiple=True,
    help="Gemeenten (gescheiden door ; of de optie vaker); bewaard in site_config/scholen.yaml.",
)
@click.option(
    "--vestigingscodes",
    multiple=True,
    help="Vestigingscodes (12AB00,12AB01); bewaard in site_config/scholen.yaml.",
)
@click.option(
    "--soorten", multiple=True, help=f"De soorten school van het samenwerkingsverband: {KINDS}."
)
@click.option(
    "--vso-als",
    type=click.Choice(["so", "vso", "beide"]),
    default=None,
    help="Hoe een school die DUO '(V)SO' noemt meetelt: so, vso of beide (twee scholen).",
)
@click.option(
    "--soort",
    type=click.Choice(["bao", "sbo", "so", "vso", "vo"]),
    default=None,
    help="De soort school van een bestand zonder kolom met de soort school.",
)
@click.option("--kern", default=None, help="De kern van nieuwe scholen waarvoor geen kern past.")
@click.option("--proef", is_flag=True, help="Laat alleen zien wat er zou veranderen.")
@date_option("De datum van de import (JJJJ-MM-DD), voor tests.")
def import_schools(
    root: Path,
    bestanden: tuple[Path, ...],
    postcodes: tuple[str, ...],
    gemeenten: tuple[str, ...],
    vestigingscodes: tuple[str, ...],
    soorten: tuple[str, ...],
    vso_als: str | None,
    soort: str | None,
    kern: str | None,
    proef: bool,
    datum: date | None,
) -> None:
    """Haal de scholen van het samenwerkingsverband uit de open-data-bestanden van DUO.

    BESTANDEN: '02. Alle schoolvestigingen basisonderwijs', '09. Alle vestigingen sbo, so en
    vso', de vestigingen vo, en (voor de namen van de besturen) '03. Adressen bevoegde gezagen'.
    Een nieuwe import na een nieuwe uitgave van DUO werkt alleen de gegevens van DUO bij.
    """
    from sop_builder.authoring.import_schools import SchoolsRequest
    from sop_builder.authoring.import_schools import import_schools as run

    request = SchoolsRequest(
        list(bestanden),
        _split(postcodes, ",;"),
        _split(gemeenten, ";"),
        _split(vestigingscodes),
        _split(soorten),
        vso_als,
        soort,
        kern,
        proef,
        datum,
    )
    result = run(root, request)
    if result.vso_locations and sys.stdin.isatty():
        click.echo(
            f"DUO noemt {result.vso_locations} vestigingen '(V)SO': speciaal en voortgezet "
            "speciaal onderwijs samen."
        )
        request.vso_as = click.prompt(
            "Neemt u ze op als so, als vso, of beide (twee scholen)?",
            type=click.Choice(["so", "vso", "beide"]),
        )
        result = run(root, request)
    finish(result)


@click.command("import-norm")
@ROOT_OPTION
@click.argument("bestand", type=FILE)
@click.option(
    "--schooljaar",
    default=None,
    type=SCHOOL_YEAR,
    help="Het eerste schooljaar waarin de afspraken gelden (standaard: het huidige).",
)
@click.option(
    "--schaal",
    type=click.Choice(["ja-deels-nee", "ja-nee"]),
    default=None,
    help="De scores: ja, deels en nee, of alleen ja en nee.",
)
@click.option("--doel", type=click.IntRange(1, 100), default=None, help="Het doel in procent.")
@click.option(
    "--codevoorbeeld", default=None, help="Hoe nieuwe codes eruitzien, bijvoorbeeld BO-01."
)
@click.option(
    "--naam", default=None, help="De naam van de norm (standaard: Afspraken basisondersteuning)."
)
@click.option(
    "--vervang", is_flag=True, help="Vervang de norm van dat schooljaar als die er al is."
)
def import_norm(
    root: Path,
    bestand: Path,
    schooljaar: str | None,
    schaal: str | None,
    doel: int | None,
    codevoorbeeld: str | None,
    naam: str | None,
    vervang: bool,
) -> None:
    """Lees de afspraken basisondersteuning uit een spreadsheet (CSV of XLSX) in de norm."""
    from sop_builder.sheets.norm_import import NormRequest
    from sop_builder.sheets.norm_import import import_norm as run

    if schaal is None and sys.stdin.isatty():
        schaal = click.prompt(
            "Welke scores geeft een school: ja-deels-nee of ja-nee?",
            type=click.Choice(["ja-deels-nee", "ja-nee"]),
        )
    if doel is None and sys.stdin.isatty():
        doel = click.prompt(
            "Aan hoeveel procent van de afspraken moet elke school voldoen?",
            type=click.IntRange(1, 100),
        )
    finish(
        run(
            root,
            NormRequest(bestand, schooljaar, schaal, doel, codevoorbeeld, naam, vervang),
        )
    )


@click.command("import-kengetallen")
@ROOT_OPTION
@click.argument("bestanden", nargs=-1, required=True, type=FILE)
@click.option(
    "--status",
    type=click.Choice(["voorlopig", "definitief"]),
    default=None,
    help="Of DUO's uitgave voorlopig of definitief is (verplicht bij een bestand van DUO).",
)
@click.option("--uitgave", default=None, help="Welke uitgave van DUO, bijvoorbeeld 2025-03.")
@click.option(
    "--bevoegd-gezag",
    default=None,
    help="Het nummer van het bevoegd gezag van het samenwerkingsverband (voor DUO's "
    "jaarrekeninggegevens).",
)
def import_figures(
    root: Path,
    bestanden: tuple[Path, ...],
    status: str | None,
    uitgave: str | None,
    bevoegd_gezag: str | None,
) -> None:
    """Lees kengetallen in content/kengetallen.yaml (intern).

    BESTANDEN: DUO's '01. Leerlingen po - soort po, cluster, leeftijd' (ook voor
    content/leerlingen.yaml), DUO's leerlingen (v)so per samenwerkingsverband, DUO's
    jaarrekeninggegevens, en de eigen registratie in het sjabloon van kengetallen-sjabloon.
    """
    from sop_builder.sheets.figures import FiguresRequest
    from sop_builder.sheets.figures import import_figures as run

    finish(run(root, FiguresRequest(list(bestanden), status, uitgave, bevoegd_gezag)))


@click.command("kengetallen-sjabloon")
@ROOT_OPTION
@click.option(
    "--uit",
    "out",
    default="kengetallen-registratie.csv",
    show_default=True,
    type=FILE,
    help="Het bestand dat wordt gemaakt: .csv of .xlsx.",
)
@overwrite_option()
@click.option("--peildatum", default=None, type=DATE, help="De peildatum die al wordt ingevuld.")
def figures_template(root: Path, out: Path, overwrite: bool, peildatum: date | None) -> None:
    """Maak het sjabloon voor de eigen registratie: per school tlv's, verwijzingen,
    terugplaatsingen, thuiszitters en arrangementen, met uitleg per kolom."""
    from sop_builder.sheets.figures import write_template

    refuse_to_replace(out, overwrite)
    finish(write_template(root, out, peildatum))


@click.command("vertalingen")
@ROOT_OPTION
@click.argument("taal")
@click.option(
    "--uit",
    "out",
    default=None,
    type=FILE,
    help="Maak dit bestand (.xlsx of .csv) met de teksten die nog vertaald moeten worden.",
)
@click.option(
    "--in",
    "into",
    default=None,
    type=FILE,
    help="Lees de vertalingen uit dit bestand in site_config/talen/TAAL.yaml.",
)
@overwrite_option()
@date_option("De datum die bij elke ingelezen vertaling komt (JJJJ-MM-DD) in plaats van vandaag.")
def translations(
    root: Path, taal: str, out: Path | None, into: Path | None, overwrite: bool, datum: date | None
) -> None:
    """Zet de teksten die in een taal ontbreken of verouderd zijn in een spreadsheet voor een
    vertaler (--uit), of lees de vertalingen in (--in). TAAL: de taalcode, bijvoorbeeld en, ar
    of ti. Er wordt niets automatisch vertaald."""
    from sop_builder.project.project import reference_date
    from sop_builder.sheets.translations import export_sheet, import_sheet

    if (out is None) == (into is None):
        raise click.UsageError("Kies --uit BESTAND of --in BESTAND (één van de twee).")
    if out is not None:
        refuse_to_replace(out, overwrite)
        finish(export_sheet(root, taal, out))
    assert into is not None
    finish(import_sheet(root, taal, into, datum or reference_date()))


COMMANDS = (
    (export, "export"),
    (import_scores,),
    (import_pupils,),
    (import_postcodes,),
    (import_schools,),
    (import_norm,),
    (import_figures,),
    (figures_template,),
    (translations,),
)
