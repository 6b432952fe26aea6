"""Every check over a file's text takes time that grows linearly with the text (issue 21, 1).

The word comparison of the no-lost-word check counts its steps: the count is bounded by a few
times the number of words, exactly, on any machine; difflib's SequenceMatcher, which it
replaced, is run on the same words with its inner loop counted and grows with their square.

For the other checks (Python-Markdown, regular expressions, the comment, heading, placeholder,
privacy and YAML checks) there is no step counter: each runs on a text of one size and of
eight times that size, in this process, on the CPU clock (the fastest of several runs), and the
time may grow at most 20 times (linear is 8 times; the square, which each of these shapes took
before, is 64 times). Absolute times are in `make bench`.
"""

from __future__ import annotations

import difflib
import time
from collections.abc import Callable
from functools import partial

import pytest

from sop_builder.core.richtext import markdown_issues
from sop_builder.core.yamlread import read_yaml
from sop_builder.project.model import Glossary
from sop_builder.project.placeholders import find_placeholders
from sop_builder.project.plain_language import check_text
from sop_builder.project.privacy import find_personal_data
from sop_builder.project.sections import split_sections, strip_comments, visible_length

GROWTH = 8  # the larger text is this many times the smaller
MAX_RATIO = 20  # linear: 8; the square: 64
SIZE = 400  # the smaller text: 5-15 kB for most shapes
PATH = "content/schools/x/sop.md"


def repeated_words(n: int) -> tuple[list[str], list[str]]:
    """A text of ``n`` words from a small vocabulary (as every text repeats its words) and
    what a page shows of it: every 50th word left out."""
    vocabulary = ["de", "kinderen", "leren", "lezen", "en", "rekenen", "in", "groep"]
    source = [vocabulary[i * 7 % len(vocabulary)] for i in range(n)]
    return source, [word for i, word in enumerate(source) if i % 50 != 25]


def difflib_steps(source: list[str], shown: list[str]) -> int:
    """The comparison used before (difflib, as `_lost_words` ran it), with every pass of its
    inner loop counted."""
    steps = [0]

    class Counted(list):
        def __iter__(self):
            for item in list.__iter__(self):
                steps[0] += 1
                yield item

    matcher = difflib.SequenceMatcher(None, source, shown, autojunk=False)
    matcher.b2j = {word: Counted(places) for word, places in matcher.b2j.items()}
    matcher.get_opcodes()
    return steps[0]


