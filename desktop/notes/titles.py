"""`TitleCache`: article titles for note rows, without holding up the panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from library.article import Article
from library.errors import ParallaxError

if TYPE_CHECKING:
    from library.collection import Collection


class TitleCache:
    """Article id → title, from articles the panel was shown, then the library.

    Args:
        collection: the open collection (`Collection.titles` reads no body).
    """

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self._titles: dict[int, str] = {}

    def remember(self, *articles: Article | None) -> None:
        """Note the titles of articles the panel has in hand."""
        for article in articles:
            if article is not None and article.id is not None:
                self._titles[article.id] = article.title

    def get(self, article_id: int) -> str | None:
        """The title, or None if the article is unknown (e.g. removed from the library)."""
        if article_id not in self._titles:
            try:
                found = self.collection.titles([article_id])
            except ParallaxError:
                return None
            if article_id not in found:
                return None
            self._titles[article_id] = found[article_id]
        return self._titles[article_id]
