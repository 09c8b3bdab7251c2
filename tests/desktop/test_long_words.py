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
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.label_copy import show_breakable
from desktop.library.model import Column
from desktop.main_window import MainWindow
from desktop.text import ZERO_WIDTH_SPACE, break_points, breakable
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


def _copy(label: QLabel) -> None:
    """Ctrl+C on `label`, Ctrl let go after (QTest leaves it held for the next test)."""
    QTest.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyRelease(label, Qt.Key.Key_Control)


def test_a_title_copied_from_the_preview_is_the_title(window: MainWindow) -> None:
    # The break points are for the eye: Ctrl+C on the selected title copied them
    # too, and the copy pasted into the search box found nothing.
    _click_row(window, SPACELESS, Qt.KeyboardModifier.NoModifier)
    label = window.library_view.preview.title
    assert ZERO_WIDTH_SPACE in label.text()  # broken up for display
    label.setFocus()
    label.setSelection(0, len(label.text()))
    _copy(label)
    assert QApplication.clipboard().text() == SPACELESS

    title = "Q" * 45 + ZERO_WIDTH_SPACE + "R" * 20  # a zero-width space of its own stays
    show_breakable(label, title)
    label.setSelection(0, len(label.text()))
    _copy(label)
    assert QApplication.clipboard().text() == title
    start = label.text().index("Q" * 5, 8)  # a part of it, across break points
    label.setSelection(start, 30)
    _copy(label)
    assert QApplication.clipboard().text() == "Q" * 28  # 30 shown, two of them marks


def test_break_points_are_where_breakable_put_its_marks() -> None:
    text = "see " + "x" * 35 + " and " + "ab\u200bcd" * 12
    shown = breakable(text)
    points = break_points(text)
    assert points and all(shown[i] == ZERO_WIDTH_SPACE for i in points)
    assert "".join(c for i, c in enumerate(shown) if i not in points) == text
