"""Child processes `library_scale.py` runs on a library it built: each in a fresh interpreter.

- `COMPARE_CHILD HOME library|bare`: the first comparison of articles 1 and 2,
  with the library's word weights (`Collection.compare`) or without
  (`compare_articles`); prints its seconds.
- `SEARCH_CHILD HOME WORD`: a count-only FTS5 query for WORD, the store's
  search with limit = row count (as the window once used it) and its
  `count()` + `page()`; prints the three medians (-1 where there is no `page`).
"""

COMPARE_CHILD = """
import sys, time
from library.collection import Collection
mode = sys.argv[2]
c = Collection(sys.argv[1], seed=False)
a, b = c.library.get(1), c.library.get(2)
t = time.perf_counter()
if mode == "library":
    c.compare(a, b)
else:
    from library.compare import compare_articles
    compare_articles(a, b)
print(time.perf_counter() - t)
"""

SEARCH_CHILD = """
import sqlite3, sys, time
from library.store import LibraryStore
from pathlib import Path
store = LibraryStore(Path(sys.argv[1]))
word = sys.argv[2]
conn = sqlite3.connect(store.path)
def timed(fn, runs=5):
    out = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); out.append(time.perf_counter() - t)
    return sorted(out)[len(out) // 2]
bare = timed(lambda: conn.execute(
    "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [word]).fetchone())
n = store.count()
full = timed(lambda: store.search(word, limit=n), runs=3)
paged = -1.0
if hasattr(store, "page"):
    paged = timed(lambda: (store.count(word), store.page(0, 200, filter_query=word)))
print(bare, full, paged)
"""
