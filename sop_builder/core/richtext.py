"""The one way Markdown written by a school or the SWV becomes HTML, and what it leaves out.

Markdown fields (the four SOP sections, the bodies of the offer's pages) go through
`render_markdown`, with one allow list of elements, attributes and URL schemes. Raw HTML is never
interpreted: a '<' that a school types is shown as a '<'. What the page will not show as written
(a link with a scheme that is not allowed, an image, a link definition that nothing uses, words
the parser would swallow) is returned as a `Loss` with its line, so that `check` can say so;
nothing is dropped silently. nh3 cleans the result with the same allow list, as a second wall.

`check` (project/) and the build (site/) both call this module, so they cannot disagree.
"""

from __future__ import annotations

import difflib
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

from sop_builder.core.issues import Issue, make_issue

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
_LINK_TARGET = re.compile(r"\](?:\([^)]*\)|\[[^\]]*\])")  # '](address)' or '][label]'
_TAG_AS_TEXT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<![^<>]*>|<\?[^<>]*>")
_LIST_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d+\.)[ \t]+")
_ESCAPE = re.compile(r"\\(.)")
QUOTED = 60  # characters of a construct a message quotes


@dataclass(frozen=True)
class Loss:
    """Something in a Markdown text that the page does not show as written.

    ``kind``: 'html' (HTML that is shown as text, as written), 'link' (a link whose address is
    not allowed: its text is shown without the link),
    'image' (an image: its description is shown instead), 'reference' (a link definition that no
    link uses: not shown), 'text' (words the page leaves out). ``line`` is 0-based in the text.
    """

    kind: str
    text: str
    line: int


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

    def reset(self) -> None:
        self.links, self.images = [], []


class _AllowList(Treeprocessor):
    """Shift headings, replace images by their description and unwrap links whose address is
    not allowed, recording each change."""

    def __init__(self, md: markdown.Markdown, found: _Found) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        pairs = [(parent, child) for parent in root.iter() for child in parent]
        for _parent, child in pairs:
            if re.fullmatch(r"h[1-6]", child.tag):
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
        for parent, child in reversed(pairs):
            if child.tag == "span":  # only made here: a school's text has no raw HTML
                _unwrap(parent, list(parent).index(child), child)


def _unwrap(parent: etree.Element, index: int, child: etree.Element) -> None:
    """Put ``child``'s text and children in its place."""
    before = parent[index - 1] if index > 0 else None

    def add_text(text: str | None) -> None:
        if not text:
            return
        if before is None:
            parent.text = (parent.text or "") + text
        else:
            before.tail = (before.tail or "") + text

    add_text(child.text)
    parent.remove(child)
    for offset, grandchild in enumerate(list(child)):
        parent.insert(index + offset, grandchild)
    last = child[-1] if len(child) else None
    if last is not None:
        last.tail = (last.tail or "") + (child.tail or "")
    else:
        add_text(child.tail)


def _converter() -> tuple[markdown.Markdown, _Found, _UsedReferences]:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML is text: '<' shows as '<'
    md.inlinePatterns.deregister("html")
    references = _UsedReferences()
    md.references = references
    found = _Found()
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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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


def _source_words(text: str, defined: set[str]) -> list[tuple[str, int]]:
    """The words of a Markdown text that a reader should see, each with its 0-based line:
    without link addresses, link definitions, list markers and backslashes of escapes."""
    words: list[tuple[str, int]] = []
    for number, line in enumerate(text.split("\n")):
        if _definition(line, defined):
            continue  # a definition: reported on its own when nothing uses it
        line = _ESCAPE.sub(r"\1", _LINK_TARGET.sub("]", _LIST_MARKER.sub("", line)))
        words += [(w, number) for w in _WORD.findall(html.unescape(line))]
    return words


def _lost_words(text: str, shown: str, defined: set[str]) -> list[Loss]:
    """Runs of source words that the visible text of the page does not have."""
    source = _source_words(text, defined)
    matcher = difflib.SequenceMatcher(
        None, [w for w, _ in source], _WORD.findall(shown), autojunk=False
    )
    losses = []
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            words = " ".join(w for w, _ in source[i1:i2])
            losses.append(Loss("text", _quote(words), source[i1][1]))
    return losses


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"


def _line_of(text: str, needle: str, default: int = 0) -> int:
    """The 0-based line where ``needle`` first occurs in ``text``."""
    at = text.find(needle) if needle else -1
    return text.count("\n", 0, at) if at >= 0 else default


