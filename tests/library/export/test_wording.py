"""Findings in plain words: the reason first, no "(absent)", the score explained."""

from __future__ import annotations

from library.export.layout import ConflictInfo, PairInfo
from library.export.wording import LOW_OVERLAP_TEXT, explain, low_overlap, reason, status_line


def pair(*conflicts: ConflictInfo, relation: str = "divergent") -> PairInfo:
    return PairInfo(0, (0,), (0,), relation, 0.46, conflicts, (), 0, 1, 0, 1)


def test_a_conflict_on_both_sides_reads_kind_first() -> None:
    assert reason(ConflictInfo("date", "9 November", "13 October")) == (
        "date: 9 November vs 13 October"
    )
    assert reason(ConflictInfo("entity", "Li", "Wang")) == "name: Li vs Wang"


def test_a_one_sided_conflict_says_who_has_what() -> None:
    text = reason(ConflictInfo("negation", "", "not started"))
    assert text == "negation: B says “not started”, A does not negate it"
    assert "(absent)" not in text
    assert reason(ConflictInfo("attribution", "police", "")) == (
        "source: A attributes it to police, B names no source"
    )
    assert "absent" not in reason(ConflictInfo("other", "", ""))


def test_a_date_repeated_inside_another_is_said_once() -> None:
    text = reason(ConflictInfo("date", "Tuesday March 4, Tuesday", "Monday"))
    assert text == "date: Tuesday March 4 vs Monday"


def test_the_score_is_explained_and_the_status_line_gives_the_reason() -> None:
    p = pair(ConflictInfo("number", "4,000", "6,000"))
    tip = explain(p)
    assert tip.splitlines()[0] == "Divergent claim"
    assert "• number: 4,000 vs 6,000" in tip
    assert "Match score 0.46: how closely" in tip
    assert status_line(p) == "Divergent claim — number: 4,000 vs 6,000"
    assert status_line(pair(relation="same")) == "Shared fact (match score 0.46)"


def test_low_overlap_needs_both_sides_under_five_percent() -> None:
    assert low_overlap({"overlap_a": 0.0, "overlap_b": 0.04})
    assert not low_overlap({"overlap_a": 0.01, "overlap_b": 0.3})
    assert not low_overlap({"overlap_a": "odd"})
    assert LOW_OVERLAP_TEXT.startswith("These articles share almost nothing")
