"""A pair under the cut between two aligned pairs, in the same order in both (`order.py`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from library.compare import align as align_mod
from library.compare import order
from library.compare.align import Match, align
from library.compare.idf import IdfTable
from library.compare.units import terms
from tests.library.compare.fakes import FixedScores

YES: Callable[[int, int], bool] = lambda i, j: True  # noqa: E731
NO: Callable[[int, int], bool] = lambda i, j: False  # noqa: E731


def _as_is(i: int, j: int, rank: float) -> float:
    return rank


def _between(
    candidates: list[tuple[int, int, float]],
    matches: Sequence[Match] = (Match((0,), (0,), 0.8), Match((2,), (2,), 0.8)),
    consistent: Callable[[int, int], bool] = YES,
) -> list[tuple[float, int, int]]:
    used_a = {i: k for k, m in enumerate(matches) for i in m.a}
    used_b = {j: k for k, m in enumerate(matches) for j in m.b}
    texts = ([f"Unit {k} of A." for k in range(6)], [f"Unit {k} of B." for k in range(6)])
    return order.between_pairs(candidates, _as_is, matches, (used_a, used_b), texts, consistent)


def test_free_units_between_two_aligned_pairs_align() -> None:
    # A0~B0 and A2~B2 are aligned: A1 and B1 tell the step between them.
    assert _between([(1, 1, 0.33)]) == [(0.33, 1, 1)]


@pytest.mark.parametrize(
    ("candidates", "matches", "consistent"),
    [
        # nothing aligned after them
        ([(1, 1, 0.33)], [Match((0,), (0,), 0.8)], YES),
        # the pair after sits four units away on B's side
        ([(1, 1, 0.33)], [Match((0,), (0,), 0.8), Match((2,), (5,), 0.8)], YES),
        # the pairs around them cross: before on A's side, after on B's
        ([(1, 1, 0.33)], [Match((0,), (2,), 0.8), Match((2,), (0,), 0.8)], YES),
        ([(1, 1, 0.29)], None, YES),  # under LOW
        ([(1, 1, 0.33)], None, NO),  # a conflict or a differing count
        ([(1, 1, 0.33), (1, 3, 0.4)], None, YES),  # A1's best free partner is B3
    ],
)
def test_no_pair_without_every_condition(
    candidates: list[tuple[int, int, float]],
    matches: list[Match] | None,
    consistent: Callable[[int, int], bool],
) -> None:
    if matches is None:
        assert _between(candidates, consistent=consistent) == []
    else:
        assert _between(candidates, matches, consistent) == []


def test_two_people_in_one_role_stay_apart() -> None:
    # Each side names someone the other article never names: another player
    # arrested the same way, not one step of one story.
    matches = [Match((0,), (0,), 0.8), Match((2,), (2,), 0.8)]
    texts_a = ["Lions player held.", "Police say Tom Varga failed a breath test.", "He was freed."]
    texts_b = ["Lions player held.", "Police say Ivo Brandt failed a breath test.", "He was freed."]
    used = ({0: 0, 2: 1}, {0: 0, 2: 1})
    got = order.between_pairs([(1, 1, 0.4)], _as_is, matches, used, (texts_a, texts_b), YES)
    assert got == []
    # The rival may open the sentence, named in full elsewhere in its article.
    texts_b[0], texts_b[1] = "Lions player Ivo Brandt held.", "Brandt failed a breath test."
    got = order.between_pairs([(1, 1, 0.4)], _as_is, matches, used, (texts_a, texts_b), YES)
    assert got == []
    texts_b[1] = "Police say Varga failed a breath test."  # the same man, by surname
    got = order.between_pairs([(1, 1, 0.4)], _as_is, matches, used, (texts_a, texts_b), YES)
    assert got == [(0.4, 1, 1)]


def test_publication_stamps_between_headline_and_lead_stay_apart() -> None:
    matches = [Match((0,), (0,), 0.8), Match((2,), (2,), 0.8)]
    used = ({0: 0, 2: 1}, {0: 0, 2: 1})
    texts_a = ["Tarn bridge shut.", "Published March 3, 2031", "The bridge was shut."]
    texts_b = ["Tarn bridge closed.", "Posted 3 / 3 / 2031 at 9: 40 am", "It was shut."]
    got = order.between_pairs([(1, 1, 0.4)], _as_is, matches, used, (texts_a, texts_b), YES)
    assert got == []


def test_a_merged_pair_counts_by_its_last_and_first_units() -> None:
    # A0-A1 merged against B0; A2~B1 free; A3~B2 aligned after.
    matches = [Match((0, 1), (0,), 0.8), Match((3,), (2,), 0.8)]
    assert _between([(2, 1, 0.31)], matches) == [(0.31, 2, 1)]


BEFORE_A = "Harbour police closed the Tarn bridge on Monday after a ferry hit a pier."
MIDDLE_A = "A deckhand jumped into the water and swam ashore."
AFTER_A = "The bridge reopened on Tuesday morning."
BEFORE_B = "The Tarn bridge was shut on Monday when a ferry struck one of its piers."
MIDDLE_B = "One crew member leapt overboard and reached the bank unhurt."
AFTER_B = "Traffic crossed the bridge again on Tuesday morning."


def _align(consistent: Callable[[int, int], bool] = YES) -> list[Match]:
    texts_a, texts_b = [BEFORE_A, MIDDLE_A, AFTER_A], [BEFORE_B, MIDDLE_B, AFTER_B]
    ta, tb = [terms(t) for t in texts_a], [terms(t) for t in texts_b]
    return align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        backend=FixedScores({(0, 0): 0.8, (1, 1): 0.33, (2, 2): 0.8}, (3, 3)),
        texts_a=texts_a,
        texts_b=texts_b,
        is_consistent=consistent,
        is_paraphrase=NO,
    )


def test_align_pairs_the_step_between_and_the_rule_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sure = [Match((0,), (0,), 0.8), Match((2,), (2,), 0.8)]
    assert _align() == [sure[0], Match((1,), (1,), 0.33, True), sure[1]]
    assert _align(NO) == sure
    monkeypatch.setattr(align_mod, "ORDER", False)
    assert _align() == sure
