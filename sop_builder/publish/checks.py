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
MIN_SECRET_LENGTH = 12

# Places in HTML and CSS where a URL makes the browser send a request.
_REQUEST_PATTERNS = [
    re.compile(
        r"<(?:script|img|iframe|audio|video|source|embed|track)\b[^>]*?\ssrc\s*=\s*[\"']?([^\"'\s>]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"<link\b[^>]*?\srel\s*=\s*[\"']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|"
        r"icon|modulepreload|manifest|apple-touch-icon)[^>]*?\shref\s*=\s*[\"']?([^\"'\s>]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"<link\b[^>]*?\shref\s*=\s*[\"']?([^\"'\s>]+)[^>]*?\srel\s*=\s*[\"']?(?:stylesheet|"
        r"preload|prefetch|preconnect|dns-prefetch|icon|modulepreload|manifest)",
        re.IGNORECASE,
    ),
    re.compile(r"url\(\s*[\"']?(https?:)?//([^\"')\s]+)", re.IGNORECASE),
    re.compile(r"@import\s+[\"'](https?:)?//([^\"']+)", re.IGNORECASE),
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
        for pattern in _REQUEST_PATTERNS:
            for match in pattern.finditer(content):
                url = match.group(0) if pattern.groups != 1 else match.group(1)
                target = match.group(1) if pattern.groups == 1 else "//" + match.group(2)
                host = urlparse(target if "//" in target else "").hostname
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
