"""Digests of `compare_texts(...).to_dict()` over many pairs, to show a change leaves results alone.

Run it from two worktrees (each imports its own `library`) and compare the two
files; a speed change must print "identical".  Pairs: every ECB+ train and dev
article pair of `shared/eval` (texts as `eval_real_divergence.article` builds
them), the two sample articles, and the synthetic pairs of `compare_speed.py`.
Floats are hashed exactly (their repr), so even a last-bit difference shows.
Usage::

    PYTHONPATH=. .venv/bin/python benchmarks/digest_compare.py --out /tmp/after.jsonl
    PYTHONPATH=/tmp/main .venv/bin/python benchmarks/digest_compare.py --out /tmp/before.jsonl
    .venv/bin/python benchmarks/digest_compare.py --diff /tmp/before.jsonl /tmp/after.jsonl

Eval texts are read from `shared/eval/` and never written: the output holds ids
and digests only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from compare_speed import MemoVectors, make_pair, sample_sentences  # noqa: E402
from eval_real_divergence import article, find_eval  # noqa: E402

from library.compare import compare_texts  # noqa: E402
from library.compare.backends import SemanticBackend  # noqa: E402
from library.compare.similarity import LexicalBackend  # noqa: E402

REPO = HERE.parent


def pairs(sizes: list[int], limit: int) -> Iterator[tuple[str, str, str]]:
    """(key, text A, text B) of every pair to digest."""
    samples = sorted((REPO / "resources" / "articles").glob("*.md"))
    if len(samples) >= 2:
        yield "sample", *(p.read_text(encoding="utf-8") for p in samples[:2])
    pool = sample_sentences()
    for size in sizes:
        yield f"synthetic-{size}", *make_pair(size, pool)
    eval_dir = find_eval()
    if eval_dir is None:
        print("shared/eval not found: ECB+ pairs skipped", file=sys.stderr)
        return
    n = 0
    for split in ("train", "dev"):
        with (eval_dir / f"ecbplus_pairs_{split}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                if limit and n >= limit:
                    return
                row: dict[str, Any] = json.loads(line)
                n += 1
                key = f"{split}:{row['doc_a']}:{row['doc_b']}"
                yield key, article(row, "a")[0], article(row, "b")[0]


def digest(result: Any) -> str:
    """Hash of a comparison's `to_dict()`, floats by their exact repr."""
    text = json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def run(out: Path, sizes: list[int], limit: int) -> None:
    """Write one line per pair and backend: key, backend, digest."""
    semantic = SemanticBackend(MemoVectors())
    lexical = LexicalBackend()
    start = time.process_time()
    print(f"engine: {Path(compare_texts.__code__.co_filename).parents[2]}", file=sys.stderr)
    with out.open("w", encoding="utf-8") as f:
        for k, (key, a, b) in enumerate(pairs(sizes, limit)):
            for name, backend in (("semantic", semantic), ("lexical", lexical)):
                d = digest(compare_texts(a, b, backend=backend))
                f.write(json.dumps({"key": key, "backend": name, "digest": d}) + "\n")
            if k % 200 == 0:
                print(f"{k} pairs, {time.process_time() - start:.0f} s CPU", file=sys.stderr)
    print(f"done: {out}, {time.process_time() - start:.0f} s CPU", file=sys.stderr)


def diff(before: Path, after: Path) -> int:
    """Print the pairs whose digests differ; 0 when every pair is identical."""

    def read(path: Path) -> dict[tuple[str, str], str]:
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
        return {(r["key"], r["backend"]): r["digest"] for r in rows}

    old, new = read(before), read(after)
    changed = sorted(k for k in old.keys() & new.keys() if old[k] != new[k])
    missing = sorted(old.keys() ^ new.keys())
    for key, backend in changed:
        print(f"differs: {key} ({backend})")
    for key, backend in missing:
        print(f"only in one file: {key} ({backend})")
    same = len(old.keys() & new.keys()) - len(changed)
    print(f"{same} identical, {len(changed)} differ, {len(missing)} in one file only")
    return 1 if changed or missing else 0


def main(argv: list[str]) -> int:
    """Write digests (`--out`) or compare two digest files (`--diff`)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, help="write the digests here")
    ap.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    ap.add_argument("--sizes", default="1000,3000,10000", help="synthetic pairs (words each)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many ECB+ pairs")
    args = ap.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if not args.out:
        ap.error("--out or --diff")
    sizes = [int(x) for x in args.sizes.split(",") if x]
    run(args.out, sizes, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
