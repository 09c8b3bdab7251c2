"""Aliases within a pair: short forms stand for the full names given elsewhere."""

from __future__ import annotations

from library.compare.mentions import Mentions


def test_surname_initials_and_titles() -> None:
    m = Mentions.build("Attorney General Dana Whitfield spoke.", "Whitfield and D.W. agreed.")
    assert m.same("Whitfield", "Dana Whitfield")
    assert m.same("Ms. Whitfield", "Dana Whitfield")
    assert m.same("D.W.", "Dana Whitfield")
    assert not m.same("Whitfield", "Dana Olsen")


def test_a_surname_two_full_names_share_stays_ambiguous() -> None:
    m = Mentions.build("Dana Whitfield and Paul Whitfield spoke.", "Whitfield agreed.")
    assert m.canonical("Whitfield") == "whitfield"


def test_referred_to_as_and_acronyms() -> None:
    m = Mentions.build(
        "The Northern Water Authority (referred to as the Agency) met the "
        "National Rail Board (NRB).",
        "The Agency and the NRB met.",
    )
    assert m.same("Agency", "Northern Water Authority")
    assert m.same("NRB", "National Rail Board")
    assert m.mentioned("Agency", "b")


def test_a_longer_full_name_ending_with_a_shorter_one() -> None:
    m = Mentions.build("Coach Ann Reyes spoke.", "Ann Reyes agreed, and Reyes left.")
    assert m.same("Coach Ann Reyes", "Ann Reyes")
    assert m.same("Reyes", "Coach Ann Reyes")
