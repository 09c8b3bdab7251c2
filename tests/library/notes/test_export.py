"""Export to Markdown and JSON; JSON import round trip changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from library.article import Article, ArticleId
from library.notes import Claim, InvalidNote, NotesStore
from library.notes.export import (
    import_json,
    parse_json,
    select_notes,
    to_json,
    to_markdown,
)

BODY = "Prices rose 4 percent in March, the statistics office said on Friday."


def _fill(notes_store: NotesStore) -> None:
    article = Article(title="Inflation", body=BODY, id=ArticleId(3))
    notes_store.add_article_note(3, "# Summary\n\nWorth *re-reading*.", ["econ"])
    notes_store.add_quote_note(article, "4 percent", "Other outlets say 5.", ["numbers", "check"])
    notes_store.add_comparison_note(3, 4, "B is vaguer")
    notes_store.add_comparison_note(3, 4, "Which is right?", claim=Claim((1,), (2,), "4% vs 5%"))
    notes_store.delete(notes_store.add_article_note(4, "regretted").id)


def _stable(doc: str) -> dict[str, object]:
    data = json.loads(doc)
    data.pop("exported_at")
    return data


def test_json_round_trip_into_same_store_changes_nothing(notes_store: NotesStore) -> None:
    _fill(notes_store)
    before = to_json(select_notes(notes_store))
    report = import_json(notes_store, before)
    assert report.added == [] and report.updated == [] and len(report.unchanged) == 5
    assert _stable(to_json(select_notes(notes_store))) == _stable(before)


def test_json_round_trip_into_fresh_store(notes_store: NotesStore, tmp_path: Path) -> None:
    _fill(notes_store)
    exported = to_json(select_notes(notes_store))
    other = NotesStore(tmp_path / "other")
    try:
        report = import_json(other, exported)
        assert len(report.added) == 5
        assert _stable(to_json(select_notes(other))) == _stable(exported)
        assert [n.id for n in other.trash()] == [n.id for n in notes_store.trash()]
        assert (
            other.search("outlets")[0].note.anchor == notes_store.search("outlets")[0].note.anchor
        )
    finally:
        other.close()


def test_import_takes_newer_edits_only(notes_store: NotesStore) -> None:
    note = notes_store.add_article_note(1, "old text")
    old_export = to_json(select_notes(notes_store))
    notes_store.update(note.id, text="new text")
    assert import_json(notes_store, old_export).unchanged == [note.id]
    assert notes_store.get(note.id).text == "new text"
    newer = to_json(select_notes(notes_store))
    notes_store.update(note.id, text="newest")
    doc = json.loads(newer)
    doc["notes"][0]["updated_at"] = "2999-01-01T00:00:00.000000+00:00"
    assert import_json(notes_store, json.dumps(doc)).updated == [note.id]
    assert notes_store.get(note.id).text == "new text"


def test_import_keeps_ids_unless_taken(notes_store: NotesStore, tmp_path: Path) -> None:
    notes_store.add_article_note(1, "mine")
    other = NotesStore(tmp_path / "other")
    try:
        theirs = other.add_article_note(2, "theirs")
        report = import_json(notes_store, to_json(select_notes(other)))
        assert report.added and report.added[0] != theirs.id
        assert {n.text for n in notes_store.notes()} == {"mine", "theirs"}
    finally:
        other.close()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "Not a JSON file"),
        ('{"format": "something"}', "Not a Parallax notes export"),
        ('{"format": "parallax-notes", "version": 9, "notes": []}', "version 9"),
        ('{"format": "parallax-notes", "version": 1}', 'no "notes" list'),
        ('{"format": "parallax-notes", "version": 1, "notes": [{"kind": "x"}]}', "Unknown"),
        ('{"format": "parallax-notes", "version": 1, "notes": [{"kind": "passage"}]}', "Bad"),
    ],
)
def test_bad_import_files_are_refused_whole(
    notes_store: NotesStore, text: str, message: str
) -> None:
    with pytest.raises(InvalidNote, match=message):
        import_json(notes_store, text)
    assert notes_store.count() == 0


def test_invalid_note_in_batch_imports_nothing(notes_store: NotesStore) -> None:
    _fill(notes_store)
    doc = json.loads(to_json(select_notes(notes_store)))
    doc["notes"][0]["uid"] = "new-one"
    doc["notes"][-1] = {"kind": "passage", "uid": "u", "created_at": "x", "article_id": 1}
    with pytest.raises(InvalidNote):
        import_json(notes_store, json.dumps(doc))
    assert notes_store.find_uid("new-one") is None


def test_markdown_export(notes_store: NotesStore) -> None:
    _fill(notes_store)
    md = to_markdown(select_notes(notes_store), {3: "Inflation", 4: "Prices"})
    assert md.startswith("# Parallax notes\n")
    assert "## Inflation (article 3)" in md
    assert "## Comparison: Inflation (article 3) ↔ Prices (article 4)" in md
    assert "> 4 percent" in md and "Other outlets say 5." in md and "#check #numbers" in md
    assert "> 4% vs 5%" in md
    assert "regretted" not in md  # trash stays out of the readable export


def test_export_one_article(notes_store: NotesStore) -> None:
    _fill(notes_store)
    only = select_notes(notes_store, article_id=4)
    assert {n.kind for n in only} == {"comparison", "claim", "article"}
    assert parse_json(to_json(only)) == only
    assert to_markdown([]) == "# Parallax notes\n\n_No notes._\n"


@pytest.mark.parametrize(
    "extra",
    [
        {"id": 99999999999999999999},
        {"article_id": 1e400},
        {"kind": "claim", "article_b_id": 2, "claim": "not an object"},
        {"kind": "passage", "anchor": [1]},
        {"kind": "passage", "anchor": {"quote": "q", "start": 1e999}},
        {"kind": "claim", "article_b_id": 2, "claim": {"units_a": [2**70]}},
    ],
)
def test_hand_edited_numbers_and_shapes_are_invalid_notes(extra: dict[str, object]) -> None:
    note = {
        "id": 1, "uid": "u", "kind": "article", "text": "t",
        "created_at": "2020-01-01T00:00:00+00:00", "article_id": 1,
    }  # fmt: skip
    note.update(extra)
    text = json.dumps({"format": "parallax-notes", "version": 1, "notes": [note]})
    with pytest.raises(InvalidNote):
        parse_json(text)
