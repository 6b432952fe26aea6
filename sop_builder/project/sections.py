"""Split the Markdown body of an SOP into its fixed sections."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sop_builder.core.catalogue.published_text import (
    COMMENT_HIDES_TEXT,
    COMMENT_IN_COMMENT,
    COMMENT_NOT_CLOSED,
    COMMENT_SHARES_A_LINE,
    COMMENT_WITH_HTML,
)
from sop_builder.core.catalogue.sop import (
    HEADING_LEVEL,
    SECTION_EMPTY,
    SECTION_MISSING,
    SECTION_TWICE,
    TEXT_BEFORE_FIRST_SECTION,
    UNKNOWN_SECTION,
    UNKNOWN_SECTION_TYPO,
)
from sop_builder.core.issues import Issue, Pos, allowed_list, did_you_mean
from sop_builder.core.richtext import quote
from sop_builder.project.model import Section

# key -> heading as written in the file. The order is the order on the page.
SOP_SECTIONS: dict[str, str] = {
    "visie": "Visie",
    "ambitie": "Ambitie",
    "aanvullende-ondersteuning": "Aanvullende ondersteuning",
    "grenzen": "Grenzen aan de ondersteuning",
}
_BY_TITLE = {title.lower(): key for key, title in SOP_SECTIONS.items()}
_HEADING_START = re.compile(r"(#{1,6})([ \t]+)")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
_BLANKS = re.compile(r"[ \t]*")
_HTML_IN_COMMENT = re.compile(r"<[/!?]?[A-Za-z]")
# A Markdown link '[text](address)' (one level of brackets in the address), read in one pass:
# no bracket of its own kind inside, possessive.
_LINK = re.compile(r"\[([^\[\]]*+)\]\((?:[^()]++|\([^()]*+\))*+\)")


def heading(line: str) -> tuple[str, str] | None:
    """The hashes and the text of a Markdown heading ('## Visie ##' gives '##' and 'Visie'),
    as ``^(#{1,6})[ \\t]+(.+?)[ \\t#]*$`` reads them, in one pass over the line (that expression
    takes time that grows with the square of a line that ends in many blanks and '#')."""
    start = _HEADING_START.match(line)
    if start is None:
        return None
    rest = line[start.end() :]
    text = rest.rstrip(" \t#")
    if text:
        return start.group(1), text
    if rest:
        return start.group(1), rest[0]
    blanks = start.group(2)
    return (start.group(1), blanks[-1]) if len(blanks) > 1 else None


def _closed_comments(body: str) -> Iterator[tuple[int, int]]:
    """Start and end of each HTML comment that is closed, in one pass."""
    position = 0
    while (start := body.find("<!--", position)) >= 0:
        end = body.find("-->", start + 4)
        if end < 0:
            return  # not closed: SOP455
        position = end + 3
        yield start, position


def unclosed_comment(body: str, body_line: int, path: str) -> list[Issue]:
    """SOP455 when an HTML comment (an internal note) is not closed: everything after its
    '<!--' would be left off the site."""
    start = next((m.start() for m in _COMMENT.finditer(body) if not m.group(1)), None)
    if start is None:
        return []
    line_start = body.rfind("\n", 0, start) + 1
    place = Pos(body_line + body.count("\n", 0, start), start - line_start + 1)
    return [COMMENT_NOT_CLOSED.at(path, place)]


def strip_comments(body: str) -> tuple[str, list[str]]:
    """Remove HTML comments (internal notes); keep line numbers by keeping newlines.

    A comment that is not closed stays (SOP455 refuses the file, so nothing is published).
    """
    comments: list[str] = []
    parts: list[str] = []
    position = 0
    for start, end in _closed_comments(body):
        comments.append(body[start:end])
        parts += [body[position:start], "\n" * body.count("\n", start, end)]
        position = end
    parts.append(body[position:])
    return "".join(parts), comments


def _blanks_end(text: str, start: int, end: int) -> int:
    """Where the spaces and tabs from ``start`` (up to ``end``) end."""
    blanks = _BLANKS.match(text, start, end)
    return blanks.end() if blanks else start


def hiding_comments(body: str, body_line: int, path: str) -> list[Issue]:
    """SOP459 for each closed HTML comment that does not look like an internal note: one that
    shares a line with text, holds another '<!--', or holds HTML. Its text is left off the
    site like a note's, so `check` says so at its line (such comments come from HTML pasted
    or typed as text, or from a note whose '-->' was forgotten and a later one closes it)."""
    issues: list[Issue] = []
    line, line_start, scanned = 0, 0, 0  # the line and its start, up to ``scanned``
    for start, end in _closed_comments(body):
        newline = body.rfind("\n", scanned, start)
        if newline >= 0:
            line += body.count("\n", scanned, start)
            line_start = newline + 1
        first_line, column = line, start - line_start
        # only blanks before it on its line (not another comment: that one ended at ``scanned``)
        clean_before = scanned <= line_start and _blanks_end(body, line_start, start) == start
        line += body.count("\n", start, end)
        newline = body.rfind("\n", start, end)
        line_start = newline + 1 if newline >= 0 else line_start
        scanned = end
        after = _blanks_end(body, end, len(body))
        clean_after = after == len(body) or body[after] == "\n"
        inner = (start + 4, end - 3)
        why = (
            COMMENT_IN_COMMENT
            if body.find("<!--", *inner) >= 0
            else COMMENT_WITH_HTML
            if _HTML_IN_COMMENT.search(body, *inner)
            else COMMENT_SHARES_A_LINE
            if not (clean_before and clean_after)
            else ""
        )
        if why:
            lines = f" (regel {body_line + first_line} tot en met {body_line + line})"
            issues.append(
                COMMENT_HIDES_TEXT.at(
                    path,
                    Pos(body_line + first_line, column + 1),
                    lines=lines if line > first_line else "",
                    quote=quote(body[inner[0] : inner[1]]) or "",
                    why=why,
                )
            )
    return issues


def split_sections(body: str, body_line: int, path: str) -> tuple[list[Section], list[Issue]]:
    """Find the four SOP sections in ``body``; report missing, unknown and repeated ones."""
    issues: list[Issue] = []
    found: list[tuple[str, str, int, list[str]]] = []
    preamble: list[int] = []
    suggested: set[str] = set()  # sections an unknown heading probably meant
    seen: set[str] = set()  # the keys in ``found``
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        lineno = body_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        parts = None if in_fence else heading(line)
        if parts:
            title = " ".join(parts[1].split())
            key = _BY_TITLE.get(title.lower())
            if key is not None and len(parts[0]) != 2:
                issues.append(
                    HEADING_LEVEL.at(
                        path, Pos(lineno, 1), heading=line.strip(), title=SOP_SECTIONS[key]
                    )
                )
            if key is None:
                suggestion = did_you_mean(title, list(SOP_SECTIONS.values()))
                if suggestion:
                    suggested.add(_BY_TITLE[suggestion.split("'")[1].lower()])
                values = {
                    "heading": line.strip(),
                    "titles": allowed_list(list(SOP_SECTIONS.values())),
                }
                issues.append(
                    UNKNOWN_SECTION_TYPO.at(path, Pos(lineno, 1), suggestion=suggestion, **values)
                    if suggestion
                    else UNKNOWN_SECTION.at(path, Pos(lineno, 1), **values)
                )
                key = None
            elif key in seen:
                issues.append(SECTION_TWICE.at(path, Pos(lineno, 1), title=title))
                key = None
            found.append((key or "", title, lineno, []))
            seen.add(key or "")
            continue
        if found:
            found[-1][3].append(line)
        elif line.strip():
            preamble.append(lineno)
    if preamble:
        issues.append(TEXT_BEFORE_FIRST_SECTION.at(path, Pos(preamble[0], 1)))
    sections = [
        Section(key, SOP_SECTIONS[key], text.strip(), lineno, lineno + 1 + _leading_lines(text))
        for key, _title, lineno, lines in found
        if key
        for text in ["\n".join(lines)]
    ]
    present = {s.key for s in sections} | suggested
    lines = body.split("\n")
    first_text = body_line + next((i for i, line in enumerate(lines) if line.strip()), 0)
    for key, title in SOP_SECTIONS.items():
        if key not in present:
            issues.append(SECTION_MISSING.at(path, Pos(first_text, 1), title=title))
    for section in sections:
        if not section.markdown:
            issues.append(SECTION_EMPTY.at(path, Pos(section.line, 1), title=section.title))
    order = {key: i for i, key in enumerate(SOP_SECTIONS)}
    sections.sort(key=lambda s: order[s.key])
    return sections, issues


def _leading_lines(text: str) -> int:
    """How many lines ``text.strip()`` takes off the start of ``text``."""
    return text[: len(text) - len(text.lstrip())].count("\n")


def visible_length(markdown: str) -> int:
    """Characters a reader sees: Markdown markup and repeated spaces are not counted."""
    text = _LINK.sub(r"\1", markdown)
    text = re.sub(r"^[ \t]*([-*+]|\d+\.)[ \t]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`>#]", "", text)
    return len(" ".join(text.split()))
