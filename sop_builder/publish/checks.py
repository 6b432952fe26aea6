"""Checks on our own output: internal text (on the staged pages, before the engine) and, on the
finished site, requests to other hosts and the pages against the route table (none missing,
none extra). They find; publish/pipeline.py turns what they find into coded messages."""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import os
import re
from collections.abc import Callable, Collection
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

from sop_builder.core.parallel import map_indexes

TEXT_SUFFIXES = {".html", ".xml", ".json", ".js", ".css", ".txt", ".ics", ".svg", ".webmanifest"}
# The leak check is a safety net, not what keeps internal text out: the public build's project
# holds no internal text at all (project/internal_texts.py `public_only`), so no page can print
# one, whatever its length (tests/test_intern_canary_short.py plants markers of 2 and 3
# characters). The net looks for texts of this length and more: a shorter one ('nee', 'zie IB')
# also occurs in public words by chance, and would refuse builds that leak nothing.
MIN_SECRET_LENGTH = 12

# What makes a browser send a request when it shows a page: these attributes (on any element),
# `href` on the elements below (on <link> only for the relations that fetch), `data` and
# `codebase` on <object>, and CSS (style attributes, <style> elements, stylesheets). Text is
# not a request: the text of a page is never looked at, so a school that writes
# 'url(//host)' or 'style="background:url(http://…)"' as text sees it published as written.
_FETCHING_ATTRIBUTES = frozenset(
    {"src", "srcset", "imagesrcset", "poster", "action", "formaction", "background", "manifest"}
    | {"ping", "lowsrc", "dynsrc"}
)
_FETCHING_HREF = frozenset({"link", "base", "image", "use", "feimage", "script"})
_FETCHING_RELATIONS = frozenset(
    {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon", "modulepreload"}
    | {"manifest", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "prerender"}
)
_CSS_REQUESTS = [
    re.compile(r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)", re.IGNORECASE),
    re.compile(r"@import\s+[\"']((?:https?:)?//[^\"']+)", re.IGNORECASE),
]
# The parts of an HTML or SVG file: elements whose content is not markup (script, style: read
# whole), and tags. Text between tags never has a '<' (our pages escape it), so a tag found
# here is a tag.
_RAW_ELEMENT = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)(\s[^>]*)?>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_ATTRIBUTE_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SCRIPT_TYPES = frozenset({"", "module", "text/javascript", "application/javascript"})


def _host(url: str) -> str | None:
    """The host a browser would ask for ``url`` (None for an address on the same site)."""
    url = url.strip()
    return urlparse(url).hostname if "//" in url else None


def _css_urls(css: str) -> list[str]:
    return [match.group(1) for pattern in _CSS_REQUESTS for match in pattern.finditer(css)]


def _tag_urls(name: str, attributes: str) -> list[str]:
    """The addresses that a tag's attributes make the browser fetch."""
    if "//" not in attributes and "&" not in attributes:
        return []  # no address to another host, not even written with character references
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(attributes):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(match.group(1).lower(), html.unescape(value))
    urls = []
    for key, value in found.items():
        if key in ("srcset", "imagesrcset"):
            urls += [part.split()[0] for part in value.split(",") if part.strip()]
        elif key in _FETCHING_ATTRIBUTES:
            urls.append(value)
        elif key == "style":
            urls += _css_urls(value)
        elif key in ("href", "xlink:href") and name in _FETCHING_HREF:
            relations = set(found.get("rel", "").lower().split())
            if name != "link" or relations & _FETCHING_RELATIONS:
                urls.append(value)
        elif key in ("data", "codebase") and name == "object":
            urls.append(value)
    return urls


def _page_urls(content: str) -> list[str]:
    """The addresses that an HTML or SVG page makes the browser fetch."""
    urls: list[str] = []
    position = 0
    for raw in _RAW_ELEMENT.finditer(content):
        urls += _markup_urls(content[position : raw.start()])
        name, attributes, inner = raw.group(1).lower(), raw.group(2), raw.group(3)
        urls += _tag_urls(name, attributes)
        kind = _ATTRIBUTE_TYPE.search(attributes)
        if name == "style" or (kind.group(1) if kind else "").lower() in _SCRIPT_TYPES:
            urls += _css_urls(inner)  # a script may write a stylesheet too
        position = raw.end()
    return urls + _markup_urls(content[position:])


def _markup_urls(markup: str) -> list[str]:
    return [
        url
        for tag in _TAG.finditer(markup)
        for url in _tag_urls(tag.group(1).lower(), tag.group(2) or "")
    ]


COMPRESSED_SUFFIXES = {".gz", ".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"}


def text_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES)


def readable_text(file: Path) -> str:
    """A file's text; gzip-compressed files (sitemap, search index) are unpacked first."""
    data = file.read_bytes()
    if file.suffix in COMPRESSED_SUFFIXES:
        with contextlib.suppress(OSError, EOFError):
            data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def _variants(secret: str) -> set[str]:
    """The forms a text takes in HTML, JSON and plain output."""
    plain = " ".join(secret.split())
    return {
        plain,
        html.escape(plain),
        html.escape(plain, quote=False),
        json.dumps(plain)[1:-1],
        json.dumps(plain, ensure_ascii=False)[1:-1],
    }


