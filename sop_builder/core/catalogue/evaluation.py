"""Message codes: yearly evaluations and framework assessments, internal (SOP70x, SOP71x)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

UNKNOWN_GOAL = Message(
    "SOP701",
    ERROR,
    "unknown goal in an evaluation",
    "Doel '{goal}' bestaat niet in de doelen van {year}.",
    "{suggestion}",
)
UNKNOWN_STATUS = Message(
    "SOP702",
    ERROR,
    "unknown status in an evaluation",
    "'{status}' is geen status bij doel {goal}.",
    "{suggestion}",
)
NO_GOALS = Message(
    "SOP703",
    ERROR,
    "no goals configured for the evaluation's school year",
    "Voor schooljaar {year} heeft het samenwerkingsverband geen doelen vastgelegd.",
    "De eerste doelen zijn van {first}. Zet de doelen in site_config/jaardoelen/{year}.yaml.",
)
NO_GOALS_AT_ALL = Message(
    "SOP703",
    ERROR,
    "no goals configured for the evaluation's school year",
    NO_GOALS.text,
    "Zet de doelen in site_config/jaardoelen/{year}.yaml.",
)
UNKNOWN_FRAMEWORK = Message(
    "SOP704",
    ERROR,
    "assessment file names an unknown framework",
    "Er is geen kader '{framework}'; daarom kan dit bestand niet worden gelezen.",
    "De bestandsnaam is beoordeling-<kader>-<schooljaar>.yaml, met als kader: {frameworks}.",
)
UNKNOWN_FRAMEWORK_TYPO = Message(
    "SOP704",
    ERROR,
    "assessment file names an unknown framework",
    UNKNOWN_FRAMEWORK.text,
    "{suggestion} De bestandsnaam is beoordeling-<kader>-<schooljaar>.yaml, met als kader: "
    "{frameworks}.",
)
UNKNOWN_ITEM = Message(
    "SOP705",
    ERROR,
    "unknown item in a framework assessment",
    "'{item}' bestaat niet in '{framework}'; daar staan {first} t/m {last}.",
    "{suggestion}",
)
UNKNOWN_ITEM_UNSCORED = Message(
    "SOP705",
    ERROR,
    "unknown item in a framework assessment",
    UNKNOWN_ITEM.text,
    "Nog zonder score: {items}.",
)
UNKNOWN_ITEM_SEE_FILE = Message(
    "SOP705",
    ERROR,
    "unknown item in a framework assessment",
    UNKNOWN_ITEM.text,
    "Kijk in site_config/kaders/{id}.yaml welke onderdelen er zijn.",
)
UNKNOWN_SCORE = Message(
    "SOP706",
    ERROR,
    "unknown score code in a framework assessment",
    "'{score}' is geen score bij {item} ({dimension}).",
    "{suggestion}",
)
ONE_SCORE_MISSING = Message(
    "SOP707",
    WARNING,
    "framework assessment incomplete",
    "{count} score ontbreekt: {items}.",
    "Vul voor elk onderdeel een score in; zonder score valt het weg uit de vergelijking.",
)
SCORES_MISSING = Message(
    "SOP707",
    WARNING,
    "framework assessment incomplete",
    "{count} scores ontbreken: {items}.",
    ONE_SCORE_MISSING.hint,
)
UNKNOWN_DIMENSION = Message(
    "SOP708",
    ERROR,
    "unknown dimension in a framework score",
    "'{key}' is geen onderdeel van de score bij '{item}'.",
    "Gebruik: {allowed}.",
)
UNKNOWN_DIMENSION_TYPO = Message(
    "SOP708",
    ERROR,
    "unknown dimension in a framework score",
    UNKNOWN_DIMENSION.text,
    "{suggestion}",
)
NO_SUCH_SCHOOL = Message(
    "SOP709",
    ERROR,
    "SWV folder without a matching school",
    "Er is geen school met de map content/schools/{folder}/.",
    "Geef de map dezelfde naam als de map van de school in content/schools/.",
)
NO_SUCH_SCHOOL_TYPO = Message(
    "SOP709",
    ERROR,
    "SWV folder without a matching school",
    NO_SUCH_SCHOOL.text,
    "{suggestion}",
)
SWV_FILE_NOT_USED = Message(
    "SOP710",
    WARNING,
    "unknown file in an SWV folder",
    "Het bestand {name} wordt niet gebruikt.",
    "In een map van het samenwerkingsverband horen alleen bestanden "
    "beoordeling-<kader>-<schooljaar>.yaml. Hernoem of verwijder dit bestand.",
)
NOT_FOR_THIS_SCHOOL_TYPE = Message(
    "SOP711",
    WARNING,
    "framework not meant for this school type",
    "Het kader '{framework}' is niet bedoeld voor dit soort school ({type}).",
    "Het kader geldt voor: {types}. Controleer of dit bestand in de goede map staat.",
)

FAMILY = Family(
    "Yearly evaluations and framework assessments (internal)",
    (
        UNKNOWN_GOAL,
        UNKNOWN_STATUS,
        NO_GOALS,
        NO_GOALS_AT_ALL,
        UNKNOWN_FRAMEWORK,
        UNKNOWN_FRAMEWORK_TYPO,
        UNKNOWN_ITEM,
        UNKNOWN_ITEM_UNSCORED,
        UNKNOWN_ITEM_SEE_FILE,
        UNKNOWN_SCORE,
        ONE_SCORE_MISSING,
        SCORES_MISSING,
        UNKNOWN_DIMENSION,
        UNKNOWN_DIMENSION_TYPO,
        NO_SUCH_SCHOOL,
        NO_SUCH_SCHOOL_TYPO,
        SWV_FILE_NOT_USED,
        NOT_FOR_THIS_SCHOOL_TYPE,
    ),
)
