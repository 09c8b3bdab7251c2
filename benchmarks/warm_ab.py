"""In-process A/B of speed16's two changes on a warm semantic comparison (run by hand).

Every vector is cached (as when the window reads them from library.db), so no
run encodes.  Interleaved in one process, median of `--rounds`:

* "texts kept": `text_memo`'s caches as a comparison left them (the pair opened
  again); "texts emptied": the caches emptied first (each sentence read anew,
  as before speed16; the segmentation cache stays warm in both);
* "new partner": A compared with B first (untimed), then A with another
  article C of the same size: A's sentences are kept, C's are read anew (the
  window comparing one article against many);
* "BLAS default": `blas_threads.one_thread` switched off, numpy's own thread
  count (2 on this machine).  Process CPU counts every thread; "main" is the
  calling thread's CPU alone, so process - main is what the other BLAS thread
  spent (spinning, on products this small).

    PYTHONPATH=. .venv/bin/python benchmarks/warm_ab.py [--sizes 1000,10000] [--rounds 9]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_speed import MemoVectors, make_pair, sample_sentences, segment_texts

from library.compare import blas_threads, compare_texts, text_memo
from library.compare.backends import SemanticBackend


def _timed(fn: Callable[[], object]) -> tuple[float, float, float]:
    """Wall, process CPU and calling-thread CPU of one call (s)."""
    gc.collect()
    w, c, t = time.perf_counter(), time.process_time(), time.thread_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c, time.thread_time() - t


def run(size: int, rounds: int) -> None:
    """Print the median times of each variant for two `size`-word articles."""
    pool = sample_sentences()
    a, b = make_pair(size, pool)
    c = make_pair(size, pool, seed=8)[1]
    vectors = MemoVectors()
    vectors(segment_texts(a) + segment_texts(b) + segment_texts(c))
    backend = SemanticBackend(vectors)
    one_thread = blas_threads.one_thread

    def pair(x: str, y: str) -> Callable[[], object]:
        return lambda: compare_texts(x, y, backend=backend)

    def emptied() -> None:
        text_memo.clear()

    def partner() -> None:
        text_memo.clear()
        pair(a, b)()

    def default_blas() -> None:
        blas_threads.one_thread = contextlib.nullcontext  # type: ignore[assignment]

    variants: dict[str, tuple[Callable[[], None], Callable[[], object]]] = {
        "texts kept (pair opened again)": (lambda: None, pair(a, b)),
        "texts emptied (read anew)": (emptied, pair(a, b)),
        "new partner (A kept, C new)": (partner, pair(a, c)),
        "texts kept, BLAS default threads": (default_blas, pair(a, b)),
    }
    times: dict[str, list[tuple[float, float, float]]] = {k: [] for k in variants}
    pair(a, b)()  # everything imported and compiled
    for r in range(rounds):
        order = list(variants) if r % 2 == 0 else list(reversed(variants))
        for name in order:
            setup, fn = variants[name]
            try:
                setup()
                if name.startswith("texts kept"):
                    pair(a, b)()  # the caches hold this pair, whatever ran before
                times[name].append(_timed(fn))
            finally:
                blas_threads.one_thread = one_thread
    print(f"\n{size:,} words per article, {rounds} rounds, load {os.getloadavg()[0]:.1f}")
    print("| warm semantic | wall ms | process CPU ms | main-thread CPU ms |\n|---|---|---|---|")
    for name, got in times.items():
        wall, cpu, main = (statistics.median(x[k] for x in got) * 1000 for k in range(3))
        print(f"| {name} | {wall:,.0f} | {cpu:,.0f} | {main:,.0f} |")


def main(argv: list[str]) -> int:
    """Run the A/B for each size."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args(argv)
    for size in (int(x) for x in args.sizes.split(",")):
        run(size, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
