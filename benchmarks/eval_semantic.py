"""Accuracy of the semantic backend (lexical x cosine mix) on the shared evaluation data.

Run by hand, not in CI; reads `../shared/eval/` and skips cleanly when absent.
The mix weight and the alignment threshold are tuned on ECB+ dev and PAWS dev
only (`tune`); the test splits and MRPC are only reported (`report`).

Sentence vectors are cached outside the repository, keyed by the SHA-1 of each
text (no eval text is stored): `~/.cache/parallax-eval/vectors-<model>.npz`.
Usage::

    .venv/bin/python benchmarks/eval_semantic.py tune
    .venv/bin/python benchmarks/eval_semantic.py report [--weight 0.3 --threshold 0.42]
    .venv/bin/python benchmarks/eval_semantic.py sample
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import eval_compare
import numpy as np
from eval_compare import load, prf, roc_auc, scored_cells, sentences

from library.compare import HARD_KINDS, compare_texts
from library.compare.align import align
from library.compare.backends import MIX_WEIGHT, SEMANTIC_THRESHOLD, SemanticBackend
from library.compare.conflicts import find_conflicts
from library.compare.embedding import load_encoder, model_id
from library.compare.idf import IdfTable
from library.compare.similarity import LexicalBackend, refine
from library.compare.units import terms
from library.compare.worddiff import word_diff

REPO = Path(__file__).resolve().parents[1]
# A git worktree sits one level deeper than the main checkout: `PARALLAX_EVAL` points at the data.
EVAL = Path(os.environ.get("PARALLAX_EVAL", eval_compare.EVAL))
eval_compare.EVAL = EVAL


class CachedVectors:
    """The bundled encoder behind an on-disk cache keyed by text hash."""

    def __init__(self) -> None:
        self.path = Path.home() / ".cache" / "parallax-eval" / f"vectors-{model_id()}.npz"
        self.index: dict[str, int] = {}
        self.rows: list[np.ndarray] = []
        if self.path.exists():
            z = np.load(self.path)
            self.index = {str(h): k for k, h in enumerate(z["hashes"])}
            self.rows = list(z["vectors"].astype(np.float32))
        self.dirty = False

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = [t for t, k in zip(texts, keys, strict=True) if k not in self.index]
        if missing:
            unique = list(dict.fromkeys(missing))
            vecs = load_encoder()(unique).astype(np.float16).astype(np.float32)
            for t, v in zip(unique, vecs, strict=True):
                self.index[hashlib.sha1(t.encode()).hexdigest()] = len(self.rows)
                self.rows.append(v)
            self.dirty = True
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self.rows[self.index[k]] for k in keys])

    def save(self) -> None:
        if not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        hashes = np.array(sorted(self.index, key=self.index.__getitem__))
        np.savez(self.path, hashes=hashes, vectors=np.stack(self.rows).astype(np.float16))


def diverges(sa: list[str], sb: list[str]) -> Any:
    def check(i: int, j: int) -> bool:
        found = find_conflicts(sa[i], sb[j], word_diff(sa[i], sb[j]))
        return any(c.kind in HARD_KINDS for c in found)

    return check


def ecb(
    split: str,
    vectors: CachedVectors,
    weights: Sequence[float],
    thresholds: Sequence[float],
    name: str | None = None,
) -> dict[str, Any]:
    """ECB+ full-document: AUC of the refined mixed score per weight, P/R/F1 per (w, thr)."""
    scores: dict[float, list[float]] = {w: [] for w in weights}
    labels: list[int] = []
    counts: dict[tuple[float, float], list[int]] = {
        (w, t): [0, 0, 0] for w in weights for t in thresholds
    }
    aligned: dict[tuple[float, float], list[int]] = {
        (w, t): [] for w in weights for t in thresholds
    }
    lexical = LexicalBackend()
    for row in load(name or f"ecbplus_pairs_{split}.jsonl"):
        sa, sb = sentences(row, "a"), sentences(row, "b")
        ta, tb = [terms(s) for s in sa], [terms(s) for s in sb]
        idf = IdfTable.from_term_lists([*ta, *tb])
        gold = {(i, j) for i, j in row.get("gold_pairs_all", [])}
        lex = lexical.matrix(ta, tb, idf)
        cos = np.clip(vectors(sa) @ vectors(sb).T, 0.0, 1.0)
        for i, j in scored_cells(row, len(sa), len(sb)):
            labels.append(int((i, j) in gold))
            for w in weights:
                s = (1 - w) * float(lex[i, j]) + w * float(cos[i, j])
                scores[w].append(refine(s, ta[i], tb[j], idf) if s > 0 else 0.0)
        check = diverges(sa, sb)
        for w in weights:
            for t in thresholds:
                backend = SemanticBackend(vectors, weight=w, threshold=t)
                pred = set()
                matches = align(
                    ta, tb, idf, backend=backend, texts_a=sa, texts_b=sb, is_divergent=check
                )
                for m in matches:
                    pred.update((i, j) for i in m.a for j in m.b)
                c = counts[(w, t)]
                c[0] += len(pred & gold)
                c[1] += len(pred - gold)
                c[2] += len(gold - pred)
                aligned[(w, t)].append(len(matches))
    return {
        "auc": {w: roc_auc(scores[w], labels) for w in weights},
        "prf": {k: prf(*v) for k, v in counts.items()},
        "aligned": aligned,
    }


def sentence_pairs(name: str, vectors: CachedVectors, w: float, t: float) -> dict[str, Any]:
    """Per pair: refined mixed score, aligned by the engine, conflict kinds, label."""
    rows = list(load(name))
    va = vectors([r["a"] for r in rows])
    vb = vectors([r["b"] for r in rows])
    out: dict[str, list[Any]] = {"score": [], "aligned": [], "clean": [], "label": []}
    for k, r in enumerate(rows):
        ta, tb = terms(r["a"]), terms(r["b"])
        idf = IdfTable.from_term_lists([ta, tb])
        cos = float(np.clip(va[k] @ vb[k], 0.0, 1.0))
        lex = float(LexicalBackend().matrix([ta], [tb], idf)[0, 0])
        out["score"].append(refine((1 - w) * lex + w * cos, ta, tb, idf))
        backend = SemanticBackend(vectors, weight=w, threshold=t)
        out["aligned"].append(
            bool(align([ta], [tb], idf, backend=backend, texts_a=[r["a"]], texts_b=[r["b"]]))
        )
        kinds = {c.kind for c in find_conflicts(r["a"], r["b"], word_diff(r["a"], r["b"]))}
        out["clean"].append(not kinds)
        out["label"].append(int(r["label"]))
    return out


def tune(vectors: CachedVectors) -> None:
    """Grid over the mix weight and the threshold on ECB+ dev and PAWS dev."""
    weights = (0.0, 0.2, 0.3, 0.4, 0.5)
    thresholds = (0.36, 0.39, 0.42, 0.45, 0.48)
    r = ecb("dev", vectors, weights, thresholds)
    print("### ECB+ dev: ROC-AUC of the refined mixed score, aligned-pair P / R / F1\n")
    print("| w | ROC-AUC | " + " | ".join(f"thr {t}" for t in thresholds) + " |")
    print("|---|---|" + "---|" * len(thresholds))
    for w in weights:
        cells = [
            "{:.1f} / {:.1f} / {:.1f}".format(*(100 * x for x in r["prf"][(w, t)]))
            for t in thresholds
        ]
        print(f"| {w} | {r['auc'][w]:.3f} | " + " | ".join(cells) + " |")
    print()
    h = ecb("hardneg", vectors, weights, thresholds, name="ecbplus_hardneg_pairs.jsonl")
    print("### ECB+ hard negatives (different events): mean aligned pairs per article pair\n")
    print("| w | " + " | ".join(f"thr {t}" for t in thresholds) + " |")
    print("|---|" + "---|" * len(thresholds))
    for w in weights:
        cells = [f"{np.mean(h['aligned'][(w, t)]):.2f}" for t in thresholds]
        print(f"| {w} | " + " | ".join(cells) + " |")
    print()
    print("### PAWS dev: ROC-AUC of the refined mixed score\n")
    print("| w | ROC-AUC |")
    print("|---|---|")
    for w in weights:
        p = sentence_pairs("paws_wiki_dev.jsonl", vectors, w, SEMANTIC_THRESHOLD)
        print(f"| {w} | {roc_auc(p['score'], p['label']):.3f} |")
    print()


def report(vectors: CachedVectors, w: float, t: float) -> None:
    """Test-split numbers for one (weight, threshold)."""
    print(f"### Semantic backend, w = {w}, threshold = {t} (test splits; MRPC evaluation only)\n")
    for split in ("dev", "test"):
        r = ecb(split, vectors, (0.0, w), (0.42, t))
        p, rec, f = r["prf"][(w, t)]
        p0, r0, f0 = r["prf"][(0.0, 0.42)]
        print(
            f"- ECB+ {split}: ROC-AUC {r['auc'][0.0]:.3f} -> {r['auc'][w]:.3f}; aligned pairs "
            f"P/R/F1 {100 * p0:.1f}/{100 * r0:.1f}/{100 * f0:.1f} -> "
            f"{100 * p:.1f}/{100 * rec:.1f}/{100 * f:.1f}"
        )
    h = ecb("hardneg", vectors, (0.0, w), (0.42, t), name="ecbplus_hardneg_pairs.jsonl")
    for key, label in (((0.0, 0.42), "lexical"), ((w, t), "semantic")):
        a = np.asarray(h["aligned"][key])
        print(
            f"- ECB+ hard negatives, {label}: {a.mean():.2f} aligned pairs per article pair, "
            f"{100 * (a == 0).mean():.1f}% with none"
        )
    for split in ("dev", "test"):
        lex = sentence_pairs(f"paws_wiki_{split}.jsonl", vectors, 0.0, 0.42)
        sem = sentence_pairs(f"paws_wiki_{split}.jsonl", vectors, w, t)
        print(
            f"- PAWS {split}: ROC-AUC {roc_auc(lex['score'], lex['label']):.3f} -> "
            f"{roc_auc(sem['score'], sem['label']):.3f}"
        )
    for label, (ww, tt) in (("lexical", (0.0, 0.42)), ("semantic", (w, t))):
        m = sentence_pairs("mrpc_test.jsonl", vectors, ww, tt)
        y = np.asarray(m["label"]) == 1
        pred = np.asarray(m["aligned"]) & np.asarray(m["clean"])
        tp, fp, fn = int((pred & y).sum()), int((pred & ~y).sum()), int((~pred & y).sum())
        p, rec, f = prf(tp, fp, fn)
        print(
            f"- MRPC test, {label}: accuracy {100 * (pred == y).mean():.1f}, F1 {100 * f:.1f} "
            f"(aligned and no conflict); ROC-AUC {roc_auc(m['score'], m['label']):.3f}"
        )
    print()
    print("Paraphrases (label 1) through `compare_texts`: same / divergent / not aligned\n")
    for name in ("paws_wiki_dev.jsonl", "paws_wiki_test.jsonl", "mrpc_test.jsonl"):
        for label, backend in (
            ("lexical", LexicalBackend()),
            ("semantic", SemanticBackend(vectors, weight=w, threshold=t)),
        ):
            counts: Counter[str] = Counter()
            for row in load(name):
                if row["label"] != 1:
                    continue
                c = compare_texts(row["a"], row["b"], backend=backend)
                rel = {p.relation for p in c.pairs}
                counts["divergent" if "divergent" in rel else "same" if rel else "none"] += 1
            n = sum(counts.values())
            print(
                f"- {name.removesuffix('.jsonl')}, {label}: same {100 * counts['same'] / n:.1f}%, "
                f"divergent {100 * counts['divergent'] / n:.1f}%, "
                f"not aligned {100 * counts['none'] / n:.1f}%"
            )
    print()


def sample(vectors: CachedVectors, w: float, t: float) -> None:
    """The two sample articles: aligned pairs with each backend."""
    paths = sorted((REPO / "resources" / "articles").glob("*.md"))
    a, b = (_body(p.read_text(encoding="utf-8")) for p in paths[:2])
    for label, backend in (
        ("lexical", LexicalBackend()),
        ("semantic", SemanticBackend(vectors, weight=w, threshold=t)),
    ):
        c = compare_texts(a, b, backend=backend)
        print(f"### {label}: {len(c.pairs)} pairs\n")
        for p in c.pairs:
            ta = " ".join(c.a.units[i].text for i in p.a)
            tb = " ".join(c.b.units[j].text for j in p.b)
            print(
                f"- {p.relation} {p.score:.2f} A{list(p.a)} {ta[:90]!r}\n"
                f"  ~ B{list(p.b)} {tb[:90]!r}"
            )
        print()


def _body(text: str) -> str:
    # Front matter is metadata, not body (the importer drops it too).
    return text[text.find("\n---", 3) + 4 :] if text.startswith("---") else text


def main(argv: list[str]) -> int:
    """Run the chosen step."""
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=("tune", "report", "sample"))
    ap.add_argument("--weight", type=float, default=MIX_WEIGHT)
    ap.add_argument("--threshold", type=float, default=SEMANTIC_THRESHOLD)
    args = ap.parse_args(argv)
    if args.step != "sample" and not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    vectors = CachedVectors()
    try:
        if args.step == "tune":
            tune(vectors)
        elif args.step == "report":
            report(vectors, args.weight, args.threshold)
        else:
            sample(vectors, args.weight, args.threshold)
    finally:
        vectors.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
