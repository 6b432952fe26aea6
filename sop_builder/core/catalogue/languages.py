"""Message codes: translations of the public site (SOP46x, SOP470).

Raised by project/translations.py (the files site_config/talen/<code>.yaml, what each language
misses or holds that is stale), by the `vertalingen` command (sheets/translations.py) and by
project/schools/own_translations.py (a school's own translation of its declarations).
"""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

TRANSLATION_MISSING = Message(
    "SOP460",
    Severity.WARNING,
    "text without a translation: shown in Dutch",
    "Voor '{key}' staat in {file} nog geen vertaling; de site toont hier de Nederlandse tekst: "
    "'{dutch}'.",
    "Laat de tekst vertalen: 'sop-builder vertalingen {language} --uit vertalen.csv' zet alles "
    "wat nog ontbreekt in één bestand voor de vertaler.",
)
TRANSLATION_STALE = Message(
    "SOP461",
    Severity.WARNING,
    "the Dutch text changed since it was translated: shown in Dutch",
    "De Nederlandse tekst van '{key}' is veranderd sinds de vertaling in {file} is gemaakt; "
    "de site toont de nieuwe Nederlandse tekst tot er een nieuwe vertaling is: '{dutch}'.",
    "Laat de vertaling bijwerken ('sop-builder vertalingen {language} --uit vertalen.csv') en "
    "zet bij 'nl' de nieuwe Nederlandse tekst.",
)
TRANSLATION_UNKNOWN_KEY = Message(
    "SOP462",
    Severity.WARNING,
    "translation of a text the site does not have",
    "De site heeft geen tekst '{key}'; deze vertaling wordt niet gebruikt.",
    "Haal de vertaling weg, of kijk of de sleutel goed geschreven is. {suggestion}",
)
TRANSLATION_PLACEHOLDERS = Message(
    "SOP463",
    Severity.ERROR,
    "translation does not keep the text's placeholders",
    "De vertaling van '{key}' moet dezelfde plekken tussen accolades hebben als de Nederlandse "
    "tekst ({expected}); nu staat er: {found}.",
    "Laat elk woord tussen accolades staan zoals het is, bijvoorbeeld {{naam}}: daar zet de "
    "site een naam of getal in. Vertaal alleen de tekst eromheen.",
)
TRANSLATION_FILE_NAME = Message(
    "SOP464",
    Severity.ERROR,
    "language file whose name is not a language code",
    "'{name}' is geen taalcode; een bestand in site_config/talen/ heet naar de taal, "
    "bijvoorbeeld en.yaml, ar.yaml of ti.yaml.",
    "Geef het bestand de code van twee of drie kleine letters van de taal (ISO 639-1).",
)
LANGUAGE_NOT_PUBLISHED = Message(
    "SOP465",
    Severity.WARNING,
    "language not published: too few of its texts translated",
    "De site in het {name} ({language}) wordt niet gebouwd: {share}% van de teksten is "
    "vertaald en bijgewerkt, minder dan de {minimum}% uit {settings}.",
    "Laat de ontbrekende teksten vertalen ('sop-builder vertalingen {language} --uit "
    "vertalen.csv'), of haal de taal weg uit de lijst 'talen'.",
)
LANGUAGE_WITHOUT_FILE = Message(
    "SOP466",
    Severity.ERROR,
    "a published language has no translation file",
    "In {settings} staat de taal '{language}', maar site_config/talen/{language}.yaml "
    "bestaat niet.",
    "Maak het bestand met 'sop-builder vertalingen {language} --uit vertalen.csv' en lees de "
    "vertalingen in met '--in', of haal de taal weg uit de lijst 'talen'.",
)
TEMPLATE_TEXT_TWICE = Message(
    "SOP467",
    Severity.ERROR,
    "one translation key with two different Dutch texts",
    "De sleutel '{key}' staat ook in {other} met een andere Nederlandse tekst.",
    "Geef elke tekst een eigen sleutel; dezelfde sleutel mag alleen voor precies dezelfde tekst.",
)
SHEET_SUMMARY = "translation sheet that does not fit the site's texts"
SHEET_HINT = (
    "Gebruik het bestand dat 'sop-builder vertalingen {language} --uit' maakte, en verander "
    "alleen de kolommen 'vertaling', 'vertaald_door' en 'machine'. Er is niets geschreven."
)
SHEET_COLUMN_MISSING = Message(
    "SOP468",
    Severity.ERROR,
    SHEET_SUMMARY,
    "Het bestand heeft geen kolom '{column}'.",
    SHEET_HINT,
)
SHEET_KEY_UNKNOWN = Message(
    "SOP468",
    Severity.ERROR,
    SHEET_SUMMARY,
    "Rij {row}: de site heeft geen tekst '{key}'.",
    SHEET_HINT,
)
SHEET_DUTCH_CHANGED = Message(
    "SOP468",
    Severity.ERROR,
    SHEET_SUMMARY,
    "Rij {row}: de Nederlandse tekst van '{key}' is veranderd sinds het bestand is gemaakt; "
    "nu staat er: '{dutch}'.",
    "Maak een nieuw bestand met 'sop-builder vertalingen {language} --uit' en vertaal de "
    "nieuwe tekst. Er is niets geschreven.",
)
SHEET_KEY_TWICE = Message(
    "SOP468",
    Severity.ERROR,
    SHEET_SUMMARY,
    "Rij {row}: de tekst '{key}' staat ook in rij {other}.",
    SHEET_HINT,
)
SHEET_MACHINE_VALUE = Message(
    "SOP468",
    Severity.ERROR,
    SHEET_SUMMARY,
    "Rij {row}: in de kolom 'machine' staat '{value}'.",
    "Zet 'ja' als een computer de vertaling maakte en niemand haar nakeek (de site zet er dan "
    "een label bij), of 'nee' (of niets). Er is niets geschreven.",
)

