"""The one rendering API of the public site: a Jinja environment and the shared page context.

`Renderer.render` is the only way a page is rendered; the modules that make pages (site/pages.py,
kernen.py, offer_pages.py, poster.py) each take the one Renderer of a build.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from babel.dates import format_date
from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    select_autoescape,
)
from markupsafe import Markup

from sop_builder.core.catalogue.build import TEMPLATE_FOLDER_MISSING, TEMPLATE_MISSING
from sop_builder.core.issues import Issue
from sop_builder.core.text import dutch_date
from sop_builder.project.model import (
    Agreement,
    Norm,
    PracticalFact,
    School,
    SelfAssessment,
    SiteConfig,
    SupportLevel,
    VocabularyEntry,
)
from sop_builder.project.offer.model import Offer
from sop_builder.project.project import Project
from sop_builder.project.pupils import school_pupils
from sop_builder.project.routes import grouping_path
from sop_builder.project.schools.own_translations import own_translation
from sop_builder.project.scoring import (
    Compliance,
    SwvAssessments,
    counted_assessment,
    format_count,
    format_percentage,
)
from sop_builder.project.staff_lists import STAFF_LISTS
from sop_builder.project.translations import (
    MACHINE_MARK,
    MACHINE_MARK_KEY,
    PLACEHOLDER,
    SOURCE_LANGUAGE,
    Language,
    TranslationEntry,
    offer_term_key,
    plural_categories,
    plural_key,
    school_type_key,
)
from sop_builder.site import compiled
from sop_builder.site.finder import Finder, FinderEntry, NeedLine, build_finder
from sop_builder.site.hints import in_sentence, search_examples
from sop_builder.site.qrcode import qr_svg
from sop_builder.site.sanitize import page_text, page_title, school_html


class TemplateMissing(Exception):
    """A page template is not in the project's templates/ folder."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def issue(self) -> Issue:
        return TEMPLATE_MISSING.at(self.path)


def missing_template_folders(root: Path, folders: tuple[str, ...]) -> list[Issue]:
    """SOP905 for each folder of ``folders`` (under ``root``) that does not exist; one for their
    common top folder when that is missing as a whole."""
    missing = [f for f in folders if not (root / f).is_dir()]
    tops = {f.split("/", 1)[0] for f in missing}
    if len(missing) > 1 and len(tops) == 1 and not (root / next(iter(tops))).is_dir():
        return [TEMPLATE_FOLDER_MISSING.at(next(iter(tops)) + "/")]
    return [TEMPLATE_FOLDER_MISSING.at(f + "/") for f in missing]


@dataclass(frozen=True)
class GeneratedPage:
    """A page to hand to the site engine: its file in the staging folder (its route's
    ``file``: ``scholen/x/index.md``) and its Markdown text.

    A page of one school can be given as ``render`` instead of ``content``: it is rendered
    where it is written (in the staging workers), so the build never holds the text of every
    school page at once.
    """

    src_uri: str
    content: str | bytes = ""  # bytes for files that are not pages, such as the calendar feed
    render: Callable[[], str] | None = field(default=None, compare=False)

    def text(self) -> str | bytes:
        """The page's content, rendered now if it was deferred."""
        return self.render() if self.render is not None else self.content


def _tojson(value: Any) -> Markup:
    """Jinja's ``tojson`` (for values in front matter), keeping characters beyond U+FFFF as they
    are: as \\u escapes they become two halves that the engine's YAML reader does not join."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escaped)
    return Markup(text)


def _join(values: Any, separator: str = "") -> Markup:
    """Jinja's ``join``, with each value as text (`page_text`)."""
    return page_text(separator).join(page_text(v) for v in values)


def _replace(value: Any, old: str, new: str) -> Markup:
    """Jinja's ``replace``, with the result as text (`page_text`)."""
    if hasattr(value, "__html__"):
        return Markup(value).replace(old, page_text(new))
    return page_text(str(value).replace(old, new))


def script_texts(*parts: dict[str, str]) -> Markup:
    """The texts of a page's scripts in its language (`Translator.ts`, `Translator.tns`) as
    the JSON of a ``<script type="application/json">`` data block: never run (the CSP's
    script-src 'self' does not concern it), read by modules/texts.js; ``<``, ``>`` and ``&``
    escaped so that no text can end the block."""
    merged: dict[str, str] = {}
    for part in parts:
        merged |= part
    return _tojson(merged)


