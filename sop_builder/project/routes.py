"""The route table: every page and file of the public site, in one list.

`site_routes(project)` says, for every address of the public site, what it is (`Kind`), its
title, the project files it is made from and what it depends on (`Dep`). It is the only place
that knows the addresses: staging asks it where a page is staged, the pages are rendered from it
(site/pages.py), the build's messages name a page's source file through it, the redirect checks
ask it which pages exist, the search index takes its pages from it, `serve` re-renders the routes
whose dependencies changed, and the route test (tests/test_routes.py) builds the fixture sites
and finds exactly these pages.

Every route depends on site_config/, templates/ and the engine settings (mkdocs.yml): a change
there renders every route. What each route depends on beyond those is declared in
``Route.depends`` with these keys:

- ``Dep(SCHOOL, slug)``: school X's own folder: its text, declarations, facts and scores;
- ``Dep(ENTRY, slug)``: what the lists and the finder show of school X (its finder entry: name,
  address, kind, contact, kern, declared levels, "sterk in", validity, compliance);
- ``Dep(CARD, slug)``: the part of that entry a list per need shows beside the school's
  declaration of that need (name, kind, address, gemeente, validity);
- ``Dep(NEED, id)``: need N's declaration (level, sentence, limit) of every school;
- ``ENTRIES``: the finder entries of all schools (counts, choices and overviews);
- ``NAMES``: the names and vestigingscodes of all schools: the glossary never links inside a
  school's name, so every page that gets glossary links depends on them (and the kern pages
  find pupil numbers by vestigingscode);
- ``OFFER``: the SWV's offer (content/aanbod/);
- ``PUPILS``: the pupil numbers (content/leerlingen.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from sop_builder.core.text import slugify
from sop_builder.project.build_settings import BUILD_FILE, public_figures_choice
from sop_builder.project.figures import DUO_PUPILS, FIGURES_FILE
from sop_builder.project.offer.kinds import OFFER_DIR, OFFER_KINDS
from sop_builder.project.postcodes import school_point

if TYPE_CHECKING:
    from sop_builder.project.model import School, SiteConfig, SwvConfig
    from sop_builder.project.offer.model import OfferItem
    from sop_builder.project.project import Project
    from sop_builder.project.schools.status import SchoolFacts

ADMIN_DIR = "admin"  # the web editor (editor/admin.py)
DATA_DIR = "vinder"  # the finder's data files (site/finder_data.py)
FEED_PATH = "aanbod/workshops.ics"  # the calendar of upcoming workshops (site/ical.py)
# The static lists of the finder, under /scholen/: one per need and one per gemeente. A school
# folder cannot have these names (its page would be at the same address).
NEED_LISTS = "behoefte"
MUNICIPALITY_LISTS = "gemeente"
RESERVED_SCHOOL_FOLDERS = (NEED_LISTS, MUNICIPALITY_LISTS)
CONFIG = "site_config"
SWV_FILE = f"{CONFIG}/swv.yaml"
VOCABULARIES = f"{CONFIG}/vocabularies.yaml"


class Kind(StrEnum):
    """What a route is."""

    HOME = "home"
    FINDER = "vinder"
    COMPARE = "vergelijk"
    PAGE = "vaste pagina"  # a page of the configuration: basisondersteuning, privacy, ...
    GLOSSARY = "woordenlijst"
    KERNEN = "kernen"  # the overview of the kernen (the grouping's plural)
    KERN = "kern"
    OFFER = "aanbod"  # the overview of the offer
    OFFER_LIST = "aanbod-lijst"  # one kind of offer
    OFFER_ITEM = "aanbod-item"
    SCHOOL = "school"
    # a school that has not filled in its profile (or, by the SWV's choice, is not complete):
    # "Het ondersteuningsprofiel van deze school volgt", with its facts (schools/status.py)
    SCHOOL_PENDING = "school-volgt"
    POSTER = "poster"
    NEED_LISTS = "behoeftelijsten"
    NEED_LIST = "behoeftelijst"
    MUNICIPALITY_LISTS = "gemeentelijsten"
    MUNICIPALITY_LIST = "gemeentelijst"
    FEED = "agenda"  # data file: the calendar of upcoming workshops
    ITEM_CALENDAR = "agenda-item"  # data file: the calendar of one workshop or network group
    FINDER_INDEX = "vinder-index"  # data file
    FINDER_NEED = "vinder-behoefte"  # data file
    FINDER_SCHOOL = "vinder-school"  # data file
    FINDER_POSTCODES = "vinder-postcodes"  # data file
    WEB_EDITOR = "webeditor"  # written after the engine (editor/admin.py), never staged
    # the SWV's headline figures, when site_config/bouwen.yaml switches them on
    FIGURES = "kengetallen"


SCHOOL, ENTRY, CARD, NEED = "school", "entry", "card", "need"


class Dep(NamedTuple):
    """One thing a route depends on (see the module's docstring)."""

    kind: str
    key: str = ""


ENTRIES = Dep("entries")
NAMES = Dep("names")
OFFER = Dep("offer")
PUPILS = Dep("pupils")
FIGURES = Dep("figures")  # content/kengetallen.yaml, DUO's sets (the optional public page)


@dataclass(frozen=True)
class Route:
    """One page or file of the public site."""

    path: str  # the address from the site root: "/scholen/x/", or a file: "/vinder/scholen.json"
    kind: Kind
    title: str  # the page's title as a visitor reads it ("" for data files)
    sources: tuple[str, ...]  # the project files it is made from, the most specific first
    depends: frozenset[Dep] = frozenset()
    template: str | None = None  # in templates/pages/
    key: str = ""  # what it is about: a school's slug, a need's id, a kern's id, ...
    menu: str | None = None  # its label in the navigation (None: not in the navigation)
    group: str | None = None  # the navigation group it sits in
    # the language of a page of the site in another language (site_config/bouwen.yaml talen):
    # its address is the Dutch page's under /<language>/ ("": Dutch, at the root)
    language: str = ""

    @property
    def is_page(self) -> bool:
        return self.path.endswith("/")

    @property
    def searched(self) -> bool:
        """A page that the search indexes (never a poster, the web editor or a data file)."""
        return self.is_page and self.kind not in (Kind.POSTER, Kind.WEB_EDITOR)

    @property
    def staged(self) -> bool:
        """Whether the staging folder holds it (the web editor is written after the engine)."""
        return self.kind is not Kind.WEB_EDITOR

    def _in_folder(self, index: str) -> str:
        """A page's address as the file ``index`` in its folder; a data file's as it is."""
        inner = self.path.strip("/")
        if not self.is_page:
            return inner
        return f"{inner}/{index}" if inner else index

    @property
    def file(self) -> str:
        """Its file in the staging folder: ``scholen/x/index.md``, ``vinder/scholen.json``."""
        return self._in_folder("index.md")

    @property
    def built(self) -> str:
        """Its file in the built site: ``scholen/x/index.html``, ``vinder/scholen.json``."""
        return self._in_folder("index.html")

    @property
    def source(self) -> str:
        """The file a message about this route names."""
        return self.sources[0]


# --- addresses -------------------------------------------------------------------------------


def url_segment(text: str) -> str:
    """'Kernen' -> 'kernen', "Regio's" -> 'regios': a word usable as a folder in a URL."""
    return slugify(re.sub(r"['’]", "", text), fallback="groepen")


def grouping_path(swv: SwvConfig) -> str:
    """The folder of the kern pages, from the grouping's plural in the configuration."""
    return url_segment(swv.grouping.plural)


def school_path(slug: str) -> str:
    return f"/scholen/{slug}/"


def poster_path(slug: str) -> str:
    return f"/scholen/{slug}/poster/"


def need_list_path(need_id: str) -> str:
    return f"/scholen/{NEED_LISTS}/{need_id}/"


def municipality_slug(municipality: str) -> str:
    return slugify(municipality, fallback="gemeente")


def municipality_list_path(municipality: str) -> str:
    return f"/scholen/{MUNICIPALITY_LISTS}/{municipality_slug(municipality)}/"


def need_file(need_id: str) -> str:
    """The finder's data file of one need (from the site root, without a leading slash)."""
    return f"{DATA_DIR}/behoefte-{need_id}.json"


def school_file(slug: str) -> str:
    """The comparison's data file of one school."""
    return f"{DATA_DIR}/school/{slug}.json"


INDEX_FILE = f"{DATA_DIR}/scholen.json"
POSTCODES_FILE = f"{DATA_DIR}/postcodes.json"


# --- the fixed pages -------------------------------------------------------------------------

GROUPING = "{grouping}"  # stands for the folder of the kern pages (see grouping_path)
OFFER_INDEX = "/aanbod/"


@dataclass(frozen=True)
class FixedPage:
    """A page every site has, in the order of the navigation.

    ``template`` is None for a page that its own module renders (the kern overview, the offer);
    ``menu`` is None where the configuration gives it (the grouping's plural).
    """

    path: str  # address from the site root
    kind: Kind
    template: str | None
    menu: str | None  # the label in the navigation
    title: str | None  # the page's title (None: its own route gives it)
    sources: tuple[str, ...]
    group: str | None = None  # the navigation group it sits in
    in_navigation: bool = True  # False: reached from other pages only


ABOUT = "Over deze site"
FIXED_PAGES = (
    FixedPage("/", Kind.HOME, "home.md.j2", "Home", None, (SWV_FILE, VOCABULARIES)),
    FixedPage(
        "/scholen/",
        Kind.FINDER,
        "schools.md.j2",
        "Vind een school",
        "Vind een school",
        (VOCABULARIES, SWV_FILE),
    ),
    FixedPage(
        "/vergelijk/",
        Kind.COMPARE,
        "compare.md.j2",
        "Vergelijk scholen",
        "Vergelijk scholen",
        (SWV_FILE,),
        in_navigation=False,
    ),
    FixedPage(f"/{GROUPING}/", Kind.KERNEN, "kernen.md.j2", None, None, (SWV_FILE,)),
    FixedPage(
        "/basisondersteuning/",
        Kind.PAGE,
        "basisondersteuning.md.j2",
        "Basisondersteuning",
        "Basisondersteuning",
        (f"{CONFIG}/basisondersteuning/",),
    ),
    FixedPage(
        "/niet-eens/",
        Kind.PAGE,
        "niet-eens.md.j2",
        "Niet eens?",
        "Niet eens?",
        (SWV_FILE, f"{CONFIG}/niet-eens.yaml"),
    ),
    FixedPage(
        OFFER_INDEX,
        Kind.OFFER,
        "aanbod/index.md.j2",
        "Aanbod",
        "Aanbod voor scholen",
        (f"{OFFER_DIR.as_posix()}/",),
    ),
    FixedPage("/zoeken/", Kind.PAGE, "zoeken.md.j2", "Zoeken", "Zoeken", (SWV_FILE,)),
    FixedPage(
        "/over-passend-onderwijs/",
        Kind.PAGE,
        "over-passend-onderwijs.md.j2",
        "Over passend onderwijs",
        "Over passend onderwijs",
        (SWV_FILE, f"{CONFIG}/teksten.yaml"),
        ABOUT,
    ),
    FixedPage(
        "/woordenlijst/",
        Kind.GLOSSARY,
        "woordenlijst.md.j2",
        "Woordenlijst",
        "Woordenlijst",
        (f"{CONFIG}/woordenlijst.yaml",),
        ABOUT,
    ),
    FixedPage(
        "/toegankelijkheid/",
        Kind.PAGE,
        "toegankelijkheid.md.j2",
        "Toegankelijkheid",
        "Toegankelijkheid",
        (SWV_FILE,),
        ABOUT,
    ),
    FixedPage("/privacy/", Kind.PAGE, "privacy.md.j2", "Privacy", "Privacy", (SWV_FILE,), ABOUT),
)

# What the fixed pages show beyond the configuration (the glossary page is never linked).
FIXED_DEPENDS: dict[str, frozenset[Dep]] = {
    "/": frozenset({ENTRIES, NAMES}),
    "/scholen/": frozenset({ENTRIES, NAMES}),
    "/zoeken/": frozenset({ENTRIES, NAMES}),  # the search hints name the commonest place
    "/woordenlijst/": frozenset(),
}


# --- the table -------------------------------------------------------------------------------


@dataclass
class RouteTable:
    """The routes of one project's public site, in the order of the navigation, then the
    pages of many schools, of each school, the lists, the offer and the data files."""

    routes: list[Route] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_path = {r.path: r for r in self.routes}
        self.by_file = {r.file: r for r in self.routes}
        self.by_built = {r.built: r for r in self.routes}

    def __iter__(self) -> Iterator[Route]:
        return iter(self.routes)

    def __len__(self) -> int:
        return len(self.routes)

    @property
    def paths(self) -> set[str]:
        return set(self.by_path)

    def pages(self) -> set[str]:
        """The addresses of the pages (what a redirect may lead to)."""
        return {r.path for r in self.routes if r.is_page}

    def source_of(self, file: str) -> str | None:
        """The source file of a staged or built file (None: not a route's)."""
        route = self.by_file.get(file) or self.by_built.get(file)
        return route.source if route is not None else None

    def of_kind(self, *kinds: Kind) -> list[Route]:
        return [r for r in self.routes if r.kind in kinds]

    def navigation(self) -> list[Route]:
        """The routes in the navigation, in its order."""
        return [r for r in self.routes if r.menu is not None]


def _offering(config: SiteConfig, schools: Sequence[School]) -> dict[str, list[str]]:
    """Per need, the slugs of the schools whose declaration is at a level that counts as
    offered (the finder's rule, site/finder.py)."""
    offered = {lv.id for lv in config.vocabularies.levels if lv.offered}
    found: dict[str, list[str]] = {n.id: [] for n in config.vocabularies.needs}
    for school in schools:
        for need_id, declaration in school.declarations.items():
            if declaration.level in offered and need_id in found:
                found[need_id].append(school.slug)
    return found


def _municipality(school: School, config: SiteConfig) -> str:
    kern = config.swv.kern(school.front.kern)
    return kern.municipality if kern else ""


def _fixed_routes(config: SiteConfig | None) -> Iterator[Route]:
    for page in FIXED_PAGES:
        if page.kind is Kind.KERNEN:
            if config is None:
                continue
            folder = grouping_path(config.swv)
            plural = config.swv.grouping.plural.capitalize()
            yield Route(
                page.path.replace(GROUPING, folder),
                page.kind,
                plural,
                page.sources,
                frozenset({ENTRIES, OFFER, NAMES}),
                page.template,
                menu=plural,
            )
            continue
        title = page.title or (config.swv.short_name if config is not None else "")
        yield Route(
            page.path,
            page.kind,
            title,
            page.sources,
            FIXED_DEPENDS.get(page.path, frozenset({NAMES}))
            | ({OFFER} if page.kind is Kind.OFFER else set()),
            page.template,
            menu=page.menu if page.in_navigation else None,
            group=page.group,
        )


def _kern_routes(
    config: SiteConfig, schools: Sequence[School], offering: dict[str, list[str]]
) -> Iterator[Route]:
    """A page per kern: it shows the entries of its schools and, for a need none of them
    offers (a gap), the schools of other kernen that do."""
    folder = grouping_path(config.swv)
    label = config.swv.grouping.label.capitalize()
    by_kern: dict[str, set[str]] = {}  # grouped once: a pass over every school per kern
    for school in schools:  # was most of `check` at 7,000 schools
        by_kern.setdefault(school.front.kern, set()).add(school.slug)
    for kern in config.swv.kernen:
        own = by_kern.get(kern.id, set())
        gaps = [n for n, slugs in offering.items() if own.isdisjoint(slugs)]
        shown = own | {slug for need in gaps for slug in offering[need]}
        yield Route(
            f"/{folder}/{kern.id}/",
            Kind.KERN,
            f"{label} {kern.name}",
            (SWV_FILE,),
            frozenset({OFFER, PUPILS, NAMES, *(Dep(ENTRY, slug) for slug in shown)}),
            "kern.md.j2",
            kern.id,
        )


def school_route(school: School) -> Route:
    """The page of one school."""
    own = frozenset({Dep(SCHOOL, school.slug), Dep(ENTRY, school.slug)})
    return Route(
        school_path(school.slug),
        Kind.SCHOOL,
        school.front.name,
        (school.path,),
        own | {OFFER, PUPILS, NAMES},
        "school.md.j2",
        school.slug,
    )


def poster_route(school: School) -> Route:
    """The poster of one school (for the staff room)."""
    return replace(
        school_route(school),
        path=poster_path(school.slug),
        kind=Kind.POSTER,
        title=f"Poster voor de teamkamer: {school.front.name}",
        template="poster.md.j2",
    )


def pending_route(facts: SchoolFacts) -> Route:
    """The short page of a school whose profile follows: at the address its full page will
    have; it shows the school's own facts and the SWV's contact, nothing of other schools."""
    return Route(
        school_path(facts.slug),
        Kind.SCHOOL_PENDING,
        facts.name,
        (facts.path,),
        frozenset({Dep(SCHOOL, facts.slug), NAMES}),
        "school-volgt.md.j2",
        facts.slug,
    )


def _school_routes(
    schools: Sequence[School],
    unread: Iterable[tuple[str, str]],
    pending: Sequence[SchoolFacts] = (),
) -> list[Route]:
    """A page per school (the posters come after the other pages: see `site_routes`), and
    the short page of each school whose profile follows."""
    routes = [school_route(school) for school in schools]
    routes += [pending_route(facts) for facts in sorted(pending, key=lambda f: f.name.lower())]
    for slug, sop_path in unread:  # a folder whose school could not be read: its address
        routes.append(Route(school_path(slug), Kind.SCHOOL, slug, (sop_path,), key=slug))
    return routes


def _poster_routes(schools: Sequence[School], unread: Iterable[tuple[str, str]]) -> list[Route]:
    routes = [poster_route(school) for school in schools]
    for slug, sop_path in unread:
        routes.append(Route(poster_path(slug), Kind.POSTER, slug, (sop_path,), key=slug))
    return routes


def _list_routes(
    config: SiteConfig, schools: Sequence[School], offering: dict[str, list[str]]
) -> Iterator[Route]:
    """The two overviews, a list per need and per gemeente."""
    overview = frozenset({ENTRIES, NAMES})
    yield Route(
        f"/scholen/{NEED_LISTS}/",
        Kind.NEED_LISTS,
        "Scholen per onderwerp",
        (VOCABULARIES,),
        overview,
        "lists-index.md.j2",
    )
    yield Route(
        f"/scholen/{MUNICIPALITY_LISTS}/",
        Kind.MUNICIPALITY_LISTS,
        "Scholen per gemeente",
        (SWV_FILE,),
        overview,
        "lists-index.md.j2",
    )
    for need in config.vocabularies.needs:
        yield Route(
            need_list_path(need.id),
            Kind.NEED_LIST,
            f"Scholen die helpen bij: {need.label}",
            (VOCABULARIES,),
            frozenset({Dep(NEED, need.id), NAMES, *(Dep(CARD, s) for s in offering[need.id])}),
            "need-list.md.j2",
            need.id,
        )
    by_place: dict[str, set[Dep]] = {}
    for school in schools:
        by_place.setdefault(_municipality(school, config), set()).add(Dep(ENTRY, school.slug))
    for name in sorted({k.municipality for k in config.swv.kernen}):
        yield Route(
            municipality_list_path(name),
            Kind.MUNICIPALITY_LIST,
            f"Scholen in {name}",
            (SWV_FILE,),
            frozenset({NAMES, *by_place.get(name, set())}),
            "municipality-list.md.j2",
            name,
        )


def _data_routes(project: Project, config: SiteConfig) -> Iterator[Route]:
    """The finder's data files (site/finder_data.py)."""
    yield Route(f"/{INDEX_FILE}", Kind.FINDER_INDEX, "", (VOCABULARIES,), frozenset({ENTRIES}))
    for need in config.vocabularies.needs:
        yield Route(
            f"/{need_file(need.id)}",
            Kind.FINDER_NEED,
            "",
            (VOCABULARIES,),
            frozenset({Dep(NEED, need.id), NAMES}),  # schools by their place in the index
            key=need.id,
        )
    for school in sorted(project.schools, key=lambda s: s.front.name.lower()):
        yield Route(
            f"/{school_file(school.slug)}",
            Kind.FINDER_SCHOOL,
            "",
            (school.path,),
            frozenset({Dep(ENTRY, school.slug)}),
            key=school.slug,
        )
    table = project.postcodes
    if table is not None and any(school_point(s, table) for s in project.schools):
        yield Route(
            f"/{POSTCODES_FILE}",
            Kind.FINDER_POSTCODES,
            "",
            (f"{CONFIG}/postcodes.csv",),
            frozenset({ENTRIES}),
        )


def calendar_path(item: OfferItem) -> str:
    """The address of an item's own calendar file from the site root, beside its page:
    'aanbod/workshops/<slug>.ics' for the page 'aanbod/workshops/<slug>/'."""
    return f"aanbod/{item.kind}/{item.slug}.ics"


def _offer_routes(project: Project) -> Iterator[Route]:
    """A list per kind of offer and a page per item (the overview is a fixed page)."""
    offer = frozenset({OFFER, NAMES})
    for kind in OFFER_KINDS:
        yield Route(
            f"/aanbod/{kind.folder}/",
            Kind.OFFER_LIST,
            kind.list_title,
            (f"{kind.directory}/",),
            offer,
            kind.list_template,
            kind.folder,
        )
        for item in kind.items(project.offer):
            yield Route(
                f"/{item.url}",
                Kind.OFFER_ITEM,
                item.front.title,
                (item.path,),
                offer,
                kind.item_template,
                f"{kind.folder}/{item.slug}",
            )
            if kind.calendar is not None:
                yield Route(
                    f"/{calendar_path(item)}",
                    Kind.ITEM_CALENDAR,
                    "",
                    (item.path,),
                    frozenset({OFFER}),
                    key=f"{kind.folder}/{item.slug}",
                )
    yield Route(
        f"/{FEED_PATH}",
        Kind.FEED,
        "",
        (f"{OFFER_DIR.as_posix()}/workshops/",),
        frozenset({OFFER}),
    )


def routes_of(project: Project) -> RouteTable:
    """The route table of ``project``: the one loading made, else made now."""
    return project.routes if project.routes is not None else site_routes(project)


FIGURES_PATH = "/kengetallen/"


def _figures_routes(project: Project) -> list[Route]:
    """The page of the SWV's headline figures: only when site_config/bouwen.yaml switches it
    on and content/kengetallen.yaml has DUO's pupils (the public build reads nothing else of
    it)."""
    data = project.figures
    if not public_figures_choice(project.config) or data is None or not data.of(DUO_PUPILS):
        return []
    return [
        Route(
            FIGURES_PATH,
            Kind.FIGURES,
            "Kengetallen",
            (FIGURES_FILE.as_posix(), f"{CONFIG}/{BUILD_FILE}"),
            frozenset({FIGURES, NAMES}),
            "kengetallen.md.j2",
            menu="Kengetallen",
            group=ABOUT,
        )
    ]


def language_routes(routes: Iterable[Route], code: str) -> list[Route]:
    """The site in the language ``code``: every staged route of the Dutch site again under
    /<code>/ (pages and the finder's data, so every relative link of a page stays inside its
    language), out of the navigation (the switcher on each page leads between them)."""
    return [
        replace(r, path=f"/{code}{r.path}", language=code, menu=None, group=None)
        for r in routes
        if r.staged
    ]


def site_routes(project: Project, unread: Iterable[tuple[str, str]] = ()) -> RouteTable:
    """Every page and file of ``project``'s public site.

    ``unread``: (slug, sop.md path) of school folders whose school could not be read (a build
    stops on their errors; `check` still knows their addresses). Without a readable
    configuration, only the routes that do not depend on it.
    """
    config = project.config
    unread = list(unread)
    schools = sorted(project.schools, key=lambda s: s.front.name.lower())
    routes: list[Route] = []
    offering = _offering(config, schools) if config is not None else {}
    for route in _fixed_routes(config):
        routes.append(route)
        if route.kind is Kind.KERNEN and config is not None:
            routes += _kern_routes(config, schools, offering)
    routes += _school_routes(schools, unread, project.pending)
    if config is not None:
        routes += _list_routes(config, schools, offering)
        routes += _data_routes(project, config)
    routes += _offer_routes(project)
    routes += _figures_routes(project)
    routes += _poster_routes(schools, unread)
    dutch = list(routes)
    for code in project.published_languages:
        routes += language_routes(dutch, code)
    if config is not None and config.webeditor is not None:
        routes.append(
            Route(
                f"/{ADMIN_DIR}/",
                Kind.WEB_EDITOR,
                config.webeditor.title or f"Webeditor {config.swv.short_name}",
                (f"{CONFIG}/webeditor.yaml",),
            )
        )
    return RouteTable(routes)
