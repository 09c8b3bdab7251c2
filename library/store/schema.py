"""The library database's schema, one migration per step (sqlite-utils `Migrations`)."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("parallax.library")


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
def m002_sentence_embeddings(db: sqlite_utils.Database) -> None:
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
