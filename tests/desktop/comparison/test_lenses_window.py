"""The Lenses panel in the main window: folded by default, remembered, nothing clipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.window_layout import LENS_KEY, LENSES_MODE_KEY
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_compared(qtbot: QtBot, collection: Collection, size: tuple[int, int]) -> MainWindow:
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    a, b = win.collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    qtbot.wait(50)
    return win


def test_the_lenses_choice_and_tab_are_remembered(qtbot: QtBot, collection: Collection) -> None:
    win = open_compared(qtbot, collection, (1280, 800))
    lenses = win.comparison_view.lenses
    # The texts come first: at 1280 the panel waits on the rail.
    assert lenses.panel.isHidden() and win.comparison_view.rail.buttons["lenses"].isVisible()
    assert lenses.action in win.menu_for("View").actions()
    win.comparison_view.rail.buttons["lenses"].click()
    lenses.panel.show_lens("timeline")
    assert win.settings.qsettings.value(LENSES_MODE_KEY) == "open"
    assert win.settings.qsettings.value(LENS_KEY) == "timeline"
    win.close()
    again = open_compared(qtbot, collection, (1280, 800))
    panel = again.comparison_view.lenses.panel
    assert panel.isVisible() and panel.current_lens() == "timeline"
    again.close()


def test_nothing_is_clipped_in_a_narrow_window(qtbot: QtBot, collection: Collection) -> None:
    win = open_compared(qtbot, collection, (1000, 650))
    lenses = win.comparison_view.lenses
    lenses.fold.set_open(True)
    lenses.panel.show_lens("timeline")
    qtbot.wait(20)
    tabs = lenses.panel.tabs.tabBar()
    for i in range(tabs.count()):
        assert tabs.rect().contains(tabs.tabRect(i)), tabs.tabText(i)
    # The sample's timeline fits the panel: its sections stack instead of scrolling.
    scroll = lenses.panel.timeline_scroll
    assert scroll.horizontalScrollBar().maximum() == 0
    assert len({s.top for s in lenses.panel.timeline.geometry_data().sections}) == 3
    win.close()


# The tooltip window cannot be raised on the offscreen platform; harmless.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_hovering_a_mark_names_its_sentence(qtbot: QtBot, collection: Collection) -> None:
    win = open_compared(qtbot, collection, (1280, 800))
    lenses = win.comparison_view.lenses
    lenses.fold.set_open(True)
    lenses.panel.show_lens("timeline")
    qtbot.wait(20)
    picture = lenses.panel.timeline
    mark = next(m for m in picture.geometry_data().marks if m.linked and m.side == "a")
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(mark.x, mark.y),
        picture.mapToGlobal(QPointF(mark.x, mark.y)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(picture, move)
    assert picture.hovered == mark
    assert picture.cursor().shape() == Qt.CursorShape.PointingHandCursor
    win.close()
