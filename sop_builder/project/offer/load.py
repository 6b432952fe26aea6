"""Read and check the SWV's offer under content/aanbod/ (syntax, schema and cross-checks).

One Markdown file with front matter per item, in one folder per kind (``kinds.py``), for
example ``content/aanbod/workshops/<slug>.md``. The file name is the address of the page.
Audiences and kinds of workshop come from site_config/aanbod.yaml, which is needed only when
content/aanbod/ exists.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sop_builder.core.catalogue.offer import (
    FILE_NOT_AN_ADDRESS,
    STRAY_FILE,
    STRAY_FILE_IN_KIND,
    STRAY_FOLDER,
    STRAY_FOLDER_IN_KIND,
    UNKNOWN_SCHOOL,
    UNKNOWN_SCHOOL_TYPO,
)
from sop_builder.core.fieldmeta import choice_fields
from sop_builder.core.fieldtypes import PLAIN
from sop_builder.core.issues import Issue, choose_from, did_you_mean
from sop_builder.core.richtext import markdown_issues
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_markdown_file
from sop_builder.core.text import slugify
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.config import duplicate_items, load_config_file
from sop_builder.project.files import SLUG
from sop_builder.project.messages import listed_twice, not_in_list, unknown_kern
from sop_builder.project.model import SiteConfig
from sop_builder.project.offer.kinds import OFFER_DIR, OFFER_KINDS, OfferKind, all_items
from sop_builder.project.offer.model import Offer, OfferFrontMatter, OfferItem, OfferVocabularies
from sop_builder.project.plain_language import Sentence, body_lines, informal_address
from sop_builder.project.privacy import INTERNAL_KEYS, find_personal_data
from sop_builder.project.sections import hiding_comments, strip_comments, unclosed_comment

OFFER_CONFIG = "aanbod.yaml"
INTERNAL_NOTE_KEY = OfferFrontMatter.key("internal_note")  # never shown: not checked for 'je'


@dataclass(frozen=True)
class Known:
    """What the cross-checks compare against."""

    config: SiteConfig | None
    vocabularies: OfferVocabularies | None
    school_slugs: tuple[str, ...]


def _stray(entry: Path, root: Path, kinds: Sequence[OfferKind]) -> Issue:
    """A file or folder that is not part of the offer (SOP724)."""
    display = entry.relative_to(root).as_posix()
    if entry.parent == root / OFFER_DIR:
        folders = [kind.folder for kind in kinds]
        named = ", ".join(folders[:-1]) + " en " + folders[-1]
        message = STRAY_FOLDER if entry.is_dir() else STRAY_FILE
        return message.at(display, name=entry.name, kinds=named)
    message = STRAY_FOLDER_IN_KIND if entry.is_dir() else STRAY_FILE_IN_KIND
    return message.at(display, name=entry.name)


def _texts(raw: dict[str, Any], key: str) -> list[tuple[tuple[Any, ...], str]]:
    """(place, stripped text) of the filled-in text values under ``key``, a list or a single
    value; other values are reported by the schema."""
    value = raw.get(key)
    pairs = enumerate(value) if isinstance(value, list) else [(None, value)]
    return [
        ((key,) if i is None else (key, i), v.strip())
        for i, v in pairs
        if isinstance(v, str) and v.strip()
    ]


def _twice(raw: dict[str, Any], tree: YamlTree, path: str, key: str) -> list[Issue]:
    """A value written twice in one list (SOP203)."""
    issues: list[Issue] = []
    seen: set[str] = set()
    for loc, value in _texts(raw, key):
        if value in seen:
            issues.append(listed_twice(path, tree.value_pos(loc), value, key))
        seen.add(value)
    return issues


def _check_choices(
    raw: dict[str, Any], options: list[str], tree: YamlTree, path: str, key: str
) -> list[Issue]:
    """Each value under ``key`` must be one of ``options`` (SOP202)."""
    issues: list[Issue] = []
    for loc, value in _texts(raw, key):
        if value not in options:
            hint = did_you_mean(value, options) or choose_from(options, limit=20)
            issues.append(not_in_list(path, tree.value_pos(loc), value, key, hint))
    return issues


def _check_schools(
    raw: dict[str, Any], known: Known, tree: YamlTree, path: str, key: str
) -> list[Issue]:
    """Every school named under ``key`` must have a folder in content/schools/ (SOP723)."""
    issues = []
    for loc, value in _texts(raw, key):
        if value in known.school_slugs:
            continue
        pos = tree.value_pos(loc)
        suggestion = did_you_mean(value, list(known.school_slugs))
        issues.append(
            UNKNOWN_SCHOOL_TYPO.at(path, pos, field=key, school=value, suggestion=suggestion)
            if suggestion
            else UNKNOWN_SCHOOL.at(path, pos, field=key, school=value)
        )
    return issues


# The lists an offer field may take its choices from (``core.fieldmeta.choices``); kernen and
# scholen have messages of their own (SOP201, SOP723), the others say "not in the list" (SOP202).
CHECKED_LISTS = ("doelgroepen", "soorten", "behoeften", "kernen", "scholen")


def _options(source: str, known: Known) -> list[str] | None:
    """The ids of the list ``source``; None while its file could not be read."""
    vocab, config = known.vocabularies, known.config
    if source == "doelgroepen":
        return None if vocab is None else [t.id for t in vocab.audiences]
    if source == "soorten":
        return None if vocab is None else [t.id for t in vocab.kinds]
    if source == "behoeften":
        return None if config is None else [n.id for n in config.vocabularies.needs]
    raise ValueError(f"no offer check for the list '{source}' (see CHECKED_LISTS)")


def _check_list(
    source: str, key: str, raw: dict[str, Any], tree: YamlTree, path: str, known: Known
) -> list[Issue]:
    """The values under ``key`` against the list ``source`` (when that list is known)."""
    if source == "kernen":
        config = known.config
        return [] if config is None else unknown_kern(raw, tree, path, config, key)
    if source == "scholen":
        return _check_schools(raw, known, tree, path, key)
    options = _options(source, known)
    return [] if options is None else _check_choices(raw, options, tree, path, key)


def _cross_check(
    kind: OfferKind, front: Any, tree: YamlTree, path: str, known: Known
) -> list[Issue]:
    """Checks against site_config/ and content/schools/, on the raw values so that a file
    with schema errors still gets all its problems at once: each field with choices (its
    schema says from which list), no value twice in a list, then the kind's own checks."""
    raw = tree.data if isinstance(tree.data, dict) else {}
    issues: list[Issue] = []
    for key, source in choice_fields(kind.schema):
        issues += _check_list(source, key, raw, tree, path, known)
        issues += _twice(raw, tree, path, key)
    if front is not None:
        for check in kind.checks:
            issues += check(front, tree, path)
    return issues


