"""Check schools against the configuration: kernen, vocabularies, agreements, dates, length."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sop_builder.core.issues import Issue, allowed_list, did_you_mean, issue_at, make_issue
from sop_builder.core.yamlread import Pos
from sop_builder.project.files import self_assessment_name
from sop_builder.project.messages import (
    listed_twice,
    no_norm_for_year,
    not_in_list,
    unknown_agreement_hint,
    unknown_kern,
)
from sop_builder.project.model import School, SelfAssessment, SiteConfig
from sop_builder.project.placeholders import MARK, find_placeholders
from sop_builder.project.schools.declarations import check_profile
from sop_builder.project.schools.read import LoadedSchool, LoadedSelfAssessment
from sop_builder.project.sections import visible_length

_VOCAB_FIELDS = (
    ("interne_expertise", "internal_expertise", "internal_expertise"),
    ("externe_deskundigheid", "external_expertise", "external_expertise"),
    ("extra_ondersteuning", "extra_support", "extra_support"),
)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _vocabulary_hint(choice: str, alias: str, config: SiteConfig) -> str:
    """Suggest a close id, or name the list where the choice does belong."""
    vocab = config.vocabularies
    lists = {a: [e.id for e in getattr(vocab, v)] for a, _attr, v in _VOCAB_FIELDS}
    suggestion = did_you_mean(choice, lists[alias])
    if suggestion:
        return suggestion
    for other, ids in lists.items():
        if other != alias and choice in ids:
            return f"'{choice}' hoort bij '{other}'. Zet het daar neer."
    return f"Kies uit: {allowed_list(lists[alias], limit=20)}."


def _check_front(school: LoadedSchool, config: SiteConfig, today: date) -> list[Issue]:
    """Cross-check the SOP. Works on the raw values too, so that a school whose front matter
    has other errors still gets every problem reported at once."""
    front, tree, path = school.front, school.tree, school.sop_path
    assert tree is not None
    raw = tree.data if isinstance(tree.data, dict) else {}
    issues: list[Issue] = []
    issues += unknown_kern(raw.get("kern"), tree, path, config)
    for alias, _attr, vocab_attr in _VOCAB_FIELDS:
        options = [e.id for e in getattr(config.vocabularies, vocab_attr)]
        seen: set[str] = set()
        values = raw.get(alias)
        for index, choice in enumerate(values if isinstance(values, list) else []):
            if not isinstance(choice, str) or not choice.strip():
                continue  # reported by the schema
            choice = choice.strip()
            pos = tree.value_pos((alias, index))
            if choice not in options:
                hint = _vocabulary_hint(choice, alias, config)
                issues.append(not_in_list(path, pos, choice, alias, hint))
            elif choice in seen:
                issues.append(listed_twice(path, pos, choice, alias))
            seen.add(choice)
    if front is not None:
        issues += _check_dates(school, today)
    length = sum(visible_length(s.markdown) for s in school.sections)
    limit = config.swv.sop_max_chars
    if length > limit:
        issues.append(
            make_issue(
                "SOP401",
                path,
                1,
                1,
                f"De tekst van het SOP is te lang voor één A4: {length} tekens, de grens is {limit}.",
                f"Maak de tekst {length - limit} tekens korter; korte zinnen lezen ook makkelijker.",
            )
        )
    return issues


def _check_dates(school: LoadedSchool, today: date) -> list[Issue]:
    front, tree, path = school.front, school.tree, school.sop_path
    assert front is not None and tree is not None
    issues: list[Issue] = []
    adopted = front.adopted_by_board
    if adopted < _years_before(today, 4):
        pos = tree.value_pos(("vastgesteld_door_bestuur",))
        issues.append(
            issue_at(
                "SOP402",
                path,
                pos,
                f"Het SOP is vastgesteld op {adopted.isoformat()}; dat is meer dan 4 jaar geleden.",
                "Het bestuur moet het SOP minstens elke 4 jaar opnieuw vaststellen. Werk het SOP bij, "
                "bespreek het met de MR en vul de nieuwe datum in.",
                "vastgesteld_door_bestuur",
            )
        )
    if front.discussed_with_mr is None:
        pos = tree.key_pos(("besproken_met_mr",)) or tree.pos(())
        issues.append(
            issue_at(
                "SOP403",
                path,
                pos,
                "Er staat niet bij wanneer de MR het SOP heeft besproken.",
                "De MR heeft adviesrecht. Voeg 'besproken_met_mr: JJJJ-MM-DD' toe.",
                "besproken_met_mr",
            )
        )
    elif front.discussed_with_mr > adopted:
        pos = tree.value_pos(("besproken_met_mr",))
        issues.append(
            issue_at(
                "SOP410",
                path,
                pos,
                f"De MR heeft het SOP besproken op {front.discussed_with_mr.isoformat()}, na de "
                f"vaststelling door het bestuur op {adopted.isoformat()}.",
                "De MR geeft advies vóór het bestuur beslist. Controleer beide datums.",
                "besproken_met_mr",
            )
        )
    if front.valid_until < today:
        pos = tree.value_pos(("geldig_tot",))
        issues.append(
            issue_at(
                "SOP404",
                path,
                pos,
                f"Het SOP was geldig tot {front.valid_until.isoformat()}; die datum is voorbij.",
                "Werk het SOP bij en laat het opnieuw vaststellen.",
                "geldig_tot",
            )
        )
    return issues


def _other_years(config: SiteConfig, agreement_id: str, year: str) -> list[str]:
    """The first school years of the other versions of the norm that have ``agreement_id``."""
    own = config.norm_year(year)
    return [y for y, n in config.norms.items() if y != own and n.agreement(agreement_id)]


def _wrong_year(
    loaded: LoadedSelfAssessment, pos: Pos, agreement_id: str, year: str, others: list[str]
) -> Issue:
    """SOP307: an agreement that the norm of another school year has, not this year's."""
    later = [y for y in others if y > year]
    when = f"vanaf {later[0]}" if later else f"tot {max(others)} (en eerder)"
    return issue_at(
        "SOP307",
        loaded.path,
        pos,
        f"Afspraak '{agreement_id}' hoort niet bij de norm van {year}; die afspraak geldt {when}.",
        f"Haal de score weg: in {year} telt deze afspraak niet mee. Hoort de score bij een "
        "ander schooljaar? Zet hem dan in het bestand van dat jaar.",
        "scores",
    )


