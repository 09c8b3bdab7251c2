"""A title with no space in it (a pasted URL, a binary file's junk) must not widen the window.

A word-wrapping label cannot break inside a word, so its minimum width is the
longest word's; the window grew past 1,700 px to honour it and the library
table was squeezed to a sliver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.library.model import Column
from desktop.main_window import MainWindow
from desktop.text import ZERO_WIDTH_SPACE, breakable
from library.collection import Collection
from tests.helpers import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SPACELESS = "Q" * 90
SIZE = (1280, 800)


@pytest.fixture
def window(
    qtbot: QtBot, collection_of: Callable[[dict[str, str]], Collection]
) -> Iterator[MainWindow]:
    collection = collection_of(
        {
            "junk.txt": f"{SPACELESS}\n\nA body of a few words.\n",
            "ferry.txt": "Ferry to Lunden resumes\n\nThe ferry sailed at 9 on Monday.\n",
        }
    )
    win = open_window(qtbot, collection)
    win.resize(*SIZE)
    QApplication.processEvents()
    yield win
    win.close()


def _click_row(window: MainWindow, title: str, modifier: Qt.KeyboardModifier) -> None:
    table = window.library_view.table
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, Column.TITLE).data() == title)
    rect = table.visualRect(model.index(row, Column.TITLE))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    if modifier != Qt.KeyboardModifier.NoModifier:
        # QTest leaves the application believing Ctrl is still held: let it go, or
        # the next test's selectRow toggles instead of selecting.
        QTest.keyRelease(table, Qt.Key.Key_Control)
    QApplication.processEvents()


def test_previewing_a_spaceless_title_keeps_the_window_size(window: MainWindow) -> None:
    title = next(
        window.library_view.model.index(r, Column.TITLE).data()
        for r in range(window.library_view.model.rowCount())
        if str(window.library_view.model.index(r, Column.TITLE).data()).startswith("QQQ")
    )
    _click_row(window, title, Qt.KeyboardModifier.NoModifier)
    assert window.library_view.preview.article is not None
    assert window.library_view.preview.article.title == SPACELESS
    assert (window.width(), window.height()) == SIZE
    # The title is all there, wrapped, not cut.
    assert window.library_view.preview.title.text().replace(ZERO_WIDTH_SPACE, "") == SPACELESS

    _click_row(window, "Ferry to Lunden resumes", Qt.KeyboardModifier.ControlModifier)
    assert "Two articles selected" in window.library_view.preview.placeholder.text()
    assert (window.width(), window.height()) == SIZE
    assert window.library_view.table.width() > 300  # the table was squeezed to ~60 px


def test_breakable_leaves_words_and_chinese_alone() -> None:
    assert breakable("Harbour strike ends") == "Harbour strike ends"
    chinese = "港口工人结束罢工" * 6
    assert breakable(chinese) == chinese
    broken = breakable("see " + "x" * 35)
    assert broken.replace(ZERO_WIDTH_SPACE, "") == "see " + "x" * 35
    assert all(len(part) <= 10 for part in broken[4:].split(ZERO_WIDTH_SPACE))
