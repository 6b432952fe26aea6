"""Check schools against the configuration: kernen, vocabularies, agreements, dates, length."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sop_builder.core.catalogue.crosschecks import (
    DUPLICATE_SLUG,
    DUPLICATE_VESTIGINGSCODE,
    IN_OTHER_LIST,
)
from sop_builder.core.catalogue.scores import (
    AGREEMENT_FROM,
    AGREEMENT_UNTIL,
    NO_SELF_ASSESSMENT,
    NOT_A_SCORE,
    NOT_APPLICABLE_REFUSED,
    ONE_UNSCORED_FAILS,
    ONE_UNSCORED_NOT_COUNTED,
    UNKNOWN_AGREEMENT,
    UNKNOWN_AGREEMENT_OF_YEAR,
    UNSCORED_FAILS,
    UNSCORED_NOT_COUNTED,
)
from sop_builder.core.catalogue.sop import (
    ADOPTED_LONG_AGO,
    EXPIRED,
    MR_AFTER_BOARD,
    NO_MR_DATE,
    TOO_LONG,
)
from sop_builder.core.issues import Issue, Place, Pos, choose_from, did_you_mean
from sop_builder.project.build_settings import language_choice
from sop_builder.project.files import self_assessment_name
from sop_builder.project.messages import (
    listed_twice,
    no_norm_for_year,
    not_in_list,
    unknown_agreement_hint,
    unknown_kern,
)
from sop_builder.project.model import (
    School,
    ScoreEntry,
    SelfAssessment,
    SelfAssessmentFile,
    SiteConfig,
    SopFrontMatter,
)
from sop_builder.project.placeholders import MARK, find_placeholders
from sop_builder.project.schools.declarations import check_profile
from sop_builder.project.schools.read import LoadedSchool, LoadedSelfAssessment
from sop_builder.project.sections import visible_length
from sop_builder.project.staff_lists import STAFF_LISTS

SCORES_KEY = SelfAssessmentFile.key("scores")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _not_in_vocabulary(path: str, pos: Place, choice: str, name: str, config: SiteConfig) -> Issue:
    """SOP202 with a close id, or with the list where the choice does belong."""
    vocab = config.vocabularies
    lists = {s.attribute: [e.id for e in s.options(vocab)] for s in STAFF_LISTS}
    key = SopFrontMatter.key(name)
    suggestion = did_you_mean(choice, lists[name])
    if not suggestion:
        other = next((n for n, ids in lists.items() if n != name and choice in ids), None)
        if other is not None:
            other_key = SopFrontMatter.key(other)
            return IN_OTHER_LIST.at(path, pos, field=key, choice=choice, key=key, other=other_key)
    hint = suggestion or choose_from(lists[name], limit=20)
    return not_in_list(path, pos, choice, key, hint)


def _check_front(school: LoadedSchool, config: SiteConfig, today: date) -> list[Issue]:
    """Cross-check the SOP. Works on the raw values too, so that a school whose front matter
    has other errors still gets every problem reported at once."""
    front, tree, path = school.front, school.tree, school.sop_path
    assert tree is not None
    raw = tree.data if isinstance(tree.data, dict) else {}
    issues: list[Issue] = []
    issues += unknown_kern(raw, tree, path, config, SopFrontMatter.key("kern"))
    for staff in STAFF_LISTS:
        name = staff.attribute
        options = [e.id for e in staff.options(config.vocabularies)]
        key = SopFrontMatter.key(name)
        seen: set[str] = set()
        values = raw.get(key)
        for index, choice in enumerate(values if isinstance(values, list) else []):
            if not isinstance(choice, str) or not choice.strip():
                continue  # reported by the schema
            choice = choice.strip()
            pos = tree.value_pos((key, index))
            if choice not in options:
                issues.append(_not_in_vocabulary(path, pos, choice, name, config))
            elif choice in seen:
                issues.append(listed_twice(path, pos, choice, key))
            seen.add(choice)
    if front is not None:
        issues += _check_dates(school, today)
    length = sum(visible_length(s.markdown) for s in school.sections)
    limit = config.swv.sop_max_chars
    if length > limit:
        issues.append(TOO_LONG.at(path, length=length, limit=limit, excess=length - limit))
    return issues


def _check_dates(school: LoadedSchool, today: date) -> list[Issue]:
    front, tree, path = school.front, school.tree, school.sop_path
    assert front is not None
    assert tree is not None
    issues: list[Issue] = []
    adopted = front.adopted_by_board
    if adopted < _years_before(today, 4):
        key = SopFrontMatter.key("adopted_by_board")
        pos = tree.value_pos((key,))
        issues.append(ADOPTED_LONG_AGO.at(path, pos, field=key, date=adopted.isoformat()))
    mr_key = SopFrontMatter.key("discussed_with_mr")
    if front.discussed_with_mr is None:
        pos = tree.key_pos((mr_key,)) or tree.pos(())
        issues.append(NO_MR_DATE.at(path, pos, field=mr_key))
    elif front.discussed_with_mr > adopted:
        pos = tree.value_pos((mr_key,))
        discussed = front.discussed_with_mr.isoformat()
        issues.append(
            MR_AFTER_BOARD.at(
                path, pos, field=mr_key, discussed=discussed, adopted=adopted.isoformat()
            )
        )
    if front.valid_until < today:
        key = SopFrontMatter.key("valid_until")
        pos = tree.value_pos((key,))
        issues.append(EXPIRED.at(path, pos, field=key, date=front.valid_until.isoformat()))
    return issues


def _other_years(config: SiteConfig, agreement_id: str, year: str) -> list[str]:
    """The first school years of the other versions of the norm that have ``agreement_id``."""
    own = config.norm_year(year)
    return [y for y, n in config.norms.items() if y != own and n.agreement(agreement_id)]


def _wrong_year(
    loaded: LoadedSelfAssessment, pos: Place, agreement_id: str, year: str, others: list[str]
) -> Issue:
    """SOP307: an agreement that the norm of another school year has, not this year's."""
    later = [y for y in others if y > year]
    values = {"field": SCORES_KEY, "agreement": agreement_id, "year": year}
    if later:
        return AGREEMENT_FROM.at(loaded.path, pos, first=later[0], **values)
    return AGREEMENT_UNTIL.at(loaded.path, pos, last=max(others), **values)


