"""The engine glue: the only module that imports the site engine (MkDocs or ProperDocs).

The engine builds the staging folder (`site/staging.py`): plain source files and a plain
mkdocs.yml. `run_engine` builds it in a process of its own (`python -m sop_builder.site.engine
ENGINE CONFIG SITE`), so the engine's memory is given back when it is done and ProperDocs can
take MkDocs's place (``import properdocs.replacement`` turns every ``mkdocs`` import of that
process into ProperDocs). `build_in_process` is the same build inside the calling process, for
`serve`, which rebuilds only the pages whose source changed.

Our pages are raw HTML blocks between Markdown headings; the engine's Markdown would parse
every block with Python's HTMLParser only to pass it on unchanged. Here a small plugin takes the
blocks out of Markdown's way and puts them back (`site/rawhtml.py`, tested against Markdown
itself), so the engine's Markdown reads only the headings. Any engine that does not run it
(plain ``mkdocs build -f``, Zensical) gives the same pages, more slowly.

Every import of the engine is inside a function, so that the engine is chosen before it is
imported. ``SopBuilderPlugin`` (the entry point ``sop-builder`` of ``mkdocs.plugins``) keeps
``mkdocs build`` in a project working: it stages the site and lets MkDocs build that.
"""

from __future__ import annotations

import gzip
import html
import logging
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sop_builder.site.rawhtml import restore_html_blocks, stash_html_blocks

if TYPE_CHECKING:
    from sop_builder.site.staging import Half

ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}  # see project/build_settings.py
DEFAULT_ENGINE = "mkdocs"
_CHOSEN: list[str] = []  # the engine this process has imported


def chosen() -> str | None:
    """The engine this process has imported (None: not yet)."""
    return _CHOSEN[0] if _CHOSEN else None


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


def _pass_through() -> Any:
    """The plugin that lets raw HTML blocks pass the engine's Markdown unparsed."""
    from mkdocs.plugins import BasePlugin

    class RawHtmlPassThrough(BasePlugin):
        def __init__(self) -> None:
            self.stashed: dict[str, list[str]] = {}

        def on_page_markdown(self, markdown: str, *, page: Any, **_: Any) -> str:
            markdown, self.stashed[page.file.src_uri] = stash_html_blocks(markdown)
            return markdown

        def on_page_content(self, html: str, *, page: Any, **_: Any) -> str:
            return restore_html_blocks(html, self.stashed.pop(page.file.src_uri, []))

        def on_post_page(self, output: str, *, page: Any, **_: Any) -> str:
            # The engine keeps every page's Markdown and HTML to the end of the build (600 MB
            # at 7,000 schools); once a page is rendered, nothing of the build reads them again.
            page.markdown, page.content = None, None
            return output

    return RawHtmlPassThrough()


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


def build_in_process(config_file: Path, site_dir: Path, dirty: bool = False) -> list[str]:
    """Build the staging folder of ``config_file`` into ``site_dir`` (strict); problems.

    With ``dirty`` only pages whose source is newer than their built page are rebuilt.
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
        config.plugins["sop-builder-raw-html"] = _pass_through()
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        return [
            *(engine_problem(m) for m in warnings.messages),
            f"{ENGINES[_CHOSEN[0]]} kon de site niet bouwen: {exc}",
        ]
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


def _source_of(page: str) -> str:
    """The file a staged page comes from, for a message about it."""
    parts = page.removesuffix(".md").removesuffix("/index").split("/")
    if parts[0] == "scholen" and len(parts) >= 2:
        return f"content/schools/{parts[1]}/sop.md"
    if parts[0] == "aanbod" and len(parts) == 3:
        return f"content/{'/'.join(parts)}.md"
    return "site_config/"


def engine_problem(message: str) -> str:
    """One warning of the engine as a message that names the file it comes from."""
    page = re.search(r"'([^']+\.md)'", message)
    where = _source_of(page.group(1)) if page else "site_config/"
    return (
        f"{where}:1:1: fout De site kan niet worden gebouwd: {message} "
        "Tip: Voer 'sop-builder controleer' uit en los eerst de meldingen over dit bestand op; "
        "meld het anders bij de beheerder van sop-builder."
    )


def _command(engine: str, config_file: Path, site_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "sop_builder.site.engine",
        engine,
        str(config_file),
        str(site_dir),
    ]


def _problems(engine: str, returncode: int, output: str) -> list[str]:
    if returncode == 0:
        return []
    lines = [ln for ln in output.splitlines() if ln.strip()]
    return lines[-10:] or [f"{ENGINES.get(engine, engine)} stopte zonder uitleg."]


def run_engine(
    engine: str, config_file: Path, site_dir: Path, halves: list[Half] | None = None
) -> list[str]:
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
            return [f"{ENGINES.get(engine, engine)} kon de site niet bouwen: {exc}"]
        return _problems(engine, run.returncode, run.stdout + run.stderr)
    sites = [site_dir.with_name(f"{site_dir.name}-{n}") for n in range(1, len(halves) + 1)]
    problems: list[str] = []
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


def _plugin_class() -> type:
    """``SopBuilderPlugin``: `mkdocs build` in a project stages the site and builds that."""
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import BasePlugin

    class SopBuilderPlugin(BasePlugin):
        def __init__(self) -> None:
            self.staging = tempfile.TemporaryDirectory(prefix="sop-builder-staging-")
            self.raw = _pass_through()
            self.project: Any = None
            self.site_url: str | None = None

        def on_config(self, config: Any) -> Any:
            from sop_builder.project import report
            from sop_builder.project.load import load_project
            from sop_builder.site.staging import (
                DOCS_DIR,
                read_engine_settings,
                site_address,
                stage_site,
                staged_navigation,
            )

            root = Path(config.config_file_path).parent
            project = load_project(root, internal=False)
            if project.errors or project.config is None:
                raise PluginError(
                    "De inhoud bevat fouten; de site is niet gebouwd.\n"
                    + report.render(project, "text")
                )
            stage_site(project, root, Path(self.staging.name))
            config.docs_dir = str(Path(self.staging.name) / DOCS_DIR)
            config.nav = staged_navigation(project)
            config.site_name = project.config.swv.short_name
            self.site_url = site_address(
                project, read_engine_settings(Path(config.config_file_path))
            )
            self.project = project
            return config

        def on_page_markdown(self, markdown: str, **kwargs: Any) -> str:
            return str(self.raw.on_page_markdown(markdown, **kwargs))

        def on_page_content(self, html: str, **kwargs: Any) -> str:
            return str(self.raw.on_page_content(html, **kwargs))

        def on_post_build(self, *, config: Any) -> None:
            from sop_builder.site.redirects import school_titles, write_redirects
            from sop_builder.site.search import index_site

            problems = write_redirects(
                Path(config.site_dir),
                self.project.redirects,
                self.site_url,
                school_titles(self.project),
            )
            problems = problems or index_site(Path(config.site_dir))
            if problems:
                raise PluginError("\n".join(problems))

    return SopBuilderPlugin


def __getattr__(name: str) -> Any:
    if name == "SopBuilderPlugin":  # the entry point; created on first use (see the docstring)
        return _plugin_class()
    raise AttributeError(name)


def main(argv: list[str]) -> int:
    """``python -m sop_builder.site.engine ENGINE CONFIG SITE``: build, print problems."""
    engine, config_file, site_dir = argv
    use_engine(engine)
    problems = build_in_process(Path(config_file), Path(site_dir))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
