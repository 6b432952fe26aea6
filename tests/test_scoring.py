"""Compliance with exact fractions on tiny norms."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from sop_builder.project.model import Norm, SelfAssessment
from sop_builder.project.scoring import Tally, format_count, score


def norm(
    count: int, deels: str = "0", nvt_allowed: str = "nee", unscored: str = "niet-voldaan"
) -> Norm:
    return Norm.model_validate(
        {
            "versie": "1",
            "codevoorbeeld": "BO-01",
            "naam": "Test",
            "aspecten": [{"id": "a", "naam": "A"}],
            "schaal": [
                {"code": "ja", "label": "Voldoet", "gewicht": "1"},
                {"code": "deels", "label": "Deels", "gewicht": deels},
                {"code": "nee", "label": "Niet", "gewicht": "0"},
                {"code": "nvt", "label": "N.v.t.", "nvt": "ja"},
            ],
            "nvt_toegestaan": nvt_allowed,
            "zonder_score": unscored,
            "themas": [
                {"id": "t1", "titel": "T1", "omschrijving": "x"},
                {"id": "t2", "titel": "T2", "omschrijving": "x"},
            ],
            "afspraken": [
                {
                    "id": f"BO-{i:02d}",
                    "thema": "t1" if i % 2 else "t2",
                    "aspect": "a",
                    "titel": f"A{i}",
                    "omschrijving": "x",
                }
                for i in range(1, count + 1)
            ],
        }
    )


def self_assessment(scores: dict[str, str]) -> SelfAssessment:
    return SelfAssessment("2025-2026", date(2025, 10, 1), scores, {}, "x.yaml")


def test_80_percent_of_65_is_exactly_52():
    n = norm(65)
    ids = [a.id for a in n.agreements]
    at_52 = score(
        self_assessment({i: "ja" if k < 52 else "nee" for k, i in enumerate(ids)}), n, Fraction(80)
    )
    at_51 = score(
        self_assessment({i: "ja" if k < 51 else "nee" for k, i in enumerate(ids)}), n, Fraction(80)
    )
    assert (at_52.total.met, at_52.total.counted, at_52.meets_target) == (52, 65, True)
    assert at_51.meets_target is False


def test_85_percent_of_65_needs_56_and_55_shows_84_not_85():
    n = norm(65)
    ids = [a.id for a in n.agreements]
    at_55 = score(
        self_assessment({i: "ja" if k < 55 else "nee" for k, i in enumerate(ids)}), n, Fraction(85)
    )
    at_56 = score(
        self_assessment({i: "ja" if k < 56 else "nee" for k, i in enumerate(ids)}), n, Fraction(85)
    )
    assert (at_55.meets_target, at_55.total.percentage) == (False, 84)
    assert (at_56.meets_target, at_56.total.percentage) == (True, 86)


def test_deels_weight_half_and_dutch_decimal_comma():
    n = norm(4, deels="1/2")
    result = score(
        self_assessment({"BO-01": "ja", "BO-02": "deels", "BO-03": "deels", "BO-04": "deels"}),
        n,
        Fraction(50),
    )
    assert result.total == Tally(Fraction(5, 2), 4)
    assert format_count(result.total.met) == "2,5"
    assert result.meets_target


def test_nvt_is_left_out_of_the_count_and_themes_add_up():
    n = norm(4, nvt_allowed="ja")
    result = score(
        self_assessment({"BO-01": "ja", "BO-02": "nvt", "BO-03": "nee", "BO-04": "ja"}),
        n,
        Fraction(80),
    )
    assert result.total == Tally(Fraction(2), 3)
    assert result.by_theme == {"t1": Tally(Fraction(1), 2), "t2": Tally(Fraction(1), 1)}


def test_unscored_counts_as_not_met_or_not_at_all_as_configured():
    scores = {"BO-01": "ja", "BO-02": "ja"}
    strict = score(self_assessment(scores), norm(4), Fraction(80))
    lenient = score(self_assessment(scores), norm(4, unscored="telt-niet-mee"), Fraction(80))
    assert (strict.total, strict.complete, strict.meets_target) == (
        Tally(Fraction(2), 4),
        False,
        False,
    )
    assert (lenient.total, lenient.meets_target) == (Tally(Fraction(2), 2), True)
