"""The window's side of notes: "Add Note on Selection" and jumping to a noted passage.

A stand-in panel with the NotesPanel interface keeps these tests about the
window's wiring, whatever the real panel does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import desktop.main_window as main_window
from desktop.library.dialogs import ConfirmDiscardNote
from desktop.main_window import MainWindow
from library.article import Article
from library.changes import Changes
from library.collection import Collection
from tests.helpers import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class FakeNotesPanel(QWidget):
    passage_requested = Signal(int, int, int)
    notes_changed = Signal()
    comparison_requested = Signal(int, int)
    changes_made = Signal(object)

    def __init__(self, collection: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes: list[Any] = []
        self.added: list[tuple[int, int, int]] = []
        self.shown: list[Article | None] = []
        self.flushed = False
        self.flush_ok = True
        self.spans: dict[int, list[tuple[int, int]]] = {}

    def show_article(self, article: Article | None) -> None:
        self.shown.append(article)

    def show_comparison(self, a: Article, b: Article) -> None:
        pass

    def on_changes(self, changes: Any) -> None:
        self.changes.append(changes)

    def add_passage_note(self, article: Article, start: int, end: int) -> None:
        assert article.id is not None
        self.added.append((int(article.id), start, end))

    def noted_spans(self, article_id: int) -> list[tuple[int, int]]:
        return self.spans.get(article_id, [])

    def flush(self) -> bool:
        self.flushed = True
        return self.flush_ok

    def actions(self) -> list[QAction]:  # type: ignore[override]
        return []


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(main_window.MainWindow, "notes_panel_class", FakeNotesPanel)
    collection = Collection(data_dir)
    win = open_window(qtbot, collection)
    qtbot.waitExposed(win)
    yield win
    win.close()
    collection.close()


def panel(window: MainWindow) -> FakeNotesPanel:
    assert isinstance(window.notes_panel, FakeNotesPanel)
    return window.notes_panel


def test_note_on_preview_selection(qtbot: QtBot, window: MainWindow) -> None:
    preview = window.library_view.preview
    article = preview.article
    assert article is not None and article.id is not None
    assert panel(window).shown[-1] == article
    assert not window.act_add_note.isEnabled()  # nothing selected yet

    start = article.body.index("Dark clouds")
    preview.text_edit.setFocus()
    preview.select_span(start, start + 11)
    qtbot.waitUntil(window.act_add_note.isEnabled, timeout=5000)
    window.act_add_note.trigger()
    assert panel(window).added == [(int(article.id), start, start + 11)]


def test_passage_request_selects_the_passage(qtbot: QtBot, window: MainWindow) -> None:
    articles = window.collection.library.articles()
    target = articles[-1]
    assert target.id is not None
    window.library_view.filter_edit.setText("zzzz nothing")
    window.library_view.apply_filter()
    start = target.body.index(" ") + 1
    panel(window).passage_requested.emit(int(target.id), start, start + 6)
    preview = window.library_view.preview
    assert preview.article == target
    assert preview.selected_span() == (start, start + 6)
    assert window.library_view.filter_edit.text() == ""  # the row had been filtered out


def test_noted_spans_are_underlined(window: MainWindow) -> None:
    article = window.library_view.preview.article
    assert article is not None and article.id is not None
    panel(window).spans[int(article.id)] = [(0, 5), (10, 20)]
    panel(window).changes_made.emit(Changes(notes=True))
    assert len(window.library_view.preview.text_edit.extraSelections()) == 2


def test_noted_spans_are_underlined_in_the_comparison(qtbot: QtBot, window: MainWindow) -> None:
    a, b = window.collection.library.articles()[:2]
    assert a.id is not None and b.id is not None
    panel(window).spans[int(a.id)] = [(0, 4)]
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)
    (mark,) = window.comparison_view.pane("a").text_edit.extraSelections()
    assert mark.cursor.selectedText() == a.body[:4]
    assert window.comparison_view.pane("b").text_edit.extraSelections() == []
    panel(window).spans[int(b.id)] = [(2, 9)]
    panel(window).changes_made.emit(Changes(notes=True))  # a note was just added on B
    (mark,) = window.comparison_view.pane("b").text_edit.extraSelections()
    assert mark.cursor.selectedText() == b.body[2:9]


def test_context_menu_offers_add_note(window: MainWindow) -> None:
    extra = window.library_view.preview.context_menu
    edit = window.library_view.preview.text_edit
    menu = extra.build_menu(edit, QPoint(5, 5))
    assert window.act_add_note in menu.actions()
    assert len(menu.actions()) > 2  # the standard Copy / Select All stay
    # The comparison panes' menus are extended too (by an event filter).
    pane_edit = window.comparison_view.pane("b").text_edit
    assert pane_edit in extra.watched


def test_close_flushes_notes(window: MainWindow) -> None:
    fake = panel(window)
    window.close()
    assert fake.flushed


def test_unsaved_note_can_stop_the_close(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel(window).flush_ok = False
    monkeypatch.setattr(ConfirmDiscardNote, "ask", classmethod(lambda cls, parent: False))
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(ConfirmDiscardNote, "ask", classmethod(lambda cls, parent: True))
    assert window.close()


def test_empty_library_says_how_to_import(qtbot: QtBot, tmp_path: Path) -> None:
    collection = Collection(tmp_path / "empty", seed=False)
    win = open_window(qtbot, collection, show=False)
    assert "Import" in win.library_view.preview.placeholder.text()
    win.close()
    collection.close()
