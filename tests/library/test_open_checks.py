"""Cheap opens (issue #10): no page check on open, only after SQLite reported damage.

`PRAGMA quick_check` cost 210 ms per open at 50k articles.  It runs when the
file carries the mark that damage reported during use leaves
(`set_aside.mark_for_check`), or on an explicit `parallax check`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from library import database
from library.collection import Collection
from library.paths import LIBRARY_DB, NOTES_DB
from library.set_aside import check_mark, mark_for_check


def _traced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    statements: list[str] = []
    real = database._connect

    def connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
        conn = real(target, uri=uri)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(database, "_connect", connect)
    return statements


def _checks(statements: list[str]) -> list[str]:
    return [s for s in statements if "quick_check" in s or "integrity_check" in s]


def _open_both(data_dir: Path) -> None:
    with Collection(data_dir) as collection:
        collection.library.count()
        collection.notes.count()


def test_opening_a_library_checks_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _open_both(tmp_path)  # made, with the samples
    statements = _traced(monkeypatch)
    _open_both(tmp_path)
    assert statements and _checks(statements) == []


@pytest.mark.parametrize("name", [LIBRARY_DB, NOTES_DB])
def test_a_file_marked_damaged_is_checked_once_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    _open_both(tmp_path)
    mark_for_check(tmp_path / name)  # what SQLite reporting damage in use leaves
    statements = _traced(monkeypatch)
    _open_both(tmp_path)
    assert _checks(statements) == ["PRAGMA quick_check"]
    assert not check_mark(tmp_path / name).exists()  # sound: the mark is gone
    statements.clear()
    _open_both(tmp_path)
    assert _checks(statements) == []
