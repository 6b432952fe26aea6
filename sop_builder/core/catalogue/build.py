"""Message codes: building and publishing (the refusals of `bouw`, `bekijk` and the plugin).

Each names the source file of the page it is about (through the route table), never only a
staged or built page; the page's address is in the text. A build that cannot write (a full
disk: SOP954), the internal site aimed at a published folder (SOP955) and a second `bekijk`
(SOP956) are refusals of the family "Writing" (writing.py).
"""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ASK = "meld het anders bij de beheerder van sop-builder"

INTERNAL_TEXT = Message(
    "SOP901",
    Severity.ERROR,
    "internal text on a page of the public site",
    "De pagina {page} zou interne tekst tonen: '{text}…'.",
    "Deze tekst staat ook in een intern veld (interne_notitie, een toelichting of een "
    "opmerking tussen <!-- en -->). Haal hem weg uit de tekst die op de site komt; de site is "
    "niet gebouwd.",
)
OTHER_HOST = Message(
    "SOP902",
    Severity.ERROR,
    "a page would load something from another host",
    "{page} laadt iets van {host}: {url}",
    "De site laadt niets van andere websites, zodat bezoekers niet gevolgd worden. Zet het "
    "bestand in templates/assets/ of haal de verwijzing weg.",
)
MISSING_PAGE = Message(
    "SOP903",
    Severity.ERROR,
    "a route without its built page, or a built page without its route",
    "De pagina {page} hoort bij de site, maar de bouw heeft {file} niet gemaakt.",
    f"Voer 'sop-builder controleer' uit en bouw opnieuw; {ASK}.",
)
ORPHAN_PAGE = Message(
    "SOP903",
    Severity.ERROR,
    MISSING_PAGE.summary,
    "De gebouwde site heeft een pagina {file} die niet in de lijst van pagina's van "
    "sop-builder staat.",
    "Komt zij van een plugin of een thema-instelling in mkdocs.yml? Haal die weg: sop-builder "
    "maakt alle pagina's van de site zelf.",
)
ENGINE_FAILED = Message(
    "SOP904",
    Severity.ERROR,
    "the site engine could not build the site",
    "De site kan niet worden gebouwd{page}: {engine} meldt: {detail}",
    f"Voer 'sop-builder controleer' uit en los eerst de meldingen over dit bestand op; {ASK}.",
)
TEMPLATE_MISSING = Message(
    "SOP905",
    Severity.ERROR,
    "a template or template folder of sop-builder is missing",
    "Dit sjabloon van sop-builder ontbreekt in uw project, dus de site kan niet worden gebouwd.",
    "Zet de map templates/ terug zoals sop-builder hem levert (bijvoorbeeld met "
    "'git checkout -- templates').",
)
TEMPLATE_FOLDER_MISSING = Message(
    "SOP905",
    Severity.ERROR,
    TEMPLATE_MISSING.summary,
    "Deze map met sjablonen van sop-builder ontbreekt in uw project, dus de site kan niet "
    "worden gebouwd.",
    TEMPLATE_MISSING.hint,
)
WEB_EDITOR_FAILED = Message(
    "SOP906",
    Severity.ERROR,
    "the web editor (admin/) could not be written",
    "De webeditor (admin/) kon niet worden gemaakt: {detail}",
    "Bouwt u zonder internet? Haal dan site_config/webeditor.yaml tijdelijk weg.",
)
SEARCH_FAILED = Message(
    "SOP907",
    Severity.ERROR,
    "the search index could not be made",
    "De zoekfunctie van de site kon niet worden gemaakt ({detail}).",
    "Pagefind, dat de zoekfunctie maakt, hoort bij sop-builder: installeer sop-builder "
    f"opnieuw en bouw opnieuw; {ASK}.",
)
REDIRECT_OVER_PAGE = Message(
    "SOP908",
    Severity.ERROR,
    "a redirect page could not be written",
    "De doorverwijzing {source} zou de pagina {source} overschrijven.",
    "Haal de doorverwijzing weg of kies een oud adres waar geen pagina staat; voer daarna "
    "'sop-builder controleer' uit.",
)
REDIRECT_NOWHERE = Message(
    "SOP908",
    Severity.ERROR,
    REDIRECT_OVER_PAGE.summary,
    "De doorverwijzing {source} wijst naar {target}, maar die pagina is niet gemaakt.",
    "Laat de doorverwijzing naar een pagina van de site wijzen; voer daarna 'sop-builder "
    "controleer' uit.",
)
HELD_BACK = Message(
    "SOP910",
    Severity.WARNING,
    "a school that is not complete has no page on the site",
    "{name} staat niet op de site ({page}): {reason}.",
    "Los op wat 'sop-builder controleer' bij {folder} noemt en bouw opnieuw. De andere "
    "scholen staan wel op de site. Wilt u zolang een korte pagina 'volgt'? Zet dan in "
    "site_config/bouwen.yaml: onvolledige_school: volgt",
)
SHOWN_AS_PENDING = Message(
    "SOP911",
    Severity.WARNING,
    "a school that is not complete is shown as 'volgt'",
    "Op {page} staat voor {name} alleen: 'Het ondersteuningsprofiel van deze school volgt'. "
    "Reden: {reason}.",
    "Los op wat 'sop-builder controleer' bij {folder} noemt en bouw opnieuw; dan komt het hele "
    "profiel op de site.",
)
NO_REPORT = Message(
    "SOP912",
    Severity.WARNING,
    "a school with errors in its folder is left out of the internal site",
    "{name} staat niet op de interne site: {reason}.",
    "Los op wat 'sop-builder controleer' bij {folder} noemt en bouw opnieuw. De andere "
    "scholen staan wel op de interne site; het dashboard noemt deze school bij 'Nog niet "
    "compleet'.",
)

FAMILY = Family(
    "Building and publishing",
    (
        INTERNAL_TEXT,
        OTHER_HOST,
        MISSING_PAGE,
        ORPHAN_PAGE,
        ENGINE_FAILED,
        TEMPLATE_MISSING,
        TEMPLATE_FOLDER_MISSING,
        WEB_EDITOR_FAILED,
        SEARCH_FAILED,
        REDIRECT_OVER_PAGE,
        REDIRECT_NOWHERE,
        HELD_BACK,
        SHOWN_AS_PENDING,
        NO_REPORT,
    ),
)
