"""The glossary (site_config/woordenlijst.yaml): jargon explained where it appears.

The file is optional. Each term is explained on the glossary page, and on every other page its
first occurrence becomes a link to that explanation with the explanation as a tooltip.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sop_builder.project.model import Glossary, GlossaryTerm
from sop_builder.site.sanitize import page_text

# Text inside these elements is left alone: links, headings, code, and what is already explained.
SKIPPED = {
    "a",
    "abbr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "script",
    "style",
    "code",
    "pre",
    "title",
    "button",
    "label",
    "option",
    "select",
    "textarea",
    "caption",
    "th",
    "summary",
    "legend",
}
_TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class _Pattern:
    term: GlossaryTerm
    alternatives: str  # the words of the term as alternatives of a regular expression
    regex: re.Pattern[str]
    lowered: tuple[str, ...] | None  # its words in lower case; None if one is not ASCII


def _alternatives(term: str, variants: tuple[str, ...]) -> str:
    """The term and its variants as alternatives of a regular expression, longest first."""
    words = sorted({term, *variants}, key=len, reverse=True)
    # Abbreviations (OPP, TLV) only in capitals; ordinary words in any case.
    return "|".join(re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})" for w in words)


@functools.lru_cache(maxsize=4096)
def _compiled(
    term: str, variants: tuple[str, ...]
) -> tuple[str, re.Pattern[str], tuple[str, ...] | None]:
    """The alternatives of a term, its regular expression (compiled once per build) and its
    words in lower case (None when one of them is not ASCII)."""
    alternatives = _alternatives(term, variants)
    words = (term, *variants)
    lowered = tuple(w.lower() for w in words) if all(w.isascii() for w in words) else None
    return alternatives, _word_regex(f"({alternatives})"), lowered


def _pattern(term: GlossaryTerm) -> _Pattern:
    return _Pattern(term, *_compiled(term.term, tuple(term.variants)))


def _word_regex(alternatives: str) -> re.Pattern[str]:
    """``alternatives`` as whole words (not part of a longer word or hyphenated word)."""
    return re.compile(rf"(?<![\w-]){alternatives}(?![\w-])")


@functools.lru_cache(maxsize=64)
def _starts(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """One expression, compiled once per glossary, that matches (empty) at every place where
    a term starts; its group ``i + 1`` is set for the first term ``i`` that matches there."""
    groups = "|".join(f"({a})" for a in alternatives)
    return re.compile(rf"(?<![\w-])(?=(?:{groups})(?![\w-]))")


def _words(patterns: tuple[_Pattern, ...], remaining: set[int]) -> tuple[str, ...] | None:
    """The words of the ``remaining`` terms in lower case (None when one is not ASCII)."""
    if any(patterns[i].lowered is None for i in remaining):
        return None
    return tuple(word for i in sorted(remaining) for word in patterns[i].lowered or ())


def _cannot_have(text: str, words: tuple[str, ...] | None) -> bool:
    """True when no term can occur in ``text`` because none of its ``words`` (`_words`) is in
    its lower case. Only for ASCII text and words: there a case-insensitive expression matches
    exactly where the lower cases are equal (beyond ASCII, the expressions also match letters
    such as the long s 'ſ' for 's', which `str.lower` keeps as they are)."""
    if words is None or not text.isascii():
        return False
    return not any(map(text.lower().__contains__, words))


def _has_term(
    text: str,
    patterns: tuple[_Pattern, ...],
    remaining: set[int],
    starts: re.Pattern[str],
    words: tuple[str, ...] | None,
) -> bool:
    """Whether a term of ``remaining`` (indexes into ``patterns``) occurs in ``text``.

    Most texts hold none of the words (`_cannot_have`). Else the one expression of `_starts`
    finds each place where some term starts and names the first term in order that matches
    there; a remaining term later in the order may match at that same place, which its own
    expression then tells."""
    if _cannot_have(text, words):
        return False
    for found in starts.finditer(text):
        first = (found.lastindex or 1) - 1
        if first in remaining:
            return True
        place = found.start()
        if any(patterns[i].regex.match(text, place) for i in remaining if i > first):
            return True
    return False


def _first_free_match(
    pattern: _Pattern, text: str, position: int, blocked: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first match from ``position`` that is not inside a protected name."""
    while (match := pattern.regex.search(text, position)) is not None:
        inside = next((b for b in blocked if b[0] < match.end() and match.start() < b[1]), None)
        if inside is None:
            return match
        position = inside[1]
    return None


def _explain_text(
    text: str, patterns: list[_Pattern], done: set[str], url: str, protected: re.Pattern[str] | None
) -> str:
    """Link the earliest unexplained term in ``text`` (no tags), then the next, and so on."""
    blocked = [m.span() for m in protected.finditer(text)] if protected else []
    # only the terms whose words occur in the text at all (`_cannot_have`; the order is kept)
    candidates = [p for p in patterns if not _cannot_have(text, p.lowered)]
    out: list[str] = []
    position = 0
    while True:
        best: tuple[_Pattern, re.Match[str]] | None = None
        for pattern in candidates:
            if pattern.term.term in done:
                continue
            match = _first_free_match(pattern, text, position, blocked)
            if match and (best is None or match.start() < best[1].start()):
                best = (pattern, match)
        if best is None:
            break
        pattern, match = best
        done.add(pattern.term.term)
        title = html.escape(pattern.term.explanation, quote=True)
        out.append(text[position : match.start()])
        out.append(
            f'<a class="sop-term" href="{url}#{pattern.term.anchor}">'
            f'<abbr title="{title}">{match.group(1)}</abbr></a>'
        )
        position = match.end()
    out.append(text[position:])
    return "".join(out)


