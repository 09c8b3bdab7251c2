"""Keyboard order in the comparison: every toolbar button by Tab, then the texts, then
the panels at their right; a ring in the highlight colour shows which has the focus."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desktop.comparison.view import ComparisonView
from desktop.main_window import MainWindow
from desktop.theme import STYLE_SHEET
from tests.desktop.comparison.test_comparison_support import shown

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def view(qtbot: QtBot) -> ComparisonView:
    view = shown(qtbot)  # the hand-built flood comparison: divergences to step through
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def toolbar_buttons(view: ComparisonView) -> list[QWidget]:
    """The toolbar's buttons a user can press now, left to right."""
    bar = view.toolbar
    buttons = [bar.widgetForAction(a) for a in bar.actions() if not a.isSeparator()]
    return [b for b in buttons if b is not None and b.isEnabled() and b.isVisible()]


def press(qtbot: QtBot, key: Qt.Key) -> QWidget | None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)
    return QApplication.focusWidget()


def test_tab_reaches_each_toolbar_button_in_order_then_the_texts(
    qtbot: QtBot, view: ComparisonView
) -> None:
    buttons = toolbar_buttons(view)
    assert len(buttons) >= 6, "both divergence and shared steps, sync, export, summary"
    text_a, text_b = (view.pane(side).text_edit for side in ("a", "b"))
    text_a.setFocus()
    backwards = [press(qtbot, Qt.Key.Key_Backtab) for _ in buttons]
    assert backwards == buttons[::-1], "Shift+Tab from text A walks the toolbar right to left"
    buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    forwards = [press(qtbot, Qt.Key.Key_Tab) for _ in buttons]
    assert forwards == [*buttons[1:], text_a]
    assert press(qtbot, Qt.Key.Key_Tab) is text_b


def test_the_open_summary_follows_text_b(qtbot: QtBot, view: ComparisonView) -> None:
    view.summary_fold.set_open(True)
    qtbot.waitUntil(view.summary.isVisible)
    view.pane("b").text_edit.setFocus()
    assert press(qtbot, Qt.Key.Key_Tab) is view.summary.lists["divergent"]


def highlight_pixels(image: QImage, highlight: QColor) -> int:
    return sum(
        image.pixelColor(x, y) == highlight
        for x in range(image.width())
        for y in range(image.height())
    )


def test_a_toolbar_button_reached_by_tab_wears_a_highlight_ring(
    qtbot: QtBot, view: ComparisonView
) -> None:
    view.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))  # the window's sheet
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    text_a = view.pane("a").text_edit
    text_a.setFocus()
    button = press(qtbot, Qt.Key.Key_Backtab)  # the last toolbar button
    assert button is not None and button in toolbar_buttons(view)
    focused = highlight_pixels(button.grab().toImage(), highlight)
    text_a.setFocus()
    unfocused = highlight_pixels(button.grab().toImage(), highlight)
    assert unfocused == 0
    assert focused >= 2 * (button.width() + button.height()), "a ring all round"


def test_a_rail_button_with_the_focus_wears_a_highlight_ring(
    qtbot: QtBot, view: ComparisonView
) -> None:
    view.summary_fold.set_open(False)
    button = view.rail.buttons["summary"]
    qtbot.waitUntil(button.isVisible)
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    unfocused = highlight_pixels(button.grab().toImage(), highlight)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    focused = highlight_pixels(button.grab().toImage(), highlight)
    assert unfocused == 0
    assert focused >= 2 * (button.width() + button.height()), "a ring all round"


def test_the_lenses_follow_the_summary_then_the_toolbar_comes_round(
    qtbot: QtBot, view: ComparisonView
) -> None:
    view.summary_fold.set_open(True)
    view.lenses.fold.set_open(True)
    qtbot.waitUntil(lambda: view.summary.isVisible() and view.lenses.panel.isVisible())
    buttons = toolbar_buttons(view)

    def where(widget: QWidget | None) -> str:
        if widget in buttons:
            return "toolbar"
        for name, panel in (("summary", view.summary), ("lenses", view.lenses.panel)):
            if widget is not None and panel.isAncestorOf(widget):
                return name
        return "other"

    view.pane("b").text_edit.setFocus()
    places = [where(press(qtbot, Qt.Key.Key_Tab)) for _ in range(16)]
    in_turn = [place for place, _ in itertools.groupby(places)]
    assert in_turn[:3] == ["summary", "lenses", "toolbar"]


def test_in_the_window_tab_goes_round_the_page_once_in_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    a, b = window.collection.library.articles()[:2]
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)
    window.activateWindow()
    qtbot.waitActive(window)
    view = window.comparison_view
    view.summary_fold.set_open(True)
    view.lenses.fold.set_open(True)
    qtbot.waitUntil(lambda: view.summary.isVisible() and view.lenses.panel.isVisible())
    text_a, text_b = (view.pane(side).text_edit for side in ("a", "b"))
    places = {id(w): "toolbar" for w in toolbar_buttons(view)}
    places.update({id(text_a): "A", id(text_b): "B"})
    panels = (("summary", view.summary), ("lenses", view.lenses.panel))
    panels += (("notes", window.notes_dock),)

    def where(widget: QWidget | None) -> str:
        for name, panel in panels:
            if widget is not None and panel.isAncestorOf(widget):
                return name
        return places.get(id(widget), "other")

    text_a.setFocus()
    seen: list[QWidget | None] = []
    while not seen or seen[-1] is not text_a:
        seen.append(press(qtbot, Qt.Key.Key_Tab))
        assert len(seen) < 60, f"Tab never came back to text A: {[where(w) for w in seen]}"
    in_turn = [place for place, _ in itertools.groupby(where(w) for w in seen)]
    assert in_turn == ["B", "summary", "lenses", "notes", "toolbar", "A"]


def test_the_toolbars_overflow_button_keeps_its_arrow_under_the_sheet(
    qtbot: QtBot, view: ComparisonView
) -> None:
    # The focus ring's rules once styled the » button too: it drew nothing.
    view.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
    view.resize(420, 600)
    extension = view.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None
    qtbot.waitUntil(extension.isVisible)
    image = extension.grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 2, "the » arrow is drawn"
