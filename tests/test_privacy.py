"""The privacy guard: BSN-like numbers near pupil words, private mail, mobile numbers."""

from __future__ import annotations

import random

from sop_builder.project.privacy import find_personal_data, passes_eleven_test


def codes(text: str) -> list[tuple[str, int, int]]:
    return [(i.code, i.line, i.column) for i in find_personal_data(text, 10, "x.md")]


def test_eleven_test():
    assert passes_eleven_test("111222333")
    assert not passes_eleven_test("111222334")
    assert not passes_eleven_test("000000000")
    assert not passes_eleven_test("12345678")


def test_about_one_in_eleven_random_numbers_pass_so_context_is_needed():
    rng = random.Random(11)
    numbers = [f"{rng.randrange(10**8, 10**9)}" for _ in range(20_000)]
    share = sum(passes_eleven_test(n) for n in numbers) / len(numbers)
    assert 0.07 < share < 0.11


def test_bsn_needs_a_context_word_on_the_line():
    assert codes("Het BSN van de leerling is 111 222 333.") == [("SOP601", 10, 28)]
    assert codes("burgerservicenummer: 111222333") == [("SOP601", 10, 22)]
    assert codes("Ons kvk-nummer is 111222333.") == []
    assert codes("De leerling heeft nummer 111222334.") == []  # fails the 11-test


def test_private_mail_and_mobile_numbers():
    assert codes("Mail naar j.jansen@gmail.com of bel\n+31 6 12345678") == [
        ("SOP602", 10, 11),
        ("SOP603", 11, 1),
    ]
    assert codes("Bel 0251 222 333 of mail ib@school.nl") == []


def test_internal_keys_are_skipped():
    assert (
        find_personal_data("interne_notitie: bel 0612345678", 2, "x.md", skip=("interne_notitie",))
        == []
    )
