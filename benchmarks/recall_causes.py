"""Where each missed shared fact of the judged set is lost (run by hand; tuning files only).

For every judged `same` fact slot (judgments.jsonl, round2.jsonl) that the
engine does not align as "same", the slot's best sentence pair (highest
refined ranking score among its unit pairs) is classed:

- `no candidate`: its gate is under the backend's candidate floor;
- `taken`: a unit of it is in another pair of `align` (one-to-one), split by
  whether that other pair is one the judges call the same fact;
- `under the cut`: both units free, refined score under the threshold, split by
  whether they are each other's best partner;
- `aligned, not same`: the pair is aligned but shown related or divergent.

Only ids, sentence numbers, scores and classes are printed (no eval text).

Usage, from the worktree root::

    PYTHONPATH=.:benchmarks PARALLAX_EVAL=/work/shared/eval \
        python benchmarks/recall_causes.py [--judgments FILE ...] [--list]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eval_real_divergence import (
    JUDGMENTS,
    ROUND2,
    article,
    find_eval,
    line_of,
    load_rows,
    read_judgments,
)

Probe = dict[str, Any]
# Score bands of the pairs under the cut (the cut is 0.47).
BANDS = ((0.42, "0.42+"), (0.39, "0.39-0.42"), (0.30, "0.30-0.39"), (-1.0, "<0.30"))
# Print the rival names (eval words: terminal only, never into a committed file).
SHOW = False


def install_probe() -> Probe:
    """Wrap `align` (as the engine calls it) to keep its scores, inputs and matches."""
    from library.compare import align as align_mod
    from library.compare import engine

    seen: Probe = {}
    real_scores, real_align = align_mod._scores, engine.align

    def scores(*args: Any) -> Any:
        seen["scores"] = out = real_scores(*args)
        return out

    def wrapped(terms_a: Any, terms_b: Any, idf: Any, **kw: Any) -> Any:
        seen.update(terms_a=terms_a, terms_b=terms_b, idf=idf, kw=kw)
        seen["matches"] = out = real_align(terms_a, terms_b, idf, **kw)
        return out

    align_mod._scores = scores  # type: ignore[assignment]
    engine.align = wrapped  # type: ignore[assignment]
    return seen


def refined(seen: Probe, i: int, j: int) -> tuple[float, float]:
    """(gate, refined rank) of unit pair (i, j)."""
    from library.compare.similarity import refine

    sc = seen["scores"]
    g = float(sc.gate[i, j])
    r = float(sc.rank[i, j])
    return g, refine(r, seen["terms_a"][i], seen["terms_b"][j], seen["idf"])


def why(seen: Probe, i: int, j: int) -> str:
    """What the engine's vouches say of (i, j): consistent, claim words, rival names."""
    from library.compare.support import claim_words, foreign_names, same_story

    cands = seen["kw"]["is_paraphrase"].__self__
    ta, tb = cands.units_a[i].text, cands.units_b[j].text
    ca, cb = claim_words(ta), claim_words(tb)
    rivals = bool(foreign_names(ta, cands.text_b)) + bool(foreign_names(tb, cands.text_a))
    return (
        f"consistent={cands.is_consistent(i, j)} para={cands.is_paraphrase(i, j)} "
        f"claims={len(ca & cb)}/{min(len(ca), len(cb))} rivals={rivals} "
        f"story={same_story(cands.text_a, cands.text_b)}"
        + (
            f" foreign={sorted(foreign_names(ta, cands.text_b))}"
            f"|{sorted(foreign_names(tb, cands.text_a))}"
            if SHOW
            else ""
        )
    )


def classify(
    seen: Probe,
    cmp: Any,
    units: tuple[dict[int, list[int]], dict[int, list[int]]],
    slot_pairs: list[tuple[int, int]],
    same_cells: set[tuple[int, int]],
    floor: float,
    threshold: float,
) -> tuple[str, str]:
    """(cause, detail) of one missed slot."""
    ua, ub = units
    cands = [(i, j) for a, b in slot_pairs for i in ua.get(a, []) for j in ub.get(b, [])]
    if not cands:
        return "no unit", ""
    best = max(cands, key=lambda ij: refined(seen, *ij)[1])
    i, j = best
    g, s = refined(seen, i, j)
    for p in cmp.pairs:
        if i in p.a and j in p.b:
            return f"aligned, {p.relation}", f"{s:.3f} via {getattr(p, 'via', '')}"
    if g < floor:
        return "no candidate", f"gate {g:.3f}"
    used_a = {x: m for m in seen["matches"] for x in m.a}
    used_b = {y: m for m in seen["matches"] for y in m.b}
    sa, sb = seen["unit_sent_a"], seen["unit_sent_b"]
    if i in used_a or j in used_b:
        takers = [used_a.get(i), used_b.get(j)]
        judged_same = any(
            m is not None and any((sa[x], sb[y]) in same_cells for x in m.a for y in m.b)
            for m in takers
        )
        both = i in used_a and j in used_b
        m = used_a.get(i) or used_b.get(j)
        gap = (j - m.b[0]) if i in used_a else (i - m.a[0])
        lone = "B" if i in used_a else "A"
        para = " para" if m.paraphrase else ""
        taker = f"lone {lone} gap {gap} taker {m.a}~{m.b} {m.score:.3f}{para}"
        tag = "taken by a same-fact pair" if judged_same else "taken by another pair"
        return f"{tag}{' (both units)' if both else ''}", f"{s:.3f} {taker} {why(seen, i, j)}"
    best_a = max(
        (refined(seen, i, y)[1] for y in range(len(seen["terms_b"]))),
        default=0.0,
    )
    best_b = max(
        (refined(seen, x, j)[1] for x in range(len(seen["terms_a"]))),
        default=0.0,
    )
    mutual = s >= best_a - 1e-9 and s >= best_b - 1e-9
    one = s >= best_a - 1e-9 or s >= best_b - 1e-9
    where = "each other's best" if mutual else "best of one side" if one else "neither's best"
    if s >= threshold:
        return f"over the cut, free, {where}", f"{s:.3f}"
    detail = f"{s:.3f} {why(seen, i, j)}"
    band = next(name for cut, name in BANDS if s >= cut)
    return f"under the cut, {where}, {band}", detail


