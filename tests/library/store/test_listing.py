"""Listing the library in pages: sorted and filtered in SQL, never reading a body."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from library.article import Article
from library.cli import main
from library.errors import InvalidQuery
from library.store import ArticleSummary, LibraryStore
from library.store import library_store as store_module
from library.store.listing import Listing

TITLES = ["delta", "Alpha", "charlie", "Bravo", "echo"]


@pytest.fixture
def listed_store(tmp_path: Path) -> Iterator[LibraryStore]:
    """A library of the TITLES (every other body mentions the harbour); closed after."""
    store = LibraryStore(tmp_path / "home")
    for i, title in enumerate(TITLES):
        body = f"Story {title}.\n\nThe harbour reopened on day {i}." if i % 2 else f"{title} only."
        store.add(Article(title=title, body=body, source_path=f"/news/{i}.txt", outlet=f"O{i}"))
    yield store
    store.close()


def _trace(listed_store: LibraryStore) -> list[str]:
    statements: list[str] = []
    listed_store.db.conn.set_trace_callback(statements.append)
    return statements


def test_page_and_count_never_select_a_body(listed_store: LibraryStore) -> None:
    statements = _trace(listed_store)
    rows = listed_store.page(0, 3, order_by="title")
    filtered = listed_store.page(0, 10, filter_query="harbour")
    counts = listed_store.count(), listed_store.count("harbour")
    assert len(rows) == 3 and len(filtered) == 2 and counts == (5, 2)
    assert statements and not any("body" in s.lower() for s in statements)
    assert all(isinstance(r, ArticleSummary) and not hasattr(r, "body") for r in rows)


def test_pages_are_sorted_in_sql_ties_by_id(listed_store: LibraryStore) -> None:
    up = listed_store.page(order_by="title", descending=False)
    assert [r.title for r in up] == sorted(TITLES, key=str.lower)
    down = listed_store.page(order_by="title", descending=True)
    assert [r.title for r in down] == sorted(TITLES, key=str.lower, reverse=True)
    everything = [r.id for r in listed_store.page(order_by="id", descending=False)]
    assert everything == sorted(everything)
    pages = [listed_store.page(offset, 2, order_by="id", descending=False) for offset in (0, 2, 4)]
    assert [r.id for p in pages for r in p] == everything


def test_default_order_is_newest_import_first_as_articles(listed_store: LibraryStore) -> None:
    assert [r.id for r in listed_store.page()] == [a.id for a in listed_store.articles()]


def test_a_page_carries_the_listed_metadata(listed_store: LibraryStore) -> None:
    full = {a.id: a for a in listed_store.articles()}
    for row in listed_store.page():
        article = full[row.id]
        expected = article.to_dict()
        del expected["body"]
        assert row.to_dict() == expected


def test_filter_counts_current_versions_only(listed_store: LibraryStore) -> None:
    listed_store.add(Article(title="Bravo", body="Bravo updated: the harbour closed.",
                      source_path="/news/3.txt"))  # fmt: skip
    assert listed_store.count() == 5
    assert listed_store.count("harbour") == 2  # /news/3 is counted once, as its new version
    hits = listed_store.page(filter_query="harbour", order_by="id", descending=False)
    assert [h.version for h in hits] == [1, 2]


def test_a_blank_filter_keeps_everything_and_a_bad_one_is_refused(
    listed_store: LibraryStore,
) -> None:
    assert listed_store.count("  ") == 5
    with pytest.raises(InvalidQuery):
        listed_store.page(filter_query="!!!")
    with pytest.raises(ValueError, match="cannot sort"):
        listed_store.page(order_by="body")


def test_cjk_filter_finds_words_inside_a_run(listed_store: LibraryStore) -> None:
    listed_store.add(Article(title="港口", body="香港港口重新开放。", source_path="/news/zh.txt"))
    assert [r.title for r in listed_store.page(filter_query="港口")] == ["港口"]
    assert listed_store.count("重新") == 1


def test_cjk_filter_finds_either_script_through_the_index_never_the_bodies(
    listed_store: LibraryStore,
) -> None:
    listed_store.add(Article(title="安全", body="国家安全部周三表示。", source_path="/news/zh.txt"))
    statements = _trace(listed_store)
    # Traditional script typed, simplified stored: the folded index finds it
    # (a substring scan of the bodies found neither form and read every body).
    assert [r.title for r in listed_store.page(filter_query="國家安全部")] == ["安全"]
    assert listed_store.count("國家") == 1
    assert not any("body" in s.lower() for s in statements)


def test_position_is_the_row_in_that_listing(listed_store: LibraryStore, tmp_path: Path) -> None:
    listing = Listing(listed_store.path)
    by_title = [r.id for r in listed_store.page(order_by="title", descending=True)]
    for row, article_id in enumerate(by_title):
        assert listing.position(article_id, order_by="title", descending=True) == row
    harbour = [r.id for r in listed_store.page(filter_query="harbour")]
    assert listing.position(harbour[1], filter_query="harbour") == 1
    not_matching = next(i for i in by_title if i not in harbour)
    assert listing.position(not_matching, filter_query="harbour") is None
    assert Listing(tmp_path / "missing.db").count() == 0  # nothing there: nothing listed


def test_listing_works_from_another_thread(listed_store: LibraryStore) -> None:
    # The window's table queries run on the task thread; the store's own
    # connection belongs to the thread that opened it.
    listing = Listing(listed_store.path)
    with ThreadPoolExecutor(1) as pool:
        rows = pool.submit(listing.page, 0, 2, order_by="title", descending=False).result()
        total = pool.submit(listing.count, "harbour").result()
    assert [r.title for r in rows] == ["Alpha", "Bravo"] and total == 2


def test_cli_list_reads_no_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    statements: list[str] = []
    real_open = store_module.open_database

    def traced(*args: object, **kwargs: object) -> object:
        db = real_open(*args, **kwargs)  # type: ignore[arg-type]
        db.conn.set_trace_callback(statements.append)
        return db

    home = str(tmp_path / "home")
    assert main(["--data-dir", home, "list"]) == 0  # seeds the samples
    monkeypatch.setattr(store_module, "open_database", traced)
    capsys.readouterr()
    assert main(["--data-dir", home, "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2 and "body" not in rows[0] and rows[0]["word_count"] > 0
    assert main(["--data-dir", home, "list"]) == 0
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects and not any("body" in s.lower() for s in selects)
