"""The main window's menu bar, toolbar and the helper that makes its actions.

`MainWindow` creates the actions (they call its slots); this module arranges
them into the File / Edit / View / Compare / Notes / Help menus, the library
table's context menu and the main toolbar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from desktop.theme import icon

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def make_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], Any],
    keys: list[str] | None = None,
    icon_name: str = "",
    tip: str = "",
) -> QAction:
    """An action on `owner` calling `slot`; its tooltip names its first shortcut.

    The action is also added to `owner`, so its shortcuts work even when the
    menu bar is hidden (full screen).
    """
    action = QAction(icon(icon_name) if icon_name else QIcon(), text, owner)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    if tip:
        action.setStatusTip(tip)
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({native})" if keys else tip)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def build_menus(window: MainWindow) -> QMenu:
    """Fill the window's menu bar and the library's context menu.

    Returns:
        The (empty) Recent Comparisons submenu, filled each time it opens.
    """
    w = window
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([w.act_import_files, w.act_import_folder])
    file_menu.addSeparator()
    recent_menu = file_menu.addMenu("Recent &Comparisons")
    file_menu.addSeparator()
    file_menu.addAction(w.act_quit)
    edit = bar.addMenu("&Edit")
    edit.addActions([w.act_find, w.act_add_note])
    edit.addSeparator()
    edit.addAction(w.act_remove)
    view = bar.addMenu("&View")
    view.addActions([w.act_library, w.act_comparison])
    view.addSeparator()
    view.addActions([w.act_notes, w.act_fullscreen])
    compare = bar.addMenu("&Compare")
    compare.addActions([w.act_compare, w.act_compare_with])
    compare.addSeparator()
    compare.addAction(w.act_semantic)
    notes = bar.addMenu("&Notes")
    notes.addAction(w.act_add_note)
    # The notes panel's own actions join when it is built (`add_notes_actions`),
    # at the latest when this menu opens.
    notes.aboutToShow.connect(w.notes_dock.ensure_panel)
    # The comparison's own actions join these menus when the comparison page
    # is made (`add_comparison_actions`): at the latest when one of them opens.
    for menu in (view, compare, notes):
        menu.aboutToShow.connect(w.prepare_comparison)
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([w.act_shortcuts, w.act_about])
    table = w.library_view.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    table.addActions([w.act_compare, w.act_compare_with, w.act_remove])
    return recent_menu


def add_notes_actions(window: MainWindow, panel: Any) -> None:
    """Put the notes panel's actions at the end of the Notes menu (once it is built)."""
    notes = menu_for(window.menuBar(), "Notes")
    if notes is not None and panel.actions():
        notes.addSeparator()
        notes.addActions(panel.actions())


def add_comparison_actions(window: MainWindow) -> None:
    """Put the comparison page's actions in the View, Compare and Notes menus.

    Called once, when the window makes its comparison page: the same places
    and order as if they had been there from the start.
    """
    w = window
    cv = w.comparison_view
    bar = w.menuBar()
    view, compare, notes = (menu_for(bar, title) for title in ("View", "Compare", "Notes"))
    assert view is not None and compare is not None and notes is not None
    view.insertActions(w.act_fullscreen, [cv.act_summary, cv.lenses.action])
    compare.addAction(w.alias_teaching.act_aliases)  # taught names: how comparisons read
    compare.addSeparator()
    compare.addActions(cv.actions())
    compare.addSeparator()
    compare.addActions([w.reviewing.act_review, w.reviewing.act_link])
    after = notes.actions()[1] if len(notes.actions()) > 1 else None
    notes.insertAction(after, w.reviewing.act_note_claim)  # type: ignore[arg-type]


def build_toolbar(window: MainWindow) -> QToolBar:
    """The main toolbar: import, compare, back to the library, notes."""
    w = window
    bar = QToolBar("Main Toolbar", w)
    bar.setObjectName("mainToolBar")
    bar.setAccessibleName("Main toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addActions([w.act_import_files, w.act_import_folder])
    bar.addSeparator()
    bar.addActions([w.act_compare, w.act_compare_with, w.act_library])
    bar.addSeparator()
    bar.addActions([w.act_add_note, w.act_notes])
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def menu_for(bar: QMenuBar, title: str) -> QMenu | None:
    """A top-level menu of `bar` by its title without "&"."""
    for action in bar.actions():
        menu = action.menu()
        if action.text().replace("&", "") == title and isinstance(menu, QMenu):
            return menu
    return None
