"""The library table model and its sort/filter proxy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.library.model import ARTICLE_ROLE, ID_ROLE, SORT_ROLE, Column, LibraryModel
from desktop.library.proxy import LibraryProxy
from library.article import Article, ArticleId
from library.collection import Collection


def _article(n: int, title: str, outlet: str | None, words: int, published: str | None) -> Article:
    return Article(
        id=ArticleId(n),
        title=title,
        body=" ".join(["word"] * words),
        outlet=outlet,
        published=published,
        imported_at=f"2025-01-0{n}T10:00:00+00:00",
    )


@pytest.fixture
def articles() -> list[Article]:
    return [
        _article(1, "Zebra crossing vote", "Daily", 30, "2024-03-05"),
        _article(2, "apple harvest", None, 1200, None),
        _article(3, "Mid-term report", "Weekly", 5, "2023-12-31"),
    ]


def test_model_passes_qt_model_tester(qtmodeltester, articles: list[Article]) -> None:
    model = LibraryModel(articles)
    qtmodeltester.check(model)


def test_empty_model_and_reset_pass_model_tester(qtmodeltester, articles: list[Article]) -> None:
    model = LibraryModel()
    qtmodeltester.check(model)
    model.set_articles(articles)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_proxy_passes_model_tester(qtmodeltester, articles: list[Article]) -> None:
    model = LibraryModel(articles)
    proxy = LibraryProxy()
    proxy.setSourceModel(model)
    proxy.set_allowed_ids({1, 3})
    qtmodeltester.check(proxy)


def test_display_and_roles(articles: list[Article]) -> None:
    model = LibraryModel(articles)
    assert model.columnCount() == 5
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Title", "Outlet", "Date", "Words", "Imported"]
    index = model.index(1, Column.WORDS)
    assert index.data() == "1,200"
    assert index.data(SORT_ROLE) == 1200
    assert model.index(1, Column.OUTLET).data() == ""  # never invented
    assert model.index(0, Column.DATE).data() == "2024-03-05"
    assert model.index(2, Column.TITLE).data(ARTICLE_ROLE) is articles[2]
    assert model.index(2, Column.TITLE).data(ID_ROLE) == 3
    assert model.row_of(2) == 1


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (Column.TITLE, ["apple harvest", "Mid-term report", "Zebra crossing vote"]),
        (Column.WORDS, ["Mid-term report", "Zebra crossing vote", "apple harvest"]),
        (Column.DATE, ["apple harvest", "Mid-term report", "Zebra crossing vote"]),
    ],
)
def test_proxy_sorts_by_value_not_text(
    qapp, articles: list[Article], column: Column, expected: list[str]
) -> None:
    model = LibraryModel(articles)
    proxy = LibraryProxy()
    proxy.setSourceModel(model)
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())]
    assert titles == expected


def test_filter_keeps_sort_order(qapp, articles: list[Article]) -> None:
    model = LibraryModel(articles)
    proxy = LibraryProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.WORDS, Qt.SortOrder.DescendingOrder)
    proxy.set_allowed_ids({1, 2})
    titles = [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())]
    assert titles == ["apple harvest", "Zebra crossing vote"]
    proxy.set_allowed_ids(None)
    assert proxy.rowCount() == 3


def test_model_over_a_real_library(qtmodeltester, data_dir: Path) -> None:
    collection = Collection(data_dir)
    try:
        model = LibraryModel(collection.library.articles())
        assert model.rowCount() == collection.library.count() >= 2
        qtmodeltester.check(model)
    finally:
        collection.close()
