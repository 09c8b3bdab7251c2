"""NotesStore: schema, adding and listing, trash, tags, hostile search strings."""

from __future__ import annotations

import os
import sqlite3
import stat
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


def test_migrations_from_no_file(data_dir: Path) -> None:
    # No file yet (a 0-byte one is damage, not a new store: see test_notes_recovery).
    notes_store = NotesStore(data_dir)
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
    assert notes_store.recovered_from is None
    assert notes_store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    mode = stat.S_IMODE(os.stat(data_dir / "notes.db").st_mode)
    assert mode == 0o600
    notes_store.close()
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
    notes_store = NotesStore(data_dir)
    assert [h.note.uid for h in notes_store.search("govern*")] == ["u1"]
    notes_store.add_article_note(1, "government again")
    assert len(notes_store.search("gov*")) == 2
    assert notes_store.integrity_check() == "ok"
    notes_store.close()


def test_add_and_list_newest_first(notes_store: NotesStore, article: Article) -> None:
    first = notes_store.add_article_note(7, "First thought", ["Budget", "#budget", "follow up"])
    second = notes_store.add_passage_note(article, 0, 20, "On the opening")
    assert first.tags == ("budget", "follow-up")
    assert second.anchor is not None and second.anchor.quote == BODY[0:20]
    assert [n.id for n in notes_store.for_article(7)] == [second.id, first.id]
    assert notes_store.get(first.id) == first
    assert [t for t, _ in notes_store.tags()] == ["budget", "follow-up"]
    assert [n.id for n in notes_store.notes(tag="BUDGET")] == [first.id]
    assert [n.id for n in notes_store.notes(tag="#Follow Up")] == [first.id]
    assert len(notes_store.notes(tag="#")) == 2  # no tag left: no filter


def test_quote_note_locates_passage(notes_store: NotesStore, article: Article) -> None:
    note = notes_store.add_quote_note(article, "cuts  FUNDING for", "Which libraries?")
    assert note.anchor is not None
    assert BODY[note.anchor.start : note.anchor.end] == "cuts funding for"
    assert note.anchor.prefix.endswith("plan ")
    with pytest.raises(NotFound, match="not in the article"):
        notes_store.add_quote_note(article, "no such words", "x")


def test_comparison_and_claim_notes(notes_store: NotesStore) -> None:
    pair = notes_store.add_comparison_note(1, 2, "They disagree on dates")
    claim = notes_store.add_comparison_note(
        2, 1, "Which figure?", claim=Claim((3,), (4, 5), "12 percent vs 20 percent")
    )
    assert claim.kind == "claim" and claim.claim == Claim((3,), (4, 5), "12 percent vs 20 percent")
    assert [n.id for n in notes_store.for_comparison(1, 2)] == [claim.id, pair.id]
    assert notes_store.search("percent")[0].note.id == claim.id
    assert notes_store.for_article(1) == []


def test_update_changes_text_and_time(notes_store: NotesStore) -> None:
    note = notes_store.add_article_note(1, "draft")
    assert notes_store.update(note.id, text="draft") == note  # no-op writes nothing
    edited = notes_store.update(note.id, text="final", tags=["x"])
    assert edited.text == "final" and edited.tags == ("x",)
    assert edited.updated_at > note.updated_at and edited.created_at == note.created_at
    with pytest.raises(NotFound):
        notes_store.update(999, text="x")


def test_trash_and_restore(notes_store: NotesStore) -> None:
    note = notes_store.add_article_note(1, "keep me, maybe")
    trashed = notes_store.delete(note.id)
    assert trashed.in_trash
    assert notes_store.for_article(1) == [] and notes_store.count() == 0
    assert [n.id for n in notes_store.trash()] == [note.id]
    assert notes_store.search("maybe") == []
    restored = notes_store.restore(note.id)
    assert not restored.in_trash and notes_store.search("maybe")[0].note.id == note.id
    with pytest.raises(NotFound, match="not in the trash"):
        notes_store.purge(note.id)
    notes_store.delete(note.id)
    notes_store.purge(note.id)
    with pytest.raises(NotFound):
        notes_store.get(note.id)


