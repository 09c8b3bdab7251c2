"""Closing the window while background work finishes: it leaves the screen at once.

An import stops only after its current file; closing during a 10 MB text left
the window on screen, frozen, for about ten seconds.
"""

from __future__ import annotations

import threading

import pytest

from desktop.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_window_is_hidden_while_closing_waits_for_work(window: MainWindow) -> None:
    seen_hidden = threading.Event()
    started = threading.Event()

    def slow_job() -> None:
        # Stands for the file an import is in the middle of: it ends when it
        # ends (or after 10 s if the window never leaves the screen).
        started.set()
        for _ in range(1000):
            if window.isHidden():
                seen_hidden.set()
                return
            threading.Event().wait(0.01)

    window.tasks.run(slow_job, lane="db")
    assert started.wait(10)
    window.close()
    assert seen_hidden.is_set(), "the window stayed on screen while closing waited"
