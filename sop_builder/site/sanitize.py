"""Turn school-written Markdown into safe HTML: no raw HTML, scripts, handlers or frames."""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "h3",
    "h4",
    "code",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# One converter, reset before each text: building a new one per text costs more than the text.
_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def school_html(text: str) -> str:
    """Render ``text`` (Markdown by a school) to sanitised HTML.

    Headings are shifted down so that a school's '#' cannot compete with the page structure.
    """
    html = _MARKDOWN.reset().convert(text)
    for level in (6, 5, 4, 3, 2, 1):
        shifted = min(level + 2, 4)
        html = html.replace(f"<h{level}>", f"<h{shifted}>").replace(
            f"</h{level}>", f"</h{shifted}>"
        )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
