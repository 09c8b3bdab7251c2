"""A fact one article tells in two neighbouring units, the other in one (`repeats.py`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from scipy import sparse

from library.compare import align as align_mod
from library.compare import repeats
from library.compare.align import Match, align
from library.compare.idf import IdfTable
from library.compare.similarity import Scores
from library.compare.units import terms

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
    assert _repeats([(0.8, 1, 0), (0.44, 0, 0)], occupant=1) == [(0.44, 0, 0)]


@pytest.mark.parametrize(
    ("scored", "occupant", "vouch"),
    [
        ([(0.8, 6, 0), (0.44, 0, 0)], 6, YES),  # six units away: another part of the story
        ([(0.8, 1, 0), (0.41, 0, 0)], 1, YES),  # under threshold - MARGIN
        ([(0.8, 1, 0), (0.44, 0, 0)], 1, NO),  # neither claim words nor the head vouch
        ([(0.8, 1, 0), (0.5, 0, 1), (0.44, 0, 0)], 1, YES),  # its best partner is another
    ],
)
def test_no_repeat_without_every_condition(
    scored: list[tuple[float, int, int]], occupant: int, vouch: Callable[[int, int], bool]
) -> None:
    assert _repeats(scored, occupant, vouch) == []


def test_a_lone_b_unit_joins_too_and_each_unit_once() -> None:
    # B1 is alone beside B0 (taken by A0); A unit 3 is alone too: both join.
    matches = [Match((0,), (0,), 0.8)]
    scored = [(0.8, 0, 0), (0.45, 0, 1), (0.44, 3, 0)]
    got = repeats.neighbour_repeats(scored, matches, {0: 0}, {0: 0}, THRESHOLD, YES)
    assert got == [(0.44, 3, 0), (0.45, 0, 1)]
    # A unit another rule already gave a second pair is left to it.
    skipped = repeats.neighbour_repeats(
        scored, matches, {0: 0}, {0: 0}, THRESHOLD, YES, skip=({3}, set())
    )
    assert skipped == [(0.45, 0, 1)]


@pytest.mark.parametrize(
    ("para", "head", "consistent", "vouched"),
    [
        (True, 0.0, True, True),  # the claim words say one claim
        (False, repeats.HEAD_CUT, True, True),  # the head does
        (False, repeats.HEAD_CUT, False, False),  # ... but a conflict speaks against it
        (False, repeats.HEAD_CUT - 0.01, True, False),
    ],
)
def test_vouch_takes_claim_words_or_the_head_without_a_conflict(
    para: bool, head: float, consistent: bool, vouched: bool
) -> None:
    vouch = repeats.vouch(lambda i, j: head, lambda i, j: para, lambda i, j: consistent)
    assert vouch is not None
    assert vouch(0, 0) is vouched


def test_no_vouch_without_the_candidate_checks() -> None:
    assert repeats.vouch(lambda i, j: 1.0, None, YES) is None
    assert repeats.vouch(lambda i, j: 1.0, YES, None) is None


HEADLINE = "Okoro to lead the Harbour parade"
LEAD = "Ama Okoro will lead the Harbour parade on Saturday, the organisers said."
FAR = "The parade was first held in 1962."
OTHER = "Organisers named Ama Okoro to lead Saturday's Harbour parade."


class _Backend:
    """A1~B0 sure (0.8); A0~B0 (0.44) and A(far)~B0 (0.44) under the cut; a head."""

    threshold = THRESHOLD
    candidate_floor = 0.25
    merge_floor = 0.9  # no merges: the test is about second pairs
    prerefined = True

    def __init__(self, lone: int, n: int) -> None:
        self.lone, self.n = lone, n

    def scores(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        terms_a: Sequence[Sequence[str]],
        terms_b: Sequence[Sequence[str]],
        idf: IdfTable,
    ) -> Scores:
        m = sparse.csr_matrix(([0.8, 0.44], ([1, self.lone], [0, 0])), shape=(self.n, 1))
        return Scores(m, m, lambda i, j: 0.5)


def _align(texts_a: list[str], lone: int) -> list[Match]:
    ta, tb = [terms(t) for t in texts_a], [terms(OTHER)]
    return align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        backend=_Backend(lone, len(texts_a)),
        texts_a=texts_a,
        texts_b=[OTHER],
        is_consistent=YES,
        is_paraphrase=lambda i, j: False,
    )


def test_align_gives_a_headline_and_its_lead_the_same_partner() -> None:
    matches = _align([HEADLINE, LEAD], lone=0)
    assert matches == [Match((0,), (0,), 0.44, True), Match((1,), (0,), 0.8)]


def test_align_leaves_a_far_unit_alone_and_the_rule_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    far = _align([FAR, LEAD, *[f"Filler sentence number {k}." for k in range(5)], HEADLINE], 7)
    assert far == [Match((1,), (0,), 0.8)]
    monkeypatch.setattr(align_mod, "REPEATS", False)
    assert _align([HEADLINE, LEAD], lone=0) == [Match((1,), (0,), 0.8)]
