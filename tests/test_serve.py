"""`sop-builder bekijk` rebuilds what an edit touches, and shows errors on the page."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from sop_builder.project.load import load_project
from sop_builder.project.routes import ENTRIES, NAMES, Dep, Kind, site_routes
from sop_builder.publish.serve import ServeSession
from sop_builder.site.render import Renderer
from sop_builder.site.staging import stage_site

SERVE = [sys.executable, "-m", "sop_builder", "serve"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    """Poll ``url`` until it contains ``needle`` (bounded); return the last text."""
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            text = fetch(url)
            if needle in text:
                return text
        except OSError:
            pass
        time.sleep(0.5)
    return text


@contextlib.contextmanager
def serving(project: Path) -> Iterator[str]:
    """`sop-builder bekijk` on ``project``; yields its address once the first build is served."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*SERVE, "--map", str(project), "--adres", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert "Basisschool De Meeuw" in wait_for(f"{base}/scholen/de-meeuw/", "De Meeuw")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def add_sentence(sop: Path) -> str:
    """Write ZEERNIEUWEZIN into the school's vision; return the text as it was."""
    original = sop.read_text(encoding="utf-8")
    new = original.replace("## Visie\n", "## Visie\n\nZEERNIEUWEZIN in de visie.\n")
    sop.write_text(new, encoding="utf-8")
    return original


def test_serve_rebuilds_after_an_edit_and_shows_errors(sample: Path):
    with serving(sample) as base:
        sop = sample / "content/schools/de-meeuw/sop.md"
        original = add_sentence(sop)
        assert "ZEERNIEUWEZIN" in wait_for(f"{base}/scholen/de-meeuw/", "ZEERNIEUWEZIN")
        sop.write_text(original.replace("kern: helmerdam", "kern: helmerdamm"), encoding="utf-8")
        page = wait_for(f"{base}/", "SOP201")
        assert "De kern &#x27;helmerdamm&#x27; bestaat niet." in page


def built_pages(site: Path) -> dict[str, int]:
    """Every HTML page of the served site (not the search index) and its modification time."""
    found = {}
    for folder, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith("pagefind")]  # indexed in the background
        for name in files:
            if name.endswith(".html"):
                path = Path(folder) / name
                found[path.relative_to(site).as_posix()] = path.stat().st_mtime_ns
    return found


def offered_needs(root: Path, slug: str) -> set[str]:
    """The needs for which the school's own declaration is at a level that counts as offered."""
    renderer = Renderer(load_project(root), root / "templates")
    return set(renderer.entries[slug].offered)


def test_serve_rebuilds_only_the_pages_an_edit_touches(sample: Path):
    site = sample / ".sop-builder" / "serve" / "site"
    offered_by_de_meeuw = offered_needs(sample, "de-meeuw")
    assert offered_by_de_meeuw  # some lists per need hold the school, others do not
    config = load_project(sample).config
    assert config is not None
    assert len(offered_by_de_meeuw) < len(config.vocabularies.needs)
    with serving(sample) as base:
        wait_for(f"{base}/pagefind/delen.json", "[")  # the search index of the first build
        before = built_pages(site)
        assert len(before) > 60
        time.sleep(1.1)  # a rewritten page gets a later modification time on any disk

        # A new sentence in one school's text: only that school's page is built again (the
        # engine writes no file whose bytes stay the same, not even its 404 page).
        sop = sample / "content/schools/de-meeuw/sop.md"
        original = add_sentence(sop)
        assert "ZEERNIEUWEZIN" in wait_for(f"{base}/scholen/de-meeuw/", "ZEERNIEUWEZIN")
        after = built_pages(site)
        assert set(after) == set(before)
        assert {p for p in after if after[p] != before[p]} == {"scholen/de-meeuw/index.html"}

        # The school moves to another kern, in another gemeente: its page, the finder, the two
        # kern pages, the two gemeente lists and the overviews with their numbers (home page,
        # kernen, gemeenten), and the lists per need in which the school is found (grouped by
        # gemeente) change; the other schools' pages do not.
        time.sleep(1.1)
        sop.write_text(original.replace("kern: helmerdam", "kern: noord"), encoding="utf-8")
        page = wait_for(f"{base}/scholen/de-meeuw/", "kernen/noord/")
        assert "kernen/noord/" in page
        again = built_pages(site)
        assert {p for p in again if again[p] != after[p]} == {
            "scholen/de-meeuw/index.html",
            "scholen/index.html",
            "kernen/index.html",
            "kernen/noord/index.html",
            "kernen/helmerdam/index.html",
            "index.html",
            "scholen/gemeente/index.html",
            "scholen/gemeente/duinwijk/index.html",
            "scholen/gemeente/helmerdam/index.html",
            *(f"scholen/behoefte/{need}/index.html" for need in offered_by_de_meeuw),
        }
        assert "Basisschool De Meeuw" in fetch(f"{base}/kernen/noord/")
        assert "Basisschool De Meeuw" not in fetch(f"{base}/kernen/helmerdam/")


