"""Property-based tests: any text or bytes gives a model or issues, never an exception."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import decode, split_front_matter
from sop_builder.core.yamlread import read_yaml
from sop_builder.project.load import load_project
from sop_builder.project.model import SelfAssessmentFile, SopFrontMatter

from .conftest import SAMPLE, TODAY

FAST = settings(
    max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)

# Fragments that steer random text into YAML's corners.
FRAGMENTS = st.sampled_from(
    [
        "naam",
        "kern",
        ":",
        ": ",
        "\n",
        "  ",
        "\t",
        "- ",
        "#",
        " #",
        "'",
        '"',
        "&a ",
        "*a",
        "!!str ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "|",
        ">",
        "---",
        "...",
        "?",
        "%YAML 1.2",
        "ja",
        "no",
        "012345",
        "12:30",
        "1.10",
        "2024-06-20",
        "\ufeff",
        "\r\n",
        "é",
        "\x00",
        "\x85",
        "<script>",
        "@",
        "`",
    ]
)
YAMLISH = st.lists(FRAGMENTS | st.text(max_size=8), max_size=60).map("".join)


def assert_result(value, issues) -> None:
    assert value is not None or issues, "neither a result nor a problem"
    for issue in issues:
        assert issue.line >= 1
        assert issue.column >= 1
        assert issue.message
        assert issue.code


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_give_issues(data: bytes):
    text, issues = decode(data, "x.md")
    assert (text is None) == bool(issues)


@FAST
@given(YAMLISH | st.text(max_size=500))
def test_any_text_reads_as_yaml_or_gives_issues(text: str):
    tree, issues = read_yaml(text, "x.yaml")
    if tree is not None:
        assert isinstance(tree.data, (dict, list, str)) or tree.data is None
    for issue in issues:
        assert issue.line >= 1
        assert issue.column >= 1


@FAST
@given(YAMLISH, st.text(max_size=200))
def test_any_markdown_file_splits_or_gives_issues(front: str, body: str):
    source, issues = split_front_matter(f"---\n{front}\n---\n{body}", "x.md")
    assert_result(source, issues)


LEAVES = st.text(max_size=20) | st.sampled_from(["", "ja", "2024-13-40", "98XA00", "bao"])
TREES = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "naam",
                    "kern",
                    "adres",
                    "straat",
                    "scores",
                    "BO-01",
                    "score",
                    "email",
                    "x",
                    "contactpersonen",
                    "rol",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@FAST
@given(st.dictionaries(st.text(max_size=12), TREES, max_size=8))
def test_any_structure_validates_or_gives_issues(data: dict):
    tree, _ = read_yaml("a: b\n", "x.yaml")
    assert tree is not None
    for model in (SopFrontMatter, SelfAssessmentFile):
        value, issues = validate_tree(model, tree, "x.yaml", data)
        assert (value is None) == bool(issues)


@settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.binary(max_size=3000) | YAMLISH.map(lambda t: ("---\n" + t + "\n---\n").encode()))
def test_whole_project_with_any_school_file_never_raises(tmp_path: Path, data: bytes):
    root = tmp_path / "p"
    if not root.exists():
        shutil.copytree(SAMPLE / "site_config", root / "site_config")
        (root / "content/schools/x").mkdir(parents=True)
    (root / "content/schools/x/sop.md").write_bytes(data)
    project = load_project(root, TODAY)
    assert project.errors  # such a file is never a complete, valid SOP


SOP_KEYS = st.sampled_from(
    [
        "naam",
        "vestigingscode",
        "bestuur",
        "kern",
        "type",
        "adres",
        "website",
        "contactpersonen",
        "vastgesteld_door_bestuur",
        "besproken_met_mr",
        "geldig_tot",
        "bijgewerkt",
        "interne_expertise",
        "externe_deskundigheid",
        "extra_ondersteuning",
        "interne_notitie",
    ]
)


@settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.dictionaries(SOP_KEYS, TREES, max_size=16),
    st.dictionaries(st.text(max_size=8), TREES, max_size=5),
)
def test_whole_project_with_any_structured_front_matter_never_raises(
    tmp_path: Path, front: dict, scores: dict
):
    import yaml  # only to write test input; the project itself never uses yaml.dump/load

    root = tmp_path / "p"
    if not root.exists():
        shutil.copytree(SAMPLE / "site_config", root / "site_config")
        (root / "content/schools/x").mkdir(parents=True)
    folder = root / "content/schools/x"
    (folder / "sop.md").write_text(
        "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n## Visie\nTekst\n",
        encoding="utf-8",
    )
    (folder / "zelfevaluatie-2025-2026.yaml").write_text(
        yaml.safe_dump({"schooljaar": "2025-2026", "scores": scores}), encoding="utf-8"
    )
    project = load_project(root, TODAY)
    assert project.errors


# --- plain text on the page ------------------------------------------------------------------

import functools  # noqa: E402
import html as html_lib  # noqa: E402
from dataclasses import replace  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

import markdown  # noqa: E402
import yaml  # noqa: E402  # only to read our own output
from pydantic import ValidationError  # noqa: E402

from sop_builder.core.invisible import ANY as INVISIBLE  # noqa: E402
from sop_builder.project.routes import school_route  # noqa: E402
from sop_builder.site.render import Renderer  # noqa: E402

from .conftest import REPO  # noqa: E402

# What the engine runs over a page: mkdocs.yml's extensions and the three MkDocs always adds.
ENGINE_EXTENSIONS = ["attr_list", "toc", "tables", "fenced_code"]
MARKDOWNISH = st.lists(
    st.characters(blacklist_categories=("Cs",))
    | st.sampled_from([*"[]()*_`#{}\\!<>&;:=-+.|~^\"' \n\t", "&lt;", "&#106;", "](", "{:"]),
    min_size=1,
    max_size=30,
).map("".join)


@functools.cache
def sample_project():
    return load_project(SAMPLE, TODAY)


@functools.cache
def sample_renderer() -> Renderer:
    return Renderer(sample_project(), REPO / "templates")


def plain(value: str) -> str | None:
    """``value`` as the schema and the reader accept a plain-text name, or None if refused."""
    if INVISIBLE.search(value):
        return None  # SOP456-458
    try:
        return SopFrontMatter.model_validate(
            {**sample_project().schools[0].front.model_dump(by_alias=True), "naam": value}
        ).name
    except ValidationError:
        return None


class Elements(HTMLParser):
    """The elements of a page with their attributes and text, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[list] = []
        self.found: list[tuple[str, dict, str, int]] = []  # tag, attributes, text, children

    def handle_starttag(self, tag, attrs):
        if self.open:
            self.open[-1][3] += 1
        if tag not in ("br", "img", "input", "meta", "link", "rect", "path"):
            self.open.append([tag, dict(attrs), "", 0])

    def handle_endtag(self, tag):
        while self.open:
            done = self.open.pop()
            self.found.append(tuple(done))
            if done[0] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element[2] += data


