"""One place, two bearings: a quake located west and south of one town (invented texts)."""

from __future__ import annotations

from library.compare import compare_texts
from library.compare.detectors import direction, passages

QUAKE_A = (
    "A magnitude 6.1 earthquake struck on Sunday about 40 km west of Dunmore, the survey said.\n"
    "Two houses collapsed in the old town."
)
QUAKE_B = (
    "The survey said a magnitude 6.1 quake hit on Sunday some 40 km south of Dunmore.\n"
    "Two old houses collapsed."
)


def _first(a: str, b: str) -> tuple[str, list[str]]:
    pair = compare_texts(a, b).pairs[0]
    return pair.relation, [c.explanation for c in pair.conflicts]


def test_two_bearings_a_quarter_turn_apart_are_divergent_with_both() -> None:
    relation, told = _first(QUAKE_A, QUAKE_B)
    assert relation == "divergent"
    assert told == ["A: 40 km west of Dunmore · B: 40 km south of Dunmore"]


def test_neighbouring_points_are_one_bearing_rounded() -> None:
    relation, told = _first(QUAKE_A, QUAKE_B.replace("south", "south-west"))
    assert (relation, told) == ("same", [])


def test_two_places_or_one_side_only_say_nothing() -> None:
    pa, pb = passages(QUAKE_A, QUAKE_B.replace("Dunmore", "Kesh"))
    assert list(direction.detect(pa, pb, ())) == []
    pa, pb = passages(QUAKE_A, "The survey said a magnitude 6.1 quake hit on Sunday.")
    assert list(direction.detect(pa, pb, ())) == []


def test_an_article_that_gives_both_bearings_locates_two_things() -> None:
    b = QUAKE_B + "\nThe town of Lusk, west of Dunmore, lost power."
    relation, told = _first(QUAKE_A, b)
    assert (relation, told) == ("same", [])


def test_bearings_read_with_their_distance() -> None:
    assert direction.bearings("sailing 90 nautical miles east of Port Vell at noon") == [
        ("Port Vell", 90, "90 nautical miles east of Port Vell")
    ]
    assert direction.bearings("fled south of the border") == []
