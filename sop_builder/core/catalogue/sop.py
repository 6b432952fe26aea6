"""Message codes: the SOP: length, dates, sections and placeholders (SOP40x, SOP41x)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

TOO_LONG = Message(
    "SOP401",
    WARNING,
    "SOP too long for one A4",
    "De tekst van het SOP is te lang voor één A4: {length} tekens, de grens is {limit}.",
    "Maak de tekst {excess} tekens korter; korte zinnen lezen ook makkelijker.",
)
ADOPTED_LONG_AGO = Message(
    "SOP402",
    WARNING,
    "SOP adopted more than 4 years ago",
    "Het SOP is vastgesteld op {date}; dat is meer dan 4 jaar geleden.",
    "Het bestuur moet het SOP minstens elke 4 jaar opnieuw vaststellen. Werk het SOP bij, "
    "bespreek het met de MR en vul de nieuwe datum in.",
)
NO_MR_DATE = Message(
    "SOP403",
    WARNING,
    "no MR date",
    "Er staat niet bij wanneer de MR het SOP heeft besproken.",
    "De MR heeft adviesrecht. Voeg 'besproken_met_mr: JJJJ-MM-DD' toe.",
)
EXPIRED = Message(
    "SOP404",
    WARNING,
    "SOP validity has ended",
    "Het SOP was geldig tot {date}; die datum is voorbij.",
    "Werk het SOP bij en laat het opnieuw vaststellen.",
)
SECTION_MISSING = Message(
    "SOP405",
    ERROR,
    "required section missing",
    "Het onderdeel '## {title}' ontbreekt.",
    "Voeg een kopje '## {title}' toe met een korte tekst eronder.",
)
HEADING_LEVEL = Message(
    "SOP406",
    ERROR,
    "unknown section",
    "Het kopje '{heading}' moet met twee hekjes (##) beginnen.",
    "Schrijf: '## {title}'.",
)
UNKNOWN_SECTION = Message(
    "SOP406",
    ERROR,
    "unknown section",
    "Het kopje '{heading}' hoort niet in een SOP.",
    "Gebruik alleen deze kopjes, met '## ' ervoor: {titles}.",
)
UNKNOWN_SECTION_TYPO = Message(
    "SOP406",
    ERROR,
    "unknown section",
    UNKNOWN_SECTION.text,
    "{suggestion} Gebruik alleen deze kopjes, met '## ' ervoor: {titles}.",
)
SECTION_EMPTY = Message(
    "SOP407",
    WARNING,
    "section is empty",
    "Onder '## {title}' staat nog geen tekst.",
    "Schrijf er een paar korte zinnen onder.",
)
SECTION_TWICE = Message(
    "SOP408",
    ERROR,
    "section appears twice",
    "Het kopje '## {title}' staat twee keer in de tekst.",
    "Voeg de twee stukken tekst samen onder één kopje.",
)
TEXT_BEFORE_FIRST_SECTION = Message(
    "SOP409",
    WARNING,
    "text before the first section",
    "Er staat tekst vóór het eerste kopje; die komt niet op de site.",
    "Zet de tekst onder een van de kopjes, bijvoorbeeld '## Visie'.",
)
MR_AFTER_BOARD = Message(
    "SOP410",
    ERROR,
    "MR date after the board's adoption",
    "De MR heeft het SOP besproken op {discussed}, na de vaststelling door het bestuur op "
    "{adopted}.",
    "De MR geeft advies vóór het bestuur beslist. Controleer beide datums.",
)
EXAMPLE_LEFT = Message(
    "SOP411",
    WARNING,
    "field still holds the example from nieuwe-school",
    "Het veld '{key}' is nog niet ingevuld: er staat nog een voorbeeld.",
    "Vul de juiste waarde in en haal daarna het woord {mark} weg uit regel {line}.",
)
EXAMPLE_EMPTY = Message(
    "SOP411",
    WARNING,
    "field still holds the example from nieuwe-school",
    "Het veld '{key}' is nog niet ingevuld.",
    "Vul de waarde in en haal daarna het woord {mark} weg uit regel {line}.",
)
NOT_FILLED_IN = Message(
    "SOP412",
    WARNING,
    "the school has not filled in its profile yet: its page says it follows",
    "{name} heeft het profiel nog niet ingevuld. Op de site staat daarom alleen een korte "
    "pagina met het adres: 'Het ondersteuningsprofiel van deze school volgt'.",
    "Nog in te vullen: {fields}, de teksten onder de vier kopjes en de zelfevaluatie. Haal "
    "daarna het woord {mark} weg. Dan komt het hele profiel op de site.",
)

FAMILY = Family(
    "The SOP: length, dates, sections and placeholders",
    (
        TOO_LONG,
        ADOPTED_LONG_AGO,
        NO_MR_DATE,
        EXPIRED,
        SECTION_MISSING,
        HEADING_LEVEL,
        UNKNOWN_SECTION,
        UNKNOWN_SECTION_TYPO,
        SECTION_EMPTY,
        SECTION_TWICE,
        TEXT_BEFORE_FIRST_SECTION,
        MR_AFTER_BOARD,
        EXAMPLE_LEFT,
        EXAMPLE_EMPTY,
        NOT_FILLED_IN,
    ),
)
