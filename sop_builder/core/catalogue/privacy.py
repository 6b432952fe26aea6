"""Message codes: privacy of published text (SOP6xx)."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

LOOKS_LIKE_BSN = Message(
    "SOP601",
    Severity.ERROR,
    "looks like a citizen service number (BSN)",
    "Deze regel bevat een nummer dat lijkt op een burgerservicenummer (BSN).",
    "Haal het nummer weg. Gegevens van leerlingen horen nooit in het SOP.",
)
PRIVATE_EMAIL = Message(
    "SOP602",
    Severity.WARNING,
    "private e-mail address in published text",
    "'{address}' lijkt een privé-e-mailadres; deze tekst komt op de site.",
    "Gebruik een e-mailadres van de school, bijvoorbeeld ib@school.nl.",
)
MOBILE_NUMBER = Message(
    "SOP603",
    Severity.WARNING,
    "mobile phone number in published text",
    "'{number}' is een mobiel nummer; deze tekst komt op de site.",
    "Zet hier liever het vaste nummer van de school. Is dit nummer bedoeld om te publiceren? "
    "Dan kunt u deze waarschuwing negeren.",
)

FAMILY = Family("Privacy of published text", (LOOKS_LIKE_BSN, PRIVATE_EMAIL, MOBILE_NUMBER))
