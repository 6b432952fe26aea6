"""Message codes: yearly evaluations and framework assessments (internal)."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Yearly evaluations and framework assessments (internal)",
    {
        "SOP701": (Severity.ERROR, "unknown goal in an evaluation"),
        "SOP702": (Severity.ERROR, "unknown status in an evaluation"),
        "SOP703": (Severity.ERROR, "no goals configured for the evaluation's school year"),
        "SOP704": (Severity.ERROR, "assessment file names an unknown framework"),
        "SOP705": (Severity.ERROR, "unknown item in a framework assessment"),
        "SOP706": (Severity.ERROR, "unknown score code in a framework assessment"),
        "SOP707": (Severity.WARNING, "framework assessment incomplete"),
        "SOP708": (Severity.ERROR, "unknown dimension in a framework score"),
        "SOP709": (Severity.ERROR, "SWV folder without a matching school"),
        "SOP710": (Severity.WARNING, "unknown file in an SWV folder"),
        "SOP711": (Severity.WARNING, "framework not meant for this school type"),
    },
)