def school_page(name: str) -> tuple[str, Elements]:
    """The first sample school's page with ``name``: its title, and its elements."""
    project = sample_project()
    school = project.schools[0]
    school = replace(school, front=school.front.model_copy(update={"name": name}))
    renderer = sample_renderer()
    route = school_route(school)  # the page's title is its route's: the school's name
    page = renderer.render("school.md.j2", route=route, **renderer.school_context(school))
    _, front, body = page.split("---\n", 2)
    parser = Elements()
    parser.feed(markdown.markdown(body, extensions=ENGINE_EXTENSIONS))
    return yaml.safe_load(front)["title"], parser


def structure(parser: Elements) -> list[tuple[str, tuple[str, ...]]]:
    """The page's elements and their attribute names, without any text or value."""
    return sorted((tag, tuple(sorted(attrs))) for tag, attrs, _text, _children in parser.found)


@settings(
    max_examples=150, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow]
)
@given(MARKDOWNISH)
def test_any_plain_text_name_is_shown_as_its_text_never_as_markup(value: str):
    name = plain(value)
    if name is None:
        return  # refused by check with its place
    title, parser = school_page(name)
    assert html_lib.unescape(title) == name  # the theme prints the title as HTML
    h1 = [e for e in parser.found if e[0] == "h1"]
    assert len(h1) == 1
    assert h1[0][2] == name
    assert h1[0][3] == 0  # its text, no element inside
    assert set(h1[0][1]) <= {"id"}  # no attribute from the value
    # the same elements and attributes as with the school's own name: no markup was made
    assert structure(parser) == structure(school_page(sample_project().schools[0].front.name)[1])
