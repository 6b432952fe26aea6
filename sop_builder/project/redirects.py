"""Stable addresses: a short link per vestigingscode and redirects for renamed pages.

A school's address `/scholen/<slug>/` is printed in school guides, so it must keep working.
`/v/<vestigingscode>/` always leads to the school page, and `site_config/doorverwijzingen.yaml`
(optional) keeps old addresses working after a rename:

    doorverwijzingen:
      - van: /scholen/oude-naam/
        naar: /scholen/nieuwe-naam/

Redirect pages are plain HTML with a meta refresh, a visible link and a canonical link (no
script, so the Content-Security-Policy stays strict); they carry no `data-pagefind-body`, so the
search leaves them out, and they are written after MkDocs, so they are not in the sitemap.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from sop_builder.core.fieldtypes import field_error, string_schema, text_value
from sop_builder.core.issues import Issue, make_issue
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.config import load_config_file
from sop_builder.project.model import Schema
from sop_builder.project.paths import FIXED_PAGES, GROUPING

REDIRECTS_FILE = "doorverwijzingen.yaml"
DISPLAY = f"site_config/{REDIRECTS_FILE}"
SHORT_LINK_PREFIX = "/v/"
_SITE_PATH = re.compile(r"/(?:[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*/)*")


def _suggest_path(text: str) -> str:
    """A tidy site path for what someone typed: no host, leading and trailing slash."""
    text = re.sub(r"^[a-z]+://[^/]*", "", text.strip())
    text = text.split("?")[0].split("#")[0]
    parts = [p for p in text.split("/") if p and p not in (".", "..")]
    return "/" + "".join(f"{p}/" for p in parts)


def _site_path(value: Any) -> str:
    text = text_value(value)
    if not _SITE_PATH.fullmatch(text):
        suggestion = _suggest_path(text)
        hint = (
            f"Schrijf alleen het pad, met een / aan het begin en aan het eind: '{suggestion}'."
            if _SITE_PATH.fullmatch(suggestion) and suggestion != "/"
            else "Schrijf een pad binnen deze site, bijvoorbeeld /scholen/oude-naam/."
        )
        raise field_error("SOP801", "'{value}' is geen pad binnen deze site.", hint, text)
    return text


SitePath = Annotated[str, BeforeValidator(_site_path), string_schema(pattern=r"^/")]


class RedirectEntry(Schema):
    source: SitePath = Field(alias="van")
    target: SitePath = Field(alias="naar")


class RedirectsFile(Schema):
    redirects: list[RedirectEntry] = Field(default_factory=list, alias="doorverwijzingen")


@dataclass(frozen=True)
class Redirect:
    """An old or short address (``source``) that leads to a real page (``target``)."""

    source: str
    target: str


def school_path(slug: str) -> str:
    return f"/scholen/{slug}/"


def poster_path(slug: str) -> str:
    return f"/scholen/{slug}/poster/"


def site_pages(slugs: Iterable[str], extra: Iterable[str] = ()) -> set[str]:
    """The paths of the real pages of a site with these school slugs (plus ``extra``)."""
    # The kern pages come in ``extra``: their folder depends on the configuration.
    pages = {p.path for p in FIXED_PAGES if GROUPING not in p.path} | set(extra)
    for slug in slugs:
        pages |= {school_path(slug), poster_path(slug)}
    return pages


def short_links(schools: Iterable[tuple[str, str]]) -> list[Redirect]:
    """`/v/<code>/` (as written and in lower case) for every (slug, vestigingscode)."""
    links = []
    for slug, code in schools:
        if not code.isalnum():
            continue  # an invalid code is reported by the school's own check
        for variant in sorted({code, code.lower()}):
            links.append(Redirect(f"{SHORT_LINK_PREFIX}{variant}/", school_path(slug)))
    return links


def _issue(code: str, tree: YamlTree, loc: tuple[Any, ...], message: str, hint: str) -> Issue:
    pos = tree.value_pos(loc)
    return make_issue(code, DISPLAY, pos.line, pos.column, message, hint, ".".join(map(str, loc)))


def _closest_page(path: str, pages: set[str]) -> str:
    """'Bedoelt u …?' for a mistyped page, comparing the last part of pages in the same folder."""
    folder, _, name = path.rstrip("/").rpartition("/")
    near = {}
    for page in pages:
        parent, _, last = page.rstrip("/").rpartition("/")
        if parent == folder and last:
            near[last] = page
    matches = difflib.get_close_matches(name, sorted(near), n=1, cutoff=0.6)
    return f"Bedoelt u '{near[matches[0]]}'?" if matches else ""


def _check_entries(
    entries: list[RedirectEntry], tree: YamlTree, pages: set[str], short: set[str]
) -> list[Issue]:
    issues = []
    seen: set[str] = set()
    sources = {e.source for e in entries}
    for index, entry in enumerate(entries):
        at = ("doorverwijzingen", index)
        if entry.source in pages:
            issues.append(
                _issue(
                    "SOP802",
                    tree,
                    (*at, "van"),
                    f"Op het adres {entry.source} staat al een echte pagina.",
                    "Een doorverwijzing mag geen bestaande pagina vervangen. "
                    "Haal deze regel weg, of kies het oude adres dat niet meer bestaat.",
                )
            )
        elif entry.source in short:
            issues.append(
                _issue(
                    "SOP802",
                    tree,
                    (*at, "van"),
                    f"Het adres {entry.source} is al de korte link van een school.",
                    "Haal deze regel weg: korte links met de vestigingscode maakt de site zelf.",
                )
            )
        elif entry.source in seen:
            issues.append(
                _issue(
                    "SOP804",
                    tree,
                    (*at, "van"),
                    f"Het oude adres {entry.source} staat meer dan één keer in de lijst.",
                    "Houd één regel per oud adres over.",
                )
            )
        seen.add(entry.source)
        if entry.target not in pages:
            guess = _closest_page(entry.target, pages)
            hint = (
                f"Laat {entry.source} direct naar de nieuwe pagina wijzen, niet naar een ander "
                "oud adres."
                if entry.target in sources or entry.target in short
                else guess
                or "Kies een pagina die op de site staat, bijvoorbeeld /scholen/nieuwe-naam/ "
                "(de naam van de map in content/schools/)."
            )
            issues.append(
                _issue(
                    "SOP803",
                    tree,
                    (*at, "naar"),
                    f"De pagina {entry.target} bestaat niet op de site.",
                    hint,
                )
            )
    return issues


def load_redirects(
    root: Path, schools: Iterable[tuple[str, str | None]], extra_pages: Iterable[str] = ()
) -> tuple[list[Redirect], list[Issue]]:
    """Every redirect of the site: short links plus the checked renames from config.

    ``schools`` holds (slug, vestigingscode) of every school folder; a missing config file is
    fine (no renames).
    """
    schools = list(schools)
    links = short_links((slug, code) for slug, code in schools if code)
    if not (root / "site_config" / REDIRECTS_FILE).is_file():
        return links, []
    value, tree, issues = load_config_file(root, REDIRECTS_FILE, RedirectsFile)
    if value is None or tree is None:
        return links, issues
    pages = site_pages((slug for slug, _ in schools), extra_pages)
    issues += _check_entries(value.redirects, tree, pages, {r.source for r in links})
    if any(i.is_error for i in issues):
        return links, issues
    renames = [Redirect(e.source, e.target) for e in value.redirects]
    return links + renames, issues