NameFinder = Callable[[str], Sequence[str]]  # the protected names that occur in a text


@functools.lru_cache(maxsize=4096)
def _shield(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One expression for the names in ``forms`` (HTML forms, longest first)."""
    return re.compile("|".join(re.escape(f) for f in forms)) if forms else None


def _shield_of(names: Sequence[str]) -> re.Pattern[str] | None:
    # each name as written in a Markdown text, and as a template prints it (page_text)
    forms = {f for n in names if n for f in (html.escape(n, quote=False), str(page_text(n)))}
    return _shield(tuple(sorted(forms, key=lambda f: (-len(f), f))))


def explain_terms(
    page_html: str,
    glossary: Glossary,
    glossary_url: str,
    protected: Sequence[str] | NameFinder = (),
) -> str:
    """Link the first occurrence of each glossary term in ``page_html`` to its explanation.

    Terms inside a ``protected`` name (the SWV's or a school's name) are left alone. Instead of
    the names, ``protected`` may be a function that gives the names occurring in a text: it is
    then asked only about the texts that contain a term.
    """
    if not glossary.terms:
        return page_html
    patterns = tuple(_pattern(t) for t in glossary.terms)
    starts = _starts(tuple(p.alternatives for p in patterns))
    fixed = None if callable(protected) else _shield_of(protected)
    done: set[str] = set()
    remaining = set(range(len(patterns)))  # indexes of the terms not linked yet
    words = _words(patterns, remaining)
    skipped_depth = 0
    parts = _TAG.split(page_html)
    for index, part in enumerate(parts):
        if not remaining:
            break  # every term is linked: the rest of the page stays as it is
        if index % 2 == 1:  # a tag or a comment
            match = _TAG_NAME.match(part)
            if match and match.group(1).lower() in SKIPPED and not part.endswith("/>"):
                skipped_depth = max(skipped_depth + (-1 if part.startswith("</") else 1), 0)
        elif (
            not skipped_depth
            and part.strip()
            and _has_term(part, patterns, remaining, starts, words)
        ):
            shield = _shield_of(protected(part)) if callable(protected) else fixed
            todo = [patterns[i] for i in sorted(remaining)]
            parts[index] = _explain_text(part, todo, done, glossary_url, shield)
            remaining = {i for i in remaining if patterns[i].term.term not in done}
            words = _words(patterns, remaining)
    return "".join(parts)


PIECE = 6  # characters of a name that are looked up at once


class ProtectedNames:
    """The names (of the SWV and every school) that occur in a text, found fast.

    `explain_terms` leaves glossary terms inside these names alone. Searching a text for all
    names grows with texts × schools (7,000 schools: 0.1 s a page); only names that occur in the
    text can matter, and `explain_terms` asks for them only for the texts that contain a term.
    Each name is filed under its rarest piece of PIECE characters; a text is searched only for
    the names whose piece it contains. The result is exactly the names whose HTML form occurs.
    """

    def __init__(self, names: list[str]) -> None:
        self.forms: dict[str, list[str]] = {}  # HTML form (as explain_terms escapes) -> names
        for name in dict.fromkeys(n for n in names if n):
            # as written in a Markdown text, and as a template prints a value (page_text)
            for form in {html.escape(name, quote=False), str(page_text(name))}:
                self.forms.setdefault(form, []).append(name)
        self.short = [f for f in self.forms if len(f) < PIECE]
        pieces = {
            f: {f[i : i + PIECE] for i in range(len(f) - PIECE + 1)}
            for f in self.forms
            if len(f) >= PIECE
        }
        frequency: dict[str, int] = {}
        for found in pieces.values():
            for piece in found:
                frequency[piece] = frequency.get(piece, 0) + 1
        self.by_piece: dict[str, list[str]] = {}
        for form, found in pieces.items():
            key = min(found, key=lambda p: (frequency[p], p))  # the rarest piece
            self.by_piece.setdefault(key, []).append(form)

    def in_page(self, page_html: str) -> list[str]:
        forms = [f for f in self.short if f in page_html]
        size = len(page_html) - PIECE + 1
        for piece in {page_html[i : i + PIECE] for i in range(max(size, 0))}:
            forms += [f for f in self.by_piece.get(piece, ()) if f in page_html]
        return [name for form in sorted(forms) for name in self.forms[form]]


# A Markdown heading at the start of a block (after a blank line), as the engine's Markdown reads
# it: its text becomes an <h1>–<h6> element, where `explain_terms` links nothing.
_MARKDOWN_HEADING = re.compile(r"(?<=\n\n)(#{1,6}[ \t][^\n]*)")
_OPEN, _CLOSE = "<h6\x00>", "</h6\x00>"  # NUL never occurs in a page (sources refuse it)


def explain_terms_in_source(
    page: str, glossary: Glossary, glossary_url: str, protected: Sequence[str] | NameFinder = ()
) -> str:
    """`explain_terms` on a page's source (front matter, Markdown headings, raw HTML blocks),
    with the same links as on the HTML the engine makes of it: the front matter and the
    headings are left alone, as the engine's headings are."""
    if not glossary.terms:
        return page
    front = ""
    if page.startswith("---\n"):
        end = page.find("\n---\n", 4)
        if end >= 0:
            front, page = page[: end + 5], page[end + 5 :]
    marked = _MARKDOWN_HEADING.sub(lambda m: _OPEN + m.group(1) + _CLOSE, "\n\n" + page)[2:]
    linked = explain_terms(marked, glossary, glossary_url, protected)
    return front + linked.replace(_OPEN, "").replace(_CLOSE, "")