@functools.cache
def _plain_text_keys(schema: type[OfferFrontMatter]) -> tuple[str, ...]:
    """The keys of ``schema`` whose value is one plain text (not an address, date or list)."""
    properties = schema.model_json_schema(by_alias=True)["properties"]
    return tuple(
        key
        for key, prop in properties.items()
        if any(p.get("contentMediaType") == PLAIN for p in [prop, *prop.get("anyOf", [])])
    )


def _reader_texts(kind: OfferKind, tree: YamlTree, body: str, body_line: int) -> list[Sentence]:
    """The texts of an item that its page shows as written: each filled-in plain-text value of
    the front matter (title, summary, places, ...) and the lines of the body."""
    raw = tree.data if isinstance(tree.data, dict) else {}
    texts = []
    for key in _plain_text_keys(kind.schema):
        if key == INTERNAL_NOTE_KEY or not isinstance(raw.get(key), str):
            continue
        pos = tree.value_pos((key,))
        texts.append(Sentence(raw[key], pos.line, pos.column))
    return texts + body_lines(body, body_line)


def load_item(
    file: Path, kind: OfferKind, root: Path, known: Known
) -> tuple[OfferItem | None, list[Issue]]:
    """Read, check and build one offer file."""
    display = file.relative_to(root).as_posix()
    if not SLUG.fullmatch(file.stem):
        example = f"{slugify(file.stem, fallback='naam')}.md"
        return None, [FILE_NOT_AN_ADDRESS.at(display, name=file.name, example=example)]
    source, issues = read_markdown_file(file, display)
    if source is None:
        return None, issues
    front, found = validate_tree(kind.schema, source.tree, display)
    issues += found
    issues += _cross_check(kind, front, source.tree, display, known)
    issues += unclosed_comment(source.body, source.body_line, display)
    issues += hiding_comments(source.body, source.body_line, display)
    body, comments = strip_comments(source.body)
    issues += find_personal_data(source.front_text, source.front_line, display, skip=INTERNAL_KEYS)
    issues += find_personal_data(body, source.body_line, display)
    text = body.strip()
    first_line = source.body_line + body[: len(body) - len(body.lstrip())].count("\n")
    rendered, found = markdown_issues(text, first_line, display)
    issues += found
    if kind.speaks_to_reader:
        issues += informal_address(
            _reader_texts(kind, source.tree, body, source.body_line), display
        )
    if front is None or any(i.is_error for i in issues):
        return None, issues
    item = OfferItem(kind.folder, file.stem, display, front, text, tuple(comments), rendered.html)
    return item, issues


