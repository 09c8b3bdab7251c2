"""The library's "Other coverage of this event" list: off the GUI thread, latest selection wins."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.library import coverage as coverage_module
from desktop.library.coverage import CoveragePanel
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.tasks import TaskManager
from library.article import Article
from library.collection import Collection
from tests.helpers import open_window
from tests.library.test_coverage import OTHER_QUAKE, QUAKE_A, QUAKE_B, UNRELATED

EVIL = "<b>Marenko</b> quake <img src=x>"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def collection(data_dir: Path) -> Iterator[Collection]:
    col = Collection(data_dir, seed=False)
    evil = Article(title=EVIL, body=QUAKE_B.body + " More to come.", source_path="/e")
    for article in [QUAKE_A, OTHER_QUAKE, *UNRELATED, QUAKE_B, evil]:
        col.library.add(article)
    yield col
    col.close()


def _id(col: Collection, title: str) -> int:
    return next(int(a.id or 0) for a in col.library.articles() if a.title == title)


def test_lists_other_coverage_and_compares_it(qtbot: QtBot, collection: Collection) -> None:
    win = open_window(qtbot, collection)
    panel = win.coverage
    source = _id(collection, QUAKE_A.title)
    with qtbot.waitSignal(panel.finished, timeout=10000):
        win.library_view.select_ids([source])
    titles = [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]
    assert set(titles[:2]) == {QUAKE_B.title, EVIL}  # shown as typed, not as HTML
    assert QUAKE_B.title in titles[:2] and OTHER_QUAKE.title in titles
    assert titles.index(OTHER_QUAKE.title) == 2
    row = titles.index(QUAKE_B.title)
    assert panel.list.topLevelItem(row).text(1) == "Northern Wire"
    panel.list.setCurrentItem(panel.list.topLevelItem(row))
    assert panel.compare_button.isEnabled()
    with qtbot.waitSignal(win.comparison_opened, timeout=10000) as opened:
        panel.compare_button.click()
    a, b = opened.args
    assert (a.title, b.title) == (QUAKE_A.title, QUAKE_B.title)
    win.close()


def test_two_selected_shows_a_hint(qtbot: QtBot, collection: Collection) -> None:
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.library_view.select_ids([_id(collection, QUAKE_A.title), _id(collection, QUAKE_B.title)])
    assert win.coverage.article_id is None
    assert win.coverage.list.topLevelItemCount() == 0
    assert "Select one article" in win.coverage.status.text()
    win.close()


def test_runs_off_the_gui_thread_and_latest_selection_wins(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    asked: list[int] = []
    real = coverage_module.find_related

    def spy(col: Collection, article_id: int, limit: int = 8) -> list:
        threads.append(threading.current_thread().name)
        asked.append(article_id)
        return real(col, article_id, limit)

    monkeypatch.setattr(coverage_module, "find_related", spy)
    tasks = TaskManager()
    panel = CoveragePanel(collection, tasks)
    qtbot.addWidget(panel)
    first, second = _id(collection, QUAKE_A.title), _id(collection, OTHER_QUAKE.title)
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.show_for(first)
        panel.show_for(second)  # before the debounce: only the second is ranked
    assert asked == [second]
    assert threads and all(name.startswith("parallax-compute") for name in threads)
    titles = [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]
    assert OTHER_QUAKE.title not in titles
    tasks.shutdown()


def test_held_ranks_nothing_then_the_latest_selection_once_released(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window holds the ranking while a comparison opens (no worker beside its paint).
    asked: list[int] = []
    real = coverage_module.find_related

    def spy(col: Collection, article_id: int, limit: int = 8) -> list:
        asked.append(article_id)
        return real(col, article_id, limit)

    monkeypatch.setattr(coverage_module, "find_related", spy)
    tasks = TaskManager()
    panel = CoveragePanel(collection, tasks)
    qtbot.addWidget(panel)
    first, second = _id(collection, QUAKE_A.title), _id(collection, OTHER_QUAKE.title)
    panel.hold()
    panel.show_for(first)
    qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=5000)  # it came due
    panel.show_for(second)
    qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=5000)
    assert tasks.wait(10) and asked == []
    assert "Looking for other coverage" in panel.status.text()
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.release()
    assert asked == [second]
    panel.release()  # nothing due: nothing ranked again
    qtbot.wait(coverage_module.DELAY_MS + 50)
    assert tasks.wait(10) and asked == [second]
    tasks.shutdown()
