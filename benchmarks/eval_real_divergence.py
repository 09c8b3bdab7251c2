"""Divergence on real article pairs: score the engine against hand judgments (run by hand).

The judgments in `benchmarks/divergence_set/judgments.jsonl` label sentence pairs
of ECB+ train/dev article pairs (same event, different outlets) as "same",
"divergent", "related" or "unrelated"; see `divergence_set/README.md`. Only ids
and sentence indices are stored: the texts are read from `shared/eval/` and the
script skips cleanly when that folder is absent.

Article text rule: the ECB+ sentences of a document, URL sentence 0 of
`*ecbplus` documents dropped, joined with "\\n" (one sentence per line). The
engine splits lines first, so every engine unit falls inside one ECB+ sentence
and maps back to its index by character offset. Indices in the judgments are
ECB+ sentence numbers (the URL keeps index 0).

Reported:
- divergent precision: engine "divergent" pairs judged divergent / engine divergent pairs judged;
- real-conflict recall: judged conflicts (grouped by their `conflict` slot) that the engine
  marks divergent or reports a conflict on, in at least one of their sentence pairs;
- shared-fact recall: judged "same" facts (grouped by their `fact` slot) that the engine
  aligns as "same" in at least one of their sentence pairs;
- same precision: engine "same" pairs judged same / engine same pairs judged;
- unjudged engine proposals, listed with `--dump-unjudged` (texts to the terminal only).

Usage, from the root of the worktree whose engine is measured (its `library` is imported)::

    .venv/bin/python benchmarks/eval_real_divergence.py
    .venv/bin/python /path/to/eval_real_divergence.py --judgments J.jsonl --dump-unjudged
    .venv/bin/python benchmarks/eval_real_divergence.py --heldout   # pairs never tuned on
    .venv/bin/python benchmarks/eval_real_divergence.py --round2    # the fresh round
    .venv/bin/python benchmarks/eval_real_divergence.py --pool 700  # unjudged pairs' proposals
    .venv/bin/python benchmarks/eval_real_divergence.py --pool 700 --pool-offset 700 \
        --half check2                          # the fresh CHECK2 set, scored by pool.jsonl
    .venv/bin/python benchmarks/eval_real_divergence.py --pool 300 --test-pool \
        --half test                            # ECB+ test pairs: once, to report, never tune

ECB+ test pairs are read only with `--test-pool`.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
JUDGMENTS = HERE / "divergence_set" / "judgments.jsonl"
# Pairs judged after the engines were tuned on JUDGMENTS: score them, never tune on them.
HELDOUT = HERE / "divergence_set" / "heldout.jsonl"
# A fresh round judged blind (before the engine was changed for it), then tuned on.
ROUND2 = HERE / "divergence_set" / "round2.jsonl"
LABELS = ("same", "divergent", "related", "unrelated")
KINDS = ("number", "date", "entity", "negation", "attribution", "quote", "other")
Key = tuple[str, str, str]  # split, doc_a, doc_b


def find_eval() -> Path | None:
    """`shared/eval` next to an ancestor of the working directory or of this script."""
    if os.environ.get("PARALLAX_EVAL"):
        given = Path(os.environ["PARALLAX_EVAL"])
        return given if (given / "ecbplus_pairs_dev.jsonl").is_file() else None
    for start in (Path.cwd().resolve(), HERE):
        for parent in (start, *start.parents):
            if (parent / "shared" / "eval" / "ecbplus_pairs_dev.jsonl").is_file():
                return parent / "shared" / "eval"
    return None


def load_rows(
    eval_dir: Path, keys: set[Key], splits: tuple[str, ...] = ("train", "dev")
) -> dict[Key, dict[str, Any]]:
    """The ECB+ pair rows named by `keys` (train and dev only, but for `--test-pool`)."""
    rows: dict[Key, dict[str, Any]] = {}
    for split in splits:
        with (eval_dir / f"ecbplus_pairs_{split}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                key = (split, row["doc_a"], row["doc_b"])
                if key in keys:
                    rows[key] = row
    return rows


def article(row: dict[str, Any], side: str) -> tuple[str, list[int], list[str]]:
    """Text of one side, the ECB+ index of each line, and all ECB+ sentences."""
    sents: list[str] = row[f"sentences_{side}"]
    first = 1 if row[f"doc_{side}"].endswith("ecbplus") and len(sents) > 1 else 0
    index = list(range(first, len(sents)))
    return "\n".join(sents[i] for i in index), index, sents


def line_of(text: str, index: list[int]) -> list[int]:
    """ECB+ sentence index of every character offset of `text` (newlines map to the next line)."""
    out: list[int] = []
    for n, line in enumerate(text.split("\n")):
        out.extend([index[n]] * (len(line) + 1))
    return out


def safe(text: str) -> str:
    """Eval text made safe for a terminal: control and format characters escaped."""
    return "".join(ch if unicodedata.category(ch)[0] != "C" else f"\\u{ord(ch):04x}" for ch in text)


def read_judgments(path: Path, allow_test: bool = False) -> dict[Key, dict[Any, dict[str, Any]]]:
    """Labels per article pair, keyed by (i, j); bad labels, duplicates, test pairs (unless
    `allow_test`: a report-only file such as round 4) are errors."""
    splits = ("train", "dev", "test") if allow_test else ("train", "dev")
    out: dict[Key, dict[tuple[int, int], dict[str, Any]]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            key = (rec["split"], rec["doc_a"], rec["doc_b"])
            if key[0] not in splits:
                raise SystemExit(f"line {n}: split must be one of {splits}")
            # A pair may come back in a later line with more labels (judged engine
            # proposals are appended, never written into an earlier line).
            labels: dict[tuple[int, int], dict[str, Any]] = out.get(key, {})
            for lab in rec["labels"]:
                ij = (int(lab["a"]), int(lab["b"]))
                if lab["label"] not in LABELS:
                    raise SystemExit(f"line {n}: bad label {lab['label']!r} at {ij}")
                if lab["label"] == "divergent" and lab.get("kind") not in KINDS:
                    raise SystemExit(f"line {n}: divergent {ij} needs a kind from {KINDS}")
                if ij in labels:
                    raise SystemExit(f"line {n}: {ij} labelled twice in {key}")
                labels[ij] = lab
            out[key] = labels
    return out


def allows_test(path: Path) -> bool:
    """Any report-only file (round 4) may hold ECB+ test pairs; the tuning files never."""
    tuning = {f.resolve() for f in (JUDGMENTS, HELDOUT, ROUND2)}
    return path.resolve() not in tuning


def make_engine(backend: str | None) -> Callable[[str, str], Any]:
    """`compare_texts` from the `library` on sys.path, with `backend` when it takes one.

    A backend name is turned into a backend by `library.compare.backends.make_backend`
    when that exists (built once: it may load a model). An engine without named
    backends only knows its default, lexical one.
    """
    from library.compare import compare_texts

    if backend is None or "backend" not in inspect.signature(compare_texts).parameters:
        if backend is not None:
            print(f"compare_texts takes no backend: --backend {backend} ignored")
        return lambda a, b: compare_texts(a, b)
    try:
        from library.compare.backends import make_backend  # type: ignore[import-not-found]
    except ImportError:
        if backend != "lexical":
            raise SystemExit(f"this engine has no named backends; --backend {backend}?") from None
        return lambda a, b: compare_texts(a, b)
    made = make_backend(backend)
    # It may hand back (backend, notice), the notice saying it fell back to another backend.
    if getattr(made, "notice", None):
        print(f"backend notice: {made.notice}")
    chosen = getattr(made, "backend", made)
    print(f"backend: {getattr(chosen, 'name', type(chosen).__name__)}")
    return lambda a, b: compare_texts(a, b, backend=chosen)


def engine_pairs(cmp: Any, map_a: list[int], map_b: list[int]) -> list[dict[str, Any]]:
    """Engine pairs as sentence-index sets, relation, material conflict kinds, score."""
    units_a = {u.id: u for u in cmp.a.units}
    units_b = {u.id: u for u in cmp.b.units}
    out = []
    for p in cmp.pairs:
        sa = sorted({map_a[units_a[u].start] for u in p.a})
        sb = sorted({map_b[units_b[u].start] for u in p.b})
        conflicts = tuple(getattr(p, "conflicts", ()) or ())
        # A conflict the engine itself marks low-severity is not a reported divergence.
        material = [c for c in conflicts if getattr(c, "severity", "high") != "low"]
        out.append(
            {
                "a": sa,
                "b": sb,
                "relation": str(p.relation),
                "kinds": sorted({str(c.kind) for c in material}),
                "score": float(getattr(p, "score", float("nan"))),
                # Which path of the engine made it, and every conflict as one line.
                "via": str(getattr(p, "via", "")),
                "conflicts": [
                    f"{c.kind}/{getattr(c, 'severity', '?')}: {c.explanation}" for c in conflicts
                ],
            }
        )
    return out


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "n/a (0/0)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--judgments", type=Path, default=JUDGMENTS)
    ap.add_argument("--heldout", action="store_true", help=f"score {HELDOUT.name} instead")
    ap.add_argument("--round2", action="store_true", help=f"score {ROUND2.name} instead")
    ap.add_argument(
        "--pool", type=int, default=0, help="count divergent proposals on N unjudged pairs"
    )
    ap.add_argument("--repo", type=Path, default=Path.cwd(), help="worktree whose engine runs")
    ap.add_argument("--backend", default=None, help="passed to compare_texts(backend=) if accepted")
    ap.add_argument("--dump-unjudged", action="store_true", help="list unjudged proposals")
    ap.add_argument("--misses", action="store_true", help="list missed conflicts and shared facts")
    ap.add_argument("--per-pair", action="store_true", help="one line of counts per article pair")
    ap.add_argument(
        "--context", type=int, default=0, help="with --pool: sentences shown around each side"
    )
    ap.add_argument(
        "--pool-offset",
        type=int,
        default=0,
        help="with --pool: skip this many pairs of the seeded order (700: the fresh CHECK2 set)",
    )
    ap.add_argument(
        "--test-pool",
        action="store_true",
        help="with --pool: ECB+ *test* pairs, for one report at the end (never tune on them)",
    )
    ap.add_argument(
        "--half",
        default=None,
        help="with --pool: label every proposal with this half (e.g. check2) instead of by topic",
    )
    args = ap.parse_args(argv)

    eval_dir = find_eval()
    if eval_dir is None:
        print("shared/eval not found: skipped")
        return 0
    sys.path.insert(0, str(args.repo.resolve()))
    import library

    path = HELDOUT if args.heldout else ROUND2 if args.round2 else args.judgments
    if args.pool:
        return pool(
            eval_dir,
            args.pool,
            make_engine(args.backend),
            args.dump_unjudged,
            args.context,
            offset=args.pool_offset,
            label=args.half,
            splits=("test",) if args.test_pool else ("train", "dev"),
        )
    judged = read_judgments(path, allow_test=allows_test(path))
    rows = load_rows(eval_dir, set(judged), ("train", "dev", "test"))
    missing = set(judged) - set(rows)
    if missing:
        raise SystemExit(f"pairs not in ECB+: {sorted(missing)}")
    print(f"engine: {Path(library.__file__).parent.parent}  judged article pairs: {len(judged)}")
    engine = make_engine(args.backend)

    confusion: Counter[tuple[str, str]] = Counter()  # (engine relation, judged label)
    same_total = same_hit = aligned_hit = 0
    # Sentence pairs labelled with one `conflict` (or `fact`) slot are one conflict (fact)
    # told in several places; finding any of them counts.
    conflict_found: dict[tuple[Key, str], bool] = {}
    fact_found: dict[tuple[Key, str], bool] = {}
    # Facts found by reading only: a denominator that judging new proposals does not move.
    read_found: dict[tuple[Key, str], bool] = {}
    conflict_kind_ok: dict[tuple[Key, str], bool] = {}
    pair_conf = pair_conf_hit = 0
    unjudged: list[str] = []
    misses: list[str] = []
    for key, labels in judged.items():
        row = rows[key]
        text_a, idx_a, sents_a = article(row, "a")
        text_b, idx_b, sents_b = article(row, "b")
        for i, j in labels:
            if not (i in idx_a and j in idx_b):
                raise SystemExit(f"{key}: ({i}, {j}) is not a body sentence pair")
        cmp = engine(text_a, text_b)
        proposals = engine_pairs(cmp, line_of(text_a, idx_a), line_of(text_b, idx_b))
        covering: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
        for prop in proposals:
            cells = [(i, j) for i in prop["a"] for j in prop["b"]]
            for ij in cells:
                covering[ij].append(prop)
            got = {labels[ij]["label"] for ij in cells if ij in labels}
            rel = prop["relation"]
            if not got:
                confusion[(rel, "unjudged")] += 1
                unjudged.append(_describe(key, prop, sents_a, sents_b))
                continue
            # A merged pair counts as right when any sentence pair inside it has that label.
            best = rel if rel in got else sorted(got, key=LABELS.index)[0]
            confusion[(rel, best)] += 1
        n_same = n_same_hit = 0
        for ij, lab in labels.items():
            props = covering.get(ij, [])
            if lab["label"] == "same":
                same_total += 1
                n_same += 1
                aligned_hit += bool(props)
                fact = (key, str(lab.get("fact") or f"{ij}"))
                ok = any(p["relation"] == "same" for p in props)
                fact_found[fact] = fact_found.get(fact, False) or ok
                if lab.get("by", "read") == "read":
                    read_found[fact] = read_found.get(fact, False) or ok
                if ok:
                    same_hit += 1
                    n_same_hit += 1
                elif args.misses:
                    rels = ",".join(p["relation"] for p in props) or "not aligned"
                    misses.append(f"same miss  {key} {ij} engine: {rels}")
            elif lab["label"] == "divergent":
                pair_conf += 1
                hit = any(p["relation"] == "divergent" or p["kinds"] for p in props)
                pair_conf_hit += hit
                slot = (key, str(lab.get("conflict") or f"{ij}"))
                conflict_found[slot] = conflict_found.get(slot, False) or hit
                kind_ok = any(lab["kind"] in p["kinds"] for p in props)
                conflict_kind_ok[slot] = conflict_kind_ok.get(slot, False) or kind_ok
                if args.misses and not hit:
                    rels = ",".join(p["relation"] for p in props) or "not aligned"
                    misses.append(f"conflict miss {key} {ij} {lab['kind']} {slot[1]}: {rels}")
        if args.per_pair:
            rel_counts = Counter(p["relation"] for p in proposals)
            print(f"  {key}: engine {dict(rel_counts)}  same {n_same_hit}/{n_same}")

    def col(rel: str, lab: str) -> int:
        return confusion[(rel, lab)]

    judged_labels = ("same", "divergent", "related", "unrelated")
    relations = sorted({r for r, _ in confusion}, key=lambda r: (r not in LABELS, r))
    print("\nengine relation x judged label (a merged pair takes its best-matching label)")
    print(f"  {'':10}" + "".join(f"{lab:>11}" for lab in (*judged_labels, "unjudged")))
    for rel in relations:
        cells = "".join(f"{col(rel, lab):>11}" for lab in (*judged_labels, "unjudged"))
        print(f"  {rel:10}{cells}")

    div_judged = sum(col("divergent", lab) for lab in judged_labels)
    same_judged = sum(col("same", lab) for lab in judged_labels)
    n_conf = len(conflict_found)
    print()
    print(f"divergent precision      {ratio(col('divergent', 'divergent'), div_judged)}")
    print(f"  unjudged divergent     {col('divergent', 'unjudged')}")
    print(f"real-conflict recall     {ratio(sum(conflict_found.values()), n_conf)}")
    print(f"  same kind reported     {ratio(sum(conflict_kind_ok.values()), n_conf)}")
    print(f"  per sentence pair      {ratio(pair_conf_hit, pair_conf)}")
    print(f"shared-fact recall       {ratio(sum(fact_found.values()), len(fact_found))}")
    print(f"  facts found by reading {ratio(sum(read_found.values()), len(read_found))}")
    print(f"  per sentence pair      {ratio(same_hit, same_total)}")
    print(f"  aligned at all         {ratio(aligned_hit, same_total)}")
    print(f"same precision           {ratio(col('same', 'same'), same_judged)}")
    print(f"  unjudged same          {col('same', 'unjudged')}")
    if "related" in relations:
        rel_judged = sum(col("related", lab) for lab in judged_labels)
        ok = col("related", "related")
        print(f"related precision        {ratio(ok, rel_judged)}")
    print(f"unjudged proposals       {len(unjudged)}")
    for line in misses:
        print(line)
    if args.dump_unjudged:
        print("\n--- unjudged engine proposals (eval text: terminal only, never commit) ---")
        for block in unjudged:
            print(block)
    return 0


def pool_keys(
    eval_dir: Path, n: int, offset: int = 0, splits: tuple[str, ...] = ("train", "dev")
) -> list[Key]:
    """`n` same-event pairs no judgment file holds, from `offset` of one seeded order
    (so two engines, and two scripts, see the same pairs)."""
    import random

    known = {(k[1], k[2]) for f in (JUDGMENTS, HELDOUT, ROUND2) for k in read_judgments(f)}
    keys: list[Key] = []
    for split in splits:
        with (eval_dir / f"ecbplus_pairs_{split}.jsonl").open(encoding="utf-8") as fh:
            keys += [
                (split, r["doc_a"], r["doc_b"])
                for r in map(json.loads, fh)
                if (r["doc_a"], r["doc_b"]) not in known
            ]
    random.Random(7).shuffle(keys)
    return keys[offset : offset + n]


def pool(
    eval_dir: Path,
    n: int,
    engine: Callable[[str, str], Any],
    show: bool,
    context: int = 0,
    *,
    offset: int = 0,
    label: str | None = None,
    splits: tuple[str, ...] = ("train", "dev"),
) -> int:
    """Divergent proposals on `n` ECB+ train/dev same-event pairs no judgment file holds.

    Nobody judged these pairs: the count (and, with `show`, the proposals, to the
    terminal only) is for reading how often the engine cries "divergent" on real
    coverage it was not tuned on.  The sample is seeded, so two engines see the same
    pairs; `offset` skips the first pairs of that order (the first 700 were read
    and tuned on: `--pool 700 --pool-offset 700` is the fresh CHECK2 set), and
    `label` names the half every proposal is shown with.
    """
    keys = pool_keys(eval_dir, n, offset, splits)
    rows = load_rows(eval_dir, set(keys), splits)
    judged = read_pool(POOL)
    count = 0
    # (half, via) -> [real, judged]; proposals pool.jsonl has no label for are listed.
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    unjudged = 0
    for key in keys:
        row = rows[key]
        text_a, idx_a, sents_a = article(row, "a")
        text_b, idx_b, sents_b = article(row, "b")
        props = engine_pairs(engine(text_a, text_b), line_of(text_a, idx_a), line_of(text_b, idx_b))
        for prop in props:
            if prop["relation"] != "divergent":
                continue
            count += 1
            got = judged.get((*key, prop["a"][0], prop["b"][0]))
            if got is None:
                unjudged += 1
                if show:
                    print(_describe(key, prop, sents_a, sents_b, context, label))
                continue
            for where in ((label or half(key), prop["via"]), (label or half(key), "all")):
                tally[where][0] += got == "divergent"
                tally[where][1] += 1
    print(f"divergent proposals on {len(keys)} unjudged pairs (from {offset}): {count}")
    print(f"  judged in {POOL.name}: {count - unjudged}, not yet judged: {unjudged}")
    for (part, via), (real, seen) in sorted(tally.items()):
        print(f"  {part:7} {via:22} precision {ratio(real, seen)}")
    return 0


POOL = HERE / "divergence_set" / "pool.jsonl"


def read_pool(path: Path) -> dict[tuple[str, str, str, int, int], str]:
    """Labels of judged pool proposals by (split, doc_a, doc_b, a, b); the latest line wins."""
    out: dict[tuple[str, str, str, int, int], str] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                out[(r["split"], r["doc_a"], r["doc_b"], int(r["a"]), int(r["b"]))] = r["label"]
    return out


def half(key: Key) -> str:
    """ "tune" for an even ECB+ topic, "check" for an odd one (`divergence_set/pool.jsonl`)."""
    return "tune" if int(key[1].split("_", 1)[0]) % 2 == 0 else "check"


def _describe(
    key: Key,
    prop: dict[str, Any],
    sents_a: list[str],
    sents_b: list[str],
    context: int = 0,
    label: str | None = None,
) -> str:
    stub = {
        "split": key[0],
        "doc_a": key[1],
        "doc_b": key[2],
        "a": prop["a"][0],
        "b": prop["b"][0],
        "relation": prop["relation"],
        "kinds": prop["kinds"],
        "score": round(prop["score"], 3),
        "via": prop.get("via", ""),
        "half": label or half(key),
    }
    lines = [json.dumps(stub)]
    lines += [f"  ! {safe(c)}" for c in prop.get("conflicts", ())]
    for side, sents in (("A", sents_a), ("B", sents_b)):
        ids = prop[side.lower()]
        around = range(max(0, ids[0] - context), min(len(sents), ids[-1] + context + 1))
        for k in around:
            mark = side if k in ids else side.lower()  # lower case: context only
            lines.append(f"  {mark}{k}: {safe(sents[k])}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