def listing(words: list[str]) -> str:
    """['Mentoren', 'Docenten', 'Ouders'] -> 'Mentoren, docenten en ouders'."""
    shown = [w if i == 0 else in_sentence(w) for i, w in enumerate(words)]
    return ", ".join(shown[:-1]) + f" en {shown[-1]}" if len(shown) > 1 else "".join(shown)


T = TypeVar("T")


def _fill(text: str, values: dict[str, Any], *, trusted: bool) -> Markup:
    """``text`` with each ``{name}`` replaced by ``values[name]`` as text (`page_text`); the
    text around them as written (``trusted``: a template's own Dutch) or as text (a
    translation someone typed)."""
    shown = Markup if trusted else page_text
    if not values:
        return shown(text)
    parts = PLACEHOLDER.split(text)  # text, name, text, name, ..., text
    return Markup("").join(
        page_text(values[part]) if index % 2 else shown(part) for index, part in enumerate(parts)
    )


def dutch_marks(language: Language | None) -> Markup:
    """The attributes of a Dutch text in a page of ``language``: lang="nl", and dir="ltr" in a
    right-to-left page (so the Dutch reads left to right); nothing on the Dutch site."""
    if language is None:
        return Markup("")
    rtl = ' dir="ltr"' if language.direction == "rtl" else ""
    return Markup(f' lang="{SOURCE_LANGUAGE}"{rtl}')


def language_marks(language: Language | None) -> Markup:
    """The attributes of a text a school translated itself into the page's ``language``: its
    language and direction, so that it keeps them wherever it is quoted; nothing on the Dutch
    site."""
    if language is None:
        return Markup("")
    return Markup(f' lang="{language.code}" dir="{language.direction}"')


def dutch_fragment(text: Markup, language: Language) -> Markup:
    """A Dutch text inside a page in another language, marked as Dutch for screen readers,
    translation tools and hyphenation (and left to right in a right-to-left page)."""
    return Markup(f"<span{dutch_marks(language)}>") + text + Markup("</span>")


