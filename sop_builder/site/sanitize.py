"""One rule per kind of text on the public site.

- Plain text (names, roles, places, titles: every value a template prints) is text and nothing
  else: `page_text` escapes it for HTML and writes every character that Markdown could read as
  markup as a character reference, so a value shows as written in a Markdown heading, in raw
  HTML and in an attribute alike. The Renderer applies it to every value a template prints
  (Jinja's ``finalize``), so no template can forget it.
- Markdown (the SOP sections, the bodies of the offer's pages) goes through the one rendering
  function with the one allow list: `school_html` (core/richtext.py, which `check` uses too).
- Titles for the engine (front matter ``title``/``description``, the navigation, the site name)
  are HTML text: `page_title` escapes them, because the theme prints them as they are.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup

from sop_builder.core.richtext import render_markdown

# HTML's own characters (as Jinja escapes them), and those that start Markdown markup anywhere
# in a line: escapes, code, emphasis, links and images, attribute lists ({: ...}) and the
# closing hashes of headings.
_AS_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"} | {
    c: f"&#{ord(c)};" for c in "\\`*_{}[]#"
}
_AS_TEXT_TABLE = str.maketrans(_AS_TEXT)  # for str.translate: one pass in C
# What starts a block at the beginning of a line (the start of a value may be one): a list
# ('- ', '+ ', '1. ', '1) '), and a line of only '-' or '=' (a rule, or a heading's underline).
_BLOCK_START = re.compile(
    r"^([ \t]*)([-+])(?=[ \t]|$)|^([ \t]*\d+)([.)])(?=[ \t]|$)|^([ \t]*)([-=])(?=[-= \t]*$)",
    re.MULTILINE,
)


def _reference(match: re.Match[str]) -> str:
    """The block marker of ``match`` as a character reference, after what leads up to it."""
    groups = match.groups()
    lead, marker = next((groups[i], groups[i + 1]) for i in (0, 2, 4) if groups[i + 1])
    return f"{lead}&#{ord(marker)};"


def page_text(value: Any) -> Markup:
    """``value`` as text in a page of Markdown and raw HTML: shown as written, never markup."""
    if hasattr(value, "__html__"):
        return Markup(value)
    text = str(value).translate(_AS_TEXT_TABLE)
    return Markup(_BLOCK_START.sub(_reference, text))


def page_title(text: Any) -> str:
    """A title or description for the engine's <title>, navigation and meta tags: one line,
    HTML-escaped (the theme prints it as it is). A text made for a page (a template's
    translated text, `Markup`) is first taken back to the text it shows: no tag, no entity."""
    if hasattr(text, "__html__"):
        text = Markup(text).striptags()
    return html.escape(" ".join(str(text).split()), quote=True)


def school_html(text: str) -> str:
    """Render ``text`` (Markdown by a school or the SWV) to sanitised HTML."""
    return render_markdown(text).html
