"""Hiding the panel that holds the keyboard focus brings the focus back to the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


def _notes_search(window: MainWindow) -> QLineEdit:
    panel = window.notes_panel
    assert panel is not None
    edit = panel.search_bar.findChild(QLineEdit)
    assert edit is not None
    return edit


def test_closing_the_notes_from_their_search_box_leaves_the_focus_on_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    search = _notes_search(window)
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_F9)
    assert window.notes_dock.isHidden()
    assert QApplication.focusWidget() is window.library_view.table


def test_folding_a_comparison_panel_returns_the_focus_to_the_pane_last_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    a, b = window.collection.library.articles()[:2]
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)
    _active(qtbot, window)
    view = window.comparison_view
    text_b = view.pane("b").text_edit
    text_b.setFocus()
    view.summary_fold.set_open(True, remember=True)
    claims = view.summary.lists["divergent"]
    qtbot.waitUntil(claims.isVisible)
    claims.setFocus()
    qtbot.keyClick(claims, Qt.Key.Key_F7)  # fold the summary from inside it
    assert not view.summary.isVisible()
    assert QApplication.focusWidget() is text_b
    search = _notes_search(window)
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_F9)  # close the notes from inside them
    assert QApplication.focusWidget() is text_b
