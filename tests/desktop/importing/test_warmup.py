"""After an import in the window, the new articles' sentence vectors are made in the background."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.importing import warmup
from desktop.main_window import MainWindow
from library.collection import Collection
from library.compare.segment import segment
from library.compare.vector_cache import ArticleVectors
from library.importer import ImportReport
from library.store.embeddings import EmbeddingCache
from tests.library.compare.fakes import FakeEncoder

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture
def collection(data_dir: Path, encoder: FakeEncoder) -> Iterator[Collection]:
    collection = Collection(data_dir, seed=False)
    # The fake stands in for the real model (its own model id, so nothing
    # it makes could be read as the real model's).
    collection.__dict__["vectors"] = ArticleVectors(
        EmbeddingCache(collection.library.path), load=lambda: encoder, model=lambda: "fake-1"
    )
    yield collection
    collection.close()


def _files(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = folder / f"a{i}.md"
        path.write_text(
            f"---\ntitle: Story {i}\n---\nThe bridge {i} reopened on Monday. "
            f"Traffic resumed at noon, officials said.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _cached(collection: Collection, article_id: int) -> set[tuple[int, int]]:
    return set(collection.vectors.store.get(article_id, "fake-1"))


def test_imported_articles_have_vectors_without_a_comparison(
    qtbot: QtBot, window: MainWindow, collection: Collection, encoder: FakeEncoder, tmp_path: Path
) -> None:
    files = _files(tmp_path, warmup.BATCH + 2)  # more than one batch
    with (
        qtbot.waitSignal(window.vector_warmup.finished, timeout=20000),
        qtbot.waitSignal(window.import_finished, timeout=10000) as imported,
    ):
        window.start_import(files)
    report: ImportReport = imported.args[0]
    ids = report.changes.article_ids
    assert len(ids) == len(files)
    for article_id in ids:
        body = collection.library.get(article_id).body
        assert _cached(collection, article_id) == {(u.start, u.end) for u in segment(body)}
    # Several small jobs, not one long one: a comparison never waits behind them all.
    assert len(encoder.calls) >= 2
    assert window.vector_warmup.pending == 0

    # The first comparison then reads them back instead of encoding.
    before = collection.vectors.encoded
    a, b = (collection.library.get(i) for i in ids[:2])
    collection.compare(a, b)
    assert collection.vectors.encoded == before


def test_a_huge_article_is_left_to_its_first_comparison(
    qtbot: QtBot,
    window: MainWindow,
    collection: Collection,
    encoder: FakeEncoder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(warmup, "MAX_CHARS", 300)
    small, huge = tmp_path / "small.txt", tmp_path / "huge.txt"
    small.write_text("Ferry to Lunden resumes\n\nThe ferry sailed at nine.\n", encoding="utf-8")
    lines = [f"Grain line {i}: wheat at {100 + i} crowns." for i in range(20)]
    huge.write_text("Grain prices\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with (
        qtbot.waitSignal(window.vector_warmup.finished, timeout=20000),
        qtbot.waitSignal(window.import_finished, timeout=10000),
    ):
        window.start_import([small, huge])
    by_title = {a.title: int(a.id) for a in collection.library.articles() if a.id is not None}
    assert _cached(collection, by_title["Ferry to Lunden resumes"])
    assert not _cached(collection, by_title["Grain prices"])


def test_words_only_backend_encodes_nothing(
    qtbot: QtBot, window: MainWindow, collection: Collection, encoder: FakeEncoder, tmp_path: Path
) -> None:
    collection.backend = "lexical"
    with qtbot.waitSignal(window.import_finished, timeout=10000) as imported:
        window.start_import(_files(tmp_path, 2))
    window.tasks.wait(10)
    qtbot.wait(50)  # any warm-up job would have been queued by now
    assert encoder.calls == []
    assert all(not _cached(collection, i) for i in imported.args[0].changes.article_ids)


def test_a_failing_model_stops_the_warm_up_quietly(
    qtbot: QtBot, window: MainWindow, collection: Collection, tmp_path: Path
) -> None:
    from library.compare.embedding import ModelUnavailable

    def unavailable() -> FakeEncoder:
        raise ModelUnavailable("no model here")

    collection.vectors.load = unavailable
    with (
        qtbot.waitSignal(window.vector_warmup.finished, timeout=20000),
        qtbot.waitSignal(window.import_finished, timeout=10000),
    ):
        window.start_import(_files(tmp_path, warmup.BATCH + 1))
    assert window.vector_warmup.pending == 0  # the rest is not tried, batch after batch
