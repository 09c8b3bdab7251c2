"""`TitleCache`: article titles for note rows, without holding up the panel."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from library.article import Article
from library.errors import NotFound, ParallaxError
from library.paths import LIBRARY_DB
from library.store import LibraryStore


class TitleCache:
    """Article id → title, from articles the panel was shown, then the library.

    Args:
        data_dir: the Parallax data dir (for `library.db` when no store is given).
        library: the open library store, if the caller has one.
    """

    def __init__(self, data_dir: Path, library: LibraryStore | None = None) -> None:
        self.data_dir = data_dir
        self.library = library
        self._titles: dict[int, str] = {}

    def remember(self, *articles: Article | None) -> None:
        """Note the titles of articles the panel has in hand."""
        for article in articles:
            if article is not None and article.id is not None:
                self._titles[article.id] = article.title

    def get(self, article_id: int) -> str | None:
        """The title, or None if the article is unknown (e.g. removed from the library)."""
        if article_id not in self._titles:
            title = self._lookup(article_id)
            if title is None:
                return None
            self._titles[article_id] = title
        return self._titles[article_id]

    def _lookup(self, article_id: int) -> str | None:
        if self.library is not None:
            try:
                return self.library.get(article_id).title
            except (NotFound, ParallaxError):
                return None
        # Not given the library: read the title straight from library.db,
        # read-only, so search hits in other articles still say where they are.
        path = self.data_dir / LIBRARY_DB
        if not path.exists():
            return None
        try:
            with contextlib.closing(
                sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            ) as conn:
                found = conn.execute(
                    "SELECT title FROM articles WHERE id = ?", [article_id]
                ).fetchone()
        except sqlite3.Error:
            return None
        return None if found is None else str(found[0])
