"""The thin MkDocs glue: the only module that imports mkdocs.

It asks the core for validated, rendered pages and hands them to MkDocs as generated files, so
MkDocs never reads content/ itself. `mkdocs build` and `mkdocs serve` work through the plugin;
`build_with_engine` and `serve` are how the rest of sop-builder runs the engine.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sop_builder.project import report
from sop_builder.project.load import Project, load_project
from sop_builder.project.model import Glossary
from sop_builder.project.redirects import Redirect, school_path
from sop_builder.site.glossary import explain_terms
from sop_builder.site.pages import navigation, public_pages
from sop_builder.site.rawhtml import restore_html_blocks, stash_html_blocks
from sop_builder.site.redirects import write_redirects
from sop_builder.site.render import GeneratedPage
from sop_builder.site.sanitize import page_text, page_title
from sop_builder.site.search import index_site

GLOSSARY_PAGE = "woordenlijst.md"
PIECE = 6  # characters of a name that are looked up at once


class ProtectedNames:
    """The names (of the SWV and every school) that occur in a text, found fast.

    `explain_terms` leaves glossary terms inside these names alone. Searching a text for all
    names grows with texts × schools (7,000 schools: 0.1 s a page); only names that occur in the
    text can matter, and `explain_terms` asks for them only for the texts that contain a term.
    Each name is filed under its rarest piece of PIECE characters; a text is searched only for
    the names whose piece it contains. The result is exactly the names whose HTML form occurs.
    """

    def __init__(self, names: list[str]) -> None:
        self.forms: dict[str, list[str]] = {}  # HTML form (as explain_terms escapes) -> names
        for name in dict.fromkeys(n for n in names if n):
            # as written in a Markdown text, and as a template prints a value (page_text)
            for form in {html.escape(name, quote=False), str(page_text(name))}:
                self.forms.setdefault(form, []).append(name)
        self.short = [f for f in self.forms if len(f) < PIECE]
        pieces = {
            f: {f[i : i + PIECE] for i in range(len(f) - PIECE + 1)}
            for f in self.forms
            if len(f) >= PIECE
        }
        frequency: dict[str, int] = {}
        for found in pieces.values():
            for piece in found:
                frequency[piece] = frequency.get(piece, 0) + 1
        self.by_piece: dict[str, list[str]] = {}
        for form, found in pieces.items():
            key = min(found, key=lambda p: (frequency[p], p))  # the rarest piece
            self.by_piece.setdefault(key, []).append(form)

    def in_page(self, page_html: str) -> list[str]:
        forms = [f for f in self.short if f in page_html]
        size = len(page_html) - PIECE + 1
        for piece in {page_html[i : i + PIECE] for i in range(max(size, 0))}:
            forms += [f for f in self.by_piece.get(piece, ()) if f in page_html]
        return [name for form in sorted(forms) for name in self.forms[form]]


class SopBuilderConfig(Config):
    templates = c.Type(str, default="templates")


def _error_page(project: Project) -> GeneratedPage:
    text = html.escape(report.render(project, "text"))
    body = (
        "---\ntitle: Fouten in de inhoud\n---\n\n# De site kan niet worden gebouwd\n\n"
        '<div class="sop-errors">\n<p>Los deze problemen op; de site wordt dan vanzelf '
        f"opnieuw gebouwd.</p>\n<pre>{text}</pre>\n</div>\n"
    )
    return GeneratedPage("index.md", body)


class SopBuilderPlugin(BasePlugin[SopBuilderConfig]):
    """Generates every page from content/ and site_config/ through the sop_builder core."""

    def __init__(self) -> None:
        self.preloaded: Project | None = None
        self.command = "build"
        self.pages: list[GeneratedPage] = []
        self.glossary: Glossary | None = None
        self.names = ProtectedNames([])
        self.redirects: list[Redirect] = []
        self.titles: dict[str, str] = {}
        self.stashed: dict[str, list[str]] = {}  # page -> its raw HTML blocks, during Markdown

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        project, self.preloaded = self.preloaded or load_project(root, internal=False), None
        self.redirects = []
        if project.errors or project.config is None:
            if self.command != "serve":
                raise PluginError(
                    "De inhoud bevat fouten; de site is niet gebouwd.\n"
                    + report.render(project, "text")
                )
            self.pages = [_error_page(project)]
            config.nav = [{"Fouten": "index.md"}]
            return config
        swv = project.config.swv
        config.site_name = Markup(page_title(swv.short_name))  # the theme prints it as HTML
        if swv.site_address and self.command != "serve":  # serve links to itself
            # The site's address is the SWV's data; mkdocs.yml's site_url only a fallback.
            config.site_url = swv.site_address.rstrip("/") + "/"
        config.nav = navigation(swv)
        self.pages = public_pages(project, root / self.config.templates, config.site_url)
        self.redirects = project.redirects
        self.titles = {school_path(s.slug): s.front.name for s in project.schools}
        self.glossary = project.config.glossary
        names = [swv.name, swv.short_name, swv.support_point.name]
        self.names = ProtectedNames(names + [s.front.name for s in project.schools])
        return config

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Take the page's raw HTML blocks out of Markdown's way (see `sop_builder.rawhtml`)."""
        markdown, self.stashed[page.file.src_uri] = stash_html_blocks(markdown)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put the raw HTML blocks back, then link the first use of each glossary term."""
        html = restore_html_blocks(html, self.stashed.pop(page.file.src_uri, []))
        glossary = self.glossary
        if glossary is None or page.file.src_uri == GLOSSARY_PAGE:
            return html
        depth = page.url.count("/")
        return explain_terms(html, glossary, "../" * depth + "woordenlijst/", self.names.in_page)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the redirect pages, then index the finished pages for search."""
        site = Path(config.site_dir)
        problems = write_redirects(site, self.redirects, config.site_url, self.titles)
        problems = problems or index_site(site)
        if problems:
            raise PluginError("\n".join(problems))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Keep static assets only; every page comes from the core."""
        kept = Files([f for f in files if not f.is_documentation_page()])
        for page in self.pages:
            kept.append(File.generated(config, page.src_uri, content=page.content))
        return kept


class _Warnings(logging.Handler):
    """The engine's warnings, kept to say what made a strict build stop."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _source_of(page: str) -> str:
    """The file a generated page comes from, for a message about it."""
    parts = page.removesuffix(".md").split("/")
    if parts[0] == "scholen" and len(parts) >= 2:
        return f"content/schools/{parts[1]}/sop.md"
    if parts[0] == "aanbod" and len(parts) == 3:
        return f"content/{page}"
    return "site_config/"


