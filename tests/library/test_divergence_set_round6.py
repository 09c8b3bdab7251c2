"""Round 6 of the divergence set: 15 more ECB+ test pairs of testb, read in full, report only.

`divergence_set/round6.jsonl` must hold new pairs (none of rounds 4 and 5, of the earlier report
set `test`, or of any file engines were tuned on), drawn as round 5 was but with seed 6 and a
lower cap for the topics rounds 4 and 5 already used most.  The draw is checked against the
eval data when it is present (skipped cleanly without it).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

import pytest

from tests.library.test_divergence_set_round5 import (
    ROUND4,
    ROUND5,
    SET,
    Key,
    _capped_draw,
    _pairs,
    _pairs_held_elsewhere,
    _scorer,
    _short_testb,
    _topic,
)

ROUND6 = SET / "round6.jsonl"


def _round6_draw(candidates: list[Key], earlier: Iterable[Key]) -> list[Key]:
    """Seed 6 orders the candidates rounds 4 and 5 left; walk it with a cap per topic.

    A topic rounds 4 and 5 already drew 4 or more times gets at most 2 more pairs, any other
    topic at most 4, so that the new round leans on the topics the blind sets hold least.
    """
    earlier = set(earlier)
    used = Counter(_topic(key) for key in earlier)
    rest = [key for key in candidates if key not in earlier]
    return _capped_draw(rest, 6, lambda topic: 2 if used[topic] >= 4 else 4)


def test_round6_is_report_only_and_shares_no_pair_with_any_other_file() -> None:
    scorer = _scorer()
    round6 = scorer.read_judgments(ROUND6, allow_test=True)  # raises on bad labels
    assert scorer.allows_test(ROUND6)
    assert len(round6) == 15
    assert {split for split, _, _ in round6} == {"test"}
    assert not _pairs(round6) & _pairs_held_elsewhere(scorer, ROUND4, ROUND5)
    assert max(Counter(_topic(key) for key in round6).values()) <= 4


def test_round6_notes_are_short_and_say_who_labelled() -> None:
    for line in ROUND6.read_text(encoding="utf-8").splitlines():
        for lab in json.loads(line)["labels"]:
            assert len(lab["note"]) <= 200  # our own words, never a quoted sentence
            assert lab["by"] == "read" or lab["by"] == "engine:main-f75737f"
            if lab["label"] == "divergent":
                assert lab["by"] == "read"  # every real conflict was found by reading
                assert lab["conflict"] and lab["kind"]


def test_round6_is_the_seeded_draw_after_rounds_4_and_5() -> None:
    scorer = _scorer()
    eval_dir = scorer.find_eval()
    if eval_dir is None:
        pytest.skip("shared/eval not found")
    candidates = _short_testb(scorer, eval_dir)
    assert len(candidates) == 228
    round4 = set(scorer.read_judgments(ROUND4, allow_test=True))
    round5 = set(scorer.read_judgments(ROUND5, allow_test=True))
    assert (len(round4), len(round5)) == (12, 15)
    drawn = _round6_draw(candidates, round4 | round5)
    assert set(drawn) == set(scorer.read_judgments(ROUND6, allow_test=True))
    assert not set(drawn) & (round4 | round5)
