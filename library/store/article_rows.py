"""Rows of the `articles` table read back as `Article`s: the columns, in order, and the record."""

from __future__ import annotations

import sqlite3
from typing import Any

from library.article import Article, ArticleId

COLUMNS = (
    "id, source_key, version, title, outlet, author, published, url, language, body, "
    "source_path, content_hash, imported_at, encoding, word_count"
)


def prefixed(prefix: str) -> str:
    """The columns, each with `prefix` ("a.") for a join."""
    return ", ".join(prefix + column.strip() for column in COLUMNS.split(","))


def from_row(row: sqlite3.Row | tuple[Any, ...]) -> Article:
    """The `Article` of a row selected as `COLUMNS`."""
    (id_, _key, version, title, outlet, author, published, url, language, body,
     source_path, content_hash, imported_at, encoding, word_count) = row  # fmt: skip
    article = Article(
        id=ArticleId(id_),
        version=version,
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        url=url,
        language=language,
        body=body,
        source_path=source_path,
        content_hash=content_hash,
        imported_at=imported_at,
        extra={"encoding": encoding} if encoding else {},
    )
    if word_count is not None:
        # Stored at import: recounting every body made `parallax list` (and
        # the window's table) spend seconds on a large library.
        article.__dict__["word_count"] = word_count
    return article
