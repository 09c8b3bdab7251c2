"""The library page: filter-as-you-type over full-text search, preview, selection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.library.model import Column
from desktop.library.view import LibraryView
from library.collection import Collection

# Qt's offscreen plugin warns about this for every shown top-level window.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ARTICLES = {
    "harbour.md": "---\ntitle: Harbour strike ends\noutlet: Coast Post\n---\n"
    "Dock workers voted to end the strike on Monday.\n\nShipping resumes today.\n",
    "budget.md": "---\ntitle: Budget passes narrowly\noutlet: Capital Daily\n---\n"
    "The council passed the budget by one vote.\n\nThe harbour fund was cut.\n",
    "orchard.txt": "Orchards report record apple crop\n\nGrowers expect low prices.\n",
}


@pytest.fixture
def collection(collection_of: Callable[[dict[str, str]], Collection]) -> Collection:
    return collection_of(ARTICLES)


@pytest.fixture
def view(qtbot: QtBot, collection: Collection) -> LibraryView:
    widget = LibraryView(collection)
    qtbot.addWidget(widget)
    widget.refresh()
    widget.resize(1000, 600)
    widget.show()
    return widget


def shown_titles(view: LibraryView) -> list[str]:
    proxy = view.model
    return sorted(proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount()))


def test_lists_every_article(view: LibraryView) -> None:
    assert view.model.rowCount() == 3
    assert view.filter_note.text() == "3 articles"


def test_typing_narrows_the_table(qtbot: QtBot, view: LibraryView) -> None:
    with qtbot.waitSignal(view.filter_applied, timeout=10000):
        qtbot.keyClicks(view.filter_edit, "harbour")
    # The title of one and the body of the other both match.
    assert shown_titles(view) == ["Budget passes narrowly", "Harbour strike ends"]
    assert view.filter_note.text() == "2 of 3 articles match"

    with qtbot.waitSignal(view.filter_applied, timeout=10000):
        qtbot.keyClicks(view.filter_edit, " strike")
    assert shown_titles(view) == ["Harbour strike ends"]


def test_clearing_the_filter_shows_all(qtbot: QtBot, view: LibraryView) -> None:
    view.filter_edit.setText("apple")
    view.apply_filter()
    assert shown_titles(view) == ["Orchards report record apple crop"]
    view.filter_edit.clear()
    view.apply_filter()
    assert view.model.rowCount() == 3


def test_filter_is_debounced(qtbot: QtBot, view: LibraryView) -> None:
    qtbot.keyClicks(view.filter_edit, "budget")
    # Nothing applied on the keystrokes themselves…
    assert view.model.rowCount() == 3
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)


def test_punctuation_only_is_a_quiet_message(view: LibraryView) -> None:
    view.filter_edit.setText("!!!")
    view.apply_filter()
    assert view.model.rowCount() == 3
    assert view.filter_note.text()  # explains, without an error box


def test_no_match_shows_empty_table(view: LibraryView) -> None:
    view.filter_edit.setText("zeppelin")
    view.apply_filter()
    assert view.model.rowCount() == 0
    assert view.filter_note.text() == "0 of 3 articles match"


def test_selection_shows_preview_with_body_offsets(qtbot: QtBot, view: LibraryView) -> None:
    view.filter_edit.setText("dock workers")
    view.apply_filter()
    with qtbot.waitSignal(view.selection_changed, timeout=10000):
        view.table.selectRow(0)
    article = view.preview.article
    assert article is not None and article.title == "Harbour strike ends"
    assert view.preview.text_edit.toPlainText() == article.body
    assert "Coast Post" in view.preview.meta.text()
    assert "<b>" in view.preview.snippet.text()  # the matched words are bold
    start = article.body.index("Shipping")
    view.preview.select_span(start, start + 8)
    assert view.preview.selected_span() == (start, start + 8)


def test_select_ids_and_multi_selection(view: LibraryView, collection: Collection) -> None:
    ids = [int(a.id) for a in collection.library.articles() if a.id is not None][:2]
    view.select_ids(ids)
    assert sorted(int(a.id) for a in view.selected_articles() if a.id) == sorted(ids)


def test_accessible_names(view: LibraryView) -> None:
    for widget in (view.filter_edit, view.table, view.preview, view.preview.text_edit):
        assert widget.accessibleName()


def test_two_selected_says_how_to_compare(view: LibraryView, collection: Collection) -> None:
    ids = [int(a.id) for a in collection.library.articles() if a.id is not None]
    view.select_ids(ids[:2])
    assert view.preview.article is None
    assert "Ctrl+D" in view.preview.placeholder.text()
    view.select_ids(ids)
    assert "exactly two" in view.preview.placeholder.text()
    view.select_ids([])
    assert view.preview.placeholder.text().startswith("Select an article")


def test_escape_clears_the_search(qtbot: QtBot, view: LibraryView) -> None:
    view.filter_edit.setText("apple")
    view.apply_filter()
    assert view.model.rowCount() == 1
    view.filter_edit.setFocus()
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Escape)
    assert view.filter_edit.text() == ""
    assert view.model.rowCount() == 3


def test_refresh_shows_a_new_article_the_search_hides(
    view: LibraryView, collection: Collection, tmp_path: Path
) -> None:
    view.filter_edit.setText("harbour")
    view.apply_filter()
    assert view.model.rowCount() == 2
    new = tmp_path / "new.md"
    new.write_text(
        "---\ntitle: Ferry timetable changes\n---\nFerries run hourly.\n", encoding="utf-8"
    )
    added = collection.import_paths([new]).results[0].article
    assert added is not None and added.id is not None
    view.refresh(select_ids=[int(added.id)])  # what the window does after an import
    assert view.filter_edit.text() == ""
    assert [a.id for a in view.selected_articles()] == [added.id]


def test_refresh_keeps_a_search_that_matches_the_new_article(
    view: LibraryView, collection: Collection, tmp_path: Path
) -> None:
    view.filter_edit.setText("harbour")
    view.apply_filter()
    new = tmp_path / "new.md"
    new.write_text("---\ntitle: Harbour dredging\n---\nThe harbour is dredged.\n", encoding="utf-8")
    added = collection.import_paths([new]).results[0].article
    assert added is not None and added.id is not None
    view.refresh(select_ids=[int(added.id)])
    assert view.filter_edit.text() == "harbour"
    assert view.model.rowCount() == 3
    assert [a.id for a in view.selected_articles()] == [added.id]


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return])
def test_down_or_enter_in_the_search_moves_to_the_results(
    qtbot: QtBot, view: LibraryView, key: Qt.Key
) -> None:
    view.activateWindow()
    qtbot.waitActive(view)
    view.select_ids([])
    view.filter_edit.setFocus()
    qtbot.keyClicks(view.filter_edit, "harbour")
    qtbot.keyClick(view.filter_edit, key)
    assert view.model.rowCount() == 2  # the search ran at once, not after the delay
    qtbot.waitUntil(view.table.hasFocus, timeout=2000)
    assert len(view.selected_articles()) == 1


def test_preview_spans_are_body_offsets_after_emoji(qtbot: QtBot) -> None:
    from desktop.library.preview import PreviewPane
    from library.article import Article, ArticleId

    preview = PreviewPane()
    qtbot.addWidget(preview)
    body = "🚢 Ships 🚢 sail again today."  # Qt counts each emoji as two positions
    preview.show_article(Article(title="Ships", body=body, id=ArticleId(1)))
    start = body.index("sail")
    preview.select_span(start, start + 4)
    assert preview.text_edit.textCursor().selectedText() == "sail"
    assert preview.selected_span() == (start, start + 4)
    preview.highlight_spans([(start, start + 4)])
    (mark,) = preview.text_edit.extraSelections()
    assert mark.cursor.selectedText() == "sail"


def test_filter_runs_off_the_gui_thread_and_the_newest_keystroke_wins(
    qtbot: QtBot, collection: Collection
) -> None:
    from desktop.tasks import TaskManager

    tasks = TaskManager()
    widget = LibraryView(collection, run=tasks.run)
    qtbot.addWidget(widget)
    try:
        widget.refresh()
        assert widget.model.loading  # asked for, not listed yet: the GUI thread moved on
        qtbot.waitUntil(lambda: not widget.model.loading, timeout=10000)
        assert widget.model.rowCount() == 3
        for text in ("orchard", "harbour", "budget"):  # each applied before the last lands
            widget.filter_edit.setText(text)
            widget.apply_filter()
        with qtbot.waitSignal(widget.filter_applied, timeout=10000) as blocker:
            pass
        assert blocker.args == [1] and shown_titles(widget) == ["Budget passes narrowly"]
        assert widget.filter_note.text() == "1 of 3 articles match"
    finally:
        tasks.shutdown()


def test_selecting_while_rows_are_on_their_way_selects_when_they_land(
    qtbot: QtBot, collection: Collection
) -> None:
    # `parallax FILE` selects the file's article as the window opens, before
    # the task thread has listed the library.
    from desktop.tasks import TaskManager

    tasks = TaskManager()
    widget = LibraryView(collection, run=tasks.run)
    qtbot.addWidget(widget)
    try:
        orchard = next(a for a in collection.page() if a.title.startswith("Orchards"))
        widget.refresh()
        widget.select_ids([orchard.id])
        qtbot.waitUntil(lambda: not widget.model.loading, timeout=10000)
        assert widget.selected_ids() == [orchard.id]
        assert widget.preview.article is not None and widget.preview.article.id == orchard.id
    finally:
        tasks.shutdown()


def test_a_search_that_keeps_the_selection_updates_only_the_hit_line(
    qtbot: QtBot, view: LibraryView
) -> None:
    budget = next(s for s in view.model.summaries() if s.title.startswith("Budget"))
    view.select_ids([budget.id])
    view.preview.select_span(4, 11)  # the reader's place in the text
    with qtbot.assertNotEmitted(view.selection_changed):
        view.filter_edit.setText("harbour")
        view.apply_filter()
    assert view.selected_ids() == [budget.id]
    assert view.preview.selected_span() == (4, 11)  # the body was not rendered again
    assert view.preview.snippet.isVisible() and "harbour" in view.preview.snippet.text()


def test_tab_leaves_the_table_for_the_preview(qtbot: QtBot, view: LibraryView) -> None:
    # Rows are selected whole: Tab moving cell to cell kept the keyboard in the table.
    view.activateWindow()
    qtbot.waitActive(view)
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert view.preview.text_edit.hasFocus()
    qtbot.keyClick(view.preview.text_edit, Qt.Key.Key_Backtab)
    assert view.table.hasFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Backtab)
    assert view.filter_edit.hasFocus()
