"""The comparison view's actions: navigation, scroll sync and export.

Every action uses `Qt.WidgetWithChildrenShortcut` and is added to the view
itself, so its shortcut works while focus is anywhere inside that view and two
views (e.g. in tabs) never fight over F8 or Ctrl+E.  The main window may also add
the same `QAction` objects to its menus and toolbar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget


@dataclass(frozen=True)
class ComparisonActions:
    """The view's actions, in menu order."""

    next_divergence: QAction
    previous_divergence: QAction
    next_shared: QAction
    previous_shared: QAction
    sync: QAction
    export_html: QAction
    export_md: QAction

    def all(self) -> list[QAction]:
        """Every action, in menu order."""
        # Not dataclasses.astuple: it deep-copies values, and QActions cannot be copied.
        return [getattr(self, f.name) for f in fields(self)]

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        """Add the actions to `toolbar` in groups: divergences, shared facts, sync, export."""
        toolbar.addActions([self.previous_divergence, self.next_divergence])
        toolbar.addSeparator()
        toolbar.addActions([self.previous_shared, self.next_shared])
        toolbar.addSeparator()
        toolbar.addAction(self.sync)
        toolbar.addSeparator()
        # One "Export" button with both formats: the toolbar must fit at 1000 px.
        button = QToolButton(toolbar)
        button.setText("Export")
        button.setToolTip("Export the comparison as HTML (Ctrl+E) or Markdown (Ctrl+Shift+E)")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.addActions([self.export_html, self.export_md])
        button.setMenu(menu)
        toolbar.addWidget(button)


def _make(
    owner: QWidget,
    text: str,
    keys: str,
    tip: str,
    slot: Callable[..., Any],
    checkable: bool,
    short: str,
) -> QAction:
    action = QAction(text, owner)
    action.setIconText(short)  # what a text-only toolbar button shows
    sequence = QKeySequence(keys)
    action.setShortcut(sequence)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
    action.setCheckable(checkable)
    if checkable:
        action.setChecked(True)  # before connecting: the owner is still being built
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def build_actions(
    owner: QWidget,
    *,
    next_divergence: Callable[[], Any],
    previous_divergence: Callable[[], Any],
    next_shared: Callable[[], Any],
    previous_shared: Callable[[], Any],
    set_sync: Callable[[bool], Any],
    export_html: Callable[[], Any],
    export_md: Callable[[], Any],
) -> ComparisonActions:
    """Create the actions on `owner`, wired to the given slots.

    Args:
        owner: the view; the actions are its children and added to it.
        next_divergence: slot for Next Divergence (F8); the others alike.
        previous_divergence: Shift+F8.
        next_shared: Alt+Down.
        previous_shared: Alt+Up.
        set_sync: receives the Synchronise Scrolling check state (Ctrl+Shift+L).
        export_html: Ctrl+E.
        export_md: Ctrl+Shift+E.
    """
    actions = ComparisonActions(
        _make(owner, "Next Divergence", "F8", "Go to the next divergent claim",
              next_divergence, False, "▼ Divergence"),
        _make(owner, "Previous Divergence", "Shift+F8", "Go to the previous divergent claim",
              previous_divergence, False, "▲ Divergence"),
        _make(owner, "Next Shared Fact", "Alt+Down", "Go to the next shared fact",
              next_shared, False, "▼ Shared"),
        _make(owner, "Previous Shared Fact", "Alt+Up", "Go to the previous shared fact",
              previous_shared, False, "▲ Shared"),
        _make(owner, "Synchronise Scrolling", "Ctrl+Shift+L",
              "Scroll both articles together, following the matches", set_sync, True,
              "Sync scrolling"),
        _make(owner, "Export as HTML…", "Ctrl+E",
              "Save the comparison as a self-contained HTML report", export_html, False,
              "Export HTML"),
        _make(owner, "Export as Markdown…", "Ctrl+Shift+E", "Save the comparison as Markdown",
              export_md, False, "Export Markdown"),
    )  # fmt: skip
    return actions
