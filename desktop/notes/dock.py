"""The Notes dock: its panel is built after the window's first paint, not before.

Building the `NotesPanel` (its modules, opening `notes.db`, listing the notes)
was ≈ 0.1 s of start-up before the first paint.  The dock now starts blank
and builds its panel in an idle turn once the window has painted with its
first rows in (`rows_listed`; or `FALLBACK_MS` after the first paint), or
earlier when something needs it (a note action, the Notes menu, a test).

The dock has three states, never to be confused:
- `not_built`: the panel is not made yet; notes may well work (`usable`);
- `ready`: `panel` is the `NotesPanel`;
- `unavailable`: `notes.db` cannot be opened (locked by another program,
  written by a newer Parallax): the dock says why (`reason`) and note actions
  stay off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from desktop.text import plain_label
from library.errors import ParallaxError

NotesState = Literal["not_built", "ready", "unavailable"]

#: Build the panel this long after the window's first paint even if the
#: library's first rows never came (a listing that failed).
FALLBACK_MS = 1500


def placeholder(text: str) -> QLabel:
    """A centred, wrapped message standing in for a part that cannot be shown."""
    label = plain_label(QLabel(text))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class NotesDock(QDockWidget):
    """The "Notes" dock widget and the state of the panel it holds.

    Args:
        make_panel: builds the panel; raises `ParallaxError` when notes.db
            cannot be opened.
        on_ready: called with the panel once it is built (to wire it up).
        on_unavailable: called once if building it failed.
        parent: the window.
    """

    def __init__(
        self,
        make_panel: Callable[[], Any],
        on_ready: Callable[[Any], None],
        on_unavailable: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Notes", parent)
        self.setObjectName("notesDock")
        self.setAccessibleName("Notes")
        self.state: NotesState = "not_built"
        self.reason = ""  # why notes are unavailable, one line
        self.panel: Any = None
        self._make_panel = make_panel
        self._on_ready = on_ready
        self._on_unavailable = on_unavailable
        self._building = False
        self._painted = self._rows_in = False  # the window painted; its first rows are in
        self.setWidget(QWidget())  # blank until the panel is built
        if parent is not None:
            # The window's paint, not the dock's: a closed dock never paints.
            self._first_paint = _FirstPaint(self)
            parent.installEventFilter(self._first_paint)

    @property
    def usable(self) -> bool:
        """Whether note actions may run (the panel is built or can be)."""
        return self.state != "unavailable"

    def ensure_panel(self) -> Any:
        """The panel, built now if it was not yet; None if notes are unavailable."""
        if self.state == "not_built" and not self._building:
            self._building = True
            try:
                panel = self._make_panel()
            except ParallaxError as exc:  # e.g. notes.db locked by another Parallax
                self.state = "unavailable"
                self.reason = f"Notes cannot be opened: {exc}"
                self.setWidget(placeholder(self.reason))
                self._on_unavailable()
            else:
                self.panel, self.state = panel, "ready"
                self.setWidget(panel)
                self._on_ready(panel)
            finally:
                self._building = False
        return self.panel

    def rows_listed(self) -> None:
        """The window's first rows are in: build after the next paint shows them."""
        self._rows_in = True

    def window_painted(self) -> bool:
        """The window painted; True once that paint showed the first rows."""
        if not self._painted:
            self._painted = True
            QTimer.singleShot(FALLBACK_MS, self, self._build_if_shown)
        if not self._rows_in:
            return False
        # Once this paint is done: the panel's 0.1 s on the GUI thread comes
        # after what the user waits for.
        QTimer.singleShot(0, self, self._build_if_shown)
        return True

    def _build_if_shown(self) -> None:
        # Not for a window closed meanwhile (its collection may be closed too).
        if self.window().isVisible():
            self.ensure_panel()


class _FirstPaint(QObject):
    """Tells the dock when the window paints, until a paint has shown the first rows."""

    def __init__(self, dock: NotesDock) -> None:
        super().__init__(dock)
        self._dock = dock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._dock.window_painted():
            watched.removeEventFilter(self)
        return False
