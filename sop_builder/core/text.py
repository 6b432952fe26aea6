"""Shared text helpers: Dutch dates and numbers, and the one slugify."""

from __future__ import annotations

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


def dutch_date(day: date | None) -> str:
    """2025-09-15 -> '15 september 2025'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""
