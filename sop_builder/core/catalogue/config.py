"""Message codes: configuration in site_config/ (SOP5xx)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR = Severity.ERROR
WARNING = Severity.WARNING

DUPLICATE_ID = Message(
    "SOP501",
    ERROR,
    "duplicate id in configuration",
    "{what} '{value}' komt meer dan één keer voor.",
    "Geef elk onderdeel een eigen code.",
)
NAME_OF_THE_NORM = Message(
    "SOP501",
    ERROR,
    "duplicate id in configuration",
    "De naam '{name}' is al in gebruik voor de afspraken basisondersteuning.",
    "Geef dit kader een andere bestandsnaam.",
)
UNKNOWN_REFERENCE = Message(
    "SOP502",
    ERROR,
    "reference to an unknown id in configuration",
    "Afspraak {agreement} verwijst naar {key} '{value}', maar dat bestaat niet.",
    "Kies uit: {known}.",
)
CONFIG_FILE_MISSING = Message(
    "SOP503",
    ERROR,
    "configuration file missing",
    "Het configuratiebestand {file} ontbreekt.",
    "Maak het bestand: in docs/content-format.md staat wat erin hoort ('sop-builder nieuw-swv' "
    "maakt alle bestanden van een nieuw project).",
)
NORM_IN_OLD_PLACE = Message(
    "SOP503",
    ERROR,
    "configuration file missing",
    "De norm staat nu per schooljaar in de map site_config/basisondersteuning/.",
    "Zet dit bestand in die map, met als naam het eerste schooljaar waarin het geldt, "
    "bijvoorbeeld site_config/basisondersteuning/2025-2026.yaml.",
)
NO_NORMS_FOLDER = Message(
    "SOP503",
    ERROR,
    "configuration file missing",
    "De afspraken basisondersteuning ontbreken: de map {folder}/ bestaat niet.",
    "Zet de afspraken in site_config/basisondersteuning/2025-2026.yaml (het eerste schooljaar "
    "waarin ze gelden), of maak een nieuw project met 'sop-builder nieuw-swv'.",
)
NO_NORM_FILE = Message(
    "SOP503",
    ERROR,
    "configuration file missing",
    "In {folder}/ staat geen norm.",
    "Zet de afspraken in site_config/basisondersteuning/2025-2026.yaml: de naam is het eerste "
    "schooljaar waarin ze gelden.",
)
NO_WEIGHT = Message(
    "SOP504",
    ERROR,
    "invalid scale",
    "De score '{code}' heeft geen gewicht.",
    "Geef een gewicht van 0 tot en met 1 (bijvoorbeeld gewicht: \"1/2\"), of zet 'nvt: ja' als "
    "deze score niet meetelt.",
)
NO_FULL_WEIGHT = Message(
    "SOP504",
    ERROR,
    "invalid scale",
    "Geen enkele score telt volledig mee (gewicht 1).",
    "Geef de score 'voldoet' het gewicht 1.",
)
NO_OFFERED_LEVEL = Message(
    "SOP504",
    ERROR,
    "invalid scale",
    "Geen enkel aanbodniveau telt als aanbod ('aanbod: ja').",
    "Zet 'aanbod: ja' bij de niveaus waarmee 'Vind een school' een school vindt, bijvoorbeeld "
    "'Dit bieden wij'.",
)
NO_TARGET = Message(
    "SOP505",
    ERROR,
    "no target for the current school year",
    "Er is geen doel voor het schooljaar {year}.",
    "Voeg bij 'doelen' een regel toe met 'vanaf' op of vóór dit schooljaar.",
)
OLDER_FORMAT = Message(
    "SOP506",
    ERROR,
    "project files have an older format (run migreer)",
    "De bestanden hebben formaat {version}; deze versie van sop-builder leest formaat {current}.",
    "Draai 'sop-builder migreer': dat zet de bestanden om en houdt de uitleg erin. Wat er "
    "verandert, staat in docs/formaatwijzigingen.md.",
)
NEWER_FORMAT = Message(
    "SOP507",
    ERROR,
    "project files have a newer format than this version reads",
    "De bestanden hebben formaat {version}, nieuwer dan deze versie van sop-builder kent "
    "({current}).",
    "Installeer een nieuwere versie van sop-builder.",
)
NO_NORM_IN_FORCE = Message(
    "SOP508",
    ERROR,
    "no version of the norm in force in the current school year",
    "Er is geen norm voor het schooljaar {year}: de eerste norm begint in {first}.",
    "Zet de afspraken van {year} in {folder}/{year}.yaml.",
)
NO_DISAGREEMENT_STEPS = Message(
    "SOP509",
    WARNING,
    "no steps for parents who disagree (site_config/niet-eens.yaml)",
    "Het bestand {file} ontbreekt: de pagina 'Niet eens?' en de pagina van elke school noemen "
    "dan alleen het steunpunt, niet de onderwijsconsulenten, de Geschillencommissie en het "
    "College voor de Rechten van de Mens.",
    "Maak het bestand: docs/content-format.md laat zien wat erin hoort ('sop-builder nieuw-swv' "
    "schrijft de landelijke stappen).",
)
STEP_WITHOUT_CONTACT = Message(
    "SOP510",
    WARNING,
    "a step for parents who disagree has no way to reach it",
    "Bij de stap '{step}' staat geen telefoon, e-mail of website: een ouder weet dan niet hoe "
    "hij of zij er terechtkan.",
    "Zet 'telefoon', 'email' of 'website' bij deze stap, of 'contact: school', 'contact: "
    "samenwerkingsverband' of 'contact: steunpunt'.",
)
NO_ADMISSION_TEXT = Message(
    "SOP511",
    WARNING,
    "no sentence about the TLV for special schools (teksten.yaml, toelating)",
    "In {file} staat bij 'toelating' geen zin voor {kinds}: de kaarten van die scholen zeggen "
    "dan niet dat een toelaatbaarheidsverklaring (TLV) nodig is, en wie daarover beslist.",
    "Zet onder 'toelating' per soort speciale school (sbo, so) één zin, bijvoorbeeld 'Voor "
    "een plek op deze school is een toelaatbaarheidsverklaring (TLV) nodig. Die vraagt de "
    "school van uw kind aan; het samenwerkingsverband beslist.'",
)

FAMILY = Family(
    "Configuration in site_config/",
    (
        DUPLICATE_ID,
        NAME_OF_THE_NORM,
        UNKNOWN_REFERENCE,
        CONFIG_FILE_MISSING,
        NORM_IN_OLD_PLACE,
        NO_NORMS_FOLDER,
        NO_NORM_FILE,
        NO_WEIGHT,
        NO_FULL_WEIGHT,
        NO_OFFERED_LEVEL,
        NO_TARGET,
        OLDER_FORMAT,
        NEWER_FORMAT,
        NO_NORM_IN_FORCE,
        NO_DISAGREEMENT_STEPS,
        STEP_WITHOUT_CONTACT,
        NO_ADMISSION_TEXT,
    ),
)
