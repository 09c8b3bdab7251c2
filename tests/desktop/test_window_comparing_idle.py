"""Opening the first comparison: the engine and fonts loaded at idle; settings saved later."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

import desktop.window_comparing
from desktop.comparison.worker import load_engine
from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_engine_is_loaded_off_the_gui_thread_then_the_page_is_made(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Imported by the first comparison's job, the engine's ~360 modules held the
    # GIL while the GUI thread painted the new page (150-220 ms blocks).  Loaded
    # first (the long part), right after the page's modules: the page is made
    # after it, so the two never share the GIL.
    seen: list[tuple[str, bool]] = []
    real = desktop.window_comparing._warm_up_engine
    win: MainWindow | None = None

    def warm_up() -> None:
        assert win is not None
        seen.append((threading.current_thread().name, win._comparison_view is None))
        real()

    monkeypatch.setattr(desktop.window_comparing, "_warm_up_engine", warm_up)
    monkeypatch.setattr(MainWindow, "prepare_after_ms", 10)
    win = open_window(qtbot, collection)
    qtbot.waitUntil(lambda: win._comparison_view is not None, timeout=30000)
    assert len(seen) == 1
    thread, no_page_yet = seen[0]
    assert thread.startswith("parallax-compute") and no_page_yet
    # Comparisons wait for a warm-up under way instead of loading the engine again.
    assert win.comparison_view.runner.before_compare is load_engine
    assert win.tasks.wait(30)
    win.close()


def test_no_warm_up_once_a_comparison_was_opened(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[None] = []
    monkeypatch.setattr(desktop.window_comparing, "_warm_up_engine", lambda: calls.append(None))
    monkeypatch.setattr(MainWindow, "prepare_after_ms", None)
    win = open_window(qtbot, collection)
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    win._prepare_if_shown()  # the idle timer, late: the engine is loaded already
    assert win.tasks.wait(30)
    assert calls == []
    win.close()


def test_the_reading_fonts_are_loaded_at_idle_and_leave_the_panes_empty(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.comparison.pane import ReadingPane

    warmed: list[ReadingPane] = []
    real = ReadingPane.warm_up

    def warm_up(pane: ReadingPane) -> None:
        real(pane)
        warmed.append(pane)

    monkeypatch.setattr(ReadingPane, "warm_up", warm_up)
    monkeypatch.setattr(desktop.window_comparing, "_warm_up_engine", lambda: None)
    monkeypatch.setattr(MainWindow, "prepare_after_ms", 10)
    win = open_window(qtbot, collection)
    qtbot.waitUntil(lambda: bool(warmed), timeout=10000)
    view = win.comparison_view
    assert warmed == [view.pane("a")]
    for side in ("a", "b"):
        pane = view.pane(side)
        assert pane.article is None and pane.text_edit.toPlainText() == ""
        assert pane.title_label.text() == "" and pane.title_lines == 1
        assert pane.title_label.maximumHeight() == pane.title_label.fontMetrics().lineSpacing()
    # Opened afterwards, a comparison shows as ever.
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    assert view.pane("a").text_edit.toPlainText() == a.body
    win.close()


def test_the_pair_is_remembered_a_turn_after_the_page_is_shown(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Saving the settings file (4-30 ms) no longer adds to the block that
    # switches to the comparison page and paints it.
    monkeypatch.setattr(MainWindow, "prepare_after_ms", None)
    win = open_window(qtbot, collection)
    a, b = collection.library.articles()[:2]
    before = win.recent.pairs()
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
        assert win.recent.pairs() == before  # not yet, within the opening block
    assert (win.recent.pairs()[0].id_a, win.recent.pairs()[0].id_b) == (a.id, b.id)
    win.close()
