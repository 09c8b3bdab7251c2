"""Word weights from the library's stored counts: the engine's IDF, without reading bodies."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from library.article import Article, split_paragraphs
from library.collection import Collection
from library.compare import compare_articles
from library.compare.idf import IdfTable
from library.compare.units import terms
from library.store import LibraryStore
from library.word_weights import LibraryWeights, idf_from_counts


def _body(i: int) -> str:
    return f"Story {i} about the harbour bridge.\n\nRare word{i} appears once."


def _library(tmp_path: Path, n: int) -> Collection:
    collection = Collection(tmp_path / "home", seed=False)
    for i in range(n):
        collection.library.add(Article(title=f"S{i}", body=_body(i), source_path=f"/{i}.txt"))
    return collection


def test_small_library_defers_to_the_engine(tmp_path: Path) -> None:
    collection = _library(tmp_path, 19)
    a = collection.library.get(1)
    assert LibraryWeights(collection.library.path, min_articles=20).for_articles(a) is None
    collection.close()


def test_rare_words_weigh_more_than_common_ones(tmp_path: Path) -> None:
    collection = _library(tmp_path, 30)
    a, b = collection.library.get(7), collection.library.get(8)
    table = LibraryWeights(collection.library.path).for_articles(a, b)
    assert table is not None
    (rare,), (common,) = terms("word7"), terms("bridge")
    assert table.weight(rare) > table.weight(common)
    collection.close()


def test_weights_equal_a_count_of_every_body(tmp_path: Path) -> None:
    collection = _library(tmp_path, 25)
    collection.library.add(Article(title="S3", body="Harbour closed.\n\nNew text.",
                                   source_path="/3.txt"))  # fmt: skip
    a, b = collection.library.get(1), collection.library.current(3)
    stored = LibraryWeights(collection.library.path).for_articles(a, b)
    scratch = IdfTable.from_term_lists(
        terms(p) for art in collection.library.articles() for p in split_paragraphs(art.body)
    )
    assert stored is not None and stored.n_docs == scratch.n_docs
    for term in {*terms(a.body), *terms(b.body), "unseen"}:
        assert stored.weight(term) == pytest.approx(scratch.weight(term))
    collection.close()


def test_collection_compare_uses_the_stored_counts_not_the_bodies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = _library(tmp_path, 25)
    a, b = collection.library.get(1), collection.library.get(2)
    scratch = IdfTable.from_term_lists(
        terms(p) for art in collection.library.articles() for p in split_paragraphs(art.body)
    )

    def every_body() -> None:
        raise AssertionError("a comparison must not read every article")

    monkeypatch.setattr(LibraryStore, "articles", every_body)
    got = collection.compare(a, b, backend="lexical")
    assert got.to_dict() == compare_articles(a, b, idf=scratch).to_dict()
    collection.close()


def test_compare_runs_in_a_worker_thread(tmp_path: Path) -> None:
    # The window compares off the GUI thread, whose connection SQLite refuses
    # to share: the weights come through their own connection.
    collection = _library(tmp_path, 25)
    a, b = collection.library.get(1), collection.library.get(2)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            collection.compare(a, b)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
    collection.close()


def test_idf_from_counts_matches_the_engines_table() -> None:
    table = idf_from_counts({"harbour": 3}, 10)
    assert table.weight("harbour") == IdfTable(df={"harbour": 3}, n_docs=10).weight("harbour")


def test_a_missing_library_file_is_not_created(tmp_path: Path) -> None:
    weights = LibraryWeights(tmp_path / "gone" / "library.db", min_articles=0)
    assert weights.for_articles(Article(title="T", body="Text.")) is None
    assert not (tmp_path / "gone").exists()
