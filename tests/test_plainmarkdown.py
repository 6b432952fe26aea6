"""The fast path for plain texts (core/plainmarkdown.py) gives exactly what the full rendering
(core/richtext.py) gives: the same HTML, and nothing lost that check would report."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sop_builder.core.plainmarkdown import plain_html
from sop_builder.core.richtext import MAX_INLINE, markdown_issues, render_markdown
from sop_builder.core.sourcefile import read_markdown_file
from sop_builder.project.load import load_project
from sop_builder.project.schools import read
from sop_builder.project.sections import split_sections, strip_comments

from .conftest import FIXTURES, TODAY, make_project

TESTS = Path(__file__).parent


def _markdown_texts() -> list[str]:
    """Every Markdown text of the fixtures and the case folders: the sections of each
    sop.md and the body of each page of the offer."""
    texts: list[str] = []
    for file in sorted([*FIXTURES.rglob("*.md"), *(TESTS / "cases").rglob("*.md")]):
        source, _ = read_markdown_file(file, "x")
        if source is None:
            continue
        body, _ = strip_comments(source.body)
        texts.append(body)
        sections, _ = split_sections(body, source.body_line, "x")
        texts += [section.markdown for section in sections]
    return texts


def _same_as_full_rendering(text: str) -> bool:
    """Whether the fast path took ``text``; fails when it differs from the full rendering."""
    fast = plain_html(text)
    if fast is None:
        return False
    rendered = render_markdown(text)
    assert fast == rendered.html, text
    assert rendered.losses == (), text
    assert markdown_issues(text, 1, "x")[1] == [], text
    return True


def test_every_fixture_text_renders_the_same_on_the_fast_path():
    texts = _markdown_texts()
    taken = [text for text in texts if _same_as_full_rendering(text)]
    assert len(texts) > 200
    assert len(taken) > len(texts) / 3  # the fast path is taken, not only declined


WORD = st.text(alphabet="abcdeéëAZ019", min_size=1, max_size=6)
PUNCTUATION = st.sampled_from([*list(".,;:!?'\"()/%€-"), "  ", " - ", "2026.", "1)"])
MARKUP = st.sampled_from(
    [
        *list("\\`*_[]<>&#=|~{}\t\xa0\u200b"),
        "**",
        "[a](b)",
        "![a](b)",
        "<b>",
        "&amp;",
        "http://x.nl",
        "a@b.nl",
        "<http://x>",
    ]
)
INLINE = st.lists(
    st.one_of(WORD, WORD, WORD, st.just(" "), st.just(" "), PUNCTUATION, MARKUP), max_size=12
).map("".join)
LINE = st.one_of(
    INLINE,
    INLINE,
    INLINE.map(lambda s: "- " + s),
    INLINE.map(lambda s: "- " + s),
    st.sampled_from(["", "", " ", "---", "===", "- - -", "* a", "+ a", "1. a", "2. b", "# a"]),
    INLINE.map(lambda s: "    " + s),
    INLINE.map(lambda s: "> " + s),
    INLINE.map(lambda s: s + "  "),
)


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(LINE, max_size=10))
def test_generated_texts_render_the_same_on_the_fast_path(lines: list[str]):
    _same_as_full_rendering("\n".join(lines))


def test_what_markdown_would_change_is_left_to_the_full_rendering():
    # Two lists with a blank line between are one loose list; a line of '-' under a
    # paragraph makes it a heading; a number and a dot start a list; a trailing double space
    # is a line break.
    for text in ["- a\n\n- b", "Kop\n---", "Tekst\n===", "2026. Nieuw", "regel  \nnog een"]:
        assert plain_html(text) is None, text
    assert render_markdown("- a\n\n- b").html != "<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>"
    assert plain_html("Wij helpen.\nOok thuis.\n\n- lezen\n- rekenen\n\nKlaar!") == (
        "<p>Wij helpen.\nOok thuis.</p>\n<ul>\n<li>lezen</li>\n<li>rekenen</li>\n</ul>\n"
        "<p>Klaar!</p>"
    )


def test_a_plain_text_too_long_for_its_markdown_keeps_its_warning():
    # The full rendering shows a paragraph longer than MAX_INLINE as written and check warns
    # (SOP450); the fast path would give the same HTML without the warning, so it declines.
    sentence = "Wij helpen kinderen bij lezen en rekenen. "
    long = (sentence * (MAX_INLINE // len(sentence) + 1)).strip()
    assert [i.code for i in markdown_issues(long, 1, "x")[1]] == ["SOP450"]
    assert plain_html(long) is None
    short = long[: long.rfind(".", 0, MAX_INLINE) + 1]  # the same text within the limit
    assert _same_as_full_rendering(short)


def test_loading_with_the_fast_path_gives_what_loading_without_it_gives(
    tmp_path: Path, monkeypatch
):
    root = make_project(tmp_path)
    fast = load_project(root, TODAY)
    monkeypatch.setattr(read, "plain_html", lambda _text: None)
    monkeypatch.setattr("sop_builder.project.cache.tool_key", lambda: b"without the fast path")
    full = load_project(root, TODAY)
    assert fast.issues == full.issues
    assert [s.sections for s in fast.schools] == [s.sections for s in full.schools]


def test_many_plain_texts_take_the_fast_path_and_render_the_same():
    # Texts as schools write them (seeded, so the same every run): paragraphs and lists of
    # plain sentences. Most must take the fast path, and every one that does must agree.
    import random

    chance = random.Random(25)
    words = ["Wij", "helpen", "kinderen", "bij", "lezen", "(en", "rekenen)", "'s", "€ 5", "2026"]
    marks = [".", ",", ";", ":", "!", "?", " -", "/", "%", '"']

    def sentence() -> str:
        text = " ".join(chance.choice(words) for _ in range(chance.randint(1, 9)))
        return text[0].upper() + text[1:] + chance.choice(marks)

    taken = 0
    for _ in range(2000):
        blocks = []
        for _ in range(chance.randint(1, 4)):
            if chance.random() < 0.3:
                blocks.append("\n".join("- " + sentence() for _ in range(chance.randint(1, 4))))
            else:
                blocks.append("\n".join(sentence() for _ in range(chance.randint(1, 3))))
        taken += _same_as_full_rendering(
            ("\n\n" if chance.random() < 0.8 else "\n\n\n").join(blocks)
        )
    assert taken > 1000
