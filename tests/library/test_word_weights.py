"""Word weights from the library: used only when the library is big enough, cached."""

from __future__ import annotations

from library.word_weights import LibraryWeights


def _library(n: int) -> list[str]:
    return [f"Story {i} about the harbour bridge.\n\nRare word{i} appears once." for i in range(n)]


def test_small_library_defers_to_the_engine() -> None:
    assert LibraryWeights(min_articles=20).for_texts(_library(19)) is None


def test_rare_words_weigh_more_than_common_ones() -> None:
    table = LibraryWeights(min_articles=20).for_texts(_library(30))
    assert table is not None
    assert table.weight("word7") > table.weight("bridge")


def test_table_is_reused_until_the_texts_change() -> None:
    weights = LibraryWeights(min_articles=2)
    texts = _library(5)
    first = weights.for_texts(texts)
    assert weights.for_texts(list(reversed(texts))) is first
    assert weights.for_texts([*texts, "A new article."]) is not first
