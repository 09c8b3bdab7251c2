"""Search text that used to be slow or unsearchable (issue #8, items 10 and 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.article import Article
from library.errors import InvalidQuery
from library.fts_query import MAX_TERMS, parse_query
from library.notes.store import NotesStore
from library.store import LibraryStore


def _library(tmp_path: Path) -> LibraryStore:
    store = LibraryStore(tmp_path / "home")
    body = "The bureau approved it 🙂 at last."
    store.add(Article(title="Budget day", body=body, source_path="a"))
    store.add(Article(title="保密局", body="保密局发布文章。", source_path="b"))
    return store


def test_repeated_words_count_once() -> None:
    query = parse_query("bureau " * 1000)
    assert query.terms == ("bureau",)
    assert query.fts == '"bureau"'


def test_repeats_keep_the_first_order_and_prefix_stars() -> None:
    query = parse_query('spy* bureau spy* "a b" bureau "a b"')
    assert query.fts == '"spy"* "bureau" "a b"'
    assert query.terms == ("spy", "bureau", "a b")


def test_terms_are_capped() -> None:
    query = parse_query(" ".join(f"w{i}" for i in range(1000)))
    assert query.terms == tuple(f"w{i}" for i in range(MAX_TERMS))
    assert query.fts.count('"') == 2 * MAX_TERMS


def test_a_long_repeated_query_searches_like_a_short_one(tmp_path: Path) -> None:
    store = _library(tmp_path)
    hits = store.search("bureau " * 4000)
    assert [h.article.title for h in hits] == ["Budget day"]


def test_many_cjk_terms_are_not_a_database_error(tmp_path: Path) -> None:
    # Before: one instr() per term made SQLite's expression tree too deep.
    store = _library(tmp_path)
    assert store.search(" ".join(f"保密{i}" for i in range(1000))) == []
    assert [h.article.title for h in store.search("保密局 " * 1000)] == ["保密局"]


@pytest.mark.parametrize("text", ["🙂", "(🙂)", "approved 🙂"])
def test_an_emoji_in_the_text_is_found(tmp_path: Path, text: str) -> None:
    hits = _library(tmp_path).search(text)
    assert [h.article.title for h in hits] == ["Budget day"]


def test_an_emoji_query_is_also_a_valid_fts_expression() -> None:
    query = parse_query("(🙂) ☕ approved")
    assert query.terms == ("🙂", "☕", "approved")
    assert query.fts == '"🙂" "☕" "approved"'
    assert query.needs_substring_search


def test_an_emoji_in_a_note_is_found(tmp_path: Path) -> None:
    notes = NotesStore(tmp_path / "home")
    notes.add_article_note(1, "Great news 👍🏽 indeed")
    notes.add_article_note(1, "Nothing to see")
    assert [h.note.text for h in notes.search("👍🏽")] == ["Great news 👍🏽 indeed"]


@pytest.mark.parametrize("text", ["!!!", "+-", "-:()", "…", "$ €"])
def test_punctuation_alone_is_still_nothing_to_search_for(text: str) -> None:
    with pytest.raises(InvalidQuery, match="type at least one word"):
        parse_query(text)


def test_nothing_to_search_for_quotes_a_long_text_shortened() -> None:
    with pytest.raises(InvalidQuery) as caught:
        parse_query("-" * 5000)
    assert len(str(caught.value)) < 100
