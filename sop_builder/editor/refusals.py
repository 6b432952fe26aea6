"""What the web editor on this computer says when it does not do what was asked: every Dutch
answer of the local backend (``backend.py``) and its server (``server.py``) in one place.

These are not ``Issue``s of the content (those keep their own codes and are quoted inside the
answer, see ``backend.LocalBackend``): they answer one request, as ``{"error": "..."}``, and Decap
CMS shows them in its message bar ("Kan item niet opslaan: ..."). Each says what happened, that
nothing changed, and what the person can do.
"""

from __future__ import annotations

import errno

NOTHING_SAVED = "Er is niets opgeslagen."

# --- the request itself -----------------------------------------------------------------------

NO_MEDIA = "Afbeeldingen en bestanden toevoegen kan niet in de webeditor."
NO_DELETE = "Verwijderen kan niet in de webeditor. Vraag het samenwerkingsverband."
NO_MOVE = f"Een bestand verplaatsen of hernoemen kan niet in de webeditor. {NOTHING_SAVED}"
ONE_FILE = f"De webeditor slaat één bestand tegelijk op. {NOTHING_SAVED}"
BAD_REQUEST = (
    "De webeditor stuurde een verzoek dat niet klopt. Laad de pagina opnieuw (F5) en probeer "
    f"het nog eens. {NOTHING_SAVED}"
)
BAD_JSON = (
    "Het verzoek was geen geldige JSON. Laad de pagina opnieuw (F5) en probeer het nog eens. "
    f"{NOTHING_SAVED}"
)
NO_LENGTH = (
    "Het verzoek zegt niet hoe lang het is (de kop Content-Length ontbreekt of klopt niet). "
    f"{NOTHING_SAVED}"
)
TOO_LARGE = (
    "Dit is te veel tekst om in één keer op te slaan (meer dan 2 MB). Maak de tekst korter. "
    f"{NOTHING_SAVED}"
)
ONLY_THIS_PAGE = "Alleen de webeditor zelf mag hier iets bewaren."
NOT_FOUND = "Niet gevonden."
INTERNAL = (
    "Er ging iets mis in de webeditor. Kijk in het venster waarin 'sop-builder editor' draait, "
    f"en meld het aan de beheerder. {NOTHING_SAVED}"
)
CONFIG_ERRORS = (
    "De instellingen in site_config/ hebben fouten, daarom kan de webeditor de formulieren niet "
    "maken. Draai: sop-builder controleer"
)


def wrong_host(own: str) -> str:
    """A request whose Host is not the editor's own address (another site, DNS rebinding)."""
    return (
        f"Open de webeditor via {own}/admin/ . Een ander adres voor deze computer wordt niet "
        "gebruikt, zodat geen andere website bij uw bestanden kan."
    )


def unknown_action(action: str) -> str:
    return f"Onbekende opdracht '{action}'."


# --- which files ------------------------------------------------------------------------------


def not_allowed_path(rel: str) -> str:
    return f"Het pad '{rel}' mag de webeditor niet gebruiken."


def not_editable(rel: str) -> str:
    return f"Het bestand '{rel}' kunt u niet in de webeditor bewerken."


def outside_project(rel: str) -> str:
    return f"Het pad '{rel}' ligt buiten het project."


def not_a_folder(folder: str) -> str:
    return f"De map '{folder}' kan de webeditor niet tonen."


def no_new_file_here(rel: str) -> str:
    return (
        f"Hier kunt u geen nieuw bestand maken ('{rel}'). Een nieuwe school maakt het "
        f"samenwerkingsverband met 'sop-builder nieuwe-school'. {NOTHING_SAVED}"
    )


def empty_new_file(rel: str) -> str:
    return f"Het nieuwe bestand '{rel}' is leeg. Vul het formulier in. {NOTHING_SAVED}"


# --- versions: what the form was opened with ----------------------------------------------------

CHANGED_SINCE_OPENED = (
    "Niet opgeslagen: dit bestand is veranderd sinds u het opende (door iemand anders, in een "
    "ander tabblad of in een ander programma). Kopieer uw tekst, laad de pagina opnieuw (F5) en "
    "breng uw wijziging nog eens aan. Zo gaat niemands werk verloren."
)
GONE_SINCE_OPENED = (
    "Niet opgeslagen: dit bestand is weggehaald of verplaatst sinds u het opende. Kopieer uw "
    "tekst en laad de pagina opnieuw (F5)."
)


def exists_already(rel: str) -> str:
    return (
        f"Niet opgeslagen: het bestand '{rel}' bestaat al. Kies een andere titel, of open het "
        "bestaande bestand in de lijst en pas dat aan."
    )


NO_VERSION = (
    "Niet opgeslagen: de webeditor weet niet welke versie van dit bestand u opende. Laad de "
    "pagina opnieuw (F5) en breng uw wijziging nog eens aan."
)


# --- the disk -------------------------------------------------------------------------------------


def why_not_written(exc: OSError) -> str:
    """Why the system refused a write, and what to do: a full disk, a read-only file or folder,
    no permission (the editor's saves, and the copy of its program files: ``assets.py``)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "de schijf is vol. Maak ruimte vrij en probeer het daarna opnieuw."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            "het bestand of de map mag niet worden beschreven (alleen-lezen, of geen rechten). "
            "Vraag wie de computer beheert om schrijfrechten."
        )
    return f"de computer weigerde het schrijven ({exc.strerror or exc})."


def cannot_write(rel: str, exc: OSError) -> str:
    """A save the system refused."""
    return (
        f"'{rel}' kon niet worden opgeslagen: {why_not_written(exc)} Het bestand is niet veranderd."
    )


def cannot_read(rel: str, exc: OSError) -> str:
    return (
        f"'{rel}' kan niet worden gelezen ({exc.strerror or exc}). Controleer of het bestand "
        "bestaat en leesbaar is."
    )


def cannot_undo(rel: str, exc: OSError) -> str:
    """The save was refused by the checks, and putting the old file back failed too."""
    return (
        f"Let op: uw wijziging in '{rel}' gaf een fout, en het oude bestand kon niet worden "
        f"teruggezet ({exc.strerror or exc}). Het bestand bevat nu uw wijziging met die fout. "
        "Herstel het met 'git checkout' of vraag hulp; 'sop-builder controleer' toont de fout."
    )


# --- the checks ---------------------------------------------------------------------------------


def refused_by_checks(problems: list[str]) -> str:
    """The save would give these problems (each already names its field): nothing is saved."""
    return " ".join(problems) + f" {NOTHING_SAVED}"


def in_other_file(path: str, text: str) -> str:
    """A problem the save would cause in another file (another school's sop.md)."""
    return f"deze wijziging geeft een fout in {path}: {text}"


def in_text(label: str, start: str) -> str:
    """Where in a long text (the Markdown under the fields): the start of that line."""
    return f"{label}, bij '{start}'" if start else label
