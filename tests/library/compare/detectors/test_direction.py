"""One place, two bearings: a quake located west and south of one town (invented texts)."""

from __future__ import annotations

from library.compare import compare_texts, materiality
from library.compare.crossing import cross_pairs
from library.compare.detectors import direction, passages
from library.compare.engine import Candidates
from library.compare.model import Pair
from library.compare.units import terms

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


# Two reports of one raid: the bearing sits in sentences worded apart (never aligned).
RAID_A = (
    "Raiders in two fast skiffs opened fire on the cargo ship Velda on Monday.\n"
    "The navy frigate Orrin answered a call from the Velda, which was under attack about "
    "90 nautical miles east of Port Vell."
)
RAID_B = (
    "A navy frigate drove off raiders who fired on a cargo ship on Monday.\n"
    "Its master, steering 90 nautical miles west of Port Vell, said his deckhands had seen "
    "masked gunmen climb into a dinghy and wave rifles."
)


def test_a_bearing_at_one_distance_is_not_left_to_the_fitted_gate() -> None:
    # Aligned, but the fitted gate reads "its" as an owner told elsewhere and
    # would keep a note only: the same distance from the same place pins the slot.
    (pair,) = [p for p in compare_texts(RAID_A, RAID_B).pairs if p.conflicts]
    assert pair.relation == "divergent"
    assert pair.via == "aligned"


# The raid's bearing in a sentence that tells something else.
STEAMED = (
    "Deckhands saw gunmen in a dinghy while the Velda steamed some {} nautical miles west "
    "of Port Vell."
)


def _across(b: str) -> list[Pair]:
    """`crossing.cross_pairs` of RAID_A's sentences against `b`, none aligned."""
    sents_a, sents_b = RAID_A.split("\n"), [b]
    candidates = Candidates.of_sentences(sents_a, sents_b)
    terms_a, terms_b = [terms(t) for t in sents_a], [terms(t) for t in sents_b]
    return cross_pairs(candidates, terms_a, terms_b, [])


def test_one_distance_from_one_place_told_on_two_sides_across_sentences() -> None:
    told = STEAMED.format(90)
    (pair,) = _across(told)
    assert (pair.relation, pair.via, pair.a, pair.b) == ("divergent", "cross-name", (1,), (0,))
    assert [c.explanation for c in pair.conflicts] == [
        "A: 90 nautical miles east of Port Vell · B: 90 nautical miles west of Port Vell"
    ]
    # Kept by the materiality step: the sentences share little else.
    a, b = Candidates.of_sentences(RAID_A.split("\n"), [told]).passages((1,), (0,))
    assert materiality.review(pair, a, b) is pair


def test_across_sentences_the_distance_must_be_told_alike() -> None:
    told = STEAMED.format(60)
    assert not [p for p in _across(told) if p.relation == "divergent"]


def test_only_a_distance_pins_the_bearing() -> None:
    # "12 farms east of Port Vell" / "12 farms west of Port Vell": a count of
    # things, not how far one thing lies, so the sentences may place two sets.
    for told, pins in (
        ("12 farms", False),
        ("12 km", True),
        ("12km", True),
        ("12 nautical miles", True),
    ):
        a = f"Raiders burned the barns {told} east of Port Vell on Monday."
        pa, pb = passages(a, a.replace("east", "west"))
        (found,) = direction.detect(pa, pb, ())
        assert direction.pinned(found) is pins, told


def test_a_part_of_the_place_is_no_bearing_from_it() -> None:
    # "the north of Dunmore" is a region of it; "to the north of" is a bearing.
    a = "Floods cut roads in the north of Dunmore on Sunday, the survey said."
    b = "Floods cut roads in the west of Dunmore on Sunday, the survey said."
    pa, pb = passages(a, b)
    assert list(direction.detect(pa, pb, ())) == []
    assert direction.bearings("Rain fell across the North West of Ostmark.") == []
    assert [d for _, d, _ in direction.bearings("It lies to the north of Dunmore.")] == [0]


def test_one_place_written_in_two_cases_still_pins_the_bearing() -> None:
    a = "A magnitude 6.1 quake struck about 40 km west of DUNMORE, the survey said."
    b = "A magnitude 6.1 quake struck about 40 km south of Dunmore, the survey said."
    found = list(direction.detect(*passages(a, b), ()))
    assert len(found) == 1 and direction.pinned(found[0])
