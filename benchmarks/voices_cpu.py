"""CPU time of the Voices lens on about 3,000 real news sentences.

    PYTHONPATH=. .venv/bin/python benchmarks/voices_cpu.py

The ECB+ train pairs in file order, both articles, until 3,000 sentences are read;
`voices.build` on each pair, best of 3 (process CPU time, so other load on the
machine matters less).  Run with PYTHONPATH=/work/main for the "before" number.
Eval texts never leave `/work/shared/eval/`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from library.compare.lenses import voices
from library.compare.mentions import Mentions
from library.compare.model import Unit

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
if not EVAL.exists():
    EVAL = Path("/work/shared/eval")
WANTED = 3000


def units(sents: list[str]) -> tuple[str, tuple[Unit, ...]]:
    out, pos = [], 0
    for k, s in enumerate(sents):
        out.append(Unit(k, s, pos, pos + len(s)))
        pos += len(s) + 1
    return "\n".join(sents), tuple(out)


def main() -> None:
    path = EVAL / "ecbplus_pairs_train.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    pairs, count = [], 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            a, b = units(row["sentences_a"]), units(row["sentences_b"])
            pairs.append((a, b, Mentions.build(a[0], b[0])))
            count += len(a[1]) + len(b[1])
            if count >= WANTED:
                break
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for (_ta, ua), (_tb, ub), mentions in pairs:
            voices.build(ua, ub, mentions)
        best = min(best, time.process_time() - start)
    print(f"{len(pairs)} pairs, {count} sentences: Voices lens {best:.3f} s CPU (best of 3)")


if __name__ == "__main__":
    main()