def _check_self_assessment(
    loaded: LoadedSelfAssessment, config: SiteConfig, text: str
) -> tuple[SelfAssessment | None, list[Issue]]:
    """Check one self-assessment against the norm of its own school year."""
    year = loaded.year_in_name
    norm = config.norm_for(year)
    if norm is None:
        pos = loaded.tree.value_pos(("schooljaar",))
        return None, [no_norm_for_year(loaded.path, year, sorted(config.norms), pos)]
    ids = norm.agreement_ids()
    known = set(ids)
    codes = [s.code for s in norm.usable_levels()]
    which = f"de norm van {year}" if len(config.norms) > 1 else "de norm"
    issues: list[Issue] = []
    scores: dict[str, str] = {}
    explanations: dict[str, str] = {}
    unscored = [i for i in ids if i not in loaded.model.scores]
    for agreement_id, entry in loaded.entries.items():
        key_pos = loaded.tree.key_pos(("scores", agreement_id)) or loaded.tree.pos(("scores",))
        if agreement_id not in known:
            others = _other_years(config, agreement_id, year)
            if others:
                issues.append(_wrong_year(loaded, key_pos, agreement_id, year, others))
                continue
            first, last = ids[0], ids[-1]
            hint = unknown_agreement_hint(agreement_id, ids, unscored)
            issues.append(
                issue_at(
                    "SOP301",
                    loaded.path,
                    key_pos,
                    f"Afspraak '{agreement_id}' bestaat niet; {which} kent {first} t/m {last}.",
                    hint,
                    "scores",
                )
            )
            continue
        level = norm.level(entry.score)
        score_path: tuple[str, ...] = ("scores", agreement_id)
        if isinstance(loaded.model.scores[agreement_id], dict):
            score_path = (*score_path, "score")
        pos = loaded.tree.value_pos(score_path)
        if level is None:
            issues.append(
                issue_at(
                    "SOP303",
                    loaded.path,
                    pos,
                    f"'{entry.score}' is geen score bij {agreement_id}.",
                    did_you_mean(entry.score, codes) or f"Kies uit: {', '.join(codes)}.",
                    "scores",
                )
            )
            continue
        if level.not_applicable and not norm.not_applicable_allowed:
            issues.append(
                issue_at(
                    "SOP304",
                    loaded.path,
                    pos,
                    f"'{entry.score}' (niet van toepassing) mag in dit samenwerkingsverband niet.",
                    f"Kies uit: {', '.join(codes)}.",
                    "scores",
                )
            )
            continue
        scores[agreement_id] = entry.score
        if entry.explanation:
            explanations[agreement_id] = entry.explanation
    missing = unscored
    if missing:
        pos = loaded.tree.pos(("scores",))
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        issues.append(
            issue_at(
                "SOP302",
                loaded.path,
                pos,
                f"{len(missing)} van de {len(ids)} afspraken {'heeft' if len(missing) == 1 else 'hebben'} "
                f"nog geen score: {shown}.",
                "Vul voor elke afspraak een score in. "
                + (
                    "Zonder score telt een afspraak niet mee."
                    if norm.unscored == "telt-niet-mee"
                    else "Zonder score telt een afspraak als 'niet gehaald'."
                ),
                "scores",
            )
        )
    assessment = SelfAssessment(
        year,
        loaded.model.filled_in_on,
        scores,
        explanations,
        loaded.path,
        loaded.model.filled_in_by,
        bool(find_placeholders(text, loaded.path)) if MARK in text else False,
    )
    return assessment, issues


