"""Every `Collection` mutation says what it changed (`Changes`), for the views to refresh."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from library.changes import Changes, note_changes
from library.collection import Collection
from library.errors import NotFound

STORY = "# Flood in the valley\n\nHeavy rain flooded the valley on Monday, officials said.\n"
OTHER = "# Bridge reopens\n\nThe old bridge reopened to traffic on Tuesday after repairs.\n"


@pytest.fixture
def col(collection_of: Callable[[dict[str, str]], Collection]) -> Collection:
    return collection_of({"story.md": STORY, "other.md": OTHER})


def _ids(col: Collection) -> list[int]:
    """The story's id, then the other's."""
    by_title = {a.title: int(a.id or 0) for a in col.library.articles()}
    return [by_title["Flood in the valley"], by_title["Bridge reopens"]]


def test_changes_combine_and_serialise() -> None:
    assert not Changes()
    assert Changes(aliases=True) and (Changes() | Changes(aliases=True)).aliases
    both = Changes(articles=True, article_ids=(1,)) | note_changes(7, tags=False)
    assert both and both.articles and both.notes and not both.tags and not both.reviews
    assert both.to_dict() == {
        "articles": True,
        "notes": True,
        "tags": False,
        "reviews": False,
        "aliases": False,
        "article_ids": [1],
        "note_ids": [7],
    }


def test_import_reports_the_articles_it_wrote(col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "new.md"
    path.write_text("# Fire at the mill\n\nA fire broke out at the mill on Friday.\n")
    report = col.import_paths([path])
    assert report.changes.articles and report.changes.notes and not report.changes.reviews
    assert report.changes.article_ids == (int(report.results[0].article.id),)  # type: ignore[union-attr]
    again = col.import_paths([path])  # unchanged: no article written
    assert not again.changes.articles and again.changes.article_ids == ()
    path.write_text("# Fire at the mill\n\nA fire broke out at the mill on Saturday.\n")
    replaced = col.import_paths([path]).changes
    assert replaced.articles and replaced.reviews  # reviews follow the new version


def test_remove_counts_the_notes_kept(col: Collection) -> None:
    first, second = _ids(col)
    col.add_article_note(first, "keep me")
    op = col.remove(first)
    assert op.value.article.id == first and op.value.notes_kept == 1
    assert op.changes.articles and op.changes.notes and op.changes.article_ids == ()
    assert op.value.to_dict() == {"removed": first, "title": "Flood in the valley", "notes_kept": 1}
    assert [a.id for a in col.library.articles()] == [second]
    with pytest.raises(NotFound):
        col.remove(first)


def test_note_operations_say_whether_tags_changed(col: Collection) -> None:
    first, _ = _ids(col)
    added = col.add_article_note(first, "text", ["flood"])
    note = added.value
    assert added.changes == note_changes(note.id)
    assert added.changes.tags  # a tagged note changes the tag list...
    assert not col.add_article_note(first, "untagged").changes.tags  # ...an untagged one not
    text_only = col.update_note(note.id, text="more text")
    assert text_only.changes.notes and not text_only.changes.tags
    assert col.update_note(note.id, tags=["flood", "rain"]).changes.tags
    assert not col.update_note(note.id, text="more text").changes  # nothing differs: no change
    assert col.delete_note(note.id).changes.note_ids == (note.id,)
    assert col.restore_note(note.id).value.in_trash is False
    article = col.library.get(first)
    passage = col.add_passage_note(article, 2, 12, "p")
    assert passage.changes.notes and passage.value.anchor is not None


def test_notes_import_reports_the_notes_written(col: Collection) -> None:
    from library.notes.export import to_json

    first, second = _ids(col)
    note = col.add_comparison_note(first, second, "compare").value
    exported = to_json([note])
    col.notes.purge(col.delete_note(note.id).value.id)
    op = col.import_notes(exported)
    assert op.value.added and op.changes.notes and op.changes.note_ids == tuple(op.value.added)
    assert op.value.to_dict()["added"] == op.value.added


def test_titles_by_ids_read_no_body(col: Collection) -> None:
    first, second = _ids(col)
    assert col.titles([second, first, 999]) == {
        first: "Flood in the valley",
        second: "Bridge reopens",
    }
    assert col.titles([]) == {}


def test_records_the_cli_prints_have_to_dict(col: Collection, tmp_path: Path) -> None:
    import json

    path = tmp_path / "new.md"
    path.write_text("# Fire at the mill\n\nA fire broke out at the mill on Friday.\n")
    (tmp_path / "empty.txt").write_text("")
    report = col.import_paths([path, tmp_path / "empty.txt"])
    data = json.loads(json.dumps(report.to_dict()))
    added = data["results"][0]
    assert added["status"] == "added" and added["title"] == "Fire at the mill"
    assert added["reason"] is None and isinstance(added["id"], int)
    assert data["results"][1]["status"] == "refused" and data["results"][1]["reason"]
    assert data["summary"] == {
        "added": 1,
        "new_version": 0,
        "unchanged": 0,
        "refused": 1,
        "skipped": 0,
    }
    (hit,) = col.library.search("mill")
    assert hit.to_dict()["title"] == "Fire at the mill" and "rank" in hit.to_dict()


def test_a_workers_reopen_never_sets_a_damaged_library_aside(data_dir: Path) -> None:
    from library.errors import DatabaseCorrupt
    from library.paths import LIBRARY_DB

    col = Collection(data_dir, seed=False)
    col.library.close()
    path = data_dir / LIBRARY_DB
    path.write_bytes(b"not a database at all " * 400)
    with pytest.raises(DatabaseCorrupt):
        col.reopen(read_only=True)
    assert path.read_bytes().startswith(b"not a database")  # still where the window uses it
    again = Collection(data_dir, seed=False)  # opening the collection itself recovers
    assert again.library_recovered_from is not None
    again.close()
