"""The window builds its comparison page on first use, and works the same after."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.library.table import FIT_ROWS
from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window

# These tests are about first use: no comparison page made at idle.
pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.usefixtures("no_page_made_at_idle"),
]


def test_the_comparison_page_is_made_on_first_use(qtbot: QtBot, collection: Collection) -> None:
    win = open_window(qtbot, collection)
    assert win._comparison_view is None and win._reviewing is None
    assert win.stack.count() == 1  # the library page only
    win.show_library()
    win._update_actions()  # nothing reaches for the page while on the library
    assert win._comparison_view is None
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    view = win._comparison_view
    assert view is not None and win.stack.currentWidget() is view
    assert view.pane("a").article == a and view.pane("b").article == b
    assert win.reviewing.act_review.isEnabled()  # on the comparison page
    win.show_library()
    assert win.comparison_view is view  # made once
    assert not win.reviewing.act_review.isEnabled()
    win.close()


def test_opening_a_menu_makes_the_page_and_lists_its_actions(
    qtbot: QtBot, collection: Collection
) -> None:
    win = open_window(qtbot, collection)
    compare = win.menu_for("Compare")
    view_menu = win.menu_for("View")
    notes = win.menu_for("Notes")
    assert compare is not None and view_menu is not None and notes is not None
    before = compare.actions()
    compare.aboutToShow.emit()
    cv = win._comparison_view
    assert cv is not None
    actions = compare.actions()
    assert actions[: len(before)] == before  # the window's own come first, as before
    assert win.alias_teaching.act_aliases in actions
    assert all(a in actions for a in cv.actions())
    assert actions[-2:] == [win.reviewing.act_review, win.reviewing.act_link]
    shown = view_menu.actions()
    assert shown.index(cv.act_summary) < shown.index(win.act_fullscreen)
    assert cv.lenses.action in shown
    assert notes.actions()[:2] == [win.act_add_note, win.reviewing.act_note_claim]
    compare.aboutToShow.emit()
    assert compare.actions() == actions  # added once
    win.close()


def test_notes_and_lenses_work_on_a_page_made_late(qtbot: QtBot, collection: Collection) -> None:
    win = open_window(qtbot, collection)
    win.notes_dock.hide()
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    cv = win.comparison_view
    # The closed notes dock folds into the page's rail, one click from open.
    assert cv.rail.buttons["notes"].isVisibleTo(cv)
    cv.rail.buttons["notes"].click()
    assert win.notes_dock.isVisible()
    assert win.notes_panel is not None and win.notes.comparison_view is cv
    # The comparison panes are watched for "Add Note on Selection".
    pane = cv.pane("a")
    pane.text_edit.setFocus()
    pane.text_edit.selectAll()
    assert win.notes.focused_selection() is not None or not pane.text_edit.hasFocus()
    cv.lenses.action.setChecked(True)
    assert cv.lenses.action.isChecked()
    win.close()


def test_column_fitting_measures_about_a_screenful_of_rows(
    qtbot: QtBot, collection: Collection
) -> None:
    # Qt's default measures up to 1,000 rows, calling the model for each.
    win = open_window(qtbot, collection)
    table = win.library_view.table
    assert table.verticalHeader().resizeContentsPrecision() == FIT_ROWS
    assert table.horizontalHeader().resizeContentsPrecision() == FIT_ROWS
    win.close()


def test_the_page_is_made_while_the_window_idles_after_start_up(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not when the first comparison opens: that would block it 50-100 ms more.
    monkeypatch.setattr(MainWindow, "prepare_after_ms", 10)
    win = open_window(qtbot, collection)
    qtbot.waitUntil(lambda: win._comparison_view is not None, timeout=10000)
    assert win.stack.currentWidget() is win.library_view  # made, not shown
    compare = win.menu_for("Compare")
    assert compare is not None and win.reviewing.act_review in compare.actions()
    win.close()


def test_keyboard_shortcuts_before_the_page_is_made_list_the_comparisons_too(
    qtbot: QtBot, collection: Collection
) -> None:
    # F1 right after start-up (or with the window hidden) must not miss F6, F8, Ctrl+L….
    from PySide6.QtWidgets import QDialog, QTextBrowser

    win = open_window(qtbot, collection)
    assert win._comparison_view is None
    win.act_shortcuts.trigger()
    dialogs = [d for d in win.findChildren(QDialog) if d.windowTitle() == "Keyboard Shortcuts"]
    assert len(dialogs) == 1
    browser = dialogs[0].findChild(QTextBrowser)
    assert browser is not None
    text = browser.toPlainText()
    assert "Next Divergence" in text and "F8" in text
    assert "Lenses" in text and "Ctrl+L" in text
    dialogs[0].close()
    win.close()
