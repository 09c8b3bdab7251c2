"""`Turns`: run steps one per event-loop turn, so that the window repaints between them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Turns(QObject):
    """Runs a list of steps, the first at once and each next one a turn later.

    Running a new list drops what is left of the previous one (it is moot).

    Args:
        parent: owner; the steps stop with it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def run(self, steps: list[Callable[[], None]]) -> None:
        """Run `steps` (an empty list just drops what is left)."""
        self._steps = list(steps)
        self._timer.stop()
        self._next()

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            self._timer.start()
