"""Message codes: schema: fields and their values."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Schema: fields and their values",
    {
        "SOP101": (Severity.ERROR, "required field missing"),
        "SOP102": (Severity.ERROR, "unknown field"),
        "SOP103": (Severity.ERROR, "wrong kind of value"),
        "SOP104": (Severity.ERROR, "invalid vestigingscode"),
        "SOP105": (Severity.ERROR, "invalid date"),
        "SOP106": (Severity.ERROR, "invalid web address"),
        "SOP107": (Severity.ERROR, "invalid e-mail address"),
        "SOP108": (Severity.ERROR, "value not allowed"),
        "SOP109": (Severity.ERROR, "invalid school year"),
        "SOP110": (Severity.ERROR, "invalid number"),
        "SOP111": (Severity.ERROR, "empty value"),
        "SOP112": (Severity.ERROR, "invalid format"),
        "SOP113": (Severity.ERROR, "characters that are not allowed"),
    },
)
