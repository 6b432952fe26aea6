"""Message codes: writing the project and the sites (SOP950–SOP969).

Commands that change files write them as one transaction (core/transaction.py), the builds
swap a finished site into place (publish/atomic.py), and locks under .sop-builder/ keep two
of them from running at once (core/lock.py). When the disk is full, a folder is read-only or a
process was killed, these messages say what happened, what changed (usually nothing) and what
to do. The range SOP950–SOP969 is this family's; SOP960–SOP969 are free.
"""

from __future__ import annotations

import errno

from sop_builder.core.issues import Family, Message, Severity

NOTHING_CHANGED = Message(
    "SOP950",
    Severity.ERROR,
    "a command could not write its files; nothing changed",
    "'{command}' kon de bestanden niet schrijven, omdat {reason} ({path}). Er is niets veranderd.",
    "{advice}",
)
HALF_DONE = Message(
    "SOP951",
    Severity.ERROR,
    "a command could not write its files and could not undo them; the next run finishes",
    "'{command}' kon de bestanden niet schrijven, omdat {reason} ({path}), en kon daarna "
    "ook niet alles terugzetten. Een deel van de bestanden is al nieuw.",
    "{advice} Draai daarna '{command}' of 'sop-builder controleer' opnieuw: dan maakt "
    "sop-builder de wijziging af.",
)
FINISHED = Message(
    "SOP952",
    Severity.WARNING,
    "an interrupted command was finished",
    "'{command}' (begonnen op {started}) was onderbroken en is nu afgemaakt: {count}.",
    "Kijk met 'git status' en 'git diff' wat er veranderd is.",
)
UNFINISHED = Message(
    "SOP953",
    Severity.ERROR,
    "an interrupted command could not be finished; the project is half written",
    "'{command}' (begonnen op {started}) was onderbroken en kan nu niet worden afgemaakt, "
    "omdat {reason} ({path}). Een deel van de bestanden is al nieuw, een deel nog oud.",
    "{advice} Draai daarna 'sop-builder controleer' opnieuw: dan maakt sop-builder het af.",
)
UNREADABLE_JOURNAL = Message(
    "SOP953",
    Severity.ERROR,
    "an interrupted command could not be finished; the project is half written",
    "Een opdracht die bestanden schreef, is onderbroken, en het logboek ervan ({path}) is "
    "niet te lezen: {reason}. Misschien is een deel van de bestanden al nieuw.",
    "Kijk met 'git status' en 'git diff' welke bestanden veranderd zijn en zet ze zo nodig "
    "terug met 'git checkout'. Haal daarna de map .sop-builder/transactie weg.",
)
BUILD_FAILED = Message(
    "SOP954",
    Severity.ERROR,
    "a build could not write the site; the previous site stays",
    "De site kon niet worden gebouwd, omdat {reason} ({path}). De vorige site blijft staan.",
    "{advice}",
)
PUBLISHED_FOLDER = Message(
    "SOP955",
    Severity.ERROR,
    "the internal site would be built into a folder that is published",
    "De interne site mag niet in {folder}: {why}. Er is niets gebouwd.",
    "Kies met --uit een map die niet wordt gepubliceerd, bijvoorbeeld site-intern "
    "(de standaard); zet die site alleen achter een inlog (zie docs/intern.md).",
)
ALREADY_SERVING = Message(
    "SOP956",
    Severity.ERROR,
    "'bekijk' already runs in this project",
    "'sop-builder bekijk' draait al in deze map ({holder}).",
    "Bekijk de site daar, of stop die eerst met Ctrl+C en start dan opnieuw.",
)
RECORD_NOT_WRITTEN = Message(
    "SOP957",
    Severity.WARNING,
    "the site was built but the record of published schools could not be written",
    "De site is gebouwd, maar de lijst van gepubliceerde scholen ({path}) kon niet worden "
    "bijgewerkt, omdat {reason}.",
    "Zonder die lijst ziet 'sop-builder controleer' een hernoemde schoolmap alleen via Git. "
    "{advice}",
)
NOT_A_SITE_FOLDER = Message(
    "SOP958",
    Severity.ERROR,
    "a build would replace a folder that is not a site (the project, or a folder of its own)",
    "De site kan niet in {path}: {why}. Een bouw vervangt de hele map. Er is niets gebouwd en "
    "er is niets weggehaald.",
    "Kies met --uit een nieuwe of lege map, of de map van een eerdere site (zoals site/).",
)
FILE_EXISTS = Message(
    "SOP959",
    Severity.ERROR,
    "a command that makes a file (a spreadsheet) would replace an existing file",
    "{path} bestaat al. Er is niets geschreven: het bestand is niet veranderd.",
    "Misschien is het al ingevuld. Kies met --uit een andere naam, of geef --overschrijf als u "
    "het bestand wilt vervangen (wat erin staat, gaat dan verloren).",
)

FAMILY = Family(
    "Writing: transactions, builds and locks",
    (
        NOTHING_CHANGED,
        HALF_DONE,
        FINISHED,
        UNFINISHED,
        UNREADABLE_JOURNAL,
        BUILD_FAILED,
        PUBLISHED_FOLDER,
        ALREADY_SERVING,
        RECORD_NOT_WRITTEN,
        NOT_A_SITE_FOLDER,
        FILE_EXISTS,
    ),
)

_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("de schijf vol is", "Maak ruimte vrij op de schijf en probeer het opnieuw."),
    errno.EDQUOT: (
        "uw ruimte op de schijf op is",
        "Maak ruimte vrij (of vraag de beheerder om meer) en probeer het opnieuw.",
    ),
    errno.EROFS: (
        "de map alleen gelezen kan worden",
        "Werk in een kopie van het project waarin u mag schrijven.",
    ),
    errno.EACCES: (
        "u hier niet mag schrijven",
        "Controleer wie eigenaar is van de map en de bestanden, en probeer het opnieuw.",
    ),
    errno.EPERM: (
        "u hier niet mag schrijven",
        "Controleer wie eigenaar is van de map en de bestanden, en probeer het opnieuw.",
    ),
    errno.EIO: (
        "de schijf een fout gaf",
        "Controleer de schijf (of de netwerkmap) en probeer het opnieuw.",
    ),
}


def describe(exc: OSError) -> tuple[str, str]:
    """Why a write failed and what to do, in plain Dutch: (reason, advice)."""
    found = _REASONS.get(exc.errno or 0)
    if found is not None:
        return found
    detail = exc.strerror or type(exc).__name__
    return f"het systeem een fout gaf ({detail})", "Probeer het opnieuw."
