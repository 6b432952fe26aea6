"""The one build pipeline of the public site: an ordered list of steps (`STEPS`), modelled on
MkDocs' single ``build(config, dirty=...)``.

`sop-builder bouw` (publish/public.py), `sop-builder bekijk` (publish/serve.py) and the MkDocs
plugin (publish/plugin.py, for ``mkdocs build`` in a project) all run these steps, each with its
`Options` (how the engine runs, which routes to render, search now or in the background, ...),
never a copy of their own; the output checks (internal text, other hosts, the pages against the
route table) run on every path. The plugin runs the steps before the engine in MkDocs'
``on_config`` and the steps after it in ``on_post_build``, because there MkDocs itself is the
engine.

It lives in publish/ (rank 4) because it puts together site/ (staging, engine, redirects,
search), editor/ (the web editor) and the checks of this package, which site/ may not import.
Every refusal is an `Issue` of the catalogue family "Building and publishing" (SOP9xx) that
names the source file of the page it is about, through the route table.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from sop_builder.core.catalogue.build import (
    ENGINE_FAILED,
    INTERNAL_TEXT,
    MISSING_PAGE,
    ORPHAN_PAGE,
    OTHER_HOST,
    SEARCH_FAILED,
    WEB_EDITOR_FAILED,
)
from sop_builder.core.issues import Issue, Pos
from sop_builder.project.build_settings import engine_choice
from sop_builder.project.project import Project
from sop_builder.project.routes import Kind, RouteTable, routes_of
from sop_builder.publish.checks import (
    internal_text_finder,
    route_problems,
    third_party_requests,
)
from sop_builder.publish.csp import apply_policy
from sop_builder.site.engine import (
    ENGINES,
    EngineProblem,
    build_in_process,
    run_engine,
    runs_here,
)
from sop_builder.site.finder import Finder
from sop_builder.site.redirects import write_redirects
from sop_builder.site.render import TemplateMissing, missing_template_folders
from sop_builder.site.search import index_site
from sop_builder.site.staging import (
    ASSETS,
    CONFIG_FILE,
    TEMPLATE_FOLDERS,
    Inspect,
    StagedSite,
    read_engine_settings,
    site_address,
    split_staging,
    stage_site,
)

ENGINE_SETTINGS = CONFIG_FILE  # the project's mkdocs.yml: what a message without a page names


@dataclass(frozen=True)
class Options:
    """How one run of the pipeline differs from another."""

    # "process": two engine processes for a large site, this process for a small one (ProperDocs:
    # always a process of its own); "in-process": always in this process (serve); "outside": MkDocs runs the steps around its own build (the plugin)
    engine: Literal["process", "in-process", "outside"] = "process"
    engine_name: str | None = None  # None: the project's choice (site_config/bouwen.yaml)
    dirty: bool = False  # the engine rebuilds only pages whose staged file is newer
    render: Collection[str] | None = None  # the routes (addresses) to render; None: every one
    remove: Collection[str] = ()  # staged files of routes that are gone
    redirects: bool = True  # write the redirect pages (serve: only when they changed)
    search: Literal["now", "background"] = "now"
    policy: bool = True  # the Content-Security-Policy (not in serve: its reload script is inline)
    web_editor: bool = True  # admin/, when site_config/webeditor.yaml asks for it
    release_memory: bool = True  # give the rendered pages' memory back before the engine
    checked: Collection[str] | None = None  # built files the checks read (None: the site)


@dataclass
class Run:
    """One build of one project's public site: what the steps share."""

    root: Path
    project: Project
    staging: Path
    site: Path
    options: Options = field(default_factory=Options)
    echo: Callable[[str], None] = print
    finder: Finder | None = None  # the project's finder, when the caller has made it
    table: RouteTable | None = None  # the project's route table (made when not given)
    # serve: runs the search step's work after the page is served (it reports what it finds)
    background: Callable[[Callable[[], list[Issue]]], None] | None = None
    # makes the search for internal texts (serve keeps the one of the last build)
    finder_of: Callable[[list[str]], Callable[[str], str | None]] = internal_text_finder
    staged: StagedSite | None = None
    site_url: str | None = None

    def __post_init__(self) -> None:
        if self.table is None:
            self.table = routes_of(self.project)
        self.site_url = site_address(self.project, read_engine_settings(self.root / CONFIG_FILE))

    @property
    def routes(self) -> RouteTable:
        assert self.table is not None
        return self.table


# --- the steps -------------------------------------------------------------------------------


