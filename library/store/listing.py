"""Listing the library a page at a time, sorted and filtered in SQL, without bodies.

A 50,000-article library holds hundreds of megabytes of text; a table of its
titles needs none of it.  `page` and `count` read only the columns of the
`articles_listing` covering index (migration `m003_listing_index`), so SQLite
answers them without touching a body, and a filter is one FTS5 query with a
LIMIT plus a separate count, never a row-by-row scan in Python.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from library.article import Article, ArticleId, length_label
from library.chinese import is_chinese
from library.database import open_for_reading, translate_errors

#: Columns a page can be sorted by, with the SQL that sorts them.  Text sorts
#: ignore case, as a user reading a table expects; ties always fall to the id.
SORT_COLUMNS: dict[str, str] = {
    "id": "a.id",
    "title": "a.title COLLATE NOCASE",
    "outlet": "a.outlet COLLATE NOCASE",
    "author": "a.author COLLATE NOCASE",
    "published": "a.published",
    "imported_at": "a.imported_at",
    "word_count": "a.word_count",
}

SUMMARY_COLUMNS = (
    "a.id, a.version, a.title, a.outlet, a.author, a.published, a.url, a.language, "
    "a.source_path, a.content_hash, a.imported_at, a.encoding, a.word_count"
)


@dataclass(frozen=True)
class ArticleSummary:
    """An article's metadata without its body: one row of a listing or an import report.

    The fields are `Article`'s, less `body`; `word_count` is the count stored
    at import.
    """

    id: ArticleId
    title: str
    version: int = 1
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    source_path: str | None = None
    content_hash: str = ""
    imported_at: str | None = None
    word_count: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: `Article.to_dict()`'s keys, in its order, without "body"."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "url": self.url,
            "language": self.language,
            "source_path": self.source_path,
            "content_hash": self.content_hash,
            "imported_at": self.imported_at,
            "id": self.id,
            "version": self.version,
            "extra": dict(self.extra),
            "word_count": self.word_count,
            "word_count_unit": "chars" if self.counts_characters else "words",
        }

    @property
    def counts_characters(self) -> bool:
        """True for a Chinese article (its `word_count` is in characters).

        Without the body (never read for a listing), the stated language
        decides, else the title's script.
        """
        if self.language:
            return self.language.lower().startswith("zh")
        return is_chinese(self.title)

    @property
    def length_label(self) -> str:
        """The length as shown: "812 words", or "1,234 chars" for a Chinese article."""
        return length_label(self.word_count, counts_characters=self.counts_characters)


def summary_from_row(row: sqlite3.Row | tuple[Any, ...]) -> ArticleSummary:
    (id_, version, title, outlet, author, published, url, language, source_path,
     content_hash, imported_at, encoding, word_count) = row  # fmt: skip
    return ArticleSummary(
        id=ArticleId(id_),
        title=title,
        version=version,
        outlet=outlet,
        author=author,
        published=published,
        url=url,
        language=language,
        source_path=source_path,
        content_hash=content_hash,
        imported_at=imported_at,
        word_count=word_count or 0,
        extra={"encoding": encoding} if encoding else {},
    )


def filter_clause(filter_query: str | None) -> tuple[str, list[Any]]:
    """SQL (to AND into a WHERE over `articles a`) keeping the articles that match.

    One FTS5 MATCH on the folded index, as `LibraryStore.search` runs it: a
    Chinese word (in either script) or a symbol is found by the index too, so
    no filter ever scans the bodies.

    Raises:
        InvalidQuery: `filter_query` has no word to search for.
    """
    if filter_query is None or not filter_query.strip():
        return "1", []
    from library.fts_query import fold_query, parse_query  # here: not on the start path

    query = fold_query(parse_query(filter_query))
    return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [query.fts]


def page_sql(
    offset: int,
    limit: int | None,
    order_by: str,
    descending: bool,
    filter_query: str | None,
) -> tuple[str, list[Any]]:
    """The SELECT for `LibraryStore.page` and its parameters."""
    if order_by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {order_by!r}; one of {sorted(SORT_COLUMNS)}")
    direction = "DESC" if descending else "ASC"
    where, params = filter_clause(filter_query)
    sql = (
        f"SELECT {SUMMARY_COLUMNS} FROM articles a "
        f"WHERE a.superseded_by IS NULL AND {where} "
        f"ORDER BY {SORT_COLUMNS[order_by]} {direction}, a.id {direction} "
        "LIMIT ? OFFSET ?"
    )
    return sql, [*params, -1 if limit is None else limit, offset]


def count_sql(filter_query: str | None) -> tuple[str, list[Any]]:
    """The count matching `page_sql`'s rows (current versions passing the filter)."""
    where, params = filter_clause(filter_query)
    sql = f"SELECT count(*) FROM articles a WHERE a.superseded_by IS NULL AND {where}"
    return sql, params


