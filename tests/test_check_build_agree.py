"""`check` and `build` never disagree on whether content can be published.

Over every case folder: when `check` exits 0, the build succeeds; when the build stops, `check`
has errors, and the build says each error of the public content with its file, line, column and
tip. (Errors in the SWV's internal files block `check` but not the public site, which never
reads them.)
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sop_builder.project import report
from sop_builder.project.load import load_project
from sop_builder.publish.checks import third_party_requests
from sop_builder.publish.public import build_site

from .casefolders import case_names, case_project
from .conftest import TODAY


@pytest.mark.parametrize("case", case_names())
def test_check_and_build_agree(case: str, tmp_path: Path, checked_case):
    _checked, project = checked_case(case)  # check of another copy of the same project
    root = case_project(case, tmp_path)
    said: list[str] = []
    result = build_site(root, today=TODAY, echo=said.append)
    if report.exit_code(project, strict=False) == 0:
        assert result.ok, result.messages
    if result.ok:
        return
    assert project.errors
    public = load_project(root, TODAY, internal=False)
    assert public.errors, result.messages  # the build stops for the content, not by itself
    output = "".join(said)
    for issue in public.errors:
        assert issue.path in output
        assert f"{issue.line}:{issue.column}" in output
        assert issue.hint
        assert issue.hint in output


def test_an_engine_refusal_names_the_file_it_comes_from(sample: Path, monkeypatch):
    """Should a value ever reach the engine as Markdown (here: escaping switched off), the
    build's message names the school's file, not only the engine's count of warnings."""
    import sop_builder.site.render as render

    monkeypatch.setattr(render, "page_text", lambda value: value)
    sop = sample / "content/schools/de-duinroos/sop.md"
    text = sop.read_text(encoding="utf-8")
    sop.write_text(
        text.replace("naam: Basisschool De Duinroos", 'naam: "[normale link](javascript)"'),
        encoding="utf-8",
    )
    assert load_project(sample, TODAY).errors == []
    result = build_site(sample, today=TODAY, echo=lambda _: None)
    assert not result.ok
    named = [i for i in result.issues if i.path == "content/schools/de-duinroos/sop.md"]
    assert named
    assert all(i.code == "SOP904" and i.is_error and i.hint for i in named)
    assert all("(pagina /scholen/de-duinroos/)" in i.message for i in named)


REQUEST_SHAPED_TEXT = [  # written as text in tests/cases/text-that-looks-like-a-request
    'style="background:url(http://evil.example/x.png)"',
    "url(//evil.example/y.png)",
    '@import "//evil.example/z.css";',
    "url(//cdn.example.com/plaatje.png)",
]


def test_text_shaped_like_a_request_is_published_as_written(tmp_path: Path):
    """Issue 21, findings 6 and 8: such text passed `check` and then the build refused the
    site, naming the built page. Text is not a request: it is published as written."""
    root = case_project("text-that-looks-like-a-request", tmp_path)
    assert load_project(root, TODAY).errors == []
    result = build_site(root, today=TODAY, echo=lambda _: None)
    assert result.ok, result.messages
    page = (root / "site/scholen/de-duinroos/index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    for written in REQUEST_SHAPED_TEXT:
        assert written in text


FETCHES = {  # what a browser fetches from another host, each on a page of its own
    "img": '<img src="https://evil.example/a.png" alt="">',
    "srcset": '<img src="a.png" srcset="a.png 1x, //evil.example/b.png 2x" alt="">',
    "style-attribute": '<div style="background:url(//evil.example/c.png)">x</div>',
    "style-element": "<style>body { background: url('https://evil.example/d.png') }</style>",
    "import": '<style>@import "//evil.example/e.css";</style>',
    "stylesheet": '<link rel="stylesheet" href="https://evil.example/f.css">',
    "icon": '<link rel="shortcut icon" href="//evil.example/g.ico">',
    "script": '<script src="https://evil.example/h.js"></script>',
    "svg-image": '<svg><image href="//evil.example/i.png"/></svg>',
    "object": '<object data="//evil.example/j.swf"></object>',
    "form": '<form action="https://evil.example/k"><button>x</button></form>',
    "base": '<base href="//evil.example/">',
    "references": '<img src="&#47;&#47;evil.example/l.png" alt="">',
    "video": '<video poster="//evil.example/m.png"></video>',
    "inline-script": "<script>document.write('<style>@import \"//evil.example/n.css\"</style>')</script>",
}
NOT_FETCHED = [  # the same addresses where a browser does not fetch them
    '<p>style="background:url(http://evil.example/x.png)" url(//evil.example/y.png)</p>',
    '<p>@import "//evil.example/z.css"; &lt;img src="//evil.example/a.png"&gt;</p>',
    '<a href="https://evil.example/">een link naar een andere site</a>',
    '<link rel="canonical" href="https://evil.example/pagina/">',
    '<p title="url(//evil.example/t.png)" data-x="//evil.example/u">x</p>',
    "<textarea>url(//evil.example/v.png)</textarea><title>url(//evil.example/w)</title>",
    '<script type="application/json">{"a": "url(//evil.example/j.png)"}</script>',
]


def test_the_host_check_finds_what_a_browser_fetches_and_not_text(tmp_path: Path):
    site = tmp_path / "site"
    for name, markup in FETCHES.items():
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(f"<html><body>{markup}</body></html>")
    (site / "plain").mkdir()
    (site / "plain" / "index.html").write_text("<html><body>" + "".join(NOT_FETCHED) + "</body>")
    (site / "site.css").write_text("a { color: red } b { background: url(//evil.example/o.png) }")
    found = third_party_requests(site, "sop.example.nl")
    assert {request.file.split("/", 1)[0] for request in found} == {*FETCHES, "site.css"}
    assert all(request.host == "evil.example" for request in found)
    # an address on the site's own host is no request to another host
    (site / "own").mkdir()
    (site / "own" / "index.html").write_text('<img src="https://sop.example.nl/a.png" alt="">')
    found = third_party_requests(site, "sop.example.nl")
    assert not [r for r in found if r.file.startswith("own")]
