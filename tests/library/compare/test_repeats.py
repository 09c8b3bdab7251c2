"""A fact one article tells in two neighbouring units, the other in one (`repeats.py`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from library.compare import align as align_mod
from library.compare import repeats
from library.compare.align import Match, align
from library.compare.idf import IdfTable
from library.compare.units import terms
from tests.library.compare.fakes import FixedScores

THRESHOLD = 0.47
YES: Callable[[int, int], bool] = lambda i, j: True  # noqa: E731
NO: Callable[[int, int], bool] = lambda i, j: False  # noqa: E731


def _repeats(
    scored: list[tuple[float, int, int]], occupant: int, vouch: Callable[[int, int], bool] = YES
) -> list[tuple[float, int, int]]:
    """Lone A units against B0, which A unit `occupant` took in a sure pair."""
    matches = [Match((occupant,), (0,), 0.8)]
    return repeats.neighbour_repeats(scored, matches, {occupant: 0}, {0: 0}, THRESHOLD, vouch)


def test_a_lone_neighbour_joins_its_best_partners_pair() -> None:
    # A1 took B0; A0 (the headline) tells the same and has B0 as its best partner.
    assert _repeats([(0.8, 1, 0), (0.455, 0, 0)], occupant=1) == [(0.455, 0, 0)]


@pytest.mark.parametrize(
    ("scored", "occupant", "vouch"),
    [
        ([(0.8, 6, 0), (0.455, 0, 0)], 6, YES),  # six units away: another part of the story
        ([(0.8, 1, 0), (0.44, 0, 0)], 1, YES),  # under threshold - MARGIN
        ([(0.8, 1, 0), (0.455, 0, 0)], 1, NO),  # the claim words do not vouch
        ([(0.8, 1, 0), (0.5, 0, 1), (0.455, 0, 0)], 1, YES),  # its best partner is another
    ],
)
def test_no_repeat_without_every_condition(
    scored: list[tuple[float, int, int]], occupant: int, vouch: Callable[[int, int], bool]
) -> None:
    assert _repeats(scored, occupant, vouch) == []


def test_a_lone_unit_as_sure_as_its_partners_pair_joins_under_the_margin() -> None:
    # A1 took B0 only as a paraphrase (0.44, under the cut); A0 scores nearly as well
    # against B0 (within AS_SURE): a headline and its lead, told once by B.
    matches = [Match((1,), (0,), 0.44, True)]

    def joined(score: float, vouch: Callable[[int, int], bool] = YES) -> bool:
        scored = [(0.44, 1, 0), (score, 0, 0)]
        got = repeats.neighbour_repeats(scored, matches, {1: 0}, {0: 0}, THRESHOLD, vouch)
        return got == [(score, 0, 0)]

    assert joined(0.42)
    assert not joined(0.40)  # less sure than the partner's pair by more than AS_SURE
    assert not joined(0.42, NO)  # the claim words must still vouch
    weak = [Match((1,), (0,), 0.40, True)]
    scored = [(0.40, 1, 0), (0.385, 0, 0)]  # as sure, but under AS_SURE_FLOOR
    assert repeats.neighbour_repeats(scored, weak, {1: 0}, {0: 0}, THRESHOLD, YES) == []


def test_a_lone_b_unit_joins_too() -> None:
    # B1 is alone beside B0 (taken by A0), and B0's pair is its best partner's.
    matches = [Match((0,), (0,), 0.8)]
    got = repeats.neighbour_repeats([(0.8, 0, 0), (0.46, 0, 1)], matches, {0: 0}, {0: 0}, 0.47, YES)
    assert got == [(0.46, 0, 1)]
    # A unit another rule already gave a second pair is left to it.
    skip = ({0}, {1})
    assert (
        repeats.neighbour_repeats(
            [(0.8, 0, 0), (0.46, 0, 1)], matches, {0: 0}, {0: 0}, 0.47, YES, skip=skip
        )
        == []
    )


def test_each_pair_takes_one_lone_unit_the_best_first() -> None:
    # A0 and A2 both have B0 (taken by A1) as their best partner: a lead sentence is
    # the best partner of several body sentences that each add a detail.
    scored = [(0.8, 1, 0), (0.46, 2, 0), (0.455, 0, 0)]
    assert _repeats(scored, occupant=1) == [(0.46, 2, 0)]


def test_a_merged_pair_takes_no_further_unit() -> None:
    matches = [Match((1,), (0, 1), 0.8)]  # B0 and B1 already merged against A1
    scored = [(0.8, 1, 0), (0.46, 2, 0)]
    got = repeats.neighbour_repeats(scored, matches, {1: 0}, {0: 0, 1: 0}, THRESHOLD, YES)
    assert got == []


HEADLINE = "Okoro to lead the Harbour parade"
LEAD = "Ama Okoro will lead the Harbour parade on Saturday, the organisers said."
FAR = "The parade was first held in 1962."
OTHER = "Organisers named Ama Okoro to lead Saturday's Harbour parade."


def _align(texts_a: list[str], lone: int, said: bool = True) -> list[Match]:
    ta, tb = [terms(t) for t in texts_a], [terms(OTHER)]
    return align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        backend=FixedScores({(1, 0): 0.8, (lone, 0): 0.455}, (len(texts_a), 1), THRESHOLD),
        texts_a=texts_a,
        texts_b=[OTHER],
        is_consistent=YES,
        is_paraphrase=lambda i, j: said,
    )


def test_align_gives_a_headline_and_its_lead_the_same_partner() -> None:
    matches = _align([HEADLINE, LEAD], lone=0)
    assert matches == [Match((0,), (0,), 0.455, True), Match((1,), (0,), 0.8)]
    # Without shared claim words, no second pair (the head alone has no say).
    assert _align([HEADLINE, LEAD], lone=0, said=False) == [Match((1,), (0,), 0.8)]


def test_align_leaves_a_far_unit_alone_and_the_rule_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    far = _align([FAR, LEAD, *[f"Filler sentence number {k}." for k in range(5)], HEADLINE], 7)
    assert far == [Match((1,), (0,), 0.8)]
    monkeypatch.setattr(align_mod, "REPEATS", False)
    assert _align([HEADLINE, LEAD], lone=0) == [Match((1,), (0,), 0.8)]


def test_align_pairs_a_headline_and_its_lead_with_one_sentence_under_the_cut() -> None:
    # B tells in other words what A's headline and lead both tell: the lead pairs with
    # it as a paraphrase under the cut, the headline nearly as surely.
    ta, tb = [terms(t) for t in (HEADLINE, LEAD)], [terms(OTHER)]
    matches = align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        backend=FixedScores(
            {(1, 0): 0.44, (0, 0): 0.42}, (2, 1), THRESHOLD, paraphrase_margin=0.08
        ),
        texts_a=[HEADLINE, LEAD],
        texts_b=[OTHER],
        is_consistent=YES,
        is_paraphrase=YES,
    )
    assert matches == [Match((0,), (0,), 0.42, True), Match((1,), (0,), 0.44, True)]
