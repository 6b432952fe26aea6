"""Message codes: reading files: encoding, front matter and YAML syntax."""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity, family

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

# A value that starts with a quote that its line does not close (naam: 't Kienholt): YAML reads
# on until the next quote, and the error shows up lines later as an indentation problem.
UNCLOSED_QUOTE = Message(
    "SOP012",
    Severity.ERROR,
    "YAML syntax error",
    text=(
        "De waarde begint met een aanhalingsteken ({quote}) dat op deze regel niet wordt "
        "gesloten; YAML leest daardoor de regels eronder als deel van deze waarde."
    ),
    hint=(
        "Hoort het aanhalingsteken bij de tekst, zoals in 't Kienholt? Schrijf dan: "
        "{suggestion}. Anders: sluit de tekst op deze regel af met {quote}."
    ),
)
FAMILY = Family(FAMILY.title, (*FAMILY.messages, UNCLOSED_QUOTE))

# A value that starts with a quote which also stands inside the text (naam: 'T Jok en 't Kind):
# YAML ends the value at the second quote and cannot read what follows.
QUOTE_INSIDE = Message(
    "SOP012",
    Severity.ERROR,
    "YAML syntax error",
    text=(
        "De waarde begint met een aanhalingsteken ({quote}) dat ook in de tekst staat; YAML "
        "houdt de waarde daar op en kan de rest van de regel niet lezen."
    ),
    hint="Zet de hele waarde tussen de andere aanhalingstekens: {suggestion}.",
)
FAMILY = Family(FAMILY.title, (*FAMILY.messages, QUOTE_INSIDE))
