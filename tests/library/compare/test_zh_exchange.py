"""Swap detection for Chinese pairs: an exchange of two separated phrases, not a phrase moved."""

from __future__ import annotations

from library.compare import language_mix
from library.compare.zh_exchange import exchange
from tests.library.compare.test_language_mix import CLAIM, SWAPPED, _score

# Written for these tests.
RIVER = "清水河是云南省白沙河的一条支流。"
RIVER_SWAPPED = "白沙河是云南省清水河的一条支流。"  # x P y Q z -> x Q y P z
BORN = "她于1978年5月15日出生，是一名演员。"
BORN_MOVED = "她出生于1978年5月15日，是一名演员。"  # one phrase slides past its neighbour
ACTIVE = "国家安全部部长陈一新13日在北京会见了来访的代表团。"
PASSIVE = "13日，来访代表团在北京受到国家安全部部长陈一新的会见。"  # roles inverted by voice
LIST = "目前仍有两个联赛：高地联盟联赛和格兰坪联盟联赛，规模都不大。"


def test_an_exchange_of_two_separated_phrases_is_found() -> None:
    assert exchange(CLAIM, SWAPPED) > 0.1
    assert exchange(RIVER, RIVER_SWAPPED) > 0.1
    assert exchange("高地联盟联赛", "格兰坪联盟联赛") == 0.0  # too little in common to reorder


def test_same_order_or_one_moved_phrase_is_no_exchange() -> None:
    assert exchange(CLAIM, CLAIM) == 0.0
    assert exchange(BORN, BORN_MOVED) == 0.0
    assert exchange(LIST, LIST.replace("。", "").replace("，", "。")) == 0.0
    assert exchange(RIVER, "完全不同的一句话。") == 0.0


def test_items_of_an_enumeration_may_come_in_any_order() -> None:
    names = "参加会议的有张伟、李明、王强和赵刚四人。"
    reordered = "参加会议的有王强、李明、张伟和赵刚四人。"
    assert exchange(names, reordered) == 0.0
    # The same exchange outside an enumeration is one.
    apart = "参加会议的有张伟，随后李明指出王强和赵刚四人。"
    apart_swapped = "参加会议的有王强，随后李明指出张伟和赵刚四人。"
    assert exchange(apart, apart_swapped) > language_mix.EXCHANGE_MIN


def test_a_change_of_voice_is_no_exchange() -> None:
    assert exchange(ACTIVE, PASSIVE) == 0.0
    # The same reorder without the passive marker is an exchange.
    assert exchange(ACTIVE, PASSIVE.replace("受到", "有")) > 0.0


def test_traditional_script_is_folded_first() -> None:
    assert exchange("清水河是雲南省白沙河的一條支流。", RIVER) == 0.0
    assert exchange("清水河是雲南省白沙河的一條支流。", RIVER_SWAPPED) > 0.1


def test_the_exchange_penalty_ramps_with_shared_bigrams() -> None:
    shared = language_mix.displacement(RIVER, RIVER_SWAPPED)[1]
    assert language_mix.exchanged(RIVER, RIVER_SWAPPED, shared) > 0.0
    assert language_mix.exchanged(RIVER, RIVER_SWAPPED, language_mix.EXCHANGE_FROM) == 0.0
    assert language_mix.exchanged(RIVER, RIVER, 1.0) == 0.0


def test_the_semantic_score_of_a_swapped_twin_drops() -> None:
    """Regression: the exchange penalty lowers a swap that the displacement alone left high."""
    before = language_mix.EXCHANGE_PENALTY
    try:
        language_mix.EXCHANGE_PENALTY = 0.0
        without = _score(CLAIM, SWAPPED)
        passive = _score(ACTIVE, PASSIVE)
    finally:
        language_mix.EXCHANGE_PENALTY = before
    assert _score(CLAIM, SWAPPED) < 0.5 * without
    assert _score(ACTIVE, PASSIVE) == passive  # a change of voice is left alone
