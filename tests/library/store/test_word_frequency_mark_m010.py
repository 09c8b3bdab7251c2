"""m010: the word-frequency queue is a mark, and an import writes one row per file."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from library.article import Article, split_paragraphs
from library.compare.units import terms
from library.store import LibraryStore
from library.store import word_frequencies as wf


def _from_scratch(store: LibraryStore) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for article in store.articles():
        for paragraph in split_paragraphs(article.body):
            counts.update(set(terms(paragraph)))
    return dict(counts)


def _counted(store: LibraryStore) -> dict[str, int]:
    return {t: d for t, d in store.db.execute(f"SELECT term, df FROM {wf.TABLE}")}


def _add(store: LibraryStore, i: int, path: str | None = None) -> int:
    body = f"Harbour story {i}.\n\nThe pier number {i} reopened."
    outcome = store.add(Article(title=f"T{i}", body=body, source_path=path or f"/{i}.txt"))
    return outcome.article.id or 0


def test_an_old_library_with_a_queue_table_is_counted_and_marked(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    ids = [_add(store, i) for i in range(4)]
    store.fold_word_counts()
    queued_before = [_add(store, i) for i in range(4, 7)]
    store.close()
    # As m009's library left it: the last three imports queued in the old
    # table (never counted in), no mark, m010 not applied.
    conn = sqlite3.connect(tmp_path / "library.db")
    conn.execute(f"CREATE TABLE {wf.OLD_QUEUE} (article_id INTEGER PRIMARY KEY)")
    conn.executemany(f"INSERT INTO {wf.OLD_QUEUE} VALUES (?)", [(i,) for i in queued_before])
    conn.execute("DELETE FROM meta WHERE key = ?", [wf.COUNTED_KEY])
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_word_frequency_mark'")
    conn.commit()
    conn.close()

    store = LibraryStore(tmp_path)
    try:
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert wf.OLD_QUEUE not in tables
        assert wf.counted_through(store.db.conn) == max(ids + queued_before)
        assert wf.queued(store.db.conn) == []
        assert _counted(store) == _from_scratch(store)  # nothing counted twice or missed
        # And it goes on as a new library: queued by the mark, folded in.
        newest = _add(store, 7)
        assert wf.queued(store.db.conn) == [newest]
        store.fold_word_counts()
        assert _counted(store) == _from_scratch(store)
    finally:
        store.close()


def test_a_new_library_starts_with_the_mark_and_no_queue_table(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    try:
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert wf.OLD_QUEUE not in tables
        assert wf.counted_through(store.db.conn) == 0
    finally:
        store.close()


def test_importing_a_file_writes_its_row_and_nothing_else(tmp_path: Path) -> None:
    # No queue row, no id counter: each per-file write cost a page per commit.
    store = LibraryStore(tmp_path)
    try:
        _add(store, 0)
        meta = store.db.execute("SELECT key, value FROM meta").fetchall()
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        _add(store, 1)
        store.db.conn.set_trace_callback(None)
        # (The trace names the INSERT again for each trigger step it runs.)
        writes = {
            " ".join(s.split()[:3])
            for s in statements
            if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE", "REPLACE")
        }
        assert writes == {"INSERT INTO articles"}
        assert store.db.execute("SELECT key, value FROM meta").fetchall() == meta
    finally:
        store.close()


@pytest.mark.parametrize("remove_newest", [True, False])
def test_a_removed_id_is_not_given_again_nor_left_queued(
    tmp_path: Path, remove_newest: bool
) -> None:
    store = LibraryStore(tmp_path)
    try:
        first, second = _add(store, 0), _add(store, 1)
        store.remove(second if remove_newest else first)  # queued, never counted in
        assert wf.queued(store.db.conn) == [first if remove_newest else second]
        store.fold_word_counts()
        assert _counted(store) == _from_scratch(store)
        assert _add(store, 2) == second + 1
        store.fold_word_counts()
        store.remove(second + 1)  # counted in, then removed: counted out
        assert _counted(store) == _from_scratch(store)
        assert _add(store, 3) == second + 2
    finally:
        store.close()


def test_a_version_superseded_while_queued_is_never_counted(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    try:
        old = _add(store, 0, "/a.txt")
        new = _add(store, 1, "/a.txt")  # a new version of the same file
        assert wf.queued(store.db.conn) == [new] and old != new
        store.fold_word_counts()
        assert _counted(store) == _from_scratch(store)
    finally:
        store.close()


def test_the_old_queue_counts_only_current_versions(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    old = _add(store, 0, "/a.txt")
    _add(store, 1, "/a.txt")  # supersedes it
    store.fold_word_counts()
    store.close()
    # A hand-edited file: the old queue still names the superseded version.
    conn = sqlite3.connect(tmp_path / "library.db")
    conn.execute(f"CREATE TABLE {wf.OLD_QUEUE} (article_id INTEGER PRIMARY KEY)")
    conn.execute(f"INSERT INTO {wf.OLD_QUEUE} VALUES (?)", [old])
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_word_frequency_mark'")
    conn.commit()
    conn.close()
    store = LibraryStore(tmp_path)
    try:
        assert _counted(store) == _from_scratch(store)
    finally:
        store.close()
