"""Message codes: the SWV's offer, content/aanbod/ (SOP72x)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

NOT_A_TIME = Message(
    "SOP721",
    ERROR,
    "invalid time of day",
    "'{value}' is geen tijd in de vorm UU:MM.",
    "Schrijf uren en minuten met een dubbele punt, bijvoorbeeld 15:30.",
)
TIME_WITH_A_DOT = Message(
    "SOP721",
    ERROR,
    "invalid time of day",
    NOT_A_TIME.text,
    "Schrijf {hours}:{minutes} in plaats van {value}: met een dubbele punt.",
)
ENDS_BEFORE_START = Message(
    "SOP722",
    ERROR,
    "workshop or meeting ends before it starts",
    "Het einde ({end}) ligt niet na het begin ({start}).",
    "Het einde moet later zijn dan het begin. Kijk of begin en einde zijn omgewisseld.",
)
UNKNOWN_SCHOOL = Message(
    "SOP723",
    ERROR,
    "story names a school that does not exist",
    "De school '{school}' bestaat niet.",
    "Gebruik de naam van de map van de school in content/schools/, bijvoorbeeld 'de-duinroos'.",
)
UNKNOWN_SCHOOL_TYPO = Message(
    "SOP723",
    ERROR,
    "story names a school that does not exist",
    UNKNOWN_SCHOOL.text,
    "{suggestion}",
)
STRAY_FOLDER = Message(
    "SOP724",
    WARNING,
    "unknown file or folder in content/aanbod/",
    "De map '{name}' wordt niet gebruikt en komt niet op de site.",
    "In content/aanbod/ horen alleen de mappen {kinds}. Verplaats of verwijder dit.",
)
STRAY_FILE = Message(
    "SOP724",
    WARNING,
    "unknown file or folder in content/aanbod/",
    "Het bestand '{name}' wordt niet gebruikt en komt niet op de site.",
    STRAY_FOLDER.hint,
)
STRAY_FOLDER_IN_KIND = Message(
    "SOP724",
    WARNING,
    "unknown file or folder in content/aanbod/",
    STRAY_FOLDER.text,
    "Hier horen alleen Markdown-bestanden (.md). Verplaats of verwijder dit.",
)
STRAY_FILE_IN_KIND = Message(
    "SOP724",
    WARNING,
    "unknown file or folder in content/aanbod/",
    STRAY_FILE.text,
    STRAY_FOLDER_IN_KIND.hint,
)
FILE_NOT_AN_ADDRESS = Message(
    "SOP725",
    ERROR,
    "invalid file name for an offer page",
    "De bestandsnaam '{name}' kan geen adres van een pagina worden.",
    "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld '{example}'.",
)

FAMILY = Family(
    "The SWV's offer (content/aanbod/)",
    (
        NOT_A_TIME,
        TIME_WITH_A_DOT,
        ENDS_BEFORE_START,
        UNKNOWN_SCHOOL,
        UNKNOWN_SCHOOL_TYPO,
        STRAY_FOLDER,
        STRAY_FILE,
        STRAY_FOLDER_IN_KIND,
        STRAY_FILE_IN_KIND,
        FILE_NOT_AN_ADDRESS,
    ),
)
