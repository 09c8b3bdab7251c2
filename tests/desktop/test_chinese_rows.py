"""Chinese articles in the window: lengths in characters, labelled so."""

from __future__ import annotations

from desktop.library.model import SORT_ROLE, Column, LibraryModel
from desktop.library.preview import meta_line
from library.article import Article, ArticleId

CHINESE = "【本报讯】国家安全部周三表示，该部已于2005年完成改组。"


def test_words_column_says_chars_for_a_chinese_article() -> None:
    zh = Article(id=ArticleId(1), title="国家安全部", body=CHINESE, outlet="人民日报")
    en = Article(id=ArticleId(2), title="Ministry", body="The ministry said so.")
    model = LibraryModel([zh, en])
    assert model.index(0, Column.WORDS).data() == f"{zh.word_count:,} chars"
    assert model.index(0, Column.WORDS).data(SORT_ROLE) == zh.word_count  # still sorts by number
    assert model.index(1, Column.WORDS).data() == "4"
    assert model.index(0, Column.OUTLET).data() == "人民日报"  # rendered in full
    assert meta_line(zh).endswith(" chars") and meta_line(en).endswith("4 words")
