"""Speed and peak memory of `compare_texts` against article length (run by hand, not in CI).

Articles of 1k-20k words are built deterministically from the sentences of the
sample articles in resources/articles (sentences drawn with replacement, one
word in five replaced from the pooled vocabulary, so no two sentences are
identical and about half of B's sentences echo one of A's).  "Cold" empties
the per-paragraph segmentation cache before every run (a first comparison of
two new articles); "warm" keeps it (an article compared again).  The naive
baseline is what a quick script would do: the same segmentation, then
difflib's `SequenceMatcher.ratio()` for every sentence pair.  Usage::

    .venv/bin/python benchmarks/compare_speed.py [--sizes 1000,2000,5000,10000,20000]
"""

from __future__ import annotations

import argparse
import difflib
import gc
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from library.compare import compare_texts
from library.compare.segment import segment, split_sentences

REPO = Path(__file__).resolve().parents[1]
NAIVE_BUDGET_S = 120.0


def sample_sentences() -> list[str]:
    """Sentences of the bundled sample articles (front matter dropped)."""
    out: list[str] = []
    for path in sorted((REPO / "resources" / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text[text.find("\n---", 3) + 4 :]
        out += [u.text for u in segment(text) if len(u.text.split()) >= 6]
    return out


def make_pair(words: int, pool: list[str], seed: int = 7) -> tuple[str, str]:
    """Two articles of about `words` words each, sharing about half their sentences."""
    rng = random.Random(seed)
    vocab = sorted({w for s in pool for w in s.split()})

    def mutate(sentence: str) -> str:
        return " ".join(rng.choice(vocab) if rng.random() < 0.2 else w for w in sentence.split())

    def article(shared: list[str]) -> str:
        sents: list[str] = []
        n = 0
        while n < words:
            s = rng.choice(shared) if shared and rng.random() < 0.5 else mutate(rng.choice(pool))
            sents.append(s)
            n += len(s.split())
        paras = [" ".join(sents[i : i + 4]) for i in range(0, len(sents), 4)]
        return "\n\n".join(paras)

    a = article([])
    a_sents = [u.text for u in segment(a)]
    b = article([mutate(s) for s in a_sents])
    return a, b


def naive(a: str, b: str) -> int:
    """All-pairs difflib ratio over sentences; returns the number of pairs >= 0.6."""
    split_sentences.cache_clear()  # same (uncached) segmentation cost as the cold column
    ua, ub = segment(a), segment(b)
    hits = 0
    for x in ua:
        sm = difflib.SequenceMatcher(None, x.text, autojunk=False)
        for y in ub:
            sm.set_seq1(y.text)  # seq2 (x) is cached by SequenceMatcher
            if sm.ratio() >= 0.6:
                hits += 1
    return hits


def measure(
    fn: Callable[[], object], runs: int, before: Callable[[], object] = lambda: None
) -> tuple[float, float]:
    """Median wall time (s) over `runs` warm runs, and peak traced memory (MiB) of one run.

    `before` runs untimed ahead of every run (e.g. to empty the segmentation cache).
    """
    fn()  # warm: segmenter rules compiled, imports done
    times = []
    for _ in range(runs):
        before()
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    before()
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def main(argv: list[str]) -> int:
    """Print the speed table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,2000,5000,10000,20000")
    args = ap.parse_args(argv)
    pool = sample_sentences()
    if not pool:
        print("skipped: no sample articles in resources/articles")
        return 0
    print("| words per article | units A x B | compare_texts, cold | peak MiB "
          "| compare_texts, warm | naive all-pairs difflib | peak MiB |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    samples = sorted((REPO / "resources" / "articles").glob("*.md"))
    if len(samples) >= 2:
        a, b = (p.read_text(encoding="utf-8") for p in samples[:2])
        cold, mem = measure(lambda: compare_texts(a, b), 7, split_sentences.cache_clear)
        warm, _ = measure(lambda: compare_texts(a, b), 7)
        nt, nmem = measure(lambda: naive(a, b), 3)
        words = f"{len(a.split()):,} + {len(b.split()):,} (the two sample articles)"
        units = f"{len(segment(a))} x {len(segment(b))}"
        print(f"| {words} | {units} | {cold * 1000:.0f} ms | {mem:.1f} | {warm * 1000:.0f} ms "
              f"| {nt * 1000:.0f} ms | {nmem:.1f} |")  # fmt: skip
    naive_ok = True
    for size in (int(x) for x in args.sizes.split(",")):
        a, b = make_pair(size, pool)
        runs = 7 if size <= 2000 else 3
        cold, mem = measure(
            lambda a=a, b=b: compare_texts(a, b),  # type: ignore[misc]
            runs,
            split_sentences.cache_clear,
        )
        warm, _ = measure(lambda a=a, b=b: compare_texts(a, b), runs)  # type: ignore[misc]
        units = f"{len(segment(a))} x {len(segment(b))}"
        if naive_ok:
            t0 = time.perf_counter()
            naive(a, b)
            once = time.perf_counter() - t0
            if once * 2 > NAIVE_BUDGET_S:
                nt, nmem = once, float("nan")
                naive_ok = False
            else:
                nt, nmem = measure(lambda a=a, b=b: naive(a, b), 1)  # type: ignore[misc]
            naive_cell = f"{nt * 1000:.0f} ms | {nmem:.1f}"
        else:
            naive_cell = "skipped (over budget) | –"
        print(
            f"| {size:,} | {units} | {cold * 1000:.0f} ms | {mem:.1f} | {warm * 1000:.0f} ms "
            f"| {naive_cell} |"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
