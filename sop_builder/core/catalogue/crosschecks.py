"""Message codes: cross-checks: site_config choices, folders and uniqueness."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Cross-checks: site_config choices, folders and uniqueness",
    {
        "SOP201": (Severity.ERROR, "unknown kern"),
        "SOP202": (Severity.ERROR, "choice outside the vocabulary"),
        "SOP203": (Severity.WARNING, "choice listed twice"),
        "SOP204": (Severity.ERROR, "duplicate vestigingscode"),
        "SOP205": (Severity.ERROR, "duplicate slug"),
        "SOP206": (Severity.ERROR, "invalid folder name (slug)"),
        "SOP207": (Severity.ERROR, "school folder without sop.md"),
        "SOP208": (Severity.WARNING, "unknown file in school folder"),
        "SOP209": (Severity.ERROR, "editors file names a school folder that does not exist"),
        "SOP220": (Severity.ERROR, "declaration for a need that is not in the SWV's list"),
        "SOP221": (Severity.ERROR, "declared level outside the SWV's scale"),
        "SOP222": (Severity.WARNING, "profile incomplete: needs without a declaration"),
        "SOP223": (Severity.WARNING, "profile incomplete: a level without its sentence"),
        "SOP224": (Severity.ERROR, "practical fact that is not in the SWV's list"),
        "SOP225": (Severity.WARNING, "profile incomplete: practical facts not filled in"),
    },
)
