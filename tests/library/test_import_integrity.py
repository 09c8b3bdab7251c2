"""After a 200-file import, everything that reads the library still reads it right.

Guards the import's cheaper writes (one row per file, m010): search, the
listing's sort, the same-text refusal, the word frequencies the comparisons
weigh words by, and the indexes the per-file lookups and the listing use.
"""

from __future__ import annotations

import pytest

from library.article import Article
from library.compare.units import terms
from library.importer import import_paths
from library.store import LibraryStore
from library.store import word_frequencies as wf
from library.store.listing import page_sql
from tests.helpers import frequencies_from_scratch

FILES = 200


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> LibraryStore:
    folder = tmp_path_factory.mktemp("inbox")
    for n in range(FILES):
        (folder / f"{n:03d}.md").write_text(
            f'---\ntitle: "Harbour report {FILES - n:03d}"\noutlet: "Outlet {n % 5}"\n---\n\n'
            f"Ferry {n} left the harbour at dawn.\n\nThe council voted {n % 7} times"
            f"{' on the zhaozong bridge' if n == 123 else ''}.\n",
            encoding="utf-8",
        )
    store = LibraryStore(tmp_path_factory.mktemp("home"))
    report = import_paths(store, [folder])
    assert report.count("added") == FILES
    return store


def test_search_finds_one_article_among_them(imported: LibraryStore) -> None:
    hits = imported.search("zhaozong")
    assert [h.article.title for h in hits] == ["Harbour report 077"]
    assert imported.count("harbour") == FILES


def test_the_listing_sorts_every_article(imported: LibraryStore) -> None:
    titles = [s.title for s in imported.page(order_by="title", descending=False)]
    assert titles == sorted(titles) and len(titles) == FILES
    newest = imported.page(0, 1, order_by="id")[0]
    assert newest.id == FILES


def test_the_same_text_again_is_unchanged(imported: LibraryStore) -> None:
    first = imported.get(1)
    again = imported.add(Article(title="Copy", body=first.body, source_path="/elsewhere.md"))
    assert again.status == "unchanged" and again.article.id == 1


def test_word_frequencies_are_every_current_article_counted_once(imported: LibraryStore) -> None:
    assert wf.queued(imported.db.conn) == []
    assert wf.counted_through(imported.db.conn) == FILES
    expected, paragraphs = frequencies_from_scratch(imported)
    (harbour,) = terms("harbour")
    assert wf.lookup(imported.db.conn, [harbour]) == ({harbour: FILES}, paragraphs)
    stored = dict(imported.db.execute(f"SELECT term, df FROM {wf.TABLE}").fetchall())
    assert stored == expected


def _plan(store: LibraryStore, sql: str, params: list[object]) -> str:
    rows = store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return " | ".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        # `LibraryStore.add`: the same text, then the same source.
        (
            "SELECT id FROM articles WHERE content_hash = ? AND superseded_by IS NULL "
            "ORDER BY id LIMIT 1",
            "idx_articles_content_hash",
        ),
        (
            "SELECT id FROM articles WHERE source_key = ? AND superseded_by IS NULL",
            "idx_articles_source_key_version",
        ),
        # `word_frequencies.queued`: the rows above the mark, by rowid, not
        # every current article from the listing's index.
        (
            "SELECT id FROM articles WHERE id > ? AND +superseded_by IS NULL ORDER BY id",
            "INTEGER PRIMARY KEY (rowid>?)",
        ),
    ],
)
def test_the_per_file_lookups_use_an_index(imported: LibraryStore, sql: str, index: str) -> None:
    plan = _plan(imported, sql, ["x"])
    assert plan.startswith("SEARCH articles USING") and index in plan, plan
    assert "SCAN" not in plan and "TEMP B-TREE" not in plan, plan


def test_the_queue_is_read_by_rowid(imported: LibraryStore) -> None:
    # The statement `word_frequencies.queued` runs, as SQLite is given it.
    seen: list[str] = []
    imported.db.conn.set_trace_callback(seen.append)
    wf.queued(imported.db.conn)
    imported.db.conn.set_trace_callback(None)
    (sql,) = [s for s in seen if "FROM articles" in s]
    sql = sql.replace(str(wf.counted_through(imported.db.conn)), "?", 1)
    assert "INTEGER PRIMARY KEY (rowid>?)" in _plan(imported, sql, [0])


def test_the_listing_reads_its_covering_index(imported: LibraryStore) -> None:
    sql, params = page_sql(0, 50, "imported_at", True, None)
    plan = _plan(imported, sql, params)
    assert "COVERING INDEX articles_listing" in plan