# A school's own translation of its declaration for one need (sop.md, ondersteuning.<need>.
# vertalingen.<code>): the same codes as the SWV's translations where the meaning is the same.
OWN_TRANSLATION_STALE = Message(
    "SOP461",
    Severity.WARNING,
    "the Dutch text changed since it was translated: shown in Dutch",
    "De Nederlandse tekst bij '{need}' is veranderd sinds de school hem in het {name} "
    "vertaalde; op de pagina in het {name} staat het Nederlands tot de vertaling is "
    "bijgewerkt.",
    "Werk de vertaling bij ('wat' en 'grens' onder 'vertalingen: {language}') en vul daarna "
    "bij 'controlecode' in: {code}",
)
OWN_TRANSLATION_WITHOUT_DUTCH = Message(
    "SOP462",
    Severity.WARNING,
    "translation of a text the site does not have",
    "Bij '{need}' staat een vertaling van '{text}' in het {name}, maar in het Nederlands is "
    "'{text}' leeg; deze vertaling komt niet op de site.",
    "Schrijf eerst de Nederlandse tekst bij '{text}', of haal de vertaling weg.",
)
OWN_TRANSLATION_LANGUAGE = Message(
    "SOP469",
    Severity.ERROR,
    "a school's translation in a language the site is not published in",
    "De vertaling bij '{need}' is in de taal '{language}', maar de site verschijnt niet in "
    "die taal.",
    "Gebruik de code van een taal uit site_config/bouwen.yaml (talen): {languages}. {suggestion}",
)
OWN_TRANSLATION_NO_LANGUAGES = Message(
    "SOP469",
    Severity.ERROR,
    "a school's translation in a language the site is not published in",
    "De vertaling bij '{need}' is in de taal '{language}', maar de site verschijnt alleen in "
    "het Nederlands.",
    "Haal de vertaling weg, of vraag het samenwerkingsverband de taal toe te voegen aan "
    "'talen' in site_config/bouwen.yaml.",
)
OWN_TRANSLATION_NO_CODE = Message(
    "SOP470",
    Severity.WARNING,
    "a school's translation that does not say which Dutch text it translates: shown in Dutch",
    "De vertaling in het {name} bij '{need}' zegt niet welke Nederlandse tekst zij vertaalt; "
    "op de pagina in het {name} staat daarom het Nederlands.",
    "Vertaalt zij de Nederlandse tekst van nu ('wat' en 'grens' bij '{need}')? Vul dan bij "
    "'controlecode' in: {code}",
)

FAMILY = Family(
    "Translations",
    (
        TRANSLATION_MISSING,
        TRANSLATION_STALE,
        OWN_TRANSLATION_STALE,
        TRANSLATION_UNKNOWN_KEY,
        OWN_TRANSLATION_WITHOUT_DUTCH,
        TRANSLATION_PLACEHOLDERS,
        TRANSLATION_FILE_NAME,
        LANGUAGE_NOT_PUBLISHED,
        LANGUAGE_WITHOUT_FILE,
        TEMPLATE_TEXT_TWICE,
        SHEET_COLUMN_MISSING,
        SHEET_KEY_UNKNOWN,
        SHEET_DUTCH_CHANGED,
        SHEET_KEY_TWICE,
        SHEET_MACHINE_VALUE,
        OWN_TRANSLATION_LANGUAGE,
        OWN_TRANSLATION_NO_LANGUAGES,
        OWN_TRANSLATION_NO_CODE,
    ),
)
