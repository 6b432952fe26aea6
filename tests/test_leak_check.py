"""The post-build leak check finds exactly what a plain search for every text would find."""

from __future__ import annotations

import gzip
import html
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sop_builder.publish.checks import _LeakIndex, _variants, find_leaks

SECRET = "Intern over het pestprotocol: nog niet uitgevoerd"


def naive(needles: set[str], content: str) -> set[str]:
    return {n for n in needles if n in content}


def site_with(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(gzip.compress(data) if path.suffix == ".pf_fragment" else data)
    return tmp_path


def test_finds_internal_text_in_every_form_and_file_type(tmp_path: Path):
    site = site_with(
        tmp_path,
        {
            "a/index.html": f"<p>{html.escape(SECRET)}</p>",
            "b/index.html": "<p>xx" + SECRET.replace(" ", "\n  ") + "yy</p>",  # glued, rewrapped
            "c.json": '{"t": "' + SECRET + '"}',
            "pagefind/fragment/x.pf_fragment": SECRET,
            "d/index.html": "<p>Intern over het pestprotocol</p>",  # only part of it: no leak
            "e/index.html": "<p>Helemaal openbaar.</p>",
        },
    )
    found = find_leaks(site, [SECRET, "kort"])
    assert sorted(p.split(" bevat")[0] for p in found) == [
        "a/index.html",
        "b/index.html",
        "c.json",
        "pagefind/fragment/x.pf_fragment",
    ]


def test_texts_without_inner_words_are_searched_everywhere(tmp_path: Path):
    site = site_with(tmp_path, {"a.html": "<b>ABCDEFGHIJKLMNOP</b>", "b.html": "<b>x</b>"})
    assert find_leaks(site, ["CDEFGHIJKLMN", "vijftien tekens"]) == [
        "a.html bevat interne tekst: 'CDEFGHIJKLMN…'"
    ]


WORDS = st.sampled_from(["ab", "abc", "b", "Wij", "wíj", "12", "a_b", "x"])
SEPARATORS = st.sampled_from([" ", ", ", "<p>", "'", "&", "-", "", "\n  "])
TEXT = st.lists(st.tuples(WORDS, SEPARATORS), min_size=1, max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@settings(max_examples=300, deadline=None)
@given(secrets=st.lists(TEXT, min_size=1, max_size=6), content=TEXT, pick=st.data())
def test_same_result_as_searching_every_text(secrets: list[str], content: str, pick):
    needles: set[str] = set()
    for secret in secrets:
        needles |= _variants(secret)
    # Put some of the needles, or pieces of them, into the content.
    for needle in sorted(needles)[:2]:
        start = pick.draw(st.integers(0, len(needle)))
        content = content + needle[start:] + pick.draw(SEPARATORS) + needle
    content = " ".join(content.split())  # as find_leaks does
    index = _LeakIndex(needles)
    expected = naive(needles, content)
    assert index.first_in(content) == (min(expected) if expected else None)
