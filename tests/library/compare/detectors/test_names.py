"""Names: a different person in the same role; short forms are the same person."""

from __future__ import annotations

from collections.abc import Callable

from library.compare.detectors import names

Run = Callable[..., list[tuple[str, str, str]]]


def test_different_person_in_the_same_role(run: Run) -> None:
    got = run(
        names.detect,
        "The court heard Maria Olsen on the second day.",
        "The court heard Peter Brandt on the second day.",
    )
    assert got == [("entity", "Maria Olsen", "Peter Brandt")]


def test_surname_only_reference_is_the_same_person(run: Run) -> None:
    got = run(
        names.detect,
        "The court heard Olsen on the second day.",
        "The court heard Maria Olsen on the second day.",
    )
    assert got == []


def test_titled_reference_is_the_same_person(run: Run) -> None:
    context = "Maria Olsen, the treasurer, testified first."
    assert (
        run(
            names.detect,
            "The court heard Ms. Olsen on the second day.",
            "The court heard the treasurer on the second day.",
            context=context,
        )
        == []
    )


def test_initials_stand_for_a_full_name_elsewhere_in_the_pair(run: Run) -> None:
    context = "Attorney General Dana Whitfield spoke later."
    got = run(
        names.detect,
        "The memo was sent to D.W. on Friday.",
        "The memo was sent to Dana Whitfield on Friday.",
        context=context,
    )
    assert got == []


def test_two_people_both_articles_name_are_not_a_swap(run: Run) -> None:
    a = "Lawyer Tom Reyes spoke for the family. Judge Ann Kowal set bail."
    b = "Judge Ann Kowal spoke for the family. Lawyer Tom Reyes set bail."
    assert run(names.detect, a, b) == []


def test_referred_to_as_alias(run: Run) -> None:
    a = "The Northern Water Authority (referred to as the Agency) raised prices."
    b = "The Agency raised prices."
    assert run(names.detect, a, b) == []


def test_capitalised_headline_word_is_not_a_name(run: Run) -> None:
    got = run(
        names.detect,
        "Jane Hale, 41, has been charged with the theft of the statue.",
        "A WOMAN has been charged with the theft of the statue.",
    )
    assert got == []


def test_an_everyday_form_of_a_given_name_is_the_same_person(run: Run) -> None:
    a = "Peter Holm, 31, is accused of assaulting his father and sister Katie Holm, 19."
    same = run(names.detect, a, a.replace("Katie", "Kathryn"))
    other = run(names.detect, a, a.replace("Katie", "Louise"))
    assert same == []
    assert other == [("entity", "Katie", "Louise")]
