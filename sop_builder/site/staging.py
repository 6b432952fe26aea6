"""The staging folder: the public site as engine-neutral source files, before any engine runs.

`stage_site` writes every route of the route table (project/routes.py) as its ``file``
(``docs/scholen/x/index.md``, ``docs/vinder/scholen.json``; front matter the theme reads, Markdown headings, raw HTML whose links are relative to the page's address, so they
do not depend on where the source file lies), the static assets beside them, the theme's
overrides, and a plain ``mkdocs.yml`` (the theme settings of the project's own mkdocs.yml, the
SWV's name and address, the navigation; no plugins). Any MkDocs-compatible engine builds that
folder as it is: ``mkdocs build -f <staging>/mkdocs.yml``.

What can be done on our own output is done here, in worker processes, before the engine: the
glossary links, and the ``inspect`` callback of the caller (the public build checks every page
for internal text there). A file whose content did not change is not rewritten, so its
modification time tells an engine's incremental build ("dirty") which pages to rebuild.
"""

from __future__ import annotations

import filecmp
import html
import json
import os
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from sop_builder.core import roundtrip
from sop_builder.core.issues import Issue
from sop_builder.core.parallel import map_indexes
from sop_builder.project.project import Project
from sop_builder.project.routes import Kind, RouteTable, routes_of
from sop_builder.project.translations import Language
from sop_builder.site.finder import Finder
from sop_builder.site.glossary import ProtectedNames, explain_terms_in_source
from sop_builder.site.pages import navigation, public_pages
from sop_builder.site.render import GeneratedPage
from sop_builder.site.sanitize import page_title

DOCS_DIR = "docs"
THEME_DIR = "overrides"
CONFIG_FILE = "mkdocs.yml"
ASSETS = Path("templates/assets")
OVERRIDES = Path("templates/overrides")
# The project's template folders the public site is made from (templates/ of sop-builder).
TEMPLATE_FOLDERS = ("templates/pages", OVERRIDES.as_posix(), ASSETS.as_posix())
# Keys of the project's mkdocs.yml that the staging folder sets itself or leaves out.
OWN_KEYS = ("site_name", "site_url", "docs_dir", "site_dir", "nav", "watch", "plugins", "INHERIT")

Inspect = Callable[[str, str], list[Issue]]  # (staged file, text) -> problems


@dataclass
class StagedSite:
    """What `stage_site` wrote."""

    folder: Path
    config_file: Path
    pages: list[str] = field(default_factory=list)  # staged paths of every page and file
    changed: list[str] = field(default_factory=list)  # those whose content is new or changed
    removed: list[str] = field(default_factory=list)  # staged files of pages that are gone
    problems: list[Issue] = field(default_factory=list)  # what ``inspect`` found
    nav_pages: set[str] = field(default_factory=set)  # staged paths of the navigation's pages


# --- the generated mkdocs.yml ----------------------------------------------------------------


def read_engine_settings(file: Path) -> Any:
    """The project's mkdocs.yml as written: every value text, tags kept (``!ENV``), comments
    too; the engine reads the values when it reads the staging folder's copy."""
    return roundtrip.load(file.read_text(encoding="utf-8")) if file.is_file() else {}


def _quoted(value: Any) -> Any:
    """Values we add, quoted, so that the engine reads them as the text they are."""
    if isinstance(value, dict):
        return {_quoted(k): _quoted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_quoted(v) for v in value]
    return DoubleQuotedScalarString(value) if isinstance(value, str) else value


def site_address(project: Project, settings: Any) -> str | None:
    """The site's address: from the SWV's configuration when it has one, else mkdocs.yml's."""
    assert project.config is not None
    value = project.config.swv.site_address or settings.get("site_url")
    return str(value).rstrip("/") + "/" if value else None


