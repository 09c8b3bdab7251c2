"""NotesPanel: add on a passage, autosave, flush on close, search-as-you-type, trash."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.notes.panel import NotesPanel
from desktop.notes.search import as_you_type
from desktop.notes.transfer import NotesTransfer
from library.article import Article, ArticleId
from library.collection import Collection
from library.notes import Claim, NotesStore
from tests.desktop.notes_support import collection_with

# The offscreen platform warns on every top-level show; nothing to do with us.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BODY = (
    "The harbour authority said on Monday that the new pier will open in May.\n\n"
    "Fishermen said the construction had halved their catch, a claim the authority denies."
)


@pytest.fixture
def article() -> Article:
    return Article(title="Pier opens", body=BODY, id=ArticleId(4))


@pytest.fixture
def collection(data_dir: Path, article: Article) -> Iterator[Collection]:
    col = collection_with(data_dir, {4: article, 5: Article(title="Other", body="x")})
    yield col
    col.close()


@pytest.fixture
def notes(collection: Collection) -> NotesStore:
    """The notes of the panel's collection (what the panel writes to)."""
    return collection.notes


@pytest.fixture
def panel(qtbot: QtBot, collection: Collection, article: Article) -> NotesPanel:
    widget = NotesPanel(collection)
    qtbot.addWidget(widget)
    widget.resize(380, 640)
    widget.show()
    widget.show_article(article)
    return widget


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)


def test_add_passage_note_focuses_editor(qtbot: QtBot, panel: NotesPanel, article: Article) -> None:
    start = BODY.index("new pier")
    with qtbot.waitSignal(panel.notes_changed):
        note = panel.add_passage_note(article, start, start + 8)
    assert note is not None and note.anchor is not None and note.anchor.quote == "new pier"
    assert panel.model.rowCount() == 1
    assert panel.editor.note() is not None and panel.editor.note().id == note.id  # type: ignore[union-attr]
    assert panel.noted_spans(4) == [(start, start + 8)]
    assert "new pier" in panel.editor.header.text()


def test_typing_autosaves_after_a_pause(
    qtbot: QtBot, panel: NotesPanel, notes: NotesStore, article: Article
) -> None:
    note = panel.add_passage_note(article, 0, 20)
    assert note is not None
    _type(qtbot, panel.editor.text_edit, "Check the date")
    assert panel.editor.is_dirty()
    qtbot.waitUntil(lambda: notes.get(note.id).text == "Check the date", timeout=3000)
    assert not panel.editor.is_dirty()
    assert "Check the date" in str(panel.model.index(0).data())


def test_leaving_the_editor_saves_at_once(
    qtbot: QtBot, panel: NotesPanel, notes: NotesStore, article: Article
) -> None:
    note = panel.add_passage_note(article, 0, 20)
    assert note is not None
    panel.activateWindow()
    panel.editor.text_edit.setFocus()
    qtbot.waitUntil(panel.editor.text_edit.hasFocus, timeout=3000)
    _type(qtbot, panel.editor.text_edit, "focus out")
    panel.search_bar.edit.setFocus()
    qtbot.waitUntil(lambda: not panel.editor.is_dirty(), timeout=300)  # < autosave delay
    assert notes.get(note.id).text == "focus out"


def test_enter_on_a_note_requests_its_passage(
    qtbot: QtBot, panel: NotesPanel, article: Article
) -> None:
    panel.add_passage_note(article, 4, 12)
    panel.list_view.setFocus()
    panel.list_view.setCurrentIndex(panel.model.index(0))
    with qtbot.waitSignal(panel.passage_requested) as blocker:
        panel.list_view.activated.emit(panel.model.index(0))
    assert blocker.args == [4, 4, 12]


def test_close_flushes_typed_text(
    qtbot: QtBot, collection: Collection, notes: NotesStore, article: Article
) -> None:
    widget = NotesPanel(collection)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_article(article)
    note = widget.add_passage_note(article, 4, 12)
    assert note is not None
    _type(qtbot, widget.editor.text_edit, "typed just before closing")
    widget.editor.tags_edit.setText("urgent")
    widget.editor.tags_edit.textEdited.emit("urgent")
    widget.close()  # well before the autosave timer fires
    saved = notes.get(note.id)
    assert saved.text == "typed just before closing" and saved.tags == ("urgent",)


