"""`sop-builder bekijk`: the site on your own computer, rebuilt after each edit, quickly.

Between edits the serve session keeps the project (`ProjectState`: each school folder's
validated result), the staging folder and the built site in ``.sop-builder/serve/``. After an
edit:

1. only the changed school folders are read again; the checks across schools run again;
2. only the pages that can depend on them are rendered again: the pages of the changed schools,
   of the schools whose finder entry changed with them (the "sterk in" of a school depends on
   what the other schools offer), and every page about many schools (home, finder, kernen,
   offer, ...). A staged file is rewritten only when its text changed;
3. the engine rebuilds only the pages whose staged file is newer than the built page (MkDocs's
   "dirty" build), in this process;
4. the page is served, and the search index is made again afterwards, in the background.

A change in site_config/, templates/, mkdocs.yml or content/ outside content/schools/, or a school
added, removed or renamed, renders every page (still rewriting only what changed); a change of
the theme's overrides or of mkdocs.yml rebuilds every page. While the content has errors,
every address shows them, in Dutch, until they are solved.
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
from sop_builder.core.lock import BUILD_LOCK, SERVE_LOCK, Busy, project_lock
from sop_builder.project import report
from sop_builder.project.build_settings import engine_choice
from sop_builder.project.files import SCHOOLS_DIR
from sop_builder.project.load import ProjectState, folder_stamp
from sop_builder.project.project import Project, reference_date
from sop_builder.site import engine
from sop_builder.site.finder import FinderEntry, build_finder
from sop_builder.site.redirects import school_titles, write_redirects
from sop_builder.site.render import TemplateMissing, missing_template_folders
from sop_builder.site.search import index_site
from sop_builder.site.staging import (
    CONFIG_FILE,
    DOCS_DIR,
    OVERRIDES,
    TEMPLATE_FOLDERS,
    engine_settings,
    read_engine_settings,
    site_address,
    stage_site,
)

WORK_DIR = Path(".sop-builder/serve")
# What, when changed, makes every page render again (besides the set of school folders).
EVERYTHING = ("site_config", "templates", "content")
THEME = (str(OVERRIDES), CONFIG_FILE)  # what, when changed, makes the engine rebuild every page


def error_page(project: Project) -> str:
    """The one page of the site while the content has errors: what to solve, in Dutch."""
    text = html.escape(report.render(project, "text"))
    return (
        "---\ntitle: Fouten in de inhoud\n---\n\n# De site kan niet worden gebouwd\n\n"
        '<div class="sop-errors">\n<p>Los deze problemen op; de site wordt dan vanzelf '
        f"opnieuw gebouwd.</p>\n<pre>{text}</pre>\n</div>\n"
    )


@dataclass
class Rebuild:
    """What one rebuild did (for tests and the bench)."""

    everything: bool
    schools: set[str] = field(default_factory=set)  # the slugs whose pages were rendered
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
        self.entries: dict[str, FinderEntry] = {}  # each school's finder entry at the last build
        self.names: dict[str, tuple[str, str]] = {}  # each school's name and code, the same
        self.stamps: dict[str, Any] = {}  # of everything outside the school folders
        self.pending: set[str] = set()  # folders changed since the last successful build
        self.built = False
        self.last: Rebuild | None = None
        self.indexing = threading.Lock()
        self.after_index: Callable[[], None] | None = None

    def _outside_stamps(self) -> dict[str, Any]:
        stamps: dict[str, Any] = {}
        for name in EVERYTHING:
            found = folder_stamp(self.root / name, recursive=True)
            if name == "content":
                schools = SCHOOLS_DIR.relative_to("content").as_posix() + "/"
                found = tuple(f for f in found if not f[0].startswith(schools))
            stamps[name] = found
        for name in THEME:
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
            return self._error_site(project)
        if not engine.chosen():
            engine.use_engine(self.engine_name or engine_choice(project.config))
        stamps = self._outside_stamps()
        theme_changed = any(stamps[n] != self.stamps.get(n) for n in THEME)
        everything = not self.built or any(stamps[n] != self.stamps.get(n) for n in stamps)
        finder = build_finder(
            project.schools, project.config, project.compliance, project.today, project.postcodes
        )
        entries = {e.slug: e for e in finder.entries}
        names = {s.slug: (s.front.name, s.front.vestigingscode) for s in project.schools}
        if names != self.names:
            everything = True  # a school added, removed or renamed: redirects, names, lists
        schools = None
        if not everything:
            changed = {slug for slug, entry in entries.items() if self.entries.get(slug) != entry}
            schools = changed | (self.pending & set(names))
        try:
            staged = stage_site(project, self.root, self.staging, schools=schools)
        except TemplateMissing as exc:
            print(exc.message())  # the page served stays as it was
            return self.site
        dirty = self.built and not theme_changed and not everything
        problems = engine.build_in_process(staged.config_file, self.site, dirty=dirty)
        if problems:
            print("\n".join(problems))
            return self.site
        if everything:
            address = site_address(project, read_engine_settings(staged.config_file))
            write_redirects(self.site, project.redirects, address, school_titles(project))
        self.entries, self.names, self.stamps = entries, names, stamps
        self.pending, self.built = set(), True
        self.last = Rebuild(everything, set(names) if schools is None else schools, staged.changed)
        threading.Thread(target=self._index, daemon=True).start()
        return self.site

    def _index(self) -> None:
        """Make the search index again, after the page is served."""
        with self.indexing:
            problems = index_site(self.site, background=True)
        if problems:
            print("\n".join(problems))
        if self.after_index is not None:
            self.after_index()

    def _error_site(self, project: Project) -> Path:
        staging = self.error_site / "staging"
        if staging.exists():
            shutil.rmtree(staging)
        write_atomic(staging / DOCS_DIR / "index.md", error_page(project))
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
        raise SystemExit("\n".join(missing))
    try:
        with project_lock(Path(root), SERVE_LOCK, wait=False, note_holder=True):
            session = ServeSession(root, engine_name=engine_name)

            def rebuild() -> Path:  # one build at a time in a project (publish/atomic.py)
                with project_lock(session.root, BUILD_LOCK, waiting=_waits, note_holder=True):
                    return session.rebuild()

            first = rebuild()
            watched = [session.root / name for name in (*EVERYTHING, CONFIG_FILE)]
            engine.serve_site(first, address, rebuild, watched)
    except Busy as busy:  # a second `bekijk` would rebuild the same .sop-builder/serve/
        issue = ALREADY_SERVING.at(str(WORK_DIR), holder=busy.holder)
        raise SystemExit(f"{issue.message} Tip: {issue.hint}") from None


def _waits(holder: str) -> None:
    print(f"Er wordt al gebouwd in deze map ({holder}); de site wordt daarna bijgewerkt.")
