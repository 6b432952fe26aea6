"""`sop-builder bekijk`: the site on your own computer, rebuilt after each edit, quickly.

Between edits the serve session keeps the project (`ProjectState`: each school folder's
validated result), the route table, the values of what the routes depend on (`site/depends.py`
`Facts`), the staging folder and the built site in ``.sop-builder/serve/``. After an edit:

1. only the changed school folders are read again; the checks across schools run again;
2. the finder is made once, and what changed is named in the route table's dependencies (a
   school's own files, its finder entry, a need's declarations, the names of all schools, the
   offer, the pupil numbers); only the routes that depend on it are rendered again (a text edit:
   the school's page, its poster and its comparison file; a changed level: also that need's
   list and data, the lists and overviews that show the school). A staged file is rewritten
   only when its text changed;
3. the steps of the build pipeline (publish/pipeline.py) run with serve's options: the engine
   in this process rebuilds only the pages whose staged file is newer than the built page
   (MkDocs's "dirty" build) and writes only files whose bytes change; the checks read the pages
   rendered again; the search index is made again after the page is served, in the background,
   and put in place file by file. There is no Content-Security-Policy (the engine's reload
   script is inline) and no web editor.

A change in site_config/, templates/ or mkdocs.yml renders every route; so does a change of the
redirects (a school's vestigingscode); a route that is gone makes the engine build every page
again. While the content has errors, or the build refuses, every address shows why, in Dutch.
"""

from __future__ import annotations

import html
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sop_builder.core import roundtrip
from sop_builder.core.atomic import write_atomic
from sop_builder.core.catalogue.writing import ALREADY_SERVING
from sop_builder.core.issues import Issue
from sop_builder.core.lock import BUILD_LOCK, SERVE_LOCK, Busy, project_lock
from sop_builder.project import report
from sop_builder.project.build_settings import engine_choice
from sop_builder.project.load import ProjectState, folder_stamp
from sop_builder.project.project import reference_date
from sop_builder.project.routes import RouteTable, routes_of
from sop_builder.publish.checks import internal_text_finder
from sop_builder.publish.pipeline import Options, Run, build
from sop_builder.site import engine
from sop_builder.site.depends import Facts, changed, facts, gone, to_render
from sop_builder.site.finder import build_finder
from sop_builder.site.render import missing_template_folders
from sop_builder.site.staging import (
    CONFIG_FILE,
    DOCS_DIR,
    OVERRIDES,
    TEMPLATE_FOLDERS,
    engine_settings,
    read_engine_settings,
)

WORK_DIR = Path(".sop-builder/serve")
# What, when changed, makes every route render again.
EVERYTHING = ("site_config", "templates")
THEME = (str(OVERRIDES), CONFIG_FILE)  # what, when changed, makes the engine rebuild every page
WATCHED = ("site_config", "templates", "content", CONFIG_FILE)


def error_page(text: str) -> str:
    """The one page of the site while it cannot be built: what to solve, in Dutch."""
    return (
        "---\ntitle: Fouten in de inhoud\n---\n\n# De site kan niet worden gebouwd\n\n"
        '<div class="sop-errors">\n<p>Los deze problemen op; de site wordt dan vanzelf '
        f"opnieuw gebouwd.</p>\n<pre>{html.escape(text)}</pre>\n</div>\n"
    )


@dataclass
class Rebuild:
    """What one rebuild did (for tests and the bench)."""

    everything: bool
    rendered: set[str] = field(default_factory=set)  # the addresses of the routes rendered
    changed: list[str] = field(default_factory=list)  # staged files that were rewritten
    errors: bool = False


