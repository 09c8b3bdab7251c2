"""Accuracy of the comparison engine on the shared evaluation data (run by hand, not in CI).

Reads `../shared/eval/` relative to the repository and skips cleanly when it is
absent.  Thresholds are chosen on ECB+ train/dev and PAWS dev only; MRPC and the
test splits are only reported.  Usage::

    .venv/bin/python benchmarks/eval_compare.py            # all sets, tables to stdout
    .venv/bin/python benchmarks/eval_compare.py ecb paws   # some sets
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from library.compare.align import ALIGN_THRESHOLD, align
from library.compare.conflicts import find_conflicts
from library.compare.idf import IdfTable
from library.compare.similarity import LexicalBackend, refine
from library.compare.units import terms
from library.compare.worddiff import word_diff

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load(name: str) -> Iterator[dict[str, Any]]:
    """Rows of one JSON Lines file of the eval folder."""
    with (EVAL / name).open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the ROC curve (Mann-Whitney U with tied ranks averaged)."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = int(y.sum())
    neg = len(y) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sentences(row: dict[str, Any], side: str) -> list[str]:
    """Sentences of one ECB+ document; the URL sentence 0 of *ecbplus documents is blanked."""
    sents = list(row[f"sentences_{side}"])
    if row[f"doc_{side}"].endswith("ecbplus") and sents:
        sents[0] = ""
    return sents


def pair_scores(ta: list[str], tb: list[str], idf: IdfTable) -> float:
    """The engine's refined score for one sentence pair (terms given)."""
    base = float(LexicalBackend().matrix([ta], [tb], idf)[0, 0])
    return refine(base, ta, tb, idf)


def ecb(split: str, threshold: float, idf_mode: str = "pair") -> dict[str, float]:
    """Full-document alignment on ECB+ `split`: AUC of pair scores, P/R/F1 of aligned pairs."""
    scores: list[float] = []
    labels: list[int] = []
    tp = fp = fn = 0
    backend = LexicalBackend()
    for row in load(f"ecbplus_pairs_{split}.jsonl"):
        sa, sb = sentences(row, "a"), sentences(row, "b")
        ta, tb = [terms(s) for s in sa], [terms(s) for s in sb]
        idf = IdfTable.from_term_lists([*ta, *tb])
        gold = {(i, j) for i, j in row["gold_pairs_all"]}
        m = backend.matrix(ta, tb, idf)
        skip_a = {0} if row["doc_a"].endswith("ecbplus") else set()
        skip_b = {0} if row["doc_b"].endswith("ecbplus") else set()
        for i in range(len(sa)):
            for j in range(len(sb)):
                if i in skip_a or j in skip_b:
                    continue
                s = float(m[i, j])
                if s > 0:
                    s = refine(s, ta[i], tb[j], idf)
                scores.append(s)
                labels.append(int((i, j) in gold))
        pred = set()
        for match in align(ta, tb, idf, threshold=threshold):
            pred.update((i, j) for i in match.a for j in match.b)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r, f = prf(tp, fp, fn)
    return {
        "auc": roc_auc(scores, labels),
        "p": p,
        "r": r,
        "f1": f,
        "n": len(scores),
        "scores": scores,  # type: ignore[dict-item]
        "labels": labels,  # type: ignore[dict-item]
    }


def best_f1_threshold(scores: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """The score threshold with the best F1 (score >= t is positive), and that F1."""
    s = np.asarray(scores)
    y = np.asarray(labels)
    order = np.argsort(-s, kind="mergesort")
    tp = np.cumsum(y[order])
    k = np.arange(1, len(s) + 1)
    f1 = 2 * tp / (k + y.sum())
    best = int(np.argmax(f1))
    return float(s[order][best]), float(f1[best])


def f1_at(scores: Sequence[float], labels: Sequence[int], t: float) -> tuple[float, float, float]:
    """P, R, F1 of `score >= t`."""
    s = np.asarray(scores) >= t
    y = np.asarray(labels).astype(bool)
    return prf(int((s & y).sum()), int((s & ~y).sum()), int((~s & y).sum()))


def sentence_pair_rows(name: str) -> tuple[list[float], list[int], list[bool]]:
    """Score, label and 'divergent' flag for every pair of a sentence-pair file."""
    scores, labels, divergent = [], [], []
    for row in load(name):
        a, b = row["a"], row["b"]
        ta, tb = terms(a), terms(b)
        idf = IdfTable.from_term_lists([ta, tb])
        s = pair_scores(ta, tb, idf)
        conflicts = find_conflicts(a, b, word_diff(a, b))
        scores.append(s)
        labels.append(int(row["label"]) if not isinstance(row["label"], str) else row["label"])
        divergent.append(bool(conflicts))
    return scores, labels, divergent


def main(argv: list[str]) -> int:
    """Run the chosen evaluations and print their tables."""
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    which = set(argv) or {"ecb"}
    if "ecb" in which:
        print("| split | ROC-AUC | P | R | F1 | candidate pairs |")
        print("|---|---|---|---|---|---|")
        for split in ("dev", "test"):
            r = ecb(split, ALIGN_THRESHOLD)
            print(
                f"| {split} | {r['auc']:.3f} | {100 * r['p']:.1f} | {100 * r['r']:.1f} "
                f"| {100 * r['f1']:.1f} | {int(r['n'])} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
