"""Numbers stated as bounds: "more than 100,000" fits 120,000."""

from __future__ import annotations

from library.compare.detectors.base import Passage
from library.compare.detectors.numbers import conflicting


def _pairs(a: str, b: str) -> list[tuple[str, str]]:
    return [(x.q.text, y.q.text) for x, y in conflicting(Passage(a, "a"), Passage(b, "b"))]


def test_a_value_inside_a_lower_bound_is_no_conflict() -> None:
    assert (
        _pairs("More than 100,000 people live on the island.", "120,000 people live on the island.")
        == []
    )


def test_a_value_beyond_an_upper_bound_conflicts() -> None:
    a = "The offer is worth less than $184 million."
    b = "The offer is worth $200 million."
    assert _pairs(a, b) == [("184 million", "200 million")]


def test_a_value_outside_a_range_conflicts_with_its_far_end() -> None:
    a = "The offer is over $160 million but under $184 million."
    b = "The offer is $200 million."
    assert _pairs(a, b) != []


def test_plain_values_still_conflict() -> None:
    assert _pairs("100,000 people live on the island.", "120,000 people live on the island.") != []


def test_a_value_outside_the_other_bound_of_a_range_conflicts() -> None:
    a = "The offer is in excess of $70 million, but less than the $85 million reported."
    b = "The team offers him $95 million."
    assert _pairs(a, b) != []


def test_two_different_bounds_for_one_thing_conflict() -> None:
    a = "More than 30,000 of the letters backed the plan."
    b = "More than 34,000 of the letters backed the plan."
    assert _pairs(a, b) != []
