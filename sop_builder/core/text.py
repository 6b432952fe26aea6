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


def dutch_date(day: date | None) -> str:
    """2025-09-15 -> '15 september 2025'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""
