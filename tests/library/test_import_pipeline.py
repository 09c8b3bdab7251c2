"""A large import read ahead by worker processes gives the report an in-process import gives.

Same lines in the same order (refusals and a bad file in the middle
included), same library, same word frequencies; Ctrl-C still stops between
files; a pool that cannot start, or breaks, leaves the files to this process.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

import library.import_pipeline as pipeline
import library.importer as importer
from library.importer import import_paths
from library.store import LibraryStore
from tests.helpers import import_with_ctrl_c
from tests.library.import_pipeline_support import SUMMARY, import_cancelled_after_five, write_inbox
from tests.library.import_pipeline_support import in_process as _in_process
from tests.library.import_pipeline_support import lines as _lines
from tests.library.import_pipeline_support import table as _table


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """FILES article files, with refusals and a skipped file among them."""
    return write_inbox(tmp_path / "inbox")


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Let the test process fork a pool (pytest has threads); records each pool started."""
    started: list[object] = []
    real = pipeline.start_pool

    def start_pool(workers: int, files: int) -> object:
        pool = real(workers, files)
        started.append(pool)
        return pool

    monkeypatch.setattr(pipeline, "can_fork_safely", lambda: True)
    monkeypatch.setattr(pipeline, "start_pool", start_pool)
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "2")  # whatever the machine's load
    return started


def test_pipeline_report_and_library_equal_an_in_process_import(
    tmp_path: Path, inbox: Path, pooled: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected_store = LibraryStore(tmp_path / "one")
    expected = _in_process(monkeypatch, expected_store, inbox)
    store = LibraryStore(tmp_path / "two")
    seen: list[str] = []
    report = import_paths(store, [inbox], on_result=lambda r: seen.append(r.path.name))

    assert pooled and pooled[0] is not None, "the import did not use worker processes"
    assert _lines(report) == _lines(expected)
    assert seen == [r.path.name for r in expected.results]
    statuses = {r.path.name: r.status for r in report.results}
    assert statuses["a011.md"] == statuses["a020.md"] == statuses["a030.md"] == "refused"
    assert statuses["a040.png"] == "skipped"
    assert statuses["a050.md"] == "unchanged"
    assert (
        report.summary()
        == expected.summary()
        == "66 added, 0 updated, 1 unchanged, 3 refused, 1 skipped"
    )
    assert [r.article.id for r in report.results if r.article] == [
        r.article.id for r in expected.results if r.article
    ]
    columns = "id, title, outlet, language, body, content_hash, word_count, encoding"
    rows = f"SELECT {columns} FROM articles ORDER BY id"
    assert _table(store, rows) == _table(expected_store, rows)
    # Word frequencies counted by the workers equal those counted from the bodies.
    words = "SELECT term, df FROM word_df ORDER BY term"
    assert _table(store, words) == _table(expected_store, words)
    assert store.get_meta("word_df_paragraphs") == expected_store.get_meta("word_df_paragraphs")
    # The search index holds what the workers folded.
    assert [h.article.title for h in store.search("harbour", limit=100)] == [
        h.article.title for h in expected_store.search("harbour", limit=100)
    ]
    assert not multiprocessing.active_children()


def test_reimporting_through_the_pipeline_finds_everything_unchanged(
    tmp_path: Path, inbox: Path, pooled: list[object]
) -> None:
    store = LibraryStore(tmp_path / "home")
    import_paths(store, [inbox])
    (inbox / "a001.md").write_text("---\ntitle: Story 1\n---\n\nA corrected text.\n")
    report = import_paths(store, [inbox])
    assert report.summary() == "0 added, 1 updated, 66 unchanged, 3 refused, 1 skipped"
    new = next(r for r in report.results if r.status == "new_version")
    assert new.path.name == "a001.md" and new.previous_id is not None
    assert store.search("corrected")[0].article.id == new.article.id  # type: ignore[union-attr]


def test_a_small_import_starts_no_pool(tmp_path: Path, inbox: Path, pooled: list[object]) -> None:
    few = sorted(inbox.glob("*.md"))[: importer.PIPELINE_MIN_FILES - 1]
    report = import_paths(LibraryStore(tmp_path / "home"), few)
    assert len(report.results) == len(few)
    assert pooled == []


def test_cancel_stops_between_files_and_stops_the_workers(
    tmp_path: Path, inbox: Path, pooled: list[object]
) -> None:
    store = LibraryStore(tmp_path / "home")
    report = import_cancelled_after_five(store, inbox)
    assert report.cancelled
    assert len(report.results) == 5
    assert store.count() == 5
    assert not multiprocessing.active_children()


def test_ctrl_c_during_a_pooled_cli_import_exits_130(
    data_dir: Path,
    inbox: Path,
    pooled: list[object],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_with_ctrl_c(inbox, "_store", monkeypatch, capsys)
    assert pooled and pooled[0] is not None
    assert not multiprocessing.active_children()


def test_a_pool_that_cannot_start_leaves_the_import_in_process(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")  # no semaphores, as in some containers

    monkeypatch.setattr(pipeline, "can_fork_safely", lambda: True)
    # `start_pool` imports the pool class when it starts one (never before).
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "2")
    store = LibraryStore(tmp_path / "home")
    report = import_paths(store, [inbox])
    assert report.summary() == SUMMARY


def test_a_process_with_another_thread_never_forks_and_reads_a_small_import_in_process() -> None:
    # Forking copies only the calling thread: a lock another thread held stays
    # locked in the child (Qt's threads in the window, numpy's).
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not pipeline.can_fork_safely()
        assert pipeline.start_method(pipeline.FORKSERVER_MIN_FILES) == "forkserver"
        assert pipeline.start_pool(2, pipeline.FORKSERVER_MIN_FILES - 1) is None
    finally:
        stop.set()
        other.join()


def test_workers_follow_the_variable_then_the_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "0")
    assert pipeline.default_workers() == 0
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "99")
    assert pipeline.default_workers() == pipeline.MAX_WORKERS
    monkeypatch.delenv(pipeline.WORKERS_VARIABLE)
    monkeypatch.setattr(pipeline, "runnable_tasks", lambda: None)  # no /proc: the load average
    monkeypatch.setattr(os, "getloadavg", lambda: (0.3, 0.3, 0.3))
    assert pipeline.default_workers() == 2
    # A core taken by another program, or all of them: a pool would only add its own CPU.
    monkeypatch.setattr(os, "getloadavg", lambda: (1.0, 2.0, 1.0))
    assert pipeline.default_workers() == 0
    monkeypatch.setattr(os, "getloadavg", lambda: (2.5, 2.0, 1.0))
    assert pipeline.default_workers() == 0
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert pipeline.default_workers() == 0


