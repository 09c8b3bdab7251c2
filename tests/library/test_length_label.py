"""The length shown beside an article: one word is "1 word", not "1 words"."""

from __future__ import annotations

from library.article import Article, length_label
from library.store.listing import ArticleSummary


def test_one_is_singular_in_both_units() -> None:
    assert length_label(1, counts_characters=False) == "1 word"
    assert length_label(1, counts_characters=True) == "1 char"
    assert length_label(0, counts_characters=False) == "0 words"
    assert length_label(1234, counts_characters=True) == "1,234 chars"


def test_an_article_and_its_listing_row_say_the_same() -> None:
    article = Article(title="Brief", body="Hello")
    row = ArticleSummary(id=1, title="Brief", word_count=1)
    assert article.length_label == row.length_label == "1 word"
