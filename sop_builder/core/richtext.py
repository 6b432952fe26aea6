"""The one way Markdown written by a school or the SWV becomes HTML, and what it leaves out.

Markdown fields (the four SOP sections, the bodies of the offer's pages) go through
`render_markdown`, with one allow list of elements, attributes and URL schemes. Raw HTML is never
interpreted: a '<' that a school types is shown as a '<'. What the page will not show as written
(a link with a scheme that is not allowed, an image, a link definition that nothing uses, words
the parser would swallow) is returned as a `Loss` with its line, so that `check` can say so;
nothing is dropped silently. nh3 cleans the result with the same allow list, as a second wall.

`check` (project/) and the build (site/) both call this module, so they cannot disagree.

Its time grows linearly with the text: the words of the source and of the page are compared in
one walk (`align_words`), a text longer than MAX_INLINE characters keeps its Markdown unread
(`_LongTexts`, SOP450), Python-Markdown's reading of links is bounded (`_BoundedLinks`), and
constructs are found in the order of the text (`_Places`).
"""

from __future__ import annotations

import bisect
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3
from markdown.inlinepatterns import LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from sop_builder.core.catalogue.published_text import (
    HTML_AS_TEXT,
    IMAGE_NOT_SHOWN,
    LINK_NOT_ALLOWED,
    TEXT_LEFT_OUT,
    TEXT_TOO_LONG_FOR_MARKUP,
    UNUSED_DEFINITION,
)
from sop_builder.core.issues import Issue, Pos

