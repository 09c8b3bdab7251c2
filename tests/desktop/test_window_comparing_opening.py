"""A comparison asked for before the window made its page (right after start-up).

The page's modules are awaited off the GUI thread, the page is made in one
turn and the pair shown in the next; the end state is that of an opening on
a page made earlier, and a newer request meanwhile replaces the older one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import desktop.comparison.preload
import desktop.window_comparing
from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window

# These tests are about first use: no comparison page made at idle.
pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.usefixtures("no_page_made_at_idle"),
]


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Holds the job importing the page's modules until set."""
    event = threading.Event()
    real = desktop.window_comparing._import_comparison_modules

    def held() -> None:
        event.wait(10)
        real()

    monkeypatch.setattr(desktop.window_comparing, "_import_comparison_modules", held)
    yield event
    event.set()


def shown(win: MainWindow) -> tuple[Any, Any, Any]:
    view = win.comparison_view
    return (win.stack.currentWidget() is view, view.pane("a").article, view.pane("b").article)


def test_a_pair_asked_for_before_the_page_shows_comparing_then_opens_as_ever(
    qtbot: QtBot, collection: Collection, gate: threading.Event
) -> None:
    win = open_window(qtbot, collection)
    a, b = collection.library.articles()[:2]
    opened: list[tuple[Any, Any]] = []
    win.comparison_opened.connect(lambda x, y: opened.append((x, y)))
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
        # Nothing made or imported on the GUI thread: "Comparing…" at once.
        assert win._comparison_view is None and win.stack.currentWidget() is win.library_view
        assert win.statusBar().currentMessage() == "Comparing…"
        gate.set()
    assert shown(win) == (True, a, b) and opened == [(a, b)]
    view = win.comparison_view
    assert view.pane("a").text_edit.toPlainText() == a.body
    assert view.acts.export_html.isEnabled()  # active, as on a page made earlier
    assert win.reviewing.act_review.isEnabled()
    assert win.pair == (a, b)
    win.close()


def test_a_newer_pair_asked_for_while_the_page_is_made_replaces_the_older(
    qtbot: QtBot, collection: Collection, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.comparison.view import ComparisonView

    calls: list[tuple[Any, Any]] = []
    real = ComparisonView.open_articles

    def spy(view: ComparisonView, x: Any, y: Any) -> None:
        calls.append((x, y))
        real(view, x, y)

    monkeypatch.setattr(ComparisonView, "open_articles", spy)
    win = open_window(qtbot, collection)
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
        win.open_comparison(b, a)
        gate.set()
    assert shown(win) == (True, b, a)
    assert calls == [(b, a)]  # the older pair was never opened
    assert win.pair == (b, a)
    win.close()


def test_reaching_for_the_page_meanwhile_shows_the_pair_at_once(
    qtbot: QtBot, collection: Collection, gate: threading.Event
) -> None:
    win = open_window(qtbot, collection)
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
        assert shown(win) == (True, a, b)  # made here, on demand, with the pair
        gate.set()
    assert shown(win) == (True, a, b)
    win.close()


def test_a_note_added_after_the_early_read_is_marked(
    qtbot: QtBot, collection: Collection, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The noted passages are read as the opening starts; a note added after
    # that read arrived, yet before the page showed the pair, must show too.
    win = open_window(qtbot, collection)
    panel = win.notes_panel
    a, b = collection.library.articles()[:2]
    reads: list[None] = []
    real = desktop.comparison.preload.read_noted

    def counted(c: Any, articles: Any) -> Any:
        reads.append(None)
        return real(c, articles)

    monkeypatch.setattr(desktop.comparison.preload, "read_noted", counted)
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
        qtbot.waitUntil(lambda: isinstance(win._noted, dict), timeout=10000)
        panel.add_passage_note(a, 2, 7)
        gate.set()
    edit = win.comparison_view.pane("a").text_edit
    qtbot.waitUntil(lambda: edit.noted_spans == [(2, 7)], timeout=10000)
    assert len(reads) == 2  # read again once shown, off the GUI thread
    win.close()
