"""The About box: version, libraries and where the user's data lives."""

from __future__ import annotations

import html
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

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
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
