"""Warn when the SOP text for parents is hard to read, or an offer text says 'je'.

Long sentences, long words, words from the glossary that have a plainer form, and abbreviations
that the glossary does not explain. Each warning names the sentence and, where the glossary has
one, the plainer form. Only the text under the four SOP headings is read; HTML comments are
internal and skipped.

The site speaks to its readers as 'u'. The SWV's offer texts for teachers (workshops, network
groups, expertise centres) are shown as written, so ``informal_address`` warns once per file
where such a text says 'je' or 'jij' to the reader: the page would otherwise mix both.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sop_builder.core.catalogue.plain_language import (
    ABBREVIATION,
    INFORMAL_ADDRESS,
    JARGON,
    LONG_SENTENCE,
    LONG_WORD,
)
from sop_builder.core.issues import Issue
from sop_builder.project.model import Glossary
from sop_builder.project.sections import SOP_SECTIONS, heading, strip_comments

MAX_WORDS = 20  # a sentence with more words is hard to read (B1)
MAX_LETTERS = 20  # a longer word is hard to read
QUOTE_WORDS = 8  # how many words of a sentence a message quotes

_ITEM = re.compile(r"^\s*([-*+]|\d+\.)\s+")
# '](address)', one level of brackets inside; possessive, so a line full of '](' is one pass
_LINK_TARGET = re.compile(r"\]\((?:[^()]++|\([^()]*+\))*+\)")
_MARKUP = re.compile(r"[*_`>#\[\]]")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_ABBREVIATION = re.compile(r"^[A-Z]{2,6}$")
_TITLES = {title.lower() for title in SOP_SECTIONS.values()}
_APOSTROPHE = re.compile(r"['’]")
_WORD_PARTS = re.compile(r"['’-]")


@functools.lru_cache(maxsize=1024)
def _phrase(phrase: str) -> re.Pattern[str]:
    """A glossary phrase (lower case) as a whole-word expression, compiled once."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    column: int

    def quote(self) -> str:
        words = self.text.split()
        shown = " ".join(words[:QUOTE_WORDS])
        return shown + (" …" if len(words) > QUOTE_WORDS else "")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _units(body: str, body_line: int) -> Iterator[list[tuple[int, str]]]:
    """Paragraphs and list items under the SOP headings, as (line number, text) pairs."""
    unit: list[tuple[int, str]] = []
    in_section = False
    for offset, line in enumerate(body.split("\n")):
        parts = heading(line)
        if parts or not line.strip() or _ITEM.match(line):
            if unit:
                yield unit
            unit = []
        if parts:
            in_section = " ".join(parts[1].split()).lower() in _TITLES
            continue
        if in_section and line.strip():
            unit.append((body_line + offset, line))


def sentences(body: str, body_line: int) -> Iterator[Sentence]:
    """Every sentence of the text for parents, with the line and column where it starts."""
    for unit in _units(body, body_line):
        pieces: list[str] = []
        starts: list[int] = []  # where each line of the unit starts in ``text``
        length = 0
        for _line_no, line in unit:
            clean = _MARKUP.sub(_blank, _LINK_TARGET.sub(_blank, line))
            clean = _ITEM.sub(_blank, clean) if not starts else clean
            starts.append(length)
            pieces.append(clean + " ")
            length += len(clean) + 1
        text = "".join(pieces)
        for match in _SENTENCE.finditer(text):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            if match.group(0).strip():
                index = bisect.bisect_right(starts, start) - 1
                line_no, col = unit[index][0], start - starts[index] + 1
                yield Sentence(" ".join(match.group(0).split()), line_no, col)


def _glossary_index(glossary: Glossary) -> dict[str, tuple[str, str | None]]:
    """Lowercased term or variant -> (term, plainer form)."""
    index: dict[str, tuple[str, str | None]] = {}
    for entry in glossary.terms:
        for word in (entry.term, *entry.variants):
            index[word.lower()] = (entry.term, entry.plainer)
    return index


def check_text(body: str, body_line: int, path: str, glossary: Glossary) -> list[Issue]:
    """All plain-language warnings for one SOP body."""
    body, _ = strip_comments(body)
    known = _glossary_index(glossary)
    phrases = [w for w in known if " " in w]
    issues: list[Issue] = []
    reported: set[str] = set()

    for sentence in sentences(body, body_line):
        words = _WORD.findall(sentence.text)
        quote = sentence.quote()
        if len(words) > MAX_WORDS:
            issues.append(
                LONG_SENTENCE.at(path, sentence, count=len(words), quote=quote, limit=MAX_WORDS)
            )
        lowered = sentence.text.lower()
        found = [w for w in words if w.lower() in known]
        found += [p for p in phrases if p in lowered and _phrase(p).search(lowered)]
        for word in found:
            term, plainer = known[word.lower()]
            if plainer and term not in reported:
                reported.add(term)
                issues.append(JARGON.at(path, sentence, word=word, quote=quote, plainer=plainer))
        for word in words:
            if word.lower() in known or word in reported:
                continue
            stem = _APOSTROPHE.split(word)[0]  # IB'er, AVG's
            if _ABBREVIATION.match(stem) and stem.lower() not in known and stem not in reported:
                reported.add(stem)
                issues.append(ABBREVIATION.at(path, sentence, abbreviation=stem, quote=quote))
            elif len(word) > MAX_LETTERS and max(map(len, _WORD_PARTS.split(word))) > MAX_LETTERS:
                reported.add(word)
                issues.append(
                    LONG_WORD.at(path, sentence, word=word, letters=len(word), quote=quote)
                )
    return issues


# The informal forms of address: 'je' (also 'Je'), 'jij', 'jou', 'jouw', 'jullie', 'jezelf'.
_INFORMAL = re.compile(r"(?<![\w'’-])(je|jij|jou|jouw|jullie|jezelf)(?![\w'’-])", re.IGNORECASE)


def informal_address(texts: Iterable[Sentence], path: str) -> list[Issue]:
    """One warning (SOP745) at the first text of ``texts`` (a field's value or a line of the
    body, with its place) that speaks to the reader as 'je', with how often that happens."""
    found: list[tuple[Sentence, re.Match[str]]] = []
    for text in texts:
        found += [(text, match) for match in _INFORMAL.finditer(text.text)]
    if not found:
        return []
    text, match = found[0]
    around = [s.group(0) for s in _SENTENCE.finditer(text.text) if s.end() > match.start()]
    shown = _MARKUP.sub(" ", _ITEM.sub("", (around or [text.text])[0]))
    quote = Sentence(" ".join(shown.split()), text.line, 1).quote()
    others = len(found) - 1
    more = f" (en nog {others} keer in dit bestand)" if others else ""
    place = Sentence(text.text, text.line, text.column + match.start())
    return [INFORMAL_ADDRESS.at(path, place, word=match.group(0), quote=quote, more=more)]


def body_lines(body: str, first_line: int) -> list[Sentence]:
    """The lines of a Markdown body (HTML comments already taken out) with their places."""
    return [
        Sentence(line, first_line + offset, 1)
        for offset, line in enumerate(body.split("\n"))
        if line.strip()
    ]
