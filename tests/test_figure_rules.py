"""The definitions of the SWV's figures (project/figure_rules.py, docs/kengetallen.md): each
computed figure against a value worked out by hand here."""

from __future__ import annotations

from fractions import Fraction

from sop_builder.project.figure_rules import (
    MIN_BASE,
    Share,
    count_range,
    euro,
    participation,
    percent,
    share,
    signal_value,
    total,
)
from sop_builder.project.pupils import Count, parse_value


def c(text: str, year: int = 2024) -> Count:
    count = parse_value(text, year)
    assert count is not None
    return count


def test_participation_in_sbo_and_so_is_a_share_of_bao_plus_sbo():
    # By hand: 60 / (2000 + 60) = 60/2060 = 0.029126... -> 2,9 %.
    sbo = participation(c("60"), c("2000"), c("60"))
    assert (sbo.low, sbo.high) == (Fraction(60, 2060), Fraction(60, 2060))
    assert sbo.text() == "2,9%"
    # so: the 45 pupils the SWV pays for over the same 2060: 0.021844... -> 2,2 %.
    so = participation(c("45"), c("2000"), c("60"))
    assert so.text() == "2,2%"
    # The country: 34,010 / (1,361,234 + 34,010) = 34010/1395244 = 0.024375... -> 2,4 %.
    assert participation(c("34010"), c("1361234"), c("34010")).text() == "2,4%"


def test_a_masked_count_gives_the_range_it_lies_in():
    # '<5' so pupils of 2060: at most 4/2060 = 0.0019417... -> rounded up: 0,2 %.
    masked = participation(c("<5"), c("2000"), c("60"))
    assert (masked.low, masked.high) == (Fraction(0), Fraction(4, 2060))
    assert masked.text() == "hooguit 0,2%"
    assert not masked.exact
    # bao '1990+' (at least 1990): 60 / (>= 2050) is at most 60/2050 = 0.029268... -> 3,0 %.
    partial = participation(c("60"), c("1990+"), c("60"))
    assert partial.text() == "hooguit 3,0%"
    # a part of 'at least 50' over exactly 1000: at least 5,0 %, no upper bound known.
    assert share(c("50+"), c("1000")).text() == "ten minste 5,0%"
    # '<5' over a base with masked pupils: between 0 and 4/(>=1000).
    assert share(c("<5"), c("1000+")).text() == "hooguit 0,4%"


def test_a_share_over_few_pupils_is_not_shown():
    # 80 + 10 = 90 pupils, fewer than MIN_BASE (100): no share, not even a range.
    few = participation(c("10"), c("80"), c("10"))
    assert MIN_BASE == 100
    assert few == Share(hidden="niet getoond: minder dan 100 leerlingen")
    assert few.middle is None
    assert "10" not in few.text().replace("100", "")
    # 90 + 10 = 100 is enough: 10/100 = 10,0 %.
    assert participation(c("10"), c("90"), c("10")).text() == "10,0%"


def test_percentages_round_as_their_bounds_need():
    assert percent(Fraction(1834, 100000)) == "1,8%"
    assert percent(Fraction(1850, 100000)) == "1,9%"  # half rounds up
    assert percent(Fraction(1801, 100000), "up") == "1,9%"
    assert percent(Fraction(1899, 100000), "down") == "1,8%"
    assert percent(Fraction(1, 1)) == "100,0%"


def test_sums_with_masked_counts_are_at_least_the_published_part():
    # 12 + '<5' + 7: at least 19, never 19 + a guess.
    summed = total(2024, [c("12"), c("<5"), c("7")])
    assert summed.label == "ten minste 19"
    assert total(2024, [c("<5"), c("<5")]).label == "minder dan 10"
    assert total(2024, [c("12"), c("7")]).label == "19"


def test_the_signaleringswaarde_is_three_and_a_half_percent_of_income_at_least_250000():
    # 3.5 % of 12,500,000 = 437,500 (more than the floor).
    assert signal_value(12_500_000) == 437_500
    # 3.5 % of 5,000,000 = 175,000: the floor of 250,000 holds.
    assert signal_value(5_000_000) == 250_000
    # the turning point: 250,000 / 0.035 = 7,142,857.14...; 7,200,000 * 0.035 = 252,000.
    assert signal_value(7_200_000) == 252_000
    assert euro(signal_value(12_500_000)) == "€\u00a0437.500"
    assert euro(-200_000) == "-€\u00a0200.000"


def test_a_registration_sum_is_the_range_its_masked_parts_allow():
    # 12 + '<5' + 7: 19 to 23 (the masked one is 0 to 4).
    assert count_range([c("12"), c("<5"), c("7")]).label == "tussen 19 en 23"
    # only masked parts: 0 to 4 + 4 = 8.
    assert count_range([c("<5"), c("2")]).label == "hooguit 8"
    assert count_range([c("12"), c("7")]).label == "19"
    assert count_range([c("<5")]).label == "minder dan 5"  # never 'hooguit 4'
    assert count_range([]).label == "0"  # no parts at all: nothing was counted
    assert count_range([c("12"), c("7+")]).label == "ten minste 19"
    # the range says no more than the parts: each masked part stays 0..4 whatever the others.
    assert (count_range([c("<5")] * 15).low, count_range([c("<5")] * 15).high) == (0, 60)
