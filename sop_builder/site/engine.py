"""The engine glue: the only module that imports the site engine (MkDocs or ProperDocs).

The engine builds the staging folder (`site/staging.py`): plain source files and a plain
mkdocs.yml. `run_engine` builds a large site in two processes of their own (`python -m
sop_builder.site.engine ENGINE CONFIG SITE`), so the engine's memory is given back when it is
done; ProperDocs always runs in a process of its own (``import properdocs.replacement`` turns
every ``mkdocs`` import of that process into ProperDocs). `build_in_process` is the same build
inside the calling process: for `serve`, which rebuilds only the pages whose source changed, and
for a site too small to split (`runs_here`), where starting Python and importing the engine
would cost a quarter of the build.

Our pages are raw HTML blocks between Markdown headings; the engine's Markdown would parse
every block with Python's HTMLParser only to pass it on unchanged. Here a small plugin takes the
blocks out of Markdown's way and puts them back (`site/rawhtml.py`, tested against Markdown
itself), so the engine's Markdown reads only the headings. Any engine that does not run it
(plain ``mkdocs build -f``, Zensical) gives the same pages, more slowly.

Every import of the engine is inside a function, so that the engine is chosen before it is
imported. `plugin_class` makes the class of the ``sop-builder`` MkDocs plugin (the entry point
is ``sop_builder.publish.plugin:SopBuilderPlugin``) from the build pipeline's steps that it is
given, so ``mkdocs build`` in a project runs the same steps as ``sop-builder bouw``.
"""

from __future__ import annotations

import gzip
import html
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from sop_builder.site import compiled
from sop_builder.site.rawhtml import restore_html_blocks, stash_html_blocks

if TYPE_CHECKING:
    from sop_builder.site.staging import Half

ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}  # see project/build_settings.py
DEFAULT_ENGINE = "mkdocs"
_CHOSEN: list[str] = []  # the engine this process has imported


def chosen() -> str | None:
    """The engine this process has imported (None: not yet)."""
    return _CHOSEN[0] if _CHOSEN else None


def runs_here(engine: str) -> bool:
    """Whether this process can build with ``engine`` itself: it runs that engine already, or
    none yet and ``engine`` is the default (a process is never turned into ProperDocs on the
    way: everything after would import ProperDocs as ``mkdocs``)."""
    return (_CHOSEN[0] if _CHOSEN else DEFAULT_ENGINE) == engine


