"""Markdown fields: one rendering function, one allow list, and no word lost without a message."""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sop_builder.core.invisible import invisible_in_markdown
from sop_builder.core.richtext import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    markdown_issues,
    render_markdown,
    visible_text,
)
from sop_builder.project.load import load_project
from sop_builder.site.sanitize import page_text

from .conftest import SAMPLE, TODAY
from .test_property import Elements

WORD = re.compile(r"[^\W_]+")
# Written independently of the renderer: what a reader of the Markdown source expects to see
# is every word, except the addresses of links and the lines that define a link.
LINK_ADDRESS = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]")
DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
# A numbered list shows its numbers as the list's, not as text.
NUMBER = re.compile(r"^[ \t]*(?:>[ \t]*)*\d+\.(?=[ \t]|$)")


def expected_words(text: str) -> list[tuple[str, int]]:
    words = []
    for number, line in enumerate(text.split("\n")):
        if not DEFINITION.match(line):
            line = html.unescape(LINK_ADDRESS.sub("]", NUMBER.sub("", line)))
            words += [(w, number) for w in WORD.findall(line)]
    return words


def lost_words(text: str, shown: str) -> list[tuple[str, int]]:
    """Words of the source that the page shows fewer times than the source has them."""
    have = Counter(WORD.findall(shown))
    lost = []
    for word, line in expected_words(text):
        if have[word] > 0:
            have[word] -= 1
        else:
            lost.append((word, line))
    return lost


def assert_no_silent_loss(text: str) -> None:
    rendered = render_markdown(text)
    told = {loss.line for loss in rendered.losses}
    silent = [
        (w, line) for w, line in lost_words(text, visible_text(rendered.html)) if line not in told
    ]
    assert silent == [], (text, rendered)


def test_every_section_of_the_sample_shows_all_its_words():
    project = load_project(SAMPLE, TODAY)
    texts = [s.markdown for school in project.schools for s in school.sections]
    texts += [
        item.markdown
        for kind in ("networks", "centres", "workshops", "stories")
        for item in getattr(project.offer, kind)
    ]
    assert len(texts) > 70
    for text in texts:
        rendered = render_markdown(text)
        assert lost_words(text, visible_text(rendered.html)) == []
        assert rendered.losses == ()  # and nothing to warn about


TRICKY = [
    "Wij gebruiken <style> niet.\n\nDe volgende alinea staat er ook.",
    "<div>\n\nEen blok\n\n</div>\n\nen daarna tekst",
    "<!-- geen einde\n\nmaar de tekst blijft",
    "<p><style>x</style> binnen een alinea</p> en verder",
    "<script>alert(1)</script> Na het script",
    "[Meer info](javascript:alert(1)) en ![Plein](https://x.nl/p.jpg) en [b](vbscript:x)",
    "[ongebruikt]: https://x.nl/oud\n\nTekst die blijft",
    "Tekst\n[niet een definitie]: https://x.nl en meer woorden",
    "1986. Een jaartal aan het begin\n\n3. drie",
    "    ingesprongen code\n\n***\n\n> citaat\n> - punt",
    "foo\\_bar _nadruk_ `code <b>` &euro; <https://x.nl/a_b> <info@x.nl>",
    "Setext kop\n===\n\nOndertitel\n---\n\ntekst",
    "| a | b |\n|---|---|\n| c | d |",
    "[x][ref] en [ref]\n\n[ref]: https://x.nl",
    "<javascript:alert(1)> en <x onclick=1>tekst</x>",
]


@pytest.mark.parametrize("text", TRICKY)
def test_no_word_of_tricky_markdown_is_lost_without_a_message(text: str):
    assert_no_silent_loss(text)


MARKDOWN_BITS = st.sampled_from(
    [
        " ",
        "\n",
        "\n\n",
        "    ",
        "- ",
        "1. ",
        "> ",
        "# ",
        "*",
        "**",
        "_",
        "`",
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        "]: ",
        "<",
        ">",
        "</",
        "<!--",
        "-->",
        "&",
        "&lt;",
        "\\",
        "|",
        "---",
        "https://x.nl",
        "javascript:",
        "style",
        "div",
        "p",
        "b",
        "=",
        '"',
        "'",
    ]
)
MARKDOWN_TEXT = st.lists(
    MARKDOWN_BITS | st.sampled_from(["woord", "kind", "school", "Zee", "vijf", "7"]), max_size=40
).map("".join)


@settings(
    max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)
@given(MARKDOWN_TEXT)
def test_no_word_of_any_markdown_is_lost_without_a_message(text: str):
    assert_no_silent_loss(text)


@settings(
    max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)
@given(MARKDOWN_TEXT)
def test_rendered_markdown_keeps_to_the_allow_list(text: str):
    parser = Elements()
    parser.feed(render_markdown(text).html)
    for tag, attributes, _text, _children in parser.found:
        assert tag in ALLOWED_TAGS
        assert set(attributes) <= ALLOWED_ATTRIBUTES.get(tag, set()) | (
            {"rel"} if tag == "a" else set()
        )
        href = attributes.get("href") or ""
        assert not re.match(r"\s*(javascript|vbscript|data):", href, re.I)


def test_check_names_the_line_of_what_is_not_shown():
    text = "Eerste regel.\n\nWij gebruiken <style> niet.\n\n[Meer](javascript:alert(1))"
    _, issues = markdown_issues(text, 10, "x.md")
    assert [(i.code, i.line, i.column) for i in issues] == [("SOP451", 12, 15), ("SOP452", 14, 8)]
    assert "`<style>`" in issues[0].hint and "https://" in issues[1].hint


def test_character_references_of_invisible_characters_are_found():
    issues = invisible_in_markdown("Tekst &#x202E;omgedraaid en &zwj;verbonden", "x.md", 3)
    assert [(i.code, i.line, i.column) for i in issues] == [("SOP457", 3, 7), ("SOP458", 3, 29)]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("[x](javascript:1)", "&#91;x&#93;(javascript:1)"),
        ("Naam { onclick=1 }", "Naam &#123; onclick=1 &#125;"),
        ("C# en *ster* _x_ `c` \\", "C&#35; en &#42;ster&#42; &#95;x&#95; &#96;c&#96; &#92;"),
        ("- lijst", "&#45; lijst"),
        ("1. een", "1&#46; een"),
        ("versie 2024.1", "versie 2024.1"),
        ('A & B "q" \'t <x>', "A &amp; B &#34;q&#34; &#39;t &lt;x&gt;"),
    ],
)
def test_page_text_writes_what_markdown_would_read_as_references(value: str, shown: str):
    assert str(page_text(value)) == shown