def test_search_snippet_and_tag_filter(notes_store: NotesStore, article: Article) -> None:
    a = notes_store.add_article_note(7, "The mayor's compromise looks shaky", ["politics"])
    b = notes_store.add_passage_note(article, 0, 30, "compromise again", ["other"])
    hits = notes_store.search("compromise")
    assert {h.note.id for h in hits} == {a.id, b.id}
    assert "[compromise]" in hits[0].snippet
    assert [h.note.id for h in notes_store.search("compromise", tag="politics")] == [a.id]
    # Diacritics folded; the quoted passage is searchable too.
    notes_store.add_passage_note(article, BODY.index("Zürich"), BODY.index("Zürich") + 6, "where")
    assert notes_store.search("zurich")
    assert notes_store.search("compr*")


def test_live_note_behind_many_newer_trashed_matches_is_found(notes_store: NotesStore) -> None:
    # Regression: only the newest 2,000 FTS matches were ranked, trash
    # included, so 2,000 newer trashed notes hid every older live one.
    from library.notes.search import WINDOW

    live = notes_store.add_article_note(1, "the zebra crossing", ["animals"])
    with notes_store.batch():
        trashed = [
            notes_store.add_article_note(2, f"zebra {i}", ["animals"]) for i in range(WINDOW + 5)
        ]
    notes_store.db.execute(
        "UPDATE notes SET deleted_at = updated_at WHERE id >= ?", [trashed[0].id]
    )
    notes_store.db.conn.commit()
    assert [h.note.id for h in notes_store.search("zebra")] == [live.id]
    assert [h.note.id for h in notes_store.search("zebra", tag="animals")] == [live.id]
    assert [h.note.id for h in notes_store.search("zeb*")] == [live.id]


def test_ranking_window_counts_live_matches_only(
    notes_store: NotesStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from library.notes import search

    monkeypatch.setattr(search, "WINDOW", 3)
    old = [notes_store.add_article_note(1, f"okapi {i}", ["x" if i % 2 else "y"]) for i in range(6)]
    # No trash: the newest 3 matches are ranked, the older ones are not.
    assert {h.note.id for h in notes_store.search("okapi")} == {n.id for n in old[3:]}
    notes_store.delete(old[5].id)
    assert {h.note.id for h in notes_store.search("okapi")} == {n.id for n in old[2:5]}
    # With a tag, the window is the newest 3 matches *with* that tag.
    assert {h.note.id for h in notes_store.search("okapi", tag="x")} == {old[1].id, old[3].id}


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
def test_hostile_search_never_raises_sqlite_errors(notes_store: NotesStore, text: str) -> None:
    notes_store.add_article_note(1, "budget AND mayor NOT (really) text:budget ^caret 数据安全")
    try:
        hits = notes_store.search(text)
    except InvalidQuery:
        return  # nothing searchable: a user-facing message, not a traceback
    assert isinstance(hits, list)
    assert notes_store.integrity_check() == "ok"


def test_operators_are_plain_words(notes_store: NotesStore) -> None:
    notes_store.add_article_note(1, "He said NOT guilty, or so")
    notes_store.add_article_note(1, "guilty as charged")
    assert len(notes_store.search("NOT guilty")) == 1
    assert len(notes_store.search("guilty OR charged")) == 0  # OR is a word, not an operator


def test_plain_sqlite_can_read_the_file(notes_store: NotesStore) -> None:
    notes_store.add_article_note(1, "readable", ["a", "b"])
    conn = sqlite3.connect(notes_store.path)
    row = conn.execute("SELECT text, tags, kind FROM notes").fetchone()
    assert row == ("readable", "a b", "article")
    fts = conn.execute("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'readable'").fetchall()
    assert fts == [(1,)]
    conn.close()


def test_passage_range_is_checked(notes_store: NotesStore, article: Article) -> None:
    with pytest.raises(ValueError):
        notes_store.add_passage_note(article, 5, 5)
    with pytest.raises(ValueError):
        notes_store.add_passage_note(article, 0, len(BODY) + 1)


def test_purged_note_id_is_never_given_again(data_dir: Path) -> None:
    notes_store = NotesStore(data_dir)
    first = notes_store.add_article_note(1, "first")
    last = notes_store.add_article_note(1, "second")
    notes_store.delete(last.id)
    notes_store.purge(last.id)
    notes_store.close()
    reopened = NotesStore(data_dir)
    assert reopened.add_article_note(1, "third").id == last.id + 1
    assert first.id < last.id
