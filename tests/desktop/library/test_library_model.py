"""The library table model: pages of metadata, sorted and filtered in SQL, newest query wins."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.library import model as model_module
from desktop.library.model import ARTICLE_ROLE, ID_ROLE, SORT_ROLE, Column, LibraryModel
from library.article import Article
from library.collection import Collection
from library.store import ArticleSummary


class Deferred:
    """A runner that keeps the jobs until the test runs them, in any order."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Any, Any]] = []

    def __call__(self, job: Callable[[], Any], on_done: Any = None, on_error: Any = None) -> None:
        self.jobs.append((job, on_done, on_error))

    def finish(self, i: int = 0) -> None:
        job, on_done, _ = self.jobs.pop(i)
        on_done(job())


def _article(n: int, title: str, outlet: str | None, words: int, published: str | None) -> Article:
    body = " ".join(["word"] * (words - 1) + [f"topic{n % 2}"])
    return Article(
        title=title, body=body, outlet=outlet, published=published, source_path=f"/n/{n}.txt"
    )


@pytest.fixture
def collection(data_dir: Path) -> Iterator[Collection]:
    collection = Collection(data_dir, seed=False)
    for n, args in enumerate(
        [
            ("Zebra crossing vote", "Daily", 30, "2024-03-05"),
            ("apple harvest", None, 1200, None),
            ("Mid-term report", "Weekly", 5, "2023-12-31"),
        ],
        start=1,
    ):
        collection.library.add(_article(n, *args))
    yield collection
    collection.close()


def _titles(model: LibraryModel) -> list[str]:
    return [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_tester_through_reload_sort_and_filter(
    qtmodeltester: Any, collection: Collection
) -> None:
    model = LibraryModel(collection)
    qtmodeltester.check(model)  # empty, before the first query
    model.reload()
    assert model.rowCount() == 3
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    model.set_filter("topic1")
    assert model.rowCount() == 2
    model.set_filter(None)
    qtmodeltester.check(model)


def test_paged_model_passes_qt_model_tester_while_fetching(
    qtmodeltester: Any, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(model_module, "PAGE_SIZE", 1)
    model = LibraryModel(collection)
    model.reload()
    assert model.rowCount() == 1 and model.total == 3 and model.canFetchMore()
    qtmodeltester.check(model)  # fetches the rest as a view would
    assert model.rowCount() == 3 and not model.canFetchMore()


def test_display_and_roles(collection: Collection) -> None:
    model = LibraryModel(collection)
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    model.reload()
    assert model.columnCount() == 5
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Title", "Outlet", "Date", "Words", "Imported"]
    index = model.index(0, Column.WORDS)  # "apple harvest"
    assert index.data() == "1,200"
    assert index.data(SORT_ROLE) == 1200
    assert model.index(0, Column.OUTLET).data() == ""  # never invented
    assert model.index(2, Column.DATE).data() == "2024-03-05"
    summary = model.index(2, Column.TITLE).data(ARTICLE_ROLE)
    assert isinstance(summary, ArticleSummary) and summary.title == "Zebra crossing vote"
    assert model.index(2, Column.TITLE).data(ID_ROLE) == summary.id
    assert model.row_of(summary.id) == 2


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (Column.TITLE, ["apple harvest", "Mid-term report", "Zebra crossing vote"]),
        (Column.WORDS, ["Mid-term report", "Zebra crossing vote", "apple harvest"]),
        (Column.DATE, ["apple harvest", "Mid-term report", "Zebra crossing vote"]),
    ],
)
def test_sorts_by_value_not_text_in_sql(
    collection: Collection, column: Column, expected: list[str]
) -> None:
    model = LibraryModel(collection)
    model.reload()
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert _titles(model) == expected
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert _titles(model) == expected[::-1]


def test_filter_keeps_sort_order_and_counts(collection: Collection) -> None:
    model = LibraryModel(collection)
    model.sort(Column.WORDS, Qt.SortOrder.DescendingOrder)
    model.set_filter("topic1")
    assert _titles(model) == ["Zebra crossing vote", "Mid-term report"]
    assert (model.total, model.library_total) == (2, 3)
    model.set_filter(None)
    assert model.rowCount() == 3 == model.total