def test_search_as_you_type_highlights(qtbot: QtBot, panel: NotesPanel, notes: NotesStore) -> None:
    notes.add_article_note(4, "Fishermen dispute the halved catch", ["fishing"])
    notes.add_article_note(5, "Unrelated budget note")
    _type(qtbot, panel.search_bar.edit, "fisher")  # an unfinished word: prefix search
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    shown = str(panel.model.index(0).data())
    assert "<b style='background-color:#ffe58a;color:black'>Fishermen</b>" in shown
    assert "1 note matches" in panel.context.text()
    panel.search_bar.edit.setText('"unbalanced AND (NOT * ^ : -')
    qtbot.waitUntil(lambda: "match" in panel.context.text(), timeout=3000)
    panel.search_bar.edit.setText("*** ---")
    qtbot.waitUntil(lambda: "Type a word" in panel.context.text(), timeout=3000)


def test_tag_filter(qtbot: QtBot, panel: NotesPanel, notes: NotesStore) -> None:
    notes.add_article_note(4, "one", ["alpha"])
    notes.add_article_note(4, "two", ["beta"])
    panel.search_bar.tag_combo.about_to_show.emit()  # as when the user opens the combo
    combo = panel.search_bar.tag_combo
    combo.setCurrentIndex(combo.findData("beta"))
    combo.activated.emit(combo.currentIndex())
    assert [r.note.text for r in panel.model.rows()] == ["two"]


