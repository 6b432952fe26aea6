"""Message codes: reading files: encoding, front matter and YAML syntax."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Reading files: encoding, front matter and YAML syntax",
    {
        "SOP001": (Severity.ERROR, "file is not UTF-8"),
        "SOP002": (Severity.ERROR, "file is empty"),
        "SOP003": (Severity.ERROR, "file is binary or contains a NUL byte"),
        "SOP004": (Severity.ERROR, "file is too large"),
        "SOP010": (Severity.ERROR, "front matter does not start on line 1"),
        "SOP011": (Severity.ERROR, "front matter is not closed"),
        "SOP012": (Severity.ERROR, "YAML syntax error"),
        "SOP013": (Severity.ERROR, "tab used for indentation"),
        "SOP014": (Severity.ERROR, "duplicate key"),
        "SOP015": (Severity.ERROR, "anchor or alias"),
        "SOP016": (Severity.ERROR, "YAML tag"),
        "SOP017": (Severity.ERROR, "nesting too deep or too many values"),
        "SOP018": (Severity.ERROR, "top level is not a mapping"),
        "SOP019": (Severity.WARNING, "text after ' #' is dropped as a comment"),
        "SOP020": (Severity.ERROR, "more than one YAML document"),
        "SOP021": (Severity.ERROR, "key is not plain text"),
        "SOP022": (Severity.ERROR, "continuation line not indented enough (YAML 1.2)"),
        "SOP023": (Severity.ERROR, "YAML directive (%)"),
    },
)
