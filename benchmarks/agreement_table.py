"""Each divergent proposal of the engine on the judged train/dev pairs, with its agreement readings.

Runs the engine (both backends) on the article pairs of the training files that
`fit_conflict_gate.py` reads (pool halves tune … check7, `judgments.jsonl`,
`round2.jsonl`; never test pairs, `heldout.jsonl` or `round3.jsonl`) and writes
one row per material conflict of each divergent pair it proposes: ids,
sentence numbers, path, kind, judged label and the readings of
`library/compare/agreement.py` (numbers only, no text).  Then prints how well
each reading separates real conflicts from false ones (by hand):

    PARALLAX_EVAL=/work/shared/eval PYTHONPATH=. .venv/bin/python \\
        benchmarks/agreement_table.py --out /tmp/agreement.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HALVES = ("tune", "check", "check2", "check3", "check4", "check5", "check6", "check7")
_EXPLAINED = re.compile(r"^A: (?P<a>.*?) · B: (?P<b>.*?)(?: \(.*\))?$")
READINGS = (
    "score",
    "kept",
    "extra",
    "figures",
    "names",
    "names_both",
    "head_same",
    "owner_same",
    "overlap",
    "window",
)


def collect(out: Path) -> list[dict[str, Any]]:
    """Run the engine on the training pairs; write and return one row per material conflict."""
    sys.path.insert(0, str(HERE))
    import eval_real_divergence as erd
    import fit_conflict_gate as fcg

    from library.compare import conflict_gate

    fcg.TRAIN_HALVES = HALVES
    labels = fcg._labels(erd)
    halves = {
        (r["split"], r["doc_a"], r["doc_b"], r["a"], r["b"]): r["half"]
        for r in map(json.loads, (HERE / "divergence_set/pool.jsonl").read_text().splitlines())
    }
    eval_dir = erd.find_eval()
    if eval_dir is None:
        raise SystemExit("shared/eval not found")
    rows = erd.load_rows(eval_dir, set(labels))
    table: list[dict[str, Any]] = []
    unjudged = 0
    for backend in ("semantic", "lexical"):
        engine = erd.make_engine(backend)
        for key in sorted(labels):
            source, lookup = labels[key]
            text_a, idx_a, _ = erd.article(rows[key], "a")
            text_b, idx_b, _ = erd.article(rows[key], "b")
            cmp, seen = _run(engine, conflict_gate, text_a, text_b)
            map_a, map_b = erd.line_of(text_a, idx_a), erd.line_of(text_b, idx_b)
            units_a = {u.id: u for u in cmp.a.units}
            units_b = {u.id: u for u in cmp.b.units}
            final = {(p.a, p.b): p.relation for p in cmp.pairs}
            for pair, a, b in seen:
                sa = sorted({map_a[units_a[u].start] for u in pair.a})
                sb = sorted({map_b[units_b[u].start] for u in pair.b})
                label = lookup(sa, sb)
                if label is None:
                    unjudged += 1
                    continue
                after = int(final.get((pair.a, pair.b)) == "divergent")
                where = halves.get((key[0], key[1], key[2], sa[0], sb[0]), source)
                for c in pair.conflicts:
                    if not c.material:
                        continue
                    r = readings(c, a, b, pair.score)
                    table.append(
                        {
                            "source": where,
                            "doc_a": key[1],
                            "doc_b": key[2],
                            "a": sa[0],
                            "b": sb[0],
                            "backend": backend,
                            "via": pair.via,
                            "kind": c.kind,
                            "real": int(label == "divergent"),
                            "after": after,
                            **{k: round(v, 4) for k, v in r.items()},
                        }
                    )
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"{len(table)} conflicts; unjudged proposals left out: {unjudged}")
    return table


def readings(c: Any, a: Any, b: Any, score: float) -> dict[str, float]:
    """Every reading of material conflict `c` between sides `a` and `b`."""
    from library.compare import conflict_gate
    from library.compare.agreement import agreement

    told = agreement(a.text, c.a, b.text, c.b)
    named = dict(zip(conflict_gate.FEATURES, conflict_gate.features(c, a, b), strict=True))
    return {
        "score": score,
        "kept": told.kept,
        "extra": float(told.extra),
        "figures": float(told.figures),
        "names": float(len(told.names_a) + len(told.names_b)),
        "names_both": float(min(len(told.names_a), len(told.names_b))),
        "head_same": named["head_same"],
        "owner_same": owner_same(c),
        "overlap": named["overlap"],
        "window": named["window"],
    }


def owner_same(c: Any) -> float:
    """1 when the words each side tells with its value are the same ("48-page indictment")."""
    from library.compare.units import terms

    told = _EXPLAINED.match(c.explanation)
    if told is None:
        return 0.0
    head_a = [t for t in terms(told.group("a")) if t not in set(terms(c.a))]
    head_b = [t for t in terms(told.group("b")) if t not in set(terms(c.b))]
    return float(bool(head_a) and head_a == head_b)


def _run(engine: Any, gate_module: Any, text_a: str, text_b: str) -> tuple[Any, list[Any]]:
    """The comparison as shipped, and every pair left divergent with its two passages."""
    seen: list[Any] = []
    review, reads = gate_module.review, gate_module.reads

    def record(pair: Any, a: Any, b: Any, gate: Any) -> Any:
        out = review(pair, a, b, gate) if reads(pair) else pair
        if out.relation == "divergent":
            seen.append((out, a, b))
        return out

    gate_module.review = record
    gate_module.reads = lambda p: p.relation == "divergent"
    try:
        return engine(text_a, text_b), seen
    finally:
        gate_module.review, gate_module.reads = review, reads


def separation(table: Sequence[dict[str, Any]]) -> None:
    """Per reading: real / false proposals above each cut (a proposal = its best conflict)."""
    for via_group in ("aligned", "cross"):
        rows = [r for r in table if r["via"].startswith("aligned") == (via_group == "aligned")]
        print(f"\n== {via_group} paths: {len(rows)} conflicts")
        for name in READINGS:
            values = sorted({float(r[name]) for r in rows})
            cuts = values[:: max(1, len(values) // 8)]
            line = []
            for cut in cuts:
                real = sum(1 for r in rows if r["real"] and float(r[name]) >= cut)
                false = sum(1 for r in rows if not r["real"] and float(r[name]) >= cut)
                line.append(f">={cut:g}: {real}/{real + false}")
            print(f"  {name:10} " + "  ".join(line))


def before_after(table: Sequence[dict[str, Any]]) -> None:
    """Divergent precision per source and backend, before this step and after it."""
    proposals: dict[tuple[str, ...], tuple[int, int]] = {}
    for r in table:
        key = (r["backend"], r["source"], r["doc_a"], r["doc_b"], str(r["a"]), str(r["b"]))
        proposals[key] = (int(r["real"]), int(r["after"]))
    groups = sorted({(k[0], k[1]) for k in proposals} | {(k[0], "pooled") for k in proposals})
    for backend, source in groups:
        got = [v for k, v in proposals.items() if k[0] == backend and source in (k[1], "pooled")]
        real = sum(r for r, _ in got)
        kept = [r for r, after in got if after]
        print(
            f"  {backend:8} {source:10} before {real}/{len(got)}"
            f"  after {sum(kept)}/{len(kept)}  real lost {real - sum(kept)}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/agreement.csv"))
    ap.add_argument("--read", action="store_true", help="read --out instead of running")
    args = ap.parse_args(argv)
    if args.read:
        with args.out.open(encoding="utf-8") as fh:
            table: list[dict[str, Any]] = [
                {**r, "real": int(r["real"]), "after": int(r["after"])} for r in csv.DictReader(fh)
            ]
    else:
        table = collect(args.out)
    separation(table)
    before_after(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
