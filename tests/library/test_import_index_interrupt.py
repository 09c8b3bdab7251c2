"""Ctrl-C inside the search index's SQL function stops an import like anywhere else.

SQLite calls `parallax_index_text` (`library.search_index`) from the index's
triggers; `sqlite3` turns whatever that function raises into the statement's
"user-defined function raised exception" error.  A KeyboardInterrupt there
became that file's refusal and the import went on.  Any other error still
refuses that one file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from library import search_index
from library.importer import FileResult, import_paths
from library.ingest import read_article
from library.store import LibraryStore


def _write(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n}.txt"
        path.write_text(f"Barge {n} report\n\nThe barge {n} docked at Velmora pier {n}.\n")
        paths.append(path)
    return paths


def _raising_once(monkeypatch: pytest.MonkeyPatch, error: BaseException, on_title: str) -> None:
    """The import's index function raises `error` the first time it is given `on_title`."""
    real = LibraryStore._index_value
    raised = False

    def index_value(self: LibraryStore, value: object) -> str | None:
        nonlocal raised
        if value == on_title and not raised:
            raised = True
            raise error
        return real(self, value)

    monkeypatch.setattr(LibraryStore, "_index_value", index_value)


def _stored(home: Path) -> set[str]:
    with sqlite3.connect(home / "library.db") as other:  # sees only what is committed
        return {str(t) for (t,) in other.execute("SELECT title FROM articles")}


@pytest.fixture
def store(tmp_path: Path) -> Any:
    library = LibraryStore(tmp_path / "home")
    yield library
    library.close()


@pytest.mark.parametrize("version", [False, True], ids=["new file", "new version"])
def test_an_interrupt_in_the_index_function_stops_the_import(
    store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: bool
) -> None:
    paths = _write(tmp_path / "in", 4)
    if version:  # the interrupted file is a new version: written in a savepoint
        (first,) = import_paths(store, [paths[2]]).results
        paths[2].write_text("Barge 2 report\n\nThe barge 2 now sails from Velmora at dusk.\n")
    _raising_once(monkeypatch, KeyboardInterrupt(), "Barge 2 report")
    reported: list[FileResult] = []
    with pytest.raises(KeyboardInterrupt):
        import_paths(store, paths, on_result=reported.append)
    assert [r.path.name for r in reported] == ["0.txt", "1.txt"]  # committed, then reported
    assert not store.db.conn.in_transaction  # no write lock kept
    stored = _stored(store.path.parent)
    assert {"Barge 0 report", "Barge 1 report"} <= stored and "Barge 3 report" not in stored
    if version:  # the old version stays the current one, whole
        assert first.article is not None
        (kept,) = store.versions(first.article.id)
        assert kept.body.endswith("Velmora pier 2.")
    else:
        assert "Barge 2 report" not in stored


def test_another_error_in_the_index_function_refuses_only_that_file(
    store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write(tmp_path / "in", 4)
    _raising_once(monkeypatch, RuntimeError("index broke"), "Barge 2 report")
    report = import_paths(store, paths)
    assert [r.status for r in report.results] == ["added", "added", "refused", "added"]
    assert "user-defined function raised exception" in report.results[2].reason
    assert _stored(store.path.parent) == {"Barge 0 report", "Barge 1 report", "Barge 3 report"}


def test_an_interrupt_once_seen_is_not_raised_again(
    store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The interrupt was raised by the first import; the second one's own
    # failure (another error) stays that file's refusal.
    paths = _write(tmp_path / "in", 3)
    _raising_once(monkeypatch, KeyboardInterrupt(), "Barge 1 report")
    with pytest.raises(KeyboardInterrupt):
        import_paths(store, paths)
    _raising_once(monkeypatch, RuntimeError("index broke"), "Barge 2 report")
    report = import_paths(store, paths)
    assert [r.status for r in report.results] == ["unchanged", "added", "refused"]


def test_an_interrupt_outside_an_import_is_kept_for_the_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The function every store registers on open (`register`), used by a
    # write outside an import: inside `interrupts_raised` it stops likewise.
    real = search_index._index_value

    def index_value(value: object) -> str | None:
        if value == "Barge 0 report":
            raise KeyboardInterrupt
        return real(value)

    monkeypatch.setattr(search_index, "_index_value", index_value)
    store = LibraryStore(tmp_path / "home")
    (path,) = _write(tmp_path / "in", 1)
    with pytest.raises(KeyboardInterrupt), search_index.interrupts_raised():
        store.add(read_article(path))
    assert not store.db.conn.in_transaction and store.count() == 0
    with pytest.raises(sqlite3.OperationalError), search_index.interrupts_raised():
        store.db.conn.execute("SELECT * FROM no_such_table")  # nothing pending any more
    store.close()


def test_parallax_import_stops_with_its_one_line(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from library.cli import main

    paths = _write(tmp_path / "in", 3)
    assert main(["list"]) == 0  # the samples are imported before the patch
    _raising_once(monkeypatch, KeyboardInterrupt(), "Barge 1 report")
    capsys.readouterr()
    assert main(["import", str(paths[0].parent)]) == 130
    out, err = capsys.readouterr()
    assert "0.txt" in out and "1.txt" not in out and "2.txt" not in out
    assert err.strip().splitlines() == ["parallax: interrupted."]
    assert "Barge 0 report" in _stored(data_dir) and "Barge 1 report" not in _stored(data_dir)
