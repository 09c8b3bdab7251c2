"""m009: the articles' search index keeps no copy of the folded text, one index fewer."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from library.article import Article
from library.search_index import register
from library.store import LibraryStore
from library.store.schema import migrations as library_migrations

TRADITIONAL = "國家安全部表示，其微信帳號遭到入侵。"
ENGLISH = "The harbourmaster said the ferry was late."


def _tables_and_indexes(db: sqlite_utils.Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master")}


def _terms(store: LibraryStore) -> set[str]:
    store.db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, row)")
    terms = {r[0] for r in store.db.execute("SELECT term FROM temp.v")}
    store.db.execute("DROP TABLE temp.v")
    return terms


def _integrity_check(store: LibraryStore) -> None:
    # Raises sqlite3.DatabaseError ("database disk image is malformed") if the
    # index disagrees with itself.
    store.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_new_library_index_keeps_no_copy_of_the_text(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    names = _tables_and_indexes(store.db)
    assert "articles_fts_content" not in names
    assert "idx_articles_superseded_by" not in names
    assert "articles_listing" in names  # still there: it answers superseded_by lookups


def test_removed_and_superseded_articles_leave_no_terms(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path)
    first = store.add(Article(title="Ferry", body=ENGLISH, source_path="/a")).article
    store.add(Article(title="Ferry", body="The ferry was on time.", source_path="/a"))
    other = store.add(Article(title="微信", body=TRADITIONAL, source_path="/b")).article
    assert "harbourmaster" in _terms(store)  # the old version is still stored
    store.remove(first.id or 0)  # removes every version of /a
    store.remove(other.id or 0)
    assert _terms(store) == set()
    _integrity_check(store)
    assert store.search("ferry") == []


def test_old_library_is_reindexed_contentless_on_open(tmp_path: Path) -> None:
    # A library.db as the previous version left it: the index with its own copy.
    db = sqlite_utils.Database(tmp_path / "library.db")
    library_migrations.apply(db, stop_before="m009_lighter_search_index")
    register(db)
    for i, (title, body) in enumerate((("微信", TRADITIONAL), ("Ferry", ENGLISH))):
        db.table("articles").insert(
            {"id": i + 1, "source_key": f"/{i}", "version": 1, "title": title, "body": body,
             "source_path": f"/{i}", "content_hash": str(i), "imported_at": "2024-01-01"}
        )  # fmt: skip
    assert "articles_fts_content" in _tables_and_indexes(db)
    db.close()

    store = LibraryStore(tmp_path)
    names = _tables_and_indexes(store.db)
    assert "articles_fts_content" not in names
    assert "idx_articles_superseded_by" not in names
    assert [h.article.id for h in store.search("国家安全部")] == [1]
    assert [h.article.id for h in store.search("harbourmaster")] == [2]
    _integrity_check(store)
    store.remove(1)  # the upgraded index's delete trigger works too
    assert store.search("国家安全部") == []
    assert "国" not in _terms(store)
    _integrity_check(store)
