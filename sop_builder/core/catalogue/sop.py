"""Message codes: the SOP: length, dates, sections and placeholders."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "The SOP: length, dates, sections and placeholders",
    {
        "SOP401": (Severity.WARNING, "SOP too long for one A4"),
        "SOP402": (Severity.WARNING, "SOP adopted more than 4 years ago"),
        "SOP403": (Severity.WARNING, "no MR date"),
        "SOP404": (Severity.WARNING, "SOP validity has ended"),
        "SOP405": (Severity.ERROR, "required section missing"),
        "SOP406": (Severity.ERROR, "unknown section"),
        "SOP407": (Severity.WARNING, "section is empty"),
        "SOP408": (Severity.ERROR, "section appears twice"),
        "SOP409": (Severity.WARNING, "text before the first section"),
        "SOP410": (Severity.ERROR, "MR date after the board's adoption"),
        "SOP411": (Severity.WARNING, "field still holds the example from nieuwe-school"),
    },
)
