"""The notes database's schema, one sqlite-utils `Migrations` step at a time.

`notes.db` is meant to be readable with plain `sqlite3` or `sqlite-utils`, so
the layout is deliberately flat: one `notes` table (tags as space-separated words,
JSON only for a claim's unit ids), an FTS5 index `notes_fts` kept in step by triggers
(it holds the folded text of `library.search_index`, so writing a note needs the
`parallax_index_text` function that `NotesStore` registers), and sqlite-utils' own
`_sqlite_migrations` bookkeeping table.

Rule for future steps: after any `table.transform(...)` call
`_index_text(db, replace=True)`, because `transform` rebuilds the table and
drops the triggers that keep `notes_fts` current; it rebuilds the folded index
(never sqlite-utils' `enable_fts`, whose index would not find Chinese words).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from library.migrations import Migrations
from library.paths import LIBRARY_DB
from library.search_index import build as build_search_index

#: `notes_meta` key: the highest note id ever given (see m004_meta).
HIGHEST_ID_KEY = "highest_id"

if TYPE_CHECKING:
    import sqlite_utils

migrations = Migrations("parallax.notes")

# Columns indexed for full-text search, in this order (snippet() column numbers).
FTS_COLUMNS = ("text", "tags", "quote")
TOKENIZE = "unicode61 remove_diacritics 2"
PREFIXES = "2 3"


@migrations()
def m001_notes(db: sqlite_utils.Database) -> None:
    """The notes table and its full-text index."""
    db.table("notes").create(
        {
            "id": int,
            # Identity across export/import; the integer id is for people.
            "uid": str,
            # article | passage | comparison | claim
            "kind": str,
            "text": str,
            # Lower-case tags separated by single spaces, e.g. "budget follow-up".
            "tags": str,
            "created_at": str,
            "updated_at": str,
            # The article (side A for comparison/claim notes); current version.
            "article_id": int,
            "article_b_id": int,
            # Passage notes: the quoted text, its context, and offsets into the body.
            # Claim notes keep the claim text in `quote` so it is searchable.
            "quote": str,
            "prefix": str,
            "suffix": str,
            "start": int,
            "end": int,
            # Claim notes: JSON {"units_a": [...], "units_b": [...]}.
            "claim": str,
            # 1 when re-anchoring could not find the quote in a new version.
            "detached": int,
            # Set while the note is in the trash; NULL otherwise.
            "deleted_at": str,
        },
        pk="id",
        not_null={"uid", "kind", "text", "tags", "created_at", "updated_at", "detached"},
        defaults={"text": "", "tags": "", "detached": 0},
    )
    db.table("notes").create_index(["uid"], unique=True)
    db.table("notes").create_index(["article_id", "created_at"])
    db.table("notes").create_index(["article_b_id"])
    db.table("notes").create_index(["deleted_at"])
    db.table("notes").enable_fts(list(FTS_COLUMNS), create_triggers=True, tokenize=TOKENIZE)


@migrations()
def m002_prefix_index(db: sqlite_utils.Database) -> None:
    """Give `notes_fts` a prefix index, so search-as-you-type (`gov*`) stays fast."""
    _add_prefix_index(db)


@migrations()
def m003_created_index(db: sqlite_utils.Database) -> None:
    """Index creation time: "latest notes" reads 200 rows, not all 100k, to sort."""
    db.table("notes").create_index(["created_at"], if_not_exists=True)


@migrations()
def m004_meta(db: sqlite_utils.Database) -> None:
    """Small key/value facts about the file: the highest note id ever given.

    Ids are promised stable, so a note purged from the trash must not hand
    its id to the next new note.
    """
    db.table("notes_meta").create({"key": str, "value": str}, pk="key")
    highest = db.execute("SELECT max(id) FROM notes").fetchone()[0] or 0
    db.table("notes_meta").insert({"key": HIGHEST_ID_KEY, "value": str(highest)})


#: Per side, the columns that identify its article whatever library.db holds it.
REF_COLUMNS = {
    "article_id": ("article_path", "article_hash", "article_title"),
    "article_b_id": ("article_b_path", "article_b_hash", "article_b_title"),
}


@migrations()
def m005_article_identity(db: sqlite_utils.Database) -> None:
    """Tie notes to their articles by identity, not only by library ids.

    `library_uid` names the library.db whose ids `article_id` and
    `article_b_id` are; each side also keeps its source path, text hash and
    title, so a rebuilt library (same ids, other articles) never lends a note
    to the wrong article and re-importing the file finds the note again.
    Existing notes are filled in from the library.db beside this file.
    """
    notes = db.table("notes")
    notes.add_column("library_uid", str)
    for columns in REF_COLUMNS.values():
        for column in columns:
            notes.add_column(column, str)
    _narrow_update_trigger(db)
    _backfill_identity(db)
    # After filling: building an index once is quicker than growing it row by row.
    for column in ("library_uid", "article_hash", "article_path", "article_b_hash"):
        notes.create_index([column])
    notes.create_index(["article_b_path"])


def _narrow_update_trigger(db: sqlite_utils.Database) -> None:
    """Re-index a note's text only when an indexed column changes.

    sqlite-utils' trigger fires on any UPDATE, so moving many notes to
    another article (or filling the columns above) rewrote their full-text
    entries for nothing.
    """
    found = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'notes_au'"
    ).fetchone()
    if found is None or 'AFTER UPDATE ON "notes"' not in found[0]:
        return
    columns = ", ".join(f'"{c}"' for c in FTS_COLUMNS)
    db.execute("DROP TRIGGER notes_au")
    db.execute(found[0].replace('AFTER UPDATE ON "notes"', f'AFTER UPDATE OF {columns} ON "notes"'))


def _backfill_identity(db: sqlite_utils.Database) -> None:
    """Fill identity columns from the library.db these notes were written with.

    Read-only and best effort: with no readable library (missing, damaged)
    the columns stay NULL and the store fills them from the library it is
    opened with (see `library.notes.identity.bind`).
    """
    main = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    library = Path(main).with_name(LIBRARY_DB) if main else None
    if library is None or not library.is_file():
        return
    try:
        conn = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    wanted = [
        row[0]
        for row in db.execute(
            "SELECT article_id FROM notes UNION SELECT article_b_id FROM notes"
        ).fetchall()
        if row[0] is not None
    ]
    with contextlib.closing(conn):
        try:
            uid_row = conn.execute("SELECT value FROM meta WHERE key = 'library_uid'").fetchone()
            articles = {}
            for article_id in wanted:
                found = conn.execute(
                    "SELECT source_path, content_hash, title FROM articles WHERE id = ?",
                    [article_id],
                ).fetchone()
                if found is not None:
                    articles[article_id] = found
        except sqlite3.Error:
            return
    uid = uid_row[0] if uid_row else None
    # One statement per article and side (indexed), not one per note.
    for article_id, found in articles.items():
        for side, columns in REF_COLUMNS.items():
            sets = ", ".join(f"[{c}] = ?" for c in columns)
            # Only ids found there are vouched for by that library.
            db.execute(
                f"UPDATE notes SET {sets}, library_uid = ? WHERE [{side}] = ?",
                [*found, uid, article_id],
            )


@migrations()
def m006_chinese_search(db: sqlite_utils.Database) -> None:
    """Rebuild `notes_fts` folded: 局長 finds 局长, and Chinese is found inside runs.

    The index holds `library.chinese.index_text` of each column (see
    `library.search_index`), keeps the prefix index, and is filled from every
    stored note.
    """
    _index_text(db)


def _index_text(db: sqlite_utils.Database, *, replace: bool = True) -> None:
    """(Re)build `notes_fts`: folded text, diacritics folded too ("Zurich" finds
    "Zürich"), prefix index; triggers keep it in step.  `replace` is kept for
    callers written before the folded index; it is always rebuilt."""
    build_search_index(db, "notes", FTS_COLUMNS, prefix=PREFIXES)


def _add_prefix_index(db: sqlite_utils.Database) -> None:
    """Recreate `notes_fts` with FTS5's `prefix='2 3'` option, keeping sqlite-utils' layout.

    `enable_fts` has no prefix option, and without it FTS5 answers `go*` by
    merging the postings of every word starting with "go" (hundreds of ms at
    100k notes).  Same table name, columns, tokenizer and external content, so
    sqlite-utils' triggers and `table.search()` keep working; the index is
    rebuilt from `notes`.
    """
    schema = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notes_fts'"
    ).fetchone()
    if schema is None or "prefix=" in schema[0]:
        return
    db.execute("DROP TABLE notes_fts")
    columns = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
    db.execute(
        f"CREATE VIRTUAL TABLE [notes_fts] USING FTS5 ({columns}, tokenize='{TOKENIZE}', "
        f"prefix='{PREFIXES}', content=[notes])"
    )
    db.execute("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')")


#: Per side of a review, the columns after the side's letter (`a_hash`, `b_quote`…).
REVIEW_SIDE_COLUMNS = {
    # Identity of the article version reviewed (as `ArticleRef`), and its id
    # in the library named by `library_uid` (a hint: the refs are the truth).
    "article_id": int,
    "path": str,
    "hash": str,
    "title": str,
    # The reviewed passage, anchored like a passage note.
    "quote": str,
    "prefix": str,
    "suffix": str,
    "start": int,
    "end": int,
    # JSON list of unit ids when reviewed (a hint).
    "units": str,
    # 1 when the passage was not found in a new version of the article.
    "detached": int,
}


@migrations()
def m007_reviews(db: sqlite_utils.Database) -> None:
    """The user's reviews of the machine's pairs (see `library.reviews`).

    One row per judged or hand-made pair: the verdict (confirmed | rejected |
    changed | linked), the relation the user gives (same | divergent |
    related | unrelated), what the machine said, an optional reason, and per
    side (`a_…`, `b_…`) the article version and the anchored passage.
    """
    columns: dict[str, type] = {
        "id": int,
        "uid": str,
        "verdict": str,
        "relation": str,
        "machine_relation": str,
        "reason": str,
        "created_at": str,
        "updated_at": str,
        "library_uid": str,
    }
    for side in ("a", "b"):
        columns.update({f"{side}_{name}": kind for name, kind in REVIEW_SIDE_COLUMNS.items()})
    reviews = db.table("reviews")
    reviews.create(
        columns,
        pk="id",
        not_null={"uid", "verdict", "relation", "reason", "created_at", "updated_at"},
        defaults={"reason": "", "a_detached": 0, "b_detached": 0},
    )
    reviews.create_index(["uid"], unique=True)
    for column in ("a_hash", "b_hash", "a_path", "b_path"):
        reviews.create_index([column])
