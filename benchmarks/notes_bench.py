"""Benchmark the notes store at 100,000 notes: search (top 20 with snippets) and add.

    .venv/bin/python benchmarks/notes_bench.py [--notes 100000] [--dir DIR]

Notes are a few hundred characters of words drawn from a Zipf-like
vocabulary, so some query words match tens of thousands of notes and others a
handful.  Timings are medians over many runs; `add` is one `add_article_note`
call including its fsync (`synchronous=FULL`), i.e. what the user waits for.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from library.notes import NotesStore

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "articles"
TAGS = ["politics", "economy", "check", "quote", "follow-up", "sources", "dates"]


class Corpus:
    """Note texts: real news English (the sample articles' words at their own
    frequencies) mixed with a long Zipf tail of made-up words, like names and
    rare terms in real notes."""

    def __init__(self, rng: random.Random) -> None:
        counts: dict[str, int] = {}
        for path in sorted(SAMPLES.glob("*.md")):
            for word in re.findall(r"[A-Za-z][A-Za-z'-]+", path.read_text(encoding="utf-8")):
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
        self.rng = rng
        self.common = list(counts)
        self.common_w = [float(c) for c in counts.values()]
        letters = "abcdefghijklmnopqrstuvwxyz"
        tail: set[str] = set()
        while len(tail) < 30_000:
            tail.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 10))))
        self.tail = sorted(tail)
        rng.shuffle(self.tail)
        self.tail_w = [1.0 / (i + 1) for i in range(len(self.tail))]

    def text(self) -> str:
        n = self.rng.randint(40, 65)  # ~250-450 characters
        k_tail = n // 5
        words = self.rng.choices(self.common, self.common_w, k=n - k_tail)
        words += self.rng.choices(self.tail, self.tail_w, k=k_tail)
        self.rng.shuffle(words)
        return " ".join(words).capitalize() + "."


def fill(store: NotesStore, count: int, corpus: Corpus) -> float:
    started = time.perf_counter()
    with store.batch():
        for i in range(count):
            tags = corpus.rng.sample(TAGS, k=2)
            store.add_article_note(1 + i % 500, corpus.text(), tags)
    return time.perf_counter() - started


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, help="data dir (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(42)
    corpus = Corpus(rng)
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="notes-bench-"))
    store = NotesStore(data_dir, make_backups=False)
    if store.count() < args.notes:
        seconds = fill(store, args.notes - store.count(), corpus)
        print(f"filled {args.notes:,} notes in {seconds:.1f} s")
    store.db.execute("PRAGMA optimize")

    by_freq = sorted(corpus.common, key=lambda w: -corpus.common_w[corpus.common.index(w)])
    words = [by_freq[i] for i in (0, 3, 10, 30, 100, 300, 600)] + corpus.tail[:3]
    words += [corpus.tail[i] for i in (500, 5000, 20000)]
    queries = {
        "one word (common → rare)": words,
        "two words": [f"{by_freq[1]} {by_freq[50]}", f"{by_freq[20]} {corpus.tail[2]}"],
        "phrase": [f'"{by_freq[0]} {by_freq[1]}"'],
        "tag word": ["politics"],
        "hostile": ['NOT (party) "AND* ^x:y -', "OR OR OR"],
    }
    # What search-as-you-type sends while "security" and a rare word are typed.
    typing = [w[:n] + "*" for w in ("security", corpus.tail[100]) for n in range(2, len(w) + 1)]
    queries["typing (prefix*)"] = typing

    results: dict[str, list[float]] = {}
    for label, texts in queries.items():
        for _ in range(5):
            for q in texts:
                t0 = time.perf_counter()
                store.search(q, limit=20)
                results.setdefault(label, []).append(time.perf_counter() - t0)
    every = [t for ts in results.values() for t in ts]

    add_times: list[float] = []
    for i in range(300):
        text = corpus.text()
        t0 = time.perf_counter()
        store.add_article_note(1 + i, text, ["bench"])
        add_times.append(time.perf_counter() - t0)

    size_mb = (data_dir / "notes.db").stat().st_size / 1e6
    print(f"notes: {store.count():,}  db: {size_mb:.0f} MB  sqlite {sqlite3.sqlite_version}")
    print(f"python {platform.python_version()} on {platform.machine()} {platform.system()}")
    print("| operation | median | p95 | max | runs |")
    print("|---|---:|---:|---:|---:|")
    for label, ts in [*results.items(), ("**all searches**", every), ("**add a note**", add_times)]:
        p95 = statistics.quantiles(ts, n=20)[18] if len(ts) >= 20 else max(ts)
        print(
            f"| {label} | {median_ms(ts):.2f} ms | {p95 * 1000:.2f} ms "
            f"| {max(ts) * 1000:.2f} ms | {len(ts)} |"
        )
    store.close()


if __name__ == "__main__":
    main()