def check_templates(run: Run) -> list[Issue]:
    """The project's copy of sop-builder's templates is there."""
    return missing_template_folders(run.root, TEMPLATE_FOLDERS)


def _place_of(file: Path, needle: str) -> Pos | None:
    """Where ``needle`` is in ``file`` (for a message), or None."""
    with contextlib.suppress(OSError, ValueError):
        text = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
        if needle in text:
            before = text[: text.index(needle)]
            return Pos(before.count("\n") + 1, len(before) - before.rfind("\n"))
    return None


def leak_check(run: Run) -> Inspect:
    """The check of each staged page for internal text (in the staging workers)."""
    project, table = run.project, run.routes
    find = run.finder_of(project.internal_texts)

    def inspect(file: str, text: str) -> list[Issue]:
        needle = find(text)
        if needle is None:
            return []
        route = table.by_file.get(file)
        source = route.source if route is not None else file
        address = route.path if route is not None else file
        place = _place_of(run.root / source, needle)
        return [INTERNAL_TEXT.at(source, place, page=address, text=needle[:40])]

    return inspect


def stage(run: Run) -> list[Issue]:
    """Render the routes, link the glossary, check every page for internal text, write the
    staging folder."""
    options = run.options
    try:
        run.staged = stage_site(
            run.project,
            run.root,
            run.staging,
            leak_check(run),
            run.routes,
            options.render,
            options.remove,
            run.finder,
        )
    except TemplateMissing as exc:
        return [exc.issue()]
    return run.staged.problems


# From this many routes on, the rendered pages take enough memory to give it back; below it, a
# full collection costs more time (in a process that holds much else) than the room is worth.
RELEASE_FROM = 2000


def release(run: Run) -> list[Issue]:
    """Give memory that Python has freed back to the system (glibc keeps it otherwise): the
    engine and Pagefind need the room after the rendered pages of a large site."""
    if run.options.release_memory and len(run.routes) >= RELEASE_FROM:
        gc.collect()
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
    return []


def _engine_name(run: Run) -> str:
    assert run.project.config is not None
    return run.options.engine_name or engine_choice(run.project.config)


def engine_issue(run: Run, problem: EngineProblem) -> Issue:
    """An engine's problem as a message naming the source file of its page."""
    route = run.routes.by_file.get(problem.page) if problem.page else None
    return ENGINE_FAILED.at(
        route.source if route is not None else ENGINE_SETTINGS,
        page=f" (pagina {route.path})" if route is not None else "",
        engine=ENGINES.get(name := _engine_name(run), name),
        detail=problem.text,
    )


def engine(run: Run) -> list[Issue]:
    """Let the engine build the staging folder into the site."""
    options, staged = run.options, run.staged
    assert staged is not None
    if options.engine == "outside":
        return []  # MkDocs itself builds (the plugin)
    if options.engine == "in-process":
        problems = build_in_process(staged.config_file, run.site, dirty=options.dirty)
    else:
        halves = split_staging(staged)  # two engine processes on two cores, when it is large
        name = _engine_name(run)
        if halves or not runs_here(name):
            problems = run_engine(name, staged.config_file, run.site, halves)
        else:  # a small site: here, without starting Python and importing the engine again
            problems = build_in_process(staged.config_file, run.site)
    return [engine_issue(run, p) for p in problems]


def redirects(run: Run) -> list[Issue]:
    """The short links and renames, as small pages."""
    if not run.options.redirects:
        return []
    return write_redirects(run.site, run.project.redirects, run.site_url, run.routes)


def check_routes(run: Run) -> list[Issue]:
    """Every route has its built page and every built page is a route (or a redirect, an
    asset or the engine's 404 page). With ``checked`` (serve, after rendering some routes): the
    pages of those routes are there (the others and the pages of no route are the last
    build's, which was checked whole)."""
    table, checked = run.routes, run.options.checked
    expected = [r.built for r in table if r.staged and (checked is None or r.built in checked)]
    known = {r.built for r in table if not r.staged}  # the web editor: written after the checks
    known |= {r.source.strip("/") + "/index.html" for r in run.project.redirects}
    assets = run.root / ASSETS
    known |= {p.relative_to(assets).as_posix() for p in assets.rglob("*.html") if p.is_file()}
    missing, extra = route_problems(run.site, expected, known, whole=checked is None)
    issues = []
    for file in missing:
        route = table.by_built[file]
        issues.append(MISSING_PAGE.at(route.source, page=route.path, file=file))
    issues += [ORPHAN_PAGE.at(ENGINE_SETTINGS, file=file) for file in extra]
    return issues


