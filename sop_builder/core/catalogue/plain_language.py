"""Message codes: plain language for parents."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Plain language for parents",
    {
        "SOP741": (Severity.WARNING, "sentence too long for parents"),
        "SOP742": (Severity.WARNING, "word too long for parents"),
        "SOP743": (Severity.WARNING, "jargon with a plainer form in the glossary"),
        "SOP744": (Severity.WARNING, "abbreviation not in the glossary"),
    },
)
