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
    cv = w.comparison_view
    view.addActions([w.act_notes, cv.act_summary, cv.lenses.action, w.act_fullscreen])
    compare = bar.addMenu("&Compare")
    compare.addActions([w.act_compare, w.act_compare_with])
    compare.addSeparator()
    compare.addAction(w.act_semantic)
    compare.addAction(w.alias_teaching.act_aliases)  # taught names: how comparisons read
    compare.addSeparator()
    compare.addActions(w.comparison_view.actions())
    compare.addSeparator()
    compare.addActions([w.reviewing.act_review, w.reviewing.act_link])
    notes = bar.addMenu("&Notes")
    notes.addActions([w.act_add_note, w.reviewing.act_note_claim])
    if w.notes_panel is not None and w.notes_panel.actions():
        notes.addSeparator()
        notes.addActions(w.notes_panel.actions())
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([w.act_shortcuts, w.act_about])
    table = w.library_view.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    table.addActions([w.act_compare, w.act_compare_with, w.act_remove])
    return recent_menu


def build_toolbar(window: MainWindow) -> QToolBar:
    """The main toolbar: import, compare, back to the library, notes."""
    w = window
    bar = QToolBar("Main Toolbar")
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
