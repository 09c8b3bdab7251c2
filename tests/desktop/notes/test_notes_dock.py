"""The Notes dock builds its panel after the window's first paint, not before.

Building the panel (its modules, opening notes.db, listing notes) was ≈ 0.1 s
of start-up before the first paint.  "Not built yet" must never read as
"notes.db cannot be opened": note actions stay on, and build the panel first.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

import desktop.main_window as main_window
from desktop.notes.dock import NotesDock
from library.collection import Collection
from library.errors import DatabaseLocked
from tests.helpers import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_first_paint_comes_before_the_notes_panel(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop.main_window import MainWindow\n"
        "from desktop.settings import Settings\n"
        "from library.collection import Collection\n"
        "seen = []\n"
        "class FirstPaint(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and not seen:\n"
        "            seen.append(('desktop.notes.panel' in sys.modules, win.notes_dock.state))\n"
        "        return False\n"
        f"collection = Collection({str(tmp_path / 'home')!r})\n"
        "win = MainWindow(collection, Settings(collection.data_dir))\n"
        "spy = FirstPaint()\n"
        "win.installEventFilter(spy)\n"
        "win.show()\n"
        "def check():\n"
        "    if win.notes_dock.state != 'not_built':\n"
        "        app.quit()\n"
        "timer = QTimer()\n"
        "timer.timeout.connect(check)\n"
        "timer.start(20)\n"
        "QTimer.singleShot(20000, app.quit)\n"
        "app.exec()\n"
        "print(seen[0], win.notes_dock.state)\n"
        "win.close()\n"
        "collection.close()\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "(False, 'not_built') ready"


def test_the_dock_works_once_shown(qtbot: QtBot, collection: Collection) -> None:
    win = open_window(qtbot, collection, show=False)
    dock = win.notes_dock
    assert dock.state == "not_built" and dock.panel is None
    assert dock.usable  # not built is not unusable
    win.show()
    qtbot.waitUntil(lambda: dock.state == "ready", timeout=10000)
    panel = dock.panel
    assert dock.widget() is panel
    article = win.library_view.preview.article  # the panel shows what the window shows
    assert article is not None and panel._article == article
    panel.add_passage_note(article, 0, 12)
    panel.search_bar.edit.setText(article.body[:12].split()[0])
    panel.search_bar.edit.returnPressed.emit()
    qtbot.waitUntil(lambda: panel.list_view.model().rowCount() == 1, timeout=5000)
    win.close()


def test_the_notes_menu_builds_the_panel_and_lists_its_actions(
    qtbot: QtBot, collection: Collection
) -> None:
    win = open_window(qtbot, collection, show=False)
    assert win.notes_dock.state == "not_built"
    menu = win.menu_for("Notes")
    assert menu is not None
    menu.aboutToShow.emit()
    panel = win.notes_dock.panel
    assert win.notes_dock.state == "ready" and panel is not None
    assert all(action in menu.actions() for action in panel.actions())
    assert win.notes_panel is panel  # built once
    win.close()


def test_a_note_action_before_the_panel_is_built_builds_it(
    qtbot: QtBot, collection: Collection
) -> None:
    win = open_window(qtbot, collection, show=False)
    assert win.notes_dock.state == "not_built"
    a, b = collection.library.articles()
    win.pair = (a, b)
    win._note_claim(a, b, None)  # type: ignore[arg-type]  # a note on the comparison
    assert win.notes_dock.state == "ready"
    assert len(collection.notes.for_comparison(int(a.id or 0), int(b.id or 0))) == 1
    win.close()


def test_unusable_notes_say_why_and_turn_note_actions_off(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise DatabaseLocked("notes.db is locked by another program")

    monkeypatch.setattr(main_window.MainWindow, "notes_panel_class", locked)
    win = open_window(qtbot, collection)
    dock = win.notes_dock
    qtbot.waitUntil(lambda: dock.state == "unavailable", timeout=10000)
    assert not dock.usable and dock.panel is None and dock.isHidden()
    message = dock.widget()
    assert isinstance(message, QLabel)
    assert message.text() == "Notes cannot be opened: notes.db is locked by another program"
    preview = win.library_view.preview
    preview.text_edit.setFocus()
    preview.select_span(0, 10)
    assert not win.notes.can_add() and not win.act_add_note.isEnabled()
    win.add_note_on_selection()
    assert dock.isHidden()  # nothing to show but the reason, which the View menu opens
    win.close()


class _Window(QMainWindow):
    """A window holding only a NotesDock whose build is recorded step by step."""

    def __init__(self, order: list[str], *, fail_step: bool = False) -> None:
        super().__init__()
        self.order = order
        self.built_panel = QLabel("panel")

        def warm_up(then: Callable[[], None]) -> None:
            order.append("warm_up")
            QTimer.singleShot(0, then)  # as the task manager calls back: later, on this thread

        def open_store() -> None:
            order.append("step")
            # Posted now: it runs before the next slice only if that slice waits for a turn.
            QTimer.singleShot(0, lambda: order.append("turn"))
            if fail_step:
                raise DatabaseLocked("notes.db is locked by another program")

        def make() -> QLabel:
            order.append("make")
            return self.built_panel

        self.dock = NotesDock(
            make,
            lambda _panel: order.append("ready"),
            lambda: order.append("unavailable"),
            self,
            warm_up=warm_up,
            steps=[open_store],
        )
        self.dock.built.connect(lambda: order.append("built"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

    def showEvent(self, event: QShowEvent) -> None:
        self.dock.watch_first_paint()
        super().showEvent(event)


def _shown_with_rows(qtbot: QtBot, win: _Window) -> None:
    qtbot.addWidget(win)
    win.dock.rows_listed()
    win.show()


def test_the_panel_is_built_in_slices_after_the_rows_paint(qtbot: QtBot) -> None:
    # Imports off the GUI thread, then notes.db opened, then the panel made, each
    # in its own event-loop turn: no single freeze of the window.
    order: list[str] = []
    win = _Window(order)
    _shown_with_rows(qtbot, win)
    qtbot.waitUntil(lambda: "built" in order, timeout=10000)
    assert order == ["warm_up", "step", "turn", "make", "ready", "built"]
    assert win.dock.state == "ready" and win.dock.widget() is win.built_panel
    win.close()


def test_a_slice_that_cannot_open_notes_says_why(qtbot: QtBot) -> None:
    order: list[str] = []
    win = _Window(order, fail_step=True)
    _shown_with_rows(qtbot, win)
    qtbot.waitUntil(lambda: "built" in order, timeout=10000)
    assert "make" not in order and "unavailable" in order
    assert win.dock.state == "unavailable" and not win.dock.usable
    message = win.dock.widget()
    assert isinstance(message, QLabel)
    assert message.text() == "Notes cannot be opened: notes.db is locked by another program"
    assert win.dock.ensure_panel() is None  # a note action later does not retry
    win.close()


def test_a_note_action_during_the_slices_builds_the_panel_once(qtbot: QtBot) -> None:
    order: list[str] = []
    win = _Window(order)
    _shown_with_rows(qtbot, win)
    qtbot.waitUntil(lambda: "warm_up" in order, timeout=10000)
    assert win.dock.ensure_panel() is win.built_panel  # at once, not waiting for the slices
    qtbot.wait(50)  # the slices left do nothing now
    assert order.count("make") == 1 and order.count("built") == 1
    win.close()


def test_after_first_paint_runs_once_that_paint_is_done(qtbot: QtBot) -> None:
    # The window opens on its first article after the first paint, before the
    # panel's build: a callback given before the paint waits for it; one given
    # after runs at once.
    order: list[str] = []
    win = _Window(order)
    win.dock.after_first_paint(lambda: order.append("first row"))
    _shown_with_rows(qtbot, win)
    assert order == []  # not painted yet
    qtbot.waitUntil(lambda: "built" in order, timeout=10000)
    assert order[0] == "first row"  # before the panel's slices
    win.dock.after_first_paint(lambda: order.append("later"))
    assert order[-1] == "later"
    win.close()