def test_click_emits_passage_requested(qtbot: QtBot, panel: NotesPanel, article: Article) -> None:
    start = BODY.index("halved")
    panel.add_passage_note(article, start, start + 6)
    rect = panel.list_view.visualRect(panel.model.index(0))
    with qtbot.waitSignal(panel.passage_requested) as blocker:
        qtbot.mouseClick(panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [4, start, start + 6]


def test_newest_first_and_comparison(
    panel: NotesPanel, notes: NotesStore, article: Article
) -> None:
    notes.add_article_note(4, "older")
    notes.add_article_note(4, "newer")
    panel.refresh()
    assert [r.note.text for r in panel.model.rows()] == ["newer", "older"]
    other = Article(title="Other", body="x", id=ArticleId(5))
    notes.add_comparison_note(4, 5, "pair note")
    notes.add_article_note(5, "other side")
    panel.show_comparison(article, other)
    assert {r.note.text for r in panel.model.rows()} == {
        "pair note",
        "other side",
        "older",
        "newer",
    }


def test_claim_note_from_comparison(
    qtbot: QtBot, panel: NotesPanel, notes: NotesStore, article: Article
) -> None:
    other = Article(title="Other", body="x", id=ArticleId(5))
    panel.show_comparison(article, other)
    note = panel.add_comparison_note(article, other, Claim((1,), (2,), "May vs June"))
    assert note is not None and note.kind == "claim"
    assert "May vs June" in panel.editor.header.text()
    _type(qtbot, panel.editor.text_edit, "which?")
    panel.flush()
    assert notes.get(note.id).text == "which?"
    assert "which?" in str(panel.model.index(panel.model.row_of(note.id) or 0).data())
    with qtbot.waitSignal(panel.comparison_requested) as blocker:
        rect = panel.list_view.visualRect(panel.model.index(panel.model.row_of(note.id) or 0))
        qtbot.mouseClick(panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [4, 5]


def test_a_long_claim_is_clipped_in_the_editor_header(panel: NotesPanel, article: Article) -> None:
    other = Article(title="Other", body="x", id=ArticleId(5))
    panel.show_comparison(article, other)
    long_a, long_b = "May " + "a" * 300 + " end-A", "June " + "b" * 300 + " end-B"
    note = panel.add_comparison_note(article, other, Claim((1,), (2,), f"{long_a} ↔ {long_b}"))
    assert note is not None
    header = panel.editor.header
    # Both sides start, neither runs on: the note being typed keeps its room.
    assert "May" in header.text() and "June" in header.text() and "end-A" not in header.text()
    assert len(header.text()) < 300
    assert "end-A" in header.toolTip() and "end-B" in header.toolTip()  # whole, on hover


def test_trash_and_restore(qtbot: QtBot, panel: NotesPanel, notes: NotesStore) -> None:
    note = notes.add_article_note(4, "to be deleted")
    panel.refresh()
    panel.list_view.setCurrentIndex(panel.model.index(0))
    with qtbot.waitSignal(panel.notes_changed):
        panel.delete_button.click()
    assert panel.model.rowCount() == 0 and notes.get(note.id).in_trash
    panel.search_bar.trash_button.setChecked(True)
    assert [r.note.id for r in panel.model.rows()] == [note.id]
    panel.list_view.setCurrentIndex(panel.model.index(0))
    assert panel.editor.text_edit.isReadOnly()
    panel.restore_button.click()
    assert not notes.get(note.id).in_trash
    panel.search_bar.trash_button.setChecked(False)
    assert [r.note.id for r in panel.model.rows()] == [note.id]


def test_export_and_import_actions(
    panel: NotesPanel, notes: NotesStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes.add_article_note(4, "exported", ["x"])
    target = tmp_path / "out.json"
    monkeypatch.setattr(NotesTransfer, "ask_path", classmethod(lambda cls, *a, **k: target))
    texts = [a.text() for a in panel.actions()]
    assert texts[:2] == ["Export Notes as Markdown…", "Export Notes as JSON…"]
    assert "Import Notes…" in texts
    panel.transfer.export_json.trigger()
    assert json.loads(target.read_text())["notes"][0]["text"] == "exported"
    panel.transfer.import_json.trigger()
    assert "1 unchanged" in panel.status.text()
    md = tmp_path / "out.md"
    monkeypatch.setattr(NotesTransfer, "ask_path", classmethod(lambda cls, *a, **k: md))
    panel.transfer.export_md.trigger()
    assert "exported" in md.read_text() and "Pier opens" in md.read_text()
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    monkeypatch.setattr(NotesTransfer, "ask_path", classmethod(lambda cls, *a, **k: bad))
    panel.transfer.import_json.trigger()
    assert "Not a JSON file" in panel.status.text()


def test_notes_export_over_a_link_to_notes_db_is_refused(
    panel: NotesPanel, notes: NotesStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes.add_article_note(4, "precious")
    notes.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    link = tmp_path / "notes-export.json"
    os.link(notes.path, link)
    before = notes.path.read_bytes()
    monkeypatch.setattr(NotesTransfer, "ask_path", classmethod(lambda cls, *a, **k: link))
    assert panel.transfer.export("json", None) is None
    assert "Will not export over" in panel.status.text()
    assert notes.path.read_bytes() == before and [n.text for n in notes.notes()] == ["precious"]


def test_corrupt_file_banner(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "notes.db").write_bytes(b"garbage" * 500)
    col = Collection(data_dir, seed=False)
    widget = NotesPanel(col)
    qtbot.addWidget(widget)
    assert not widget.banner.isHidden() and "notes.db.corrupt-" in widget.banner.text()
    widget.banner.button.click()  # unreadable garbage: says so, no traceback
    assert "Could not read the damaged file" in widget.status.text()
    col.close()


def test_empty_notes_file_shows_the_banner(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "notes.db").write_bytes(b"")  # truncated to nothing: not a new store
    col = Collection(data_dir, seed=False)
    widget = NotesPanel(col)
    qtbot.addWidget(widget)
    assert not widget.banner.isHidden() and "notes.db.corrupt-" in widget.banner.text()
    widget.banner.button.click()
    assert "Could not read the damaged file" in widget.status.text()
    col.close()


def test_recover_button_brings_notes_back(qtbot: QtBot, data_dir: Path) -> None:
    first = NotesStore(data_dir, make_backups=False)
    first.add_article_note(4, "survivor")
    first.close()
    path = data_dir / "notes.db"
    data = bytearray(path.read_bytes())
    data[:16] = b"not sqlite hdr!\x00"  # header gone: the whole file is refused
    path.write_bytes(bytes(data))
    col = Collection(data_dir, seed=False)
    notes = col.notes
    assert notes.recovered_from is not None
    fixed = bytearray(notes.recovered_from.read_bytes())
    fixed[:16] = b"SQLite format 3\x00"
    notes.recovered_from.write_bytes(bytes(fixed))  # the user repaired it by hand
    widget = NotesPanel(col)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.changes_made) as made:
        widget.banner.button.click()
    assert made.args[0].notes  # the window hears of it too
    assert "1 note(s) recovered" in widget.status.text()
    assert [n.text for n in notes.notes()] == ["survivor"]
    col.close()


def test_screenshot(qtbot: QtBot, panel: NotesPanel, notes: NotesStore, article: Article) -> None:
    notes.add_article_note(4, "## Follow up\nAsk the authority for catch data.", ["fishing"])
    start = BODY.index("halved their catch")
    note = panel.add_passage_note(article, start, start + 18)
    assert note is not None
    notes.update(note.id, text="Source for this? The authority denies it.", tags=["check"])
    panel.refresh()
    panel.list_view.setCurrentIndex(panel.model.index(0))
    panel.grab().save(str(Path("/tmp/notes_panel.png")))
    assert "Source for this?" in panel.editor.text_edit.toPlainText()
    panel.search_bar.edit.setText("authority")
    qtbot.waitUntil(lambda: "2 notes match" in panel.context.text(), timeout=3000)
    panel.grab().save(str(Path("/tmp/notes_panel_search.png")))


@pytest.mark.parametrize(
    ("typed", "sent"),
    [("fisher", "fisher*"), ("fisher ", "fisher "), ("a", "a"), ('"half', '"half'), ("x)", "x)")],
)
def test_as_you_type(typed: str, sent: str) -> None:
    assert as_you_type(typed) == sent


def test_failed_save_keeps_text_and_writes_a_draft(
    qtbot: QtBot,
    panel: NotesPanel,
    notes: NotesStore,
    article: Article,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from library.errors import DatabaseLocked

    note = panel.add_passage_note(article, 0, 10)
    assert note is not None

    def locked(*_a: object, **_k: object) -> None:
        raise DatabaseLocked("notes.db is locked by another program")

    monkeypatch.setattr(notes, "update", locked)
    _type(qtbot, panel.editor.text_edit, "do not lose me")
    assert not panel.flush()
    assert panel.editor.is_dirty() and "locked" in panel.status.text()
    drafts = list((notes.data_dir / "unsaved-notes").glob("*.md"))
    assert drafts and drafts[0].read_text() == "do not lose me"
    monkeypatch.undo()
    assert panel.flush() and notes.get(note.id).text == "do not lose me"


def test_titles_come_from_the_collection(panel: NotesPanel, collection: Collection) -> None:
    stored = collection.library.add(Article(title="Stored title", body="Body text here."))
    assert stored.article.id is not None
    assert panel.title_of(int(stored.article.id)) == "Stored title"
    assert panel.title_of(999) is None


def test_tab_leaves_the_note_text_for_the_tags(
    qtbot: QtBot, panel: NotesPanel, article: Article
) -> None:
    panel.activateWindow()
    qtbot.waitActive(panel)
    panel.add_passage_note(article, 0, 5)
    edit = panel.editor.text_edit
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    _type(qtbot, edit, "Check")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.toPlainText() == "Check"  # no tab typed into the note
    qtbot.waitUntil(panel.editor.tags_edit.hasFocus, timeout=2000)


def test_export_this_article_needs_one_open_article(panel: NotesPanel, article: Article) -> None:
    action = panel.transfer.export_article
    assert action.isEnabled()
    panel.show_article(None)
    assert not action.isEnabled()
    other = Article(title="Other", body="Another text.", id=ArticleId(5))
    panel.show_comparison(article, other)
    assert not action.isEnabled()
    panel.show_article(article)
    assert action.isEnabled()
