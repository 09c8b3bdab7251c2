"""An import commits its files in batches: each file all or nothing, none reported unstored.

Files are stored many to a transaction (`library.store.import_batch`), each
one a savepoint; a batch is committed after `MAX_FILES` files or `MAX_SECONDS`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from library.errors import DatabaseError
from library.importer import FileResult, import_paths
from library.store import LibraryStore, import_batch
from library.store import library_store as store_module
from library.store import word_frequencies as wf
from tests.helpers import frequencies_from_scratch


def _write(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"{n:03d}.txt"
        path.write_text(f"Ferry {n} news\n\nThe ferry {n} left Korvath at {n} past nine.\n")
        paths.append(path)
    return paths


def _count_elsewhere(library_store: LibraryStore) -> int:
    # Another connection: sees only what is committed.
    with sqlite3.connect(library_store.path) as other:
        return int(other.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_a_file_failing_mid_batch_is_undone_alone(
    library_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    first, changed, last = _write(folder, 3)
    import_paths(library_store, [changed])
    changed.write_text("Ferry 1 news\n\nThe ferry 1 now leaves Korvath at noon.\n")
    real = wf.on_retired

    def on_retired(conn: sqlite3.Connection, article_id: int, body: str) -> None:
        # A new version fails after its row was inserted: only a savepoint undoes that row.
        raise RuntimeError("retiring failed")

    monkeypatch.setattr(store_module.word_frequencies, "on_retired", on_retired)
    report = import_paths(library_store, [first, changed, last])
    monkeypatch.setattr(store_module.word_frequencies, "on_retired", real)
    assert [r.status for r in report.results] == ["added", "refused", "added"]
    assert report.results[1].reason == "could not be stored: RuntimeError: retiring failed"
    assert (
        _count_elsewhere(library_store) == 3
    )  # the old version of the changed file and the two others
    (kept,) = library_store.versions(1)
    assert kept.body.endswith("left Korvath at 1 past nine.") and library_store.current(1).id == 1


def test_two_versions_of_one_source_in_one_batch(
    library_store: LibraryStore, tmp_path: Path
) -> None:
    (path,) = _write(tmp_path / "in", 1)
    texts = iter(["Ferry news\n\nSecond text.\n", "Ferry news\n\nThird text.\n"])
    commits: list[str] = []
    library_store.db.conn.set_trace_callback(
        lambda sql: commits.append(sql) if sql == "COMMIT" else None
    )

    def rewrite(done: int, _total: int, _path: Path) -> None:
        if 0 < done < 3:  # the file changes between its reads
            path.write_text(next(texts))

    report = import_paths(library_store, [path, path, path], on_progress=rewrite)
    library_store.db.conn.set_trace_callback(None)
    assert [r.status for r in report.results] == ["added", "new_version", "new_version"]
    ids = [r.article.id for r in report.results if r.article is not None]
    assert [r.previous_id for r in report.results] == [None, ids[0], ids[1]]
    assert [a.version for a in library_store.versions(ids[0])] == [1, 2, 3]
    assert library_store.current(ids[0]).body.endswith("Third text.")
    assert len(commits) == 1  # all three in one transaction


def test_the_same_text_twice_in_one_batch_is_unchanged(
    library_store: LibraryStore, tmp_path: Path
) -> None:
    first, second = _write(tmp_path / "in", 2)
    second.write_text(first.read_text())
    report = import_paths(library_store, [first, second])
    assert [r.status for r in report.results] == ["added", "unchanged"]
    assert _count_elsewhere(library_store) == 1


def test_cancel_mid_batch_keeps_and_reports_the_files_done(
    library_store: LibraryStore, tmp_path: Path
) -> None:
    paths = _write(tmp_path / "in", 6)
    started: list[Path] = []
    reported: list[str] = []
    report = import_paths(
        library_store,
        paths,
        on_progress=lambda _done, _total, path: started.append(path),
        should_cancel=lambda: len(started) == 3,
        on_result=lambda r: reported.append(r.path.name),
    )
    assert report.cancelled
    assert reported == ["000.txt", "001.txt", "002.txt"]
    assert _count_elsewhere(library_store) == 3 and not library_store.db.conn.in_transaction


def _full_disk_error() -> sqlite3.OperationalError:
    """The error SQLite raises on a full disk: classified by its code, not its text."""
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL
    error.sqlite_errorname = "SQLITE_FULL"
    return error


class _FailingCommit:
    """The library_store's connection, whose `fail_on`-th COMMIT fails as on a full disk."""

    def __init__(self, conn: sqlite3.Connection, fail_on: int) -> None:
        self._conn, self._fail_on, self.commits = conn, fail_on, 0

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "COMMIT":
            self.commits += 1
            if self.commits == self._fail_on:
                raise _full_disk_error()
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_a_failed_commit_is_one_clear_error_and_keeps_the_batches_before(
    library_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 60 files read in chunks (their word counts made ahead), 20 to a batch;
    # the second batch's commit fails.
    monkeypatch.setenv("PARALLAX_IMPORT_WORKERS", "0")
    monkeypatch.setattr(import_batch, "MAX_FILES", 20)
    paths = _write(tmp_path / "in", 60)
    real = library_store.db.conn
    library_store.db.conn = _FailingCommit(real, fail_on=2)  # type: ignore[assignment]
    reported: list[FileResult] = []
    with pytest.raises(DatabaseError, match=r"^disk full while writing .*library\.db"):
        import_paths(library_store, paths, on_result=reported.append)
    library_store.db.conn = real
    assert [r.path for r in reported] == paths[:20]  # reported: stored
    assert _count_elsewhere(library_store) == 20 and not real.in_transaction
    # The lost batch's ids are given again, to other texts: counted from theirs.
    report = import_paths(library_store, _write(tmp_path / "more", 30, start=100))
    assert report.count("added") == 30
    expected, _ = frequencies_from_scratch(library_store)
    assert dict(real.execute(f"SELECT term, df FROM {wf.TABLE}").fetchall()) == expected


def test_a_file_refused_by_a_full_disk_keeps_the_files_before_it(
    library_store: LibraryStore, tmp_path: Path
) -> None:
    first, second = _write(tmp_path / "in", 2)
    big = tmp_path / "in" / "big.txt"
    big.write_text("Big ferry news\n\n" + " ".join(f"word{n}" for n in range(60_000)) + "\n")
    (pages,) = library_store.db.execute("PRAGMA page_count").fetchone()
    library_store.db.execute(f"PRAGMA max_page_count = {pages + 40}")  # the big file cannot fit
    reported: list[str] = []
    with pytest.raises(DatabaseError, match="disk full"):
        import_paths(
            library_store, [first, second, big], on_result=lambda r: reported.append(r.status)
        )
    assert reported == ["added", "added"]
    assert _count_elsewhere(library_store) == 2


def test_a_reader_sees_the_rows_once_the_time_bound_passes(
    library_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write(tmp_path / "in", 7)
    clock = [0.0]
    monkeypatch.setattr(import_batch, "now", lambda: clock[0])
    monkeypatch.setattr(import_batch, "MAX_SECONDS", 0.25)
    seen: list[int] = []

    def tick(done: int, _total: int, _path: Path) -> None:
        seen.append(_count_elsewhere(library_store))  # before each file
        clock[0] = done * import_batch.MAX_SECONDS / 2  # half the bound per file

    import_paths(library_store, paths, on_progress=tick)
    # Committed when a file ends the bound after the batch began: after files 3 and 6.
    assert seen == [0, 0, 0, 3, 3, 3, 6, 7]


def test_a_batch_is_due_by_count_or_by_time(library_store: LibraryStore) -> None:
    clock = [10.0]
    batch = import_batch.ImportBatch(
        library_store.db, max_files=3, max_seconds=0.25, clock=lambda: clock[0]
    )
    assert not batch.due() and not batch.open
    batch.begin()
    batch.begin()
    assert batch.open and not batch.due()
    clock[0] = 10.25
    assert batch.due()
    batch.commit()
    assert not batch.open and not library_store.db.conn.in_transaction
    for _ in range(3):
        batch.begin()
    assert batch.due()  # three files, no time gone by
    batch.rollback()
    assert not library_store.db.conn.in_transaction and batch.lost


def test_a_batch_sqlite_undid_on_its_own_is_an_error_not_a_report(
    library_store: LibraryStore, tmp_path: Path
) -> None:
    # A hand-edited library whose trigger rolls the whole transaction back:
    # the file before it in the batch is gone, so it must not be reported.
    first, poison, last = _write(tmp_path / "in", 3)
    library_store.db.execute(
        "CREATE TRIGGER hostile BEFORE INSERT ON articles WHEN new.title = 'Ferry 1 news' "
        "BEGIN SELECT RAISE(ROLLBACK, 'hostile trigger'); END"
    )
    reported: list[str] = []
    with pytest.raises(DatabaseError, match="SQLite undid the files imported since the last"):
        import_paths(
            library_store, [first, poison, last], on_result=lambda r: reported.append(r.status)
        )
    assert reported == [] and _count_elsewhere(library_store) == 0
    assert not library_store.db.conn.in_transaction


def test_a_new_file_whose_insert_fails_mid_batch_leaves_nothing_of_it(
    library_store: LibraryStore, tmp_path: Path
) -> None:
    # A new file is one INSERT (its search index row by a trigger), with no
    # savepoint of its own: SQLite must undo that statement alone.
    paths = _write(tmp_path / "in", 3)
    library_store.db.execute(
        "CREATE TRIGGER hostile AFTER INSERT ON articles WHEN new.title = 'Ferry 1 news' "
        "BEGIN SELECT RAISE(ABORT, 'hostile row'); END"
    )
    report = import_paths(library_store, paths)
    assert [r.status for r in report.results] == ["added", "refused", "added"]
    assert "hostile row" in report.results[1].reason
    assert _count_elsewhere(library_store) == 2
    rows = library_store.db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'korvath'"
    )
    assert sorted(r[0] for r in rows) == [1, 2]  # no search row left of the refused file
    library_store.db.execute(
        "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 0)"
    )
    expected, _ = frequencies_from_scratch(library_store)
    assert dict(library_store.db.execute(f"SELECT term, df FROM {wf.TABLE}").fetchall()) == expected


def test_the_cli_gives_one_line_and_lists_only_the_files_stored(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from library.cli import main

    assert main(["list"]) == 0  # the samples are imported before the patch
    monkeypatch.setattr(import_batch, "MAX_FILES", 2)
    real_commit = import_batch.ImportBatch.commit
    commits: list[int] = []

    def commit(batch: import_batch.ImportBatch) -> None:
        if batch.open:
            commits.append(1)
        if len(commits) == 2 and batch.open:  # the second batch's commit fails
            real_conn = batch.db.conn
            batch.db.conn = _FailingCommit(real_conn, fail_on=1)  # type: ignore[assignment]
            try:
                return real_commit(batch)
            finally:
                batch.db.conn = real_conn
        return real_commit(batch)

    monkeypatch.setattr(import_batch.ImportBatch, "commit", commit)
    _write(tmp_path / "in", 5)
    capsys.readouterr()
    assert main(["import", str(tmp_path / "in")]) == 1
    out, err = capsys.readouterr()
    assert [line.split()[1].rsplit("/", 1)[-1] for line in out.splitlines()] == [
        "000.txt",
        "001.txt",
    ]
    (line,) = err.strip().splitlines()
    assert line.startswith("parallax: disk full while writing") and "library.db" in line
    assert main(["list"]) == 0
    assert out.count("Ferry") == 2 and capsys.readouterr().out.count("Ferry") == 2


def test_a_large_file_is_read_with_the_write_lock_free(
    library_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import library.importer as importer

    folder = tmp_path / "in"
    small = _write(folder, 2)
    large = folder / "large.txt"
    large.write_text("Ferry report\n\n" + "The ferry left Korvath at nine. " * 40 + "\n")
    monkeypatch.setattr(importer, "LARGE_FILE_BYTES", 1000)
    locked_while_reading: list[bool] = []
    real = importer.read_one

    def read_one(found: Any) -> Any:
        if found.path == large:
            # Another writer, as the window's Remove would be, with no patience.
            other = sqlite3.connect(library_store.path, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.rollback()
                locked_while_reading.append(False)
            except sqlite3.OperationalError:
                locked_while_reading.append(True)
            finally:
                other.close()
        return real(found)

    monkeypatch.setattr(importer, "read_one", read_one)
    report = import_paths(library_store, [*small, large])
    assert [r.status for r in report.results] == ["added"] * 3
    assert locked_while_reading == [False]
    assert _count_elsewhere(library_store) == 3
