"""Document frequencies of the library's words, kept up to date at import.

The comparison engine weighs a shared rare word ("Zhaozong") above a common
one; the library tells which words are rare.  Counting them from every body
at comparison time took a minute on a 50,000-article library, so the counts
live in `word_df` (term -> paragraphs of current articles containing it) and
change with each imported, superseded or removed article, in the same
transaction.  `meta[word_df_paragraphs]` holds the number of paragraphs counted.

Paragraphs are the counted documents (see `library.word_weights`); terms are
the engine's (`library.compare.units.terms`), imported on first use so that
opening the library stays light.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import chain
from typing import Any

from library.article import split_paragraphs

TABLE = "word_df"
PARAGRAPHS_KEY = "word_df_paragraphs"


def paragraph_terms(body: str) -> Iterable[set[str]]:
    """The set of terms of each paragraph of `body`: one counted document each.

    Equal to `set(units.terms(paragraph))`: no term spans white space, so the
    terms of each space-separated chunk ("harbour,") are made on their own,
    once, and cached; import pays for this on every paragraph of every file,
    and the engine's tokenizer over whole texts was most of that.
    """
    for paragraph in split_paragraphs(body):
        yield set(chain.from_iterable(map(_chunk_terms, set(paragraph.split()))))


@lru_cache(maxsize=65_536)  # ~15 MiB at most; news reuses its words
def _chunk_terms(chunk: str) -> tuple[str, ...]:
    from library.compare.units import terms

    return tuple(terms(chunk))


def body_counts(body: str) -> tuple[Counter[str], int]:
    """(term -> paragraphs of `body` containing it, number of paragraphs)."""
    counts: Counter[str] = Counter()
    n = 0
    for found in paragraph_terms(body):
        counts.update(found)
        n += 1
    return counts, n


def create_table(db: Any) -> None:
    """Create `word_df` (a sqlite-utils Database or sqlite3 connection's `execute`)."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        "(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID"
    )


def apply(db: Any, body: str, sign: int) -> None:
    """Count `body` in (sign=1) or out (sign=-1), inside the caller's transaction."""
    counts, n = body_counts(body)
    if not n:
        return
    conn = db.conn if hasattr(db, "conn") else db
    conn.executemany(
        f"INSERT INTO {TABLE} (term, df) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [(term, sign * c) for term, c in counts.items()],
    )
    if sign < 0:
        conn.executemany(f"DELETE FROM {TABLE} WHERE term = ? AND df <= 0", [(t,) for t in counts])
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [PARAGRAPHS_KEY]).fetchone()
    total = max(0, int(row[0] if row else 0) + sign * n)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [PARAGRAPHS_KEY, str(total)],
    )


def backfill(db: Any) -> None:
    """Count every current article from scratch (the migration, once, at upgrade)."""
    conn = db.conn if hasattr(db, "conn") else db
    conn.execute(f"DELETE FROM {TABLE}")
    counts: Counter[str] = Counter()
    n = 0
    # One body at a time: the cursor streams, so memory is the counts alone.
    for (body,) in conn.execute("SELECT body FROM articles WHERE superseded_by IS NULL"):
        found, paragraphs = body_counts(body)
        counts.update(found)
        n += paragraphs
    conn.executemany(f"INSERT INTO {TABLE} (term, df) VALUES (?, ?)", counts.items())
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [PARAGRAPHS_KEY, str(n)],
    )


def lookup(conn: Any, terms: Iterable[str]) -> tuple[Mapping[str, int], int]:
    """(df of each of `terms` the library has, paragraphs counted): one query each."""
    wanted = json.dumps(sorted(set(terms)), ensure_ascii=False)
    rows = conn.execute(
        f"SELECT term, df FROM {TABLE} WHERE term IN (SELECT value FROM json_each(?))",
        [wanted],
    ).fetchall()
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [PARAGRAPHS_KEY]).fetchone()
    return {str(t): int(d) for t, d in rows}, int(row[0]) if row else 0