def test_a_failed_preparation_is_left_to_the_writer(
    tmp_path: Path, inbox: Path, pooled: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    real = pipeline.body_terms

    def counts_fail_in_workers(body: str) -> Any:
        if os.getpid() != parent and "town 7 " in body:
            raise RecursionError("a strange text")
        return real(body)

    monkeypatch.setattr(pipeline, "body_terms", counts_fail_in_workers)
    expected_store = LibraryStore(tmp_path / "one")
    _in_process(monkeypatch, expected_store, inbox)
    store = LibraryStore(tmp_path / "two")
    report = import_paths(store, [inbox])
    assert report.count("added") == 66
    words = "SELECT term, df FROM word_df ORDER BY term"
    assert _table(store, words) == _table(expected_store, words)


# -- read_ahead on its own ------------------------------------------------------


def _double(chunk: list[int]) -> list[int]:
    return [2 * n for n in chunk]


class _FakePool:
    """Runs each job at once; the `fail_at`-th submission raises as a broken pool does."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.submitted = 0
        self.fail_at = fail_at
        self.shut = False

    def submit(self, fn: Callable[[list[int]], list[int]], chunk: list[int]) -> Future[list[int]]:
        self.submitted += 1
        future: Future[list[int]] = Future()
        if self.fail_at is not None and self.submitted >= self.fail_at:
            future.set_exception(BrokenProcessPool("a worker was killed"))
        else:
            future.set_result(fn(chunk))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.shut = True


def test_read_ahead_keeps_order_and_a_bounded_window() -> None:
    pool = _FakePool()
    items = list(range(10 * pipeline.CHUNK + 3))
    submitted_when_read: list[int] = []
    out = []
    for value in pipeline._results(pool, pipeline.chunked(items), _double, window=3):  # type: ignore[arg-type]
        submitted_when_read.append(pool.submitted)
        out.append(value)
    assert out == [2 * n for n in items]
    # Never more than `window` chunks beyond the one being read.
    chunk_of = [i // pipeline.CHUNK for i in range(len(items))]
    assert all(s - c <= 3 for s, c in zip(submitted_when_read, chunk_of, strict=True))


def test_a_broken_pool_finishes_in_process() -> None:
    pool = _FakePool(fail_at=3)
    items = list(range(6 * pipeline.CHUNK))
    out = list(pipeline._results(pool, pipeline.chunked(items), _double, window=2))  # type: ignore[arg-type]
    assert out == [2 * n for n in items]
    assert pool.shut


@pytest.mark.parametrize(
    "text",
    ["".join(map(chr, range(128))), "Plain news, 6:30 a.m.", "", "Café ☕ 國家", "ＷｅＣｈａｔ x"],
)
def test_the_index_form_of_ascii_text_is_the_text(text: str, tmp_path: Path) -> None:
    # The ASCII fast paths (the worker's and the writer's trigger function)
    # give what the search index's own folding gives.
    from library.search_index import index_form

    assert pipeline.index_form(text) == index_form(text)
    store = LibraryStore(tmp_path / "home")
    assert store._index_value(text) == index_form(text)
    store.close()


def test_prepare_all_equals_preparing_each_and_leaves_only_a_failing_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from library.article import Article

    articles = [
        Article(title="Harbour", body="The harbour reopened.\n\nFerries sail."),
        Article(title="國家", body="國家安全部局長表示。\n\nWeChat ☕ 6:30", language="zh"),
        Article(title="Strange", body="A strange text.\n\nIt breaks a stage."),
        Article(title="Plain", body="Le ministre a démissionné."),
    ]
    assert pipeline.prepare_all(articles) == [pipeline.prepare(a) for a in articles]
    real = pipeline.body_terms

    def fails_on_strange(body: str) -> Any:
        if "strange" in body:
            raise RecursionError("a strange text")
        return real(body)

    monkeypatch.setattr(pipeline, "body_terms", fails_on_strange)
    prepared = pipeline.prepare_all(articles)
    assert prepared[2] is articles[2]
    assert [type(p) for p in prepared] == [pipeline.Prepared] * 2 + [Article, pipeline.Prepared]


def test_without_a_pool_a_large_import_reads_in_chunks_and_equals_file_by_file(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from library.store import word_frequencies as wf

    expected_store = LibraryStore(tmp_path / "one")
    expected = _in_process(monkeypatch, expected_store, inbox)
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "0")
    chunks: list[int] = []
    real_prepare_chunk = importer.prepare_chunk

    def prepare_chunk(chunk: list[Any]) -> list[Any]:
        chunks.append(len(chunk))
        return real_prepare_chunk(chunk)

    read_back: list[int] = []
    real_counts_of = wf._counts_of

    def counts_of(conn: sqlite3.Connection, ids: Any, known: Any) -> Any:
        ids = list(ids)
        read_back.extend(i for i in ids if i not in known)
        return real_counts_of(conn, ids, known)

    monkeypatch.setattr(importer, "prepare_chunk", prepare_chunk)
    monkeypatch.setattr(wf, "_counts_of", counts_of)
    store = LibraryStore(tmp_path / "two")
    report = import_paths(store, [inbox])
    assert _lines(report) == _lines(expected)
    assert chunks and max(chunks) == pipeline.CHUNK  # read a chunk at a time
    assert read_back == []  # the counts came with each prepared file
    for sql in ("SELECT term, df FROM word_df ORDER BY term", "SELECT id, title FROM articles"):
        assert _table(store, sql) == _table(expected_store, sql)


def test_in_chunks_reads_a_chunk_only_when_reached() -> None:
    read: list[int] = []

    def work(chunk: list[int]) -> list[int]:
        read.extend(chunk)
        return chunk

    results = pipeline.in_chunks(list(range(5 * pipeline.CHUNK)), work)
    assert read == []
    assert next(results) == 0 and read == list(range(pipeline.CHUNK))


def test_ctrl_c_while_a_chunk_is_read_in_process_stores_no_file_of_it(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No pool: Ctrl-C while this thread reads a chunk ahead leaves the files
    # stored before it whole, and none of that chunk, in the library on disk.
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "0")
    real_read_one = importer.read_one

    def read_one(found: importer.Found) -> Any:
        if found.path.name == "a020.md":  # the second chunk
            raise KeyboardInterrupt
        return real_read_one(found)

    monkeypatch.setattr(importer, "read_one", read_one)
    store = LibraryStore(tmp_path / "home")
    stored: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        import_paths(store, [inbox], on_result=lambda r: stored.append(r.path.name))
    store.close()
    assert len(stored) == pipeline.CHUNK  # the first chunk, each file reported
    added = [name for name in stored if name != "a011.md"]  # the empty one is refused
    reopened = LibraryStore(tmp_path / "home")
    assert reopened.count() == len(added)
    reopened.close()


def test_chunks_are_cut_by_count_and_by_bytes() -> None:
    # Sixteen files near the size limit must not be read as one chunk.
    cut = pipeline.chunked(list(range(40)))
    assert [len(c) for c in cut] == [16, 16, 8]
    big = pipeline.CHUNK_BYTES // 3
    sizes = {i: big for i in range(7)} | {7: pipeline.CHUNK_BYTES * 2, 8: 10}
    cut = pipeline.chunked(list(range(9)), sizes.__getitem__)
    assert cut == [[0, 1, 2], [3, 4, 5], [6], [7], [8]]
    assert [x for c in cut for x in c] == list(range(9))
    assert pipeline.chunked([]) == []


def test_a_large_import_reads_big_files_in_small_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:02}.txt").write_text(f"Title {i}\n\nBody {i} " + "word " * 400)
    monkeypatch.setattr(pipeline, "CHUNK_BYTES", 5_000)  # about two files a chunk
    seen: list[int] = []
    real = importer.prepare_chunk

    def spy(chunk: list[Any]) -> list[Any]:
        seen.append(len(chunk))
        return real(chunk)

    monkeypatch.setattr(importer, "prepare_chunk", spy)
    monkeypatch.setenv(pipeline.WORKERS_VARIABLE, "0")
    store = LibraryStore(tmp_path / "library.db")
    report = import_paths(store, [folder])
    assert report.count("added") == 60
    assert seen and max(seen) <= 2 and sum(seen) == 60


def test_prepare_all_fills_the_articles_it_is_given() -> None:
    # No copy per file: the freshly read article itself gets its language.
    from library.article import Article

    article = Article(title="Quay", body="The quay at Sorrel was shut on Monday by the port.")
    (prepared,) = pipeline.prepare_all([article])
    assert isinstance(prepared, pipeline.Prepared)
    assert prepared.article is article and article.language == "en"
    assert article.content_hash == Article(title="Quay", body=article.body).content_hash


def test_a_workers_message_carries_each_files_terms_joined(inbox: Path) -> None:
    from library.store.word_frequencies import body_terms

    found = importer.collect_files([inbox])[:5]
    sent = importer.prepare_chunk_to_send(found)
    prepared = [p for p in sent if isinstance(p, pipeline.Prepared)]
    assert prepared
    for p in prepared:
        joined, paragraphs = p.counts
        assert isinstance(joined, str)
        assert (tuple(joined.split()), paragraphs) == body_terms(p.article.body)


def _chunk_length(chunk: list[int]) -> list[int]:
    # A worker's job (module level: sent by name): each item's chunk length.
    return [len(chunk)] * len(chunk)


def test_a_pool_is_sent_larger_jobs_than_an_in_process_chunk(pooled: list[object]) -> None:
    # Fewer, larger messages: 64 files a job cost both sides less than 16.
    items = list(range(2 * pipeline.POOL_CHUNK + 5))
    with pipeline.read_ahead(items, _chunk_length, workers=2) as results:
        assert results is not None
        lengths = list(results)
    assert pooled and lengths == [pipeline.POOL_CHUNK] * (2 * pipeline.POOL_CHUNK) + [5] * 5
    assert pipeline.POOL_CHUNK > pipeline.CHUNK
    in_process = list(pipeline.in_chunks(items, _chunk_length))
    assert max(in_process) == pipeline.CHUNK
