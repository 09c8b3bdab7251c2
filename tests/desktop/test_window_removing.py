"""Removing the article being read: no view keeps showing it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.library.dialogs import ConfirmRemove
from desktop.library.model import ARTICLE_ROLE
from desktop.library.preview import EMPTY_TEXT
from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window, wait_listed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def yes_to_remove(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user answers Remove to the question."""
    monkeypatch.setattr(ConfirmRemove, "ask", classmethod(lambda cls, parent, arts: True))


def test_the_preview_and_coverage_let_go_of_a_removed_article(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConfirmRemove, "ask", classmethod(lambda cls, parent, arts: True))
    view = window.library_view
    view.table.selectRow(0)
    (removed,) = view.selected_ids()
    assert view.preview.article is not None and view.preview.article.id == removed
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Delete)
    wait_listed(qtbot, view)
    assert window.collection.library.count() == 1
    shown = view.preview.article
    assert shown is None or shown.id != removed, "the preview still shows the removed article"
    assert window.coverage.article_id != removed


# Three invented reports, imported as one folder: a row between two others.
THREE = {
    f"{name}.txt": f"{title}\n\nThe council of {place} met on Monday and voted {votes} to 4.\n"
    for name, title, place, votes in (
        ("one", "Ferry fares rise in Oskarby", "Oskarby", 7),
        ("two", "Library hours cut in Tessavel", "Tessavel", 9),
        ("three", "New bridge opens at Marrowick", "Marrowick", 11),
    )
}


@pytest.fixture
def three(
    qtbot: QtBot, collection_of: Callable[[dict[str, str]], Collection]
) -> Iterator[MainWindow]:
    win = open_window(qtbot, collection_of(THREE))
    yield win
    win.close()


def _remove_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.library_view
    view.table.selectRow(row)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Delete)
    wait_listed(qtbot, view)


def _id_at(window: MainWindow, row: int) -> int:
    return int(window.library_view.model.index(row, 0).data(ARTICLE_ROLE).id)


@pytest.mark.usefixtures("yes_to_remove")
def test_removing_a_row_selects_the_one_that_takes_its_place(
    qtbot: QtBot, three: MainWindow
) -> None:
    view = three.library_view
    below = _id_at(three, 2)
    _remove_row(qtbot, three, 1)
    assert view.selected_ids() == [below]
    assert view.preview.article is not None and view.preview.article.id == below
    assert three.coverage.article_id == below
    assert three.act_remove.isEnabled(), "Delete again must remove the next one"


@pytest.mark.usefixtures("yes_to_remove")
def test_removing_the_last_row_selects_the_one_above(qtbot: QtBot, three: MainWindow) -> None:
    view = three.library_view
    above = _id_at(three, 1)
    _remove_row(qtbot, three, 2)
    assert view.selected_ids() == [above]
    assert view.preview.article is not None and view.preview.article.id == above


@pytest.mark.usefixtures("yes_to_remove")
def test_removing_every_article_shows_the_empty_library(qtbot: QtBot, three: MainWindow) -> None:
    view = three.library_view
    view.table.selectAll()
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Delete)
    wait_listed(qtbot, view)
    assert view.model.rowCount() == 0 and view.selected_ids() == []
    assert view.preview.article is None
    assert view.preview.placeholder.isVisible()
    assert view.preview.placeholder.text() == EMPTY_TEXT
    assert not three.act_remove.isEnabled()
