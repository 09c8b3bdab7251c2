"""The library store: versions, search, removal, file safety."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from library.article import Article
from library.errors import DatabaseCorrupt, DatabaseLocked, DatabaseTooNew, InvalidQuery, NotFound
from library.set_aside import quarantine
from library.store import LibraryStore


def _article(body: str, path: str = "/tmp/a.txt", title: str = "T") -> Article:
    return Article(title=title, body=body, source_path=path)


def test_files_are_private(tmp_path: Path) -> None:
    library_store = LibraryStore(tmp_path / "home")
    library_store.add(_article("Some text."))
    assert stat.S_IMODE(os.stat(tmp_path / "home").st_mode) == 0o700
    for name in os.listdir(tmp_path / "home"):
        assert stat.S_IMODE(os.stat(tmp_path / "home" / name).st_mode) == 0o600, name


def test_unchanged_reimport_is_not_duplicated(library_store: LibraryStore) -> None:
    first = library_store.add(_article("Same text."))
    again = library_store.add(_article("Same text."))
    assert (first.status, again.status) == ("added", "unchanged")
    assert again.article.id == first.article.id
    assert library_store.count() == 1


def test_changed_file_becomes_a_new_version(library_store: LibraryStore) -> None:
    v1 = library_store.add(_article("First draft."))
    v2 = library_store.add(_article("Second draft."))
    assert v2.status == "new_version"
    assert v2.previous_id == v1.article.id
    assert v2.article.version == 2
    assert [a.id for a in library_store.articles()] == [v2.article.id]
    assert [a.version for a in library_store.versions(v1.article.id)] == [1, 2]
    assert library_store.current(v1.article.id).id == v2.article.id
    assert library_store.get(v1.article.id).body == "First draft."


def test_search_finds_words_and_marks_them(library_store: LibraryStore) -> None:
    library_store.add(_article("The director is Li Zhaozong.", "/a"))
    library_store.add(_article("Nothing relevant here.", "/b"))
    hits = library_store.search("Li Zhaozong")
    assert [h.article.source_path for h in hits] == ["/a"]
    assert "[Li] [Zhaozong]" in hits[0].snippet


def test_search_only_current_versions(library_store: LibraryStore) -> None:
    library_store.add(_article("old wording about bridges"))
    library_store.add(_article("new wording about tunnels"))
    assert library_store.search("bridges") == []
    assert len(library_store.search("tunnels")) == 1


@pytest.mark.parametrize("text", ['"unbalanced', "AND", "spy*", "-x", "a:b", "(x", "NOT OR"])
def test_hostile_search_text_never_raises_sqlite_errors(
    library_store: LibraryStore, text: str
) -> None:
    library_store.add(_article("spy and AND words"))
    library_store.search(text)


def test_search_with_no_words_is_a_clear_error(library_store: LibraryStore) -> None:
    with pytest.raises(InvalidQuery):
        library_store.search("*** :")


def test_cjk_search_finds_words_inside_runs(library_store: LibraryStore) -> None:
    library_store.add(_article("周三，山谷地区全部二十三所学校因暴雨停课。"))
    hits = library_store.search("学校")
    assert len(hits) == 1
    assert "[学校]" in hits[0].snippet


def test_remove_removes_all_versions(library_store: LibraryStore) -> None:
    v1 = library_store.add(_article("one")).article
    library_store.add(_article("two"))
    library_store.remove(v1.id or 0)
    assert library_store.count() == 0
    with pytest.raises(NotFound):
        library_store.get(v1.id or 0)


def test_get_unknown_id(library_store: LibraryStore) -> None:
    with pytest.raises(NotFound, match="No article with id 99"):
        library_store.get(99)


def test_corrupt_file_is_refused_not_overwritten(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "library.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseCorrupt, match="damaged or not a Parallax database"):
        LibraryStore(home)
    assert (home / "library.db").read_bytes().startswith(b"this is not")
    moved = quarantine(home / "library.db")
    assert moved.exists() and not (home / "library.db").exists()


def test_locked_database_gives_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("library.database.BUSY_TIMEOUT_MS", 100)
    library_store = LibraryStore(tmp_path / "home")
    library_store.add(_article("kept"))
    other = sqlite3.connect(tmp_path / "home" / "library.db")
    other.execute("BEGIN EXCLUSIVE")
    try:
        library_store.db.conn.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(DatabaseLocked, match="locked by another program"):
            library_store.add(_article("new text", "/other"))
    finally:
        other.rollback()
        other.close()
    assert [a.body for a in library_store.articles()] == ["kept"]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    LibraryStore(tmp_path / "home").close()
    conn = sqlite3.connect(tmp_path / "home" / "library.db")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(DatabaseTooNew, match="newer version of Parallax"):
        LibraryStore(tmp_path / "home")


def test_a_connection_refuses_use_from_another_thread(library_store: LibraryStore) -> None:
    import threading

    errors: list[BaseException] = []

    def use() -> None:
        try:
            library_store.count()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    assert len(errors) == 1 and isinstance(errors[0], sqlite3.ProgrammingError)


def test_a_removed_article_id_is_never_given_again(tmp_path: Path) -> None:
    # Notes keep naming a removed article; a reused id would hang them on a stranger.
    library_store = LibraryStore(tmp_path / "home")
    library_store.add(_article("one", "/tmp/one.txt"))
    removed = library_store.add(_article("two", "/tmp/two.txt")).article
    library_store.remove(removed.id or 0)
    library_store.close()
    library_store = LibraryStore(tmp_path / "home")
    try:
        fresh = library_store.add(_article("three", "/tmp/three.txt")).article
        assert fresh.id is not None and removed.id is not None
        assert fresh.id > removed.id
    finally:
        library_store.close()


def test_word_count_is_read_back_not_recounted(library_store: LibraryStore) -> None:
    stored = library_store.add(_article("three little words")).article
    assert stored.word_count == 3
    library_store.db.execute("UPDATE articles SET word_count = 42 WHERE id = ?", [stored.id])
    assert library_store.get(stored.id or 0).word_count == 42
    assert library_store.articles()[0].word_count == 42


def test_opening_reads_while_another_process_writes(tmp_path: Path) -> None:
    import subprocess
    import sys

    home = tmp_path / "home"
    LibraryStore(home).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE')\n"
         "c.execute(\"INSERT INTO meta VALUES ('k', 'v')\")\n"
         "print('locked', flush=True)\n"
         "time.sleep(30)\n",
         str(home / "library.db")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        library_store = LibraryStore(home)  # no write on open: must not wait for the lock
        try:
            assert library_store.count() == 0
        finally:
            library_store.close()
    finally:
        holder.kill()
        holder.communicate()


def test_quarantine_after_another_process_moved_the_file(tmp_path: Path) -> None:
    damaged = tmp_path / "library.db"
    damaged.write_bytes(b"not a database")
    first = quarantine(damaged)
    # A second process that found the same damaged file a moment later:
    second = quarantine(damaged)
    assert second == first and first.read_bytes() == b"not a database"


def test_an_added_article_is_the_one_read_back_without_a_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stored copy is made without `dataclasses.replace` (its `__init__`
    # per file), and equals what `get` reads back, word count included.
    import dataclasses

    def no_replace(*args: object, **kwargs: object) -> None:
        raise AssertionError("dataclasses.replace on the writer's path")

    store = LibraryStore(tmp_path)
    article = Article(
        title="Quay", body="The quay at Sorrel shut.\n\nIt reopens in May.", outlet="Tarn Daily",
        source_path="/inbox/quay.md", extra={"encoding": "utf-8"},
    )  # fmt: skip
    monkeypatch.setattr(dataclasses, "replace", no_replace)
    outcome = store.add(article)
    monkeypatch.undo()
    stored, read_back = outcome.article, store.get(outcome.article.id or 0)
    assert stored == read_back and stored.word_count == read_back.word_count == 9
    assert stored.content_hash == article.content_hash and stored.language == "en"
    assert article.id is None and article.version == 1  # the caller's article is untouched
    store.close()
