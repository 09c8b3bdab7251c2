"""Time `related_articles` (other coverage of an event) on a 10,000-article library.

    PYTHONPATH=. .venv/bin/python benchmarks/coverage_speed.py [--articles 10000] [--dir DIR]
        [--chinese N]

The library holds every ECB+ document of the pair files (real news, see
eval_coverage.py) and filler articles recombined from MRPC and PAWS-Wiki
sentences (a headline and 8-25 sentences each, drawn at random), up to
`--articles`.  Queries are 60 ECB+ documents; reported: median and p95 of
`related_articles(limit=10)` (cold: a fresh store, no cache), and of
`Collection.related(..., facts=3)`, which also runs the comparison engine on
the top 3.  With `--chinese N`, N of the filler articles are Chinese
(recombined from PAWS-X zh sentences), so the cross-script query and scoring
(`library.coverage_xl`) run too, and 20 of them are timed as queries as well.
Eval texts stay in /work/shared/eval/.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from library.article import Article
from library.collection import Collection
from library.coverage import related_articles
from library.store import LibraryStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_coverage import EVAL, build_library, load_docs


def filler_sentences() -> list[str]:
    sentences: set[str] = set()
    for name in ("mrpc_train.jsonl", "mrpc_test.jsonl", "paws_wiki_dev.jsonl"):
        with (EVAL / name).open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                for key in ("sentence1", "sentence2", "text_a", "text_b", "a", "b"):
                    if isinstance(row.get(key), str):
                        sentences.add(row[key].strip())
    return sorted(s for s in sentences if s)


def chinese_sentences() -> list[str]:
    sentences: set[str] = set()
    with (EVAL / "pawsx_zh_dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            sentences.update(row[k].strip() for k in ("a", "b") if isinstance(row.get(k), str))
    return sorted(s for s in sentences if s)


def fill(store: LibraryStore, count: int, rng: random.Random, *, chinese: bool = False) -> None:
    pool = chinese_sentences() if chinese else filler_sentences()
    for i in range(count):
        body = rng.sample(pool, rng.randint(8, 25))
        paragraphs = [" ".join(body[k : k + 4]) for k in range(0, len(body), 4)]
        store.add(
            Article(
                title=rng.choice(pool)[:120],
                body="\n\n".join(paragraphs),
                language="zh" if chinese else None,
                source_path=f"/filler/{'zh-' if chinese else ''}{i}.txt",
            )
        )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="data dir (default: a temporary one)")
    parser.add_argument("--chinese", type=int, default=0, help="Chinese filler articles")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"no evaluation data at {EVAL}: skipped")
        return
    rng = random.Random(13)
    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="coverage-speed-"))
    if not (data_dir / "library.db").exists():
        started = time.perf_counter()
        store, _by_id = build_library(load_docs(), data_dir)
        fill(store, args.articles - store.count() - args.chinese, rng)
        fill(store, args.chinese, rng, chinese=True)
        print(f"built {store.count():,} articles in {time.perf_counter() - started:.0f} s")
        store.close()
    store = LibraryStore(data_dir, read_only=True)
    ecb = [
        int(row[0])
        for row in store.db.execute("SELECT id FROM articles WHERE source_key LIKE '/ecbplus/%'")
    ]
    queries = rng.sample(ecb, min(60, len(ecb)))
    zh = [
        int(row[0])
        for row in store.db.execute("SELECT id FROM articles WHERE source_key LIKE '/filler/zh-%'")
    ]
    zh_queries = rng.sample(zh, min(20, len(zh)))
    size = (data_dir / "library.db").stat().st_size / 1e6
    print(f"articles: {store.count():,}  db: {size:.0f} MB  queries: {len(queries)}")
    times, cpu = [], []
    for article_id in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        related_articles(store, article_id, limit=10)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    zh_times = []
    for article_id in zh_queries:
        t0 = time.perf_counter()
        related_articles(store, article_id, limit=10)
        zh_times.append(time.perf_counter() - t0)
    store.close()
    if zh_times:
        median, p95 = statistics.median(zh_times) * 1000, percentile(zh_times, 0.95) * 1000
        print(f"related() of Chinese articles: median {median:.0f} ms, p95 {p95:.0f} ms")
    median, p95 = statistics.median(times) * 1000, percentile(times, 0.95) * 1000
    print(f"related(): median {median:.0f} ms, p95 {p95:.0f} ms, max {max(times) * 1000:.0f} ms")
    # CPU time of this process: what the ranking costs on an idle machine,
    # whatever else is running (wall time above includes waiting for a core).
    median, p95 = statistics.median(cpu) * 1000, percentile(cpu, 0.95) * 1000
    print(f"related() CPU time: median {median:.0f} ms, p95 {p95:.0f} ms")
    col = Collection(data_dir, seed=False, read_only=True)
    facts = []
    for article_id in queries[:10]:
        t0 = time.perf_counter()
        col.related(article_id, limit=10, facts=3)
        facts.append(time.perf_counter() - t0)
    col.close()
    print(f"related(facts=3): median {statistics.median(facts) * 1000:.0f} ms, "
          f"max {max(facts) * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