def test_selection_follows_its_article_through_a_sort(qapp: Any, collection: Collection) -> None:
    model = LibraryModel(collection)
    model.reload()
    selection = QItemSelectionModel(model)
    apple = next(r for r in range(3) if model.index(r, 0).data() == "apple harvest")
    selection.select(
        model.index(apple, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    for column in Column:
        model.sort(column, Qt.SortOrder.AscendingOrder)
        assert [i.data() for i in selection.selectedRows()] == ["apple harvest"]
    model.set_filter("topic0")  # apple's article is number 2: it stays
    assert [i.data() for i in selection.selectedRows()] == ["apple harvest"]
    model.set_filter("topic1")  # filtered out: no longer selected
    assert selection.selectedRows() == []


def test_newest_query_wins_and_superseded_ones_never_run(collection: Collection) -> None:
    runner = Deferred()
    model = LibraryModel(collection, runner)
    model.set_filter("topic1")  # an older keystroke…
    model.set_filter("topic0")  # …and the newest
    calls: list[str] = []
    collection_page = collection.page

    def spy(*args: Any, **kwargs: Any) -> list[ArticleSummary]:
        calls.append(kwargs["filter_query"])
        return collection_page(*args, **kwargs)

    collection.page = spy  # type: ignore[method-assign]
    runner.finish(1)  # the newest result arrives first
    assert _titles(model) == ["apple harvest"]
    runner.finish(0)  # the older one arrives late: dropped, and never queried
    assert _titles(model) == ["apple harvest"]
    assert calls == ["topic0"]


def test_a_page_for_an_older_query_is_dropped(
    collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(model_module, "PAGE_SIZE", 1)
    runner = Deferred()
    model = LibraryModel(collection, runner)
    model.reload()
    runner.finish()
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time
    model.set_filter("topic1")
    runner.finish(0)  # the page of the unfiltered listing: stale
    assert model.rowCount() == 1
    runner.finish(0)
    assert model.total == 2 and model.rowCount() == 1 and model.canFetchMore()


def test_reload_fetches_far_enough_to_show_an_article(
    collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(model_module, "PAGE_SIZE", 1)
    model = LibraryModel(collection)
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    last = collection.page(order_by="title", descending=True)[0]
    model.reload(find_ids=[last.id])
    assert model.row_of(last.id) == 2 and model.rowCount() == 3


def test_words_column_says_chars_for_a_chinese_article(data_dir: Path) -> None:
    collection = Collection(data_dir, seed=False)
    try:
        collection.library.add(
            Article(title="国家安全部", body="【本报讯】国家安全部周三表示。", outlet="人民日报")
        )
        model = LibraryModel(collection)
        model.reload()
        zh = collection.library.get(1)
        assert model.index(0, Column.WORDS).data() == f"{zh.word_count:,} chars"
        assert model.index(0, Column.WORDS).data(SORT_ROLE) == zh.word_count
        assert model.index(0, Column.OUTLET).data() == "人民日报"  # rendered in full
    finally:
        collection.close()


def test_a_superseded_reload_hands_on_what_it_was_asked_to_do(
    collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At start-up the window asks for the rows and then restores the user's
    # sort: the first row must still be selected once rows land.
    monkeypatch.setattr(model_module, "PAGE_SIZE", 1)
    runner = Deferred()
    model = LibraryModel(collection, runner)
    oldest = collection.page(order_by="imported_at", descending=False)[0]
    called: list[str] = []
    model.reload(find_ids=[oldest.id], then=lambda: called.append("first"))
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    runner.finish(0)  # superseded: nothing happens
    assert called == [] and model.loading
    runner.finish(0)
    assert called == ["first"] and not model.loading
    assert model.row_of(oldest.id) is not None  # fetched far enough, in the new order
    assert model.query.order_by == "title"
