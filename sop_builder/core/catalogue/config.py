"""Message codes: configuration in site_config/."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Configuration in site_config/",
    {
        "SOP501": (Severity.ERROR, "duplicate id in configuration"),
        "SOP502": (Severity.ERROR, "reference to an unknown id in configuration"),
        "SOP503": (Severity.ERROR, "configuration file missing"),
        "SOP504": (Severity.ERROR, "invalid scale"),
        "SOP505": (Severity.ERROR, "no target for the current school year"),
        "SOP506": (Severity.ERROR, "project files have an older format (run migreer)"),
        "SOP507": (Severity.ERROR, "project files have a newer format than this version reads"),
        "SOP508": (
            Severity.ERROR,
            "no version of the norm in force in the current school year",
        ),
    },
)
