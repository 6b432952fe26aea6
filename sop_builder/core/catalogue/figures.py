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
    ),
)
