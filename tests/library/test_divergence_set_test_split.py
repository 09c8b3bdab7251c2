"""ECB+ test pairs in the divergence set: allowed in report-only files, refused in tuning files.

Round 4 (`divergence_set/round4.jsonl`) holds ECB+ *test* pairs read in full, to report on
and never to tune on; the tuning files must keep to train/dev so that the pool order
(`pool_keys`) and the engines' fitting never see a test pair.  No eval data needed.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import load_benchmark

REPO = Path(__file__).resolve().parents[2]
ROUND4 = REPO / "benchmarks" / "divergence_set" / "round4.jsonl"
POOL = REPO / "benchmarks" / "divergence_set" / "pool.jsonl"


def _scorer() -> ModuleType:
    return load_benchmark("eval_real_divergence")


def _one_test_pair(tmp_path: Path) -> Path:
    path = tmp_path / "report.jsonl"
    label = {"a": 2, "b": 3, "label": "same", "fact": "storm", "note": "a storm hit", "by": "read"}
    rec = {"split": "test", "doc_a": "90_1ecb", "doc_b": "90_2ecb", "labels": [label]}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return path


def test_a_test_pair_is_refused_by_default_and_read_when_allowed(tmp_path: Path) -> None:
    scorer = _scorer()
    path = _one_test_pair(tmp_path)
    with pytest.raises(SystemExit):
        scorer.read_judgments(path)
    judged = scorer.read_judgments(path, allow_test=True)
    assert judged == {
        ("test", "90_1ecb", "90_2ecb"): {(2, 3): json.loads(path.read_text())["labels"][0]}
    }


def test_only_report_files_may_hold_test_pairs(tmp_path: Path) -> None:
    scorer = _scorer()
    for tuning in (scorer.JUDGMENTS, scorer.HELDOUT, scorer.ROUND2):
        assert not scorer.allows_test(tuning)
    assert scorer.allows_test(ROUND4)
    assert scorer.allows_test(_one_test_pair(tmp_path))


def test_round4_is_test_pairs_of_the_testb_set_with_short_notes() -> None:
    scorer = _scorer()
    round4 = scorer.read_judgments(ROUND4, allow_test=True)
    assert len(round4) >= 10
    assert {split for split, _, _ in round4} == {"test"}
    # The earlier report set `test` (the first 300 of the seeded test order) is not reused.
    earlier = {
        (r["doc_a"], r["doc_b"])
        for r in map(json.loads, POOL.read_text(encoding="utf-8").splitlines())
        if r["half"] == "test"
    }
    assert not {key[1:] for key in round4} & earlier
    for line in ROUND4.read_text(encoding="utf-8").splitlines():
        for lab in json.loads(line)["labels"]:
            assert len(lab["note"]) <= 200  # our own words, never a quoted sentence
            assert lab["by"] == "read" or lab["by"].startswith("engine:")
