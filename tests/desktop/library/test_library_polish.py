"""Library polish: an empty search says so in the table, Imported has a time,
the short columns fit their content, and a stated date fills the Date column."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop.library.model import Column
from desktop.library.view import LibraryView
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ARTICLES = {
    "harbour.md": "---\ntitle: Harbour strike ends\noutlet: The Coast Post and Evening Herald\n"
    "---\nDock workers voted to end the strike on Monday.\n",
    "dated.txt": "Budget passes narrowly\n\nPublished: 9 November 2025\n\nThe council voted.\n",
}


@pytest.fixture
def collection(collection_of: Callable[[dict[str, str]], Collection]) -> Collection:
    return collection_of(ARTICLES)


@pytest.fixture
def view(qtbot: QtBot, collection: Collection) -> LibraryView:
    widget = LibraryView(collection)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.refresh()
    return widget


def cell(view: LibraryView, title: str, column: Column) -> str:
    proxy = view.model
    for row in range(proxy.rowCount()):
        if proxy.index(row, Column.TITLE).data() == title:
            return str(proxy.index(row, column).data())
    raise AssertionError(title)


def test_a_search_with_no_hits_says_so_in_the_table(qtbot: QtBot, view: LibraryView) -> None:
    state = view.empty_state
    assert not state.isVisible()
    view.filter_edit.setText("<b>zeppelin</b>")
    view.apply_filter()
    assert view.model.rowCount() == 0
    assert state.isVisible()
    assert state.label.text() == "No articles match “<b>zeppelin</b>”."  # plain text
    assert state.geometry() == view.table.viewport().rect()
    state.button.click()
    assert view.filter_edit.text() == "" and view.model.rowCount() == 2
    assert not state.isVisible()


def test_a_search_with_hits_shows_no_empty_state(view: LibraryView) -> None:
    view.filter_edit.setText("harbour")
    view.apply_filter()
    assert view.model.rowCount() == 1 and not view.empty_state.isVisible()


def test_imported_shows_the_time(view: LibraryView) -> None:
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d", cell(view, "Harbour strike ends", Column.IMPORTED)
    )


def test_a_stated_date_fills_the_date_column(view: LibraryView) -> None:
    assert cell(view, "Budget passes narrowly", Column.DATE) == "2025-11-09"
    assert cell(view, "Harbour strike ends", Column.DATE) == ""


def test_short_columns_fit_their_content(view: LibraryView) -> None:
    header = view.table.horizontalHeader()
    for column in (Column.DATE, Column.IMPORTED, Column.WORDS):
        header.resizeSection(column, 20)  # e.g. widths saved with a smaller font
    view.fit_columns()
    for column in (Column.DATE, Column.IMPORTED, Column.WORDS):
        assert header.sectionSize(column) >= view.table.sizeHintForColumn(column), column
