"""Sentence vectors are computed once per article version and kept in library.db."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from library.collection import Collection
from library.compare.backends import SemanticBackend
from library.compare.segment import segment
from tests.library.compare.fakes import FakeEncoder


def open_collection(data_dir: Path, fake: FakeEncoder) -> Collection:
    collection = Collection(data_dir, seed=False)
    collection.vectors.load = lambda: fake
    collection.vectors.model = lambda: fake.model_id
    return collection


def import_samples(collection: Collection, sample_paths: list[Path]) -> tuple:
    report = collection.import_paths(sample_paths)
    a, b = (collection.library.get(r.article.id) for r in report.results if r.article)
    assert a is not None and b is not None
    return a, b


def test_second_comparison_reads_vectors_from_the_cache(
    tmp_path: Path, sample_paths: list[Path]
) -> None:
    fake = FakeEncoder()
    collection = open_collection(tmp_path, fake)
    a, b = import_samples(collection, sample_paths)
    first = collection.compare(a, b)
    n_units = len(segment(a.body)) + len(segment(b.body))
    assert fake.encoded == n_units
    assert collection.vectors.store.count() == n_units  # type: ignore[attr-defined]
    second = collection.compare(a, b)
    assert fake.encoded == n_units  # nothing encoded again
    assert second.to_dict() == first.to_dict()  # same result, fresh or cached
    collection.close()

    # The window opened later (a new process) does not re-encode either.
    again = FakeEncoder()
    reopened = open_collection(tmp_path, again)
    reopened.compare(a, b)
    assert again.calls == []
    reopened.close()


def test_cached_vectors_are_float16_rounded_and_per_model(
    tmp_path: Path, sample_paths: list[Path]
) -> None:
    fake = FakeEncoder()
    collection = open_collection(tmp_path, fake)
    a, b = import_samples(collection, sample_paths)
    collection.compare(a, b)
    stored = collection.vectors.store.get(a.id, fake.model_id)
    first = segment(a.body)[0]
    expected = fake([first.text])[0].astype(np.float16).astype(np.float32)
    assert np.array_equal(stored[(first.start, first.end)], expected)
    assert collection.vectors.store.get(a.id, "another-model") == {}
    collection.close()


def test_removing_an_article_drops_its_vectors(tmp_path: Path, sample_paths: list[Path]) -> None:
    fake = FakeEncoder()
    collection = open_collection(tmp_path, fake)
    a, b = import_samples(collection, sample_paths)
    collection.compare(a, b)
    assert collection.vectors.store.get(a.id, fake.model_id)
    collection.library.remove(a.id)
    assert collection.vectors.store.get(a.id, fake.model_id) == {}
    assert collection.vectors.store.get(b.id, fake.model_id)
    collection.close()


def test_compare_on_a_worker_thread_uses_its_own_connection(
    tmp_path: Path, sample_paths: list[Path]
) -> None:
    # The window compares on a worker thread; the cache must not use the GUI's connection.
    fake = FakeEncoder()
    collection = open_collection(tmp_path, fake)
    a, b = import_samples(collection, sample_paths)
    texts = [x.body for x in collection.library.articles()]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            collection.compare(a, b, library_texts=texts)
        except BaseException as exc:  # reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert fake.encoded > 0
    collection.compare(a, b)  # main thread: all cached
    assert fake.encoded == len(segment(a.body)) + len(segment(b.body))
    collection.close()


def test_collection_default_and_per_call_backend(tmp_path: Path, sample_paths: list[Path]) -> None:
    fake = FakeEncoder()
    collection = open_collection(tmp_path, fake)
    a, b = import_samples(collection, sample_paths)
    collection.compare(a, b, backend="lexical")
    assert fake.calls == []
    collection.backend = "lexical"
    collection.compare(a, b)
    assert fake.calls == []
    collection.compare(a, b, backend="semantic")
    assert fake.calls
    assert isinstance(collection.similarity_backend("semantic", (a, b)).backend, SemanticBackend)
    collection.close()


class MemoryStore:
    """A `VectorStore` in a dict."""

    def __init__(self) -> None:
        self.rows: dict[tuple[int, str], dict[tuple[int, int], np.ndarray]] = {}

    def get(self, article_id: int, model: str) -> dict[tuple[int, int], np.ndarray]:
        return dict(self.rows.get((article_id, model), {}))

    def put(self, article_id: int, model: str, items: object) -> bool:
        self.rows.setdefault((article_id, model), {}).update(items)  # type: ignore[call-overload]
        return True

    def close(self) -> None:
        pass


def test_a_sentence_both_articles_carry_is_encoded_once() -> None:
    from library.article import Article
    from library.compare.vector_cache import ArticleVectors

    shared = "The ministry said the office was set up in 1949."
    a = Article("A", f"The office spoke on Monday.\n\n{shared}", id=1)
    b = Article("B", f"{shared}\n\nIt had kept silent for decades.", id=2)
    fake = FakeEncoder()
    store = MemoryStore()
    vectors = ArticleVectors(store, load=lambda: fake, model=lambda: fake.model_id)
    embed = vectors.prepare([a, b])
    assert len(fake.calls) == 1  # one batch for both articles
    assert sorted(fake.calls[0]) == sorted(
        ["The office spoke on Monday.", shared, "It had kept silent for decades."]
    )
    # Each article still has its own rows, the shared sentence's vector in both.
    assert len(store.get(1, fake.model_id)) == len(store.get(2, fake.model_id)) == 2
    assert np.array_equal(store.get(1, fake.model_id)[(29, 29 + len(shared))], embed([shared])[0])
    assert np.array_equal(store.get(2, fake.model_id)[(0, len(shared))], embed([shared])[0])
    # Later, B alone is cached and A reads nothing new.
    again = FakeEncoder()
    ArticleVectors(store, load=lambda: again, model=lambda: fake.model_id).prepare([a, b])
    assert again.calls == []
