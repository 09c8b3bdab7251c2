"""The library database's schema, one migration per step (sqlite-utils `Migrations`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from library.migrations import Migrations
from library.search_index import build as build_search_index

if TYPE_CHECKING:
    import sqlite_utils

migrations = Migrations("parallax.library")

#: `meta` key: this library's identity (see m002_library_uid).
LIBRARY_UID_KEY = "library_uid"


@migrations()
def m001_articles(db: sqlite_utils.Database) -> None:
    """Articles, one row per imported version; FTS5 over title and body."""
    db.table("articles").create(
        {
            "id": int,
            # Identifies the source across versions: its resolved path, or its
            # content hash when it has none.
            "source_key": str,
            "version": int,
            "title": str,
            "outlet": str,
            "author": str,
            "published": str,
            "url": str,
            "language": str,
            "body": str,
            "source_path": str,
            "content_hash": str,
            "imported_at": str,
            "word_count": int,
            "encoding": str,
            # NULL for the current version; the newer version's id otherwise.
            "superseded_by": int,
        },
        pk="id",
        not_null={"source_key", "version", "title", "body", "content_hash", "imported_at"},
    )
    db.table("articles").create_index(["source_key", "version"], unique=True)
    db.table("articles").create_index(["content_hash"])
    db.table("articles").create_index(["superseded_by"])
    db.table("articles").enable_fts(
        ["title", "body"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.table("meta").create({"key": str, "value": str}, pk="key")


@migrations()
def m002_library_uid(db: sqlite_utils.Database) -> None:
    """A random identity for this library file.

    Article ids are only meaningful inside the library that gave them: a
    rebuilt library.db (the old one damaged and moved aside) hands the same
    ids to other articles.  Notes record this uid with the ids they hold, so
    an id from another library is never trusted (see `library.notes.identity`).
    """
    import uuid  # here: uuid (with platform) is not on the window's start path

    db.table("meta").upsert({"key": LIBRARY_UID_KEY, "value": str(uuid.uuid4())}, pk="key")


@migrations()
def m003_chinese_search(db: sqlite_utils.Database) -> None:
    """Rebuild the search index folded: Chinese found inside runs, in either script.

    Title and body are indexed as `library.chinese.index_text` makes them
    (see `library.search_index`); every stored article is indexed again.
    """
    build_search_index(db, "articles", ("title", "body"))


@migrations()
def m004_word_frequencies(db: sqlite_utils.Database) -> None:
    """Word document frequencies for the comparison engine, kept up to date at import.

    Existing libraries are counted once here (every current body, streamed).
    """
    from library.store import word_frequencies

    word_frequencies.create_table(db)
    word_frequencies.backfill(db)


@migrations()
def m005_listing_index(db: sqlite_utils.Database) -> None:
    """A covering index of the listed columns: listing and paging never read a body.

    A row's later columns (imported_at, word_count…) sit after its body in the
    record, so reading them from the table reads through the whole body.
    """
    db.execute(
        "CREATE INDEX articles_listing ON articles (superseded_by, imported_at, id, version, "
        "title, outlet, author, published, url, language, source_path, content_hash, "
        "encoding, word_count)"
    )


@migrations()
def m006_sentence_embeddings(db: sqlite_utils.Database) -> None:
    """Sentence vectors of the semantic comparison backend, cached per article version.

    One row per (article version, sentence offsets, model): float16 bytes.  An
    article row never changes its body, so its vectors stay valid until it is
    removed; a trigger removes them with it.
    """
    db.execute(
        """
        CREATE TABLE sentence_embeddings (
            article_id INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (article_id, start, "end", model)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TRIGGER sentence_embeddings_follow_articles AFTER DELETE ON articles
        BEGIN
            DELETE FROM sentence_embeddings WHERE article_id = old.id;
        END
        """
    )


@migrations()
def m007_article_language(db: sqlite_utils.Database) -> None:
    """Every article has a language: the one its file states, else read from its script.

    Imports now store the detected language (`library.language.detect`) when the
    file states none; rows imported before are read once here, one body at a time.
    """
    from library.language import SAMPLE_CHARS, detect

    # Only the sample `detect` reads: a large library's bodies are not copied whole.
    rows = db.execute(
        "SELECT id, substr(body, 1, ?) FROM articles WHERE language IS NULL OR language = ''",
        [SAMPLE_CHARS],
    )
    found = [(detect(body), id_) for id_, body in rows]
    db.conn.executemany("UPDATE articles SET language = ? WHERE id = ?", found)


@migrations()
def m008_aliases(db: sqlite_utils.Database) -> None:
    """Aliases the user taught ("Ministry of State Security = National Security Department").

    Numbered m008: m007 is the article-language step.  Migrations are applied
    by name, so this one runs whether or not m007 is there yet.
    """
    from library.store import aliases

    aliases.create_table(db)


@migrations()
def m009_lighter_search_index(db: sqlite_utils.Database) -> None:
    """Make each imported file cheaper to write: a contentless search index, one index fewer.

    The FTS5 index no longer keeps its own copy of every folded title and body
    (they are re-derived from the row when it is deleted; see
    `library.search_index`), and `idx_articles_superseded_by` goes: the
    covering `articles_listing` index starts with that column and answers the
    same lookups.  Every stored article is indexed again.
    """
    build_search_index(db, "articles", ("title", "body"), contentless=True)
    db.execute("DROP INDEX IF EXISTS idx_articles_superseded_by")


@migrations()
def m010_word_frequency_mark(db: sqlite_utils.Database) -> None:
    """Make each imported file cheaper to write: no queue row, no id counter per file.

    The word-frequency queue becomes a mark (`meta[word_df_counted_through]`):
    every current article above it is queued, so an import writes no queue
    row; the queued rows of the old table are counted in here, and the table
    goes (see `library.store.word_frequencies`).  The highest id given is now
    recorded when an article is removed; the value stored so far stays valid.
    """
    from library.store import word_frequencies

    word_frequencies.adopt_queue_table(db.conn)
