"""Message codes: cross-checks: site_config choices, folders and uniqueness (SOP2xx)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

UNKNOWN_KERN = Message(
    "SOP201", ERROR, "unknown kern", "De {label} '{value}' bestaat niet.", "{suggestion}"
)
KERN_BY_NAME = Message(
    "SOP201",
    ERROR,
    "unknown kern",
    UNKNOWN_KERN.text,
    "Gebruik de code, niet de naam: bedoelt u '{id}' ({name})?",
)
NOT_IN_LIST = Message(
    "SOP202",
    ERROR,
    "choice outside the vocabulary",
    "'{choice}' staat niet in de lijst voor '{key}'.",
    "{suggestion}",
)
IN_OTHER_LIST = Message(
    "SOP202",
    ERROR,
    "choice outside the vocabulary",
    NOT_IN_LIST.text,
    "'{choice}' hoort bij '{other}'. Zet het daar neer.",
)
LISTED_TWICE = Message(
    "SOP203",
    WARNING,
    "choice listed twice",
    "'{choice}' staat twee keer bij '{key}'.",
    "Haal één van de twee weg.",
)
DUPLICATE_VESTIGINGSCODE = Message(
    "SOP204",
    ERROR,
    "duplicate vestigingscode",
    "De vestigingscode {code} wordt ook gebruikt in {others}.",
    "Elke school heeft een eigen vestigingscode; alleen een school op twee adressen, of een so- "
    "en een vso-school op één adres, delen er een. Controleer beide bestanden.",
)
DUPLICATE_SLUG = Message(
    "SOP205",
    ERROR,
    "duplicate slug",
    "De map {folder} geeft hetzelfde adres (/scholen/{slug}/) als {others}.",
    "Geef elke school een eigen mapnaam.",
)
FOLDER_NOT_AN_ADDRESS = Message(
    "SOP206",
    ERROR,
    "invalid folder name (slug)",
    "De mapnaam '{name}' kan geen adres van een pagina worden.",
    "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld 'obs-de-regenboog'.",
)
FOLDER_IS_A_LIST = Message(
    "SOP206",
    ERROR,
    "invalid folder name (slug)",
    "De mapnaam '{name}' is al het adres van een lijst van scholen (/scholen/{name}/).",
    "Geef de map een andere naam, bijvoorbeeld de naam van de school.",
)
NO_SOP_FILE = Message(
    "SOP207",
    ERROR,
    "school folder without sop.md",
    "De map {folder} heeft geen bestand {file}.",
    "Maak het bestand sop.md aan, of verwijder de map.",
)
SCHOOL_FILE_NOT_USED = Message(
    "SOP208",
    WARNING,
    "unknown file in school folder",
    "Het bestand {name} wordt niet gebruikt en komt niet op de site.",
    "In een schoolmap horen alleen sop.md en zelfevaluatie-JJJJ-JJJJ.yaml. Verplaats of "
    "verwijder dit bestand.",
)
CONFIG_FILE_NOT_USED = Message(
    "SOP208",
    WARNING,
    "unknown file in school folder",
    "Het bestand {name} wordt niet gebruikt.",
    "Geef het bestand een naam als {expected}, of verwijder het.",
)
EDITORS_UNKNOWN_SCHOOL = Message(
    "SOP209",
    ERROR,
    "editors file names a school folder that does not exist",
    "De school '{school}' bestaat niet in {folder}/.",
    "Gebruik de naam van de map van de school; heeft de school een nieuwe mapnaam, of is zij "
    "weg, pas dan deze regel aan of haal hem weg.",
)
EDITORS_SCHOOL_TYPO = Message(
    "SOP209",
    ERROR,
    "editors file names a school folder that does not exist",
    EDITORS_UNKNOWN_SCHOOL.text,
    "{suggestion}",
)
HIDDEN_FOLDER = Message(
    "SOP210",
    WARNING,
    "folder skipped: its name starts with a dot",
    "De map '{name}' wordt overgeslagen, omdat de naam met een punt begint. Wat erin staat, "
    "wordt niet gecontroleerd en komt niet op de site.",
    "Moet wat erin staat meetellen? Geef de map dan een naam zonder punt aan het begin. Zo "
    "niet, haal de map dan weg uit {parent}/.",
)
UNKNOWN_NEED = Message(
    "SOP220",
    ERROR,
    "declaration for a need that is not in the SWV's list",
    "'{need}' staat niet in de lijst met behoeften van het samenwerkingsverband.",
    "{suggestion}",
)
UNKNOWN_LEVEL = Message(
    "SOP221",
    ERROR,
    "declared level outside the SWV's scale",
    "'{level}' is geen niveau bij '{need}'.",
    "{suggestion}",
)
NEEDS_UNDECLARED = Message(
    "SOP222",
    WARNING,
    "profile incomplete: needs without a declaration",
    "Het profiel is niet compleet: bij {count} van de {total} behoeften staat nog niet wat de "
    "school biedt: {needs}.",
    "Geef bij 'ondersteuning' voor elke behoefte een niveau ({levels}) en één of twee zinnen bij "
    "'wat'. Pas dan vinden ouders de school bij die behoefte.",
)
LEVEL_WITHOUT_TEXT = Message(
    "SOP223",
    WARNING,
    "profile incomplete: a level without its sentence",
    "Het profiel is niet compleet: bij '{need}' staat niet wat de school doet ('wat' is leeg).",
    "Schrijf bij 'wat' in één of twee korte zinnen wat de school biedt, in de woorden van ouders.",
)
UNKNOWN_FACT = Message(
    "SOP224",
    ERROR,
    "practical fact that is not in the SWV's list",
    "'{fact}' staat niet in de lijst met praktische zaken van het samenwerkingsverband.",
    "{suggestion}",
)
UNKNOWN_FACT_NO_LIST = Message(
    "SOP224",
    ERROR,
    "practical fact that is not in the SWV's list",
    UNKNOWN_FACT.text,
    "Haal de regel weg.",
)
FACTS_MISSING = Message(
    "SOP225",
    WARNING,
    "profile incomplete: practical facts not filled in",
    "Het profiel is niet compleet: bij 'praktisch' ontbreekt nog: {facts}.",
    "Vul voor elke praktische zaak ja of nee in, of een getal. Ouders zoeken hierop, "
    "bijvoorbeeld op een lift of een rustige ruimte.",
)

FAMILY = Family(
    "Cross-checks: site_config choices, folders and uniqueness",
    (
        UNKNOWN_KERN,
        KERN_BY_NAME,
        NOT_IN_LIST,
        IN_OTHER_LIST,
        LISTED_TWICE,
        DUPLICATE_VESTIGINGSCODE,
        DUPLICATE_SLUG,
        FOLDER_NOT_AN_ADDRESS,
        FOLDER_IS_A_LIST,
        NO_SOP_FILE,
        SCHOOL_FILE_NOT_USED,
        CONFIG_FILE_NOT_USED,
        EDITORS_UNKNOWN_SCHOOL,
        EDITORS_SCHOOL_TYPO,
        HIDDEN_FOLDER,
        UNKNOWN_NEED,
        UNKNOWN_LEVEL,
        NEEDS_UNDECLARED,
        LEVEL_WITHOUT_TEXT,
        UNKNOWN_FACT,
        UNKNOWN_FACT_NO_LIST,
        FACTS_MISSING,
    ),
)
