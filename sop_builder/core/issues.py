"""Problems found in content and configuration, and the Dutch message catalogue.

Every problem is a value: validators collect them and never stop at the first one.
Codes are permanent: once published, a code keeps its meaning.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


class Severity(StrEnum):
    """How bad a problem is."""

    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True)
class Issue:
    """One problem at one place in one file."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""
    field: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class Place(Protocol):
    """A 1-based line and column in a file (such as `core.yamlread.Pos`)."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


@dataclass(frozen=True)
class Message:
    """One entry of the catalogue: a permanent code, its severity, an English summary for the
    developers' reference (docs/messages.md), and the Dutch text and hint as templates whose
    ``{names}`` are filled in where the problem is found (`at`).

    A code may have more than one `Message` (the same problem, worded for another place); they
    share the code, the severity and the summary (`tests/test_issues.py` checks it).
    """

    code: str
    severity: Severity
    summary: str
    text: str = "{text}"
    hint: str = "{hint}"
    field: str = ""

    def at(
        self, path: str, place: Place | None = None, /, *, field: str | None = None, **values: Any
    ) -> Issue:
        """The problem at ``place`` in ``path`` (line 1, column 1 without a place)."""
        line, column = (place.line, place.column) if place is not None else (1, 1)
        return Issue(
            path,
            line,
            column,
            self.severity,
            self.code,
            self.text.format(**values),
            self.hint.format(**values) if self.hint else "",
            self.field if field is None else field,
        )


@dataclass(frozen=True)
class Family:
    """Codes that belong together (SOP1xx: the schema, ...), with an English title for the
    developers' message reference (docs/messages.md)."""

    title: str
    messages: tuple[Message, ...]

    @property
    def codes(self) -> dict[str, tuple[Severity, str]]:
        """code -> (severity, summary), in the order of the catalogue."""
        return {m.code: (m.severity, m.summary) for m in self.messages}


def _family(title: str, codes: dict[str, tuple[Severity, str]]) -> Family:
    """A family written as code -> (severity, summary); the text is given where it is raised."""
    return Family(title, tuple(Message(c, s, summary) for c, (s, summary) in codes.items()))


FAMILIES: tuple[Family, ...] = (
    _family(
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
    ),
    _family(
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
    ),
    _family(
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
    ),
    _family(
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
    ),
    _family(
        "The SOP: length, dates, sections and placeholders",
        {
            "SOP401": (Severity.WARNING, "SOP too long for one A4"),
            "SOP402": (Severity.WARNING, "SOP adopted more than 4 years ago"),
            "SOP403": (Severity.WARNING, "no MR date"),
            "SOP404": (Severity.WARNING, "SOP validity has ended"),
            "SOP405": (Severity.ERROR, "required section missing"),
            "SOP406": (Severity.ERROR, "unknown section"),
            "SOP407": (Severity.WARNING, "section is empty"),
            "SOP408": (Severity.ERROR, "section appears twice"),
            "SOP409": (Severity.WARNING, "text before the first section"),
            "SOP410": (Severity.ERROR, "MR date after the board's adoption"),
            "SOP411": (Severity.WARNING, "field still holds the example from nieuwe-school"),
        },
    ),
    _family(
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
    ),
    _family(
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
    ),
    _family(
        "Privacy of published text",
        {
            "SOP601": (Severity.ERROR, "looks like a citizen service number (BSN)"),
            "SOP602": (Severity.WARNING, "private e-mail address in published text"),
            "SOP603": (Severity.WARNING, "mobile phone number in published text"),
        },
    ),
    _family(
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
    ),
    _family(
        "The SWV's offer (content/aanbod/)",
        {
            "SOP721": (Severity.ERROR, "invalid time of day"),
            "SOP722": (Severity.ERROR, "workshop ends before it starts"),
            "SOP723": (Severity.ERROR, "story names a school that does not exist"),
            "SOP724": (Severity.WARNING, "unknown file or folder in content/aanbod/"),
            "SOP725": (Severity.ERROR, "invalid file name for an offer page"),
        },
    ),
    _family(
        "Plain language for parents",
        {
            "SOP741": (Severity.WARNING, "sentence too long for parents"),
            "SOP742": (Severity.WARNING, "word too long for parents"),
            "SOP743": (Severity.WARNING, "jargon with a plainer form in the glossary"),
            "SOP744": (Severity.WARNING, "abbreviation not in the glossary"),
        },
    ),
    _family(
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
    ),
    _family(
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
    ),
)

# Every code of every family, for lookups by code.
CATALOGUE: dict[str, tuple[Severity, str]] = {
    code: entry for family in FAMILIES for code, entry in family.codes.items()
}


def make_issue(
    code: str,
    path: str,
    line: int,
    column: int,
    message: str,
    hint: str = "",
    field: str = "",
) -> Issue:
    """Create an issue with the catalogue's severity for ``code``."""
    severity = CATALOGUE[code][0]
    return Issue(path, line, column, severity, code, message, hint, field)


def issue_at(
    code: str, path: str, place: Place, message: str, hint: str = "", field: str = ""
) -> Issue:
    """`make_issue` at ``place``."""
    return make_issue(code, path, place.line, place.column, message, hint, field)


def did_you_mean(value: str, options: list[str] | tuple[str, ...]) -> str:
    """Return 'bedoelt u …?' for the closest option, or an empty string."""
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not matches:
        lowered = {o.lower(): o for o in options}
        if value.lower() in lowered:
            matches = [lowered[value.lower()]]
    return f"Bedoelt u '{matches[0]}'?" if matches else ""


def allowed_list(options: list[str] | tuple[str, ...], limit: int = 12) -> str:
    """Format the allowed values for a hint."""
    shown = ", ".join(options[:limit])
    return shown + (f" (en {len(options) - limit} meer)" if len(options) > limit else "")
