"""Message codes: plain language for parents and teachers (SOP74x)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

WARNING = Severity.WARNING

LONG_SENTENCE = Message(
    "SOP741",
    WARNING,
    "sentence too long for parents",
    "Deze zin heeft {count} woorden: '{quote}'.",
    "Maak er twee of meer zinnen van. Een zin van hoogstens {limit} woorden leest makkelijker.",
)
LONG_WORD = Message(
    "SOP742",
    WARNING,
    "word too long for parents",
    "Het woord '{word}' is lang ({letters} letters), in de zin '{quote}'.",
    "Zeg het met kortere, gewone woorden.",
)
JARGON = Message(
    "SOP743",
    WARNING,
    "jargon with a plainer form in the glossary",
    "'{word}' is vaktaal, in de zin '{quote}'.",
    "Schrijf liever '{plainer}'.",
)
ABBREVIATION = Message(
    "SOP744",
    WARNING,
    "abbreviation not in the glossary",
    "De afkorting '{abbreviation}' staat niet in de woordenlijst, in de zin '{quote}'.",
    "Schrijf voluit wat u bedoelt. Of vraag het samenwerkingsverband de afkorting met uitleg op "
    "te nemen in site_config/woordenlijst.yaml.",
)

INFORMAL_ADDRESS = Message(
    "SOP745",
    WARNING,
    "offer text addresses the reader as 'je'",
    "Deze tekst spreekt de lezer aan met '{word}', in '{quote}'{more}. De rest van de site zegt "
    "'u'.",
    "Schrijf 'u' en 'uw', bijvoorbeeld 'In deze workshop leert u …'. Dan heeft de pagina één "
    "toon. De site laat uw tekst staan zoals u hem schrijft.",
)

FAMILY = Family(
    "Plain language for parents and teachers",
    (LONG_SENTENCE, LONG_WORD, JARGON, ABBREVIATION, INFORMAL_ADDRESS),
)
