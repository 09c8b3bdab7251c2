"""Speed and peak memory of `compare_texts` against article length (run by hand, not in CI).

Articles of 1k-50k words are built deterministically from the sentences of the
sample articles in resources/articles (sentences drawn with replacement, one
word in five replaced from the pooled vocabulary, so no two sentences are
identical and about half of B's sentences echo one of A's).

Columns, for each backend:

* "cold": the per-paragraph segmentation cache and the per-text caches
  (`library/compare/text_memo.py`) emptied before every run, and
  for the semantic backend no sentence vector cached (every unit encoded; the
  model itself already loaded, as after the first comparison of a session;
  the tokenizer's word cache emptied too);
* "warm": segmentation and vectors cached, as when a comparison is opened
  again (the window reads the vectors from library.db);
* "before": the engine as it was before scipy.sparse and the pysbd pattern
  cache (dense units x vocabulary products, pysbd's own `segment`), run in the
  same process so that its ratio to "warm lexical" does not depend on the
  machine's load.

The issue's targets are checked as printed ratios: t(40k) / t(10k) and the
cold and warm times of the 1k pair against their budgets.  Usage::

    .venv/bin/python benchmarks/compare_speed.py [--sizes 1000,10000,40000,50000]

`--stages` prints instead the CPU time of each stage of a cold semantic
comparison (segmentation, terms, scoring with encoding, clause stage,
word-order check, word diff, detectors, crossing, lenses) and its share.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from library.compare import compare_texts
from library.compare.backends import SemanticBackend
from library.compare.embedding import load_encoder
from library.compare.idf import IdfTable
from library.compare.segment import segment, split_sentences
from library.compare.similarity import LEXICAL_FLOOR, FloatMatrix, LexicalBackend

REPO = Path(__file__).resolve().parents[1]
# The package re-exports the function `segment`, which hides the module of that name.
segment_module = importlib.import_module("library.compare.segment")


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


class DenseBefore(LexicalBackend):
    """The lexical scores as computed before scipy.sparse (dense units x vocabulary)."""

    def scores(self, texts_a: Any, texts_b: Any, terms_a: Any, terms_b: Any, idf: IdfTable) -> Any:
        from scipy import sparse

        from library.compare import similarity as sim

        vocab = sorted({t for ts in terms_a for t in ts} | {t for ts in terms_b for t in ts})
        index = {t: k for k, t in enumerate(vocab)}
        weights = np.array([idf.weight(t) for t in vocab])

        def build(rows: Sequence[Sequence[str]]) -> FloatMatrix:
            m = np.zeros((len(rows), len(vocab)))
            for r, ts in enumerate(rows):
                cols = [index[t] for t in set(ts)]
                m[r, cols] = weights[cols]
            return m

        def overlap(va: FloatMatrix, vb: FloatMatrix) -> FloatMatrix:
            pb = (vb > 0).astype(float)
            shared, dot = va @ pb.T, va @ vb.T
            sa, sb = va.sum(axis=1)[:, None], vb.sum(axis=1)[None, :]
            na = np.sqrt((va * va).sum(axis=1))[:, None]
            nb = np.sqrt((vb * vb).sum(axis=1))[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                cos = np.where(na * nb > 0, dot / (na * nb), 0.0)
                dice = np.where(sa + sb > 0, 2 * shared / (sa + sb), 0.0)
                cont = np.where(np.minimum(sa, sb) > 0, shared / np.minimum(sa, sb), 0.0)
            out: FloatMatrix = sim.W_COS * cos + sim.W_DICE * dice + sim.W_CONT * cont
            return out

        va, vb = build(terms_a), build(terms_b)
        pair = overlap(va, vb)
        both = (va > 0).any(axis=0) & (vb > 0).any(axis=0)
        boost = np.where(both, sim.STORY_BOOST, 1.0)
        va, vb = va * boost, vb * boost
        ranked = overlap(va, vb)
        na, nb = np.sqrt((va * va).sum(axis=1)), np.sqrt((vb * vb).sum(axis=1))
        da, db = va.sum(axis=0), vb.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            ca = np.where(na > 0, (va @ db) / (na * np.sqrt(db @ db)), 0.0)
            cb = np.where(nb > 0, (vb @ da) / (nb * np.sqrt(da @ da)), 0.0)
        rank = (ranked + np.sqrt(np.outer(ca, cb))) / 2
        return sim.Scores(sparse.csr_matrix(pair), sparse.csr_matrix(np.where(pair > 0, rank, 0)))


def _pysbd_before() -> Callable[[], Any]:
    """Switch segmentation to pysbd's own `segment` (per-sentence regexes); returns an undo."""
    original = segment_module._sentences

    def before(segmenter: Any, text: str) -> list[str]:
        return list(segmenter.segment(text)) if text else []

    segment_module._sentences = before
    return lambda: setattr(segment_module, "_sentences", original)


