"""The window hands each operation's `Changes` to every view; each refreshes only what it shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.library.dialogs import ConfirmRemove
from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.changes import Changes
from library.collection import Collection
from tests.helpers import wait_listed

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


def _heard(view: Any) -> list[Changes]:
    """Record the changes the window hands to `view` (and still apply them)."""
    heard: list[Changes] = []
    real = view.on_changes

    def spy(changes: Changes) -> None:
        heard.append(changes)
        real(changes)

    view.on_changes = spy
    return heard


def test_removing_in_the_window_counts_kept_notes_and_tells_the_notes_panel(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    col = window.collection
    article = col.library.articles()[0]
    assert article.id is not None
    col.add_article_note(article.id, "kept after removal")
    heard = _heard(window.notes_panel)
    monkeypatch.setattr(ConfirmRemove, "ask", classmethod(lambda cls, parent, arts: True))
    wait_listed(qtbot, window.library_view)  # select only once the rows are listed
    window.library_view.select_ids([article.id])
    with qtbot.waitSignal(window.library_view.status_message) as said:
        window.act_remove.trigger()
    assert "Removed 1 article" in said.args[0] and "1 note kept" in said.args[0]
    assert [c.articles and c.notes for c in heard] == [True]
    wait_listed(qtbot, window.library_view)  # the table re-lists in the read lane
    assert window.library_view.model.rowCount() == 1
    assert col.notes.for_article(article.id)  # the note waits for its article


def test_an_import_reaches_every_view_and_selects_the_new_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    heard = _heard(window.notes_panel)
    ranked: list[bool] = []
    window.coverage.refresh = lambda: ranked.append(True)  # type: ignore[method-assign]
    path = tmp_path / "new.md"
    path.write_text("# Fire at the mill\n\nA fire broke out at the old mill on Friday.\n")
    report = window.collection.import_paths([path])
    window._import_done(report)
    new_id = report.changes.article_ids[0]
    wait_listed(qtbot, window.library_view)  # the table re-lists in the read lane
    assert [int(a.id or 0) for a in window.library_view.selected_articles()] == [new_id]
    assert window.library_view.model.rowCount() == 3
    assert heard == [report.changes] and ranked == [True]


def test_views_ignore_changes_that_are_not_theirs(qtbot: QtBot, window: MainWindow) -> None:
    view, panel = window.library_view, window.notes_panel
    with qtbot.assertNotEmitted(view.model.modelReset):
        view.on_changes(Changes(notes=True, tags=True, reviews=True))
    counted: list[bool] = []
    real_tags = panel.store.tags
    panel.store.tags = lambda: counted.append(True) or real_tags()
    article = window.collection.library.articles()[0]
    panel.show_article(article)
    op = window.collection.add_article_note(int(article.id or 0), "added elsewhere")
    panel.on_changes(op.changes)  # an untagged note: the tag list is not counted again
    assert [r.note.text for r in panel.model.rows()] == ["added elsewhere"]
    assert counted == []
    panel.on_changes(window.collection.update_note(op.value.id, tags=["fire"]).changes)
    assert counted == [True]
    assert panel.search_bar.tag_combo.findData("fire") >= 0


def test_the_window_compares_in_its_own_compute_lane(qtbot: QtBot, window: MainWindow) -> None:
    import threading

    runner = window.comparison_view.runner
    assert runner.tasks is window.tasks  # one task manager for the whole window
    assert runner.compare == window.collection.compare  # given, not patched in afterwards
    threads: list[str] = []
    real = runner.compare

    def spy(a: Any, b: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(a, b)

    runner.compare = spy
    a, b = window.collection.library.articles()[:2]
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)
    assert len(threads) == 1 and threads[0].startswith("parallax-compute")
