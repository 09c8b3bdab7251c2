"""Counts from two events of one kind: an article that reports both is not contradicted."""

from __future__ import annotations

from library.compare.detectors.base import Passage
from library.compare.detectors.numbers import conflicting

A = (
    "A storm with winds of 90 km/h hit the coast on Friday.\n"
    "The storm flooded the harbour, injuring four people and sinking boats."
)


def _pairs(b_article: str) -> list[tuple[str, str]]:
    pa = Passage(A.split("\n")[1], "a", article=A)
    pb = Passage(b_article.split("\n")[0], "b", article=b_article)
    return [(x.q.text, y.q.text) for x, y in conflicting(pa, pb)]


def test_a_count_from_the_second_event_the_other_article_never_tells_is_no_conflict() -> None:
    b = (
        "A second storm with 60 km winds has injured two people on the coast.\n"
        "On Friday a storm with 90 km winds hit the same coast."
    )
    assert _pairs(b) == []


def test_the_same_event_with_another_count_still_conflicts() -> None:
    b = "A storm with 90 km winds has injured two people on the coast.\nIt was felt inland."
    assert _pairs(b) == [("four", "two")]


def test_counts_differ_takes_no_excuse() -> None:
    from library.compare.detectors.numbers import counts_differ

    assert counts_differ("Smith threw for 329 yards.", "Jones threw for 212 yards on Sunday.")
    assert counts_differ("Some 16,800 people were killed.", "It killed 23,000 people.")
    assert not counts_differ("It killed 230,000 people.", "About 230, 000 people died.")


def test_counts_of_two_events_are_a_low_note_that_makes_the_pair_related() -> None:
    from library.compare.detectors.numbers import detect
    from library.compare.relation import classify

    b = (
        "A second storm with 60 km winds has injured two people on the coast.\n"
        "On Friday a storm with 90 km winds hit the same coast."
    )
    pa = Passage(A.split("\n")[1], "a", article=A)
    pb = Passage(b.split("\n")[0], "b", article=b)
    found = list(detect(pa, pb, ()))
    assert [(c.kind, c.a, c.b, c.severity) for c in found] == [("number", "four", "two", "low")]
    assert "another event" in found[0].explanation
    assert classify(found) == "related"