def test_the_word_comparison_takes_steps_in_proportion_to_the_words():
    from sop_builder.core.richtext import align_words

    small, large = repeated_words(200), repeated_words(200 * GROWTH)
    found_small, found_large = align_words(*small), align_words(*large)
    # what it finds: exactly the words left out
    assert [end - start for start, end in found_large.lost] == [1] * (200 * GROWTH // 50)
    assert all(start % 50 == 25 for start, _ in found_large.lost)

    # how long it takes: at most 4 steps per word of both texts, at any length: linear
    def per_word(steps: int, texts: tuple[list[str], list[str]]) -> float:
        return steps / (len(texts[0]) + len(texts[1]))

    assert per_word(found_small.steps, small) <= 4
    assert per_word(found_large.steps, large) <= 4
    # The comparison it replaced, on the same texts, fails that bound, and its steps per word
    # grow with the length (the square or worse)
    old_small, old_large = (
        per_word(difflib_steps(*small), small),
        per_word(difflib_steps(*large), large),
    )
    assert old_large > 4
    assert old_large / old_small > GROWTH


def test_the_word_comparison_finds_what_a_page_leaves_out():
    from sop_builder.core.richtext import align_words

    def lost(source: str, shown: str) -> list[str]:
        words = source.split()
        found = align_words(words, shown.split())
        return [" ".join(words[start:end]) for start, end in found.lost]

    assert lost("a b c d", "a b c d") == []
    assert lost("a b c d e", "a b e") == ["c d"]  # a run left out in the middle
    assert lost("x a b", "a b") == ["x"]
    assert lost("a b x", "a b") == ["x"]
    assert lost("a b c", "a amp b c") == []  # a word only the page has (code shows '&amp;')
    assert lost("de kat de hond de kat", "de kat de kat") == ["hond de"]
    assert lost("a b", "") == ["a b"]
    assert lost("", "a b") == []


def cpu_seconds(call: Callable[[], object]) -> float:
    """The CPU time of one ``call``: the fastest of three batches of at least 0.05 s."""
    best = float("inf")
    for _ in range(3):
        runs, start = 0, time.process_time()
        while True:
            call()
            runs += 1
            spent = time.process_time() - start
            if spent >= 0.05:
                break
        best = min(best, spent / runs)
    return best


def paragraphs(piece: str, per_paragraph: int, n: int) -> str:
    return "\n\n".join(" ".join([piece] * per_paragraph) for _ in range(n))


NO_GLOSSARY = Glossary()
# Each shape: a text of size n, and the check that took time growing with its square before.
SHAPES: dict[str, Callable[[int], Callable[[], object]]] = {
    "short lines (word comparison)": lambda n: partial(
        markdown_issues, "\n".join(f"Regel {i} tekst." for i in range(n)), 1, PATH
    ),
    "repeated sentences (word comparison)": lambda n: partial(
        markdown_issues, "De kinderen leren lezen. " * n, 1, PATH
    ),
    "links in one paragraph (Python-Markdown finds ']' again)": lambda n: partial(
        markdown_issues, " ".join(["[meer](https://x.nl/a)"] * (n // 4)), 1, PATH
    ),
    "links not allowed and images in one paragraph (unwrap, lines)": lambda n: partial(
        markdown_issues,
        " ".join(["[a](javascript:x) ![b](https://x.nl/p.png)"] * (n // 8)),
        1,
        PATH,
    ),
    "emphasis in one long paragraph": lambda n: partial(
        markdown_issues, "*a* **b** " * (n * 3), 1, PATH
    ),
    "unclosed link texts": lambda n: partial(
        markdown_issues, paragraphs("[a", 500, n // 50), 1, PATH
    ),
    "unclosed link addresses": lambda n: partial(
        markdown_issues, paragraphs("[a](", 500, n // 50), 1, PATH
    ),
    "'](' all along one line (link addresses)": lambda n: partial(
        markdown_issues, "](" * (n * 10), 1, PATH
    ),
    "blanks before a line (list markers)": lambda n: partial(
        markdown_issues, " " * (n * 20) + "x", 1, PATH
    ),
    "HTML written with character references": lambda n: partial(
        markdown_issues, " ".join(f"&lt;t{i}&gt;" for i in range(n * 10)), 1, PATH
    ),
    "a heading ending in many '#'": lambda n: partial(
        split_sections, "## Visie" + " #" * (n * 10) + " x\n", 1, PATH
    ),
    "many headings (repeated ones)": lambda n: partial(
        split_sections, "## Onbekend\n" * (n * 4) + "## Visie\n" * (n * 4), 1, PATH
    ),
    "visible length of unclosed links": lambda n: partial(visible_length, "[a](" * (n * 5)),
    "comments never closed": lambda n: partial(strip_comments, "<!-- " * (n * 4)),
    "plain language: '](' and heading hashes": lambda n: partial(
        check_text,
        "## Visie\n" + "](" * (n * 10) + "\n# x" + " #" * (n * 5) + " y",
        1,
        PATH,
        NO_GLOSSARY,
    ),
    "privacy: a long run of 'a.' before an '@'": lambda n: partial(
        find_personal_data, "a." * (n * 5) + "@voorbeeld.nl 123", 1, PATH
    ),
    "placeholders: many INVULLEN comments": lambda n: partial(
        find_placeholders, "# vul in INVULLEN\n" * n + "naam: x\n", PATH
    ),
    "YAML: a mapping of many keys on one line ('? ' keys)": lambda n: partial(
        read_yaml, "x: {" + ", ".join(f"k{i}: v" for i in range(n)) + "}\n", "x.yaml"
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_check_of_a_text_eight_times_as_long_takes_at_most_twenty_times_as_long(shape: str):
    small = cpu_seconds(SHAPES[shape](SIZE))
    large = cpu_seconds(SHAPES[shape](SIZE * GROWTH))
    assert large / small < MAX_RATIO, (shape, small, large)
