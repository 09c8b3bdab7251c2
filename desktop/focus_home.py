"""`FocusHome`: where the keyboard focus goes when the panel holding it is hidden.

Hiding the focused widget makes Qt move the focus to the next widget in the
tab order: closing the notes panel (F9) from its search box left the focus on
a comparison toolbar button, and folding the summary (F7) from its list left
it on the rail's "Lenses" button, where the next Space opened the lenses;
closing the first-start tip by its button left it on the preview.
The focus goes back to what the page is for instead: the reading pane last
used in a comparison, the article table in the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class FocusHome:
    """Follows the window's focus changes (`MainWindow` forwards `focusChanged`).

    Args:
        window: the window whose notes dock and comparison panels can be hidden.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._last_text: QWidget | None = None

    def focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Remember the reading pane used last; bring the focus home from a hidden panel."""
        texts = self._texts()
        if new is not None and new in texts:
            self._last_text = new
        if old is None or not any(p.isHidden() and p.isAncestorOf(old) for p in self._panels()):
            return
        home = self._home(texts)
        if home.isVisible() and home is not new:
            home.setFocus(Qt.FocusReason.OtherFocusReason)

    def _texts(self) -> list[QWidget]:
        view = self._window._comparison_view  # not made before the first comparison
        return [] if view is None else [view.pane(side).text_edit for side in ("a", "b")]

    def _panels(self) -> list[QWidget]:
        window = self._window
        view = window._comparison_view
        tip = [window.first_steps] if window.first_steps is not None else []
        return [window.notes_dock, *tip, *([view.summary, view.lenses.panel] if view else [])]

    def _home(self, texts: list[QWidget]) -> QWidget:
        if not texts or not self._window.comparison_shown():
            return self._window.library_view.table
        return self._last_text if self._last_text in texts else texts[0]
