"""Check what a school declares per need ('ondersteuning') and its practical facts ('praktisch')
against the SWV's lists in site_config/vocabularies.yaml.

A declaration is a level of the SWV's scale (aanbodniveaus), one or two sentences in parents'
words ('wat') and where it stops ('grens'). The finder, the school page, the kern pages and the
comparison show only what the school declared; staff and partners never decide a match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sop_builder.core.catalogue.crosschecks import (
    FACTS_MISSING,
    LEVEL_WITHOUT_TEXT,
    NEEDS_UNDECLARED,
    UNKNOWN_FACT,
    UNKNOWN_FACT_NO_LIST,
    UNKNOWN_LEVEL,
    UNKNOWN_NEED,
)
from sop_builder.core.catalogue.schema import (
    FACT_NOT_A_NUMBER,
    FACT_NOT_A_NUMBER_OF,
    FACT_NOT_YES_OR_NO,
)
from sop_builder.core.issues import Issue, Pos, choose_from, did_you_mean
from sop_builder.core.yamlread import YamlTree
from sop_builder.project.model import NeedDeclaration, PracticalFact, SopFrontMatter, Vocabularies
from sop_builder.project.schools.own_translations import check_own_translations

SUPPORT_KEY = SopFrontMatter.key("support")
FACTS_KEY = SopFrontMatter.key("practical")
LEVEL_KEY = NeedDeclaration.key("level")
SHOWN_IN_MESSAGE = 8  # how many missing needs a message names


@dataclass
class DeclaredProfile:
    """The valid declarations and facts of one school, and the problems found."""

    declarations: dict[str, NeedDeclaration] = field(default_factory=dict)
    facts: dict[str, bool | int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def _names(ids: list[str]) -> str:
    shown = ", ".join(ids[:SHOWN_IN_MESSAGE])
    return shown + (" …" if len(ids) > SHOWN_IN_MESSAGE else "")


def _where(tree: YamlTree, key: str) -> Pos:
    return tree.key_pos((key,)) or tree.pos(())


def _check_needs(
    front: SopFrontMatter,
    tree: YamlTree,
    path: str,
    vocab: Vocabularies,
    found: DeclaredProfile,
    languages: tuple[str, ...],
) -> None:
    known = [n.id for n in vocab.needs]
    levels = [lv.id for lv in vocab.levels]
    valid: dict[str, NeedDeclaration] = {}
    for need_id, declaration in front.support.items():
        if need_id not in known:
            pos = tree.key_pos((SUPPORT_KEY, need_id)) or tree.pos((SUPPORT_KEY,))
            suggestion = did_you_mean(need_id, known) or choose_from(known, limit=20)
            found.issues.append(
                UNKNOWN_NEED.at(path, pos, field=SUPPORT_KEY, need=need_id, suggestion=suggestion)
            )
            continue
        if declaration.level is None:
            continue  # not declared yet: counted below
        if declaration.level not in levels:
            pos = tree.value_pos((SUPPORT_KEY, need_id, LEVEL_KEY))
            suggestion = did_you_mean(declaration.level, levels) or choose_from(
                [f"{lv.id} ({lv.label})" for lv in vocab.levels], limit=None
            )
            found.issues.append(
                UNKNOWN_LEVEL.at(
                    path,
                    pos,
                    field=SUPPORT_KEY,
                    level=declaration.level,
                    need=need_id,
                    suggestion=suggestion,
                )
            )
            continue
        if declaration.offer is None:
            pos = tree.value_pos((SUPPORT_KEY, need_id, LEVEL_KEY))
            found.issues.append(LEVEL_WITHOUT_TEXT.at(path, pos, field=SUPPORT_KEY, need=need_id))
        found.issues += check_own_translations(need_id, declaration, tree, path, languages)
        valid[need_id] = declaration
    refused = {n for n, d in front.support.items() if d.level is not None and d.level not in levels}
    missing = [n for n in known if n not in valid and n not in refused]  # refused: SOP221
    if missing:
        pos = _where(tree, SUPPORT_KEY)
        found.issues.append(
            NEEDS_UNDECLARED.at(
                path,
                pos,
                field=SUPPORT_KEY,
                count=len(missing),
                total=len(known),
                needs=_names(missing),
                levels=", ".join(levels),
            )
        )
    found.declarations = {n: valid[n] for n in known if n in valid}


def _fact_value(
    fact: PracticalFact, raw: Any, tree: YamlTree, path: str
) -> tuple[bool | int | None, list[Issue]]:
    """The value of one fact as its kind says, or the problem with it."""
    text = " ".join(raw.split()).lower() if isinstance(raw, str) else None
    if text == "":
        return None, []  # not filled in
    pos = tree.value_pos((FACTS_KEY, fact.id))
    if fact.kind == "ja-nee":
        if text in ("ja", "nee"):
            return text == "ja", []
        return None, [FACT_NOT_YES_OR_NO.at(path, pos, field=FACTS_KEY, fact=fact.id)]
    if text is not None and text.isascii() and text.isdigit() and len(text) <= 6:
        return int(text), []
    if fact.unit:
        issue = FACT_NOT_A_NUMBER_OF.at(path, pos, field=FACTS_KEY, fact=fact.id, unit=fact.unit)
    else:
        issue = FACT_NOT_A_NUMBER.at(path, pos, field=FACTS_KEY, fact=fact.id)
    return None, [issue]


def _check_facts(
    front: SopFrontMatter, tree: YamlTree, path: str, vocab: Vocabularies, found: DeclaredProfile
) -> None:
    known = [f.id for f in vocab.practical]
    for fact_id, raw in front.practical.items():
        fact = vocab.fact(fact_id)
        if fact is None:
            pos = tree.key_pos((FACTS_KEY, fact_id)) or tree.pos((FACTS_KEY,))
            suggestion = did_you_mean(fact_id, known) or (choose_from(known) if known else "")
            found.issues.append(
                UNKNOWN_FACT.at(path, pos, field=FACTS_KEY, fact=fact_id, suggestion=suggestion)
                if suggestion
                else UNKNOWN_FACT_NO_LIST.at(path, pos, field=FACTS_KEY, fact=fact_id)
            )
            continue
        value, problems = _fact_value(fact, raw, tree, path)
        found.issues += problems
        if value is not None:
            found.facts[fact_id] = value
    wrong = {f for f in front.practical if f in known and f not in found.facts}
    wrong = {f for f in wrong if str(front.practical[f]).strip()}  # reported above
    missing = [f for f in known if f not in found.facts and f not in wrong]
    if missing:
        pos = _where(tree, FACTS_KEY)
        found.issues.append(FACTS_MISSING.at(path, pos, field=FACTS_KEY, facts=_names(missing)))
    found.facts = {f: found.facts[f] for f in known if f in found.facts}


def check_profile(
    front: SopFrontMatter,
    tree: YamlTree,
    path: str,
    vocab: Vocabularies,
    languages: tuple[str, ...] = (),
) -> DeclaredProfile:
    """Every problem of a school's declarations and facts, and what is valid of them;
    ``languages``: those the public site is published in besides Dutch (site_config/bouwen.yaml
    talen), the only ones a school may translate its declarations into."""
    found = DeclaredProfile()
    _check_needs(front, tree, path, vocab, found, languages)
    _check_facts(front, tree, path, vocab, found)
    return found


def offered(declaration: NeedDeclaration | None, vocab: Vocabularies) -> bool:
    """Whether a declaration is at a level the finder counts as offering the need."""
    if declaration is None or declaration.level is None:
        return False
    level = vocab.level(declaration.level)
    return level is not None and level.offered
