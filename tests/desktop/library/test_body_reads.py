"""The window reads no article body beyond the one it shows (issue #10: nothing reads every body).

Every SQL statement of every connection is traced while the window starts on
a library, filters it and sorts it.  A statement that reads `body` must be
for one article (`WHERE id =` or its source) or capped at the related-coverage
candidates (`LIMIT` ≤ `coverage.CANDIDATES`, fewer than the library holds): a
listing page, a count or a sort never reads one.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.library.model import Column
from desktop.main_window import MainWindow
from library import database
from library.collection import Collection
from library.coverage import CANDIDATES
from tests.helpers import open_window, wait_listed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ARTICLES = {
    f"ferry-{n:02d}.txt": f"Ferry {n} sails from Korvath\n\nThe ferry {n} left at {n} past nine.\n"
    for n in range(CANDIDATES + 50)
}
_READS_BODY = re.compile(r"\bbody\b", re.IGNORECASE)
_ONE = re.compile(r"WHERE (a\.)?(id|source_key) = ", re.IGNORECASE)
_LIMIT = re.compile(r"\bLIMIT (\d+)", re.IGNORECASE)


def _traced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement any connection opened from now on runs, from any thread."""
    statements: list[str] = []
    lock = threading.Lock()
    real = database._connect

    def note(sql: str) -> None:
        with lock:
            statements.append(" ".join(sql.split()))

    def connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
        conn = real(target, uri=uri)
        conn.set_trace_callback(note)
        return conn

    monkeypatch.setattr(database, "_connect", connect)
    return statements


def _bounded(statement: str) -> bool:
    limit = _LIMIT.search(statement)
    return bool(_ONE.search(statement)) or (limit is not None and int(limit[1]) <= CANDIDATES)


def body_reads(statements: list[str]) -> list[str]:
    """The statements that read bodies of more articles than one or the coverage candidates."""
    return [s for s in statements if _READS_BODY.search(s) and not _bounded(s)]


def test_start_filter_and_sort_read_no_body_but_the_one_shown(
    qtbot: QtBot,
    collection_of: Callable[[dict[str, str]], Collection],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collection = collection_of(ARTICLES)
    statements = _traced(monkeypatch)
    collection = collection.reopen()  # the window's own connections, traced
    window: MainWindow = open_window(qtbot, collection)
    try:
        view = window.library_view
        with qtbot.waitSignal(view.filter_applied, timeout=10000):
            qtbot.keyClicks(view.filter_edit, "ferry")
        view.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
        wait_listed(qtbot, view)
        qtbot.wait(200)  # the first row's preview and coverage ranking
        window.tasks.wait()
        assert view.model.rowCount() == len(ARTICLES)
        assert any(_READS_BODY.search(s) for s in statements)  # the preview's article
        assert body_reads(statements) == []
    finally:
        window.close()
        collection.close()


def test_the_check_tells_a_listing_from_one_article() -> None:
    statements = [
        "SELECT id, title, body FROM articles WHERE superseded_by IS NULL",  # every body
        "SELECT id, title, body FROM articles WHERE id = 4",
        "SELECT id, title, body FROM articles ORDER BY title LIMIT 200 OFFSET 0",  # a page
        "SELECT a.body FROM articles_fts JOIN articles a ON a.id = rowid WHERE x LIMIT 100",
        "SELECT id, title FROM articles ORDER BY title LIMIT 200 OFFSET 0",
    ]
    assert body_reads(statements) == [statements[0], statements[2]]
