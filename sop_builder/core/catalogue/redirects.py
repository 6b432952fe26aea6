"""Message codes: redirects and short links."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Redirects and short links",
    {
        "SOP801": (Severity.ERROR, "redirect path is not a path of this site"),
        "SOP802": (Severity.ERROR, "redirect would replace a real page or short link"),
        "SOP803": (Severity.ERROR, "redirect target is not a page of the site"),
        "SOP804": (Severity.ERROR, "old address redirected twice"),
        "SOP805": (
            Severity.WARNING,
            "school folder gone since the last build or commit, no redirect",
        ),
    },
)
