"""Message codes: published text: Markdown, HTML and invisible characters (SOP45x).

The warnings about Markdown and HTML and the errors about invisible characters are still worded
where they are found (core/richtext.py, core/invisible.py, through `core.issues.make_issue`):
their entries hold the whole text and hint as `{text}` and `{hint}` until those modules raise
entries of their own.
"""

from __future__ import annotations

from sop_builder.core.issues import Family, Message, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

HTML_SHOWN_AS_TEXT = Message(
    "SOP451", WARNING, "HTML in a Markdown text is shown as text", "{text}", "{hint}"
)
LINK_REFUSED = Message(
    "SOP452",
    WARNING,
    "link whose address is not allowed: text without link",
    "{text}",
    "{hint}",
)
IMAGE_REFUSED = Message(
    "SOP453", WARNING, "image not shown: its description instead", "{text}", "{hint}"
)
TEXT_LEFT_OUT = Message(
    "SOP454",
    WARNING,
    "text the page leaves out (e.g. unused link definition)",
    "{text}",
    "{hint}",
)
COMMENT_NOT_CLOSED = Message(
    "SOP455",
    ERROR,
    "HTML comment not closed",
    "Het commentaar dat hier met '<!--' begint, wordt nergens gesloten; alles wat erna komt, zou "
    "van de site verdwijnen.",
    "Zet '-->' direct na de interne notitie, zodat de tekst daarna weer op de site komt.",
)
CONTROL_CHARACTER = Message("SOP456", ERROR, "control character in text", "{text}", "{hint}")
DIRECTION_CHARACTER = Message(
    "SOP457", ERROR, "character that changes the reading direction", "{text}", "{hint}"
)
ZERO_WIDTH_CHARACTER = Message(
    "SOP458", WARNING, "invisible character (zero width)", "{text}", "{hint}"
)

FAMILY = Family(
    "Published text: Markdown, HTML and invisible characters",
    (
        HTML_SHOWN_AS_TEXT,
        LINK_REFUSED,
        IMAGE_REFUSED,
        TEXT_LEFT_OUT,
        COMMENT_NOT_CLOSED,
        CONTROL_CHARACTER,
        DIRECTION_CHARACTER,
        ZERO_WIDTH_CHARACTER,
    ),
)
