"""A collection for the notes panel's tests: articles with known ids, notes on them."""

from __future__ import annotations

from pathlib import Path

from library.article import Article
from library.collection import Collection


def collection_with(data_dir: Path, articles: dict[int, Article]) -> Collection:
    """A collection (no samples) whose library holds `articles` under those ids.

    Ids not given get a filler article, since the library numbers articles
    in the order they are added.
    """
    collection = Collection(data_dir, seed=False)
    for article_id in range(1, max(articles, default=0) + 1):
        article = articles.get(article_id) or Article(
            title=f"Filler {article_id}", body=f"Filler article number {article_id}."
        )
        stored = collection.library.add(Article(title=article.title, body=article.body))
        assert stored.article is not None and stored.article.id == article_id
    return collection
