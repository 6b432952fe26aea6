"""Let the raw HTML blocks of our generated pages pass the Markdown step unparsed.

Our templates write pages that are mostly raw HTML blocks between a few Markdown headings.
Python-Markdown passes such blocks through unchanged, but finds where each one ends by running
Python's HTMLParser over it: most of the time MkDocs spends on our pages. `stash_html_blocks`
replaces every block whose end is certain by a placeholder paragraph; after Markdown,
`restore_html_blocks` puts the blocks back where Markdown would have put them. A block is only
taken when Markdown would certainly treat it as one raw block; anything else is left to Markdown.
"""

from __future__ import annotations

import re

import markdown

BLOCK_TAGS = frozenset(markdown.Markdown().block_level_elements)
PLACEHOLDER = "sopRawHtmlBlock{}x"  # a plain paragraph that Markdown leaves as it is
_MARKER = PLACEHOLDER.split("{", 1)[0]
_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s/>]")
# Comments, declarations, processing instructions and elements whose text HTMLParser does not
# parse as tags (where such a block ends is not decided by counting tags), and what Markdown's
# whitespace normalisation would change inside a block (tabs, carriage returns, its own
# placeholder marks, lines of spaces only).
_UNSURE = re.compile(
    r"<[!?]|<(?:script|style|textarea|title|xmp|iframe|noscript)\b|[\t\r\x02\x03]|\n +\n",
    re.I,
)
_NORMALISED = re.compile(r"[\r\x02\x03]")
_LINE_START_TAG = re.compile(r"^ {0,3}<", re.M)


def _depth_change(chunk: str, tag: str) -> list[int]:
    """The nesting depth of ``tag`` after each of its opening and closing tags in ``chunk``."""
    depth, depths = 0, []
    for match in re.finditer(rf"<(/?){tag}(?=[\s/>])[^>]*>", chunk, re.I):
        depth += -1 if match.group(1) else 1
        depths.append(depth)
    return depths


def _block_end(chunks: list[str], start: int, tag: str) -> int | None:
    """The index of the chunk that closes the block opened at ``chunks[start]``, if certain.

    Certain means: the block's tag is closed exactly at the end of that chunk (so a blank line
    or the end of the page follows), and not before.
    """
    depth = 0
    for index in range(start, len(chunks)):
        chunk = chunks[index]
        depths = [depth + d for d in _depth_change(chunk, tag)]
        if any(d <= 0 for d in depths[:-1]):
            return None  # closed and reopened within the block: leave it to Markdown
        depth = depths[-1] if depths else depth
        if depth <= 0:
            return index if chunk.endswith(f"</{tag}>") else None
    return None


def stash_html_blocks(text: str) -> tuple[str, list[str]]:
    """``text`` with each certain raw HTML block replaced by a placeholder, and the blocks."""
    if _MARKER in text or _NORMALISED.search(text):
        return text, []  # Markdown would change where its blank lines are: leave it all to it
    body = text.rstrip("\n")
    chunks = body.split("\n\n")
    out: list[str] = []
    blocks: list[str] = []
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        start = _START.match(chunk)
        tag = start.group(1).lower() if start else ""
        end = _block_end(chunks, index, tag) if tag in BLOCK_TAGS else None
        block = "\n\n".join(chunks[index : end + 1]) if end is not None else ""
        if end is None or _UNSURE.search(block):
            if _LINE_START_TAG.search(chunk):
                out.extend(chunks[index:])  # Markdown may see raw HTML here: it decides the rest
                break
            out.append(chunk)
            index += 1
            continue
        out.append(PLACEHOLDER.format(len(blocks)))
        index = end + 1
        # Markdown keeps a newline after a block that a blank line follows.
        followed = index < len(chunks) or text[len(body) :].startswith("\n\n")
        blocks.append(block + "\n" if followed else block)
    return "\n\n".join(out) + text[len(body) :], blocks


def restore_html_blocks(html: str, blocks: list[str]) -> str:
    """Put the stashed ``blocks`` back in the HTML that Markdown made of the stashed text."""
    if not blocks:
        return html
    parts = re.split(rf"<p>{_MARKER}(\d+)x</p>", html)
    if len(parts) != 2 * len(blocks) + 1:
        raise ValueError("Markdown changed the placeholders of the stashed HTML blocks")
    parts[1::2] = [blocks[int(number)] for number in parts[1::2]]
    return "".join(parts).strip()  # as Markdown strips its output after restoring raw HTML
