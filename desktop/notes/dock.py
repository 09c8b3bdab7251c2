"""The Notes dock: its panel is built after the window's first paint, not before.

Building the `NotesPanel` (its modules, opening `notes.db`, listing the notes)
was ≈ 0.1 s of start-up before the first paint.  The dock now starts blank
and builds its panel once the window has painted with its first rows in
(`rows_listed`; or `FALLBACK_MS` after the first paint), or at once when
something needs it (a note action, the Notes menu, a test).

Built after the first paint in one go, it still froze the window 70-160 ms
just after the rows showed.  So it is built in slices, each its own
event-loop turn: the panel's modules are imported on a worker thread
(`warm_up`), then each of `steps` runs on the GUI thread (opening notes.db),
then the panel is made; `built` is emitted once it is ready or unavailable.

The dock has three states, never to be confused:
- `not_built`: the panel is not made yet; notes may well work (`usable`);
- `ready`: `panel` is the `NotesPanel`;
- `unavailable`: `notes.db` cannot be opened (locked by another program,
  written by a newer Parallax): the dock says why (`reason`) and note actions
  stay off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
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
        warm_up: `warm_up(then)` imports the panel's modules off the GUI
            thread, then calls `then()` on the GUI thread (also on failure:
            the panel is then made with its imports on the GUI thread).
        steps: work done on the GUI thread before the panel is made, one
            event-loop turn each (opening notes.db); may raise `ParallaxError`.

    Signals:
        built(): the panel is ready, or notes are unavailable (once).
    """

    built = Signal()

    def __init__(
        self,
        make_panel: Callable[[], Any],
        on_ready: Callable[[Any], None],
        on_unavailable: Callable[[], None],
        parent: QWidget | None = None,
        *,
        warm_up: Callable[[Callable[[], None]], None] | None = None,
        steps: Sequence[Callable[[], object]] = (),
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
        self._warm_up = warm_up
        self._steps = list(steps)
        self._slicing = False  # the build in slices has started
        self._painted = self._rows_in = False  # the window painted; its first rows are in
        self._after_paint: list[Callable[[], None]] = []
        self.setWidget(QWidget())  # blank until the panel is built
        self._first_paint: _FirstPaint | None = None

    def watch_first_paint(self) -> None:
        """Wait for the window's first paints (call when it is shown; once is enough).

        The window's paint, not the dock's: a closed dock never paints.  Not
        from the start: a Python event filter on the window costs a call for
        each of the ~50 events of building it.
        """
        window = self.parentWidget()
        if self._first_paint is None and window is not None:
            self._first_paint = _FirstPaint(self)
            window.installEventFilter(self._first_paint)

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
                self._fail(exc)
            else:
                self.panel, self.state = panel, "ready"
                self.setWidget(panel)
                self._on_ready(panel)
                self.built.emit()
            finally:
                self._building = False
        return self.panel

    def _fail(self, exc: ParallaxError) -> None:
        self.state = "unavailable"
        self.reason = f"Notes cannot be opened: {exc}"
        self.setWidget(placeholder(self.reason))
        self._on_unavailable()
        self.built.emit()

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the window's first paint is done (now if it was).

        Needs `watch_first_paint` (the window shown); the window uses it to
        open on the first article after the paint, not before it.
        """
        if self._painted:
            callback()
        else:
            self._after_paint.append(callback)

    def rows_listed(self) -> None:
        """The window's first rows are in: build after the next paint shows them."""
        self._rows_in = True

    def window_painted(self) -> bool:
        """The window painted; True once that paint showed the first rows."""
        if not self._painted:
            self._painted = True
            # Each after this paint is done, before the panel's build below.
            for callback in self._after_paint:
                QTimer.singleShot(0, self, callback)
            self._after_paint.clear()
            QTimer.singleShot(FALLBACK_MS, self, self._build_if_shown)
        if not self._rows_in:
            return False
        # Once this paint is done: the panel's build comes after what the
        # user waits for.
        QTimer.singleShot(0, self, self._build_if_shown)
        return True

    def _build_if_shown(self) -> None:
        """Start building the panel in slices (once), if the window is still shown."""
        if self._slicing or self.state != "not_built" or not self._showing():
            return
        self._slicing = True
        if self._warm_up is None:
            self._next_slice()
        else:
            # Back on the GUI thread, the next slice waits for a turn of its own.
            self._warm_up(lambda: QTimer.singleShot(0, self, self._next_slice))

    def _next_slice(self) -> None:
        # Something may have built the panel meanwhile (ensure_panel); not for
        # a window closed meanwhile either (its collection may be closed too).
        if self.state != "not_built" or not self._showing():
            return
        if not self._steps:
            self.ensure_panel()
            return
        step = self._steps.pop(0)
        try:
            step()
        except ParallaxError as exc:  # notes.db cannot be opened: say why, as ensure_panel
            self._fail(exc)
            return
        QTimer.singleShot(0, self, self._next_slice)

    def _showing(self) -> bool:
        return self.window().isVisible()


class _FirstPaint(QObject):
    """Tells the dock when the window paints, until a paint has shown the first rows."""

    def __init__(self, dock: NotesDock) -> None:
        super().__init__(dock)
        self._dock = dock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._dock.window_painted():
            watched.removeEventFilter(self)
        return False