def forget_texts() -> None:
    """Empty the segmentation cache and the per-text caches (`text_memo`): a new text."""
    split_sentences.cache_clear()
    try:  # absent from a checkout older than the caches: nothing to empty there
        from library.compare import text_memo
    except ImportError:
        return
    text_memo.clear()


def segment_texts(text: str) -> list[str]:
    """Unit texts of `text`, as the engine makes them."""
    return [u.text for u in segment(text)]


class MemoVectors:
    """The real encoder behind an in-memory cache that `clear()` empties."""

    def __init__(self) -> None:
        self.encoder = load_encoder()
        self.known: dict[str, np.ndarray] = {}

    def clear(self) -> None:
        """Forget every vector, and the tokenizer's word cache (a truly new text)."""
        self.known.clear()
        pieces = getattr(self.encoder, "pieces", None)
        if hasattr(pieces, "clear"):
            pieces.clear()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if missing:
            for t, v in zip(missing, self.encoder(missing), strict=True):
                self.known[t] = v
        return np.stack([self.known[t] for t in texts])


class Timing(NamedTuple):
    """Median wall and CPU time (s) of the timed runs, and peak traced memory (MiB)."""

    wall: float
    cpu: float
    peak: float


NAN = Timing(float("nan"), float("nan"), float("nan"))


def measure(
    fn: Callable[[], object], runs: int, before: Callable[[], object] = lambda: None
) -> Timing:
    """Median wall and CPU time over `runs` runs, and peak traced memory of one more run.

    `before` runs untimed ahead of every run (e.g. to empty a cache).  The CPU
    time (this process, all threads; the encoder uses one BLAS thread) moves
    much less than the wall time when other work shares the machine.
    """
    fn()  # imports done, rules compiled
    walls, cpus = [], []
    for _ in range(runs):
        before()
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    before()
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Timing(statistics.median(walls), statistics.median(cpus), peak / 2**20)


def candidates(a: str, b: str) -> int:
    """Unit pairs whose lexical gate clears the floor: the engine's per-pair work grows with it."""
    from library.compare.units import terms

    ta = [terms(t) for t in segment_texts(a)]
    tb = [terms(t) for t in segment_texts(b)]
    gate = LexicalBackend().sparse_scores(ta, tb, IdfTable.from_term_lists(ta + tb)).gate
    return int((gate.data >= LEXICAL_FLOOR).sum())


#: Stages timed by `--stages`: (label, module, attribute); each wrapper adds up the CPU
#: time of its calls.  Nested stages count in their callers too (see `stage_times`).
STAGES = (
    ("segmentation", "library.compare.engine", "segment"),
    # (engine.terms until speed16 kept the units' terms by text: `unit_terms`)
    ("terms", "library.compare.engine", "unit_terms|terms"),
    ("mentions", "library.compare.engine.Mentions", "build"),
    ("align (all of 3-4 below)", "library.compare.engine", "align"),
    ("  scores (with encoding)", "library.compare.align", "_scores"),
    ("    encoding", "MemoVectors", "__call__"),
    ("  clause stage", "library.compare.clauses", "clause_pairs"),
    ("  word-order check", "library.compare.align", "refine"),
    ("word diff (all callers)", "library.compare.engine", "word_diff"),
    ("detectors (all callers)", "library.compare.engine", "detect_all"),
    ("crossing", "library.compare.engine", "cross_pairs"),
    ("lenses", "library.compare.engine", "build_lenses"),
)


