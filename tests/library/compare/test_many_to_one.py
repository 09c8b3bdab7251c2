"""A unit left alone may join its best partner's sure pair (off by default)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from library.compare import align as align_mod
from library.compare.match import Match
from library.compare.second_partners import second_partners


def test_a_lone_unit_joins_its_best_partners_sure_pair_when_vouched() -> None:
    # A0 (headline) and A1 (body) both tell B0; A1~B0 won the one-to-one match.
    scored = [(0.8, 1, 0), (0.6, 0, 0), (0.3, 2, 1)]
    matches = [Match((1,), (0,), 0.8)]
    added = second_partners(scored, matches, {1: 0}, {0: 0}, 0.47, lambda i, j: True)
    assert added == [Match((0,), (0,), 0.6)]


@pytest.mark.parametrize(
    ("scored", "vouch"),
    [
        ([(0.8, 1, 0), (0.6, 0, 0)], lambda i, j: False),  # the claim words disagree
        ([(0.8, 1, 0), (0.4, 0, 0)], lambda i, j: True),  # under the threshold
    ],
)
def test_no_second_pair_without_a_strong_vouched_score(
    scored: list[tuple[float, int, int]], vouch: Callable[[int, int], bool]
) -> None:
    matches = [Match((1,), (0,), 0.8)]
    assert second_partners(scored, matches, {1: 0}, {0: 0}, 0.47, vouch) == []


def test_many_to_one_is_off_by_default() -> None:
    assert align_mod.MANY_TO_ONE is False