def engine_settings(
    settings: Any,
    site_name: str,
    address: str | None,
    nav: list[Any],
    languages: list[dict[str, str]] | None = None,
) -> CommentedMap:
    """The staging folder's mkdocs.yml: the project's theme settings, our name, address, pages;
    with ``languages`` (the site in more than Dutch) ``extra.sop_talen``, for the language
    switcher and the hreflang links of templates/overrides/main.html."""
    out = CommentedMap()
    out["site_name"] = _quoted(page_title(site_name))  # the theme prints it as HTML
    if address:
        out["site_url"] = _quoted(address)
    for key, value in settings.items():
        if key not in OWN_KEYS:
            out[key] = value
    out["docs_dir"] = _quoted(DOCS_DIR)
    theme = out.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = _quoted(THEME_DIR)
    plugins = settings.get("plugins") or []
    out["plugins"] = [
        p
        for p in (plugins if isinstance(plugins, list) else [])
        if p != "sop-builder" and not (isinstance(p, dict) and "sop-builder" in p)
    ]
    out["nav"] = _quoted(nav)
    if languages:
        extra = out.get("extra")
        extra = extra if isinstance(extra, dict) else CommentedMap()
        extra["sop_talen"] = _quoted(languages)
        out["extra"] = extra
    return out


def site_languages(project: Project) -> list[dict[str, str]]:
    """Dutch and the languages the site is published in: code, own name, direction."""
    if not project.published_languages:
        return []
    shown = [{"code": "nl", "naam": "Nederlands", "richting": "ltr"}]
    for code in project.published_languages:
        language = project.languages[code]
        shown.append({"code": code, "naam": language.name, "richting": language.direction})
    return shown


def interface_partial(language: Language) -> str | None:
    """The theme's texts of a language it does not know (partials/languages/<code>.html, the
    form of the theme's own files), from the language file's ``interface``."""
    if language.file is None or not language.file.interface:
        return None
    texts = {"language": language.code, "direction": language.direction}
    texts.update({k: html.escape(v, quote=True) for k, v in language.file.interface.items()})
    return (
        "{#- Written by sop-builder from site_config/talen/" + language.code + ".yaml -#}\n"
        "{% macro t(key) %}{{ "
        + json.dumps(texts, ensure_ascii=False, indent=2)
        + "[key] }}{% endmacro %}\n"
    )


JAVASCRIPTS = "javascripts"  # the assets a page's own HTML links to, relative to its address
# the switcher's and the notes' style, staged only for a site in more than Dutch
LANGUAGE_STYLE = Path("templates/talen/talen.css")
LANGUAGE_STYLE_FILE = "stylesheets/talen.css"


def _nav_paths(nav: list[Any]) -> list[str]:
    paths: list[str] = []
    for entry in nav:
        for target in entry.values():
            paths += _nav_paths(target) if isinstance(target, list) else [target]
    return paths


# --- building in halves ----------------------------------------------------------------------

SPLIT_FROM = 800  # pages; a smaller site is built by one engine process


@dataclass(frozen=True)
class Half:
    """One of two staging folders that share the assets and the navigation's pages, and each
    have their own part of the other pages: two engine processes build them side by side."""

    config_file: Path
    units: tuple[str, ...]  # the folders of pages it builds for the site (``scholen/x/``, ...)


def _unit(path: str) -> str | None:
    """The folder of two levels that a page belongs to (``scholen/x/`` for its poster too)."""
    parts = path.split("/")
    return "/".join(parts[:2]) + "/" if len(parts) > 2 else None


