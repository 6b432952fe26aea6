"""Shared text helpers: Dutch dates and numbers, and the one slugify."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def slugify(text: str, fallback: str = "onbekend") -> str:
    """'Één café 2027' -> 'een-cafe-2027': a name as a part of an address.

    Lower-case letters and digits joined by single hyphens; accents are folded to plain letters
    (é -> e, ë -> e), other characters separate words. When nothing is left, ``fallback``: an
    address needs a name.
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower())) or fallback


def dutch_number(n: int) -> str:
    """1000000 -> '1.000.000': dots between the thousands."""
    return f"{n:,}".replace(",", ".")


# A school folder's name is its page's address (/scholen/<name>/): at most this many characters.
MAX_NAME_SLUG = 60
# Marks that never separate words: an apostrophe in 't or And're, quotes, an exclamation mark.
WORD_MARKS = re.compile("['\u2019\u2018`\u00b4\"\u201c\u201d\u201e\u00ab\u00bb!]")


def name_slug(text: str, max_length: int = MAX_NAME_SLUG, fallback: str = "school") -> str:
    """A new address from a name, words kept whole: "'t Schrijverke" -> 't-schrijverke',
    "Basisschool And're wijze" -> 'basisschool-andre-wijze', 'het P@rk' -> 'het-park',
    'Laar & Berg' -> 'laar-en-berg'.

    Accents fold as in `slugify`; an apostrophe, quote or '!' inside a word is left out instead
    of splitting it; '&' reads 'en'; '@' between letters reads 'a'. The result has at most
    ``max_length`` characters, cut after a whole word (a first word longer than that is cut).
    Only new addresses use this rule (school folders that `nieuwe-school` and `import-scholen`
    make): `slugify` stays as it was, so no address that is already published moves.
    """
    text = re.sub(r"(?<=[^\W\d_])@(?=[^\W\d_])", "a", text)
    text = WORD_MARKS.sub("", text.replace("&", " en "))
    return cut_slug(slugify(text, fallback=""), max_length) or fallback


def cut_slug(slug: str, max_length: int) -> str:
    """``slug`` cut to at most ``max_length`` characters after a whole word."""
    if len(slug) <= max_length:
        return slug
    kept = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[: max_length + 1] else ""
    return kept or slug[:max_length].rstrip("-")


def dutch_date(day: date | None) -> str:
    """2025-09-15 -> '15 september 2025'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""
