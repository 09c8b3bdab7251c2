"""Importing files and folders: per-file results, refusals, cancellation, seeding."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from library.article import Article
from library.collection import Collection
from library.importer import import_paths
from library.samples import samples_dir
from library.store import LibraryStore
from library.store import library_store as store_module


def _folder(tmp_path: Path, test_data: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(test_data / "plain_article.txt", folder / "a.txt")
    shutil.copy(test_data / "saved_page.html", folder / "nested" / "b.html")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / ".hidden.txt").write_text("ignored")
    return folder


def test_folder_import_reports_each_file(tmp_path: Path, test_data: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    report = import_paths(store, [_folder(tmp_path, test_data)])
    by_name = {r.path.name: r for r in report.results}
    assert set(by_name) == {"a.txt", "b.html", "photo.png", "broken.txt"}
    assert by_name["a.txt"].status == "added"
    assert by_name["b.html"].status == "added"
    assert by_name["photo.png"].status == "skipped"
    assert by_name["broken.txt"].status == "refused"
    assert "PNG image" in by_name["broken.txt"].reason
    assert [r.path.name for r in report.failed] == ["broken.txt"]
    assert report.summary() == "2 added, 0 updated, 0 unchanged, 1 refused, 1 skipped"
    assert store.count() == 2


def test_a_bad_file_leaves_the_library_intact(tmp_path: Path, test_data: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    import_paths(store, [test_data / "plain_article.txt"])
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    report = import_paths(store, [bad, test_data / "front_matter.md"])
    assert [r.status for r in report.results] == ["refused", "added"]
    assert store.count() == 2


def test_progress_and_cancel(tmp_path: Path, test_data: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    seen: list[tuple[int, int]] = []
    files = [test_data / "plain_article.txt", test_data / "front_matter.md"]
    report = import_paths(
        store,
        files,
        on_progress=lambda done, total, _path: seen.append((done, total)),
        should_cancel=lambda: len(seen) >= 1,
    )
    assert report.cancelled
    assert [r.path.name for r in report.results] == ["plain_article.txt"]
    assert seen == [(0, 2)]


def test_first_start_seeds_samples_once(data_dir: Path) -> None:
    collection = Collection()
    titles = [a.title for a in collection.library.articles()]
    assert len(titles) == 2
    assert any(t.startswith("The Fourth Plenary Session Approaches") for t in titles)
    removed = collection.library.articles()[0]
    collection.library.remove(removed.id or 0)
    collection.close()
    assert Collection().library.count() == 1


def test_samples_ship_unchanged_text(sample_paths: list[Path]) -> None:
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    assert samples_dir() == sample_paths[0].parent
    assert len(sample_paths) == 2
    if not seeds.is_dir():
        return
    shipped = "".join(p.read_text(encoding="utf-8") for p in sample_paths)
    for seed in seeds.glob("*.txt"):
        assert seed.read_text(encoding="utf-8") in shipped


def test_notes_left_on_an_old_version_move_on_the_next_import(
    data_dir: Path, tmp_path: Path
) -> None:
    from library.ingest import read_article

    source = tmp_path / "story.txt"
    source.write_text("Story\n\nThe mayor opened the bridge on Monday.", encoding="utf-8")
    collection = Collection(data_dir, seed=False)
    try:
        imported = collection.import_paths([source]).results[0].article
        assert imported is not None
        v1 = collection.library.get(imported.id)
        note = collection.notes.add_quote_note(v1, "opened the bridge", "check this")
        # A new version stored while notes.db could not be written (e.g. locked):
        # the library moved on, the note did not.
        source.write_text("Story\n\nThe mayor opened the bridge on Tuesday.", encoding="utf-8")
        v2 = collection.library.add(read_article(source)).article
        assert collection.notes.get(note.id).article_id == v1.id
        result = collection.import_paths([source]).results[0]
        assert result.status == "unchanged"
        moved = collection.notes.get(note.id)
        assert moved.article_id == v2.id and not moved.detached
        assert moved.anchor is not None and moved.anchor.quote == "opened the bridge"
    finally:
        collection.close()


def test_the_report_holds_no_article_bodies(tmp_path: Path, test_data: Path) -> None:
    # A 50,000-file import kept every text in its report until the end.
    store = LibraryStore(tmp_path / "home")
    seen = []
    report = import_paths(store, [_folder(tmp_path, test_data)], on_result=seen.append)
    stored = [r for r in report.results if r.article is not None]
    assert len(stored) == 2 and seen == report.results
    for result in stored:
        assert result.article is not None and not hasattr(result.article, "body")
        full = store.get(result.article.id)
        assert (result.article.title, result.article.version) == (full.title, full.version)
        assert result.article.word_count == full.word_count
        assert full.body and full.body not in repr(result)
    store.close()


def test_an_article_given_to_a_result_is_reduced_to_its_metadata(tmp_path: Path) -> None:
    from library.article import Article
    from library.importer import FileResult

    article = Article(title="T", body="Long text.")
    result = FileResult(tmp_path / "a.txt", "added", article)  # type: ignore[arg-type]
    assert result.article is not None and not hasattr(result.article, "body")
    assert result.describe().endswith("T")


def test_add_returns_the_article_as_stored_without_reading_it_back(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    try:
        article = Article(
            title="Harbour", body="The harbour reopened.\n\nShips sailed.", source_path="/n/h.txt",
            extra={"encoding": "cp1252"},
        )  # fmt: skip
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        stored = store.add(article).article
        store.db.conn.set_trace_callback(None)
        assert stored == store.get(int(stored.id or 0))
        assert stored.word_count == store.get(int(stored.id or 0)).word_count == 5
        # The body is written once and never selected again.
        assert not any(s.lstrip().upper().startswith("SELECT ID, SOURCE_KEY") and "WHERE id" in s
                       for s in statements)  # fmt: skip
        again = store.add(Article(title="Harbour", body="The harbour reopened again.",
                                  source_path="/n/h.txt"))  # fmt: skip
        assert again.status == "new_version" and again.article == store.get(
            int(again.article.id or 0)
        )
    finally:
        store.close()


def test_an_import_reports_a_file_once_committed_and_checkpoints_at_the_end(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Story {n}\n\nThe council met on day {n}.\n")
    store = LibraryStore(tmp_path / "home")
    seen: list[int] = []

    def count_from_another_connection(_result: object) -> None:
        # A file reported is committed: another reader sees it (the three
        # files share one batch, committed before the first is reported).
        with sqlite3.connect(store.path) as other:
            seen.append(other.execute("SELECT count(*) FROM articles").fetchone()[0])
        assert store.db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == (
            store_module.IMPORT_CHECKPOINT_PAGES
        )

    try:
        import_paths(store, [folder], on_result=count_from_another_connection)
        assert seen == [3, 3, 3]
        assert store.db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        busy, wal_frames, copied = store.db.conn.execute("PRAGMA wal_checkpoint").fetchone()
        assert busy == 0 and wal_frames == copied  # nothing left behind in the WAL
    finally:
        store.close()