def split_staging(staged: StagedSite) -> list[Half]:
    """The staging folder as two halves with about as many pages each (hard links, so it costs
    little), or [] when the site is too small to gain from it.

    Each half holds every file that is not a page (assets, the feed), the navigation's pages (the
    engine needs them for the navigation) and a run of the folders of two levels
    (``scholen/<slug>/`` with its poster, ``kernen/<id>/``, ...); pages of one level go to the
    first half.
    """
    pages = [p for p in staged.pages if p.endswith(".md")]
    if len(pages) < SPLIT_FROM:
        return []
    sizes: dict[str, int] = {}
    for page in pages:
        unit = _unit(page)
        if unit is not None and page not in staged.nav_pages:
            sizes[unit] = sizes.get(unit, 0) + 1
    units = sorted(sizes)
    half, count, cut = len(pages) / 2, len(pages) - sum(sizes.values()), 0
    while cut < len(units) and count + sizes[units[cut]] <= half:
        count += sizes[units[cut]]
        cut += 1
    owned = [tuple(units[:cut]), tuple(units[cut:])]
    docs = staged.folder / DOCS_DIR
    settings = read_engine_settings(staged.config_file)
    halves = []
    for number, own in enumerate(owned, start=1):
        others = set(owned[2 - number])
        folder = f"{DOCS_DIR}-{number}"
        target = staged.folder / folder
        if target.exists():
            shutil.rmtree(target)
        for file in docs.rglob("*"):
            rel = file.relative_to(docs).as_posix()
            nav = rel in staged.nav_pages
            if file.is_dir() or (_unit(rel) in others and not nav):
                continue
            if number == 2 and rel.endswith(".md") and _unit(rel) not in own and not nav:
                continue  # the second half builds only its own pages and the navigation's
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(file, target / rel)
        settings["docs_dir"] = _quoted(folder)
        config = staged.folder / f"mkdocs-{number}.yml"
        config.write_text(roundtrip.dump(settings), encoding="utf-8")
        halves.append(Half(config, own))
    return halves


# --- writing ---------------------------------------------------------------------------------


def _write_if_changed(file: Path, data: bytes) -> bool:
    """Write ``data`` unless ``file`` holds it already; True when it was written."""
    try:
        if file.stat().st_size == len(data) and file.read_bytes() == data:
            return False
    except FileNotFoundError:
        file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(data)
    return True


def _copy_tree(source: Path, target: Path) -> list[str]:
    """Copy the files of ``source`` to ``target``, leaving unchanged ones as they are; remove
    files that ``source`` no longer has. Returns the paths (from ``target``) copied."""
    copied, present = [], set()
    if source.is_dir():
        for file in sorted(p for p in source.rglob("*") if p.is_file()):
            rel = file.relative_to(source).as_posix()
            present.add(rel)
            dest = target / rel
            if dest.is_file() and filecmp.cmp(file, dest, shallow=False):
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, dest)
            copied.append(rel)
    return copied


def _linker(project: Project, unlinked: Collection[str]) -> Callable[[GeneratedPage], str | bytes]:
    """The glossary links of a page (not of the pages in ``unlinked``: the glossary itself)."""
    assert project.config is not None
    glossary = project.config.glossary
    swv = project.config.swv
    names = ProtectedNames(
        [swv.name, swv.short_name, swv.support_point.name, *(s.front.name for s in project.schools)]
    )

    def link(page: GeneratedPage) -> str | bytes:
        content = page.text()
        if isinstance(content, bytes) or not page.src_uri.endswith(".md"):
            return content
        if not glossary.terms or page.src_uri in unlinked:
            return content
        depth = page.src_uri.count("/")
        url = "../" * depth + "woordenlijst/"
        return explain_terms_in_source(content, glossary, url, names.in_page)

    return link


def write_pages(
    pages: list[GeneratedPage],
    docs: Path,
    link: Callable[[GeneratedPage], str | bytes],
    inspect: Inspect | None,
) -> tuple[list[str], list[Issue]]:
    """Render (where deferred), link, inspect and write every page into ``docs`` over the
    cores; (changed, problems). Only the small results come back from the workers."""

    def work(index: int) -> tuple[str | None, list[Issue]]:
        page = pages[index]
        path = page.src_uri
        content = link(page)
        data = content.encode("utf-8") if isinstance(content, str) else content
        problems = inspect(path, content) if inspect and isinstance(content, str) else []
        return (path if _write_if_changed(docs / path, data) else None), problems

    results = map_indexes(work, len(pages))
    changed = [path for path, _ in results if path is not None]
    return changed, [p for _, found in results for p in found]


