"""Benchmark opening the stores: what every `parallax` command pays before its work.

    .venv/bin/python benchmarks/open_bench.py [--articles 5000] [--notes 20000] [--dir DIR]

Builds a library and a notes file of the given sizes (once, in DIR), then
times opening both stores for writing and for reading (`read_only=True`, as
`list`/`search` do), best of several runs with a warm page cache.  Before
the "cheap opens" change every open ran `PRAGMA quick_check`, which reads
every page of both files.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from library.article import Article
from library.database import write_transaction
from library.notes import NotesStore
from library.store import LibraryStore


def build(folder: Path, articles: int, notes: int) -> None:
    rng = random.Random(7)
    words = [f"w{i}" for i in range(5000)]
    library = LibraryStore(folder)
    if library.count() < articles:
        with write_transaction(library.db):
            for i in range(articles):
                body = " ".join(rng.choices(words, k=800))
                library.add(Article(title=f"t{i}", body=body, source_path=f"/bench/{i}"))
    library.close()
    store = NotesStore(folder, make_backups=False)
    if store.count() < notes:
        with store.batch():
            for _ in range(notes):
                store.add_article_note(1, "note " + " ".join(rng.choices(words, k=50)))
    store.close()


def best_ms(folder: Path, *, read_only: bool, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        LibraryStore(folder, read_only=read_only).close()
        NotesStore(folder, make_backups=False, read_only=read_only).close()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="parallax-open-bench-"))
    build(folder, args.articles, args.notes)
    sizes = {p.name: p.stat().st_size // 1_000_000 for p in folder.glob("*.db")}
    print(f"data: {folder} {sizes} (MB)")
    print(f"open for writing: {best_ms(folder, read_only=False):.1f} ms")
    print(f"open read-only:   {best_ms(folder, read_only=True):.1f} ms")


if __name__ == "__main__":
    main()
