"""The floor of "other coverage" (`library.coverage_floor`) on ECB+: what it keeps and hides.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_coverage_floor.py [--split test] [--grid] [--xl]

Rows are labelled by ECB+ subtopic: same subtopic = the same event; the
topic's other subtopic = a hard negative (the same kind of event); any other
topic = unrelated.  Two kinds of library:

- small ones, of N documents (N = 2, 3, 5, 10, 30, 100): a query of the split
  and documents of other topics (drawn from the same split, seeded), with one
  other document of its subtopic for every other query: every candidate is a row;
- the 921-document library of `eval_coverage.py`: each query's top 10.

For each: the share of same-event rows kept over the floor, and of unrelated
(and hard-negative) rows put under it; for the big library also P@1 with and
without the floor (the first row is the same event, and shown as such).
`--grid` prints the same for other floors (choose on train/dev only).
`--xl` measures Chinese-English rows of unrelated articles: the split's
English documents with 200 recombined PAWS-X Chinese ones (`coverage_speed`).
Eval texts never leave `/work/shared/eval/`.
"""

from __future__ import annotations

import argparse
import random
import statistics
from collections.abc import Callable

from eval_coverage import EVAL, Doc, build_library, load_docs

from library import coverage_floor
from library.coverage import WEIGHTS, candidate_features, score

Row = tuple[str, dict[str, float]]  # (label, features)
Rule = Callable[[dict[str, float]], bool]
SIZES = (2, 3, 5, 10, 30, 100)


def small_libraries(docs: list[Doc], size: int, queries: int, seed: int) -> list[Row]:
    rng = random.Random(seed * 1000 + size)
    by_sub: dict[str, list[Doc]] = {}
    for d in docs:
        by_sub.setdefault(d.subtopic, []).append(d)
    subs = sorted(s for s, v in by_sub.items() if len(v) >= 2)
    rows: list[Row] = []
    for k in range(queries):
        query, mate = rng.sample(by_sub[rng.choice(subs)], 2)
        # Every other query has no other report of its event in the library:
        # the case the floor is for (its unrelated rows at small sizes).
        same = [mate] if k % 2 == 0 else []
        others = rng.sample([d for d in docs if d.topic != query.topic], size - 1 - len(same))
        store, by_id = build_library([query, *same, *others])
        qid = next((i for i, d in by_id.items() if d.name == query.name), None)
        if qid is None:  # a duplicate text, stored once under another name
            store.close()
            continue
        _source, scored = candidate_features(store, qid)
        for item, features in scored:
            other = by_id[int(item.article.id or 0)]
            rows.append((_label(query, other), features))
        store.close()
    return rows


def big_library(docs: list[Doc], split: str) -> tuple[list[Row], list[list[Row]]]:
    """The top-10 rows of each query of `split` in the 921-document library, and each ranking."""
    store, by_id = build_library(docs)
    rows: list[Row] = []
    rankings: list[list[Row]] = []
    for qid, doc in by_id.items():
        if doc.split != split and not (split == "tune" and doc.split in ("train", "dev")):
            continue
        if not any(i != qid and d.subtopic == doc.subtopic for i, d in by_id.items()):
            continue
        _source, scored = candidate_features(store, qid)
        scored.sort(key=lambda x: (-score(x[1], WEIGHTS), x[0].article.id or 0))
        ranking = [(_label(doc, by_id[int(i.article.id or 0)]), f) for i, f in scored[:10]]
        rankings.append(ranking)
        rows += ranking
    store.close()
    return rows, rankings


def _label(query: Doc, other: Doc) -> str:
    if other.subtopic == query.subtopic:
        return "same"
    return "hard" if other.topic == query.topic else "other"


