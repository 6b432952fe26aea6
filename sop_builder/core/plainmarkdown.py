"""A fast path in front of `core/richtext.py` for the texts Markdown cannot change.

Most of what schools write is plain paragraphs and simple lists ("- ..."), without a single
character that Markdown or HTML reads as markup. For such a text `render_markdown` gives HTML
that can be written down directly, and it loses nothing (no links, images, definitions, HTML
or swallowed words). `plain_html` recognises exactly that kind of text, conservatively, and
returns its HTML; for any other text it returns None and the caller renders in full.
`tests/test_plainmarkdown.py` checks that both give the same HTML and no losses, on every
Markdown text of the fixtures and on generated texts.
"""

from __future__ import annotations

import re

from sop_builder.core.richtext import MAX_INLINE

# Characters that are markup somewhere in Markdown or HTML (inline or at a line start), or
# that the sanitiser writes as a reference (&, <, >): a text with one of them is rendered.
_MARKUP = re.compile(r"[\\`*_[\]<>&#=|~{}]")
_ORDERED = re.compile(r"\d+[.)]")
_ITEM = "- "


def _plain_line(line: str) -> bool:
    """A line of text that is nothing but text: printable, no markup character, not starting
    with anything a block could begin with, no space at either end."""
    if not line or not line.isprintable() or _MARKUP.search(line):
        return False
    first = line[0]
    return (
        (first.isalnum() or first in "\"'(")
        and line == line.strip()
        and not (first.isdigit() and _ORDERED.match(line))
    )


def _block(lines: list[str]) -> tuple[str, str] | None:
    """('p' or 'ul', HTML) of one block, or None when it is anything else."""
    if all(line.startswith(_ITEM) and _plain_line(line[len(_ITEM) :]) for line in lines):
        items = "\n".join(f"<li>{line[len(_ITEM) :]}</li>" for line in lines)
        return "ul", f"<ul>\n{items}\n</ul>"
    if all(_plain_line(line) for line in lines):
        return "p", "<p>" + "\n".join(lines) + "</p>"
    return None


def plain_html(text: str) -> str | None:
    """The HTML `render_markdown` makes of ``text``, when ``text`` is plain paragraphs and
    simple lists that Markdown cannot change; None for every other text (also for one longer
    than MAX_INLINE: `render_markdown` reports a block of that length, SOP450)."""
    if len(text) > MAX_INLINE:
        return None
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    html: list[str] = []
    kind = ""
    for lines in blocks:
        if not lines:
            continue
        block = _block(lines)
        if block is None or (block[0] == "ul" and kind == "ul"):
            return None  # two lists with a blank line between are one list in Markdown
        kind = block[0]
        html.append(block[1])
    return "\n".join(html)
