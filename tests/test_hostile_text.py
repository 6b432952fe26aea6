"""Hostile and unusual text in every field that reaches a page: shown as text, or refused.

For each kind of attack, every plain-text field of every file of the sample (site_config/,
the SOPs, self-assessments, evaluations, the offer) gets the attack appended, and every Markdown
text (the SOP sections, the offer's bodies) too. `check` may refuse a value, but only with an
error at that value's own line; everything it accepts is then built, and the built site (both
the public and the internal one) has no javascript:, vbscript: or data: address, no event
handler, and shows each attack in a plain-text field as the text it is.
"""

from __future__ import annotations

import copy
import functools
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from sop_builder.core import roundtrip
from sop_builder.core.sourcefile import read_markdown_file, read_yaml_file
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.content_types import CONTENT_TYPES
from sop_builder.project.evaluation.model import EvaluationFile, FrameworkAssessmentFile, YearGoals
from sop_builder.project.figures import FiguresFile
from sop_builder.project.load import load_project
from sop_builder.publish.intern import build_intern
from sop_builder.publish.public import build_site

from .conftest import TODAY, make_project
from .hostile_vectors import SWALLOWING

# Values that refer to an id elsewhere (checked against lists of choices, with their own
# messages) are not free text; every other text field is.
REFERENCES = {
    "id",
    "code",
    "kern",
    "status",
    "score",
    "soort",
    "doelgroep",
    "scholen",
    "thema",
    "aspect",
    "behoeften",
    "interne_expertise",
    "externe_deskundigheid",
    "extra_ondersteuning",
    "kader",
}
FILES: list[tuple[str, type[BaseModel], bool]] = [
    *((pattern, kind.model, kind.front_matter) for kind in CONTENT_TYPES for pattern in kind.files),
    ("content/schools/*/evaluatie-*.yaml", EvaluationFile, False),
    ("content/schools/*/beoordeling-*.yaml", FrameworkAssessmentFile, False),
    ("site_config/jaardoelen/*.yaml", YearGoals, False),
    ("content/kengetallen.yaml", FiguresFile, False),  # the figures' sources (bestand, uitgave)
]

VECTORS = {
    "markdown-link": "[Meer info](javascript:alert(1)) ![x](javascript:alert(2))",
    "other-schemes": "[a](vbscript:msgbox(1)) [b](data:text/html;base64,PHNjcmlwdD4=)",
    "relative-link": "[normale link](javascript)",
    "attribute-list": "{ onclick=alert(1) } {: onmouseover=alert(2) }",
    "quotes": "\" onmouseover=\"alert(1)\" ' onfocus='alert(2)'",
    "entities": "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &#106;avascript:x &amp;",
    "markup": "*nadrukxq* _schuinxq_ `codexq` \\*ster C# [haak] - lijst 1. een",
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)><style>",
    # nested SVG and style (mutation XSS, as in DOMPurify's tests; see hostile_vectors.py)
    "mxss": '<svg><p><style><g title="</style><img src=x onerror=alert(1)>">',
    # text shaped like CSS that fetches: text is no request (issue 21, findings 6 and 8)
    "css-text": 'style="background:url(http://evil.example/x.png)" url(//evil.example/y.png)',
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


def text_paths(schema: dict[str, Any], data: Any, defs: dict[str, Any], where=()) -> list[tuple]:
    """The places in ``data`` that hold free text according to the JSON Schema."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    for option in schema.get("anyOf", []):
        found = text_paths(option, data, defs, where)
        if found:
            return found
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        out = []
        for key, value in data.items():
            if key in REFERENCES:
                continue
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                out += text_paths(sub, value, defs, (*where, key))
        return out
    if isinstance(data, list) and "items" in schema:
        return [
            p for i, v in enumerate(data) for p in text_paths(schema["items"], v, defs, (*where, i))
        ]
    if isinstance(data, str) and schema.get("contentMediaType") == "text/plain":
        return [where]
    return []


@dataclass
class Field:
    file: str  # relative to the project
    path: tuple


def read_tree(root: Path, rel: str, front: bool) -> YamlTree | None:
    if front:
        source, _ = read_markdown_file(root / rel, rel)
        return source.tree if source else None
    tree, _ = read_yaml_file(root / rel, rel)
    return tree


def free_text_fields(root: Path) -> list[Field]:
    fields = []
    for pattern, model, front in FILES:
        schema = model.model_json_schema(by_alias=True, mode="validation")
        for file in sorted(root.glob(pattern)):
            rel = file.relative_to(root).as_posix()
            tree = read_tree(root, rel, front)
            assert tree is not None, rel
            defs = schema.get("$defs", {})
            fields += [Field(rel, p) for p in text_paths(schema, tree.data, defs)]
    return fields


def _set(node: Any, path: tuple, suffix: str) -> None:
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = f"{node[path[-1]]} {suffix}"


@functools.cache
def _parsed(yaml_text: str) -> Any:
    return roundtrip.load(yaml_text)


@functools.cache
def attacked(text: str, markdown: bool, paths: tuple[tuple, ...], vector: str, bodies: bool) -> str:
    """The text of a file with ``vector`` appended at each of ``paths`` (and to every line of
    its Markdown text when ``bodies``). Every attempt of every vector starts from the same
    files and the attempts of one vector write most files alike, so each YAML text is parsed
    once (and copied) and each attacked text made once."""
    body = None
    if markdown:
        _, text, body = text.split("---\n", 2)
    data = copy.deepcopy(_parsed(text))
    for path in paths:
        _set(data, path, vector)
    if body is None:
        return roundtrip.dump(data)
    if bodies:  # every line of text, not the headings
        body = re.sub(r"(?m)^(?!#)(\S.*)$", lambda m: f"{m.group(1)} {vector}", body)
    return f"---\n{roundtrip.dump(data)}---\n{body}"


def write_attack(root: Path, fields: list[Field], vector: str, bodies: bool) -> None:
    """Append ``vector`` to each field (and to every Markdown text when ``bodies``)."""
    by_file: dict[str, list[Field]] = {}
    for field in fields:
        by_file.setdefault(field.file, []).append(field)
    for rel, group in by_file.items():
        file = root / rel
        paths = tuple(field.path for field in group)
        text = attacked(
            file.read_text(encoding="utf-8"), rel.endswith(".md"), paths, vector, bodies
        )
        file.write_text(text, encoding="utf-8")


class Page(HTMLParser):
    """The visible text of a page, and what would run or leave the site."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.problems: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            own = tag == "link" and value == "data:,"  # the redirect pages: no icon request
            if (
                name in URL_ATTRIBUTES
                and value
                and BAD_SCHEME.match(html.unescape(value))
                and not own
            ):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
            if name in ("title", "aria-label", "content", "alt") and value:
                self.text.append(value)

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


