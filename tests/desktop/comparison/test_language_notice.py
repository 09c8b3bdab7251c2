"""The comparison view says plainly when the two articles are in different languages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from library.article import Article
from library.compare import compare_articles
from tests.desktop.comparison.test_comparison_support import make_view

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# Written for this test: a Chinese report and our English translation of it.
ZH = Article(title="会见", body="国家安全部部长李林一在北京会见了来访的代表团。")
EN = Article(
    title="Meeting",
    body="Minister of State Security Li Linyi met a visiting delegation in Beijing.",
)


def test_a_chinese_english_pair_gets_a_one_line_notice(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_comparison(ZH, EN, compare_articles(ZH, EN))
    notice = view.language_notice
    assert notice.isVisible()
    assert notice.text().startswith("A is Chinese, B is English")
    assert "no word-by-word diff" in notice.text()
    view.show_comparison(EN, EN, compare_articles(EN, EN))
    assert not notice.isVisible()
