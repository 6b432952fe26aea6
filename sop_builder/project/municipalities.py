"""Gemeente names in their proper form: DUO writes them in capitals without accents or
apostrophes ('S GRAVENHAGE', 'SUDWEST-FRYSLAN', 'GELDROP-MIERLO'); pages show
"'s-Gravenhage", 'Súdwest-Fryslân', 'Geldrop-Mierlo'.

`proper_name` finds the form in three steps:

1. the exceptions below (names whose accents or form no rule can derive);
2. a place (woonplaats) of DUO's files with the same letters: the gemeente 'S GRAVENHAGE' has
   the place "'s-Gravenhage", 'ALPHEN AAN DEN RIJN' the place 'Alphen aan den Rijn';
3. capitals as Dutch names have them: each word and each part after a hyphen with a capital
   (IJ as one letter), the small words of names (aan, de, den, en, op, van, ...) in small
   letters unless they start the name or follow a hyphen: 'GELDROP-MIERLO' -> 'Geldrop-Mierlo',
   'HOF VAN TWENTE' -> 'Hof van Twente', 'REUSEL-DE MIERDEN' -> 'Reusel-De Mierden'.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

# DUO's form -> the name in the official list of gemeenten (CBS open data, "Gemeentelijke
# indeling op 1 januari 2024", table of gemeentecodes and -namen), for the names that steps 2
# and 3 cannot give: Frisian accents, and the forms DUO shortens. Add a line when DUO's files
# name a gemeente that comes out wrong; tests/test_real_schools.py checks every gemeente of
# the real data.
EXCEPTIONS: dict[str, str] = {
    "SUDWEST-FRYSLAN": "Súdwest-Fryslân",
    "NOARDEAST-FRYSLAN": "Noardeast-Fryslân",
    "BERGEN NH": "Bergen (NH.)",
    "BERGEN LB": "Bergen (L.)",  # DUO: LB for Limburg
    "NUENEN CA": "Nuenen, Gerwen en Nederwetten",  # DUO: Nuenen c.a.
    "S GRAVENHAGE": "'s-Gravenhage",
    "S HERTOGENBOSCH": "'s-Hertogenbosch",
}
# Small words of Dutch place names, written in small letters inside a name.
SMALL_WORDS = frozenset(
    {"aan", "bij", "de", "den", "der", "en", "het", "in", "op", "over", "te", "ten", "ter", "van"}
)


@functools.lru_cache(maxsize=4096)
def letters(name: str) -> str:
    """The letters and digits of a name, in capitals, without accents: what DUO's form keeps.
    "'s-Gravenhage" and 'S GRAVENHAGE' are both 'SGRAVENHAGE'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Z0-9]", "", plain.upper())


def _capitalised(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    if lower.startswith("ij"):
        return "IJ" + lower[2:]
    return lower[:1].upper() + lower[1:]


def capitalised(name: str) -> str:
    """'HOF VAN TWENTE' -> 'Hof van Twente' (step 3)."""
    parts = re.split(r"([ -])", name.strip())
    out, first = [], True
    for part in parts:
        if part in (" ", "-"):
            out.append(part)
            first = part == "-"
        elif part:
            out.append(_capitalised(part, first))
            first = False
    return "".join(out)


def is_duo_form(name: str) -> bool:
    """Whether ``name`` looks like DUO's form: no small letters."""
    return not any(c.islower() for c in name)


class Municipalities:
    """The proper names of gemeenten, with the places of DUO's files as the source of step 2."""

    def __init__(self, places: Iterable[str] = ()) -> None:
        found: dict[str, Counter[str]] = {}
        for place in places:
            if place and not is_duo_form(place):
                found.setdefault(letters(place), Counter())[place] += 1
        self._places = {key: forms.most_common(1)[0][0] for key, forms in found.items()}

    def proper_name(self, name: str) -> str:
        """The proper form of a gemeente's name; a name that already has small letters stays."""
        name = " ".join(name.split())
        if not name or not is_duo_form(name):
            return name
        key = " ".join(name.upper().split())
        if key in EXCEPTIONS:
            return EXCEPTIONS[key]
        return self._places.get(letters(name)) or capitalised(name)


# The letters of a name from the table -> the letters of DUO's form of it.
_DUO_LETTERS = {letters(proper): letters(duo_form) for duo_form, proper in EXCEPTIONS.items()}


def municipality_key(name: str) -> str:
    """What two ways of writing one gemeente share ('S GRAVENHAGE' and "'s-Gravenhage", DUO's
    'BERGEN LB' and 'Bergen (L.)')."""
    key = letters(name)
    return _DUO_LETTERS.get(key, key)


def same_municipality(a: str, b: str) -> bool:
    """Whether two ways of writing a gemeente name the same one."""
    return municipality_key(a) == municipality_key(b)