def inspect_site(site: Path) -> tuple[str, list[str]]:
    """All visible text of the site's pages, and every problem, with the page it is on."""
    texts, problems = [], []
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "assets":  # the theme's own files
            continue
        parser = Page()
        parser.feed(page.read_text(encoding="utf-8"))
        texts.append(" ".join(" ".join(parser.text).split()))
        problems += [f"{page.relative_to(site)}: {p}" for p in parser.problems]
    return "\n".join(texts), problems


def refused_at_their_place(root: Path, fields: list[Field]) -> set[int]:
    """The fields whose value check refuses; every error must be at one of their lines."""
    project = load_project(root, TODAY)
    places: dict[tuple[str, int, int], int] = {}
    trees: dict[str, YamlTree] = {}
    for index, field in enumerate(fields):
        if field.file not in trees:
            tree = read_tree(root, field.file, field.file.endswith(".md"))
            assert tree is not None, field.file
            trees[field.file] = tree
        places[(field.file, *trees[field.file].value_pos(field.path))] = index
    refused = set()
    for issue in project.errors:
        place = (issue.path, issue.line, issue.column)
        assert place in places, f"an error not at a changed value: {issue}"
        refused.add(places[place])
    return refused


@pytest.fixture(scope="module")
def fields(tmp_path_factory) -> list[Field]:
    found = free_text_fields(make_project(tmp_path_factory.mktemp("fields"), templates=False))
    assert len(found) > 300  # names, roles, places, titles, descriptions, labels, ...
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", list(VECTORS))
def test_hostile_text_in_every_field_is_shown_as_text_or_refused(name, fields, tmp_path):
    vector = VECTORS[name]
    bodies = name != "markup"  # in a Markdown text, *nadruk* is meant to be emphasis
    refused: set[int] = set()
    for attempt in range(4):  # a file with errors hides the errors of files that depend on it
        root = make_project(tmp_path, name=f"attempt-{attempt}")
        accepted = [f for i, f in enumerate(fields) if i not in refused]
        write_attack(root, accepted, vector, bodies)
        found = refused_at_their_place(root, accepted)
        if not found:
            break
        refused |= {fields.index(accepted[i]) for i in found}
    assert load_project(root, TODAY).errors == []
    if "<" in vector:
        assert refused  # PlainText refuses '<' and '>' (SOP113), each at its value's place
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    assert build_intern(root, today=TODAY, echo=lambda _: None).ok
    for site in (root / "site", root / "site-intern"):
        text, problems = inspect_site(site)
        assert problems == []
        assert " ".join(vector.split()) in text  # shown as the text it is
    if name == "markup":  # no emphasis or code made of a plain-text value
        public = "\n".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))
        assert ">nadrukxq<" not in public
        assert ">codexq<" not in public.replace("<code>", "")


def test_the_construct_that_swallowed_its_section_is_reported_at_the_lines_it_hides(tmp_path):
    """Issue 21, finding 8: a published sanitizer-evasion construct written in a school's
    text opened an HTML comment (an internal note) that a later note's '-->' closed; the rest
    of the section left the page while `check` passed without a word about it. Now `check`
    warns (SOP459) at the '<!--', naming the lines it hides; every other word is published."""
    root = make_project(tmp_path)
    sop = root / "content/schools/de-duinroos/sop.md"
    text = sop.read_text(encoding="utf-8")
    block = (
        f"Wij schrijven {SWALLOWING} hier.\n\nDeze alinea verdween zonder een woord.\n\n"
        "<!-- notitie voor het team -->\n\nDeze alinea blijft staan.\n"
    )
    text = text.replace("## Ambitie\n", f"## Ambitie\n\n{block}", 1)
    sop.write_text(text, encoding="utf-8")
    first = text.split("\n").index(block.split("\n")[0]) + 1
    project = load_project(root, TODAY)
    assert project.errors == []
    hidden = [w for w in project.warnings if w.code == "SOP459"]
    assert [(w.path, w.line) for w in hidden] == [("content/schools/de-duinroos/sop.md", first)]
    assert f"(regel {first} tot en met {first + 4})" in hidden[0].message
    assert build_site(root, today=TODAY, echo=lambda _: None).ok
    page = Page()
    page.feed((root / "site/scholen/de-duinroos/index.html").read_text(encoding="utf-8"))
    shown = " ".join(" ".join(page.text).split())
    assert "Wij schrijven <math><mtext><table><mglyph><style>" in shown  # as the text it is
    assert "verdween" not in shown
    assert "Deze alinea blijft staan." in shown
    assert page.problems == []
