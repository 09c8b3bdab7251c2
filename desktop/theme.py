"""Look and feel: Fusion style, the system's light/dark scheme, our icons and QSS.

Fusion gives the same, well-tested widgets on every platform; its palette is
switched between light and dark whenever the system's colour scheme changes
(Qt 6.5+ reports it through `QStyleHints.colorScheme`). The style sheet only
uses `palette(...)` colours, so one sheet serves both schemes.

The sheet is set on the main window as soon as it exists (`style_window`),
not on the application: an application-wide sheet also makes Qt style every
widget made before the window and outside it, and the window's start-up paid
about 8 ms more CPU building and polishing its widgets.  Set on the window
before its children are made, it applies to each of them (dialogs parented to
the window included) exactly as the application's did.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
STYLE_SHEET = RESOURCES / "style" / "parallax.qss"
# For screenshots and testing: force "light" or "dark" whatever the system says.
SCHEME_ENV = "PARALLAX_COLOR_SCHEME"
#: The style sheet `apply_theme` read, for `style_window` ("": none, e.g. in tests).
_sheet = {"text": ""}


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons (`name` without ".svg"); empty if missing."""
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def is_dark() -> bool:
    """Whether the dark scheme is in force (by override or by the system)."""
    forced = os.environ.get(SCHEME_ENV, "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion (Fusion's own is light-only)."""
    p = QPalette()
    window, base = QColor(0x2B, 0x2D, 0x31), QColor(0x1F, 0x21, 0x24)
    text = QColor(0xE6, 0xE6, 0xE6)
    disabled = QColor(0x80, 0x80, 0x80)
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, QColor(0x26, 0x28, 0x2C)),
        (role.ToolTipBase, window),
        (role.ToolTipText, text),
        (role.Text, text),
        (role.Button, QColor(0x35, 0x37, 0x3C)),
        (role.ButtonText, text),
        (role.BrightText, QColor(0xFF, 0x6B, 0x6B)),
        (role.Link, QColor(0x6C, 0xB4, 0xFF)),
        (role.Highlight, QColor(0x3D, 0x7E, 0xD6)),
        (role.HighlightedText, QColor(0xFF, 0xFF, 0xFF)),
        (role.PlaceholderText, disabled),
        (role.Mid, QColor(0x44, 0x46, 0x4B)),
        (role.Midlight, QColor(0x3A, 0x3C, 0x41)),
        (role.Dark, QColor(0x18, 0x19, 0x1B)),
        (role.Shadow, QColor(0x10, 0x10, 0x10)),
    ):
        p.setColor(r, c)
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return p


def light_palette(app: QApplication) -> QPalette:
    p = app.style().standardPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor(0x2F, 0x6F, 0xC8))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(0xF4, 0xF6, 0xF9))
    return p


def apply_palette(app: QApplication) -> None:
    """Set the palette for the current scheme (also the slot for scheme changes)."""
    app.setPalette(dark_palette() if is_dark() else light_palette(app))


def apply_theme(app: QApplication) -> None:
    """Style, palette, style sheet (for `style_window`) and window icon; follows scheme changes.

    Args:
        app: the application, already constructed.
    """
    if not os.environ.get("QT_STYLE_OVERRIDE"):  # a user's explicit choice wins
        app.setStyle("Fusion")
    apply_palette(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_palette(app))
    if STYLE_SHEET.exists():
        _sheet["text"] = STYLE_SHEET.read_text(encoding="utf-8")
    app.setWindowIcon(icon("parallax"))


def style_window(window: QWidget) -> None:
    """Give `window` the style sheet `apply_theme` read, if any: call it before
    making the window's children, so that each is polished once, under it."""
    if _sheet["text"]:
        window.setStyleSheet(_sheet["text"])
