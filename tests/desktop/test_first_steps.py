"""The first-start tip (how to compare): whole and readable, until learnt or closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.library.first_steps import TIP_TEXT, FirstStepsTip
from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def tip_of(window: MainWindow) -> FirstStepsTip:
    tip = window.first_steps
    assert tip is not None, "a first start with two articles offers the tip"
    return tip


def whole(label: QLabel) -> bool:
    """Whether every line of the label's wrapped text fits in it."""
    rect = label.contentsRect()
    return label.isVisible() and label.heightForWidth(rect.width()) <= rect.height()


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_the_tip_stays_whole_beside_the_import_strip(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.progress.begin()
    window.progress.update_progress(1, 6, "an-invented-file-name-of-some-length.txt")
    tip = tip_of(window)
    qtbot.waitUntil(tip.isVisible)
    qtbot.waitUntil(lambda: whole(tip.label))
    assert tip.label.text() == TIP_TEXT
    assert tip.label.wordWrap()
    # Nothing of it is left in the status bar, where the strip cut it off mid-word.
    assert "Ctrl+D" not in window.statusBar().currentMessage()
    bar = window.library_view.table
    assert tip.geometry().width() <= bar.width() + 2, "as wide as the table, not wider"


def test_opening_a_comparison_puts_the_tip_away(qtbot: QtBot, window: MainWindow) -> None:
    tip = tip_of(window)
    qtbot.waitUntil(tip.isVisible)
    a, b = window.collection.library.articles()[:2]
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)
    window.show_library()
    assert not tip.isVisible()


def test_a_closed_tip_is_not_offered_again(
    qtbot: QtBot, window: MainWindow, collection: Collection
) -> None:
    tip = tip_of(window)
    qtbot.waitUntil(tip.isVisible)
    qtbot.mouseClick(tip.close_button, Qt.MouseButton.LeftButton)
    assert not tip.isVisible()
    window.close()
    again = open_window(qtbot, collection)
    assert again.first_steps is None
    again.close()


def test_tab_goes_from_the_table_to_the_tips_close_button_then_the_preview(
    qtbot: QtBot, window: MainWindow
) -> None:
    tip = tip_of(window)
    window.activateWindow()
    qtbot.waitActive(window)
    table = window.library_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert tip.close_button.hasFocus()
    qtbot.keyClick(tip.close_button, Qt.Key.Key_Tab)
    assert window.library_view.preview.text_edit.hasFocus()
    qtbot.keyClick(window.library_view.preview.text_edit, Qt.Key.Key_Backtab)
    qtbot.keyClick(tip.close_button, Qt.Key.Key_Space)  # closes it, as a click does
    assert not tip.isVisible()
    assert table.hasFocus(), "back to the rows the tip was about"
