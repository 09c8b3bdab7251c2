"""`LibraryStore`: add, version, list, search and remove articles.

The index can always be rebuilt from the user's files, but it is still
treated with care: each file is stored all or nothing (its own transaction,
or a savepoint in an import's batch), so a refused or failed file never
disturbs what is already stored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from library.article import Article, ArticleId
from library.database import Database, open_database, translate_errors, write_transaction
from library.errors import NotFound
from library.paths import LIBRARY_DB
from library.search_index import FUNCTION as INDEX_FUNCTION
from library.search_index import _index_value as search_index_value
from library.search_index import guarded
from library.search_index import register as register_index_function
from library.store import listing, word_frequencies
from library.store.article_rows import COLUMNS as _COLUMNS
from library.store.article_rows import from_row as _article
from library.store.article_rows import prefixed as _prefixed
from library.store.import_batch import ImportBatch
from library.store.listing import ArticleSummary
from library.store.outcomes import ImportOutcome, SearchHit
from library.store.schema import LIBRARY_UID_KEY, migrations

#: WAL pages between checkpoints during an import (SQLite's default: 1,000).
IMPORT_CHECKPOINT_PAGES = 10_000
#: `meta` key: the highest article id given before the last removal, so removed
#: ids stay unused (written when removing, not at every import: see `_placement`).
_LAST_ID_KEY = "last_article_id"


class LibraryStore:
    """The library database in a data directory.

    Args:
        data_dir: the Parallax data dir; the file is `library.db` inside it.
        read_only: for reading commands: open without writing anything (see
            `open_database`); writes then raise `DatabaseReadOnly`.
    """

    def __init__(self, data_dir: Path, *, read_only: bool = False) -> None:
        self.path = data_dir / LIBRARY_DB
        self.db: Database = open_database(
            self.path, migrations, read_only=read_only, purpose="import or remove articles"
        )
        register_index_function(self.db)  # the search index's triggers call it
        uid = self.get_meta(LIBRARY_UID_KEY)
        if uid is None:  # set by migration m002_library_uid; a hand-edited file may lack it
            import uuid  # here: uuid (with platform) is not on the window's start path

            uid = str(uuid.uuid4())
            if self.db.read_only_reason is None:
                self.set_meta(LIBRARY_UID_KEY, uid)
            # else unstored: no note trusts this library's ids; they wait.
        #: This library file's identity: article ids are meaningful only with it.
        self.uid: str = uid
        # Work done ahead by an import's workers (see `add`).
        self._known_counts: dict[int, word_frequencies.GivenTerms] = {}
        self._index_forms: dict[str, str | None] = {}
        #: The open import's batch (see `importing`); None outside an import.
        self._batch: ImportBatch | None = None

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------

    def add(
        self,
        article: Article,
        *,
        counts: word_frequencies.GivenTerms | None = None,
        index_forms: tuple[str | None, str | None] | None = None,
    ) -> ImportOutcome:
        """Store `article`, as a new source, a new version of its source, or not at all.

        An article whose text is already stored (from any file) is "unchanged".

        Args:
            counts: `word_frequencies.body_terms(article.body)`, when already
                made (by an import's worker process, maybe joined: `join_terms`);
                counted here otherwise.
            index_forms: `search_index.index_form` of the title and body,
                likewise; used by the search index's trigger during `importing`.
        """
        source_key = article.source_path or f"hash:{article.content_hash}"
        # In an import's batch (see `importing`), a new file is one INSERT, all
        # or nothing by itself; a savepoint each made the search index write
        # its pending rows out at every file (0.04 ms).  A new version writes
        # three statements: they share a savepoint, undone together.
        in_batch = self._batch is not None and self._batch.begin()
        with translate_errors(self.path) if in_batch else write_transaction(self.db):
            same_id, current_id, new_id, counted_through = self._placement(
                article.content_hash, source_key
            )
            if same_id is not None:
                return ImportOutcome("unchanged", self.get(same_id))
            current = None if current_id is None else self.get(current_id)
            version = 1 if current is None else current.version + 1
            row = self._row_for(article, source_key, version)
            row["id"] = new_id
            if index_forms is not None:
                self._index_forms = dict(
                    zip((article.title, article.body), index_forms, strict=True)
                )
            alone = self.db.savepoint() if in_batch and current else contextlib.nullcontext()
            with alone:
                try:
                    # Plain SQL: sqlite-utils' insert re-reads the table's schema
                    # on every call, a third of a large import's time.
                    self.db.execute(_insert_sql(tuple(row)), list(row.values()))
                finally:
                    self._index_forms = {}
                # Nothing else is written per file: the new row is its own entry
                # in the word-frequency queue (see `word_frequencies`), and the
                # highest id is recorded when an article is removed (`remove`).
                if current is not None:
                    self.db.execute(
                        "UPDATE articles SET superseded_by = ? WHERE id = ?", [new_id, current.id]
                    )
                    assert current.id is not None
                    word_frequencies.on_retired(self.db.conn, current.id, current.body)
        if counts is not None:
            self._known_counts[new_id] = counts  # committed: queued until folded
        if new_id - counted_through >= word_frequencies.FOLD_EVERY:
            # Ids given since the last fold: an upper bound of the queue (a
            # superseded or removed one left it), read with the new id.
            self.fold_word_counts()
        # As `get(new_id)` would read it back, without reading the body back.
        stored = _stored_copy(
            article,
            id=new_id,
            version=version,
            imported_at=row["imported_at"],
            language=row["language"],  # detected in _row_for when the file states none
            extra={"encoding": row["encoding"]} if row["encoding"] else {},
            word_count=row["word_count"],  # counted once, in _row_for (a cached property)
        )
        if current is None:
            return ImportOutcome("added", stored)
        return ImportOutcome("new_version", stored, previous_id=current.id)

    def remove(self, article_id: int) -> Article:
        """Remove an article and all its versions; returns the current version removed."""
        article = self.get(article_id)
        source_key = self._source_key(article_id)
        current = self.current(article_id)
        with write_transaction(self.db):
            # Its id (if the highest) must never be given again: `_placement`
            # reads the highest stored id, and this mark once it is gone.
            self._record_last_id()
            self.db.execute("DELETE FROM articles WHERE source_key = ?", [source_key])
            assert current.id is not None
            word_frequencies.on_retired(self.db.conn, current.id, current.body)
        return article

    @contextlib.contextmanager
    def importing(self) -> Iterator[ImportBatch]:
        """A run of imports: files committed in batches, the WAL copied back less often.

        Each `add` inside writes in the yielded `ImportBatch`'s transaction
        (undone alone if it fails: see `add`); the caller commits it between
        files when `due` (at most `import_batch.MAX_FILES` files or
        `MAX_SECONDS`), and leaving the block commits what is left (an error
        leaving it rolls the open batch back: the caller commits what it
        wants kept first).  Checkpoints (copying the WAL into the database
        file, with an fsync) are rarer too, then one runs at the end.

        Why WAL with `synchronous = NORMAL` (set on open) keeps an import safe:
        a commit appends its batch to the WAL without an fsync.  If Parallax
        is killed, every committed batch is there (the OS has the WAL) and
        the open one is lost, whole: at most one batch of files, which were
        not yet reported as imported.  On a power cut the batches since the
        last checkpoint may be lost too, whole, never half-written, and the
        database is never corrupt: each batch is all or nothing, and
        importing the folder again adds what is missing.  The library can
        always be rebuilt from the user's files; the notes, which cannot,
        use FULL.  Rarer checkpoints make that window larger (at most
        `IMPORT_CHECKPOINT_PAGES` pages), not the risk different.
        """
        batch = ImportBatch(self.db, on_undo=self._forget_known_counts)
        if self.db.read_only_reason is not None:
            yield batch
            return
        conn = self.db.conn
        with translate_errors(self.path):
            (before,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
            conn.execute(f"PRAGMA wal_autocheckpoint = {IMPORT_CHECKPOINT_PAGES}")
        # The search index's triggers take the folded text `add` was given
        # (made by a worker process) instead of folding it again here.
        conn.create_function(INDEX_FUNCTION, 1, guarded(self._index_value), deterministic=True)
        self._batch = batch
        try:
            yield batch
            batch.commit()
        except BaseException:
            batch.rollback()
            raise
        finally:
            self._batch = None
            register_index_function(self.db)
            self._index_forms = {}
            with translate_errors(self.path):
                conn.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")
                # PASSIVE: never waits for a reader (the window), never fails on one.
                # Not inside a caller's transaction (seeding the samples is one):
                # SQLite refuses a checkpoint there; its commit checkpoints later.
                if not conn.in_transaction:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

    def fold_word_counts(self) -> None:
        """Count queued imports into the word frequencies (see `word_frequencies`)."""
        with write_transaction(self.db):
            word_frequencies.fold(self.db.conn, known=self._known_counts)
        self._known_counts = {}

    def _forget_known_counts(self) -> None:
        # A batch was undone: its ids will be given again, to other texts.
        self._known_counts = {}

    def _index_value(self, value: object) -> str | None:
        if isinstance(value, str):
            if value.isascii():
                # Its own index form (see `import_pipeline.index_form`): no scan.
                return value
            folded = self._index_forms.get(value)
            if folded is not None:
                return folded
        return search_index_value(value)

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with write_transaction(self.db):
            self.db.table("meta").upsert({"key": key, "value": value}, pk="key")

    # -- reading -------------------------------------------------------------

    def get(self, article_id: int) -> Article:
        """Any version by id.

        Raises:
            NotFound: no article has that id.
        """
        article = self._fetch_one("WHERE id = ?", [article_id])
        if article is None:
            raise NotFound(f"No article with id {article_id} in the library.")
        return article

    def current(self, article_id: int) -> Article:
        """The newest version of the source that `article_id` (any version) belongs to."""
        key = self._source_key(article_id)
        article = self._fetch_one("WHERE source_key = ? AND superseded_by IS NULL", [key])
        assert article is not None, "every source has a current version"
        return article

    def find(self, content_hash: str | None, source_path: str | None) -> Article | None:
        """The current version of the article with this text, else of this source file.

        Text first: an article whose exact text is stored is that article,
        whatever file it came from; a source path alone finds the newest
        version of that file, whose text may have changed.
        """
        if content_hash:
            same = self._fetch_one(
                "WHERE content_hash = ? ORDER BY superseded_by IS NOT NULL, id LIMIT 1",
                [content_hash],
            )
            if same is not None and same.id is not None:
                return self.current(same.id)
        if source_path:
            return self._fetch_one("WHERE source_key = ? AND superseded_by IS NULL", [source_path])
        return None

    def exists(self, article_id: int) -> bool:
        """Whether any version has this id (False once removed)."""
        with translate_errors(self.path):
            row = self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def titles(self, article_ids: Iterable[int]) -> dict[int, str]:
        """Titles of these ids (any version), no body read; unknown ids are left out."""
        wanted = sorted(set(article_ids))
        found: dict[int, str] = {}
        with translate_errors(self.path):
            for start in range(0, len(wanted), 500):  # under SQLite's variable limit
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT id, title FROM articles WHERE id IN ({marks})", chunk
                ).fetchall()
                found.update((int(i), str(t)) for i, t in rows)
        return found

    def versions(self, article_id: int) -> list[Article]:
        """All versions of this article's source, oldest first."""
        key = self._source_key(article_id)
        return list(self._fetch("WHERE source_key = ? ORDER BY version", [key]))

    def articles(self) -> list[Article]:
        """Current versions of every article, most recently imported first, with bodies.

        Reads every body: a listing wants `page` instead.
        """
        return list(
            self._fetch("WHERE superseded_by IS NULL ORDER BY imported_at DESC, id DESC", [])
        )

    def page(
        self,
        offset: int = 0,
        limit: int | None = None,
        order_by: str = "imported_at",
        descending: bool = True,
        filter_query: str | None = None,
    ) -> list[ArticleSummary]:
        """One page of current articles' metadata, sorted and filtered in SQL; no body is read.

        Args:
            offset, limit: the rows wanted (limit None: all from `offset`).
            order_by: a key of `listing.SORT_COLUMNS` ("title", "published"…);
                ties fall to the id, in the same direction.
            filter_query: what the user typed in a filter box (parsed as by
                `search`); None or blank keeps every article.

        Raises:
            InvalidQuery: `filter_query` has no word to search for.
            ValueError: `order_by` is not a sortable column.
        """
        sql, params = listing.page_sql(offset, limit, order_by, descending, filter_query)
        with translate_errors(self.path):
            rows = self.db.execute(sql, params).fetchall()
        return [listing.summary_from_row(row) for row in rows]

    def count(self, filter_query: str | None = None) -> int:
        """Current articles, or those matching `filter_query` (as `page` filters them)."""
        sql, params = listing.count_sql(filter_query)
        with translate_errors(self.path):
            row = self.db.execute(sql, params).fetchone()
        return int(row[0])

    def search(
        self, text: str, *, limit: int = 50, marks: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Full-text search over titles and bodies of current versions, best first.

        Args:
            text: what the user typed; parsed safely (see `library.fts_query`).
            marks: strings placed around each matched word in the snippet.

        Raises:
            InvalidQuery: `text` has no word to search for.
        """
        # Imported here: the search's modules are not on the window's start path.
        from library.fts_query import fold_query, parse_query
        from library.search_snippet import Highlighter, excerpt

        query = fold_query(parse_query(text))
        # Ranked in SQL; snippets from the original text (the index holds the
        # folded, spaced-out form; see library.search_index).
        sql = f"""
            SELECT {_prefixed("a.")}, bm25(articles_fts, 5.0, 1.0) AS rank
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH ? AND a.superseded_by IS NULL
            ORDER BY rank, a.id LIMIT ?
        """
        with translate_errors(self.path):
            rows = self.db.execute(sql, [query.fts, limit]).fetchall()
        highlighter = Highlighter(query.fts)
        hits = []
        for row in rows:
            article = _article(row[:-1])
            snippet = excerpt(article.body, highlighter, marks)
            hits.append(SearchHit(article, snippet, float(row[-1])))
        return hits

    # -- helpers -------------------------------------------------------------

    def _placement(
        self, content_hash: str, source_key: str
    ) -> tuple[ArticleId | None, ArticleId | None, ArticleId, int]:
        """Where a new text goes, in one statement (each file's every lookup).

        Returns:
            (the current article with this text, if any; the current version
            of this source, if any; the id for a new article; the
            word-frequency mark).  Ids only: a new file (nearly every one)
            needs no row read.

        Never reuse the id of a removed article: notes still name it, and
        SQLite's default rowid would hand it to the next import.  Every id
        given is either still stored (the highest is read here) or was
        recorded in meta by the `remove` that deleted it.
        """
        same, current, highest, last, mark = self.db.execute(
            "SELECT (SELECT id FROM articles WHERE content_hash = ? AND superseded_by IS NULL "
            "ORDER BY id LIMIT 1), "
            "(SELECT id FROM articles WHERE source_key = ? AND superseded_by IS NULL), "
            "(SELECT max(id) FROM articles), "
            "(SELECT value FROM meta WHERE key = ?), (SELECT value FROM meta WHERE key = ?)",
            [content_hash, source_key, _LAST_ID_KEY, word_frequencies.COUNTED_KEY],
        ).fetchone()
        new_id = ArticleId(max(int(highest or 0), int(last or 0)) + 1)
        return _optional_id(same), _optional_id(current), new_id, int(mark or 0)

    def _record_last_id(self) -> None:
        highest = self.db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        last = max(int(highest), int(self.get_meta(_LAST_ID_KEY) or 0))
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [_LAST_ID_KEY, str(last)],
        )

    def _source_key(self, article_id: int) -> str:
        row = self.db.execute(
            "SELECT source_key FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"No article with id {article_id} in the library.")
        return str(row[0])

    def _fetch(self, where: str, params: list[Any]) -> Iterator[Article]:
        with translate_errors(self.path):
            cursor = self.db.execute(f"SELECT {_COLUMNS} FROM articles {where}", params)
            rows = cursor.fetchall()
        for row in rows:
            yield _article(row)

    def _fetch_one(self, where: str, params: list[Any]) -> Article | None:
        return next(self._fetch(where, params), None)

    @staticmethod
    def _row_for(article: Article, source_key: str, version: int) -> dict[str, Any]:
        language = article.language
        if not language:  # an import's reading stage detected it already
            from library.language import detect as detect_language  # imports only

            language = detect_language(article.body)
        return {
            "source_key": source_key,
            "version": version,
            "title": article.title,
            "outlet": article.outlet,
            "author": article.author,
            "published": article.published,
            "url": article.url,
            # Detected when the file does not state it (library.language).
            "language": language,
            "body": article.body,
            "source_path": article.source_path,
            "content_hash": article.content_hash,
            "imported_at": _imported_at(),
            "word_count": article.word_count,
            "encoding": article.extra.get("encoding"),
        }


def _stored_copy(article: Article, **changes: Any) -> Article:
    """`dataclasses.replace(article, **changes)`, without running `__init__` again.

    Same fields, content hash (same body) and cached properties (`word_count`,
    which `changes` may set): 2 µs where `replace` took 24, on the writer's path.
    """
    stored: Article = object.__new__(Article)
    stored.__dict__.update(vars(article), **changes)
    return stored


def _imported_at() -> str:
    """Now, in UTC, to the second (as `datetime.now(UTC).isoformat(timespec="seconds")`)."""
    return _second_text(int(time.time()))


@functools.lru_cache(maxsize=1)
def _second_text(second: int) -> str:
    # Made once per second: a large import stores a few hundred files in one.
    return dt.datetime.fromtimestamp(second, dt.UTC).isoformat(timespec="seconds")


def _optional_id(value: object) -> ArticleId | None:
    return None if value is None else ArticleId(int(str(value)))


@functools.cache
def _insert_sql(names: tuple[str, ...]) -> str:
    return f"INSERT INTO articles ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