class Translator:
    """The site's texts in one language: ``t`` for a template's text (its key and its Dutch;
    ``ta`` where no element may stand, such as an attribute or a title) and ``translated`` for
    a text of the SWV in site_config/ (project/translations.py names the keys). A translation
    is used only while it translates today's Dutch; otherwise the Dutch is shown, marked
    ``lang="nl"``. Without a language (the Dutch site) the Dutch is printed as the template
    wrote it: the same bytes as a template without ``t``."""

    def __init__(self, language: Language | None = None) -> None:
        self.language = language
        # how many texts a computer translated this Translator has shown: a page that adds
        # to it explains their label (site/pages.py in_language)
        self.machine_shown = 0

    def machine_mark(self) -> Markup:
        """The word of the label after a computer's translation, in this language (its own
        translation is never labelled), or in Dutch, marked."""
        assert self.language is not None
        entry = self.language.current(MACHINE_MARK_KEY, MACHINE_MARK)
        if entry is not None:
            return page_text(entry.translation)
        return dutch_fragment(page_text(MACHINE_MARK), self.language)

    def _labelled(self, shown: Markup, entry: TranslationEntry, *, element: bool) -> Markup:
        """``shown`` (the translation ``entry``), with the visible label after it when a
        computer made it (`Language.labelled`); where no element may stand (an attribute),
        only counted, so that the page's note says so."""
        assert self.language is not None
        if not self.language.labelled(entry):
            return shown
        self.machine_shown += 1
        if not element:
            return shown
        label = Markup(' <small class="sop-machine-mark">(') + self.machine_mark()
        return shown + label + Markup(")</small>")

    def text(self, key: str, dutch: str, values: dict[str, Any], *, element: bool) -> Markup:
        language = self.language
        if language is None:
            return _fill(dutch, values, trusted=True)
        entry = language.current(key, dutch)
        if entry is not None:
            shown = _fill(entry.translation, values, trusted=False)
            return self._labelled(shown, entry, element=element)
        shown = _fill(dutch, values, trusted=True)
        return dutch_fragment(shown, language) if element else shown

    def t(self, key: str, dutch: str, **values: Any) -> Markup:
        return self.text(key, dutch, values, element=True)

    def ta(self, key: str, dutch: str, **values: Any) -> Markup:
        return self.text(key, dutch, values, element=False)

    def tn(self, key: str, one: str, other: str, n: int, **values: Any) -> Markup:
        """A text with the number ``n``, in the form this language uses for it (Dutch: one
        for 1, other for every other number; Arabic has six forms)."""
        values = {"n": n, **values}
        language = self.language
        if language is None:
            return _fill(one if n == 1 else other, values, trusted=True)
        locale = language.locale
        category = locale.plural_form(n) if locale is not None else ("one" if n == 1 else "other")
        dutch = one if category == "one" else other
        entry = language.current(plural_key(key, category), dutch)
        if entry is not None:
            return self._labelled(
                _fill(entry.translation, values, trusted=False), entry, element=True
            )
        return dutch_fragment(_fill(one if n == 1 else other, values, trusted=True), language)

    def plain(self, key: str, dutch: str) -> str | None:
        """The current translation of ``key`` as plain text, for a script or the finder's
        data (None: it stays Dutch). A computer's translation is counted like one in an
        attribute (`ta`): the page's note explains the label."""
        language = self.language
        entry = language.current(key, dutch) if language is not None else None
        if entry is None:
            return None
        self._labelled(page_text(entry.translation), entry, element=False)
        return entry.translation

    def ts(self, key: str, dutch: str) -> dict[str, str]:
        """A text a script of the page writes (``dutch`` is its built-in default), for the
        page's data block of script texts (`script_texts`): {key: translation}, or nothing
        when it stays Dutch (the script then marks it lang="nl")."""
        shown = self.plain(key, dutch)
        return {key: shown} if shown is not None else {}

    def tns(self, key: str, one: str, other: str) -> dict[str, str]:
        """A text with a number that a script writes: every form this language has
        (key.one, key.few, ...) that is translated; the script picks one with
        Intl.PluralRules."""
        language = self.language
        found: dict[str, str] = {}
        if language is None:
            return found
        for category in plural_categories(language):
            name = plural_key(key, category)
            found |= self.ts(name, one if category == "one" else other)
        return found

    def school_type(self, project: Project) -> Callable[[str], Any]:
        """The filter that names a kind of school (the SWV's own name, else sop-builder's) in
        this language."""
        config = project.config
        if config is None:
            return str
        if self.language is None:
            return config.school_type

        def named(code: str) -> Any:
            return self.translated(config.school_type(code), own_school_type_key(config, code))

        return named

    def data_text(self, key: str, dutch: str) -> Any:
        """A text of the SWV (or sop-builder's) in the JSON data of this language's pages:
        the translation, else ``{"nl": dutch}`` (the script marks it lang="nl",
        modules/texts.js); the Dutch itself in the Dutch site's data."""
        if self.language is None:
            return dutch
        shown = self.plain(key, dutch)
        return shown if shown is not None else {SOURCE_LANGUAGE: dutch}

    def offer_label(self, offer: Offer) -> Callable[[str], Any]:
        """The filter that names an audience or a kind of workshop of the offer (its label in
        site_config/aanbod.yaml) in this language."""
        if self.language is None:
            return offer.label
        language = self.language

        def named(term_id: str) -> Any:
            key = offer_term_key(offer.vocabularies, term_id)
            label = offer.label(term_id)
            if key is None:  # an id the lists do not hold: shown as it is, as Dutch
                return dutch_fragment(page_text(label), language)
            return self.translated(label, key)

        return named

    def weekday(self, day: date) -> str:
        """The day of the week: 'dinsdag', 'Tuesday', 'الثلاثاء'."""
        language = self.language
        if language is None or language.locale is None:
            return WEEKDAYS[day.weekday()]
        return format_date(day, format="EEEE", locale=language.locale)

    def date(self, day: date | None) -> str:
        """A date as the reader writes it: '15 september 2025', 'September 15, 2025',
        '15 سبتمبر 2025' (Babel's long form of the language)."""
        language = self.language
        if language is None or day is None or language.locale is None:
            return dutch_date(day)
        return format_date(day, format="long", locale=language.locale)

    def translated(self, value: Any, key: str) -> Any:
        """The SWV's text ``value`` (as loaded from site_config/) under ``key`` in this
        language; the value itself on the Dutch site."""
        language = self.language
        if language is None:
            return value
        entry = language.current(key, str(value))
        if entry is None:
            return dutch_fragment(page_text(value), language)
        return self._labelled(page_text(entry.translation), entry, element=True)


def own_school_type_key(config: SiteConfig, code: str) -> str:
    """The key of the name of a kind of school: the SWV's own (teksten.yaml) where it wrote
    one, else sop-builder's."""
    texts = config.texts
    own = bool(texts.school_types and getattr(texts.school_types, code, None))
    return school_type_key(code, own)


WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _environment(templates: Path, project: Project, translator: Translator) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates / "pages")),
        bytecode_cache=compiled.PAGES,
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=page_text,  # every printed value is text: HTML and Markdown escaped
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        dutch_date=translator.date,
        count=format_count,
        pct=format_percentage,
        school_type=translator.school_type(project),
        title=page_title,
        tojson=_tojson,
        join=_join,
        replace=_replace,
        e=page_text,
        escape=page_text,
        forceescape=page_text,
        qr_svg=qr_svg,
        weekday=translator.weekday,
        clock=lambda moment: moment.strftime("%H:%M"),
        label=translator.offer_label(project.offer),
        listing=listing,
        translated=translator.translated,
    )
    env.globals.update(
        t=translator.t,
        ta=translator.ta,
        tn=translator.tn,
        ts=translator.ts,
        tns=translator.tns,
        script_texts=script_texts,
    )
    return env


def compliance_line(result: Compliance | None, year: str) -> str:
    """How far the school is with basisondersteuning, in plain words: the result that counts
    (scoring.counted), naming who assessed and its school year; a result of an earlier year
    (this year's is not final yet) says so."""
    if result is None:
        return f"Er is nog geen zelfevaluatie van de basisondersteuning voor {year}."
    earlier = result.school_year != year
    source = (
        "de beoordeling door het samenwerkingsverband"
        if result.by_swv
        else ("haar vorige zelfevaluatie" if earlier else "haar zelfevaluatie")
    )
    line = (
        f"Volgens {source} van {result.school_year} "
        + ("hield" if earlier else "houdt")
        + f" de school zich aan {format_count(result.total.met)} van de {result.total.counted} "
        f"afspraken die alle scholen samen hebben gemaakt ({result.total.percentage}%)."
    )
    if result.target is not None:
        line += f" Het doel voor {result.school_year} is {format_percentage(result.target)}."
        line += (
            " Dat doel haalt de school."
            if result.meets_target
            else " Dat haalt de school nog niet."
        )
    return line


def _labels(
    ids: tuple[str, ...] | list[str], entries: list[VocabularyEntry]
) -> list[VocabularyEntry]:
    by_id = {e.id: e for e in entries}
    return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True)
class LevelGroup:
    """The needs a school declared at one level of the scale (for the summary at the top)."""

    level: SupportLevel
    lines: tuple[NeedLine, ...]


def level_groups(entry: FinderEntry, levels: list[SupportLevel]) -> list[LevelGroup]:
    return [
        LevelGroup(level, lines)
        for level in levels
        if (lines := tuple(line for line in entry.lines if line.level_id == level.id))
    ]


def fact_lines(school: School, facts: list[PracticalFact]) -> list[tuple[str, str]]:
    """(label, value in words) of every practical fact the school filled in."""
    shown = []
    for fact in facts:
        value = school.facts.get(fact.id)
        if value is None:
            continue
        if isinstance(value, bool):
            shown.append((fact.label, "ja" if value else "nee"))
        else:
            shown.append((fact.label, f"{value} {fact.unit}" if fact.unit else str(value)))
    return shown


def unmet_agreements(
    assessment: SelfAssessment | None, result: Compliance | None, norm: Norm
) -> list[Agreement]:
    """The agreements not (fully) met in ``assessment``, the scores behind ``result``."""
    if result is None:
        return []
    scores = assessment.scores if assessment is not None else {}
    unmet = []
    for agreement in norm.agreements:
        level = norm.level(scores.get(agreement.id, ""))
        if level is not None and level.not_applicable:
            continue
        if level is None and norm.unscored == "telt-niet-mee":
            continue
        if level is None or level.weight != 1:
            unmet.append(agreement)
    return unmet


