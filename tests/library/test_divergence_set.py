"""The real-article divergence set stays well-formed, and its scorer maps engine units right.

The set itself (`benchmarks/divergence_set/judgments.jsonl`) holds only ids, sentence
indices and short notes of our own; these checks need no eval data.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

from library.compare import compare_texts
from tests.helpers import load_benchmark

REPO = Path(__file__).resolve().parents[2]
ROUND3 = REPO / "benchmarks" / "divergence_set" / "round3.jsonl"


def _scorer() -> ModuleType:
    return load_benchmark("eval_real_divergence")


def test_judgments_are_valid_and_hold_no_eval_text() -> None:
    scorer = _scorer()
    judged = scorer.read_judgments(scorer.JUDGMENTS)  # raises on bad labels, kinds, duplicates
    assert len(judged) >= 25
    heldout = scorer.read_judgments(scorer.HELDOUT)
    assert not set(judged) & set(heldout)  # a held-out pair is never tuned on
    fresh = scorer.read_judgments(scorer.ROUND2)
    assert len(fresh) >= 8
    assert not set(fresh) & (set(judged) | set(heldout))  # a fresh round is new pairs
    # Round 3 (read in full, never tuned on): new pairs from at least 8 subtopics.
    round3 = scorer.read_judgments(ROUND3)
    assert len(round3) >= 12
    assert len({_subtopic(doc_a) for _, doc_a, _ in round3}) >= 8
    earlier = {frozenset(key[1:]) for key in (*judged, *heldout, *fresh)}
    assert not {frozenset(key[1:]) for key in round3} & earlier  # either order
    sets = (
        (scorer.JUDGMENTS, judged),
        (scorer.HELDOUT, heldout),
        (scorer.ROUND2, fresh),
        (ROUND3, round3),
    )
    for path, pairs in sets:
        assert {split for split, _, _ in pairs} <= {"train", "dev"}
        _check_records(path)


def _subtopic(doc: str) -> str:
    """ECB+ subtopic of a document id: "23_9ecbplus" -> "23_ecbplus"."""
    topic, rest = doc.split("_", 1)
    return f"{topic}_{'ecbplus' if rest.endswith('ecbplus') else 'ecb'}"


def _check_records(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) == {"split", "doc_a", "doc_b", "labels"}
        for lab in rec["labels"]:
            # Notes describe in our own words; a long note would be a quoted sentence.
            assert len(lab["note"]) <= 200
            assert set(lab) <= {"a", "b", "label", "kind", "conflict", "fact", "note", "by"}


def _row(doc_a: str, sents_a: list[str], doc_b: str, sents_b: list[str]) -> dict[str, Any]:
    return {"doc_a": doc_a, "sentences_a": sents_a, "doc_b": doc_b, "sentences_b": sents_b}


def test_url_sentence_dropped_and_units_map_back_to_sentence_indices() -> None:
    scorer = _scorer()
    row = _row(
        "1_1ecbplus",
        ["http: / / example. org / a", "Storm hits town", "The storm killed 4 people on Monday."],
        "1_2ecb",
        ["Storm kills residents", "The storm killed 5 people on Monday.", "Schools closed."],
    )
    text_a, idx_a, _ = scorer.article(row, "a")
    text_b, idx_b, _ = scorer.article(row, "b")
    assert "http" not in text_a
    assert idx_a == [1, 2] and idx_b == [0, 1, 2]
    cmp = compare_texts(text_a, text_b)
    pairs = scorer.engine_pairs(cmp, scorer.line_of(text_a, idx_a), scorer.line_of(text_b, idx_b))
    by_cells = {(tuple(p["a"]), tuple(p["b"])): p for p in pairs}
    # The two death-toll sentences are ECB+ sentence 2 of A and 1 of B.
    assert ((2,), (1,)) in by_cells
    assert by_cells[((2,), (1,))]["relation"] == "divergent"
