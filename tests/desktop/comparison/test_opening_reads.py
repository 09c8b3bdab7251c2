"""Opening a comparison reads notes.db off the GUI thread (issue #10).

The reviews come with the comparison's job and the noted passages with a job of
their own; the GUI thread only paints them.  Spies on the window's own
`Collection.reviewed` and `NotesPanel.noted_spans` (the GUI thread's readers)
check that neither is asked while a comparison opens, yet both show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import desktop.comparison.preload
from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    collection = Collection(data_dir)  # the two sample articles
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    collection.close()


def open_and_settle(qtbot: QtBot, window: MainWindow) -> None:
    a, b = window.collection.library.articles()[:2]
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)


def spy(calls: list[str], real: Callable[..., Any]) -> Callable[..., Any]:
    def called(*args: Any) -> Any:
        calls.append(threading.current_thread().name)
        return real(*args)

    return called


def test_reviews_and_noted_passages_are_read_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_settle(qtbot, window)
    a = window.comparison_view.pane("a").article
    assert a is not None
    assert window.reviewing.review_pair(0, judgement="confirm")
    window.notes_panel.add_passage_note(a, 0, 12)
    window.show_library()
    gui_reads: list[str] = []
    monkeypatch.setattr(window.collection, "reviewed", spy(gui_reads, window.collection.reviewed))
    panel = window.notes_panel
    monkeypatch.setattr(panel, "noted_spans", spy(gui_reads, panel.noted_spans))

    open_and_settle(qtbot, window)
    edit = window.comparison_view.pane("a").text_edit
    qtbot.waitUntil(lambda: edit.noted_spans == [(0, 12)], timeout=10000)
    reviews = window.reviewing.reviews
    assert reviews is not None and 0 in reviews.by_pair  # the mark is back
    assert gui_reads == []

    # The preloaded reviews serve once: a review made now is read again.
    monkeypatch.undo()
    assert window.reviewing.review_pair(1, judgement="reject")
    reviews = window.reviewing.reviews
    assert reviews is not None and {0, 1} <= set(reviews.by_pair)


def test_noted_passages_are_read_here_when_the_job_cannot(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_settle(qtbot, window)
    a = window.comparison_view.pane("a").article
    assert a is not None
    window.notes_panel.add_passage_note(a, 3, 9)
    window.show_library()
    # The job's read failed (notes.db locked by another program, say).
    monkeypatch.setattr(desktop.comparison.preload, "read_noted", lambda _c, _a: None)
    open_and_settle(qtbot, window)
    edit = window.comparison_view.pane("a").text_edit
    qtbot.waitUntil(lambda: edit.noted_spans == [(3, 9)], timeout=10000)


def test_a_note_change_supersedes_a_noted_read_in_flight(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = window.collection.library.articles()[:2]
    gate = threading.Event()

    def stale_read(_collection: Any, articles: list[Any]) -> dict[int, list[Any]]:
        gate.wait(10)  # read before the note below was added: none yet
        return {int(article.id): [] for article in articles}

    monkeypatch.setattr(desktop.comparison.preload, "read_noted", stale_read)
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)
        window.notes_panel.add_passage_note(a, 0, 5)  # Changes(notes=True): marked here
        gate.set()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    assert window.comparison_view.pane("a").text_edit.noted_spans == [(0, 5)]


def test_a_background_result_gets_its_bands_and_marks_a_turn_later(qtbot: QtBot) -> None:
    # The result is painted first; the geometry (bands, overview marks) follows
    # in the next turn of the event loop, and must not be forgotten.
    from desktop.comparison import ComparisonView
    from tests.desktop.comparison.test_comparison_support import FLOOD_A, FLOOD_B

    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        view.open_articles(FLOOD_A, FLOOD_B)
    layout = view.layout_data()
    assert layout is not None and layout.pairs
    qtbot.waitUntil(lambda: len(view.gutter.bands()) == len(layout.pairs), timeout=5000)
    assert view.pane("a").overview.marks()
