"""Time one library-search keystroke with a long, repetitive query (issue #8, item 10).

    .venv/bin/python benchmarks/search_query_bench.py [WORDS]

Imports the two sample articles into a scratch library and times
`LibraryStore.search` (what the window's filter box runs on the GUI thread for
each keystroke, after its debounce) with "word " repeated WORDS times, for a
few query shapes.  Run by hand; not part of the test suite.

Measured (this dev container, the two samples plus tests/data): one keystroke
of `LibraryView.apply_filter` with "bureau " x 1,000 took 4.7 s before the
term cap (x 4,000: 64 s), 0.01 s after; 1,000 CJK terms failed with SQLite's
"Expression tree is too large" before.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from library.errors import InvalidQuery
from library.importer import import_paths
from library.samples import samples_dir
from library.store import LibraryStore


def main() -> None:
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        store = LibraryStore(Path(tmp))
        import_paths(store, [samples_dir()])
        for label, text in (
            ("same word", "bureau " * words),
            ("two words", "bureau spies " * (words // 2)),
            ("distinct words", " ".join(f"w{i}" for i in range(words))),
            ("CJK word", "保密局 " * words),
        ):
            start = time.perf_counter()
            try:
                hits = len(store.search(text, limit=200))
            except InvalidQuery:
                hits = -1
            except Exception as exc:  # the "before" code fails on some shapes
                print(f"{label:<15} {words:>6} words: {type(exc).__name__}: {exc}")
                continue
            took = time.perf_counter() - start
            print(f"{label:<15} {words:>6} words: {took:8.3f} s  ({hits} hits)")
        store.close()


if __name__ == "__main__":
    main()
