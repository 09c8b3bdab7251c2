"""Document frequencies of the library's words, kept up to date at import.

The comparison engine weighs a shared rare word ("Zhaozong") above a common
one; the library tells which words are rare.  Counting them from every body
at comparison time took a minute on a 50,000-article library, so the counts
live in `word_df` (term -> paragraphs of current articles containing it) and
follow each imported, superseded or removed article, in the same transaction:

- an imported article is queued by being there: every current article with
  an id above `meta[word_df_counted_through]` is queued (ids only grow, never
  reused), so an import writes nothing here; queued articles are counted in
  together (`fold`) once `FOLD_EVERY` ids were given since the last fold, and
  at the end of an import: counting one file at a time rewrote a few hundred
  scattered pages of `word_df` per commit, doubling the cost of an import;
  a queue table (one row per import, until m010) cost a page per commit;
- a superseded or removed version above that mark was never counted: nothing
  to do; one at or below it is counted out at once (its body is at hand).

Readers (`lookup`) add the queued articles themselves, so the counts are
exact at every moment.  `meta[word_df_paragraphs]` holds the number of
paragraphs counted in `word_df`.

Paragraphs are the counted documents (see `library.word_weights`); terms are
the engine's (`library.compare.units.terms`), imported on first use so that
opening the library stays light.
"""

from __future__ import annotations

import sqlite3
import string
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import chain
from types import ModuleType
from typing import Any

from library.article import split_paragraphs

TABLE = "word_df"
#: The queue table of libraries before m010 (see `adopt_queue_table`).
OLD_QUEUE = "word_df_pending"
#: Queued imports counted in together (one transaction) by `LibraryStore.add`.
FOLD_EVERY = 256
PARAGRAPHS_KEY = "word_df_paragraphs"
#: `meta` key: every current article with an id up to this one is counted in.
COUNTED_KEY = "word_df_counted_through"
#: What `body_counts` returns: (term -> paragraphs containing it, paragraphs).
BodyCounts = tuple[Counter[str], int]
#: What `body_terms` returns: (each paragraph's terms, once each, one paragraph
#: after another; paragraphs): counted by `Counter` later, with a batch's others.
BodyTerms = tuple[tuple[str, ...], int]
#: `BodyTerms` as an import may hand them over: the terms in a tuple, or
#: joined by single spaces (`join_terms`: what worker processes send).
GivenTerms = tuple[tuple[str, ...] | str, int]


def paragraph_terms(body: str) -> Iterable[set[str]]:
    """The set of terms of each paragraph of `body`: one counted document each.

    Equal to `set(units.terms(paragraph))`: no term spans white space, so the
    terms of each space-separated chunk ("harbour,") are made on their own,
    once, and cached; import pays for this on every paragraph of every file,
    and the engine's tokenizer over whole texts was most of that.
    """
    chunk_terms = _CHUNK_TERMS.__getitem__
    for paragraph in split_paragraphs(body):
        yield set(chain.from_iterable(map(chunk_terms, set(paragraph.split()))))


class _ChunkTerms(dict[str, tuple[str, ...]]):
    """Chunk -> its terms, made on first use: a cache whose hits never leave C.

    Bounded by emptying it when full (~15 MiB at most; news reuses its words,
    so it fills again with the common ones).  An `lru_cache` cost a tenth more
    per file.  Safe across threads: a lost race only makes one chunk's terms twice.
    """

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) >= _CHUNK_CACHE_SIZE:
            self.clear()
        plain = _plain(chunk)
        if plain != chunk:
            # "Harbour," "(harbour" and "harbour." have harbour's terms: one
            # tokenizing for all (a miss costs ~4 µs; 2,000 news files met
            # 35,680 distinct chunks, 20,960 once plain).
            found = self[chunk] = self[plain]
        else:
            found = self[chunk] = chunk_terms(chunk)
        return found


def chunk_terms(chunk: str) -> tuple[str, ...]:
    """`tuple(units.terms(chunk))`; for ASCII text without its CJK steps, twice as fast.

    ASCII text holds no CJK run: `units.tokens` then is the word pattern's
    `findall`, and no token is a CJK run to test.  A chunk is tokenized once
    per import (then cached), yet an import of 2,000 news files still met
    ~21,000 distinct chunks: 8 → 4 µs each.
    """
    units = _UNITS[0] if _UNITS else _load_units()
    if not chunk.isascii():
        return tuple(units.terms(chunk))
    # As `units.terms` on a token: lower-cased (ASCII: as the text), stopwords,
    # negations and single letters dropped, the rest stemmed.
    stop, negations, stem = units.STOPWORDS, units.NEGATIONS, units.stem
    return tuple(
        stem(token)
        for token in units._TOKEN.findall(chunk.lower())
        if token not in stop and token not in negations and (len(token) > 1 or token.isdigit())
    )


