"""Fit the learned pair score (`library/compare/pair_score.py`) on ECB+ train/dev (run by hand).

Training rows are the semantic backend's candidate pairs (gate over its floor), one
ECB+ sentence per unit (URL sentence 0 of `*ecbplus` documents dropped):

- same-event article pairs (`ecbplus_pairs_{train,dev}`): only pairs whose two sentences
  were both annotated (elsewhere a pair outside gold is only probably wrong);
  label 1 iff in `gold_pairs_all`;
- hard negatives (`ecbplus_hardneg_pairs`, rows of split train/dev only): every
  candidate, label 1 iff in `gold_pairs_all` (14 of 430 article pairs share an event).

Never read: any `*_test` file, the test rows of the hard negatives, MRPC, PAWS (checked
elsewhere).  The model is an L2-regularised logistic regression fitted by Newton steps
(numpy only).  It prints ROC-AUC of the current mix and of the model fitted on train,
on dev candidates and on the judged pairs of the real divergence set, then the
coefficients fitted on train + dev, ready to paste into `pair_score.py`.

    PARALLAX_EVAL=/work/shared/eval PYTHONPATH=.:benchmarks \
        .venv/bin/python benchmarks/fit_pair_score.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import eval_semantic  # points eval_compare at PARALLAX_EVAL
import numpy as np
from eval_compare import load, roc_auc

from library.compare import pair_score
from library.compare.backends import SemanticBackend
from library.compare.idf import IdfTable
from library.compare.units import terms

HERE = Path(__file__).resolve().parent
JUDGMENTS = HERE / "divergence_set" / "judgments.jsonl"
L2 = 1.0


def units(row: dict[str, Any], side: str) -> tuple[list[int], list[str]]:
    """ECB+ sentence indices and texts of one side (URL sentence dropped)."""
    sents: list[str] = row[f"sentences_{side}"]
    skip = 1 if row[f"doc_{side}"].endswith("ecbplus") else 0
    return list(range(skip, len(sents))), sents[skip:]


def candidates(
    row: dict[str, Any], vectors: eval_semantic.CachedVectors, backend: SemanticBackend
) -> Iterator[tuple[int, int, np.ndarray]]:
    """(ECB+ index in A, in B, feature row) of every candidate pair of one article pair."""
    ia, sa = units(row, "a")
    ib, sb = units(row, "b")
    if not sa or not sb:
        return
    ta, tb = [terms(s) for s in sa], [terms(s) for s in sb]
    idf = IdfTable.from_term_lists([*ta, *tb])
    x, rows, cols = backend.candidate_features(sa, sb, ta, tb, idf)
    for k in range(len(rows)):
        yield ia[rows[k]], ib[cols[k]], x[k]


def collect(
    name: str, vectors: eval_semantic.CachedVectors, *, annotated_only: bool, splits: set[str]
) -> tuple[np.ndarray, np.ndarray]:
    backend = SemanticBackend(vectors)
    xs, ys = [], []
    for row in load(name):
        if row.get("split", "train") not in splits:
            continue
        gold = {(i, j) for i, j in row.get("gold_pairs_all", [])}
        ann_a, ann_b = set(row.get("annotated_a", [])), set(row.get("annotated_b", []))
        for i, j, x in candidates(row, vectors, backend):
            if annotated_only and not (i in ann_a and j in ann_b):
                continue
            xs.append(x)
            ys.append(int((i, j) in gold))
    return np.asarray(xs), np.asarray(ys)


def real_set(vectors: eval_semantic.CachedVectors) -> tuple[np.ndarray, np.ndarray]:
    """Candidates of the judged real divergence set: label 1 = judged same, 0 = judged other."""
    judged: dict[tuple[str, str, str], dict[tuple[int, int], str]] = {}
    with JUDGMENTS.open(encoding="utf-8") as fh:
        for line in fh:
            j = json.loads(line)
            # A pair may come back in a later line with more labels.
            judged.setdefault((j["split"], j["doc_a"], j["doc_b"]), {}).update(
                {(x["a"], x["b"]): x["label"] for x in j["labels"]}
            )
    backend = SemanticBackend(vectors)
    xs, ys = [], []
    for split in ("train", "dev"):
        for row in load(f"ecbplus_pairs_{split}.jsonl"):
            labels = judged.get((split, row["doc_a"], row["doc_b"]))
            if labels is None:
                continue
            for i, j, x in candidates(row, vectors, backend):
                if (i, j) in labels:
                    xs.append(x)
                    ys.append(int(labels[(i, j)] == "same"))
    return np.asarray(xs), np.asarray(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton steps; returns (coef, intercept)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main() -> int:
    if not eval_semantic.EVAL.is_dir():
        print(f"skipped: {eval_semantic.EVAL} not found")
        return 0
    vectors = eval_semantic.CachedVectors()
    cache = Path.home() / ".cache" / "parallax-eval" / "pair-features.npz"
    if cache.exists() and "--refresh" not in sys.argv:
        z = np.load(cache)
        sets = {
            k: (z[f"{k}_x"], z[f"{k}_y"]) for k in ("train", "dev", "hn_train", "hn_dev", "real")
        }
    else:
        sets = {
            "train": collect(
                "ecbplus_pairs_train.jsonl", vectors, annotated_only=True, splits={"train"}
            ),
            "dev": collect("ecbplus_pairs_dev.jsonl", vectors, annotated_only=True, splits={"dev"}),
            "hn_train": collect(
                "ecbplus_hardneg_pairs.jsonl", vectors, annotated_only=False, splits={"train"}
            ),
            "hn_dev": collect(
                "ecbplus_hardneg_pairs.jsonl", vectors, annotated_only=False, splits={"dev"}
            ),
            "real": real_set(vectors),
        }
        np.savez(
            cache, **{f"{k}_{p}": v[n] for k, v in sets.items() for n, p in ((0, "x"), (1, "y"))}
        )
    for k, (_x, y) in sets.items():
        print(f"{k}: {len(y)} candidates, {int(y.sum())} positive")
    x_tr = np.vstack([sets["train"][0], sets["hn_train"][0]])
    y_tr = np.concatenate([sets["train"][1], sets["hn_train"][1]])
    coef, b = fit(x_tr, y_tr)
    mix = pair_score.FEATURES.index("mix")
    for k in ("dev", "real"):
        x, y = sets[k]
        print(
            f"ROC-AUC on {k}: mix {roc_auc(list(x[:, mix]), list(y)):.3f} -> "
            f"model {roc_auc(list(pair_score.probability(x, coef, b)), list(y)):.3f}"
        )
    xd = np.vstack([sets["dev"][0], sets["hn_dev"][0]])
    yd = np.concatenate([sets["dev"][1], sets["hn_dev"][1]])
    print(
        f"ROC-AUC on dev + hard negatives dev: mix {roc_auc(list(xd[:, mix]), list(yd)):.3f} -> "
        f"model {roc_auc(list(pair_score.probability(xd, coef, b)), list(yd)):.3f}"
    )
    coef, b = fit(np.vstack([x_tr, xd]), np.concatenate([y_tr, yd]))
    print("fitted on train + dev:")
    print("COEF = (" + ", ".join(f"{c:.4f}" for c in coef) + ",)")
    print(f"INTERCEPT = {b:.4f}")
    for name, c in zip(pair_score.FEATURES, coef, strict=True):
        print(f"  {name:14s} {c:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