def shares(rows: list[Row], rule: Rule) -> str:
    """Kept same-event rows, and removed unrelated / hard-negative rows, as shares."""
    out = []
    for label, verb in (("same", "kept"), ("other", "unrelated removed"), ("hard", "hard removed")):
        mine = [f for lab, f in rows if lab == label]
        if mine:
            passed = sum(1 for f in mine if rule(f))
            share = passed if label == "same" else len(mine) - passed
            out.append(f"{verb} {share / len(mine):.3f} ({len(mine)})")
    return ", ".join(out)


def rule_at(floor: float, need_name: bool = True) -> Rule:
    def rule(features: dict[str, float]) -> bool:
        if need_name and features.get("names", 0.0) <= 0:
            return False
        return coverage_floor.evidence(features, WEIGHTS) >= floor

    return rule


def precision_at_1(rankings: list[list[Row]], rule: Rule | None) -> float:
    """The first row is the same event (and, with `rule`, over the floor)."""
    hits = [
        1.0 if r and r[0][0] == "same" and (rule is None or rule(r[0][1])) else 0.0
        for r in rankings
    ]
    return statistics.fmean(hits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test", choices=("tune", "test"))
    parser.add_argument("--queries", type=int, default=80, help="queries per small library size")
    parser.add_argument("--grid", action="store_true", help="print other floors too")
    parser.add_argument("--xl", action="store_true", help="unrelated Chinese-English rows")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"no evaluation data at {EVAL}: skipped")
        return
    docs = [d for d in load_docs() if len(d.sentences) >= 2]
    tuning = args.split == "tune"
    mine = [d for d in docs if d.split == args.split or (tuning and d.split != "test")]
    # ECB+ documents have no outlet: every shared name counts (`event_names`).
    shipped: Rule = lambda f: coverage_floor.likely(f, WEIGHTS, int(f.get("names", 0) > 0))  # noqa: E731
    grid = [(f"floor {x:.2f}{' + a name' * n}", rule_at(x, n))
            for n in (False, True) for x in (0.1, 0.12, 0.15, 0.18, 0.2, 0.25)]  # fmt: skip
    rules = [("shipped", shipped), *(grid if args.grid else [])]
    for size in SIZES:
        rows = small_libraries(mine, size, args.queries, seed=17)
        for name, rule in rules:
            print(f"{args.split} {size:>3} docs, {name}: {shares(rows, rule)}")
    rows, rankings = big_library(docs, args.split)
    for name, rule in rules:
        print(f"{args.split} 921 docs top 10, {name}: {shares(rows, rule)}")
    print(f"{args.split} 921 docs P@1: {precision_at_1(rankings, None):.3f} without the floor, "
          f"{precision_at_1(rankings, shipped):.3f} with it ({len(rankings)} queries)")  # fmt: skip
    if args.xl:
        cross_script(mine)


def cross_script(docs: list[Doc]) -> None:
    """Chinese-English rows of unrelated articles: how many pass the floor."""
    from coverage_speed import fill

    from library import coverage_xl

    store, by_id = build_library(docs)
    fill(store, 200, random.Random(5), chinese=True)
    values: list[float] = []
    queries = [*random.Random(5).sample(sorted(by_id), min(150, len(by_id)))]
    queries += [int(a.id or 0) for a in store.articles() if a.language == "zh"][:60]
    for qid in queries:
        source, scored = candidate_features(store, qid)
        for item, features in scored:
            if coverage_xl.is_chinese(item.article) != coverage_xl.is_chinese(source):
                values.append(coverage_floor.evidence(features, WEIGHTS))
    values.sort()
    over = sum(1 for v in values if v >= coverage_floor.XL_FLOOR)
    cut = [round(values[int(q * (len(values) - 1))], 3) for q in (0.5, 0.9, 0.99, 1.0)]
    print(f"unrelated zh-en rows: {len(values)}, evidence median/p90/p99/max {cut}, "
          f"over the floor {coverage_floor.XL_FLOOR}: {over}")  # fmt: skip
    store.close()


if __name__ == "__main__":
    main()
