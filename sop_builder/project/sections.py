"""Split the Markdown body of an SOP into its fixed sections."""

from __future__ import annotations

import re

from sop_builder.core.catalogue.published_text import COMMENT_NOT_CLOSED
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
from sop_builder.project.model import Section

# key -> heading as written in the file. The order is the order on the page.
SOP_SECTIONS: dict[str, str] = {
    "visie": "Visie",
    "ambitie": "Ambitie",
    "aanvullende-ondersteuning": "Aanvullende ondersteuning",
    "grenzen": "Grenzen aan de ondersteuning",
}
_BY_TITLE = {title.lower(): key for key, title in SOP_SECTIONS.items()}
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
_CLOSED_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


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

    def keep_lines(match: re.Match[str]) -> str:
        comments.append(match.group(0))
        return "\n" * match.group(0).count("\n")

    return _CLOSED_COMMENT.sub(keep_lines, body), comments


def split_sections(body: str, body_line: int, path: str) -> tuple[list[Section], list[Issue]]:
    """Find the four SOP sections in ``body``; report missing, unknown and repeated ones."""
    issues: list[Issue] = []
    found: list[tuple[str, str, int, list[str]]] = []
    preamble: list[int] = []
    suggested: set[str] = set()  # sections an unknown heading probably meant
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        lineno = body_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading:
            title = " ".join(heading.group(2).split())
            key = _BY_TITLE.get(title.lower())
            if key is not None and len(heading.group(1)) != 2:
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
            elif any(f[0] == key for f in found):
                issues.append(SECTION_TWICE.at(path, Pos(lineno, 1), title=title))
                key = None
            found.append((key or "", title, lineno, []))
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
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"^[ \t]*([-*+]|\d+\.)[ \t]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`>#]", "", text)
    return len(" ".join(text.split()))