def load_vocabularies(root: Path) -> tuple[OfferVocabularies | None, list[Issue]]:
    """Read site_config/aanbod.yaml: the audiences and kinds of the offer."""
    value, tree, issues = load_config_file(root, OFFER_CONFIG, OfferVocabularies)
    if value is not None and tree is not None:
        display = f"site_config/{OFFER_CONFIG}"
        issues += duplicate_items(
            value.audiences, "id", tree, display, ("doelgroepen",), "De doelgroep"
        )
        issues += duplicate_items(value.kinds, "id", tree, display, ("soorten",), "De soort")
    return value, issues


def load_offer(
    root: Path,
    config: SiteConfig | None,
    school_slugs: list[str],
    kinds: Sequence[OfferKind] = OFFER_KINDS,
) -> tuple[Offer, list[Issue]]:
    """Read everything under content/aanbod/ (one folder per kind of ``kinds``); problems are
    collected, never raised."""
    root = Path(root)
    base = root / OFFER_DIR
    if not base.is_dir():
        return Offer(), []
    vocabularies, issues = load_vocabularies(root)
    known = Known(config, vocabularies, tuple(school_slugs))
    by_folder = {kind.folder: kind for kind in kinds}
    items: dict[OfferKind, list[OfferItem]] = {kind: [] for kind in kinds}
    for entry in sorted(base.iterdir()):
        if entry.name.startswith("."):
            continue
        kind = by_folder.get(entry.name)
        if kind is None or not entry.is_dir():
            issues.append(_stray(entry, root, kinds))
            continue
        for file in sorted(entry.iterdir()):
            if file.name.startswith("."):
                continue
            if file.suffix != ".md" or not file.is_file():
                issues.append(_stray(file, root, kinds))
                continue
            item, found = load_item(file, kind, root, known)
            issues += found
            if item is not None:
                items[kind].append(item)
    lists = {kind.attribute: kind.ordered(listed) for kind, listed in items.items()}
    return Offer(vocabularies, lists), issues


def internal_texts(offer: Offer) -> list[str]:
    """The internal notes and HTML comments of the offer, for the post-build leak check."""
    texts: list[str] = []
    for item in all_items(offer):
        public = " ".join(item.markdown.split())
        for text in (item.front.internal_note or "", *item.internal_comments):
            if text and " ".join(text.split()) not in public:
                texts.append(text)
    return texts