def _check_self_assessment(
    loaded: LoadedSelfAssessment, config: SiteConfig, text: str
) -> tuple[SelfAssessment | None, list[Issue]]:
    """Check one self-assessment against the norm of its own school year."""
    year = loaded.year_in_name
    norm = config.norm_for(year)
    if norm is None:
        key = SelfAssessmentFile.key("school_year")
        pos = loaded.tree.value_pos((key,))
        return None, [no_norm_for_year(loaded.path, year, sorted(config.norms), key, pos)]
    ids = norm.agreement_ids()
    known = set(ids)
    codes = [s.code for s in norm.usable_levels()]
    issues: list[Issue] = []
    scores: dict[str, str] = {}
    explanations: dict[str, str] = {}
    unscored = [i for i in ids if i not in loaded.model.scores]
    for agreement_id, entry in loaded.entries.items():
        key_pos = loaded.tree.key_pos((SCORES_KEY, agreement_id)) or loaded.tree.pos((SCORES_KEY,))
        if agreement_id not in known:
            others = _other_years(config, agreement_id, year)
            if others:
                issues.append(_wrong_year(loaded, key_pos, agreement_id, year, others))
                continue
            values = {
                "field": SCORES_KEY,
                "agreement": agreement_id,
                "first": ids[0],
                "last": ids[-1],
                "suggestion": unknown_agreement_hint(agreement_id, ids, unscored),
            }
            issues.append(
                UNKNOWN_AGREEMENT_OF_YEAR.at(loaded.path, key_pos, year=year, **values)
                if len(config.norms) > 1
                else UNKNOWN_AGREEMENT.at(loaded.path, key_pos, **values)
            )
            continue
        level = norm.level(entry.score)
        score_path: tuple[str, ...] = (SCORES_KEY, agreement_id)
        if isinstance(loaded.model.scores[agreement_id], dict):
            score_path = (*score_path, ScoreEntry.key("score"))
        pos = loaded.tree.value_pos(score_path)
        if level is None:
            suggestion = did_you_mean(entry.score, codes) or choose_from(codes, limit=None)
            issues.append(
                NOT_A_SCORE.at(
                    loaded.path,
                    pos,
                    field=SCORES_KEY,
                    score=entry.score,
                    agreement=agreement_id,
                    suggestion=suggestion,
                )
            )
            continue
        if level.not_applicable and not norm.not_applicable_allowed:
            issues.append(
                NOT_APPLICABLE_REFUSED.at(
                    loaded.path, pos, field=SCORES_KEY, score=entry.score, codes=", ".join(codes)
                )
            )
            continue
        scores[agreement_id] = entry.score
        if entry.explanation:
            explanations[agreement_id] = entry.explanation
    missing = unscored
    if missing:
        pos = loaded.tree.pos((SCORES_KEY,))
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        not_counted = norm.unscored == "telt-niet-mee"
        if len(missing) == 1:
            message = ONE_UNSCORED_NOT_COUNTED if not_counted else ONE_UNSCORED_FAILS
        else:
            message = UNSCORED_NOT_COUNTED if not_counted else UNSCORED_FAILS
        issues.append(
            message.at(
                loaded.path,
                pos,
                field=SCORES_KEY,
                count=len(missing),
                total=len(ids),
                agreements=shown,
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
    key = SopFrontMatter.key("vestigingscode")
    pos = school.tree.value_pos((key,)) if code and school.tree else None
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
            others = ", ".join(s.sop_path for s in group if s is not school)
            issues.append(
                DUPLICATE_VESTIGINGSCODE.at(
                    school.sop_path,
                    school.code_pos,
                    field=SopFrontMatter.key("vestigingscode"),
                    code=code,
                    others=others,
                )
            )
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        odd = [s for s in group if s.slug != slug]  # the folder whose name is not the address
        for school in odd or group[1:]:
            others = ", ".join(s.folder for s in group if s is not school)
            issues.append(
                DUPLICATE_SLUG.at(school.folder, folder=school.folder, slug=slug, others=others)
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
        year = config.swv.school_year
        issues.append(
            NO_SELF_ASSESSMENT.at(school.folder, year=year, file=self_assessment_name(year))
        )
    if school.front is None or school.tree is None:
        return None, issues  # reported; a school that cannot be read is not published
    languages, _ = language_choice(config)
    profile = check_profile(
        school.front, school.tree, school.sop_path, config.vocabularies, languages
    )
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
