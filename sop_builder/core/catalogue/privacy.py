"""Message codes: privacy of published text."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Privacy of published text",
    {
        "SOP601": (Severity.ERROR, "looks like a citizen service number (BSN)"),
        "SOP602": (Severity.WARNING, "private e-mail address in published text"),
        "SOP603": (Severity.WARNING, "mobile phone number in published text"),
    },
)
