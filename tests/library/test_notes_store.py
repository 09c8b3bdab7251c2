"""NotesStore: schema, adding and listing, trash, tags, hostile search strings."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from library.article import Article, ArticleId
from library.errors import InvalidQuery, NotFound
from library.notes import Claim, NotesStore
from library.notes.schema import migrations

BODY = (
    "The city council approved the budget on Tuesday.\n\n"
    "Critics said the plan cuts funding for libraries by 12 percent. "
    "The mayor called it “a responsible compromise”.\n\n"
    "Final votes are expected in Zürich next week."
)


@pytest.fixture
def article() -> Article:
    return Article(title="Budget passes", body=BODY, id=ArticleId(7))


@pytest.fixture
def store(data_dir: Path) -> Iterator[NotesStore]:
    notes = NotesStore(data_dir)
    yield notes
    notes.close()


def test_migrations_from_no_file(data_dir: Path) -> None:
    # No file yet (a 0-byte one is damage, not a new store: see test_notes_recovery).
    store = NotesStore(data_dir)
    db = sqlite_utils.Database(data_dir / "notes.db")
    assert {"notes", "notes_fts", "_sqlite_migrations"} <= set(db.table_names())
    assert [m.name for m in migrations.applied(db)] == [
        "m001_notes",
        "m002_prefix_index",
        "m003_created_index",
        "m004_meta",
        "m005_article_identity",
        "m006_chinese_search",
        "m007_reviews",
    ]
    assert "prefix='2 3'" in db.table("notes_fts").schema
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.recovered_from is None
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    mode = stat.S_IMODE(os.stat(data_dir / "notes.db").st_mode)
    assert mode == 0o600
    store.close()
    # Reopening applies nothing new and keeps the data.
    again = NotesStore(data_dir)
    assert again.count() == 0
    again.close()


def test_upgrade_from_first_schema_keeps_notes(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    old = sqlite_utils.Database(data_dir / "notes.db")
    migrations.apply(old, stop_before="m002_prefix_index")
    old.table("notes").insert(
        {"uid": "u1", "kind": "article", "text": "governance matters", "tags": "gov",
         "created_at": "2026-01-01T00:00:00", "updated_at": "2026-01-01T00:00:00",
         "article_id": 1, "detached": 0}
    )  # fmt: skip
    old.close()
    store = NotesStore(data_dir)
    assert [h.note.uid for h in store.search("govern*")] == ["u1"]
    store.add_article_note(1, "government again")
    assert len(store.search("gov*")) == 2
    assert store.integrity_check() == "ok"
    store.close()


def test_add_and_list_newest_first(store: NotesStore, article: Article) -> None:
    first = store.add_article_note(7, "First thought", ["Budget", "#budget", "follow up"])
    second = store.add_passage_note(article, 0, 20, "On the opening")
    assert first.tags == ("budget", "follow-up")
    assert second.anchor is not None and second.anchor.quote == BODY[0:20]
    assert [n.id for n in store.for_article(7)] == [second.id, first.id]
    assert store.get(first.id) == first
    assert [t for t, _ in store.tags()] == ["budget", "follow-up"]
    assert [n.id for n in store.notes(tag="BUDGET")] == [first.id]
    assert [n.id for n in store.notes(tag="#Follow Up")] == [first.id]
    assert len(store.notes(tag="#")) == 2  # no tag left: no filter


def test_quote_note_locates_passage(store: NotesStore, article: Article) -> None:
    note = store.add_quote_note(article, "cuts  FUNDING for", "Which libraries?")
    assert note.anchor is not None
    assert BODY[note.anchor.start : note.anchor.end] == "cuts funding for"
    assert note.anchor.prefix.endswith("plan ")
    with pytest.raises(NotFound, match="not in the article"):
        store.add_quote_note(article, "no such words", "x")


def test_comparison_and_claim_notes(store: NotesStore) -> None:
    pair = store.add_comparison_note(1, 2, "They disagree on dates")
    claim = store.add_comparison_note(
        2, 1, "Which figure?", claim=Claim((3,), (4, 5), "12 percent vs 20 percent")
    )
    assert claim.kind == "claim" and claim.claim == Claim((3,), (4, 5), "12 percent vs 20 percent")
    assert [n.id for n in store.for_comparison(1, 2)] == [claim.id, pair.id]
    assert store.search("percent")[0].note.id == claim.id
    assert store.for_article(1) == []


def test_update_changes_text_and_time(store: NotesStore) -> None:
    note = store.add_article_note(1, "draft")
    assert store.update(note.id, text="draft") == note  # no-op writes nothing
    edited = store.update(note.id, text="final", tags=["x"])
    assert edited.text == "final" and edited.tags == ("x",)
    assert edited.updated_at > note.updated_at and edited.created_at == note.created_at
    with pytest.raises(NotFound):
        store.update(999, text="x")


def test_trash_and_restore(store: NotesStore) -> None:
    note = store.add_article_note(1, "keep me, maybe")
    trashed = store.delete(note.id)
    assert trashed.in_trash
    assert store.for_article(1) == [] and store.count() == 0
    assert [n.id for n in store.trash()] == [note.id]
    assert store.search("maybe") == []
    restored = store.restore(note.id)
    assert not restored.in_trash and store.search("maybe")[0].note.id == note.id
    with pytest.raises(NotFound, match="not in the trash"):
        store.purge(note.id)
    store.delete(note.id)
    store.purge(note.id)
    with pytest.raises(NotFound):
        store.get(note.id)


def test_search_snippet_and_tag_filter(store: NotesStore, article: Article) -> None:
    a = store.add_article_note(7, "The mayor's compromise looks shaky", ["politics"])
    b = store.add_passage_note(article, 0, 30, "compromise again", ["other"])
    hits = store.search("compromise")
    assert {h.note.id for h in hits} == {a.id, b.id}
    assert "[compromise]" in hits[0].snippet
    assert [h.note.id for h in store.search("compromise", tag="politics")] == [a.id]
    # Diacritics folded; the quoted passage is searchable too.
    store.add_passage_note(article, BODY.index("Zürich"), BODY.index("Zürich") + 6, "where")
    assert store.search("zurich")
    assert store.search("compr*")


def test_live_note_behind_many_newer_trashed_matches_is_found(store: NotesStore) -> None:
    # Regression: only the newest 2,000 FTS matches were ranked, trash
    # included, so 2,000 newer trashed notes hid every older live one.
    from library.notes.search import WINDOW

    live = store.add_article_note(1, "the zebra crossing", ["animals"])
    with store.batch():
        trashed = [store.add_article_note(2, f"zebra {i}", ["animals"]) for i in range(WINDOW + 5)]
    store.db.execute("UPDATE notes SET deleted_at = updated_at WHERE id >= ?", [trashed[0].id])
    store.db.conn.commit()
    assert [h.note.id for h in store.search("zebra")] == [live.id]
    assert [h.note.id for h in store.search("zebra", tag="animals")] == [live.id]
    assert [h.note.id for h in store.search("zeb*")] == [live.id]


def test_ranking_window_counts_live_matches_only(
    store: NotesStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from library.notes import search

    monkeypatch.setattr(search, "WINDOW", 3)
    old = [store.add_article_note(1, f"okapi {i}", ["x" if i % 2 else "y"]) for i in range(6)]
    # No trash: the newest 3 matches are ranked, the older ones are not.
    assert {h.note.id for h in store.search("okapi")} == {n.id for n in old[3:]}
    store.delete(old[5].id)
    assert {h.note.id for h in store.search("okapi")} == {n.id for n in old[2:5]}
    # With a tag, the window is the newest 3 matches *with* that tag.
    assert {h.note.id for h in store.search("okapi", tag="x")} == {old[1].id, old[3].id}


HOSTILE = [
    '"',
    '"unbalanced',
    "AND",
    "OR OR",
    "NOT budget",
    "budget AND",
    "*",
    "budget*",
    "^budget",
    "text:budget",
    "-budget",
    "(budget",
    "budget)",
    "NEAR(budget mayor)",
    "'; DROP TABLE notes; --",
    "\x00",
    "a" * 5000,
    "数据 安全",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_never_raises_sqlite_errors(store: NotesStore, text: str) -> None:
    store.add_article_note(1, "budget AND mayor NOT (really) text:budget ^caret 数据安全")
    try:
        hits = store.search(text)
    except InvalidQuery:
        return  # nothing searchable: a user-facing message, not a traceback
    assert isinstance(hits, list)
    assert store.integrity_check() == "ok"


def test_operators_are_plain_words(store: NotesStore) -> None:
    store.add_article_note(1, "He said NOT guilty, or so")
    store.add_article_note(1, "guilty as charged")
    assert len(store.search("NOT guilty")) == 1
    assert len(store.search("guilty OR charged")) == 0  # OR is a word, not an operator


def test_plain_sqlite_can_read_the_file(store: NotesStore) -> None:
    store.add_article_note(1, "readable", ["a", "b"])
    conn = sqlite3.connect(store.path)
    row = conn.execute("SELECT text, tags, kind FROM notes").fetchone()
    assert row == ("readable", "a b", "article")
    fts = conn.execute("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'readable'").fetchall()
    assert fts == [(1,)]
    conn.close()


def test_passage_range_is_checked(store: NotesStore, article: Article) -> None:
    with pytest.raises(ValueError):
        store.add_passage_note(article, 5, 5)
    with pytest.raises(ValueError):
        store.add_passage_note(article, 0, len(BODY) + 1)


def test_purged_note_id_is_never_given_again(data_dir: Path) -> None:
    store = NotesStore(data_dir)
    first = store.add_article_note(1, "first")
    last = store.add_article_note(1, "second")
    store.delete(last.id)
    store.purge(last.id)
    store.close()
    reopened = NotesStore(data_dir)
    assert reopened.add_article_note(1, "third").id == last.id + 1
    assert first.id < last.id
