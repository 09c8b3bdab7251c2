"""Notes stay on their own article when library.db is rebuilt (issue #8, item 1).

The library is an index that Parallax rebuilds when it is damaged, and a
rebuilt library hands the same integer ids to other articles.  Notes keep
each article's identity (source file and text hash) and the uid of the
library their ids came from: they wait while their article is missing and
attach again when its file is imported, never to another article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from library.article import Article, ArticleId
from library.cli import main
from library.collection import Collection
from library.notes import Claim, NotesStore
from library.notes.export import import_json, to_json
from library.notes.recovery import salvage
from library.notes.schema import migrations

A_TEXT = "Harbour plans\n\nThe harbour authority said the new pier will open in May.\n"
B_TEXT = (
    "Bridge vote\n\nThe council voted to repair the old bridge.\n\n"
    "Repairs will cost 4 million euros, the mayor said.\n"
)
B_CHANGED = (
    "Bridge vote\n\nUPDATE: the vote was close.\n\n"
    "The council voted to repair the old bridge.\n\n"
    "Repairs will cost 4 million euros, the mayor said.\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "A.txt", tmp_path / "B.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return a, b


def damage_library(data_dir: Path) -> None:
    path = data_dir / "library.db"
    with path.open("r+b") as handle:
        handle.write(b"\0" * 16)  # the SQLite header: the file is no database now


def imported(collection: Collection, path: Path) -> int:
    article = collection.import_paths([path]).results[0].article
    assert article is not None and article.id is not None
    return article.id


def test_rebuilt_library_never_lends_a_note_to_another_article(
    data_dir: Path, files: tuple[Path, Path]
) -> None:
    a, b = files
    with_notes = Collection(data_dir, seed=False)
    imported(with_notes, a)
    b_id = imported(with_notes, b)
    note = with_notes.notes.add_quote_note(
        with_notes.library.get(b_id), "4 million euros", "Check the cost"
    )
    with_notes.close()
    damage_library(data_dir)

    rebuilt = Collection(data_dir, seed=False)
    try:
        assert rebuilt.library_recovered_from is not None
        waiting = rebuilt.notes.get(note.id)
        assert waiting.article_id is None and waiting.waiting  # not on a stranger meanwhile
        new_b = imported(rebuilt, b)
        new_a = imported(rebuilt, a)
        assert (new_b, new_a) == (1, 2)  # the ids swapped: B now has A's old id
        assert rebuilt.notes.for_article(new_a) == []
        back = rebuilt.notes.get(note.id)
        assert back.article_id == new_b and not back.waiting and not back.detached
        assert back.anchor is not None
        body = rebuilt.library.get(new_b).body
        assert body[back.anchor.start : back.anchor.end] == "4 million euros"
        assert [n.id for n in rebuilt.notes.for_article(new_b)] == [note.id]
    finally:
        rebuilt.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert status == 0, err
    return status, out


def test_cli_rebuild_scenario(
    data_dir: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = files
    run(capsys, "import", str(a))
    _, out = run(capsys, "import", "--json", str(b))
    b_id = json.loads(out)["results"][0]["id"]
    _, out = run(
        capsys, "notes", "add", "--article", str(b_id), "--quote", "old bridge", "--text", "Why?"
    )
    note_id = out.strip()
    damage_library(data_dir)

    _, out = run(capsys, "notes", "show", note_id)  # any command rebuilds the library
    assert "waiting for its article: Bridge vote" in out and "B.txt" in out
    assert "import the file again" in out
    _, out = run(capsys, "notes", "list")
    assert "waiting for its article: Bridge vote" in out
    _, out = run(capsys, "notes", "show", "--json", note_id)
    assert json.loads(out)["article_id"] is None

    run(capsys, "import", str(b))
    run(capsys, "import", str(a))
    _, out = run(capsys, "notes", "show", "--json", note_id)
    shown = json.loads(out)
    assert shown["article_title"] == "Bridge vote" and shown["waiting_for"] == []
    _, out = run(capsys, "notes", "show", note_id)
    assert "on Bridge vote" in out and "Harbour" not in out and "waiting" not in out


def test_changed_file_reimported_after_rebuild_takes_its_notes(
    data_dir: Path, files: tuple[Path, Path]
) -> None:
    a, b = files
    first = Collection(data_dir, seed=False)
    imported(first, a)
    b_id = imported(first, b)
    cost = first.notes.add_quote_note(first.library.get(b_id), "4 million euros", "Cost")
    whole = first.notes.add_article_note(b_id, "On the whole story")
    first.close()
    damage_library(data_dir)
    b.write_text(B_CHANGED, encoding="utf-8")

    rebuilt = Collection(data_dir, seed=False)
    try:
        imported(rebuilt, a)
        new_b = imported(rebuilt, b)  # another text: found by its source file
        moved = rebuilt.notes.get(cost.id)
        assert moved.article_id == new_b and not moved.detached and moved.anchor is not None
        body = rebuilt.library.get(new_b).body
        assert body[moved.anchor.start : moved.anchor.end] == "4 million euros"
        assert rebuilt.notes.get(whole.id).article_id == new_b
    finally:
        rebuilt.close()


def test_comparison_note_waits_for_its_missing_side(
    data_dir: Path, files: tuple[Path, Path]
) -> None:
    a, b = files
    c = a.with_name("C.txt")
    c.write_text("Weather\n\nRain is expected all week in the north.\n", encoding="utf-8")
    first = Collection(data_dir, seed=False)
    a_id, b_id = imported(first, a), imported(first, b)
    pair = first.notes.add_comparison_note(a_id, b_id, "Compare these")
    claim = first.notes.add_comparison_note(
        a_id, b_id, "Dates differ", claim=Claim((0,), (1,), "pier vs bridge")
    )
    first.close()
    damage_library(data_dir)

    rebuilt = Collection(data_dir, seed=False)
    try:
        stranger, new_a = imported(rebuilt, c), imported(rebuilt, a)
        assert (stranger, new_a) == (a_id, b_id)  # both old ids now name other articles
        assert rebuilt.notes.for_comparison(stranger, new_a) == []
        for note_id in (pair.id, claim.id):
            note = rebuilt.notes.get(note_id)
            assert note.article_id == new_a and note.article_b_id is None and note.waiting
        new_b = imported(rebuilt, b)
        together = rebuilt.notes.for_comparison(new_a, new_b)
        assert {n.id for n in together} == {pair.id, claim.id}
        assert not any(n.waiting for n in together)
    finally:
        rebuilt.close()


def test_migration_fills_identity_of_existing_notes(
    data_dir: Path, files: tuple[Path, Path]
) -> None:
    a, b = files
    first = Collection(data_dir, seed=False)
    a_id, b_id = imported(first, a), imported(first, b)
    library_uid = first.library.uid
    b_hash = first.library.get(b_id).content_hash
    first.close()
    for made in data_dir.glob("notes.db*"):
        made.unlink()  # importing made a current one
    # notes.db as the previous Parallax wrote it: schema m001–m004, ids only.
    old = sqlite_utils.Database(data_dir / "notes.db")
    migrations.apply(old, stop_before="m005_article_identity")
    stamp = "2026-01-01T00:00:00.000000+00:00"
    common = {"text": "", "tags": "", "created_at": stamp, "updated_at": stamp, "detached": 0}
    body = B_TEXT
    start = body.index("old bridge")
    old["notes"].insert_all(
        [
            {**common, "id": 1, "uid": "u1", "kind": "passage", "article_id": b_id,
             "quote": "old bridge", "prefix": body[:start], "suffix": body[start + 10 :],
             "start": start, "end": start + 10, "text": "On B"},
            {**common, "id": 2, "uid": "u2", "kind": "comparison", "article_id": a_id,
             "article_b_id": b_id, "text": "A vs B"},
            {**common, "id": 3, "uid": "u3", "kind": "article", "article_id": 99,
             "text": "On an article removed long ago"},
        ]
    )  # fmt: skip
    old.close()

    store = NotesStore(data_dir)  # migrates on open, filling from library.db beside it
    try:
        rows = {
            row[0]: row[1:]
            for row in store.db.execute(
                "SELECT id, library_uid, article_path, article_hash, article_title, "
                "article_b_hash FROM notes"
            )
        }
        trigger = store.db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'notes_au'"
        ).fetchone()[0]
    finally:
        store.close()
    assert rows[1] == (library_uid, str(b.resolve()), b_hash, "Bridge vote", None)
    assert rows[2][0] == library_uid and rows[2][4] == b_hash
    assert rows[3] == (None, None, None, None, None)  # nothing to go by: left as it was
    assert "AFTER UPDATE OF [text], [tags], [quote]" in trigger  # m006 keeps it narrow

    damage_library(data_dir)
    rebuilt = Collection(data_dir, seed=False)
    try:
        new_b, new_a = imported(rebuilt, b), imported(rebuilt, a)
        assert [n.id for n in rebuilt.notes.for_article(new_b)] == [1]
        assert rebuilt.notes.for_article(new_a) == []
        assert [n.id for n in rebuilt.notes.for_comparison(new_a, new_b)] == [2]
        assert rebuilt.notes.get(3).article_id == 99  # an old dead id stays as it was
    finally:
        rebuilt.close()


def test_removed_article_takes_its_notes_back_when_imported_again(
    data_dir: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, b = files
    _, out = run(capsys, "import", "--json", str(b))
    b_id = json.loads(out)["results"][0]["id"]
    run(capsys, "notes", "add", "--article", str(b_id), "--text", "Keep me")
    run(capsys, "remove", str(b_id))
    _, out = run(capsys, "notes", "list")
    assert "waiting for its article: Bridge vote" in out
    _, out = run(capsys, "import", "--json", str(b))
    new_id = json.loads(out)["results"][0]["id"]
    assert new_id != b_id
    _, out = run(capsys, "notes", "list", "--article", str(new_id))
    assert "Keep me" in out and "waiting" not in out


def test_imported_export_finds_its_articles_by_identity(
    tmp_path: Path, files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = files
    here, there = tmp_path / "here", tmp_path / "there"
    source = Collection(here, seed=False)
    try:
        b_id = imported(source, b)  # B is 1 here
        source.notes.add_quote_note(source.library.get(b_id), "old bridge", "Exported")
        exported = to_json(source.notes.all_notes())
    finally:
        source.close()
    target = Collection(there, seed=False)
    try:
        other = imported(target, a)  # 1 is A there
        assert other == b_id
        import_json(target.notes, exported)
        assert target.notes.for_article(other) == []
        (note,) = target.notes.all_notes()
        assert note.waiting
        new_b = imported(target, b)
        assert [n.text for n in target.notes.for_article(new_b)] == ["Exported"]
    finally:
        target.close()


def test_backup_from_before_the_identity_columns_can_be_recovered(
    data_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "old-backup.db"
    old = sqlite_utils.Database(backup)
    migrations.apply(old, stop_before="m005_article_identity")
    stamp = "2026-01-01T00:00:00.000000+00:00"
    old["notes"].insert(
        {"id": 1, "uid": "u1", "kind": "article", "article_id": 1, "text": "Old", "tags": "",
         "created_at": stamp, "updated_at": stamp, "detached": 0}
    )  # fmt: skip
    old.close()
    store = NotesStore(data_dir)
    try:
        assert salvage(store, backup).added == [1]
        assert store.get(1).text == "Old"
    finally:
        store.close()


def test_an_id_from_another_library_is_never_trusted(
    data_dir: Path, files: tuple[Path, Path]
) -> None:
    a, _ = files
    collection = Collection(data_dir, seed=False)
    try:
        a_id = imported(collection, a)
        notes = collection.notes
        # As a note bound to another library looks when binding could not run
        # (notes.db locked on open): same integer, another library's article.
        notes.db.table("notes").insert(
            {"id": 50, "uid": "foreign", "kind": "article", "text": "from elsewhere",
             "tags": "", "created_at": "2026-01-01T00:00:00+00:00",
             "updated_at": "2026-01-01T00:00:00+00:00", "detached": 0, "article_id": a_id,
             "library_uid": "another-library", "article_hash": "0" * 64}
        )  # fmt: skip
        notes.db.conn.commit()
        assert notes.get(50).article_id is None and notes.get(50).waiting
        assert notes.for_article(a_id) == [] and notes.notes(article_id=a_id) == []
        assert [h.note.article_id for h in notes.search("elsewhere")] == [None]
        a.write_text(A_TEXT + "\nA new paragraph.\n", encoding="utf-8")
        new_a = imported(collection, a)  # a new version: its notes move, not this one
        assert collection.notes.raw_notes("WHERE n.id = 50", [])[0].article_id == a_id
        assert notes.for_article(new_a) == []
    finally:
        collection.close()


def test_full_text_index_follows_edits_not_moves(data_dir: Path) -> None:
    # m005 narrows the FTS update trigger to text, tags and quote.
    store = NotesStore(data_dir)
    try:
        note = store.add_article_note(1, "alpha words", ["first"])
        store.update(note.id, text="beta words", tags=["second"])
        store.reanchor(1, Article(title="T", body="Some body.", id=ArticleId(2)))
        assert store.get(note.id).article_id == 2
        assert [h.note.id for h in store.search("beta")] == [note.id]
        assert store.search("alpha") == [] and store.search("first") == []
        store.db.execute("INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')")
    finally:
        store.close()


def test_notes_on_articles_already_back_attach_on_open(data_dir: Path) -> None:
    # A rebuilt library re-imports the samples itself (no `import_paths`):
    # their notes are matched when the notes are opened.
    first = Collection(data_dir)
    sample = first.library.articles()[-1]
    assert sample.id is not None
    note = first.notes.add_article_note(sample.id, "On a sample")
    first.close()
    damage_library(data_dir)
    rebuilt = Collection(data_dir)
    try:
        again = rebuilt.library.find(sample.content_hash, None)
        assert again is not None and rebuilt.library.uid != first.library.uid
        assert rebuilt.notes.get(note.id).article_id == again.id
        assert rebuilt.notes.get(note.id).library_uid == rebuilt.library.uid
    finally:
        rebuilt.close()
