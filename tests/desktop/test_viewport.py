"""`viewport_of` finds the very widget `viewport()` returns (without PySide's first type lookup)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTableView, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.viewport import viewport_of


def test_the_viewport_found_is_the_scroll_areas_own(qtbot: QtBot) -> None:
    for area in (QTextEdit(), QPlainTextEdit(), QTableView()):
        qtbot.addWidget(area)
        assert viewport_of(area) is area.viewport()


def test_a_replaced_viewport_is_found_too(qtbot: QtBot) -> None:
    area = QTextEdit()
    qtbot.addWidget(area)
    area.setViewport(QWidget())
    assert viewport_of(area) is area.viewport()