def _owner(where: str) -> Any:
    """The module, or class inside a module, that `where` names ("MemoVectors": this script's)."""
    if where == "MemoVectors":
        return MemoVectors
    try:
        return importlib.import_module(where)
    except ImportError:
        module, _, name = where.rpartition(".")
        return getattr(importlib.import_module(module), name)


def stage_times(fn: Callable[[], object], runs: int, before: Callable[[], object]) -> None:
    """Print the median CPU time of each stage of `fn` (wrapped per `STAGES`) and its share."""
    totals: dict[str, list[float]] = {label: [] for label, _, _ in STAGES}
    spent: dict[str, float] = {}
    undo: list[tuple[object, str, object]] = []
    for label, where, name in STAGES:
        owner = _owner(where)
        # "new|old": the attribute this checkout has (a "before" run uses the older name)
        name = next(n for n in name.split("|") if hasattr(owner, n))
        original = getattr(owner, name)

        def timed(*args: Any, _f: Any = original, _label: str = label, **kwargs: Any) -> Any:
            t = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.process_time() - t

        undo.append((owner, name, original))
        setattr(owner, name, timed)
    whole = []
    try:
        fn()
        for _ in range(runs):
            before()
            spent.clear()
            gc.collect()
            t = time.process_time()
            fn()
            whole.append(time.process_time() - t)
            for label in totals:
                totals[label].append(spent.get(label, 0.0))
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)
    total = statistics.median(whole)
    print(f"\n| stage (CPU, median of {runs}) | s | share |\n|---|---|---|")
    for label, values in totals.items():
        v = statistics.median(values)
        print(f"| {label} | {v:.3f} | {100 * v / total:.0f} % |")
    print(f"| whole comparison | {total:.3f} | 100 % |")


def _ms(t: Timing) -> str:
    return f"{t.wall * 1000:,.0f} ms ({t.cpu * 1000:,.0f})"


