"""Fit the conflict gate (`library/compare/conflict_gate.py`) and write its parameters (by hand).

Two steps:

1. ``--collect`` runs the engine (both backends, the gate switched off) on every article pair of
   the training sets and writes one row per material conflict of each *divergent* pair it
   proposes, with the gate's features and the pair's judged label, to
   `divergence_set/gate_table.csv` (ECB+ ids, sentence numbers and numbers only: no text):

   - `pool.jsonl`, halves tune, check, check2, check3, check4, check5 (label by the proposal's
     first sentence on each side);
   - `judgments.jsonl` and `round2.jsonl` (a merged pair takes "divergent" when any of its
     sentence pairs is judged divergent, else its best label).

   Never read: CHECK6 (`half: check6`) and later pool sets, the ECB+ test pairs, `round3.jsonl`
   and `heldout.jsonl` (report only).  A proposal nobody judged is left out and listed.

2. Without ``--collect`` it fits on that table: an L2 logistic regression (Newton steps in
   numpy, deterministic; each proposal weighs 1, shared among its conflicts), and chooses the
   threshold on out-of-fold probabilities, folds grouped by ECB+ topic (leave one topic out):
   the lowest threshold whose pooled out-of-fold divergent precision (a pair stays divergent
   when any of its conflicts passes) is at least `TARGET`, so that as many real conflicts as
   possible are kept.  ``--write`` stores weights, threshold and feature means in
   `library/compare/conflict_gate.json` (byte-identical on re-run).

    PARALLAX_EVAL=/work/shared/eval PYTHONPATH=. .venv/bin/python \\
        benchmarks/fit_conflict_gate.py --collect      # ~3 min: runs the engine
    PYTHONPATH=. .venv/bin/python benchmarks/fit_conflict_gate.py --write
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from library.compare import conflict_gate
from library.compare.kinds import MATERIAL_KINDS

HERE = Path(__file__).resolve().parent
SETS = HERE / "divergence_set"
TABLE = SETS / "gate_table.csv"
TRAIN_HALVES = ("tune", "check", "check2", "check3", "check4", "check5")
TARGET = 0.8
L2 = 0.1
BACKENDS = ("semantic", "lexical")
# live: 1 when the conflict is material in a divergent pair (the gate's own domain).
META = (
    "source", "split", "doc_a", "doc_b", "a", "b", "backend", "via", "kind", "live", "label",
    "weight",
)  # fmt: skip


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights of an L2 logistic regression (bias in column 0, not penalised), by Newton steps.

    Args:
        x: features, one row per conflict (column 0 all ones).
        y: 1 for a real conflict, 0 otherwise.
        w: row weights.
        l2: penalty on every weight but the bias.
    """
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        grad = x.T @ (w * (p - y)) + penalty * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta


def pair_precision(
    prob: np.ndarray, y: np.ndarray, pairs: Sequence[str], threshold: float
) -> tuple[int, int, int]:
    """(real kept, kept, real) over proposals: a proposal is kept when any conflict passes."""
    best: dict[str, tuple[float, int]] = {}
    for p, lab, key in zip(prob, y, pairs, strict=True):
        old = best.get(key, (-1.0, int(lab)))
        best[key] = (max(old[0], float(p)), int(lab))
    kept = [lab for p, lab in best.values() if p >= threshold]
    return sum(kept), len(kept), sum(lab for _, lab in best.values())


def out_of_fold(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: Sequence[str], l2: float = L2
) -> np.ndarray:
    """Each row's probability from a model fitted without its ECB+ topic."""
    prob = np.zeros(len(y))
    g = np.asarray(groups)
    for topic in sorted(set(groups)):
        held = g == topic
        beta = fit(x[~held], y[~held], w[~held], l2)
        prob[held] = 1.0 / (1.0 + np.exp(-(x[held] @ beta)))
    return prob


