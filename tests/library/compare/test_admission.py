"""Pairs below the alignment threshold: admitted only for a conflict in a slot both share.

A changed number or date removes shared words, so one claim told with a
different detail scores lower than a paraphrase; but two different claims about
one subject score that low too.  Below the threshold a pair is kept only when
each unit is the other's best partner and the conflict's slot is pinned down on
both sides (`conflicts.firm`).
"""

from __future__ import annotations

from collections.abc import Sequence

from library.compare.align import align
from library.compare.conflicts import find_conflicts, firm
from library.compare.detectors import passages
from library.compare.idf import IdfTable
from library.compare.worddiff import word_diff
from tests.library.compare.fakes import FixedScores


def _firm(a: str, b: str) -> bool:
    pa, pb = passages(a, b)
    return firm(pa, pb, find_conflicts(a, b, word_diff(a, b)))


def test_same_thing_counted_is_firm() -> None:
    assert _firm(
        "Prosecutors unsealed a 48-page indictment on Tuesday.",
        "Her lawyer read the 47-page indictment twice.",
    )


def test_an_age_against_a_count_is_not_firm() -> None:
    # Only the name ties "34" (Horton's age) to "two other victims": not one slot.
    a = "Andy Lopez was found guilty of killing Zara Horton, 34, in October."
    b = "Lopez was aiming at rival gang members when Horton and two other victims were hit."
    assert not _firm(a, b)


def test_same_event_word_dates_are_firm_other_events_are_not() -> None:
    assert _firm("Ann Reyes will leave on January 1.", "Reyes will leave on February 28.")
    assert not _firm(
        "The bureau published a notice on November 9.",
        "The ministry disclosed a case on October 13.",
    )


def _aligned(row: Sequence[float]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """A0 against B0 and B1 scored as given; only A0~B0 holds a conflict."""
    terms_a = [["x"]]
    terms_b = [["y"], ["z"]]
    idf = IdfTable.from_term_lists([["x"], ["y"], ["z"]])
    # Scores as given (no shared terms needed), refined by word order as lexical ones are.
    backend = FixedScores.grid([row], 0.42, same=None, merge_floor=0.99, prerefined=False)
    got = align(terms_a, terms_b, idf, backend=backend, is_divergent=lambda i, j: j == 0)
    return [(m.a, m.b) for m in got]


def test_below_threshold_needs_mutual_best_partner() -> None:
    # A0 prefers B1 (0.41, no conflict), so A0~B0 (0.40, a conflict) is not its claim.
    assert _aligned([0.40, 0.41]) == []
    # Its best partner with a conflict is admitted.
    assert _aligned([0.40, 0.30]) == [((0,), (0,))]


def test_opposite_verbs_need_a_shared_lower_case_word() -> None:
    # Only the place is shared: two moments of one election day, not a reversal.
    a = "The regional election in Valdoria ended on Sunday evening as planned."
    b = "Voters in Valdoria began to line up at polling stations at 7 am on Sunday."
    assert [c for c in find_conflicts(a, b, word_diff(a, b)) if c.kind == "negation"] == []
    # The same vote reversed is still flagged.
    a = "The assembly passed the amendment on Friday."
    b = "The assembly rejected the amendment on Friday."
    assert [c.kind for c in find_conflicts(a, b, word_diff(a, b))] == ["negation"]