def _unused_references(text: str, defined: set[str], used: set[str]) -> list[Loss]:
    losses = []
    for number, line in enumerate(text.split("\n")):
        if _definition(line, defined) not in (None, *used):
            losses.append(Loss("reference", _quote(line.strip()), number))
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
    losses = [Loss("link", _quote(url), _line_of(text, url)) for url in _FOUND.links]
    losses += [
        Loss("image", _quote(f"![{alt}]({src})"), _line_of(text, src or alt))
        for alt, src in _FOUND.images
    ]
    defined = {" ".join(key.split()) for key in _REFERENCES}
    used = {" ".join(key.split()) for key in _REFERENCES.used}
    losses += _unused_references(text, defined, used)
    shown = _text_of(cleaned)
    losses += [
        Loss("html", tag, _line_of(text, tag))
        for tag in dict.fromkeys(_TAG_AS_TEXT.findall(" ".join(shown.prose)))
    ]
    losses += _lost_words(text, " ".join(shown.parts), defined)
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


def _html_issue(tags: list[str], path: str, line: int, column: int) -> Issue:
    shown = ", ".join(f"'{t}'" for t in tags)
    names = [m.group(1).lower() for t in tags if (m := re.match(r"</?([a-zA-Z0-9-]+)", t))]
    tip = next((_HTML_TIPS[n] for n in names if n in _HTML_TIPS), "")
    return make_issue(
        "SOP451",
        path,
        line,
        column,
        f"HTML werkt hier niet: {shown} staat als gewone tekst op de pagina.",
        f"Bedoelt u het als tekst? Zet het tussen `backticks`, bijvoorbeeld `{tags[0]}`."
        + (f" Wilt u opmaak: {tip}." if tip else " Voor opmaak gebruikt u Markdown."),
    )


def _loss_issue(loss: Loss, path: str, line: int, column: int) -> Issue:
    if loss.kind == "link":
        return make_issue(
            "SOP452",
            path,
            line,
            column,
            f"De link naar '{loss.text}' komt niet op de pagina; de tekst van de link wel.",
            "Een link mag alleen naar een webadres (https://…), een e-mailadres (mailto:…), "
            "een telefoonnummer (tel:…) of een pagina van deze site gaan. Bijvoorbeeld: "
            "[Meer informatie](https://www.school.nl).",
        )
    if loss.kind == "image":
        return make_issue(
            "SOP453",
            path,
            line,
            column,
            f"Afbeeldingen komen niet op de pagina: in plaats van '{loss.text}' staat daar "
            "alleen de beschrijving tussen [ ].",
            "Haal de afbeelding weg, of beschrijf in woorden wat erop staat.",
        )
    if loss.kind == "reference":
        return make_issue(
            "SOP454",
            path,
            line,
            column,
            f"De regel '{loss.text}' komt niet op de pagina: Markdown leest hem als "
            "linkdefinitie, en geen link gebruikt hem.",
            "Schrijf de link in de tekst, als [tekst](https://…), of zet de regel tussen "
            "`backticks` als hij zo moet blijven staan.",
        )
    return make_issue(
        "SOP454",
        path,
        line,
        column,
        f"Deze tekst komt niet op de pagina: '{loss.text}'.",
        "Schrijf het als gewone tekst; zet tekens als [ ] * _ en ` die er zo moeten staan "
        "tussen `backticks`.",
    )


def markdown_issues(
    text: str, first_line: int, path: str, rendered: Rendered | None = None
) -> tuple[Rendered, list[Issue]]:
    """Render ``text`` (whose first line is line ``first_line`` of ``path``) and say, with
    line and column, what the page will not show as written (warnings)."""
    rendered = rendered or render_markdown(text)
    lines = text.split("\n")
    issues: list[Issue] = []
    html_tags: dict[int, list[str]] = {}
    for loss in rendered.losses:
        if loss.kind == "html":
            html_tags.setdefault(loss.line, []).append(loss.text)
            continue
        source_line = lines[loss.line] if loss.line < len(lines) else ""
        column = max(source_line.find(loss.text.rstrip("…")), 0) + 1
        issues.append(_loss_issue(loss, path, first_line + loss.line, column))
    for number, tags in html_tags.items():
        source_line = lines[number] if number < len(lines) else ""
        column = max(source_line.find(tags[0]), 0) + 1
        issues.append(_html_issue(tags, path, first_line + number, column))
    return rendered, sorted(issues, key=Issue.sort_key)