# The engine's `units` module, loaded on the first miss (not on the start path),
# then kept here: an import statement per miss cost ~1 µs of ~4.
_UNITS: list[ModuleType] = []


def _load_units() -> ModuleType:
    from library.compare import units

    _UNITS.append(units)
    return units


def _plain(chunk: str) -> str:
    """`chunk` with the same terms: ASCII punctuation off its ends, ASCII text lower-cased.

    The engine's tokens (`units._TOKEN`) start and end with a letter, digit or
    CJK character, so no ASCII punctuation at either end is in one, nor does
    it join two; and its terms are of the lower-cased tokens, which for ASCII
    text are the tokens of the lower-cased text (not so elsewhere: "İ").
    """
    return (chunk.lower() if chunk.isascii() else chunk).strip(_ASCII_PUNCTUATION)


_ASCII_PUNCTUATION = string.punctuation


_CHUNK_CACHE_SIZE = 65_536
_CHUNK_TERMS = _ChunkTerms()


def body_counts(body: str) -> BodyCounts:
    """(term -> paragraphs of `body` containing it, number of paragraphs)."""
    terms, n = body_terms(body)
    return Counter(terms), n


def body_terms(body: str) -> BodyTerms:
    """`body`'s paragraph term sets, one after another, and the number of paragraphs.

    What an import keeps per file until the fold: the fold counts a whole
    batch's in one `Counter` (C), where summing a `Counter` per file ran a
    Python loop over every term (0.04 ms per news file).
    """
    found = list(paragraph_terms(body))
    return tuple(chain.from_iterable(found)), len(found)


def join_terms(found: BodyTerms) -> GivenTerms:
    """`found` with its terms as one string, split again by the fold.

    For a worker process's message: one string pickles and unpickles in
    ~1 µs where a tuple of ~150 terms took ~15 µs each way, and unpickling
    is the writer's (the import's critical path).  Lossless: no term holds
    white space (terms are made of white-space-split chunks) or is empty.
    """
    return " ".join(found[0]), found[1]


def create_table(db: Any) -> None:
    """Create `word_df` (on a sqlite-utils Database or a sqlite3 connection)."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        "(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID"
    )


def on_retired(conn: sqlite3.Connection, article_id: int, body: str) -> None:
    """A version stops being current (superseded or removed): take it out of the counts."""
    if article_id > counted_through(conn):
        return  # still queued, never counted in
    counts, n = body_counts(body)
    _add_counts(conn, counts, n, -1)


def fold(conn: sqlite3.Connection, *, known: Mapping[int, GivenTerms] | None = None) -> None:
    """Count the queued articles in, inside the caller's transaction.

    Args:
        known: `body_terms` of queued articles already made (by an import's
            reading stage); the others' bodies are read and counted here.

    An import read in-process leaves its files' counting to this too, bodies
    read back: counting them as each file was stored, text at hand, cost 0.1
    ms more per file (1.28–1.35 against 1.38–1.43 ms for a whole import, 2,000
    files): counting 256 bodies in one run keeps the term cache in the CPU's.
    """
    counts, n = _pending_counts(conn, known or {})
    _add_counts(conn, counts, n, +1)
    _set_counted_through(conn)


def queued(conn: sqlite3.Connection) -> list[int]:
    """Ids of the current articles not yet counted in, oldest first."""
    # By rowid, from the mark on: "+" keeps SQLite from reading every current
    # article from `articles_listing` (it starts with superseded_by) instead.
    return [
        int(i)
        for (i,) in conn.execute(
            "SELECT id FROM articles WHERE id > ? AND +superseded_by IS NULL ORDER BY id",
            [counted_through(conn)],
        )
    ]


def counted_through(conn: sqlite3.Connection) -> int:
    """The id up to which every current article is counted in (see the module's docstring)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [COUNTED_KEY]).fetchone()
    return int(row[0]) if row else 0


def adopt_queue_table(conn: sqlite3.Connection) -> None:
    """Replace a library's queue table (before m010) by the mark: fold it, then drop it.

    Every current article outside that table was counted in; folding the
    queued ones leaves every current article counted, up to the highest id.
    """
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [OLD_QUEUE]
    ).fetchone()
    if exists:
        # Only current versions (a retired one left that queue; a hand-edited file may differ).
        ids = [
            int(i)
            for (i,) in conn.execute(
                f"SELECT article_id FROM {OLD_QUEUE} JOIN articles ON articles.id = article_id "
                "WHERE superseded_by IS NULL"
            )
        ]
        counts, n = _counts_of(conn, ids, {})
        _add_counts(conn, counts, n, +1)
        conn.execute(f"DROP TABLE {OLD_QUEUE}")
    _set_counted_through(conn)


