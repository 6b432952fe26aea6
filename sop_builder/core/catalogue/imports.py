"""Message codes: spreadsheets, pupil numbers and postcodes (import-scores, import-leerlingen, import-postcodes)."""

from __future__ import annotations

from sop_builder.core.issues import Severity, family

FAMILY = family(
    "Spreadsheets, pupil numbers and postcodes (import-scores, import-leerlingen, import-postcodes)",
    {
        "SOP750": (Severity.ERROR, "spreadsheet cannot be read"),
        "SOP751": (Severity.ERROR, "required spreadsheet column missing"),
        "SOP752": (Severity.ERROR, "spreadsheet row names an unknown agreement"),
        "SOP753": (Severity.ERROR, "spreadsheet row without a score"),
        "SOP754": (Severity.ERROR, "spreadsheet row with an invalid score"),
        "SOP755": (Severity.ERROR, "agreement in more than one spreadsheet row"),
        "SOP756": (Severity.WARNING, "spreadsheet rows about another school or year skipped"),
        "SOP757": (Severity.ERROR, "yearly file has errors and was not updated"),
        "SOP760": (Severity.ERROR, "pupil numbers: column name not recognised"),
        "SOP761": (Severity.ERROR, "pupil numbers: required column missing"),
        "SOP762": (Severity.ERROR, "pupil numbers: invalid count"),
        "SOP763": (Severity.ERROR, "pupil numbers: invalid vestigingscode"),
        "SOP764": (Severity.ERROR, "pupil numbers: school location listed twice"),
        "SOP765": (Severity.ERROR, "content/leerlingen.yaml is not valid"),
        "SOP766": (Severity.ERROR, "site_config/postcodes.csv is not valid"),
        "SOP767": (Severity.WARNING, "school's postcode not in the postcode table"),
        "SOP768": (Severity.ERROR, "postcode areas file cannot be read (import-postcodes)"),
    },
)