class ServeSession:
    """The state of `serve` between edits (see the module's docstring)."""

    def __init__(self, root: Path, work: Path | None = None, engine_name: str | None = None):
        self.root = Path(root).resolve()
        self.work = work or self.root / WORK_DIR
        self.staging, self.site = self.work / "staging", self.work / "site"
        self.error_site = self.work / "fouten"
        self.state = ProjectState(self.root, reference_date(), internal=False)
        self.engine_name = engine_name
        self.facts: Facts | None = None  # of the last build
        self.table: RouteTable | None = None  # the route table of the last build
        self.redirects: list[Any] = []  # the redirects of the last build
        self.stamps: dict[str, Any] = {}  # of site_config/, templates/ and the theme
        self.pending: set[str] = set()  # folders changed since the last successful build
        self.built = False
        self.last: Rebuild | None = None
        self.indexing = threading.Lock()
        self.after_index: Callable[[], None] | None = None
        self.secrets: tuple[frozenset[str], Callable[[str], str | None]] | None = None

    def _stamps(self) -> dict[str, Any]:
        stamps: dict[str, Any] = {}
        for name in (*EVERYTHING, *THEME):
            path = self.root / name
            stamps[name] = (
                folder_stamp(path, recursive=True) if path.is_dir() else _file_stamp(path)
            )
        return stamps

    def rebuild(self) -> Path:
        """Bring the served site up to date with the files; the folder to serve."""
        self.pending |= self.state.refresh()
        project = self.state.project()
        if project.errors or project.config is None:
            self.last = Rebuild(True, errors=True)
            return self._error_site(report.render(project, "text"))
        name = self.engine_name or engine_choice(project.config)
        if not engine.chosen():
            engine.use_engine(name)
        stamps = self._stamps()
        theme_changed = any(stamps[n] != self.stamps.get(n) for n in THEME)
        finder = build_finder(
            project.schools, project.config, project.compliance, project.today, project.postcodes
        )
        table, now = routes_of(project), facts(project, finder)
        everything = (
            not self.built
            or self.facts is None
            or self.table is None
            or any(stamps[n] != self.stamps.get(n) for n in stamps)
            or project.redirects != self.redirects
        )
        render: set[str] | None = None
        removed: list[str] = []
        if not everything:
            assert self.facts is not None
            assert self.table is not None
            deps = changed(self.facts, now, self.pending & set(now.entries))
            render, removed = to_render(self.table, table, deps), gone(self.table, table)
        options = Options(
            engine="in-process",
            engine_name=name,
            dirty=self.built and not theme_changed and not everything and not removed,
            render=render,
            remove=removed,
            redirects=everything,  # else they are the last build's, in the site already
            search="background",
            policy=False,
            web_editor=False,
            release_memory=False,
            checked=None if render is None else [table.by_path[p].built for p in render],
        )
        run = Run(
            self.root, project, self.staging, self.site, options, print, finder, table,
            self._in_background, self._internal_text_finder,
        )  # fmt: skip
        issues = build(run)
        if issues:
            text = report.render_issues(issues, "text")
            print(text)
            self.last = Rebuild(everything, errors=True)
            return self._error_site(text)
        self.facts, self.table, self.redirects, self.stamps = now, table, project.redirects, stamps
        self.pending, self.built = set(), True
        rendered = set(table.paths) if render is None else render
        self.last = Rebuild(everything, rendered, run.staged.changed if run.staged else [])
        return self.site

    def _internal_text_finder(self, texts: list[str]) -> Callable[[str], str | None]:
        """The search for internal texts of the last build while the texts are the same (an
        edit of a school's text leaves them as they were; making it costs time)."""
        key = frozenset(texts)
        if self.secrets is None or self.secrets[0] != key:
            self.secrets = (key, internal_text_finder(texts))
        return self.secrets[1]

    def _in_background(self, work: Callable[[], list[Issue]]) -> None:
        """Run ``work`` (the search index) after the page is served."""

        def index() -> None:
            with self.indexing:
                issues = work()
            if issues:
                print(report.render_issues(issues, "text"))
            if self.after_index is not None:
                self.after_index()

        threading.Thread(target=index, daemon=True).start()

    def _error_site(self, text: str) -> Path:
        staging = self.error_site / "staging"
        if staging.exists():
            shutil.rmtree(staging)
        write_atomic(staging / DOCS_DIR / "index.md", error_page(text))
        settings = read_engine_settings(self.root / CONFIG_FILE)
        name = str(settings.get("site_name") or "Fouten")
        own = engine_settings(settings, name, None, [{"Fouten": "index.md"}])
        if (self.root / OVERRIDES).is_dir():
            shutil.copytree(self.root / OVERRIDES, staging / "overrides")
        write_atomic(staging / CONFIG_FILE, roundtrip.dump(own))
        engine.build_in_process(staging / CONFIG_FILE, self.error_site / "site")
        return self.error_site / "site"


def _file_stamp(path: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        info = path.stat()
    except OSError:
        return ()
    return ((path.name, info.st_mtime_ns, info.st_size),)


def serve(root: Path, address: str, engine_name: str | None = None) -> None:
    """Serve the site of ``root`` on ``address``, rebuilt after every edit (until Ctrl+C)."""
    missing = missing_template_folders(Path(root), TEMPLATE_FOLDERS)
    if missing:
        raise SystemExit(report.render_issues(missing, "text"))
    try:
        with project_lock(Path(root), SERVE_LOCK, wait=False, note_holder=True):
            session = ServeSession(root, engine_name=engine_name)

            def rebuild() -> Path:  # one build at a time in a project (publish/atomic.py)
                with project_lock(session.root, BUILD_LOCK, waiting=_waits, note_holder=True):
                    return session.rebuild()

            first = rebuild()
            watched = [session.root / name for name in WATCHED]
            engine.serve_site(first, address, rebuild, watched)
    except Busy as busy:  # a second `bekijk` would rebuild the same .sop-builder/serve/
        issue = ALREADY_SERVING.at(str(WORK_DIR), holder=busy.holder)
        raise SystemExit(report.render_issues([issue], "text")) from None


def _waits(holder: str) -> None:
    print(f"Er wordt al gebouwd in deze map ({holder}); de site wordt daarna bijgewerkt.")
