"""Divergent precision with and without the conflict gate, from one run of the engine (by hand).

The gate (`library/compare/conflict_gate.py`) only demotes, so one run gives both: the pairs as
the engine makes them before the gate (recorded at its one wiring point) and after.  For a pool
range (`eval_real_divergence.py --pool`, same seeded order) each divergent proposal is scored by
`divergence_set/pool.jsonl`; proposals nobody judged are counted and, with `--dump-unjudged`,
printed to the terminal (eval text: never commit it).  Every proposal the gate demotes is listed
by ids with its reason, so that a demoted proposal nobody judged can be judged.

    PARALLAX_EVAL=/work/shared/eval PYTHONPATH=.:benchmarks .venv/bin/python \\
        benchmarks/eval_conflict_gate.py --pool 700 --pool-offset 700 [--backend semantic]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

import eval_real_divergence as erd

from library.compare import conflict_gate


def both(engine: Any, text_a: str, text_b: str) -> tuple[Any, Any]:
    """The comparison before the gate and after it, from one run.

    The engine asks the gate only about the pairs it reads: each of those is
    recorded as it came in, every other pair is the same before and after.
    """
    asked: dict[tuple[Any, Any], Any] = {}
    real = conflict_gate.review

    def record(pair: Any, a: Any, b: Any, gate: Any) -> Any:
        asked[(pair.a, pair.b)] = pair
        return real(pair, a, b, gate)

    conflict_gate.review = record  # type: ignore[assignment]
    try:
        after = engine(text_a, text_b)
    finally:
        conflict_gate.review = real  # type: ignore[assignment]
    before = tuple(asked.get((p.a, p.b), p) for p in after.pairs)
    return replace(after, pairs=before), after


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--pool", type=int, required=True)
    ap.add_argument("--pool-offset", type=int, default=0)
    ap.add_argument("--backend", default=None)
    ap.add_argument("--dump-unjudged", action="store_true")
    ap.add_argument("--context", type=int, default=2)
    args = ap.parse_args(argv)
    eval_dir = erd.find_eval()
    if eval_dir is None:
        print("shared/eval not found: skipped")
        return 0
    engine = erd.make_engine(args.backend)
    keys = erd.pool_keys(eval_dir, args.pool, args.pool_offset)
    rows = erd.load_rows(eval_dir, set(keys))
    judged = erd.read_pool(erd.POOL)
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    demoted: list[str] = []
    for key in keys:
        row = rows[key]
        text_a, idx_a, sents_a = erd.article(row, "a")
        text_b, idx_b, sents_b = erd.article(row, "b")
        map_a, map_b = erd.line_of(text_a, idx_a), erd.line_of(text_b, idx_b)
        for when, cmp in zip(("before", "after"), both(engine, text_a, text_b), strict=True):
            for prop in erd.engine_pairs(cmp, map_a, map_b):
                where = (*key, prop["a"][0], prop["b"][0])
                label = judged.get(where)
                if (
                    when == "after"
                    and prop["relation"] != "divergent"
                    and any("unsure it is one slot" in c for c in prop["conflicts"])
                ):
                    demoted.append(f"  demoted {list(where)} {prop['via']} judged: {label}")
                if prop["relation"] != "divergent":
                    continue
                for via in (prop["via"], "all"):
                    tally[(when, via)][label or "unjudged"] += 1
                if label is None and when == "after" and args.dump_unjudged:
                    print(erd._describe(key, prop, sents_a, sents_b, args.context, "?"))
    print(f"pool {args.pool} from {args.pool_offset}, backend {args.backend or 'default'}")
    for (when, via), count in sorted(tally.items()):
        seen = sum(v for k, v in count.items() if k != "unjudged")
        real = erd.ratio(count["divergent"], seen)
        print(f"  {when:6} {via:22} precision {real}  unjudged {count['unjudged']}")
    print(f"demoted by the gate: {len(demoted)}")
    print("\n".join(demoted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
