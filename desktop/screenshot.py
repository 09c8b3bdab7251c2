"""Rendering the window to a PNG without a display (`parallax --screenshot`).

Used for the README screenshot and for checking the window in CI: under
`QT_QPA_PLATFORM=offscreen` widgets still lay out and paint into an
off-screen backing store, and `QWidget.grab()` renders them into a pixmap.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

from library.terminal import safe

# Enough for a cold comparison of two long articles; a hang beyond this is a bug.
READY_TIMEOUT_MS = 60_000
# A short settle after the last event: lets layouts, fonts and scroll bars finish.
SETTLE_MS = 200


def save_window(window: QWidget, path: Path) -> bool:
    """Grab `window` (frame excluded) into a PNG at `path`; True on success."""
    QApplication.processEvents()
    pixmap = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Quality 0 is PNG's strongest (still lossless) compression: smaller files in the repo.
    return pixmap.save(str(path), "PNG", 0)


class ScreenshotWhenReady(QObject):
    """Saves the window once it is shown and (optionally) a signal has fired, then quits.

    Args:
        window: the main window (already shown).
        path: the PNG to write.
        ready: a signal to wait for (e.g. the comparison being ready); None
            to shoot as soon as the window is painted.
        on_done: called with the exit status (0 saved, 1 failed).
    """

    def __init__(
        self,
        window: QWidget,
        path: Path,
        ready: SignalInstance | None,
        on_done: Callable[[int], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._on_done = on_done
        self._fired = False
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._give_up)
        if ready is None:
            QTimer.singleShot(SETTLE_MS, self._shoot)
        else:
            ready.connect(lambda *_: QTimer.singleShot(SETTLE_MS, self._shoot))
            self._timeout.start(READY_TIMEOUT_MS)

    def _shoot(self) -> None:
        if self._fired:
            return
        self._fired = True
        self._timeout.stop()
        ok = save_window(self._window, self._path)
        if not ok:
            print(f"Could not write the screenshot to {safe(self._path)}.", file=sys.stderr)
        self._on_done(0 if ok else 1)

    def _give_up(self) -> None:
        # Shoot anyway: a picture of a stuck window is more useful than none.
        print("The window was not ready in time; saving it as it is.", file=sys.stderr)
        self._shoot()
