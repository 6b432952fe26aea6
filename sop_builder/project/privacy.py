"""Guard against personal data in text that will be published.

Looks for what resembles a BSN (9 digits that pass the 11-test, near words such as 'bsn' or
'leerling'), private e-mail addresses and Dutch mobile numbers. Context keeps false positives
low: about 9% of random 9-digit numbers pass the 11-test, so a number alone is not reported.
"""

from __future__ import annotations

import re

from sop_builder.core.catalogue.privacy import LOOKS_LIKE_BSN, MOBILE_NUMBER, PRIVATE_EMAIL
from sop_builder.core.issues import Issue, Pos

INTERNAL_KEYS = ("interne_notitie",)
BSN_CONTEXT = re.compile(
    r"\b(bsn|burgerservicenummer|burger\s*service\s*nummer|sofi-?nummer|leerling\w*|"
    r"geboren|geboortedatum|pupil)\b",
    re.IGNORECASE,
)
NINE_DIGITS = re.compile(r"(?<![\d.])(\d{3})[ .]?(\d{2,3})[ .]?(\d{3,4})(?![\d])")
PRIVATE_MAIL = re.compile(
    r"\b[\w.+-]+@(gmail\.com|googlemail\.com|hotmail\.(com|nl)|outlook\.(com|nl)|live\.(com|nl)|"
    r"msn\.com|ziggo\.nl|kpnmail\.nl|kpnplanet\.nl|planet\.nl|home\.nl|xs4all\.nl|upcmail\.nl|"
    r"icloud\.com|me\.com|yahoo\.(com|nl)|telfort\.nl|caiway\.nl|hetnet\.nl|chello\.nl)\b",
    re.IGNORECASE,
)
MOBILE = re.compile(r"(?<![\d+])(?:\+31[ -]?|0031[ -]?|0)6(?:[ -]?\d){8}(?!\d)")
CONTEXT_WINDOW = 60
QUICK_SCAN = re.compile(r"\d{3}|@")


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-test: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0 and total != 0


def _bsn_issues(line: str, lineno: int, path: str) -> list[Issue]:
    issues = []
    for match in NINE_DIGITS.finditer(line):
        digits = "".join(match.groups())
        if not passes_eleven_test(digits):
            continue
        start = max(0, match.start() - CONTEXT_WINDOW)
        around = line[start : match.end() + CONTEXT_WINDOW]
        if BSN_CONTEXT.search(around):
            issues.append(LOOKS_LIKE_BSN.at(path, Pos(lineno, match.start() + 1)))
    return issues


def find_personal_data(
    text: str, first_line: int, path: str, skip: tuple[str, ...] = ()
) -> list[Issue]:
    """Report personal data in ``text``, whose first line is line ``first_line`` of ``path``."""
    if not QUICK_SCAN.search(text):
        return []  # no digits in a row and no '@': nothing to look at (the common case)
    issues: list[Issue] = []
    for offset, line in enumerate(text.split("\n")):
        if not QUICK_SCAN.search(line):
            continue
        if skip and line.lstrip().startswith(tuple(f"{key}:" for key in skip)):
            continue
        lineno = first_line + offset
        issues += _bsn_issues(line, lineno, path)
        for match in PRIVATE_MAIL.finditer(line):
            place = Pos(lineno, match.start() + 1)
            issues.append(PRIVATE_EMAIL.at(path, place, address=match.group(0)))
        for match in MOBILE.finditer(line):
            place = Pos(lineno, match.start() + 1)
            issues.append(MOBILE_NUMBER.at(path, place, number=match.group(0).strip()))
    return issues
