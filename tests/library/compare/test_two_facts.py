"""One sentence telling two facts that the other article tells in two (`two_facts.py`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from library.compare import align as align_mod
from library.compare import two_facts
from library.compare.align import Match, align
from library.compare.idf import IdfTable
from library.compare.units import terms
from tests.library.compare.fakes import FixedScores

THRESHOLD = 0.47
YES: Callable[[int, int], bool] = lambda i, j: True  # noqa: E731
NO: Callable[[int, int], bool] = lambda i, j: False  # noqa: E731

# B0 packs two facts; A1 tells the first (and took B0), A0 the second.
LONG = (
    "Harbour police sent two divers into the Tarn river after a ferry pilot reported "
    "smoke rising over the old bridge on Monday."
)
TAKER = "Harbour police sent two divers into the Tarn river on Monday."
SECOND = "A ferry pilot had reported smoke rising over the old bridge."
# Shares with B0 only what A1 already shares: another fact about the same search.
SAME_SUBJECT = "Harbour police said the two divers searched the river for hours."


def _facts(
    lone: str,
    score: float = 0.42,
    consistent: Callable[[int, int], bool] = YES,
    texts_b: Sequence[str] = (LONG,),
) -> list[tuple[float, int, int]]:
    """A0 = `lone`, A1 = the taker, which holds B0 in a sure pair."""
    matches = [Match((1,), (0,), 0.8)]
    scored = [(0.8, 1, 0), (score, 0, 0)]
    return two_facts.second_facts(
        scored, matches, {1: 0}, {0: 0}, THRESHOLD, ([lone, TAKER], list(texts_b)), consistent
    )


def test_a_lone_unit_telling_another_part_of_its_partner_joins_it() -> None:
    assert _facts(SECOND) == [(0.42, 0, 0)]


@pytest.mark.parametrize(
    ("lone", "score", "consistent"),
    [
        (SAME_SUBJECT, 0.42, YES),  # only the words the taker already shares
        (SECOND, 0.38, YES),  # under threshold - MARGIN
        (SECOND, 0.42, NO),  # a conflict or a differing count
    ],
)
def test_no_second_fact_without_every_condition(
    lone: str, score: float, consistent: Callable[[int, int], bool]
) -> None:
    assert _facts(lone, score, consistent) == []


def test_articles_about_other_people_get_no_second_fact() -> None:
    # Two articles that share few of the names they give tell different events.
    other = (
        "Delta police sent two divers into the Varo river after a ferry pilot reported "
        "smoke rising over the old Quinn bridge near Lisk, Morrow and Fenton."
    )
    names = "Officers Abel Dunmore and Cora Beck of Westhaven spoke to Ilse Marten."
    assert _facts(SECOND + " " + names, texts_b=(other,)) == []


def test_each_partner_takes_one_lone_unit_the_best_first_and_skips_other_rules() -> None:
    matches = [Match((2,), (0,), 0.8)]
    texts = ([SECOND, SECOND, TAKER], [LONG])
    scored = [(0.8, 2, 0), (0.44, 0, 0), (0.43, 1, 0)]
    got = two_facts.second_facts(scored, matches, {2: 0}, {0: 0}, THRESHOLD, texts, YES)
    assert got == [(0.44, 0, 0)]
    # A unit another rule already paired is left to it; the next one may join.
    skip = ({0}, set[int]())
    got = two_facts.second_facts(scored, matches, {2: 0}, {0: 0}, THRESHOLD, texts, YES, skip=skip)
    assert got == [(0.43, 1, 0)]


def test_a_lone_b_unit_joins_an_a_sentence_too() -> None:
    matches = [Match((0,), (1,), 0.8)]
    scored = [(0.8, 0, 1), (0.42, 0, 0)]
    got = two_facts.second_facts(
        scored, matches, {0: 0}, {1: 0}, THRESHOLD, ([LONG], [SECOND, TAKER]), YES
    )
    assert got == [(0.42, 0, 0)]


def _align(lone: str) -> list[Match]:
    texts_a = [lone, TAKER]
    ta, tb = [terms(t) for t in texts_a], [terms(LONG)]
    return align(
        ta,
        tb,
        IdfTable.from_term_lists([*ta, *tb]),
        backend=FixedScores({(1, 0): 0.8, (0, 0): 0.42}, (2, 1), THRESHOLD),
        texts_a=texts_a,
        texts_b=[LONG],
        is_consistent=YES,
        is_paraphrase=NO,  # neither a repeat nor a paraphrase: only this rule can pair A0
    )


def test_align_pairs_the_second_fact_and_the_rule_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _align(SECOND) == [Match((0,), (0,), 0.42, True), Match((1,), (0,), 0.8)]
    assert _align(SAME_SUBJECT) == [Match((1,), (0,), 0.8)]
    monkeypatch.setattr(align_mod, "TWO_FACTS", False)
    assert _align(SECOND) == [Match((1,), (0,), 0.8)]
