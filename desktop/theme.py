"""Look and feel: Fusion style, the system's light/dark scheme, our icons and QSS.

Fusion gives the same, well-tested widgets on every platform; its palette is
switched between light and dark whenever the system's colour scheme changes
(Qt 6.5+ reports it through `QStyleHints.colorScheme`). The style sheet only
uses `palette(...)` colours, so one sheet serves both schemes.

No Python `QStyle` is made at start-up: the style is chosen by `-style` when
the application is made (`new_application`), and Fusion's light palette is a
table (`FUSION_LIGHT`, checked against the style's own by a test), not asked
of the style.  `app.setStyle("Fusion")` and `app.style().standardPalette()`
return the style to Python, and PySide then creates `QStyle`'s class and its
11 enums: about 6 ms of CPU before the first paint, which nothing else there
needs.

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
#: The application `new_application` made with Fusion as its style (None: not made here).
_styled: dict[str, QApplication | None] = {"app": None}

#: Fusion's standard light palette, as `QFusionStyle::standardPalette()` gives it
#: (Qt 6.6-6.11): role, colour, colour when disabled (None: the same).  Link and
#: LinkVisited are left unset, as Fusion leaves them (the platform's colours fill
#: them in).  A few are 16 bits a channel, as Fusion computes them.
FUSION_LIGHT: tuple[tuple[str, str, str | None], ...] = (
    ("WindowText", "#000000", "#bebebe"),
    ("Button", "#efefef", None),
    ("Light", "#ffffff", None),
    ("Midlight", "#cb04cb04cb04", None),
    ("Dark", "#9ff49ff49ff4", "#bebebe"),
    ("Mid", "#b890b890b890", None),
    ("Text", "#000000", "#bebebe"),
    ("BrightText", "#ffffff", None),
    ("ButtonText", "#000000", "#bebebe"),
    ("Base", "#ffffff", "#efefef"),
    ("Window", "#efefef", None),
    ("Shadow", "#767b767b767b", "#b1b8b1b8b1b8"),
    ("Highlight", "#308cc6", "#919191"),
    ("HighlightedText", "#ffffff", None),
    ("AlternateBase", "#f7f7f7", None),
    ("ToolTipBase", "#ffffdc", None),
    ("ToolTipText", "#000000", None),
    ("PlaceholderText", "#80000000", None),
    ("Accent", "#308cc6", "#919191"),
)


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


def fusion_light_palette() -> QPalette:
    """Fusion's standard light palette (`FUSION_LIGHT`), made without asking the style."""
    p = QPalette()
    disabled = QPalette.ColorGroup.Disabled
    for name, colour, when_disabled in FUSION_LIGHT:
        role = QPalette.ColorRole[name]
        p.setColor(role, QColor(colour))
        if when_disabled is not None:
            p.setColor(disabled, role, QColor(when_disabled))
    return p


def light_palette() -> QPalette:
    """The style's light palette with our highlight and alternate row colours: Fusion's
    from the table, or, when the user chose another style (QT_STYLE_OVERRIDE), that
    style's own (asking the style costs the QStyle class, paid only then)."""
    style = QApplication.style() if os.environ.get("QT_STYLE_OVERRIDE") else None
    p = style.standardPalette() if style is not None else fusion_light_palette()
    p.setColor(QPalette.ColorRole.Highlight, QColor(0x2F, 0x6F, 0xC8))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(0xF4, 0xF6, 0xF9))
    return p


def apply_palette(app: QApplication) -> None:
    """Set the palette for the current scheme (also the slot for scheme changes)."""
    app.setPalette(dark_palette() if is_dark() else light_palette())


def new_application(program: str) -> QApplication:
    """The application, made with Fusion as its style (`-style`) unless the user
    chose one with QT_STYLE_OVERRIDE; `apply_theme` then leaves the style alone.

    Args:
        program: the program's name or path (`sys.argv[0]`).
    """
    args = [program]
    if not os.environ.get("QT_STYLE_OVERRIDE"):  # a user's explicit choice wins
        args += ["-style", "Fusion"]
    app = QApplication(args)
    _styled["app"] = app
    return app


def apply_theme(app: QApplication) -> None:
    """Style, palette, style sheet (for `style_window`) and window icon; follows scheme changes.

    Args:
        app: the application, already constructed (by `new_application`, or
            elsewhere: then its style is set to Fusion here).
    """
    if app is not _styled["app"] and not os.environ.get("QT_STYLE_OVERRIDE"):
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
