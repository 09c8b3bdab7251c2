"""The folded FTS5 indexes behind library and notes search.

FTS5's unicode61 tokenizer cannot find a word inside a run of Chinese (it
keeps the whole run, digits and Latin letters touching it included, as one
token) and knows nothing of traditional vs simplified characters.  So the
index does not hold the stored text but `library.chinese.index_text` of it:
folded to simplified, with a space around each CJK character.  A Chinese word
of any length is then a phrase of one-character tokens, ranked by bm25 like
any other, and `fold_query` (in `library.fts_query`) turns what the user
typed into that form.

The FTS5 table keeps its own copy of the indexed text (no `content=`
option): deleting a row then needs only its rowid, never a recomputation
that a newer OpenCC table could answer differently.  Triggers call the SQL
function `parallax_index_text`, so every connection that writes to an
indexed table must have called `register` first (the stores do, on open, and
the migrations do before they build).  Snippets are made from the original
text (`library.search_snippet`), never from the index.
"""

from __future__ import annotations

import sqlite_utils

from library.chinese import index_text

#: The SQL function the triggers call: `library.chinese.index_text`.
FUNCTION = "parallax_index_text"


def register(db: sqlite_utils.Database) -> None:
    """Make `parallax_index_text(text)` callable on `db`'s connection."""
    db.conn.create_function(FUNCTION, 1, _index_value, deterministic=True)


def _index_value(value: object) -> str | None:
    # A column may hold a number or blob if written by another program; an
    # exception here would make the write itself fail.
    if value is None or isinstance(value, str):
        return index_text(value)
    return index_text(value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value))


def build(
    db: sqlite_utils.Database,
    table: str,
    columns: tuple[str, ...],
    *,
    tokenize: str,
    prefix: str | None = None,
) -> None:
    """(Re)create `{table}_fts` over `columns` of `table`, folded, with its triggers.

    Replaces whatever index and triggers were there (including sqlite-utils'
    `enable_fts` ones, which use the same trigger names) and indexes every
    existing row.  `table` must have an integer primary key `id`.

    Args:
        tokenize: the FTS5 tokenizer, e.g. "unicode61 remove_diacritics 2".
        prefix: FTS5's `prefix=` option (e.g. "2 3"), if any.
    """
    register(db)
    fts = f"{table}_fts"
    for suffix in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{table}_{suffix}]")
    db.execute(f"DROP TABLE IF EXISTS [{fts}]")
    names = ", ".join(f"[{c}]" for c in columns)
    options = f", tokenize='{tokenize}'" + (f", prefix='{prefix}'" if prefix else "")
    db.execute(f"CREATE VIRTUAL TABLE [{fts}] USING FTS5 ({names}{options})")

    def folded(row: str) -> str:
        return ", ".join(f"{FUNCTION}({row}[{c}])" for c in columns)

    db.execute(f"INSERT INTO [{fts}] (rowid, {names}) SELECT id, {folded('')} FROM [{table}]")
    insert = f"INSERT INTO [{fts}] (rowid, {names}) VALUES (new.id, {folded('new.')});"
    delete = f"DELETE FROM [{fts}] WHERE rowid = old.id;"
    db.execute(f"CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] BEGIN {insert} END")
    db.execute(f"CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] BEGIN {delete} END")
    # Only a change to an indexed column re-indexes (not trashing a note, or
    # marking an article superseded).
    db.execute(
        f"CREATE TRIGGER [{table}_au] AFTER UPDATE OF {names} ON [{table}] "
        f"BEGIN {delete} {insert} END"
    )
