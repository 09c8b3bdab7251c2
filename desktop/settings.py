"""`Settings`: the window's remembered state, in `settings.ini` in the data dir.

Keeping QSettings in the data directory (not the platform's registry or
~/.config) means `--data-dir` isolates everything, which is what tests and
people with two libraries want.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

SETTINGS_FILE = "settings.ini"
#: How comparisons score sentence pairs: "semantic" (words and meaning) or "lexical".
BACKEND_KEY = "compare/backend"
BACKENDS = ("semantic", "lexical")


def _as_bytes(value: Any) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


class Settings:
    """Typed access to the window's QSettings.

    Args:
        data_dir: the Parallax data directory.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def byte_array(self, key: str) -> QByteArray | None:
        """A saved `saveGeometry()`/`saveState()` blob, or None."""
        return _as_bytes(self.qsettings.value(key))

    def set_byte_array(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def int_list(self, key: str) -> list[int]:
        """A saved list of ints (splitter sizes); [] if missing or damaged."""
        value = self.qsettings.value(key)
        # INI files give back a str for a one-item list and strs for numbers.
        items = value if isinstance(value, list) else ([value] if value is not None else [])
        try:
            return [int(v) for v in items]
        except (TypeError, ValueError):
            return []

    def set_int_list(self, key: str, values: list[int]) -> None:
        self.qsettings.setValue(key, [int(v) for v in values])

    def str_list(self, key: str) -> list[str]:
        value = self.qsettings.value(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value]

    def set_str_list(self, key: str, values: list[str]) -> None:
        self.qsettings.setValue(key, list(values))

    def compare_backend(self) -> str:
        """The comparison backend the user chose; "semantic" unless set (or damaged)."""
        value = self.qsettings.value(BACKEND_KEY)
        return value if isinstance(value, str) and value in BACKENDS else BACKENDS[0]

    def set_compare_backend(self, name: str) -> None:
        self.qsettings.setValue(BACKEND_KEY, name if name in BACKENDS else BACKENDS[0])

    def sync(self) -> None:
        self.qsettings.sync()

    # -- whole-window helpers ------------------------------------------------

    def restore_window(self, window: QMainWindow, default: tuple[int, int] | None) -> bool:
        """Restore geometry and dock/toolbar layout; False if none was saved.

        Without saved geometry the window gets `default`, or nine tenths of a
        smaller screen; with `default` None (a first start) it fills the
        screen and opens maximised: the comparison needs the room.
        """
        geometry = self.byte_array("window/geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            screen = window.screen().availableGeometry()
            if default is None:
                window.resize(screen.size())
                window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
            else:
                window.resize(
                    min(default[0], screen.width() * 9 // 10),
                    min(default[1], screen.height() * 9 // 10),
                )
        state = self.byte_array("window/state")
        return state is not None and window.restoreState(state)

    def restore_splitter(self, key: str, splitter: QSplitter, default: list[int]) -> None:
        """Sizes saved under `key` (if they fit this splitter), else `default`."""
        sizes = self.int_list(key)
        splitter.setSizes(sizes if len(sizes) == splitter.count() else default)

    def save_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        """Save geometry, dock/toolbar layout and the given splitters' sizes."""
        self.set_byte_array("window/geometry", window.saveGeometry())
        self.set_byte_array("window/state", QByteArray(window.saveState()))
        for key, splitter in splitters.items():
            self.set_int_list(key, splitter.sizes())
        self.sync()
