"""Choosing the semantic threshold: the three precision/recall checks in one run per setting.

Run by hand from the worktree root (tuning data only; skips cleanly without `shared/eval`)::

    PARALLAX_EVAL=/path/to/shared/eval PYTHONPATH=.:benchmarks \
        .venv/bin/python benchmarks/eval_threshold.py --threshold 0.47 [--weight 0.3] [--lexical]

For one (weight, threshold) of the semantic backend, set as the defaults that
`make_backend` and the CLI use, it prints:

- ECB+ hard negatives (different events of the same kind): "same" pairs per
  article pair through `compare_texts`, i.e. false "same" (a precision guard
  only: the file mixes ECB+ splits);
- the real divergence set (`eval_real_divergence.py --backend semantic`);
- the sample pair through `parallax compare A B --json`: how many of the 7 facts
  both articles report are aligned as "same", and any other "same" pair.

`--lexical` also prints the lexical backend's numbers, the baseline to beat.
No eval text is printed here (the real divergence part prints counts only).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import eval_real_divergence as erd
import eval_semantic  # points eval_compare at PARALLAX_EVAL
from eval_compare import load

from library.compare import backends, compare_texts
from library.compare.similarity import LexicalBackend

REPO = Path(__file__).resolve().parents[1]
# The 7 facts both sample articles report (unit ids of `compare --json`, A = the first
# file by name); see RESULTS-compare.md, "The sample pair".
SAMPLE_FACTS = {
    (4, 3): "A4~B3",
    (5, 4): "A5~B4",
    (6, 19): "A6~B19",
    (7, 22): "A7~B22",
    (8, 26): "A8~B26",
    (12, 24): "A12~B24-25",
    (12, 25): "A12~B24-25",
    (1, 25): "A1~B25",
}


def use_setting(weight: float, threshold: float) -> None:
    """Make (weight, threshold) the semantic backend's defaults in this process."""
    backends.MIX_WEIGHT, backends.SEMANTIC_THRESHOLD = weight, threshold
    defaults = backends.SemanticBackend.__init__.__kwdefaults__
    defaults["weight"], defaults["threshold"] = weight, threshold


def hard_negatives(backend: Any, label: str) -> None:
    """False "same" pairs per hard-negative article pair (texts as in the divergence set)."""
    same = []
    for row in load("ecbplus_hardneg_pairs.jsonl"):
        a, b = erd.article(row, "a")[0], erd.article(row, "b")[0]
        same.append(sum(p.relation == "same" for p in compare_texts(a, b, backend=backend).pairs))
    n = len(same)
    print(
        f"hard negatives, {label}: {sum(same)} false same in {n} article pairs = "
        f"{sum(same) / n:.3f} per pair; pairs with any same "
        f"{100 * sum(s > 0 for s in same) / n:.1f}%"
    )


def sample_pair(backend: str) -> None:
    """The sample articles through the CLI: facts aligned as same, and false same."""
    from library.cli import main as cli_main

    a, b = sorted((REPO / "resources" / "articles").glob("*.md"))[:2]
    out = io.StringIO()
    with tempfile.TemporaryDirectory() as data, contextlib.redirect_stdout(out):
        cli_main(["--data-dir", data, "compare", str(a), str(b), "--json", "--backend", backend])
    found: set[str] = set()
    false_same = []
    for p in json.loads(out.getvalue())["pairs"]:
        if p["relation"] != "same":
            continue
        hit = {SAMPLE_FACTS[(i, j)] for i in p["a"] for j in p["b"] if (i, j) in SAMPLE_FACTS}
        found |= hit
        if not hit:
            false_same.append(f"A{p['a']}~B{p['b']}")
    print(
        f"sample pair, {backend}: {len(found)}/7 facts aligned as same {sorted(found)}; "
        f"false same: {false_same or 'none'}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--threshold", type=float, default=backends.SEMANTIC_THRESHOLD)
    ap.add_argument("--weight", type=float, default=backends.MIX_WEIGHT)
    ap.add_argument("--lexical", action="store_true", help="also the lexical baseline")
    args = ap.parse_args()
    if not eval_semantic.EVAL.is_dir():
        print(f"skipped: {eval_semantic.EVAL} not found")
        return 0
    use_setting(args.weight, args.threshold)
    print(f"## semantic backend, w = {args.weight}, threshold = {args.threshold}")
    vectors = eval_semantic.CachedVectors()
    hard_negatives(backends.SemanticBackend(vectors), "semantic")
    vectors.save()
    if args.lexical:
        hard_negatives(LexicalBackend(), "lexical")
    for name in ("semantic", "lexical") if args.lexical else ("semantic",):
        print(f"--- real divergence set, {name}")
        erd.main(["--backend", name])
        sample_pair(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