@dataclass(frozen=True)
class Identity:
    """What the checks across schools need to know of one school folder."""

    slug: str
    folder: str
    sop_path: str
    code: str | None
    code_pos: Pos | None
    # One vestigingscode may be two schools: at two addresses (one location in two places),
    # or of two kinds (DUO's '(V)SO' as an so and a vso school).
    place: tuple[str, str, str] = ("", "", "")  # kind, street, postcode


def identity(school: LoadedSchool) -> Identity:
    front = school.front
    code = front.vestigingscode if front is not None else None
    pos = school.tree.value_pos(("vestigingscode",)) if code and school.tree else None
    place = (
        (
            front.type,
            " ".join(front.address.street.lower().split()),
            front.address.postcode.replace(" ", ""),
        )
        if front is not None
        else ("", "", "")
    )
    return Identity(school.slug, school.folder, school.sop_path, code, pos, place)


def check_unique(schools: list[Identity]) -> list[Issue]:
    """Vestigingscodes and page addresses must be unique across all schools."""
    issues: list[Issue] = []
    by_code: dict[str, list[Identity]] = defaultdict(list)
    by_slug: dict[str, list[Identity]] = defaultdict(list)
    for school in schools:
        if school.code is not None:
            by_code[school.code].append(school)
        by_slug[re.sub(r"[\s_]+", "-", school.slug.lower())].append(school)
    for code, schools_of_code in by_code.items():
        places: dict[tuple[str, str, str], list[Identity]] = defaultdict(list)
        for school in schools_of_code:
            places[school.place].append(school)
        for school, group in [(s, g) for g in places.values() for s in g[1:]]:
            pos = school.code_pos or Pos(1, 1)
            others = ", ".join(s.sop_path for s in group if s is not school)
            issues.append(
                issue_at(
                    "SOP204",
                    school.sop_path,
                    pos,
                    f"De vestigingscode {code} wordt ook gebruikt in {others}.",
                    "Elke school heeft een eigen vestigingscode; alleen een school op twee "
                    "adressen, of een so- en een vso-school op één adres, delen er een. "
                    "Controleer beide bestanden.",
                    "vestigingscode",
                )
            )
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        odd = [s for s in group if s.slug != slug]  # the folder whose name is not the address
        for school in odd or group[1:]:
            others = ", ".join(s.folder for s in group if s is not school)
            issues.append(
                make_issue(
                    "SOP205",
                    school.folder,
                    1,
                    1,
                    f"De map {school.folder} geeft hetzelfde adres (/scholen/{slug}/) als {others}.",
                    "Geef elke school een eigen mapnaam.",
                )
            )
    return issues


def validate_school(
    school: LoadedSchool, config: SiteConfig, today: date
) -> tuple[School | None, list[Issue]]:
    """Check one school against the configuration (not against other schools)."""
    issues: list[Issue] = []
    if school.tree is not None:
        issues += _check_front(school, config, today)
    assessments: dict[str, SelfAssessment] = {}
    for item in school.self_assessments:
        text = school.self_assessment_texts.get(item.path, "")
        assessment, found = _check_self_assessment(item, config, text)
        issues += found
        if assessment is not None:
            assessments[assessment.school_year] = assessment
    if config.swv.school_year not in school.self_assessment_years:
        issues.append(
            make_issue(
                "SOP306",
                school.folder,
                1,
                1,
                f"Er is geen zelfevaluatie voor het schooljaar {config.swv.school_year}.",
                f"Maak het bestand {self_assessment_name(config.swv.school_year)} in deze map.",
            )
        )
    if school.front is None or school.tree is None:
        return None, issues  # reported; a school that cannot be read is not published
    profile = check_profile(school.front, school.tree, school.sop_path, config.vocabularies)
    issues += profile.issues
    valid = School(
        school.slug,
        school.sop_path,
        school.front,
        tuple(school.sections),
        tuple(school.comments),
        assessments,
        profile.declarations,
        profile.facts,
    )
    return valid, issues