def main(argv: list[str]) -> int:
    """Print the speed table and the target ratios."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,40000,50000")
    ap.add_argument("--no-before", action="store_true", help="skip the old engine (slow at 50k)")
    ap.add_argument(
        "--semantic",
        choices=("both", "warm", "none"),
        default="both",
        help="warm: skip the cold semantic runs (encoding 40k words takes minutes on 2 cores)",
    )
    ap.add_argument("--no-samples", action="store_true", help="skip the sample-article row")
    ap.add_argument(
        "--stages",
        action="store_true",
        help="instead of the table: CPU time per stage of a cold semantic comparison per size",
    )
    ap.add_argument(
        "--runs", type=int, default=0, help="timed runs per cell (default 5/3/1 by size)"
    )
    ap.add_argument(
        "--peak",
        type=int,
        default=0,
        metavar="WORDS",
        help="instead of the table: peak traced memory of one cold semantic comparison "
        "of make_pair(WORDS) (model loaded first), and the peak rise inside each big step",
    )
    args = ap.parse_args(argv)
    pool = sample_sentences()
    if not pool:
        print("skipped: no sample articles in resources/articles")
        return 0
    if args.peak:
        from compare_peak import peak_memory  # this folder: the script's own

        return peak_memory(args.peak, pool)
    vectors = MemoVectors()
    semantic = SemanticBackend(vectors)
    lexical = LexicalBackend()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    if not args.stages:
        print(
            "| words per article | units A x B | candidate pairs | semantic cold | semantic warm "
            "| peak MiB (cold) | lexical cold | lexical warm | before (old engine), warm "
            "| peak MiB (before) |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")

    def cold() -> None:
        forget_texts()
        vectors.clear()

    inputs: list[tuple[str, str, str]] = []
    samples = sorted((REPO / "resources" / "articles").glob("*.md"))
    if len(samples) >= 2 and not args.no_samples:
        a, b = (p.read_text(encoding="utf-8") for p in samples[:2])
        inputs.append(("the two sample articles", a, b))
    for size in (int(x) for x in args.sizes.split(",")):
        a, b = make_pair(size, pool)
        inputs.append((f"{size:,}", a, b))
    if args.stages:
        for label, a, b in inputs:
            print(f"\n{label} words per article, cold semantic:")
            stage_times(
                lambda a=a, b=b: compare_texts(a, b, backend=semantic), args.runs or 3, cold
            )
        return 0
    results: dict[str, dict[str, Timing]] = {}
    for label, a, b in inputs:
        words = len(a.split()) + len(b.split())
        runs = args.runs or (5 if words <= 5000 else 3 if words <= 30000 else 1)
        sem_cold = sem_warm = NAN
        if args.semantic == "both":
            sem_cold = measure(lambda a=a, b=b: compare_texts(a, b, backend=semantic), runs, cold)
        if args.semantic != "none":
            if args.semantic == "warm":
                vectors(segment_texts(a) + segment_texts(b))  # encoded once, untimed
            sem_warm = measure(lambda a=a, b=b: compare_texts(a, b, backend=semantic), runs)
            if args.semantic == "warm":
                sem_cold = Timing(sem_cold.wall, sem_cold.cpu, sem_warm.peak)
        lex_cold = measure(
            lambda a=a, b=b: compare_texts(a, b, backend=lexical), runs, forget_texts
        )
        lex_warm = measure(lambda a=a, b=b: compare_texts(a, b, backend=lexical), runs)
        old = NAN
        if not args.no_before:
            undo = _pysbd_before()
            try:
                old = measure(
                    lambda a=a, b=b: compare_texts(a, b, backend=DenseBefore()), max(1, runs // 2)
                )
            finally:
                undo()
        units = f"{len(segment(a))} x {len(segment(b))}"
        results[label] = {
            "sem_cold": sem_cold,
            "sem_warm": sem_warm,
            "lex_warm": lex_warm,
            "old": old,
        }
        print(
            f"| {label} | {units} | {candidates(a, b):,} | {_ms(sem_cold)} | {_ms(sem_warm)} "
            f"| {sem_cold.peak:.1f} | {_ms(lex_cold)} | {_ms(lex_warm)} "
            f"| {_ms(old)} | {old.peak:.1f} |"
        )
        sys.stdout.flush()
    print("\nTargets (issue #9); wall time, CPU time in parentheses:\n")
    r1, r10, r40, r50 = (results.get(k) for k in ("1,000", "10,000", "40,000", "50,000"))
    if r1:
        print(
            f"- 1k words, warm semantic: {_ms(r1['sem_warm'])} (target <= 100 ms); "
            f"cold with encoding: {_ms(r1['sem_cold'])} (target <= 300 ms)"
        )
    if r10:
        print(f"- 10k words cold: {_ms(r10['sem_cold'])} (target <= 2,000 ms)")
    if r10 and r40:
        print(f"- lexical warm, 40k words: {_ms(r40['lex_warm'])}; before: {_ms(r40['old'])}")
        for key, name in (
            ("sem_cold", "semantic cold"),
            ("sem_warm", "semantic warm"),
            ("lex_warm", "lexical warm"),
            ("old", "before, warm"),
        ):
            wall = r40[key].wall / r10[key].wall
            cpu = r40[key].cpu / r10[key].cpu
            print(f"- t(40k) / t(10k), {name}: {wall:.2f} ({cpu:.2f}) (target <= 5)")
    if r50:
        print(
            f"- peak traced memory at 50k words: {r50['sem_cold'].peak:.0f} MiB (target <= 250 MiB)"
        )
        print(f"- the old engine at 50k words: {_ms(r50['old'])}, {r50['old'].peak:.0f} MiB")
    for label, r in results.items():
        if r["old"].wall == r["old"].wall:
            print(
                f"- {label}: before / lexical warm now = {r['old'].wall / r['lex_warm'].wall:.1f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
