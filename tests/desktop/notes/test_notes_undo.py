"""Notes in the window: Undo a deletion, a visible Trash that does not stick,
a noted passage marked in the margin and the legend, and a note on another
article that does not silently leave the comparison."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.notes.panel import NotesPanel
from desktop.notes.passage_target import ConfirmOpenOtherArticle
from desktop.settings import Settings
from library.article import Article, ArticleId
from library.collection import Collection
from library.notes import NotesStore
from tests.desktop.notes_support import collection_with

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BODY = "The pier opens in May.\n\nFishermen say their catch halved."


@pytest.fixture
def pier_collection(data_dir: Path) -> Iterator[Collection]:
    articles = {4: Article(title="Pier opens", body=BODY), 5: Article(title="Other", body="x")}
    col = collection_with(data_dir, articles)
    yield col
    col.close()


@pytest.fixture
def notes(pier_collection: Collection) -> NotesStore:
    """The notes of the panel's collection (what the panel writes to)."""
    return pier_collection.notes


@pytest.fixture
def panel(qtbot: QtBot, pier_collection: Collection) -> NotesPanel:
    widget = NotesPanel(pier_collection)
    qtbot.addWidget(widget)
    widget.resize(380, 640)
    widget.show()
    widget.show_article(Article(title="Pier opens", body=BODY, id=ArticleId(4)))
    return widget


def delete_first(panel: NotesPanel) -> None:
    panel.list_view.setCurrentIndex(panel.model.index(0))
    panel.delete_selected()


def test_the_banner_undoes_a_deletion(panel: NotesPanel, notes: NotesStore) -> None:
    note = notes.add_article_note(4, "Check the catch figures")
    panel.refresh()
    assert not panel.undo.isVisible()
    delete_first(panel)
    assert notes.get(note.id).in_trash and panel.model.rowCount() == 0
    assert panel.undo.isVisible()
    assert panel.undo.label.text() == "Deleted “Check the catch figures”"
    panel.undo.button.click()
    assert not notes.get(note.id).in_trash
    assert [r.note.id for r in panel.model.rows()] == [note.id]
    assert not panel.undo.isVisible()


def test_ctrl_z_in_the_panel_undoes_newest_first(
    qtbot: QtBot, panel: NotesPanel, notes: NotesStore
) -> None:
    first = notes.add_article_note(4, "first")
    second = notes.add_article_note(4, "second")
    panel.refresh()
    delete_first(panel)
    delete_first(panel)
    assert notes.get(first.id).in_trash and notes.get(second.id).in_trash
    panel.list_view.setFocus()
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = [n for n in (first, second) if not notes.get(n.id).in_trash]
    assert len(restored) == 1 and panel.undo.isVisible()
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not notes.get(first.id).in_trash and not notes.get(second.id).in_trash
    assert not panel.undo.isVisible() and not panel.undo.action.isEnabled()
    # Let go of Ctrl: Qt keeps the modifiers of the last key event application-wide,
    # and a later test's `selectRow` with Ctrl "held" toggles its row off.
    qtbot.keyRelease(panel.list_view, Qt.Key.Key_Control)


def test_the_trash_says_so_and_resets_on_a_change_of_view(
    panel: NotesPanel, notes: NotesStore
) -> None:
    notes.add_article_note(4, "gone")
    panel.refresh()
    delete_first(panel)
    panel.search_bar.trash_button.setChecked(True)
    assert panel.context.text().startswith("Showing the trash: 1 note")
    assert panel.search_bar.trash_button.objectName() == "notesTrash"  # styled when checked
    panel.show_article(Article(title="Other", body="Other text.", id=ArticleId(5)))
    assert not panel.search_bar.trash()
    assert not panel.context.text().startswith("Showing the trash")
    assert not panel.undo.isVisible()  # the banner was about the other view


@pytest.fixture
def window(qtbot: QtBot, collection: Collection) -> Iterator[MainWindow]:
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.resize(1280, 800)
    win.show()
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    yield win
    win.close()


def test_a_note_on_a_compared_article_is_shown_in_its_pane(window: MainWindow) -> None:
    view = window.comparison_view
    article = view.pane("b").article
    assert article is not None and article.id is not None
    window.show_passage(int(article.id), 10, 30)
    assert window.stack.currentWidget() is view
    cursor = view.pane("b").text_edit.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (10, 30)


def test_a_note_on_another_article_asks_before_leaving(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Harbour news\n\nThe harbour reopened on Monday.\n")
    report = window.collection.import_paths([other])
    other_id = int(report.results[0].article.id)  # type: ignore[union-attr,arg-type]
    asked: list[str] = []

    def answer(choice: bool) -> None:
        monkeypatch.setattr(
            ConfirmOpenOtherArticle, "ask", classmethod(lambda cls, p, t: asked.append(t) or choice)
        )

    answer(False)
    window.show_passage(other_id, 0, 5)
    assert asked == ["Harbour news"]
    assert window.stack.currentWidget() is window.comparison_view  # stayed
    answer(True)
    window.show_passage(other_id, 0, 5)
    assert window.stack.currentWidget() is window.library_view


def test_noted_passages_get_a_margin_bar_and_a_legend_entry(window: MainWindow) -> None:
    view = window.comparison_view
    article = view.pane("a").article
    assert article is not None and article.id is not None
    panel = window.notes_panel
    panel.add_passage_note(article, 0, 40)
    assert view.pane("a").text_edit.noted_spans == [(0, 40)]
    assert "Noted passage" in [s.text for s in view.legend.swatches]
