"""Message codes: published text: Markdown, HTML and invisible characters."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Published text: Markdown, HTML and invisible characters",
    {
        "SOP451": (Severity.WARNING, "HTML in a Markdown text is shown as text"),
        "SOP452": (Severity.WARNING, "link whose address is not allowed: text without link"),
        "SOP453": (Severity.WARNING, "image not shown: its description instead"),
        "SOP454": (Severity.WARNING, "text the page leaves out (e.g. unused link definition)"),
        "SOP455": (Severity.ERROR, "HTML comment not closed"),
        "SOP456": (Severity.ERROR, "control character in text"),
        "SOP457": (Severity.ERROR, "character that changes the reading direction"),
        "SOP458": (Severity.WARNING, "invisible character (zero width)"),
    },
)
