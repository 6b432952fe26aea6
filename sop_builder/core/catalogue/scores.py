"""Message codes: scores of the self-assessment."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Scores of the self-assessment",
    {
        "SOP301": (Severity.ERROR, "unknown agreement id"),
        "SOP302": (Severity.WARNING, "agreement not scored"),
        "SOP303": (Severity.ERROR, "unknown score code"),
        "SOP304": (Severity.ERROR, "n.v.t. not allowed"),
        "SOP305": (Severity.ERROR, "school year differs from file name"),
        "SOP306": (Severity.WARNING, "no self-assessment for the current school year"),
        "SOP307": (Severity.ERROR, "agreement of another school year's norm"),
        "SOP308": (Severity.ERROR, "no version of the norm in force in the file's school year"),
    },
)