def use_engine(engine: str) -> None:
    """Make ``engine`` the one this process imports as ``mkdocs`` (before any engine import)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    if _CHOSEN and _CHOSEN[0] != engine:
        raise RuntimeError(f"this process already runs {_CHOSEN[0]}, not {engine}")
    if not _CHOSEN:
        if engine == "properdocs":
            import properdocs.replacement  # noqa: F401  (mkdocs.* now means properdocs.*)
        _CHOSEN.append(engine)


@dataclass(frozen=True)
class EngineProblem:
    """What made the engine stop: its words, and the staged file they are about (as the engine
    named it, e.g. ``scholen/x/index.md``; None when it named none). The caller names the
    source file of that page (the route table's)."""

    text: str
    page: str | None = None

    @classmethod
    def from_warning(cls, message: str) -> EngineProblem:
        page = re.search(r"'([^']+\.md)'", message)
        return cls(message, page.group(1) if page else None)


def _same_as_written(output: str, path: str) -> bool:
    """Whether the file at ``path`` holds ``output`` already (what the engine would write)."""
    data = output.encode("utf-8", errors="xmlcharrefreplace")
    try:
        return os.path.getsize(path) == len(data) and Path(path).read_bytes() == data
    except OSError:
        return False


class _LanguageItem:
    """One entry of the navigation of the site in another language: the Dutch navigation's
    page or group, shown as that language's page under the label its front matter gives
    (``menu``, else its title, both in that language: site/pages.py ``in_language``). The theme
    reads what a page or section of the engine has; a label still in Dutch is marked so."""

    is_link = False

    def __init__(self, page: Any = None, children: list[_LanguageItem] | None = None) -> None:
        self.page, self.children = page, children
        self.is_page, self.is_section = page is not None, children is not None
        self.meta = page.meta if page is not None else {}
        self.url = page.url if page is not None else None
        self.dutch_title = ""  # a group's label in the Dutch navigation

    @property
    def title(self) -> str:
        if self.page is None:  # a group: named by the first of its pages that names it
            named = [c.page.meta["groep"] for c in self.children or () if c.page.meta.get("groep")]
            return (
                str(named[0]) if named else f'<span lang="nl" dir="ltr">{self.dutch_title}</span>'
            )
        meta = self.page.meta
        label = str(meta.get("menu") or meta.get("title") or "")
        return f'<span lang="nl" dir="ltr">{label}</span>' if meta.get("titel_nl") else label

    @property
    def active(self) -> bool:
        if self.page is not None:
            return bool(self.page.active)
        return any(child.active for child in self.children or ())

    def __eq__(self, other: object) -> bool:  # the theme asks `nav_item == page`
        return other is self or (self.page is not None and other is self.page)

    __hash__ = object.__hash__


@dataclass
class _LanguageNavigation:
    items: list[_LanguageItem]
    homepage: Any


def _language_navigation(nav: Any, files: Any, code: str) -> _LanguageNavigation | None:
    """The Dutch navigation ``nav`` as the site in ``code`` shows it: each page replaced by
    that language's page (/<code>/...), a group labelled by the first of its pages that names
    it (``groep``); None when the staged site has no pages in that language."""

    def item(entry: Any) -> _LanguageItem | None:
        if entry.is_section:
            children = [c for c in (item(child) for child in entry.children) if c is not None]
            group = _LanguageItem(children=children)
            group.dutch_title = entry.title
            return group if children else None
        if entry.is_page:
            found = files.get_file_from_path(f"{code}/{entry.file.src_uri}")
            return _LanguageItem(page=found.page) if found is not None and found.page else None
        return None

    home = files.get_file_from_path(f"{code}/index.md")
    if home is None or home.page is None:
        return None
    items = [i for i in (item(entry) for entry in nav.items) if i is not None]
    return _LanguageNavigation(items, home.page)


# Files of the theme that no page of the site uses: the theme's own search (its worker and the
# word lists of its search index, lunr; the site searches with Pagefind) and the source maps of
# its scripts and styles (read only by a browser's developer tools). About 2.7 MB per build.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
UNUSED_THEME_ENDINGS = (".min.js.map", ".min.css.map")


def _unused_theme_file(file: Any, docs_dir: str) -> bool:
    """Whether ``file`` (an engine's File) is one of the theme's that the site does not use."""
    if os.path.normpath(file.src_dir or "") == os.path.normpath(docs_dir):
        return False  # the staged site's own files are all used
    uri = str(file.src_uri)
    return uri.startswith(UNUSED_THEME_FILES) or uri.endswith(UNUSED_THEME_ENDINGS)


def _without_unused_theme_files(files: Any, docs_dir: str) -> Any:
    for file in [f for f in files if _unused_theme_file(f, docs_dir)]:
        files.remove(file)
    return files


def _pass_through(dirty: bool = False) -> Any:
    """The plugin that lets raw HTML blocks pass the engine's Markdown unparsed.

    With ``dirty`` (an incremental build into a site that exists), a page or theme file (404,
    sitemap) whose output is what its file holds already is not written again: the engine
    skips empty output, so only files whose bytes change get a new modification time.
    """
    from mkdocs.config.base import LegacyConfig
    from mkdocs.plugins import BasePlugin

    class RawHtmlPassThrough(BasePlugin[LegacyConfig]):  # no options of its own
        def __init__(self) -> None:
            self.stashed: dict[str, list[str]] = {}
            self.navigations: dict[str, _LanguageNavigation] = {}

        def on_nav(self, nav: Any, *, config: Any, files: Any, **_: Any) -> Any:
            languages = (config.extra or {}).get("sop_talen") or []
            self.navigations = {}
            for language in languages:
                code = language.get("code")
                found = _language_navigation(nav, files, code) if code != "nl" else None
                if found is not None:
                    self.navigations[code] = found
            return nav

        def on_page_context(self, context: Any, *, page: Any, **_: Any) -> Any:
            code = page.meta.get("taal") if page.meta else None
            if code in self.navigations:  # a page of the site in another language
                context["nav"] = self.navigations[code]
            return context

        def on_files(self, files: Any, *, config: Any, **_: Any) -> Any:
            return _without_unused_theme_files(files, config.docs_dir)

        def on_page_markdown(self, markdown: str, *, page: Any, **_: Any) -> str:
            markdown, self.stashed[page.file.src_uri] = stash_html_blocks(markdown)
            return markdown

        def on_page_content(self, html: str, *, page: Any, **_: Any) -> str:
            return restore_html_blocks(html, self.stashed.pop(page.file.src_uri, []))

        def on_env(self, env: Any, **_: Any) -> Any:
            env.bytecode_cache = compiled.THEME  # compiled once per process (serve)
            return env

        def on_post_page(self, output: str, *, page: Any, **_: Any) -> str:
            # The engine keeps every page's Markdown and HTML to the end of the build (600 MB
            # at 7,000 schools); once a page is rendered, nothing of the build reads them again.
            page.markdown, page.content = None, None
            if dirty and _same_as_written(output, page.file.abs_dest_path):
                return ""
            return output

        def on_post_template(self, output: str, *, template_name: str, config: Any) -> str:
            path = os.path.join(config.site_dir, template_name)
            if dirty and _same_as_written(output, path):
                return ""
            return output

    return RawHtmlPassThrough()


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


def build_in_process(config_file: Path, site_dir: Path, dirty: bool = False) -> list[EngineProblem]:
    """Build the staging folder of ``config_file`` into ``site_dir`` (strict); problems.

    With ``dirty`` only pages whose source is newer than their built page are rebuilt, and
    only files whose bytes change are written.
    """
    use_engine(_CHOSEN[0] if _CHOSEN else DEFAULT_ENGINE)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("properdocs").setLevel(logging.WARNING)
    for name in ("mkdocs.commands.build", "properdocs.commands.build"):
        logger = logging.getLogger(name)
        if _not_dirty_warning not in logger.filters:
            logger.addFilter(_not_dirty_warning)  # a dirty build is what serve wants
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    warnings = _Warnings()
    logger.addHandler(warnings)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins["sop-builder-raw-html"] = _pass_through(dirty)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        return [
            *(EngineProblem.from_warning(m) for m in warnings.messages),
            EngineProblem(str(exc)),
        ]
    except Exception as exc:  # as a process of its own would say it: no trace
        return [EngineProblem(f"{type(exc).__name__}: {exc}")]
    finally:
        logger.removeHandler(warnings)
    return []


class _Warnings(logging.Handler):
    """The engine's warnings, kept to say what made a strict build stop."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _command(engine: str, config_file: Path, site_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "sop_builder.site.engine",
        engine,
        str(config_file),
        str(site_dir),
    ]


PROBLEM_MARK = "sop-builder-probleem: "  # a line of ``main`` that holds one EngineProblem


def _problems(engine: str, returncode: int, output: str) -> list[EngineProblem]:
    """The problems the engine's process printed (``main``), or the end of what it said."""
    if returncode == 0:
        return []
    found, other = [], []
    for line in output.splitlines():
        if line.startswith(PROBLEM_MARK):
            data = json.loads(line[len(PROBLEM_MARK) :])
            found.append(EngineProblem(data["tekst"], data["pagina"]))
        elif line.strip():
            other.append(line)
    if found:
        return found
    return [
        EngineProblem(
            " ".join(other[-10:]) or f"{ENGINES.get(engine, engine)} stopte zonder uitleg."
        )
    ]


def run_engine(
    engine: str, config_file: Path, site_dir: Path, halves: list[Half] | None = None
) -> list[EngineProblem]:
    """Build the staging folder with ``engine`` in a process of its own; problems.

    With ``halves`` (`split_staging`), two engine processes build the two halves side by side
    into folders beside ``site_dir``; the second half's pages then join the first half's site,
    and the two sitemaps become one, in the order one build would give.
    """
    if not halves:
        try:
            run = subprocess.run(
                _command(engine, config_file, site_dir),
                capture_output=True,
                text=True,
                timeout=3600,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return [EngineProblem(str(exc))]
        return _problems(engine, run.returncode, run.stdout + run.stderr)
    sites = [site_dir.with_name(f"{site_dir.name}-{n}") for n in range(1, len(halves) + 1)]
    problems: list[EngineProblem] = []
    with tempfile.TemporaryFile("w+") as log_1, tempfile.TemporaryFile("w+") as log_2:
        logs = [log_1, log_2]
        started = [
            subprocess.Popen(
                _command(engine, h.config_file, site), stdout=log, stderr=log, text=True
            )
            for h, site, log in zip(halves, sites, logs, strict=True)
        ]
        for process, log in zip(started, logs, strict=True):
            code = process.wait(timeout=3600)
            log.seek(0)
            problems += _problems(engine, code, log.read())
    if not problems:
        first, second = sites
        for unit in halves[1].units:
            (first / unit).parent.mkdir(parents=True, exist_ok=True)
            (second / unit).rename(first / unit)
        _join_sitemaps(first, second)
        first.rename(site_dir)
    for site in sites:
        if site.exists():
            shutil.rmtree(site)
    return problems


_URL = re.compile(r"\s*<url>.*?</url>", re.S)


def _sitemap_key(block: str, root: str) -> tuple[Any, ...]:
    """Where one build lists a page: the engine walks the folders in order, each folder's
    index.md and files before its subfolders."""
    loc = re.search(r"<loc>([^<]*)</loc>", block)
    path = urlsplit(html.unescape(loc.group(1))).path if loc else ""
    parts = [p for p in path[len(root) :].split("/") if p] if path.startswith(root) else []
    return (*((1, p) for p in parts), (0, False, "index.md"))


def _join_sitemaps(first: Path, second: Path) -> None:
    """The sitemap of ``first`` with the pages of ``second`` that it lacks, in build order."""
    file = first / "sitemap.xml"
    if not file.is_file() or not (second / "sitemap.xml").is_file():
        return
    text = file.read_text(encoding="utf-8")
    own = _URL.findall(text)
    seen = set(own)
    other = [b for b in _URL.findall((second / "sitemap.xml").read_text(encoding="utf-8"))]
    blocks = own + [b for b in other if b not in seen]
    locs = [re.search(r"<loc>([^<]*)</loc>", b) for b in own[:1]]
    root = "/"
    if locs and locs[0]:
        root = urlsplit(html.unescape(locs[0].group(1))).path or "/"  # the home page comes first
    blocks.sort(key=lambda b: _sitemap_key(b, root))
    start, end = text.index(own[0]) if own else text.rindex("</urlset>"), text.rindex("</urlset>")
    if own:
        end_own = text.index(own[-1]) + len(own[-1])
        joined = text[:start] + "".join(blocks) + text[end_own:]
    else:
        joined = text[:start] + "".join(blocks) + text[end:]
    file.write_text(joined, encoding="utf-8")
    gz = first / "sitemap.xml.gz"
    mtime = int.from_bytes(gz.read_bytes()[4:8], "little") if gz.is_file() else 0
    with (
        gz.open("wb") as out,
        gzip.GzipFile(fileobj=out, filename=str(gz), mode="wb", mtime=mtime) as packed,
    ):
        packed.write(joined.encode("utf-8"))


def serve_site(site_dir: Path, address: str, rebuild: Any, watched: list[Path]) -> None:
    """Serve ``site_dir`` on ``address`` and call ``rebuild()`` when a watched file changes;
    until Ctrl+C.

    The engine's live-reload server holds requests while ``rebuild`` runs and reloads open pages
    after it. ``rebuild`` returns the folder to serve from then on.
    """
    use_engine(_CHOSEN[0] if _CHOSEN else DEFAULT_ENGINE)
    from mkdocs.livereload import LiveReloadServer

    host, _, port = address.rpartition(":")
    server: Any = None

    def builder() -> None:
        server.root = str(Path(rebuild()).resolve())

    def not_found(code: int) -> bytes | None:
        page = Path(server.root) / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None

    server = LiveReloadServer(
        builder=builder, host=host, port=int(port), root=str(site_dir), polling_interval=0.2
    )
    server.error_handler = not_found
    for path in watched:
        if path.exists():
            server.watch(str(path))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


class PluginHooks(Protocol):
    """What the `sop-builder` MkDocs plugin runs around MkDocs' own build (the steps of the
    build pipeline before and after the engine; publish/plugin.py gives them)."""

    def before_engine(self, config_file: Path, site_dir: Path) -> PluginStart:
        """Stage the site; raise `PluginRefusal` with the problems to stop."""
        ...

    def after_engine(self, site_dir: Path) -> None:
        """Finish and check the built site; raise `PluginRefusal` with the problems to stop."""
        ...


@dataclass(frozen=True)
class PluginStart:
    """Where the staged site is, for MkDocs' configuration."""

    docs_dir: Path
    nav: list[Any]
    site_name: str


class PluginRefusal(Exception):
    """The plugin's steps found problems: MkDocs stops with this text."""


def plugin_class(make_hooks: Callable[[], PluginHooks]) -> type:
    """``SopBuilderPlugin``: `mkdocs build` in a project runs the build pipeline's steps
    (``make_hooks()``, one per build) around MkDocs' own build of the staged site."""
    from mkdocs.config.base import LegacyConfig
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import BasePlugin

    class SopBuilderPlugin(BasePlugin[LegacyConfig]):  # no options of its own
        def __init__(self) -> None:
            self.raw = _pass_through()
            self.hooks = make_hooks()

        def on_config(self, config: Any) -> Any:
            try:
                start = self.hooks.before_engine(
                    Path(config.config_file_path), Path(config.site_dir)
                )
            except PluginRefusal as exc:
                raise PluginError(str(exc)) from None
            config.docs_dir = str(start.docs_dir)
            config.nav = start.nav
            config.site_name = start.site_name
            return config

        def on_page_markdown(self, markdown: str, **kwargs: Any) -> str:
            return str(self.raw.on_page_markdown(markdown, **kwargs))

        def on_page_content(self, html: str, **kwargs: Any) -> str:
            return str(self.raw.on_page_content(html, **kwargs))

        def on_files(self, files: Any, **kwargs: Any) -> Any:
            return self.raw.on_files(files, **kwargs)

        def on_nav(self, nav: Any, **kwargs: Any) -> Any:
            return self.raw.on_nav(nav, **kwargs)

        def on_page_context(self, context: Any, **kwargs: Any) -> Any:
            return self.raw.on_page_context(context, **kwargs)

        def on_post_build(self, *, config: Any) -> None:
            try:
                self.hooks.after_engine(Path(config.site_dir))
            except PluginRefusal as exc:
                raise PluginError(str(exc)) from None

    return SopBuilderPlugin


def main(argv: list[str]) -> int:
    """``python -m sop_builder.site.engine ENGINE CONFIG SITE``: build, print problems (one
    line each, marked, for `run_engine`)."""
    engine, config_file, site_dir = argv
    use_engine(engine)
    problems = build_in_process(Path(config_file), Path(site_dir))
    for problem in problems:
        data = {"tekst": problem.text, "pagina": problem.page}
        print(PROBLEM_MARK + json.dumps(data, ensure_ascii=False), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
