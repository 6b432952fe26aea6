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
from sop_builder.project.sections import hiding_comments, strip_comments, unclosed_comment
from sop_builder.site.sanitize import page_text

from .conftest import SAMPLE, TODAY
from .hostile_vectors import SWALLOWING, VECTORS
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


def texts_of(bits: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Texts of up to 40 of ``bits`` and words."""
    words = st.sampled_from(["woord", "kind", "school", "Zee", "vijf", "7"])
    return st.lists(bits | words, max_size=40).map("".join)


MARKDOWN_TEXT = texts_of(MARKDOWN_BITS)
PROPERTY = settings(
    max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(MARKDOWN_TEXT)
def test_no_word_of_any_markdown_is_lost_without_a_message(text: str):
    assert_no_silent_loss(text)


@PROPERTY
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
    assert "`<style>`" in issues[0].hint
    assert "https://" in issues[1].hint


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


# --- hostile constructs: in a school's text with its internal notes, as check and build read it


COMMENT = re.compile(r"<!--.*?-->", re.S)
TAG_INSIDE = re.compile(r"<[/!?]?[A-Za-z]")


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _is_note(body: str, comment: re.Match[str]) -> bool:
    """Written independently of the checker: an internal note stands on lines of its own (only
    blanks before its '<!--' and after its '-->') and holds no '<!--' and no HTML."""
    before = body[body.rfind("\n", 0, comment.start()) + 1 : comment.start()]
    after_end = body.find("\n", comment.end())
    after = body[comment.end() : after_end if after_end >= 0 else len(body)]
    inner = comment.group(0)[4:-3]
    return (
        not before.strip(" \t")
        and not after.strip(" \t")
        and "<!--" not in inner
        and not TAG_INSIDE.search(inner)
    )


def assert_nothing_silently_lost_from(body: str) -> None:
    """``body`` (Markdown with internal notes) as `check` and the build read it: every word a
    reader should see is on the page, or on a line that `check` warns about."""
    path = "content/schools/x/sop.md"
    if unclosed_comment(body, 1, path):
        return  # SOP455 refuses the file: nothing of it is published
    told: set[int] = set()  # 0-based lines that check says something about
    hiding = {(i.line, i.column) for i in hiding_comments(body, 1, path)}
    assert all(i.code == "SOP459" and not i.is_error for i in hiding_comments(body, 1, path))
    notes = []
    for comment in COMMENT.finditer(body):
        first, last = _line_of(body, comment.start()), _line_of(body, comment.end())
        column = comment.start() - body.rfind("\n", 0, comment.start())
        if _is_note(body, comment):
            notes.append(comment)
            assert (first + 1, column) not in hiding, comment.group(0)
        else:
            assert (first + 1, column) in hiding, comment.group(0)  # warned at its place
            told |= set(range(first, last + 1))
    published, _ = strip_comments(body)
    rendered = render_markdown(published)
    told |= {loss.line for loss in rendered.losses}
    expected = body
    for note in reversed(notes):  # a note's words are not meant for the page
        span = note.group(0)
        expected = expected[: note.start()] + "\n" * span.count("\n") + expected[note.end() :]
    # Which copy of a repeated word is missing is not known; a word is silently lost when the
    # page shows it fewer times than the lines that nothing was said about have it.
    untold = Counter(word for word, line in expected_words(expected) if line not in told)
    shown = Counter(WORD.findall(visible_text(rendered.html)))
    silent = {word: count - shown[word] for word, count in untold.items() if count > shown[word]}
    assert silent == {}, (body, rendered)
    parser = Elements()
    parser.feed(rendered.html)
    assert {tag for tag, *_ in parser.found} <= ALLOWED_TAGS


def bodies_with(vector: str) -> list[str]:
    """``vector`` in the places of a section where a school writes text."""
    return [
        f"Voor {vector} NAWOORD staat hier.\n\nDe volgende alinea blijft.\n\n- punt een\n- punt twee",
        f"Voor {vector} NAWOORD.\n\nMeer tekst hier.\n\n<!-- een interne notitie -->\n\nDaarna tekst.",
        f"{vector}\n\nTekst erna, op de pagina.",
        f"- *{vector}* punt\n- twee\n\n> citaat {vector} einde",
        f"# Kop {vector} kop\n\nTekst {vector.upper()} tekst.",
    ]


@pytest.mark.parametrize("vector", VECTORS)
def test_no_hostile_construct_makes_words_vanish_silently(vector: str):
    for body in bodies_with(vector):
        assert_nothing_silently_lost_from(body)


def test_the_construct_that_swallowed_its_section_is_reported_at_its_line():
    """Issue 21, finding 8: its '<!--' began a comment that the '-->' of a note further on
    closed, and everything in between left the page without a word."""
    body = (
        f"Wij schrijven {SWALLOWING} hier.\n\nDeze alinea verdween.\n\n<!-- notitie -->\n\nEinde."
    )
    issues = hiding_comments(body, 20, "sop.md")
    assert [(i.code, i.line, i.column) for i in issues] == [("SOP459", 20, body.index("<!--") + 1)]
    assert "(regel 20 tot en met 24)" in issues[0].message
    assert "'</style><img title=" in issues[0].message  # the text it leaves out, quoted
    assert_nothing_silently_lost_from(body)


@pytest.mark.parametrize(
    "body",
    [
        "<!-- notitie -->\nTekst.",
        "Tekst.\n  <!-- notitie over\n  twee regels -->\n\nMeer.",
    ],
)
def test_a_note_on_lines_of_its_own_is_left_out_without_a_warning(body: str):
    assert hiding_comments(body, 1, "sop.md") == []
    assert_nothing_silently_lost_from(body)


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("Tekst <!-- notitie --> meer.", "dezelfde regel"),
        ("<!-- notitie --> Tekst.", "dezelfde regel"),
        ("<!-- eerste notitie\nTekst voor ouders.\n<!-- tweede -->", "nog een '<!--'"),
        ("<!-- <b>vet</b> -->", "HTML"),
        ("<!-- a --> <!-- b -->", "dezelfde regel"),
    ],
)
def test_a_comment_that_is_not_a_plain_note_is_reported(body: str, why: str):
    issues = hiding_comments(body, 1, "sop.md")
    assert issues
    assert all(why in issue.message for issue in issues)
    # and the test's own notion of a note agrees: planted, it would fail without the warning
    with pytest.raises(AssertionError):
        assert_nothing_silently_lost_from_without_warnings(body)


def assert_nothing_silently_lost_from_without_warnings(body: str) -> None:
    """The check above with SOP459 switched off: shows that the check needs the warning."""
    import sop_builder.project.sections as sections

    original = sections.hiding_comments
    try:
        sections.hiding_comments = lambda *_: []  # type: ignore[assignment]
        globals()["hiding_comments"] = sections.hiding_comments
        assert_nothing_silently_lost_from(body)
    finally:
        sections.hiding_comments = original
        globals()["hiding_comments"] = original


HOSTILE_BITS = st.sampled_from(
    [
        *(
            f"<{slash}{name}{end}"
            for name in (
                "math",
                "mtext",
                "mglyph",
                "svg",
                "table",
                "td",
                "style",
                "template",
                "noscript",
                "textarea",
                "title",
                "xmp",
                "plaintext",
                "img",
                "a",
                "script",
                "StYlE",
                "SVG",
            )
            for slash in ("", "/")
            for end in (">", " ")
        ),
        "<![CDATA[",
        "]]>",
        "<?",
        "?>",
        "<!",
        "<",
        ">",
        "/>",
        '"',
        "'",
        "=",
        " title=",
        " src=x",
        " onerror=alert(1)",
        " href=javascript:alert(1)",
        "url(//x.nl)",
        "&lt;",
        "&gt;",
        "&#60;",
        "&#x3C;",
        "&amp;",
        "&Tab;",
        "&",
        ";",
        " ",
        "\n",
        "\n\n",
        "- ",
        "# ",
        "`",
        "*",
        "[",
        "](",
        ")",
    ]
)
# Comments are drawn as often as all other constructs together: they are what hides text.
COMMENT_BITS = st.sampled_from(["<!--", "-->", "--!>", "<!-->", "<!---->"])
HOSTILE_TEXT = texts_of(HOSTILE_BITS | COMMENT_BITS)


@settings(PROPERTY, max_examples=400)
@given(HOSTILE_TEXT)
def test_no_mix_of_hostile_constructs_makes_words_vanish_silently(body: str):
    assert_nothing_silently_lost_from(body)
