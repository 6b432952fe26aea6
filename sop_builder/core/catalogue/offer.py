"""Message codes: the SWV's offer (content/aanbod/)."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "The SWV's offer (content/aanbod/)",
    {
        "SOP721": (Severity.ERROR, "invalid time of day"),
        "SOP722": (Severity.ERROR, "workshop ends before it starts"),
        "SOP723": (Severity.ERROR, "story names a school that does not exist"),
        "SOP724": (Severity.WARNING, "unknown file or folder in content/aanbod/"),
        "SOP725": (Severity.ERROR, "invalid file name for an offer page"),
    },
)
