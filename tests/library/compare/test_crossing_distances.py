"""Across sentences, a distance from a place places one thing in each sentence."""

from __future__ import annotations

from library.compare.detectors import numbers
from library.compare.engine import Candidates
from library.compare.one_slot import not_one_slot


def _why(a: str, b: str) -> list[str]:
    cands = Candidates.of_sentences([a], [b])
    pa, pb = cands.passages((0,), (0,))
    return [not_one_slot(x, y, a, b, cands, named=True) for x, y in numbers.conflicting(pa, pb)]


def test_two_distances_from_one_town_may_place_two_things() -> None:
    why = _why(
        "Staff at the Orrin Tull office, about 15 miles north of Dunmore, were sent home.",
        "Orrin Tull was later seen by a driver 50 miles north of Dunmore.",
    )
    assert why == ["distances from one place: maybe of two different things"]


def test_a_distance_against_a_length_travelled_is_still_read() -> None:
    why = _why(
        "Orrin Tull walked 15 miles north to the lake.",
        "Orrin Tull walked 50 miles north to the lake.",
    )
    assert len(why) == 1 and not why[0].startswith("distances")