class Renderer:
    """Renders the pages of one project's public site: one per build, shared by every page."""

    def __init__(
        self,
        project: Project,
        templates: Path,
        site_url: str | None = None,
        finder: Finder | None = None,
        language: Language | None = None,
    ) -> None:
        """``finder``: the project's finder when the caller has made it already (`serve`);
        ``language``: the language the pages are rendered in (None: Dutch)."""
        assert project.config is not None
        self.project = project
        self.translator = Translator(language)
        self.language = language
        self.site_url = site_url.rstrip("/") if site_url else ""  # "" when not configured
        self.config = project.config
        self.env = _environment(templates, project, self.translator)
        self.schools = sorted(project.schools, key=lambda s: s.front.name.lower())
        self.finder = finder or build_finder(
            self.schools, self.config, project.compliance, project.today, project.postcodes
        )
        self.memos: dict[str, Any] = {}
        self.entries = {e.slug: e for e in self.finder.entries}
        self.schools_by_slug = {s.slug: s for s in self.schools}
        self.grouping_path = grouping_path(self.config.swv)
        self.examples = search_examples(self.schools, self.config)

    def render(self, template: str, **context: Any) -> str:
        """Render ``templates/pages/<template>`` with the shared context and ``context``."""
        try:
            page = self.env.get_template(template)
        except TemplateNotFound as exc:
            raise TemplateMissing(f"templates/pages/{exc.name}") from None
        return page.render(
            swv=self.config.swv,
            norm=self.config.norm,
            vocab=self.config.vocabularies,
            today=self.project.today,
            grouping_path=self.grouping_path,
            site_url=self.site_url,
            texts=self.config.texts,  # site_config/teksten.yaml
            disagreement=self.config.disagreement,  # site_config/niet-eens.yaml (or None)
            examples=self.examples,  # words of this SWV for the search hints
            # the language of the page ("": Dutch): a school's own words are marked Dutch
            page_language=self.language.code if self.language is not None else "",
            # the attributes of a school's own words on a page in another language: Dutch,
            # and left to right on a right-to-left page ("" on the Dutch site)
            dutch=dutch_marks(self.language),
            # from the folder of the site's language to the site's root, where the search
            # index is (one for every language: Pagefind splits it by <html lang>)
            to_site="../" if self.language is not None else "",
            **context,
        )

    def memo(self, name: str, make: Callable[[], T]) -> T:
        """``make()``, made once per Renderer: what several pages of one build share."""
        if name not in self.memos:
            self.memos[name] = make()
        # One name is always made by one ``make``, so what is kept under it has its type.
        return cast(T, self.memos[name])

    def deferred(
        self, template: str, item: T, context: Callable[[T], dict[str, Any]]
    ) -> Callable[[], str]:
        """``template`` with ``context(item)``, rendered when called (see `GeneratedPage`)."""
        return lambda: self.render(template, **context(item))

    def swv_assessments(self, slug: str) -> SwvAssessments:
        """The SWV's assessments of a school's agreements by school year (their scores only)."""
        evaluation = self.project.evaluation
        return evaluation.swv_scores.get(slug, {}) if evaluation is not None else {}

    def glossary_terms(self) -> list[Any]:
        glossary = self.config.glossary
        terms = glossary.terms if glossary is not None else []
        return sorted(terms, key=lambda t: t.term.lower())

    def school_context(self, school: School, *, sections: bool = True) -> dict[str, Any]:
        """The template context of a school; ``sections=False`` leaves out its texts as HTML."""
        vocab = self.config.vocabularies
        result = self.project.compliance.get(school.slug)
        entry = self.entries[school.slug]
        themes = []
        norm = self.config.norm_for(result.school_year) if result is not None else None
        if result is not None and norm is not None:
            for theme in norm.themes:  # the themes of the norm of the result's own year
                tally = result.by_theme[theme.id]
                themes.append(
                    {"title": theme.title, "met": format_count(tally.met), "counted": tally.counted}
                )
        by_name = self.config.swv.agreements_on_school_page == "niet-gehaald-bij-naam"
        swv = self.swv_assessments(school.slug)
        declared = {line.need_id for line in entry.lines}
        code = self.language.code if self.language is not None else None
        return {
            "entry": entry,
            # need id -> the school's own current translation into the page's language
            "own_translations": {
                need: own
                for need, declaration in school.declarations.items()
                if code is not None and (own := own_translation(declaration, code)) is not None
            },
            "own_marks": language_marks(self.language),
            "stories": self.project.offer.stories_about(school.slug),
            "school": school,
            "front": school.front,
            "kern": self.config.swv.kern(school.front.kern),
            "sections": (
                [(s, Markup(s.html or school_html(s.markdown))) for s in school.sections]
                if sections
                else []
            ),
            "groups": level_groups(entry, vocab.levels),
            "level_index": {lv.id: i for i, lv in enumerate(vocab.levels)},
            "undeclared": [n for n in vocab.needs if n.id not in declared],
            "facts": fact_lines(school, vocab.practical),
            # each list of "who helps" under its attribute (internal_expertise, ...)
            **{
                staff.attribute: _labels(staff.chosen(school.front), staff.options(vocab))
                for staff in STAFF_LISTS
            },
            "result": result,
            "unmet": (
                unmet_agreements(counted_assessment(school, result, swv), result, norm)
                if by_name and norm
                else []
            ),
            "pupils": school_pupils(
                self.project.pupils, school.front.vestigingscode, school.front.type
            ),
            "compliance_line": compliance_line(result, self.config.swv.school_year),
            "themes": themes,
            "agreement_summary": (
                self.project.evaluation.summaries.get(school.slug)
                if self.project.evaluation
                else None
            ),
        }