ALLOWED_TAGS = frozenset(
    {
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
        "pre",
        "hr",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# A school's '#' and '##' become h3 and h4, so that they cannot compete with the page's own
# headings; deeper headings stay h4.
HEADING_SHIFT = 2
DEEPEST_HEADING = 4

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_WORD = re.compile(r"[^\W_]+")
_REFERENCE_LINE = re.compile(r"^ {0,3}\[([^\[\]]*)\]:")
# '](address)' (with one level of brackets inside, as in Wikipedia's addresses) or '][label]'.
# Possessive, and no bracket of its own kind inside: a try from each ']' stops at the next
# bracket, so a line full of '](' is read in one pass.
_LINK_TARGET = re.compile(r"\](?:\((?:[^()]++|\([^()]*+\))*+\)|\[[^\[\]]*+\])")
_TAG_AS_TEXT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<![^<>]*>|<\?[^<>]*>")
# One way only to split the blanks between quote marks (a line of blanks is read once).
_LIST_MARKER = re.compile(r"^[ \t]*+(?:>[ \t]*+)*+(?:[-*+]|\d+\.)[ \t]+")
_HEADING_TAG = re.compile(r"h[1-6]")
_ESCAPE = re.compile(r"\\(.)")
QUOTED = 60  # characters of a construct a message quotes
# A paragraph, list item or heading longer than this is shown as written, without reading its
# Markdown (SOP450); a link whose text or address is longer is shown as written. See
# _LongTexts and _BoundedLinks: beyond these lengths Python-Markdown's time grows with the
# square of the text.
MAX_INLINE = 20_000
MAX_LINK = 2_000
# Python-Markdown's processors of '[...]' (links, images, references), in its registry.
_LINK_PROCESSORS = (
    "reference",
    "link",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
)


@dataclass(frozen=True)
class Loss:
    """Something in a Markdown text that the page does not show as written.

    ``kind``: 'html' (HTML that is shown as text, as written), 'link' (a link whose address is
    not allowed: its text is shown without the link), 'long' (a paragraph too long for its
    Markdown to be read: shown as written),
    'image' (an image: its description is shown instead), 'reference' (a link definition that no
    link uses: not shown), 'text' (words the page leaves out). ``line`` is 0-based in the text.
    """

    kind: str
    text: str
    line: int
    column: int = 0  # 0-based, in that line


@dataclass(frozen=True)
class Rendered:
    html: str
    losses: tuple[Loss, ...]


def url_scheme(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it (character references decoded, ASCII
    whitespace and control characters ignored), in lower case; None for a relative address."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def allowed_url(url: str) -> bool:
    """http, https, mailto, tel, and addresses without a scheme (the site's own pages)."""
    scheme = url_scheme(url)
    return scheme is None or scheme in URL_SCHEMES


class _UsedReferences(dict[str, Any]):
    """Python-Markdown's link definitions, remembering which ones a link looked up."""

    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.used.add(key)
        return super().__getitem__(key)

    def clear(self) -> None:
        super().clear()
        self.used = set()


class _Found:
    """What the tree walk changed, for the losses (reset before each text)."""

    def __init__(self) -> None:
        self.links: list[str] = []
        self.images: list[tuple[str, str]] = []  # (description, address)
        self.long: list[str] = []  # the first line of each text too long for its markup

    def reset(self) -> None:
        self.links, self.images, self.long = [], [], []


class _LongTexts(Treeprocessor):
    """Keep Python-Markdown's inline step away from a text longer than MAX_INLINE characters
    (a paragraph, list item or heading): that step rewrites the whole text after each piece of
    markup it finds, so its time grows with the square of such a text. The text is shown as
    written, markup characters and all, and `check` says so (SOP450)."""

    def __init__(self, md: markdown.Markdown, found: _Found) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in ("text", "tail"):
                value = getattr(element, name)
                if isinstance(value, str) and len(value) > MAX_INLINE:
                    if not isinstance(value, AtomicString):
                        self.found.long.append(value.lstrip().split("\n", 1)[0])
                    setattr(element, name, AtomicString(value))


class _BoundedLinks(LinkInlineProcessor):
    """Python-Markdown's reading of '[text](address "title")', in time that does not grow
    with the length of the rest of the text: the closing ']' and ')' are found with string
    searches, and not further than MAX_LINK characters away (a longer link text or address is
    shown as written). Python-Markdown itself looks for the ']' over the whole rest of the
    text again after every link, and walks to the end of the text for each '(' that is not
    closed: time that grows with the square of the number of links."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        depth, position, limit = 1, index, index + MAX_LINK
        while (close := data.find("]", position, limit)) >= 0:
            depth += data.count("[", position, close) - 1
            if depth == 0:
                return data[index:close], close + 1, True
            position = close + 1
        return "", index, False

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        window = data[index : index + MAX_LINK]
        start = self.RE_LINK.match(window)
        if start and not start.group(1):  # not '(<address>)': find the ')' that closes it
            depth, position = 1, start.end()
            while (close := window.find(")", position)) >= 0:
                if window.find('"', position, close) >= 0 or window.find("'", position, close) >= 0:
                    break  # a title: Python-Markdown's own reading, within the window
                depth += window.count("(", position, close) - 1
                if depth == 0:
                    href = self.unescape(window[start.end() : close]).strip()
                    return href, None, index + close + 1, True
                position = close + 1
            else:
                return "", None, index, False
        href, title, end, handled = super().getLink(window, 0)
        return href, title, index + end, handled


def _bounded(kind: type) -> type:
    """``kind`` (a link or image processor of Python-Markdown) with `_BoundedLinks`' reading."""
    return type(f"Bounded{kind.__name__}", (_BoundedLinks, kind), {})


class _AllowList(Treeprocessor):
    """Shift headings, replace images by their description and unwrap links whose address is
    not allowed, recording each change."""

    def __init__(self, md: markdown.Markdown, found: _Found) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        elements = list(root.iter())
        for child in elements[1:]:
            if _HEADING_TAG.fullmatch(child.tag):
                level = min(int(child.tag[1]) + HEADING_SHIFT, DEEPEST_HEADING)
                child.tag = f"h{level}"
            elif child.tag == "img":
                self.found.images.append((child.get("alt", ""), child.get("src", "")))
                child.text, child.tag = child.get("alt", ""), "span"
                child.attrib.clear()
            elif child.tag == "a" and not allowed_url(child.get("href", "")):
                self.found.links.append(child.get("href", ""))
                child.tag = "span"
                child.attrib.clear()
        # Innermost first (the reverse of document order), so that a span's own spans are gone
        # before it is unwrapped itself.
        for parent in reversed(elements):
            _unwrap_spans(parent)


def _unwrap_spans(parent: etree.Element) -> None:
    """Put each span child's text and children in its place (spans are only made here: a
    school's text has no raw HTML). One pass over the children, whatever their number."""
    children = list(parent)
    if not any(child.tag == "span" for child in children):
        return
    head: list[str] = [parent.text or ""]  # the text before the first element
    kept: list[tuple[etree.Element, list[str]]] = []  # each element with the parts of its tail
    for child in children:
        if child.tag != "span":
            kept.append((child, [child.tail or ""]))
            continue
        (kept[-1][1] if kept else head).append(child.text or "")
        kept += [(grandchild, [grandchild.tail or ""]) for grandchild in child]
        (kept[-1][1] if kept else head).append(child.tail or "")
    parent.text = "".join(head) or None
    for element, tail in kept:
        element.tail = "".join(tail) or None
    parent[:] = [element for element, _ in kept]


def _converter() -> tuple[markdown.Markdown, _Found, _UsedReferences]:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML is text: '<' shows as '<'
    md.inlinePatterns.deregister("html")
    references = _UsedReferences()
    md.references = references
    found = _Found()
    for name in _LINK_PROCESSORS:
        processor = md.inlinePatterns[name]
        processor.__class__ = _bounded(type(processor))
    md.treeprocessors.register(_LongTexts(md, found), "sop_long_texts", 30)  # before inline
    md.treeprocessors.register(_AllowList(md, found), "sop_allow_list", -1)  # after unescape
    return md, found, references


# One converter, reset before each text: building a new one per text costs more than the text.
_MD, _FOUND, _REFERENCES = _converter()


class _TextOf(HTMLParser):
    """The text of an HTML fragment, and separately the text outside code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.prose: list[str] = []
        self.in_code = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        self.in_code += tag in ("code", "pre")

    def handle_endtag(self, tag: str) -> None:
        self.in_code -= tag in ("code", "pre") and self.in_code > 0

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if not self.in_code:
            self.prose.append(data)


def _text_of(fragment: str) -> _TextOf:
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    return parser


def visible_text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment (tags left out, references decoded)."""
    return " ".join(_text_of(fragment).parts)


def _definition(line: str, defined: set[str]) -> str | None:
    """The id of the link definition on ``line``, if Markdown read one there."""
    match = _REFERENCE_LINE.match(line)
    found = " ".join(match.group(1).split()).lower() if match else None
    return found if found in defined else None


def _source_words(lines: list[str], defined: set[str]) -> list[tuple[str, int]]:
    """The words of a Markdown text that a reader should see, each with its 0-based line:
    without link addresses, link definitions, list markers and backslashes of escapes."""
    words: list[tuple[str, int]] = []
    for number, line in enumerate(lines):
        if _definition(line, defined):
            continue  # a definition: reported on its own when nothing uses it
        line = _ESCAPE.sub(r"\1", _LINK_TARGET.sub("]", _LIST_MARKER.sub("", line)))
        words += [(w, number) for w in _WORD.findall(html.unescape(line))]
    return words


@dataclass(frozen=True)
class Alignment:
    """The source words that the shown words do not have, as runs ``(start, end)`` of their
    indexes, and the number of steps it took: comparisons of two words and moves of a
    look-up's cursor. The steps are at most a few times the number of words of both texts."""

    lost: tuple[tuple[int, int], ...]
    steps: int


class _NextPlace:
    """Where each word occurs next in a list of words, asked for places that only move
    forward: each word's cursor moves past each of its places once, so all look-ups together
    take as many steps as the list has words."""

    def __init__(self, words: Sequence[str]) -> None:
        self.places: dict[str, list[int]] = {}
        for index, word in enumerate(words):
            self.places.setdefault(word, []).append(index)
        self.cursors: dict[str, int] = {}
        self.steps = 0

    def at_or_after(self, word: str, start: int) -> int | None:
        places = self.places.get(word)
        if places is None:
            return None
        cursor = self.cursors.get(word, 0)
        while cursor < len(places) and places[cursor] < start:
            cursor += 1
            self.steps += 1
        self.cursors[word] = cursor
        return places[cursor] if cursor < len(places) else None


def align_words(source: Sequence[str], shown: Sequence[str]) -> Alignment:
    """Which of the ``source`` words the ``shown`` words leave out, in linear time.

    The common start and end are matched first. In between, both lists are walked together:
    equal words match; at two different words, the source word counts as left out when the
    shown word comes back in the source sooner than the source word in what is shown (else
    the shown word is one the source does not have, such as a character reference that code
    shows as written). A Markdown page leaves out a few words at a time, so this finds them
    where they are. (difflib's SequenceMatcher, used before, takes time that grows with the
    square of the number of words when words repeat, as they do in every text.)
    """
    n, m = len(source), len(shown)
    start = 0
    while start < n and start < m and source[start] == shown[start]:
        start += 1
    end_source, end_shown = n, m
    while end_source > start and end_shown > start:
        if source[end_source - 1] != shown[end_shown - 1]:
            break
        end_source, end_shown = end_source - 1, end_shown - 1
    steps = start + (n - end_source) + 1
    in_source = _NextPlace(source[start:end_source])
    in_shown = _NextPlace(shown[start:end_shown])
    lost: list[int] = []
    i = j = start
    while i < end_source and j < end_shown:
        steps += 1
        if source[i] == shown[j]:
            i, j = i + 1, j + 1
            continue
        back_in_source = in_source.at_or_after(shown[j], i - start)
        if back_in_source is None:
            j += 1  # a word the source does not have (from here on)
            continue
        back_in_shown = in_shown.at_or_after(source[i], j - start)
        if back_in_shown is None or back_in_source - (i - start) <= back_in_shown - (j - start):
            lost.append(i)
            i += 1
        else:
            j += 1
    lost += range(i, end_source)
    runs: list[tuple[int, int]] = []
    for index in lost:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return Alignment(tuple(runs), steps + len(lost) + in_source.steps + in_shown.steps)


def _lost_words(lines: list[str], shown: str, defined: set[str]) -> list[Loss]:
    """The source words that the visible text of the page does not have: one loss per line."""
    source = _source_words(lines, defined)
    alignment = align_words([w for w, _ in source], _WORD.findall(shown))
    by_line: dict[int, list[str]] = {}
    for start, end in alignment.lost:
        for word, line in source[start:end]:
            by_line.setdefault(line, []).append(word)
    return [
        Loss("text", quote(" ".join(words)), line, max(lines[line].find(words[0]), 0))
        for line, words in by_line.items()
    ]


def quote(text: str) -> str:
    """``text`` on one line, cut to QUOTED characters, for a message."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"


class _Places:
    """Finds constructs in a text in the order the text has them, with line and column.

    Each search starts where the previous find was, so finding everything in order takes one
    pass over the text. A construct that the text does not have as written (Markdown or the
    browser decoded it) costs a search to the end; after ``MISSES`` of those, the rest are put
    at the last place found, so that no text takes more than that many passes.
    """

    MISSES = 64

    def __init__(self, text: str, line_starts: list[int]) -> None:
        self.text = text
        self.line_starts = line_starts  # the offset of each line's start
        self.cursor = 0
        self.misses = 0

    def place(self, offset: int) -> tuple[int, int]:
        """The 0-based line and column of ``offset``."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line, offset - self.line_starts[line]

    def find(self, needle: str) -> tuple[int, int]:
        """The line and column of the next ``needle`` (else of the last find)."""
        at = -1
        if needle and self.misses < self.MISSES:
            at = self.text.find(needle, self.cursor)
            self.misses += at < 0
        if at < 0:
            return self.place(self.cursor)
        self.cursor = at + 1
        return self.place(at)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _unused_references(lines: list[str], defined: set[str], used: set[str]) -> list[Loss]:
    losses = []
    for number, line in enumerate(lines):
        if _definition(line, defined) not in (None, *used):
            losses.append(Loss("reference", quote(line.strip()), number, _indent(line)))
    return losses


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _tags_as_text(text: str, lines: list[str], starts: list[int], shown_prose: str) -> list[Loss]:
    """HTML that the page shows as text, each tag once, at the first line that has it (as
    written, or written with character references)."""
    first: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines):
        for match in _TAG_AS_TEXT.finditer(line):
            first.setdefault(match.group(0), (number, match.start()))
        if "&" in line:
            for match in _TAG_AS_TEXT.finditer(html.unescape(line)):
                first.setdefault(match.group(0), (number, match.start()))
    places = _Places(text, starts)  # a tag written over more than one line
    losses = []
    for tag in dict.fromkeys(_TAG_AS_TEXT.findall(shown_prose)):
        found_line, found_column = first[tag] if tag in first else places.find(tag)
        losses.append(Loss("html", tag, found_line, found_column))
    return losses


def clean_html(fragment: str) -> str:
    """The allow list applied by nh3 (the second wall)."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str) -> Rendered:
    """``text`` (Markdown) as sanitised HTML, and what the page will not show as written."""
    _FOUND.reset()
    converted = _MD.reset().convert(text)
    cleaned = clean_html(converted)
    lines = text.split("\n")
    starts = _line_starts(text)
    links, images, long = _Places(text, starts), _Places(text, starts), _Places(text, starts)
    losses = [Loss("long", quote(start), *long.find(start)) for start in _FOUND.long]
    losses += [Loss("link", quote(url), *links.find(url)) for url in _FOUND.links]
    for alt, src in _FOUND.images:
        line, column = images.find(src or alt)
        start = images.line_starts[line]
        image = text.rfind("![", start, start + column + 1)  # where the image begins
        losses.append(Loss("image", quote(f"![{alt}]({src})"), line, max(image - start, 0)))
    defined = {" ".join(key.split()) for key in _REFERENCES}
    used = {" ".join(key.split()) for key in _REFERENCES.used}
    losses += _unused_references(lines, defined, used)
    shown = _text_of(cleaned)
    losses += _tags_as_text(text, lines, starts, " ".join(shown.prose))
    losses += _lost_words(lines, " ".join(shown.parts), defined)
    return Rendered(cleaned, tuple(sorted(losses, key=lambda loss: loss.line)))


# Tips for HTML that people often type, by tag name.
_HTML_TIPS = {
    "b": "voor vet schrijft u **vet**",
    "strong": "voor vet schrijft u **vet**",
    "i": "voor schuin schrijft u *schuin*",
    "em": "voor schuin schrijft u *schuin*",
    "br": "voor een nieuwe regel zet u een lege regel tussen de zinnen",
    "p": "voor een nieuwe alinea zet u een lege regel tussen de zinnen",
    "a": "voor een link schrijft u [tekst](https://www.voorbeeld.nl)",
    "ul": "voor een lijst begint u elke regel met '- '",
    "ol": "voor een genummerde lijst begint u elke regel met '1. '",
    "li": "voor een lijst begint u elke regel met '- '",
}


def _html_issue(tags: list[str], path: str, place: Pos) -> Issue:
    shown = ", ".join(f"'{t}'" for t in tags)
    names = [m.group(1).lower() for t in tags if (m := re.match(r"</?([a-zA-Z0-9-]+)", t))]
    tip = next((_HTML_TIPS[n] for n in names if n in _HTML_TIPS), "")
    formatting = f"Wilt u opmaak: {tip}." if tip else "Voor opmaak gebruikt u Markdown."
    return HTML_AS_TEXT.at(path, place, shown=shown, example=tags[0], formatting=formatting)


def _loss_issue(loss: Loss, path: str, place: Pos) -> Issue:
    if loss.kind == "long":
        return TEXT_TOO_LONG_FOR_MARKUP.at(
            path, place, limit=f"{MAX_INLINE:,}".replace(",", "."), start=loss.text
        )
    if loss.kind == "link":
        return LINK_NOT_ALLOWED.at(path, place, address=loss.text)
    if loss.kind == "image":
        return IMAGE_NOT_SHOWN.at(path, place, image=loss.text)
    if loss.kind == "reference":
        return UNUSED_DEFINITION.at(path, place, line=loss.text)
    return TEXT_LEFT_OUT.at(path, place, text=loss.text)


def markdown_issues(
    text: str, first_line: int, path: str, rendered: Rendered | None = None
) -> tuple[Rendered, list[Issue]]:
    """Render ``text`` (whose first line is line ``first_line`` of ``path``) and say, with
    line and column, what the page will not show as written (warnings)."""
    rendered = rendered or render_markdown(text)
    issues: list[Issue] = []
    html_tags: dict[int, list[Loss]] = {}
    for loss in rendered.losses:
        if loss.kind == "html":
            html_tags.setdefault(loss.line, []).append(loss)
            continue
        issues.append(_loss_issue(loss, path, Pos(first_line + loss.line, loss.column + 1)))
    for number, losses in html_tags.items():
        place = Pos(first_line + number, losses[0].column + 1)
        issues.append(_html_issue([loss.text for loss in losses], path, place))
    return rendered, sorted(issues, key=Issue.sort_key)