def stage_pages(
    project: Project,
    root: Path,
    folder: Path,
    pages: list[GeneratedPage],
    table: RouteTable,
    settings: Any = None,
    inspect: Inspect | None = None,
    complete: bool = True,
    remove: Collection[str] = (),
) -> StagedSite:
    """Write ``pages`` (with the assets, overrides and mkdocs.yml) into ``folder``.

    With ``complete``, ``pages`` are all pages of the site and staged pages not among them are
    removed; otherwise only ``pages`` are (re)written and the staged files ``remove`` (of
    routes that are gone) removed.
    """
    settings = read_engine_settings(root / CONFIG_FILE) if settings is None else settings
    docs = folder / DOCS_DIR
    staged = StagedSite(folder, folder / CONFIG_FILE)
    staged.changed = _copy_tree(root / ASSETS, docs) if complete else []
    codes = project.published_languages
    if complete:
        _copy_tree(root / OVERRIDES, folder / THEME_DIR)
        for code in codes:  # the scripts a page links to, beside the pages of each language
            staged.changed += [
                f"{code}/{JAVASCRIPTS}/{p}"
                for p in _copy_tree(root / ASSETS / JAVASCRIPTS, docs / code / JAVASCRIPTS)
            ]
            style = (
                (root / LANGUAGE_STYLE).read_bytes() if (root / LANGUAGE_STYLE).is_file() else b""
            )
            if _write_if_changed(docs / LANGUAGE_STYLE_FILE, style):
                staged.changed.append(LANGUAGE_STYLE_FILE)
            partial = interface_partial(project.languages[code])
            if partial is not None:
                file = folder / THEME_DIR / "partials" / "languages" / f"{code}.html"
                _write_if_changed(file, partial.encode("utf-8"))
    # the glossary explains Dutch words: the pages in other languages are not linked
    unlinked = {r.file for r in table if r.kind is Kind.GLOSSARY or r.language}
    changed, staged.problems = write_pages(pages, docs, _linker(project, unlinked), inspect)
    staged.changed += changed
    staged.pages = [p.src_uri for p in pages]
    for rel in remove:
        if (docs / rel).is_file():
            (docs / rel).unlink()
            staged.removed.append(rel)
    if complete:
        assets = [p.relative_to(root / ASSETS).as_posix() for p in (root / ASSETS).rglob("*")]
        keep = set(staged.pages) | {a for a in assets if (root / ASSETS / a).is_file()}
        keep |= {f"{code}/{a}" for code in codes for a in assets if a.startswith(f"{JAVASCRIPTS}/")}
        keep |= {LANGUAGE_STYLE_FILE} if codes else set()
        for file in sorted(p for p in docs.rglob("*") if p.is_file()):
            rel = file.relative_to(docs).as_posix()
            if rel not in keep:
                file.unlink()
                staged.removed.append(rel)
        assert project.config is not None
        nav = navigation(table)
        staged.nav_pages = set(_nav_paths(nav))
        own = engine_settings(
            settings,
            project.config.swv.short_name,
            site_address(project, settings),
            nav,
            site_languages(project),
        )
        _write_if_changed(staged.config_file, roundtrip.dump(own).encode("utf-8"))
    return staged


def stage_site(
    project: Project,
    root: Path,
    folder: Path,
    inspect: Inspect | None = None,
    routes: RouteTable | None = None,
    render: Collection[str] | None = None,
    remove: Collection[str] = (),
    finder: Finder | None = None,
) -> StagedSite:
    """Render the routes of ``project`` (its route table, or ``routes``) and write them into the
    staging folder ``folder``: every route, or (with ``render``, addresses) only those, removing
    the staged files ``remove``. ``finder``: the project's finder, if made already."""
    settings = read_engine_settings(root / CONFIG_FILE)
    table = routes if routes is not None else routes_of(project)
    chosen = [r for r in table if render is None or r.path in render]
    address = site_address(project, settings)
    pages = public_pages(project, root / "templates", address, chosen, finder)
    complete = render is None
    return stage_pages(project, root, folder, pages, table, settings, inspect, complete, remove)