def engine_problem(message: str) -> str:
    """One warning of the engine as a message that names the file it comes from."""
    page = re.search(r"'([^']+\.md)'", message)
    where = _source_of(page.group(1)) if page else "site_config/"
    return (
        f"{where}:1:1: fout De site kan niet worden gebouwd: {message} "
        "Tip: Voer 'sop-builder check' uit en los eerst de meldingen over dit bestand op; "
        "meld het anders bij de beheerder van sop-builder."
    )


def build_with_engine(root: Path, out_dir: Path, project: Project) -> tuple[str | None, list[str]]:
    """Run MkDocs (strict) on ``project``'s pages into ``out_dir``; return (site_url, errors)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    warnings = _Warnings()
    logger.addHandler(warnings)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out_dir), strict=True)
    plugin = config.plugins["sop-builder"]
    assert isinstance(plugin, SopBuilderPlugin)
    plugin.preloaded = project
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        return None, [
            *(engine_problem(m) for m in warnings.messages),
            f"MkDocs kon de site niet bouwen: {exc}",
        ]
    finally:
        config.plugins.on_shutdown()
        logger.removeHandler(warnings)
    return config.site_url, []


def serve(root: Path, address: str) -> None:
    """Serve the site on ``address`` and rebuild it whenever a source file changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(config_file=str(root / "mkdocs.yml"), livereload=True, dev_addr=address)
