"""Removing the article being read: no view keeps showing it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.library.dialogs import ConfirmRemove
from desktop.main_window import MainWindow
from tests.helpers import wait_listed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


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
