"""`Turns`: run steps one per event-loop turn, so that the window repaints between them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

Step = Callable[[], object]


class Turns(QObject):
    """Runs a list of steps, the first at once and each next one a turn later.

    A step that returns a list of steps has them run next, a turn each (a
    long job that learns how many slices it takes only when it starts).
    Running a new list drops what is left of the previous one (it is moot).

    Args:
        parent: owner; the steps stop with it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def run(self, steps: list[Step]) -> None:
        """Run `steps` (an empty list just drops what is left)."""
        self._steps = list(steps)
        self._timer.stop()
        self._next()

    def _next(self) -> None:
        if self._steps:
            more = self._steps.pop(0)()
            if isinstance(more, list):
                self._steps[:0] = more
        if self._steps:
            self._timer.start()
