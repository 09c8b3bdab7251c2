"""Names that are no swap: a place told as a modifier against a body named by its
kind, and a capitalised word that only labels a number."""

from __future__ import annotations

from library.compare.detectors import names, passages
from library.compare.worddiff import word_diff


def _found(a: str, b: str) -> list[tuple[str, str, str]]:
    pa, pb = passages(a, b)
    return [(c.a, c.b, c.severity) for c in names.detect(pa, pb, word_diff(a, b))]


def test_a_place_as_modifier_and_a_named_clinic_are_a_note() -> None:
    got = _found(
        "Lawyer: Tessa Vane checks into Delmar rehab",
        "Tessa Vane checks into rehab at Harlow Clinic",
    )
    assert got == [("Delmar", "Harlow Clinic", "low")]


def test_two_towns_in_one_role_stay_a_swap() -> None:
    got = _found(
        "Ross threw for 300 yards to lead the Owls over the Hawks in Dunmore.",
        "Ross threw for 300 yards to lead the Owls over the Hawks in Kelso.",
    )
    assert got == [("Dunmore", "Kelso", "medium")]


def test_a_label_before_a_number_names_no_one() -> None:
    got = _found(
        "Ross threw for 300 yards to lead the Owls over the Hawks in Dunmore, Ore.",
        "Ross threw for 300 yards to lead the Owls over the Hawks in Week 12.",
    )
    assert got == []


def test_teams_before_their_scores_on_both_sides_stay_a_swap() -> None:
    got = _found(
        "The final score was Rams 24 and Owls 17 after a late rally by the home side.",
        "The final score was Hawks 24 and Owls 17 after a late rally by the home side.",
    )
    assert got == [("Rams", "Hawks", "medium")]


def test_a_name_before_a_verb_is_no_place_as_modifier() -> None:
    got = _found(
        "Later that night Tarrant spoke well of the plan to the press.",
        "Later that night Harlow Town Hall spoke well of the plan to the press.",
    )
    assert got == [("Tarrant", "Harlow Town Hall", "medium")]


def test_a_two_word_name_before_a_score_is_a_name_too() -> None:
    got = _found(
        "The final score was Rams 24 and Owls 17 after a late rally by the home side.",
        "The final score was Delmar Bay 24 and Owls 17 after a late rally by the home side.",
    )
    assert got == [("Rams", "Delmar Bay", "medium")]
