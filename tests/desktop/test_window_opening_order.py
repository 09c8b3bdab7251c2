"""What runs beside a comparison opened right after start-up: nothing that competes for Python.

The page's modules load once the start-up has built the notes panel (or after
`startup_wait_ms`), and the library's coverage ranking waits until the
comparison is painted: the page's making and first paint then never share the
GIL with a worker.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import desktop.window_comparing
from desktop.library import coverage as coverage_module
from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.collection import Collection
from tests.helpers import open_window

# These tests are about first use: no comparison page made at idle.
pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.usefixtures("no_page_made_at_idle"),
]


class ImportSpy:
    """Records the notes dock's state each time the page's modules start loading."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.window: MainWindow | None = None
        self.states: list[str] = []
        real = desktop.window_comparing._import_comparison_modules

        def recording() -> None:
            self.states.append(self.window.notes_dock.state if self.window else "?")
            real()

        monkeypatch.setattr(desktop.window_comparing, "_import_comparison_modules", recording)


def _new_window(qtbot: QtBot, collection: Collection, spy: ImportSpy) -> MainWindow:
    win = spy.window = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    return win


def test_a_pair_asked_for_at_start_up_loads_the_page_after_the_notes_panel(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = ImportSpy(monkeypatch)
    win = _new_window(qtbot, collection, spy)
    win.show()
    a, b = collection.library.articles()[:2]
    assert win.notes_dock.state == "not_built"
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    assert spy.states == ["ready"]  # not beside the start-up's own work
    assert win.comparison_shown() and win.comparison_view.pane("a").article is a
    win.close()


def test_without_the_notes_panel_built_the_page_loads_after_the_wait(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = ImportSpy(monkeypatch)
    monkeypatch.setattr(MainWindow, "startup_wait_ms", 50)
    win = _new_window(qtbot, collection, spy)
    monkeypatch.setattr(win.notes_dock, "_build_if_shown", lambda: None)  # never built
    win.show()
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    assert spy.states == ["not_built"]
    assert win.comparison_shown() and win.comparison_view.pane("b").article is b
    win.close()


def test_the_coverage_ranking_waits_until_the_comparison_is_painted(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = open_window(qtbot, collection)
    qtbot.waitUntil(lambda: win.coverage.article_id is not None, timeout=10000)
    with qtbot.waitSignal(win.coverage.finished, timeout=10000):
        pass  # the start-up's ranking of the first row
    a, b = collection.library.articles()[:2]
    asked: list[tuple[int, bool]] = []
    real = coverage_module.find_related

    def spy(col: Collection, article_id: int, limit: int = 8) -> Any:
        asked.append((article_id, settled.is_set()))
        return real(col, article_id, limit)

    monkeypatch.setattr(coverage_module, "find_related", spy)
    gate, settled = threading.Event(), threading.Event()
    win.comparison_settled.connect(settled.set)
    real_compare = collection.compare

    def gated(x: Any, y: Any) -> Any:
        gate.wait(10)
        return real_compare(x, y)

    monkeypatch.setattr(collection, "compare", gated)
    other = int(a.id or 0) if win.coverage.article_id == int(b.id or 0) else int(b.id or 0)
    win.library_view.select_ids([other])  # its ranking comes due in DELAY_MS
    assert win.coverage.article_id == other
    win.open_comparison(a, b)
    qtbot.waitUntil(lambda: not win.coverage._timer.isActive(), timeout=5000)
    assert asked == []  # due, but held while the comparison opens
    with qtbot.waitSignal(win.coverage.finished, timeout=30000):
        gate.set()
    assert asked == [(other, True)]  # ranked once the comparison was painted
    win.close()


def test_pyside_makes_its_widget_types_in_a_step_before_the_page(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ~40 widget types and their enums, made on the first wrap of a viewport:
    # 15-20 ms moved out of the page's making, a timer turn before it.
    steps: list[str] = []
    resolve, prepare = MainWindow._resolve_widget_types, MainWindow.prepare_comparison

    def resolving(win: MainWindow) -> None:
        steps.append("types")
        resolve(win)
        steps.append("types done")

    def preparing(win: MainWindow) -> Any:
        if win._comparison_view is None:
            steps.append("page")
        return prepare(win)

    monkeypatch.setattr(MainWindow, "_resolve_widget_types", resolving)
    monkeypatch.setattr(MainWindow, "prepare_comparison", preparing)
    win = open_window(qtbot, collection)
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    assert steps == ["types", "types done", "page"]  # a step of its own, then the page
    win.close()


def test_a_page_that_cannot_be_made_releases_the_coverage_ranking(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window stays on the library page: its ranking must not stay held.
    win = open_window(qtbot, collection)

    def broken() -> None:
        raise RuntimeError("page could not be made")

    monkeypatch.setattr(win, "prepare_comparison", broken)
    a, b = collection.library.articles()[:2]
    with qtbot.captureExceptions() as raised:
        win.open_comparison(a, b)
        qtbot.waitUntil(lambda: bool(raised), timeout=30000)
    assert "page could not be made" in str(raised[0][1])
    assert not win.comparison_shown()
    assert not win.coverage._held
    # A later pair is not swallowed as "already opening": it tries the page again.
    monkeypatch.delattr(win, "prepare_comparison")  # the class's own again
    win.open_comparison(b, a)
    qtbot.waitUntil(win.comparison_shown, timeout=30000)
    win.close()
