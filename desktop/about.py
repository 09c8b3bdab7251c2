"""Help menu: the About box (version, where the data lives) and the shortcut list."""

from __future__ import annotations

import html
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.theme import icon


def app_version() -> str:
    """The installed package version, or "dev" in an uninstalled checkout."""
    try:
        return metadata.version("parallax")
    except metadata.PackageNotFoundError:
        return "dev"


def about_html(data_dir: Path) -> str:
    """The About text (rich text), naming the data directory."""
    python = ".".join(str(n) for n in sys.version_info[:3])
    return (
        f"<h3>Parallax {html.escape(app_version())}</h3>"
        "<p>Compare how different outlets cover the same story: what they all "
        "report, where they differ, and your private notes on both.</p>"
        f"<p>Your library and notes are kept in<br><code>{html.escape(str(data_dir))}</code></p>"
        f"<p><small>Qt {qVersion()} · PySide6 {pyside_version} · Python {python}<br>"
        "Licensed under the MIT licence.</small></p>"
    )


def show_about(parent: QWidget | None, data_dir: Path) -> None:
    """Show the About box modally.

    Args:
        parent: the main window.
        data_dir: the collection's data directory, shown so users can back it up.
    """
    box = QMessageBox(parent)
    box.setWindowTitle("About Parallax")
    box.setIconPixmap(icon("parallax").pixmap(64, 64))
    box.setText(about_html(data_dir))
    # The data directory is worth copying (to back it up): let the text be selected.
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def shortcut_rows(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every menu action that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} › {sub.title().replace('&', '')}")
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys and not action.isSeparator():
                rows.append((path, action.text().replace("&", ""), ", ".join(keys)))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, menu.title().replace("&", ""))
    return rows


def show_shortcuts(parent: QWidget, bar: QMenuBar) -> QDialog:
    """Open (without blocking) a table of every keyboard shortcut in the menus.

    Args:
        parent: the main window.
        bar: its menu bar, read at call time so other modules' actions are included.
    """
    body = "".join(
        f"<tr><td>{html.escape(menu)}</td><td>{html.escape(text)}</td>"
        f"<td><b>{html.escape(keys)}</b></td></tr>"
        for menu, text, keys in shortcut_rows(bar)
    )
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    dialog.resize(560, 520)
    view = QTextBrowser()
    view.setAccessibleName("Keyboard shortcuts")
    view.setHtml(f"<table cellpadding='4' width='100%'>{body}</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