def hard_negatives(eval_dir: Path, backend: Any) -> None:
    """Every "same" pair on the ECB+ hard negatives (all false), by doc ids and sentences."""
    from library.compare import compare_texts

    total = 0
    with (eval_dir / "ecbplus_hardneg_pairs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text_a, idx_a, _ = article(row, "a")
            text_b, idx_b, _ = article(row, "b")
            cmp = compare_texts(text_a, text_b, backend=backend)
            la, lb = line_of(text_a, idx_a), line_of(text_b, idx_b)
            sa = {u.id: la[u.start] for u in cmp.a.units}
            sb = {u.id: lb[u.start] for u in cmp.b.units}
            for p in cmp.pairs:
                if p.relation == "same":
                    total += 1
                    cells = sorted((sa[x], sb[y]) for x in p.a for y in p.b)
                    print(f"HARDNEG {row['doc_a']}/{row['doc_b']} {cells} {p.score:.3f}")
    print(f"hard negatives: {total} false same")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--judgments", type=Path, nargs="*", default=[JUDGMENTS, ROUND2])
    ap.add_argument("--list", action="store_true", help="one line per missed fact")
    ap.add_argument("--hardneg", action="store_true", help="list the hard negatives' same pairs")
    ap.add_argument("--dump-same", action="store_true", help="every engine 'same' pair, labelled")
    ap.add_argument("--show-names", action="store_true", help="print rival names (terminal)")
    args = ap.parse_args(argv)
    global SHOW
    SHOW = args.show_names
    eval_dir = find_eval()
    if eval_dir is None:
        print("shared/eval not found: skipped")
        return 0
    from library.compare import compare_texts
    from library.compare.backends import make_backend

    made = make_backend("semantic")
    backend = getattr(made, "backend", made)
    seen = install_probe()
    if args.hardneg:
        hard_negatives(eval_dir, backend)
        return 0
    threshold = float(backend.threshold)
    floor = float(backend.candidate_floor)
    for path in args.judgments:
        judged = read_judgments(path)
        rows = load_rows(eval_dir, set(judged))
        causes: Counter[str] = Counter()
        total = 0
        for key, labels in judged.items():
            text_a, idx_a, _ = article(rows[key], "a")
            text_b, idx_b, _ = article(rows[key], "b")
            cmp = compare_texts(text_a, text_b, backend=backend)
            la, lb = line_of(text_a, idx_a), line_of(text_b, idx_b)
            ua: dict[int, list[int]] = defaultdict(list)
            ub: dict[int, list[int]] = defaultdict(list)
            for u in cmp.a.units:
                ua[la[u.start]].append(u.id)
            for u in cmp.b.units:
                ub[lb[u.start]].append(u.id)
            seen["unit_sent_a"] = {u.id: la[u.start] for u in cmp.a.units}
            seen["unit_sent_b"] = {u.id: lb[u.start] for u in cmp.b.units}
            slots: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for ij, lab in labels.items():
                if lab["label"] == "same":
                    slots[str(lab.get("fact") or ij)].append(ij)
            same_cells = {ij for ij, lab in labels.items() if lab["label"] == "same"}
            found = {
                (a, b)
                for p in cmp.pairs
                if p.relation == "same"
                for a in {seen["unit_sent_a"][x] for x in p.a}
                for b in {seen["unit_sent_b"][y] for y in p.b}
            }
            if args.dump_same:
                for p in cmp.pairs:
                    if p.relation != "same":
                        continue
                    cells = sorted(
                        (seen["unit_sent_a"][x], seen["unit_sent_b"][y]) for x in p.a for y in p.b
                    )
                    got = sorted({labels[c]["label"] for c in cells if c in labels}) or ["unjudged"]
                    print(f"SAME {key[1]}/{key[2]} {cells} {'/'.join(got)} {p.score:.3f}")
            for name, cells in slots.items():
                total += 1
                if any(c in found for c in cells):
                    continue
                cause, detail = classify(seen, cmp, (ua, ub), cells, same_cells, floor, threshold)
                causes[cause] += 1
                if args.list:
                    print(f"{key[1]}/{key[2]} {name} {sorted(cells)}: {cause} {detail}")
        missed = sum(causes.values())
        print(f"\n{path.name}: {missed} of {total} fact slots missed")
        for cause, n in sorted(causes.items(), key=lambda x: -x[1]):
            print(f"  {n:4d}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