# --- serve by dependency, in this process -----------------------------------------------------

# seconds: every file of serve's folders is made this much older before an edit. Short, because
# MkDocs copies a theme file again when its copy is older than the installed file: with a venv
# made minutes ago (a fresh clone in CI), a copy aged by more than that would be copied again.
AGE = 5.0


def age(folder: Path) -> float:
    """Give every file under ``folder`` the same old modification time (so that any file
    written afterwards is newer, on any disk); that time."""
    then = time.time() - AGE
    for file in folder.rglob("*"):
        if file.is_file():
            os.utime(file, (then, then))
    return then


def written_since(folder: Path, then: float) -> set[str]:
    """The files under ``folder`` written after ``then``."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.stat().st_mtime > then + 1
    }


def contents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def session_of(root: Path, work: Path) -> tuple[ServeSession, threading.Event]:
    """A serve session on ``root`` after its first build, its search index made."""
    session = ServeSession(root, work, engine_name="mkdocs")
    indexed = threading.Event()
    session.after_index = indexed.set
    session.rebuild()
    assert session.last is not None
    assert session.last.everything
    assert not session.last.errors
    assert indexed.wait(120)
    indexed.clear()
    return session, indexed


def test_a_text_edit_rewrites_only_that_schools_page_and_its_search_entry(
    sample: Path, tmp_path: Path
):
    session, indexed = session_of(sample, tmp_path / "serve")
    index_before = contents(session.site / "pagefind")
    then = age(session.work)
    add_sentence(sample / "content/schools/de-meeuw/sop.md")
    session.rebuild()
    last = session.last
    assert last is not None
    assert not last.everything
    assert not last.errors
    # rendered: the routes that depend on the school's own files, nothing about many schools
    assert last.rendered == {"/scholen/de-meeuw/", "/scholen/de-meeuw/poster/"}
    assert written_since(session.staging, then) == {"docs/scholen/de-meeuw/index.md"}
    assert indexed.wait(120)
    built = written_since(session.site, then)
    search = {f for f in built if f.startswith("pagefind")}
    assert built - search == {"scholen/de-meeuw/index.html"}
    # the search index: only the files whose bytes changed (the school's new entry, the index
    # parts with its words, the entry file); not the hundreds of other pages' entries
    index_after = contents(session.site / "pagefind")
    assert search == {f"pagefind/{f}" for f in index_after if index_before.get(f) != index_after[f]}
    assert 0 < len(search) < len(index_after) / 4
    fragments = [f for f in search if f.endswith(".pf_fragment")]
    assert len(fragments) == 1


def set_level(sop: Path, need: str, old: str, new: str) -> None:
    text = sop.read_text(encoding="utf-8")
    before = f"  {need}:\n    niveau: {old}\n"
    assert before in text
    sop.write_text(text.replace(before, f"  {need}:\n    niveau: {new}\n"), encoding="utf-8")


def test_a_level_change_rewrites_exactly_the_pages_that_depend_on_it(sample: Path, tmp_path: Path):
    session, _indexed = session_of(sample, tmp_path / "serve")
    staged_before = contents(session.staging / "docs")
    then = age(session.work)
    # De Meeuw now offers NT2 (with help from outside: not the top level, so no other
    # school's "sterk in" changes with it)
    set_level(sample / "content/schools/de-meeuw/sop.md", "nt2", "beperkt", "met-hulp")
    session.rebuild()
    last = session.last
    assert last is not None
    assert not last.everything
    assert not last.errors
    project = load_project(sample, session.state.today, internal=False)  # serve's day
    table = site_routes(project)
    # rendered: exactly the routes that declare a dependency on what changed
    changed = {Dep("school", "de-meeuw"), Dep("entry", "de-meeuw"), Dep("need", "nt2"), ENTRIES}
    assert last.rendered == {r.path for r in table if r.depends & changed}
    assert not any(
        table.by_path[p].kind is Kind.SCHOOL and p != "/scholen/de-meeuw/" for p in last.rendered
    )
    assert NAMES not in changed
    assert "/woordenlijst/" not in last.rendered
    # written: exactly the staged files whose bytes changed, and the result is the full build's
    staged_after = contents(session.staging / "docs")
    differ = {f for f in staged_after if staged_before.get(f) != staged_after[f]}
    assert {f"docs/{f}" for f in differ} == written_since(session.staging, then) - {"mkdocs.yml"}
    assert {
        "scholen/de-meeuw/index.md",
        "scholen/behoefte/nt2/index.md",
        "vinder/behoefte-nt2.json",
        "vinder/scholen.json",
        "vinder/school/de-meeuw.json",
    } <= differ
    assert not any(f.startswith("scholen/behoefte/lezen") for f in differ)
    fresh = tmp_path / "fresh"
    stage_site(project, sample, fresh)
    assert staged_after == contents(fresh / "docs")  # nothing stale, nothing missing
    built = {f for f in written_since(session.site, then) if not f.startswith("pagefind")}
    assert built == {
        f.removesuffix("index.md") + "index.html" if f.endswith(".md") else f for f in differ
    }


def test_a_build_refusal_shows_on_the_served_page_with_its_code(sample: Path, tmp_path: Path):
    session, _indexed = session_of(sample, tmp_path / "serve")
    (sample / "templates/pages/poster.md.j2").unlink()
    served = session.rebuild()
    assert session.last is not None
    assert session.last.errors
    page = (served / "index.html").read_text(encoding="utf-8")
    assert "SOP905" in page
    assert "templates/pages/poster.md.j2" in page
    assert "Dit sjabloon van sop-builder ontbreekt" in page


def test_an_edit_of_the_figures_rewrites_only_the_public_figures_page(sample: Path, tmp_path: Path):
    """With `kengetallen_openbaar: ja`, an edit of content/kengetallen.yaml re-renders the page
    /kengetallen/ (its route depends on the figures) and nothing else."""
    settings = sample / "site_config" / "bouwen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "kengetallen_openbaar: ja\n")
    session, _indexed = session_of(sample, tmp_path / "serve")
    figures = sample / "content" / "kengetallen.yaml"
    text = figures.read_text(encoding="utf-8")
    # De Duinroos on 1 October 2024: 328 -> 428 bao pupils (the SWV's sum 4444 -> 4544)
    old = "  - peildatum: 2024-10-01\n    bron: duo-leerlingen\n"
    start = text.index(old)
    end = text.index('bao: "328"', start)
    figures.write_text(text[:end] + 'bao: "428"' + text[end + len('bao: "328"') :], "utf-8")
    session.rebuild()
    last = session.last
    assert last is not None
    assert not last.everything
    assert not last.errors
    assert last.rendered == {"/kengetallen/"}
    page = (session.staging / "docs" / "kengetallen" / "index.md").read_text(encoding="utf-8")
    assert "<td>4.544</td>" in page