class _LeakIndex:
    """The needles, filed under their rarest pair of neighbouring words, so a file is searched
    only for the needles whose word pairs all occur in it. (Searching every file for every
    needle grows with the square of the number of schools: 47% of a 700-school build.)

    Needles and texts have single spaces (whitespace is normalised), and words are what lies
    between spaces. Only a needle's inner words count: its first and last may be the tail or
    head of a longer word in the text. A needle that occurs in a text has all its inner words,
    and all pairs of neighbouring inner words, as words and word pairs of that text.
    """

    def __init__(self, needles: set[str]) -> None:
        self.always: list[str] = []  # needles without inner words: searched in every file
        self.by_word: dict[str, list[str]] = {}  # needles with one inner word
        self.by_pair: dict[tuple[str, str], list[tuple[str, frozenset[tuple[str, str]]]]] = {}
        pairs: dict[str, frozenset[tuple[str, str]]] = {}
        for needle in sorted(needles):
            inner = needle.split(" ")[1:-1]
            if len(inner) >= 2:
                pairs[needle] = frozenset(pairwise(inner))
            elif inner:
                self.by_word.setdefault(inner[0], []).append(needle)
            else:
                self.always.append(needle)
        frequency: dict[tuple[str, str], int] = {}
        for found in pairs.values():
            for pair in found:
                frequency[pair] = frequency.get(pair, 0) + 1
        for needle, found in pairs.items():
            key = min(found, key=lambda p: (frequency[p], p))  # the rarest pair
            self.by_pair.setdefault(key, []).append((needle, found))

    def first_in(self, content: str) -> str | None:
        """One needle in ``content`` (whitespace normalised), the first in sorted order."""
        found = [n for n in self.always if n in content]
        words = content.split(" ")
        if self.by_word:
            for word in set(words):
                found += [n for n in self.by_word.get(word, ()) if n in content]
        pairs = set(pairwise(words))
        for key in pairs:
            for needle, needed in self.by_pair.get(key, ()):
                if needed <= pairs and needle in content:
                    found.append(needle)
        return min(found) if found else None


def internal_text_finder(secrets: list[str]) -> Callable[[str], str | None]:
    """``find(text)``: an internal text of ``secrets`` that ``text`` holds (in any of the forms
    HTML and JSON give it), or None; texts shorter than 12 characters are skipped."""
    needles = set()
    for secret in secrets:
        secret = secret.replace("<!--", "").replace("-->", "").strip()
        if len(secret) >= MIN_SECRET_LENGTH:
            needles |= _variants(secret)
    index = _LeakIndex(needles)
    return lambda text: index.first_in(" ".join(text.split()))


def leak_finder(secrets: list[str]) -> Callable[[str, str], list[str]]:
    """A check of one text for internal texts (those shorter than 12 characters are skipped):
    ``check(name, text)`` gives a problem for ``name`` when ``text`` holds one."""
    find = internal_text_finder(secrets)

    def check(name: str, text: str) -> list[str]:
        needle = find(text)
        return [] if needle is None else [f"{name} bevat interne tekst: '{needle[:40]}…'"]

    return check


def find_leaks(site: Path, secrets: list[str]) -> list[str]:
    """Files of a built ``site`` that contain any internal text (texts shorter than 12 characters are skipped)."""
    check = leak_finder(secrets)
    files = text_files(site) + sorted(
        p for p in site.rglob("*") if p.is_file() and p.suffix in COMPRESSED_SUFFIXES
    )
    found = map_indexes(
        lambda i: check(files[i].relative_to(site).as_posix(), readable_text(files[i])),
        len(files),
    )
    return [problem for problems in found for problem in problems]


class Request(NamedTuple):
    """A request to another host that a file of the built site would make."""

    file: str  # relative to the site
    host: str
    url: str


def third_party_requests(
    site: Path, own_host: str | None, files: Collection[str] | None = None
) -> list[Request]:
    """Requests to other hosts that a page or stylesheet would make; only in ``files``
    (relative to the site) when given."""
    suffixes = (".html", ".css", ".svg")
    if files is None:
        found = [f for f in text_files(site) if f.suffix in suffixes]
    else:
        found = sorted(p for f in set(files) if (p := site / f).suffix in suffixes and p.is_file())

    def requests_of(index: int) -> list[Request]:
        file, problems = found[index], []
        content = file.read_text(encoding="utf-8", errors="replace")
        urls = _css_urls(content) if file.suffix == ".css" else _page_urls(content)
        for url in urls:
            host = _host(url)
            if host and host != own_host:
                problems.append(Request(file.relative_to(site).as_posix(), host, url[:80]))
        return problems

    return [problem for part in map_indexes(requests_of, len(found)) for problem in part]


INDEX_PREFIX = "pagefind"  # the search index's folders (site/search.py), never pages
NOT_A_ROUTE = "404.html"  # the engine's page for an unknown address


def built_pages(site: Path) -> set[str]:
    """Every HTML file of a built site (relative), but the search index's."""
    found = set()
    for folder, dirs, files in os.walk(site):
        rel = Path(folder).relative_to(site).as_posix()
        if rel == ".":
            dirs[:] = [d for d in dirs if not d.startswith(INDEX_PREFIX)]
        prefix = "" if rel == "." else rel + "/"
        found |= {prefix + name for name in files if name.endswith(".html")}
    return found


def route_problems(
    site: Path, expected: Collection[str], known: Collection[str], whole: bool = True
) -> tuple[list[str], list[str]]:
    """(missing, extra): the files of ``expected`` (the routes' built files) that the site
    lacks, and (with ``whole``) the HTML pages of the site that are neither expected nor
    ``known`` (redirect pages, assets, the engine's 404 page)."""
    missing = sorted(f for f in expected if not (site / f).is_file())
    if not whole:
        return missing, []
    pages = built_pages(site)
    extra = sorted(pages - set(expected) - set(known) - {NOT_A_ROUTE})
    return missing, extra
