"""Chinese articles in the window: lengths in characters, labelled so."""

from __future__ import annotations

from desktop.library.preview import meta_line
from library.article import Article, ArticleId

CHINESE = "【本报讯】国家安全部周三表示，该部已于2005年完成改组。"


def test_meta_line_says_chars_for_a_chinese_article() -> None:
    # The table's column: tests/desktop/library/test_library_model.py.
    zh = Article(id=ArticleId(1), title="国家安全部", body=CHINESE, outlet="人民日报")
    en = Article(id=ArticleId(2), title="Ministry", body="The ministry said so.")
    assert meta_line(zh).endswith(" chars") and meta_line(en).endswith("4 words")
