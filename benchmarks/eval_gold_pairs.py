"""ECB+ gold sentence pairs found as "same" by the whole engine (run by hand).

For each ECB+ article pair of a split, `compare_texts` runs on the two bodies and
every pair it calls `same` is read as ECB+ sentence pairs.  Reported:

- gold recall: strict gold pairs (`gold_pairs`) inside a `same` pair;
- gold precision: `same` sentence pairs that are in the wider gold (`gold_pairs_all`).
  ECB+ annotated only a few sentences per document, so a pair outside gold is only
  probably wrong: read it as a lower bound, and compare engines by it.
- `same` pairs per article pair.

Tuning splits (train, dev) for choosing; `--split test` for one report at the end.

Usage, from the root of the worktree whose engine is measured::

    PYTHONPATH=.:benchmarks .venv/bin/python benchmarks/eval_gold_pairs.py \
        --split test --limit 400 --backend semantic
"""

from __future__ import annotations

import argparse
import json
import sys

from eval_real_divergence import article, engine_pairs, find_eval, line_of, make_engine, ratio


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--limit", type=int, default=0, help="first N article pairs (0: all)")
    ap.add_argument("--backend", default="semantic")
    args = ap.parse_args(argv)
    eval_dir = find_eval()
    if eval_dir is None:
        print("shared/eval not found: skipped")
        return 0
    engine = make_engine(args.backend)
    strict = strict_hit = predicted = predicted_gold = pairs = 0
    with (eval_dir / f"ecbplus_pairs_{args.split}.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if not row.get("gold_pairs"):
                continue
            pairs += 1
            if args.limit and pairs > args.limit:
                pairs -= 1
                break
            text_a, idx_a, _ = article(row, "a")
            text_b, idx_b, _ = article(row, "b")
            cmp = engine(text_a, text_b)
            props = engine_pairs(cmp, line_of(text_a, idx_a), line_of(text_b, idx_b))
            said = [p for p in props if p["relation"] == "same"]
            same = {(i, j) for p in said for i in p["a"] for j in p["b"]}
            gold = {(int(i), int(j)) for i, j in row["gold_pairs"]}
            wide = {(int(i), int(j)) for i, j in row.get("gold_pairs_all", [])} | gold
            strict += len(gold)
            strict_hit += len(gold & same)
            predicted += len(same)
            predicted_gold += len(same & wide)
    print(f"ECB+ {args.split}: {pairs} article pairs with gold, backend {args.backend}")
    print(f"gold recall (strict pairs found as same)  {ratio(strict_hit, strict)}")
    print(f"gold precision (same pairs in wide gold)  {ratio(predicted_gold, predicted)}")
    print(f"same sentence pairs per article pair      {predicted / max(pairs, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