def choose_threshold(
    prob: np.ndarray, y: np.ndarray, pairs: Sequence[str], target: float = TARGET
) -> float:
    """The lowest threshold (of the out-of-fold probabilities) whose proposal precision >= target.

    Lowest keeps the most real conflicts; if none reaches the target, the one of best precision.
    """
    best_t, best_prec = 1.0, -1.0
    for t in sorted({float(p) for p in prob}):
        real, kept, _ = pair_precision(prob, y, pairs, t)
        if kept and real / kept >= target:
            return t
        if kept and real / kept > best_prec:
            best_t, best_prec = t, real / kept
    return best_t


def read_table(path: Path) -> tuple[list[dict[str, str]], np.ndarray]:
    """The table's rows (metadata) and their feature matrix in `FEATURES` order."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    x = np.array([[float(r[f]) for f in conflict_gate.FEATURES] for r in rows], dtype=float)
    return rows, x


def fit_table(rows: Sequence[dict[str, str]], x: np.ndarray, l2: float = L2) -> dict[str, Any]:
    """The shipped parameters fitted on a table, with the cross-validated numbers.

    The model learns from every candidate conflict of a material kind; the
    threshold is chosen on the live ones (material in a divergent pair made on
    a path the gate reads, `conflict_gate.PATHS`), the only ones it is asked about.
    """
    y = np.array([float(r["label"] == "divergent") for r in rows])
    w = np.array([float(r["weight"]) for r in rows])
    groups = [r["doc_a"].split("_", 1)[0] for r in rows]
    live = np.array([r["live"] == "1" and r["via"] in conflict_gate.PATHS for r in rows])
    prob = out_of_fold(x, y, w, groups, l2)
    pairs = [_proposal(r) for r, on in zip(rows, live, strict=True) if on]
    # Stored to 6 places, rounded down so that the proposal at the threshold still passes.
    threshold = math.floor(choose_threshold(prob[live], y[live], pairs) * 1e6) / 1e6
    real, kept, _ = pair_precision(prob[live], y[live], pairs, threshold)
    before = pair_precision(prob[live], y[live], pairs, 0.0)
    beta = fit(x, y, w, l2)
    means = (x * w[:, None]).sum(axis=0) / w.sum()
    return {
        "features": list(conflict_gate.FEATURES),
        "weights": [round(float(b), 6) for b in beta],
        "threshold": threshold,
        "means": [round(float(m), 6) for m in means],
        "fitted_on": {
            "conflicts": len(rows),
            "real": int(y.sum()),
            "l2": l2,
            "live_proposals": before[1],
            "cv_precision_before": f"{before[0]}/{before[1]}",
            "cv_precision_after": f"{real}/{kept}",
        },
    }


def _proposal(r: dict[str, str]) -> str:
    return "|".join(r[k] for k in ("split", "doc_a", "doc_b", "a", "b", "backend"))


# ---------------------------------------------------------------- collecting (runs the engine)


def collect(eval_dir: Path, out: Path) -> None:
    """Run the engine on the training article pairs; write the table (see the module doc)."""
    sys.path.insert(0, str(HERE))
    import eval_real_divergence as erd

    labels = _labels(erd)
    rows = erd.load_rows(eval_dir, set(labels))
    table: list[list[Any]] = []
    unjudged: list[str] = []
    seen: set[tuple[Any, ...]] = set()
    for backend in BACKENDS:
        engine = erd.make_engine(backend)
        for key in sorted(labels):
            source, lookup = labels[key]
            row = rows[key]
            text_a, idx_a, _ = erd.article(row, "a")
            text_b, idx_b, _ = erd.article(row, "b")
            cmp, found = _run(engine, text_a, text_b)
            map_a, map_b = erd.line_of(text_a, idx_a), erd.line_of(text_b, idx_b)
            units_a = {u.id: u for u in cmp.a.units}
            units_b = {u.id: u for u in cmp.b.units}
            for pair, conflicts in found:
                sa = sorted({map_a[units_a[u].start] for u in pair.a})
                sb = sorted({map_b[units_b[u].start] for u in pair.b})
                label = lookup(sa, sb)
                where = (*key, sa[0], sb[0])
                if label is None:
                    unjudged.append(f"{backend} {where} {pair.via}")
                    continue
                if where in seen:  # both backends proposed it: once
                    continue
                seen.add(where)
                for c, x in conflicts:
                    live = int(pair.relation == "divergent" and c.material)
                    meta = [source, *key, sa[0], sb[0], backend, pair.via, c.kind, live, label]
                    table.append([*meta, round(1 / len(conflicts), 6), *(round(v, 6) for v in x)])
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([*META, *conflict_gate.FEATURES])
        writer.writerows(table)
    print(f"{len(table)} conflicts written to {out}; unjudged proposals left out: {len(unjudged)}")
    for line in unjudged:
        print("  unjudged", line)


def _run(engine: Any, text_a: str, text_b: str) -> tuple[Any, list[tuple[Any, list[Any]]]]:
    """The comparison with the gate off, and each divergent pair's material conflicts' features."""
    found: list[tuple[Any, list[Any]]] = []

    def record(pair: Any, a: Any, b: Any, gate: Any) -> Any:
        # Every candidate of a material kind, also one a rule already kept as a
        # note: the false ones a fresh set shows are shapes no rule was written
        # for, and the ones the rules caught are false candidates of that kind.
        told = [c for c in pair.conflicts if c.kind in MATERIAL_KINDS]
        if told:
            found.append((pair, [(c, conflict_gate.features(c, a, b)) for c in told]))
        return pair

    real = conflict_gate.review
    conflict_gate.review = record  # type: ignore[assignment]
    try:
        return engine(text_a, text_b), found
    finally:
        conflict_gate.review = real  # type: ignore[assignment]


def _labels(erd: Any) -> dict[tuple[str, str, str], tuple[str, Any]]:
    """Per training article pair: its source and a lookup (sentences A, B) -> label or None."""
    out: dict[tuple[str, str, str], tuple[str, Any]] = {}
    pool: dict[tuple[str, str, str], dict[tuple[int, int], str]] = {}
    for line in (SETS / "pool.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["half"] in TRAIN_HALVES and r["split"] in ("train", "dev"):
            pool.setdefault((r["split"], r["doc_a"], r["doc_b"]), {})[(r["a"], r["b"])] = r["label"]
    for key, judged in pool.items():
        out[key] = ("pool", lambda sa, sb, j=judged: j.get((sa[0], sb[0])))
    for name in ("judgments.jsonl", "round2.jsonl"):
        for key, cells in erd.read_judgments(SETS / name).items():
            out[key] = (name.split(".")[0], lambda sa, sb, c=cells: _merged(c, sa, sb))
    return out


def _merged(cells: dict[tuple[int, int], dict[str, Any]], sa: Iterable[int], sb: list[int]) -> Any:
    got = {cells[(i, j)]["label"] for i in sa for j in sb if (i, j) in cells}
    if not got:
        return None
    order = ("divergent", "same", "related", "unrelated")
    return min(got, key=order.index)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--collect", action="store_true", help="run the engine, write the table")
    ap.add_argument("--table", type=Path, default=TABLE)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--write", action="store_true", help="write conflict_gate.json")
    args = ap.parse_args(argv)
    if args.collect:
        sys.path.insert(0, str(HERE))
        from eval_real_divergence import find_eval

        eval_dir = find_eval()
        if eval_dir is None:
            print("shared/eval not found: skipped")
            return 0
        collect(eval_dir, args.table)
    rows, x = read_table(args.table)
    params = fit_table(rows, x, args.l2)
    print(json.dumps(params, indent=1))
    for name, weight in zip(conflict_gate.FEATURES, params["weights"], strict=True):
        print(f"  {name:14} {weight:+.3f}")
    if args.write:
        text = json.dumps(params, indent=1) + "\n"
        conflict_gate.PARAMETERS.write_text(text, encoding="utf-8")
        print(f"written {conflict_gate.PARAMETERS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
