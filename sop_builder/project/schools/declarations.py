"""Check what a school declares per need ('ondersteuning') and its practical facts ('praktisch')
against the SWV's lists in site_config/vocabularies.yaml.

A declaration is a level of the SWV's scale (aanbodniveaus), one or two sentences in parents'
words ('wat') and where it stops ('grens'). The finder, the school page, the kern pages and the
comparison show only what the school declared; staff and partners never decide a match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sop_builder.core.issues import Issue, allowed_list, did_you_mean, issue_at
from sop_builder.core.yamlread import Pos, YamlTree
from sop_builder.project.model import NeedDeclaration, PracticalFact, SopFrontMatter, Vocabularies

SUPPORT_KEY = "ondersteuning"
FACTS_KEY = "praktisch"
SHOWN_IN_MESSAGE = 8  # how many missing needs a message names


@dataclass
class DeclaredProfile:
    """The valid declarations and facts of one school, and the problems found."""

    declarations: dict[str, NeedDeclaration] = field(default_factory=dict)
    facts: dict[str, bool | int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def level_choices(vocab: Vocabularies) -> str:
    """'ja (Dit bieden wij), met-hulp (...), ...' for a hint."""
    return ", ".join(f"{lv.id} ({lv.label})" for lv in vocab.levels)


def _names(ids: list[str]) -> str:
    shown = ", ".join(ids[:SHOWN_IN_MESSAGE])
    return shown + (" …" if len(ids) > SHOWN_IN_MESSAGE else "")


def _where(tree: YamlTree, key: str) -> Pos:
    return tree.key_pos((key,)) or tree.pos(())


def _check_needs(
    front: SopFrontMatter, tree: YamlTree, path: str, vocab: Vocabularies, found: DeclaredProfile
) -> None:
    known = [n.id for n in vocab.needs]
    levels = [lv.id for lv in vocab.levels]
    valid: dict[str, NeedDeclaration] = {}
    for need_id, declaration in front.support.items():
        if need_id not in known:
            pos = tree.key_pos((SUPPORT_KEY, need_id)) or tree.pos((SUPPORT_KEY,))
            found.issues.append(
                issue_at(
                    "SOP220",
                    path,
                    pos,
                    f"'{need_id}' staat niet in de lijst met behoeften van het "
                    "samenwerkingsverband.",
                    did_you_mean(need_id, known) or f"Kies uit: {allowed_list(known, limit=20)}.",
                    SUPPORT_KEY,
                )
            )
            continue
        if declaration.level is None:
            continue  # not declared yet: counted below
        if declaration.level not in levels:
            pos = tree.value_pos((SUPPORT_KEY, need_id, "niveau"))
            found.issues.append(
                issue_at(
                    "SOP221",
                    path,
                    pos,
                    f"'{declaration.level}' is geen niveau bij '{need_id}'.",
                    did_you_mean(declaration.level, levels) or f"Kies uit: {level_choices(vocab)}.",
                    SUPPORT_KEY,
                )
            )
            continue
        if declaration.offer is None:
            pos = tree.value_pos((SUPPORT_KEY, need_id, "niveau"))
            found.issues.append(
                issue_at(
                    "SOP223",
                    path,
                    pos,
                    f"Het profiel is niet compleet: bij '{need_id}' staat niet wat de school "
                    "doet ('wat' is leeg).",
                    "Schrijf bij 'wat' in één of twee korte zinnen wat de school biedt, in de "
                    "woorden van ouders.",
                    SUPPORT_KEY,
                )
            )
        valid[need_id] = declaration
    refused = {n for n, d in front.support.items() if d.level is not None and d.level not in levels}
    missing = [n for n in known if n not in valid and n not in refused]  # refused: SOP221
    if missing:
        pos = _where(tree, SUPPORT_KEY)
        found.issues.append(
            issue_at(
                "SOP222",
                path,
                pos,
                f"Het profiel is niet compleet: bij {len(missing)} van de {len(known)} "
                f"behoeften staat nog niet wat de school biedt: {_names(missing)}.",
                f"Geef bij '{SUPPORT_KEY}' voor elke behoefte een niveau ({', '.join(levels)}) "
                "en één of twee zinnen bij 'wat'. Pas dan vinden ouders de school bij die "
                "behoefte.",
                SUPPORT_KEY,
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
        message = f"Bij '{fact.id}' hoort ja of nee."
        hint = "Schrijf ja of nee."
        code = "SOP108"
    else:
        if text is not None and text.isascii() and text.isdigit() and len(text) <= 6:
            return int(text), []
        message = f"Bij '{fact.id}' hoort een heel getal."
        hint = "Schrijf alleen cijfers, bijvoorbeeld 24" + (
            f" (aantal {fact.unit})." if fact.unit else "."
        )
        code = "SOP110"
    return None, [issue_at(code, path, pos, message, hint, FACTS_KEY)]


def _check_facts(
    front: SopFrontMatter, tree: YamlTree, path: str, vocab: Vocabularies, found: DeclaredProfile
) -> None:
    known = [f.id for f in vocab.practical]
    for fact_id, raw in front.practical.items():
        fact = vocab.fact(fact_id)
        if fact is None:
            pos = tree.key_pos((FACTS_KEY, fact_id)) or tree.pos((FACTS_KEY,))
            found.issues.append(
                issue_at(
                    "SOP224",
                    path,
                    pos,
                    f"'{fact_id}' staat niet in de lijst met praktische zaken van het "
                    "samenwerkingsverband.",
                    did_you_mean(fact_id, known)
                    or (f"Kies uit: {allowed_list(known)}." if known else "Haal de regel weg."),
                    FACTS_KEY,
                )
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
        found.issues.append(
            issue_at(
                "SOP225",
                path,
                pos,
                f"Het profiel is niet compleet: bij '{FACTS_KEY}' ontbreekt nog: "
                f"{_names(missing)}.",
                "Vul voor elke praktische zaak ja of nee in, of een getal. Ouders zoeken "
                "hierop, bijvoorbeeld op een lift of een rustige ruimte.",
                FACTS_KEY,
            )
        )
    found.facts = {f: found.facts[f] for f in known if f in found.facts}


def check_profile(
    front: SopFrontMatter, tree: YamlTree, path: str, vocab: Vocabularies
) -> DeclaredProfile:
    """Every problem of a school's declarations and facts, and what is valid of them."""
    found = DeclaredProfile()
    _check_needs(front, tree, path, vocab, found)
    _check_facts(front, tree, path, vocab, found)
    return found


def offered(declaration: NeedDeclaration | None, vocab: Vocabularies) -> bool:
    """Whether a declaration is at a level the finder counts as offering the need."""
    if declaration is None or declaration.level is None:
        return False
    level = vocab.level(declaration.level)
    return level is not None and level.offered
