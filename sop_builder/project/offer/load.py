"""Read and check the SWV's offer under content/aanbod/ (syntax, schema and cross-checks).

One Markdown file with front matter per item, in one folder per kind (``kinds.py``), for
example ``content/aanbod/workshops/<slug>.md``. The file name is the address of the page.
Audiences and kinds of workshop come from site_config/aanbod.yaml, which is needed only when
content/aanbod/ exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sop_builder.core.issues import Issue, allowed_list, did_you_mean, issue_at, make_issue
from sop_builder.core.richtext import markdown_issues
from sop_builder.core.schema import validate_tree
from sop_builder.core.sourcefile import read_markdown_file
from sop_builder.core.text import slugify
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.config import duplicate_items, load_config_file
from sop_builder.project.files import SLUG
from sop_builder.project.messages import (
    listed_twice,
    not_an_address,
    not_in_list,
    not_used,
    unknown_kern,
)
from sop_builder.project.model import SiteConfig
from sop_builder.project.offer.kinds import (
    CENTRES,
    KINDS_BY_FOLDER,
    NETWORKS,
    OFFER_DIR,
    OFFER_KINDS,
    STORIES,
    WORKSHOPS,
    OfferKind,
    all_items,
)
from sop_builder.project.offer.model import (
    Offer,
    OfferItem,
    OfferVocabularies,
    WorkshopFrontMatter,
)
from sop_builder.project.privacy import INTERNAL_KEYS, find_personal_data
from sop_builder.project.sections import hiding_comments, strip_comments, unclosed_comment

OFFER_CONFIG = "aanbod.yaml"


@dataclass(frozen=True)
class Known:
    """What the cross-checks compare against."""

    config: SiteConfig | None
    vocabularies: OfferVocabularies | None
    school_slugs: tuple[str, ...]


def _stray(entry: Path, root: Path) -> Issue:
    """A file or folder that is not part of the offer (SOP724)."""
    display = entry.relative_to(root).as_posix()
    what = f"De map '{entry.name}'" if entry.is_dir() else f"Het bestand '{entry.name}'"
    if entry.parent == root / OFFER_DIR:
        folders = [kind.folder for kind in OFFER_KINDS]
        kinds = ", ".join(folders[:-1]) + " en " + folders[-1]
        hint = f"In content/aanbod/ horen alleen de mappen {kinds}. Verplaats of verwijder dit."
    else:
        hint = "Hier horen alleen Markdown-bestanden (.md). Verplaats of verwijder dit."
    return make_issue("SOP724", display, 1, 1, not_used(what), hint)


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
            hint = did_you_mean(value, options) or f"Kies uit: {allowed_list(options, 20)}."
            issues.append(not_in_list(path, tree.value_pos(loc), value, key, hint))
    return issues


def _check_schools(raw: dict[str, Any], known: Known, tree: YamlTree, path: str) -> list[Issue]:
    """Every school a story names must have a folder in content/schools/ (SOP723)."""
    issues = []
    for loc, value in _texts(raw, "scholen"):
        if value in known.school_slugs:
            continue
        pos = tree.value_pos(loc)
        issues.append(
            issue_at(
                "SOP723",
                path,
                pos,
                f"De school '{value}' bestaat niet.",
                did_you_mean(value, list(known.school_slugs))
                or "Gebruik de naam van de map van de school in content/schools/, "
                "bijvoorbeeld 'de-duinroos'.",
                "scholen",
            )
        )
    return issues


def _check_times(front: WorkshopFrontMatter, tree: YamlTree, path: str) -> list[Issue]:
    if front.end > front.start:
        return []
    pos = tree.value_pos(("einde",))
    start, end = front.start.strftime("%H:%M"), front.end.strftime("%H:%M")
    return [
        issue_at(
            "SOP722",
            path,
            pos,
            f"Het einde ({end}) ligt niet na het begin ({start}).",
            "Het einde moet later zijn dan het begin. Kijk of begin en einde zijn omgewisseld.",
            "einde",
        )
    ]


def _cross_check(
    kind: OfferKind, front: Any, tree: YamlTree, path: str, known: Known
) -> list[Issue]:
    """Checks against site_config/ and content/schools/, on the raw values so that a file
    with schema errors still gets all its problems at once."""
    raw = tree.data if isinstance(tree.data, dict) else {}
    issues: list[Issue] = []
    vocab = known.vocabularies
    if vocab is not None:
        issues += _check_choices(raw, [t.id for t in vocab.audiences], tree, path, "doelgroep")
        if kind is WORKSHOPS:
            issues += _check_choices(raw, [t.id for t in vocab.kinds], tree, path, "soort")
    issues += _twice(raw, tree, path, "doelgroep")
    if kind is NETWORKS and known.config is not None:
        issues += unknown_kern(raw.get("kern"), tree, path, known.config)
    if kind is CENTRES and known.config is not None:
        needs = [n.id for n in known.config.vocabularies.needs]
        issues += _check_choices(raw, needs, tree, path, "behoeften")
        issues += _twice(raw, tree, path, "behoeften")
    if kind is STORIES:
        issues += _check_schools(raw, known, tree, path)
        issues += _twice(raw, tree, path, "scholen")
    if kind is WORKSHOPS and front is not None:
        issues += _check_times(front, tree, path)
    return issues


def load_item(
    file: Path, kind: OfferKind, root: Path, known: Known
) -> tuple[OfferItem | None, list[Issue]]:
    """Read, check and build one offer file."""
    display = file.relative_to(root).as_posix()
    if not SLUG.fullmatch(file.stem):
        example = f"{slugify(file.stem, fallback='naam')}.md"
        return None, [not_an_address("SOP725", display, f"De bestandsnaam '{file.name}'", example)]
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
    root: Path, config: SiteConfig | None, school_slugs: list[str]
) -> tuple[Offer, list[Issue]]:
    """Read everything under content/aanbod/; problems are collected, never raised."""
    root = Path(root)
    base = root / OFFER_DIR
    if not base.is_dir():
        return Offer(), []
    vocabularies, issues = load_vocabularies(root)
    known = Known(config, vocabularies, tuple(school_slugs))
    items: dict[OfferKind, list[OfferItem]] = {kind: [] for kind in OFFER_KINDS}
    for entry in sorted(base.iterdir()):
        if entry.name.startswith("."):
            continue
        kind = KINDS_BY_FOLDER.get(entry.name)
        if kind is None or not entry.is_dir():
            issues.append(_stray(entry, root))
            continue
        for file in sorted(entry.iterdir()):
            if file.name.startswith("."):
                continue
            if file.suffix != ".md" or not file.is_file():
                issues.append(_stray(file, root))
                continue
            item, found = load_item(file, kind, root, known)
            issues += found
            if item is not None:
                items[kind].append(item)
    lists = {kind.attribute: kind.ordered(listed) for kind, listed in items.items()}
    return Offer(vocabularies, **lists), issues


def internal_texts(offer: Offer) -> list[str]:
    """The internal notes and HTML comments of the offer, for the post-build leak check."""
    texts: list[str] = []
    for item in all_items(offer):
        public = " ".join(item.markdown.split())
        for text in (item.front.internal_note or "", *item.internal_comments):
            if text and " ".join(text.split()) not in public:
                texts.append(text)
    return texts
