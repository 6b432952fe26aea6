"""Message codes: redirects and short links (SOP8xx)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR = Severity.ERROR

NOT_A_SITE_PATH = Message(
    "SOP801",
    ERROR,
    "redirect path is not a path of this site",
    "'{value}' is geen pad binnen deze site.",
    "Schrijf een pad binnen deze site, bijvoorbeeld /scholen/oude-naam/.",
)
NOT_A_TIDY_SITE_PATH = Message(
    "SOP801",
    ERROR,
    "redirect path is not a path of this site",
    NOT_A_SITE_PATH.text,
    "Schrijf alleen het pad, met een / aan het begin en aan het eind: '{suggestion}'.",
)
REPLACES_A_PAGE = Message(
    "SOP802",
    ERROR,
    "redirect would replace a real page or short link",
    "Op het adres {path} staat al een echte pagina.",
    "Een doorverwijzing mag geen bestaande pagina vervangen. Haal deze regel weg, of kies het "
    "oude adres dat niet meer bestaat.",
)
REPLACES_A_SHORT_LINK = Message(
    "SOP802",
    ERROR,
    "redirect would replace a real page or short link",
    "Het adres {path} is al de korte link van een school.",
    "Haal deze regel weg: korte links met de vestigingscode maakt de site zelf.",
)
NO_SUCH_PAGE = Message(
    "SOP803",
    ERROR,
    "redirect target is not a page of the site",
    "De pagina {path} bestaat niet op de site.",
    "Kies een pagina die op de site staat, bijvoorbeeld /scholen/nieuwe-naam/ (de naam van de "
    "map in content/schools/).",
)
NO_SUCH_PAGE_TYPO = Message(
    "SOP803",
    ERROR,
    "redirect target is not a page of the site",
    NO_SUCH_PAGE.text,
    "{suggestion}",
)
TARGET_IS_AN_OLD_ADDRESS = Message(
    "SOP803",
    ERROR,
    "redirect target is not a page of the site",
    NO_SUCH_PAGE.text,
    "Laat {source} direct naar de nieuwe pagina wijzen, niet naar een ander oud adres.",
)
REDIRECTED_TWICE = Message(
    "SOP804",
    ERROR,
    "old address redirected twice",
    "Het oude adres {path} staat meer dan één keer in de lijst.",
    "Houd één regel per oud adres over.",
)
SCHOOL_GONE_SINCE_COMMIT = Message(
    "SOP805",
    Severity.WARNING,
    "school folder gone since the last build or commit, no redirect",
    "De map {folder} is weg sinds de laatste commit, maar {path} staat misschien al in "
    "schoolgidsen en op papier.",
    "Zet in {file} een doorverwijzing: '- van: {path}' en 'naar: /scholen/{target}/' (is de "
    "school gesloten: 'naar: /scholen/').",
)
SCHOOL_GONE_SINCE_BUILD = Message(
    "SOP805",
    Severity.WARNING,
    "school folder gone since the last build or commit, no redirect",
    "De map {folder} is weg sinds de laatste keer dat de site is gebouwd, maar {path} staat "
    "misschien al in schoolgidsen en op papier.",
    SCHOOL_GONE_SINCE_COMMIT.hint,
)

FAMILY = Family(
    "Redirects and short links",
    (
        NOT_A_SITE_PATH,
        NOT_A_TIDY_SITE_PATH,
        REPLACES_A_PAGE,
        REPLACES_A_SHORT_LINK,
        NO_SUCH_PAGE,
        NO_SUCH_PAGE_TYPO,
        TARGET_IS_AN_OLD_ADDRESS,
        REDIRECTED_TWICE,
        SCHOOL_GONE_SINCE_COMMIT,
        SCHOOL_GONE_SINCE_BUILD,
    ),
)
