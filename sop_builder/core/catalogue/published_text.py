"""Message codes: published text: Markdown, HTML and invisible characters (SOP45x).

Raised where they are found: core/richtext.py (Markdown and HTML), core/invisible.py (invisible
characters) and project/sections.py (HTML comments).
"""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

TEXT_TOO_LONG_FOR_MARKUP = Message(
    "SOP450",
    Severity.WARNING,
    "paragraph too long for its Markdown to be read: shown as written",
    "Deze alinea is langer dan {limit} tekens; de opmaak erin (vet, schuin, links) wordt niet "
    "gelezen en de tekst komt er precies zo op als hij hier staat: '{start}'.",
    "Zet lege regels tussen de alinea's. Een alinea van een paar zinnen leest ook makkelijker.",
)
HTML_AS_TEXT = Message(
    "SOP451",
    Severity.WARNING,
    "HTML in a Markdown text is shown as text",
    "HTML werkt hier niet: {shown} staat als gewone tekst op de pagina.",
    "Bedoelt u het als tekst? Zet het tussen `backticks`, bijvoorbeeld `{example}`. {formatting}",
)
LINK_NOT_ALLOWED = Message(
    "SOP452",
    Severity.WARNING,
    "link whose address is not allowed: text without link",
    "De link naar '{address}' komt niet op de pagina; de tekst van de link wel.",
    "Een link mag alleen naar een webadres (https://…), een e-mailadres (mailto:…), "
    "een telefoonnummer (tel:…) of een pagina van deze site gaan. Bijvoorbeeld: "
    "[Meer informatie](https://www.school.nl).",
)
IMAGE_NOT_SHOWN = Message(
    "SOP453",
    Severity.WARNING,
    "image not shown: its description instead",
    "Afbeeldingen komen niet op de pagina: in plaats van '{image}' staat daar alleen de "
    "beschrijving tussen [ ].",
    "Haal de afbeelding weg, of beschrijf in woorden wat erop staat.",
)
_LEFT_OUT = "text the page leaves out (e.g. unused link definition)"
UNUSED_DEFINITION = Message(
    "SOP454",
    Severity.WARNING,
    _LEFT_OUT,
    "De regel '{line}' komt niet op de pagina: Markdown leest hem als linkdefinitie, en geen "
    "link gebruikt hem.",
    "Schrijf de link in de tekst, als [tekst](https://…), of zet de regel tussen `backticks` "
    "als hij zo moet blijven staan.",
)
TEXT_LEFT_OUT = Message(
    "SOP454",
    Severity.WARNING,
    _LEFT_OUT,
    "Deze tekst komt niet op de pagina: '{text}'.",
    "Schrijf het als gewone tekst; zet tekens als [ ] * _ en ` die er zo moeten staan tussen "
    "`backticks`.",
)
COMMENT_NOT_CLOSED = Message(
    "SOP455",
    Severity.ERROR,
    "HTML comment not closed",
    "Het commentaar dat hier met '<!--' begint, wordt nergens gesloten; alles wat erna komt, zou "
    "van de site verdwijnen.",
    "Zet '-->' direct na de interne notitie, zodat de tekst daarna weer op de site komt.",
)
_REMOVE = (
    "Haal het teken weg: zet de cursor direct achter de plek en wis één teken, "
    "of typ het woord opnieuw."
)
CONTROL_CHARACTER = Message(
    "SOP456",
    Severity.ERROR,
    "control character in text",
    "{place} staat een onzichtbaar stuurteken ({code}{name}).",
    _REMOVE,
)
READING_DIRECTION = Message(
    "SOP457",
    Severity.ERROR,
    "character that changes the reading direction",
    "{place} staat een onzichtbaar teken dat de leesrichting verandert ({code}); op de site "
    "zou de tekst in een andere volgorde staan dan hier.",
    _REMOVE,
)
ZERO_WIDTH = Message(
    "SOP458",
    Severity.WARNING,
    "invisible character (zero width)",
    "{place} staat {name} ({code}); zoeken op de site vindt het woord dan niet.",
    _REMOVE + " Zo'n teken komt vaak mee als u tekst van een website of uit Word kopieert.",
)
COMMENT_HIDES_TEXT = Message(
    "SOP459",
    Severity.WARNING,
    "HTML comment that is not a note on lines of its own: its text is left out",
    "De tekst tussen '<!--' en '-->' komt niet op de site{lines}: '{quote}'. {why}",
    "Is het een interne notitie? Zet hem op eigen regels: '<!--' aan het begin van een regel, "
    "'-->' aan het eind, zonder HTML erin. Hoort de tekst op de site? Haal dan '<!--' en '-->' "
    "weg.",
)
# Why a comment is not taken for a plain note (the {why} of COMMENT_HIDES_TEXT).
COMMENT_SHARES_A_LINE = "Er staat tekst op dezelfde regel, dus het lijkt geen interne notitie."
COMMENT_IN_COMMENT = "Er staat nog een '<!--' in: is een eerdere notitie niet gesloten?"
COMMENT_WITH_HTML = "Er staat HTML in, dus het lijkt geen interne notitie."

FAMILY = Family(
    "Published text: Markdown, HTML and invisible characters",
    (
        TEXT_TOO_LONG_FOR_MARKUP,
        HTML_AS_TEXT,
        LINK_NOT_ALLOWED,
        IMAGE_NOT_SHOWN,
        UNUSED_DEFINITION,
        TEXT_LEFT_OUT,
        COMMENT_NOT_CLOSED,
        CONTROL_CHARACTER,
        READING_DIRECTION,
        ZERO_WIDTH,
        COMMENT_HIDES_TEXT,
    ),
)
