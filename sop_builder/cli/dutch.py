"""Click's own words in Dutch: usage lines, headings, and the errors for wrong options.

Click marks its texts for gettext (``_("Usage:")``) but ships no translations. `install` gives
its modules a look-up in the table below instead, so that someone who mistypes an option reads
"Fout: Ongeldige waarde voor '--datum': …" and not an English sentence around a Dutch one.
A text Click no longer has is found by `tests/test_cli_names.py` (it reads Click's sources).
"""

from __future__ import annotations

import importlib

TEXTS: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Aborted!": "Afgebroken.",
    "Commands": "Opdrachten",
    "Options": "Opties",
    "Usage:": "Gebruik:",
    "Error: {message}": "Fout: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende waarde",
    "Missing command.": "Er ontbreekt een opdracht.",
    "No such command {name!r}.": "De opdracht {name!r} bestaat niet.",
    "No such option {name!r}.": "De optie {name!r} bestaat niet.",
    "Option {name!r} does not take a value.": "Bij de optie {name!r} hoort geen waarde.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Show this message and exit.": "Toon deze uitleg en stop.",
    "Try '{command} {option}' for help.": "Uitleg: '{command} {option}'.",
    "default: {default}": "standaard: {default}",
    "{value} is not in the range {range}.": "{value} ligt niet tussen {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan niet worden gelezen.",
    "{name} {filename!r} is not writable.": "In {name} {filename!r} kan niet worden geschreven.",
    "file": "Bestand",
    "directory": "Map",
    "path": "Pad",
    "Could not open file {filename!r}: {message}": "Het bestand {filename!r} kan niet worden "
    "geopend: {message}",
}
PLURALS: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "Bij de optie {name!r} hoort een waarde.",
        "Bij de optie {name!r} horen {nargs} waarden.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} is geen {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    "Did you mean {possibility}?": (
        "Bedoelt u {possibility}?",
        "(Bedoelt u een van: {possibilities}?)",
    ),
}
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")


def gettext(message: str) -> str:
    return TEXTS.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    dutch = PLURALS.get(singular)
    if dutch is None:
        return singular if count == 1 else plural
    return dutch[0] if count == 1 else dutch[1]


def install() -> None:
    """Let Click's modules look their texts up here (they call ``_`` and ``ngettext``)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        # Click's own gettext hook: each module calls the ``_`` and ``ngettext`` it imported.
        for hook, ours in (("_", gettext), ("ngettext", ngettext)):
            if hasattr(module, hook):
                setattr(module, hook, ours)
