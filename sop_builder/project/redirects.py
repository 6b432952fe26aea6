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
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from sop_builder.core.atomic import write_atomic
from sop_builder.core.catalogue.redirects import (
    NO_SUCH_PAGE,
    NO_SUCH_PAGE_TYPO,
    NOT_A_SITE_PATH,
    NOT_A_TIDY_SITE_PATH,
    REDIRECTED_TWICE,
    REPLACES_A_PAGE,
    REPLACES_A_SHORT_LINK,
    SCHOOL_GONE_SINCE_BUILD,
    SCHOOL_GONE_SINCE_COMMIT,
    TARGET_IS_AN_OLD_ADDRESS,
)
from sop_builder.core.catalogue.writing import RECORD_NOT_WRITTEN, describe
from sop_builder.core.fieldtypes import field_error, string_schema, text_value
from sop_builder.core.issues import Issue, Message, did_you_mean
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.config import load_config_file
from sop_builder.project.model import Schema
from sop_builder.project.routes import school_path

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
        if _SITE_PATH.fullmatch(suggestion) and suggestion != "/":
            raise field_error(NOT_A_TIDY_SITE_PATH, value=text, suggestion=suggestion)
        raise field_error(NOT_A_SITE_PATH, value=text)
    return text


SitePath = Annotated[str, BeforeValidator(_site_path), string_schema(pattern=r"^/")]


class RedirectEntry(Schema):
    source: SitePath = Field(
        alias="van",
        title="Van",
        description="Het oude adres binnen de site, met een / aan het begin en aan het eind, "
        "bijvoorbeeld /scholen/oude-naam/.",
    )
    target: SitePath = Field(
        alias="naar",
        title="Naar",
        description="Een pagina van de site waar het oude adres naartoe leidt, bijvoorbeeld "
        "/scholen/nieuwe-naam/.",
    )


class RedirectsFile(Schema):
    redirects: list[RedirectEntry] = Field(
        default_factory=list,
        alias="doorverwijzingen",
        title="Doorverwijzingen",
        description="Oude adressen die blijven werken, bijvoorbeeld nadat de map van een school "
        "een nieuwe naam kreeg (mag leeg).",
    )


@dataclass(frozen=True)
class Redirect:
    """An old or short address (``source``) that leads to a real page (``target``)."""

    source: str
    target: str


def short_links(schools: Iterable[tuple[str, str]]) -> list[Redirect]:
    """`/v/<code>/` (as written and in lower case) for every (slug, vestigingscode). A code
    of two schools (one location at two addresses, or an so and a vso school) leads to the
    first of their folders by name."""
    links = []
    seen: set[str] = set()
    for slug, code in schools:  # in the order of the folders' names
        if not code.isalnum() or code.upper() in seen:
            continue  # an invalid code is reported by the school's own check
        seen.add(code.upper())
        for variant in sorted({code, code.lower()}):
            links.append(Redirect(f"{SHORT_LINK_PREFIX}{variant}/", school_path(slug)))
    return links


def _issue(message: Message, tree: YamlTree, loc: tuple[Any, ...], **values: Any) -> Issue:
    pos = tree.value_pos(loc)
    return message.at(DISPLAY, pos, field=".".join(map(str, loc)), **values)


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
        at = (RedirectsFile.key("redirects"), index)
        source = (*at, RedirectEntry.key("source"))
        if entry.source in pages:
            issues.append(_issue(REPLACES_A_PAGE, tree, source, path=entry.source))
        elif entry.source in short:
            issues.append(_issue(REPLACES_A_SHORT_LINK, tree, source, path=entry.source))
        elif entry.source in seen:
            issues.append(_issue(REDIRECTED_TWICE, tree, source, path=entry.source))
        seen.add(entry.source)
        if entry.target not in pages:
            guess = _closest_page(entry.target, pages)
            loc = (*at, RedirectEntry.key("target"))
            if entry.target in sources or entry.target in short:
                issue = _issue(
                    TARGET_IS_AN_OLD_ADDRESS, tree, loc, path=entry.target, source=entry.source
                )
            elif guess:
                issue = _issue(NO_SUCH_PAGE_TYPO, tree, loc, path=entry.target, suggestion=guess)
            else:
                issue = _issue(NO_SUCH_PAGE, tree, loc, path=entry.target)
            issues.append(issue)
    return issues


def load_redirects(
    root: Path, schools: Iterable[tuple[str, str | None]], pages: set[str]
) -> tuple[list[Redirect], list[Issue]]:
    """Every redirect of the site: short links plus the checked renames from config.

    ``schools`` holds (slug, vestigingscode) of every school folder, ``pages`` the addresses of
    the site's pages (the route table's); a missing config file is fine (no renames).
    """
    schools = list(schools)
    links = short_links((slug, code) for slug, code in schools if code)
    if not (root / "site_config" / REDIRECTS_FILE).is_file():
        return links, []
    value, tree, issues = load_config_file(root, REDIRECTS_FILE, RedirectsFile)
    if value is None or tree is None:
        return links, issues
    issues += _check_entries(value.redirects, tree, pages, {r.source for r in links})
    if any(i.is_error for i in issues):
        return links, issues
    renames = [Redirect(e.source, e.target) for e in value.redirects]
    return links + renames, issues


# --- school folders that disappeared -------------------------------------------------------

# Every school folder a build of this project has published (kept by the build, never by hand;
# /.sop-builder/ is not in Git): a renamed folder is noticed without Git too.
PUBLISHED_FILE = ".sop-builder/gepubliceerde-scholen.txt"
SCHOOLS_FOLDER = "content/schools"


def published_schools(root: Path) -> set[str]:
    file = root / PUBLISHED_FILE
    if not file.is_file():
        return set()
    return {line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()}


def record_published(root: Path, slugs: Iterable[str]) -> list[Issue]:
    """After a build: add its school folders to the record of published ones. The site is
    published already: when the record cannot be written (a read-only project), a warning."""
    known = published_schools(root) | set(slugs)
    try:
        write_atomic(root / PUBLISHED_FILE, "".join(f"{slug}\n" for slug in sorted(known)))
    except OSError as exc:
        reason, advice = describe(exc)
        return [
            RECORD_NOT_WRITTEN.at(PUBLISHED_FILE, path=PUBLISHED_FILE, reason=reason, advice=advice)
        ]
    return []


def committed_schools(root: Path) -> set[str]:
    """The school folders of the last commit (none without Git or outside a repository)."""
    try:
        out = subprocess.run(
            ["git", "ls-tree", "-d", "--name-only", "HEAD", f"{SCHOOLS_FOLDER}/"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.rsplit("/", 1)[-1] for line in out.splitlines() if line.strip()}


def vanished_schools(root: Path, current: Iterable[str], redirects: list[Redirect]) -> list[Issue]:
    """SOP805 for every school folder that a build published or the last commit held, that
    is gone now, and whose address no redirect keeps working."""
    now = sorted(set(current))
    kept = {r.source for r in redirects}
    published, committed = published_schools(root), committed_schools(root)
    issues = []
    for slug in sorted((published | committed) - set(now)):
        if school_path(slug) in kept:
            continue
        message = SCHOOL_GONE_SINCE_COMMIT if slug in committed else SCHOOL_GONE_SINCE_BUILD
        guess = did_you_mean(slug, now)
        target = guess.split("'")[1] if guess else "nieuwe-naam"
        folder = f"{SCHOOLS_FOLDER}/{slug}"
        issues.append(
            message.at(folder, folder=folder, path=school_path(slug), file=DISPLAY, target=target)
        )
    return issues