def _source_of_request(run: Run, file: str, url: str) -> tuple[str, Pos | None]:
    """The project file a request of a built file comes from, and where in it: the asset in
    templates/assets/ the file is a copy of; or the page's route's source or a template of the
    theme or the pages that holds the address; else the route's source, or the engine settings
    for a file of the theme's own (the 404 page)."""
    asset = run.root / ASSETS / file
    if asset.is_file():
        return (ASSETS / file).as_posix(), _place_of(asset, url)
    route = run.routes.by_built.get(file)
    templates = run.root / "templates"
    candidates = [
        *([run.root / route.source] if route is not None else []),
        *sorted((templates / "overrides").rglob("*.html")),
        *sorted((templates / "pages").rglob("*.j2")),
    ]
    for candidate in candidates:
        place = _place_of(candidate, url)
        if place is not None:
            return candidate.relative_to(run.root).as_posix(), place
    return (route.source if route is not None else ENGINE_SETTINGS), None


def check_hosts(run: Run) -> list[Issue]:
    """No page or stylesheet makes a request to another host."""
    own_host = urlparse(run.site_url).hostname if run.site_url else None
    issues = []
    for request in third_party_requests(run.site, own_host, run.options.checked):
        source, place = _source_of_request(run, request.file, request.url)
        route = run.routes.by_built.get(request.file)
        page = route.path if route is not None else request.file
        issues.append(OTHER_HOST.at(source, place, page=page, host=request.host, url=request.url))
    return issues


def _index(run: Run) -> list[Issue]:
    files = [r.built for r in run.routes if r.searched and r.staged]
    background = run.options.search == "background"
    problem = index_site(run.site, files=files, background=background)
    return [] if problem is None else [SEARCH_FAILED.at(ENGINE_SETTINGS, detail=problem)]


def search(run: Run) -> list[Issue]:
    """The search index, in parts (now, or after the page is served)."""
    if run.options.search == "background" and run.background is not None:
        run.background(lambda: _index(run))
        return []
    return _index(run)


def policy(run: Run) -> list[Issue]:
    """The Content-Security-Policy of every page."""
    if run.options.policy:
        apply_policy(run.site)
    return []


def web_editor(run: Run) -> list[Issue]:
    """The admin page, when site_config/webeditor.yaml asks for one."""
    from sop_builder.editor.admin import write_admin
    from sop_builder.editor.assets import AssetsUnavailable, is_cached

    config = run.project.config
    if not run.options.web_editor or config is None or config.webeditor is None:
        return []
    if not is_cached():
        run.echo(
            "De webeditor (Decap CMS, 6 MB) wordt eenmalig gedownload van registry.npmjs.org.\n"
        )
    try:
        write_admin(run.site, config, run.project.root, run.site_url)
    except AssetsUnavailable as exc:
        source = next(r.source for r in run.routes if r.kind is Kind.WEB_EDITOR)
        return [WEB_EDITOR_FAILED.at(source, detail=str(exc))]
    return []


@dataclass(frozen=True)
class Step:
    """One step of the pipeline. A check only reads the built site: the checks that follow
    each other all run, so that one build reports what each of them finds."""

    name: str
    run: Callable[[Run], list[Issue]]
    check: bool = False


ENGINE_STEP = "engine"
STEPS: tuple[Step, ...] = (
    Step("templates", check_templates),
    Step("stage", stage),  # render, glossary links, internal text, staging folder
    Step("release memory", release),
    Step(ENGINE_STEP, engine),
    Step("redirects", redirects),
    Step("routes", check_routes, check=True),
    Step("hosts", check_hosts, check=True),
    Step("search", search),
    Step("policy", policy),
    Step("web editor", web_editor),
)


def build(run: Run, after: str | None = None, until: str | None = None) -> list[Issue]:
    """Run the steps in order (only those after the step ``after`` and before the step
    ``until``, when given); the problems of the first step that found any (of the checks
    that follow each other: all of theirs). Empty: the site in ``run.site`` may be published."""
    names = [s.name for s in STEPS]
    start = names.index(after) + 1 if after is not None else 0
    stop = names.index(until) if until is not None else len(STEPS)
    issues: list[Issue] = []
    previous: Step | None = None
    for step in STEPS[start:stop]:
        if issues and not (step.check and previous is not None and previous.check):
            break
        issues += step.run(run)
        previous = step
    return issues
