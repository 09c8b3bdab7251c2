"""Round 5 of the divergence set: 15 more ECB+ test pairs of testb, read in full, report only.

`divergence_set/round5.jsonl` must hold new pairs (none of round 4, of the earlier report set
`test`, or of any file engines were tuned on), drawn as round 4 was: the draw is checked
against the eval data when it is present (skipped cleanly without it).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import load_benchmark

SET = Path(__file__).resolve().parents[2] / "benchmarks" / "divergence_set"
ROUND3 = SET / "round3.jsonl"
ROUND4 = SET / "round4.jsonl"
ROUND5 = SET / "round5.jsonl"
POOL = SET / "pool.jsonl"

Key = tuple[str, str, str]


def _scorer() -> ModuleType:
    return load_benchmark("eval_real_divergence")


def _pairs(keys: Iterable[Key]) -> set[frozenset[str]]:
    """Article pairs of judgment keys, in either order."""
    return {frozenset(key[1:]) for key in keys}


def _pairs_held_elsewhere(scorer: ModuleType, *blind: Path) -> set[frozenset[str]]:
    """Article pairs of every tuning file, round 3, the pool's `test` half and `blind` rounds."""
    tuning = [scorer.read_judgments(f) for f in (scorer.JUDGMENTS, scorer.HELDOUT, scorer.ROUND2)]
    tuning.append(scorer.read_judgments(ROUND3))
    held = set().union(*(_pairs(judged) for judged in tuning))
    for path in blind:
        held |= _pairs(scorer.read_judgments(path, allow_test=True))
    pool = [json.loads(line) for line in POOL.read_text(encoding="utf-8").splitlines()]
    return held | {frozenset((r["doc_a"], r["doc_b"])) for r in pool if r["half"] == "test"}


def test_round5_is_report_only_and_shares_no_pair_with_any_other_file() -> None:
    scorer = _scorer()
    round5 = scorer.read_judgments(ROUND5, allow_test=True)  # raises on bad labels
    assert scorer.allows_test(ROUND5)
    assert len(round5) == 15
    assert {split for split, _, _ in round5} == {"test"}
    assert not _pairs(round5) & _pairs_held_elsewhere(scorer, ROUND4)
    # No topic dominates: at most 4 pairs from one ECB+ topic.
    assert max(Counter(doc_a.split("_")[0] for _, doc_a, _ in round5).values()) <= 4


def test_round5_notes_are_short_and_say_who_labelled() -> None:
    for line in ROUND5.read_text(encoding="utf-8").splitlines():
        for lab in json.loads(line)["labels"]:
            assert len(lab["note"]) <= 200  # our own words, never a quoted sentence
            assert lab["by"] == "read" or lab["by"].startswith("engine:")
            if lab["label"] == "divergent":
                assert lab["conflict"]  # every real conflict names its slot


def _all_caps(sentences: list[str]) -> bool:
    letters = [ch for ch in " ".join(sentences) if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) > len(letters) / 2


def _short_testb(scorer: ModuleType, eval_dir: Path) -> list[Key]:
    """testb pairs whose two documents have 5-16 body sentences and are not all-caps."""
    keys = scorer.pool_keys(eval_dir, 777, 300, ("test",))
    rows = scorer.load_rows(eval_dir, set(keys), ("test",))
    out = []
    for key in keys:
        bodies = []
        for side in "ab":
            _, index, sents = scorer.article(rows[key], side)
            bodies.append([sents[i] for i in index])
        if all(5 <= len(b) <= 16 and not _all_caps(b) for b in bodies):
            out.append(key)
    return sorted(out)


def _topic(key: Key) -> str:
    return key[1].split("_")[0]


def _capped_draw(rest: list[Key], seed: int, cap: Callable[[str], int]) -> list[Key]:
    """15 keys: `seed` orders `rest`, walked taking at most `cap(topic)` pairs per topic."""
    picked: list[Key] = []
    per_topic: Counter[str] = Counter()
    for key in random.Random(seed).sample(rest, len(rest)):
        topic = _topic(key)
        if per_topic[topic] < cap(topic):
            picked.append(key)
            per_topic[topic] += 1
        if len(picked) == 15:
            break
    return picked


def _round5_draw(candidates: list[Key], round4: set[Key]) -> list[Key]:
    """Seed 5 orders the candidates round 4 left; walk it, at most 4 pairs per topic."""
    return _capped_draw([key for key in candidates if key not in round4], 5, lambda _: 4)


def test_round4_and_round5_are_the_seeded_draws_of_the_short_testb_pairs() -> None:
    scorer = _scorer()
    eval_dir = scorer.find_eval()
    if eval_dir is None:
        pytest.skip("shared/eval not found")
    candidates = _short_testb(scorer, eval_dir)
    assert len(candidates) == 228
    round4 = set(scorer.read_judgments(ROUND4, allow_test=True))
    assert set(random.Random(4).sample(candidates, 12)) == round4
    assert set(_round5_draw(candidates, round4)) == set(
        scorer.read_judgments(ROUND5, allow_test=True)
    )
