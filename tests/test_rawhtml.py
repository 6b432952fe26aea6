"""Raw HTML blocks pass the Markdown step unparsed, and the pages come out exactly the same."""

from __future__ import annotations

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sop_builder.project.load import load_project
from sop_builder.site.pages import public_pages
from sop_builder.site.rawhtml import restore_html_blocks, stash_html_blocks

from .conftest import REPO, SAMPLE


def _converter() -> markdown.Markdown:
    """Markdown with the extensions of the sample's mkdocs.yml, as MkDocs runs it."""
    settings = yaml.safe_load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in settings["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = config
    return markdown.Markdown(extensions=names, extension_configs=configs)


MD = _converter()


def _plain(text: str) -> tuple[str, list]:
    html = MD.reset().convert(text)
    return html, MD.toc_tokens


def _stashed(text: str) -> tuple[str, list]:
    stashed, blocks = stash_html_blocks(text)
    html = restore_html_blocks(MD.reset().convert(stashed), blocks)
    return html, MD.toc_tokens


def _body(content: str) -> str:
    """The page without its front matter, as MkDocs hands it to on_page_markdown."""
    return content.split("\n---\n", 1)[1] if content.startswith("---\n") else content


def test_every_sample_page_renders_identically_with_its_html_stashed():
    project = load_project(SAMPLE, internal=False)
    templates = REPO / "templates"
    pages = public_pages(project, templates, "https://x.nl/")
    texts = {p.src_uri: _body(t) for p in pages if isinstance(t := p.text(), str)}
    for uri, text in texts.items():
        assert _stashed(text) == _plain(text), uri
    school = texts[next(u for u in texts if u.startswith("scholen/") and u != "scholen/index.md")]
    stashed, blocks = stash_html_blocks(school)
    assert "<div" not in stashed  # Markdown's HTML parser has nothing left
    assert len(blocks) > 5
    assert "## " in stashed  # the headings stay Markdown: table of contents, attr_list ids


CASES = {
    "after a paragraph line": ("Tekst\n<div>\n<p>a</p>\n</div>\n", 0),
    "not closed": ("<div>\n<p>a</p>\n\nmeer\n", 0),
    "closed and reopened": ("<div>a</div><div>\nb\n</div>\n", 0),
    "text after the end tag": ("<div>\na\n</div> staart\n\nNa.\n", 0),
    "comment": ("<div>\n<!-- x -->\n</div>\n", 0),
    "script": ('<div>\n<script>let a = "</div>";</script>\n</div>\n', 0),
    "tab": ("<div>\n\t<p>a</p>\n</div>\n", 0),
    "line of spaces": ("<div>\n<p>a</p>\n   \n</div>\n", 0),
    "void element": ("<hr>\n\nTekst.\n", 0),
    "nested, with a blank line inside": ("<div>\n<div>\na\n\nb\n</div>\n</div>\n\n# Kop\n", 1),
    "at the end, no newline": ("# Kop\n\n<div>\na\n</div>", 1),
    "at the end, blank lines": ("<div>\na\n</div>\n\n\n", 1),
    "two blocks and a heading": ('<div class="a">\nx\n</div>\n\n## B { #b }\n\n<h2>c</h2>\n', 2),
    "the placeholder text itself": ("sopRawHtmlBlock0x\n\n<div>\na\n</div>\n", 0),
}


def test_only_blocks_whose_end_is_certain_are_stashed_and_the_output_is_the_same():
    for name, (text, stashed) in CASES.items():
        assert len(stash_html_blocks(text)[1]) == stashed, name
        assert _stashed(text) == _plain(text), name


PIECES = st.sampled_from(
    [
        "<div>",
        "</div>",
        '<div class="x">',
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<hr>",
        "## Kop { #kop }",
        "tekst",
        "*nadruk*",
        "- punt",
        "<!-- c -->",
        "\t",
        "  ",
        " ",
        "\n",
        "\n\n",
        "\n\n\n",
        "\r\n",
    ]
)


NOISE = st.lists(PIECES, max_size=6).map("".join)
WELL_FORMED = st.tuples(
    st.sampled_from(["<div>", '<div class="x">', "<section>"]), st.lists(NOISE, max_size=3)
).map(lambda b: b[0] + "\n" + "\n".join(b[1]) + "\n</" + b[0][1:].split()[0].strip(">") + ">")
BLOCKS = st.lists(st.one_of(NOISE, WELL_FORMED, st.just("## Kop { #kop }")), max_size=8)
SEPARATORS = st.sampled_from(["\n\n", "\n", "\n\n\n", " ", ""])


@settings(max_examples=500, deadline=None)
@given(BLOCKS, st.lists(SEPARATORS, min_size=8, max_size=8), SEPARATORS)
def test_any_text_renders_the_same_with_its_html_stashed(blocks, separators, end):
    text = "".join(b + s for b, s in zip(blocks, separators, strict=False)) + end
    assert _stashed(text) == _plain(text)


def test_a_built_page_keeps_its_raw_html(sample_build):
    page = (sample_build.root / "site/scholen/index.html").read_text(encoding="utf-8")
    assert "sopRawHtmlBlock" not in page
    assert 'class="sop-finder' in page
