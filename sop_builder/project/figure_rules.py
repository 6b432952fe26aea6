"""What a figure means: the definitions of docs/kengetallen.md, as pure functions over counts.

- Participation (deelnamepercentage), as the national dashboard of passend onderwijs defines it
  (Vensters, "Deelnamepercentage" po): sbo = sbo pupils / (bao + sbo pupils); so = so pupils /
  (bao + sbo pupils), per 1 October. The sbo pupils are those at the SWV's schools (the
  school-going SWV); the so pupils are those the SWV pays for (DUO's file per SWV), because DUO
  knows which SWV gave their tlv.
- The signaleringswaarde of an SWV's reserves (the inspectorate): 3.5 % of its total income,
  at least EUR 250,000.
- Privacy: a count under 5 is never shown as a number; a sum with such counts is "ten minste"
  the published part (pupils.py `combined`); a share over fewer than ``MIN_BASE`` pupils is not
  shown, and a share with a masked or partial count is shown as the range it lies in.

Every number is an exact `Fraction` until it is written; a percentage is rounded so that a range
never claims more than it knows (a lower bound down, an upper bound up).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from sop_builder.core.text import dutch_number
from sop_builder.project.pupils import SMALLEST_PUBLISHED, Count, combined

MIN_BASE = 100  # a share over fewer pupils than this is not shown
SIGNAL_RATE = Fraction(35, 1000)  # 3.5 % of total income
SIGNAL_FLOOR = 250_000  # at least EUR 250,000


def bounds(count: Count) -> tuple[int, int | None]:
    """The least and the most the count can be: '412' (412, 412); '<5' (0, 4); '412+' (412,
    None: unknown how many more)."""
    if count.value is None:
        return 0, count.below - 1
    return (count.value, None) if count.at_least else (count.value, count.value)


def total(year: int, counts: list[Count]) -> Count:
    """The sum of counts: exact only when every part is (pupils.py `combined`)."""
    return combined(year, counts)


@dataclass(frozen=True)
class Share:
    """A share (0..1) as far as it is known: ``low`` <= share <= ``high``; ``high`` None means
    no upper bound is known; ``hidden`` says why no share is shown ('' when one is)."""

    low: Fraction = Fraction(0)
    high: Fraction | None = None
    hidden: str = ""

    @property
    def exact(self) -> bool:
        return not self.hidden and self.high == self.low

    def text(self) -> str:
        """'1,8%', 'minder dan 0,6%', 'ten minste 1,2%', 'tussen 1,2% en 1,9%', or why not."""
        if self.hidden:
            return self.hidden
        if self.high is None:
            return f"ten minste {percent(self.low, 'down')}"
        if self.low == self.high:
            return percent(self.low, "near")
        if self.low == 0:
            return f"hooguit {percent(self.high, 'up')}"
        return f"tussen {percent(self.low, 'down')} en {percent(self.high, 'up')}"

    @property
    def middle(self) -> float | None:
        """A value to draw (None: nothing to draw): the share, or the middle of its range."""
        if self.hidden or self.high is None:
            return None
        return float((self.low + self.high) / 2)


def percent(value: Fraction, rounding: str = "near") -> str:
    """0.01834 -> '1,8%' (one decimal, Dutch comma); ``rounding`` 'down' or 'up' for bounds."""
    tenths = value * 1000
    whole = {
        "down": math.floor(tenths),
        "up": math.ceil(tenths),
        "near": math.floor(tenths + Fraction(1, 2)),
    }[rounding]
    return f"{whole // 10},{whole % 10}%"


def share(part: Count, base: Count) -> Share:
    """``part`` / ``base`` as far as the counts allow; not shown over fewer than MIN_BASE."""
    part_low, part_high = bounds(part)
    base_low, base_high = bounds(base)
    if base_low < MIN_BASE:
        return Share(hidden=f"niet getoond: minder dan {MIN_BASE} leerlingen")
    low = Fraction(part_low, base_high) if base_high else Fraction(0)
    high = None if part_high is None else Fraction(part_high, base_low)
    return Share(low, high)


def participation(part: Count, bao: Count, sbo: Count) -> Share:
    """Deelnamepercentage: ``part`` (sbo or so pupils) / (bao + sbo pupils)."""
    return share(part, total(bao.year, [bao, sbo]))


def signal_value(income: int) -> Fraction:
    """The signaleringswaarde of the reserves: 3.5 % of total income, at least EUR 250,000."""
    return max(SIGNAL_RATE * income, Fraction(SIGNAL_FLOOR))


def euro(amount: int | Fraction) -> str:
    """1250000 -> '€ 1.250.000' (whole euros, rounded to the nearest; a no-break space after
    the sign, so the amount never breaks); -200000 -> '-€ 200.000'."""
    whole = math.floor(Fraction(amount) + Fraction(1, 2))
    sign = "-" if whole < 0 else ""
    return f"{sign}€\u00a0{dutch_number(abs(whole))}"


@dataclass(frozen=True)
class Range:
    """A sum of counts of which some are masked: at least ``low``, at most ``high`` (None:
    unknown). Every masked count (fewer than 5) may be 0 to 4, so the sum of 12, '<5' and 7 is
    19 to 23: nothing more than the parts already say, so no part can be found from it."""

    low: int
    high: int | None

    @property
    def label(self) -> str:
        """'19', 'tussen 19 en 23', 'hooguit 8', 'ten minste 19'; never a number under 5 alone."""
        if self.high is None:
            return f"ten minste {dutch_number(self.low)}"
        if self.low == self.high:
            return dutch_number(self.low)
        if self.low == 0:  # only masked parts: 'hooguit 4' would read as a count
            return "minder dan 5" if self.high < 5 else f"hooguit {dutch_number(self.high)}"
        return f"tussen {dutch_number(self.low)} en {dutch_number(self.high)}"


def count_range(counts: list[Count]) -> Range:
    """The sum of ``counts`` as the range the masked ones allow (the SWV's registration)."""
    low = sum(bounds(c)[0] for c in counts)
    highs = [bounds(c)[1] for c in counts]
    return Range(low, None if None in highs else sum(h for h in highs if h is not None))


def count_text(count: Count | None) -> str:
    """How a count is shown: '412', 'ten minste 412', 'minder dan 5', or '–' (no figure)."""
    if count is None:
        return "–"
    return count.label


def shown(count: Count) -> int | None:
    """The number a chart may draw: an exact or 'at least' count of 5 or more; None when it
    is under 5 (never drawn: its bar would give it away)."""
    if count.value is None or count.value < SMALLEST_PUBLISHED:
        return None
    return count.value
