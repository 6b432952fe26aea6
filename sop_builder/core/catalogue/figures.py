"""Message codes: the SWV's figures, content/kengetallen.yaml, and import-kengetallen (SOP73x)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# --- SOP730-734: content/kengetallen.yaml (project/figures.py) ------------------------------

FIGURE_UNKNOWN_KEY = Message(
    "SOP730",
    ERROR,
    "figure not known for its source",
    "'{key}' is geen kengetal van de bron '{source}'.",
    "{suggestion} Zie docs/kengetallen.md voor de kengetallen van elke bron.",
)
FIGURE_SET_TWICE = Message(
    "SOP731",
    ERROR,
    "figures of one source and year twice",
    "De kengetallen van '{source}' voor {year} staan er al (regel {first}).",
    "Elk jaar staat één keer per bron. Houd één van de twee: een definitieve uitgave "
    "vervangt een voorlopige.",
)
FIGURE_SOURCE_INCOMPLETE = Message(
    "SOP732",
    ERROR,
    "figures without their source",
    "Bij de bron '{source}' ontbreekt {what}.",
    "Een kengetal van DUO noemt het bestand ('bestand') en of de uitgave voorlopig of "
    "definitief is ('status'). Importeer het bestand opnieuw met 'sop-builder import-kengetallen'.",
)
FIGURE_STATUS_NOT_DUO = Message(
    "SOP732",
    ERROR,
    "figures without their source",
    "De eigen registratie heeft geen status '{status}': die hoort alleen bij een uitgave van DUO.",
    "Haal 'status' weg bij de bron 'registratie'.",
)
FIGURE_UNKNOWN_SCHOOL = Message(
    "SOP733",
    WARNING,
    "figures of a school that is not in content/schools/",
    "Vestigingscode {code} is geen school van het samenwerkingsverband.",
    "De kengetallen van deze vestiging tellen nergens mee. Haal ze weg, of voeg de school toe "
    "in content/schools/.",
)
FIGURE_NOT_A_VALUE = Message(
    "SOP734",
    ERROR,
    "invalid figure",
    "'{value}' is geen kengetal.",
    "Schrijf een aantal of een bedrag in hele getallen zonder punten (1250000), '<5' voor "
    "minder dan 5, of '412+' voor ten minste 412.",
)
FIGURE_NEGATIVE = Message(
    "SOP734",
    ERROR,
    "invalid figure",
    "'{value}' bij '{key}' is een negatief aantal.",
    "Alleen een bedrag (zoals 'reserves') kan negatief zijn. Schrijf het aantal zonder minteken.",
)

# --- SOP735-739: import-kengetallen (sheets/figures.py) -------------------------------------

FIGURES_FILE_UNKNOWN = Message(
    "SOP735",
    ERROR,
    "file not recognised as figures",
    "Dit bestand is geen bestand dat import-kengetallen kent.",
    "De eerste regel heeft nu: {header}. Bekend zijn: DUO's leerlingen per vestiging, soort po "
    "en leeftijd; DUO's leerlingen (v)so per samenwerkingsverband; DUO's jaarrekeninggegevens; "
    "het sjabloon van 'sop-builder kengetallen-sjabloon'.",
)
FIGURES_COLUMN_MISSING = Message(
    "SOP736",
    ERROR,
    "required column missing",
    "De kolom met {what} ontbreekt.",
    "Noem de kolom {names}. De eerste regel heeft nu: {header}.",
)
FIGURES_ROW_UNUSABLE = Message(
    "SOP737",
    WARNING,
    "row cannot be used",
    "Regel {line} is niet gebruikt: {why}.",
    "Verbeter de regel in het bestand en importeer het opnieuw; de andere regels zijn wel gelezen.",
)
FIGURES_NO_REGION_CODE = Message(
    "SOP738",
    ERROR,
    "import needs a fact it was not given",
    "Het samenwerkingsverband heeft geen regiocode; daarmee zoekt de import zijn regels in dit "
    "bestand.",
    "Vul 'regiocode' in site_config/swv.yaml in, zoals DUO hem schrijft (bijvoorbeeld PO 27-99).",
)
FIGURES_NO_BOARD = Message(
    "SOP738",
    ERROR,
    "import needs a fact it was not given",
    "In dit bestand staan de jaarrekeningen per bevoegd gezag; de import weet het nummer van het "
    "samenwerkingsverband niet.",
    "Geef het nummer van het bevoegd gezag van het samenwerkingsverband met --bevoegd-gezag.",
)
FIGURES_NO_STATUS = Message(
    "SOP738",
    ERROR,
    "import needs a fact it was not given",
    "Van een bestand van DUO moet bekend zijn of de uitgave voorlopig of definitief is.",
    "Geef --status voorlopig of --status definitief (DUO zegt het bij het bestand).",
)
FIGURES_NOTHING_FOUND = Message(
    "SOP739",
    WARNING,
    "no figures of the SWV in a file",
    "Het bestand heeft geen regels van het samenwerkingsverband ({what}).",
    "Kijk of dit het goede bestand is, en of {what} klopt.",
)

FAMILY = Family(
    "The SWV's figures (content/kengetallen.yaml, import-kengetallen)",
    (
        FIGURE_UNKNOWN_KEY,
        FIGURE_SET_TWICE,
        FIGURE_SOURCE_INCOMPLETE,
        FIGURE_STATUS_NOT_DUO,
        FIGURE_UNKNOWN_SCHOOL,
        FIGURE_NOT_A_VALUE,
        FIGURE_NEGATIVE,
        FIGURES_FILE_UNKNOWN,
        FIGURES_COLUMN_MISSING,
        FIGURES_ROW_UNUSABLE,
        FIGURES_NO_REGION_CODE,
        FIGURES_NO_BOARD,
        FIGURES_NO_STATUS,
        FIGURES_NOTHING_FOUND,
    ),
)
