"""Degree: one state qualified as good on one side and as bad on the other."""

from __future__ import annotations

from collections.abc import Callable

from library.compare import compare_texts
from library.compare.detectors import degree

Run = Callable[..., list[tuple[str, str, str]]]


def test_well_against_ill_equipped(run: Run) -> None:
    got = run(
        degree.detect,
        "The inspector said the hiker was well equipped for the walk.",
        "The hiker, reportedly ill - equipped with borrowed boots, set off at dawn.",
    )
    assert got == [("negation", "well equipped", "ill-equipped")]


def test_quoted_degree_word(run: Run) -> None:
    got = run(
        degree.detect,
        'Rangers said the group looked "poorly" prepared for the storm.',
        "The group was properly prepared for the storm, its leader said.",
    )
    assert got == [("negation", "poorly prepared", "properly prepared")]


def test_two_good_degrees_agree(run: Run) -> None:
    assert run(degree.detect, "The crew was well trained.", "The crew was fully trained.") == []


def test_a_negated_good_degree_agrees_with_a_bad_one(run: Run) -> None:
    got = run(degree.detect, "The crew was not well trained.", "The crew was poorly trained.")
    assert got == []


def test_different_states_are_not_one_claim(run: Run) -> None:
    got = run(degree.detect, "The crew was well trained.", "The crew was poorly equipped.")
    assert got == []


def test_a_side_that_says_both_says_nothing_firm(run: Run) -> None:
    got = run(
        degree.detect,
        "Some were well equipped and some badly equipped.",
        "The climbers were poorly equipped.",
    )
    assert got == []


def test_across_sentences_for_a_person_both_name() -> None:
    a = (
        "Warden Lena Moss said Tom Hale was well equipped but new to the peak.\n"
        "The weather turned in the afternoon."
    )
    b = (
        "The weather turned in the afternoon.\n"
        "Friends said Tom Hale, a keen runner, was badly equipped and new to climbing."
    )
    divergent = [p for p in compare_texts(a, b).pairs if p.relation == "divergent"]
    assert [[(k.a, k.b) for k in p.conflicts] for p in divergent] == [
        [("well equipped", "badly equipped")]
    ]