def backfill(db: Any) -> None:
    """Count every current article from scratch (the migration, once, at upgrade)."""
    conn = db.conn if hasattr(db, "conn") else db
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute("DELETE FROM meta WHERE key = ?", [PARAGRAPHS_KEY])
    counts: Counter[str] = Counter()
    n = 0
    # One body at a time: the cursor streams, so memory is the counts alone.
    for (body,) in conn.execute("SELECT body FROM articles WHERE superseded_by IS NULL"):
        found, paragraphs = body_counts(body)
        counts.update(found)
        n += paragraphs
    _add_counts(conn, counts, n, +1)
    _set_counted_through(conn)


def lookup(conn: sqlite3.Connection, terms: Iterable[str]) -> tuple[Mapping[str, int], int]:
    """(df of each of `terms` the library has, paragraphs): counted and queued articles."""
    import json  # here, not at import: the window's start-up does not need it

    wanted = set(terms)
    rows = conn.execute(
        f"SELECT term, df FROM {TABLE} WHERE term IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(wanted), ensure_ascii=False)],
    ).fetchall()
    df: Counter[str] = Counter({str(t): int(d) for t, d in rows})
    queued, queued_paragraphs = _pending_counts(conn)
    df.update({t: c for t, c in queued.items() if t in wanted})
    return dict(df), _paragraphs(conn) + queued_paragraphs


def _pending_counts(
    conn: sqlite3.Connection, known: Mapping[int, GivenTerms] | None = None
) -> BodyCounts:
    return _counts_of(conn, queued(conn), known or {})


def _counts_of(
    conn: sqlite3.Connection, ids: Iterable[int], known: Mapping[int, GivenTerms]
) -> BodyCounts:
    terms: list[Iterable[str]] = []
    n = 0
    for article_id in ids:
        found = known.get(article_id)
        if found is None:
            row = conn.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                continue  # no such article (a hand-edited file): nothing to count
            found = body_terms(row[0])
        given = found[0]
        terms.append(given.split() if isinstance(given, str) else given)  # see `join_terms`
        n += found[1]
    return Counter(chain.from_iterable(terms)), n


def _set_counted_through(conn: sqlite3.Connection) -> None:
    # Every id given so far: the highest stored (a removed newest one was
    # counted out, or never in; its id is never given again).
    highest = conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    through = max(int(highest), counted_through(conn))
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [COUNTED_KEY, str(through)],
    )


def _paragraphs(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [PARAGRAPHS_KEY]).fetchone()
    return int(row[0]) if row else 0


def _add_counts(conn: sqlite3.Connection, counts: Counter[str], n: int, sign: int) -> None:
    if not n:
        return
    import json  # here, not at import: the window's start-up does not need it

    # One statement over the whole batch (a JSON object term -> change), not
    # one per term: a fold of 256 news files changes ~5,000 terms, and
    # `executemany` spent 0.07 ms per imported file on them, this 0.04.
    # "WHERE true": SQLite's parser needs it before an upsert's ON CONFLICT.
    # An import's fold (+1) encodes the Counter as it is: no copy of ~5,000 terms.
    signed = counts if sign > 0 else {term: sign * c for term, c in counts.items()}
    changes = json.dumps(signed, ensure_ascii=False)
    conn.execute(
        f"INSERT INTO {TABLE} (term, df) SELECT key, value FROM json_each(?) WHERE true "
        "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [changes],
    )
    if sign < 0:
        conn.execute(
            f"DELETE FROM {TABLE} WHERE df <= 0 AND term IN (SELECT key FROM json_each(?))",
            [changes],
        )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [PARAGRAPHS_KEY, str(max(0, _paragraphs(conn) + sign * n))],
    )