def position_sql(
    article_id: int, order_by: str, descending: bool, filter_query: str | None
) -> tuple[str, list[Any]]:
    """The 0-based row of `article_id` among `page_sql`'s rows (none if it is not among them)."""
    if order_by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {order_by!r}; one of {sorted(SORT_COLUMNS)}")
    direction = "DESC" if descending else "ASC"
    where, params = filter_clause(filter_query)
    sql = (
        "SELECT pos FROM (SELECT a.id, row_number() OVER "
        f"(ORDER BY {SORT_COLUMNS[order_by]} {direction}, a.id {direction}) - 1 AS pos "
        f"FROM articles a WHERE a.superseded_by IS NULL AND {where}) WHERE id = ?"
    )
    return sql, [*params, article_id]


class Listing:
    """The listing queries on a connection of the calling thread's own.

    `Collection` uses it for the window's table, whose queries run on a
    worker thread: SQLite connections belong to the thread that opened them,
    so each call opens a short read-only one (about a millisecond), as
    `LibraryWeights` does.

    Args:
        db_path: the library database (`library.db`).
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path

    def page(
        self,
        offset: int = 0,
        limit: int | None = None,
        *,
        order_by: str = "imported_at",
        descending: bool = True,
        filter_query: str | None = None,
    ) -> list[ArticleSummary]:
        """As `LibraryStore.page`."""
        sql, params = page_sql(offset, limit, order_by, descending, filter_query)
        return [summary_from_row(row) for row in self._rows(sql, params)]

    def count(self, filter_query: str | None = None) -> int:
        """As `LibraryStore.count`."""
        sql, params = count_sql(filter_query)
        rows = self._rows(sql, params)
        return int(rows[0][0]) if rows else 0

    def position(
        self,
        article_id: int,
        *,
        order_by: str = "imported_at",
        descending: bool = True,
        filter_query: str | None = None,
    ) -> int | None:
        """The row `article_id` has in `page(order_by=…, …)`'s listing, or None."""
        sql, params = position_sql(article_id, order_by, descending, filter_query)
        rows = self._rows(sql, params)
        return int(rows[0][0]) if rows else None

    def bodies(self, article_ids: list[int]) -> list[Article]:
        """Id, title and body of `article_ids` (any version), by id: enough to segment and
        encode them (the window's vector warm-up), read on this thread's own connection."""
        if not article_ids:
            return []
        marks = ", ".join("?" * len(article_ids))
        sql = f"SELECT id, title, body FROM articles WHERE id IN ({marks}) ORDER BY id"
        rows = self._rows(sql, list(article_ids))
        return [Article(title=title, body=body, id=ArticleId(id_)) for id_, title, body in rows]

    def _rows(self, sql: str, params: list[Any]) -> list[Any]:
        if not self.db_path.exists():  # an empty library kept in memory: nothing listed
            return []
        # `open_for_reading`, not a plain `mode=ro` connection: that one fails
        # on a read-only mount, where the -shm file of a WAL database cannot be made.
        db = open_for_reading(self.db_path, f"{self.db_path.name} was opened for reading only.")
        try:
            with translate_errors(self.db_path):
                return db.execute(sql, params).fetchall()
        finally:
            db.close()
