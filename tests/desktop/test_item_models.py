"""`qtmodeltester` on every item model of the window, with realistic rows.

Each model class defined in desktop/ must be checked here: the first test
finds them in the source.  (The models inside QListWidget / QTreeWidget are
Qt's own; the C++ tester on them crashes PySide6 at teardown.)
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.library.model import Column, LibraryModel
from desktop.notes.list_model import NoteListModel, NoteRow
from library.article import Article, ArticleId
from library.collection import Collection
from library.notes import NotesStore

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
_QT_MODELS = {
    "QAbstractItemModel",
    "QAbstractTableModel",
    "QAbstractListModel",
    "QAbstractProxyModel",
    "QSortFilterProxyModel",
    "QStandardItemModel",
    "QStringListModel",
    "QIdentityProxyModel",
}
#: Every item model class in desktop/, and the test below that checks it.
CHECKED = {
    "LibraryModel": "test_library_model_with_a_hostile_title_sorted_filtered_and_paged",
    "NoteListModel": "test_note_list_model_with_every_kind_of_row",
}
BODY = (
    "The pier opens in May, the authority said.\n\n"
    "Fishermen say their catch halved since the works began."
)


def test_every_item_model_in_desktop_is_checked_here() -> None:
    found = set()
    for path in DESKTOP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id in _QT_MODELS for b in node.bases
            ):
                found.add(node.name)
    assert found == set(CHECKED), "add a qtmodeltester test for each new model"


def test_library_model_with_a_hostile_title_sorted_filtered_and_paged(
    qtmodeltester: Any, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.library import model as model_module

    collection.library.add(
        Article(
            title="<b>Harbour</b> &amp; 国家安全部 🚢",
            body="国家安全部 said the harbour reopened.",
            outlet="<i>Outlet</i>",
            published="4 March",  # free-form: shown as written
            source_path="/news/hostile.md",
        )
    )
    monkeypatch.setattr(model_module, "PAGE_SIZE", 2)
    model = LibraryModel(collection)
    qtmodeltester.check(model)
    model.reload()
    for column in Column:
        model.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)
    model.set_filter("harbour")
    qtmodeltester.check(model)
    model.set_filter("no such word anywhere")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_note_list_model_with_every_kind_of_row(
    qtmodeltester: Any, notes_store: NotesStore
) -> None:
    article = Article(title="Pier opens", body=BODY, id=ArticleId(4))
    on_article = notes_store.add_article_note(4, "# Follow up\n\n<script>x</script>", ["fishing"])
    quote = notes_store.add_quote_note(article, "catch halved", "Which catch?", ["check"])
    pair = notes_store.add_comparison_note(4, 9, "Both say May.")
    trashed = notes_store.add_article_note(4, "gone soon")
    notes_store.delete(trashed.id)
    hits = notes_store.search("catch")
    model = NoteListModel()
    qtmodeltester.check(model)
    model.set_rows(
        [
            NoteRow(on_article, "Pier opens"),
            NoteRow(quote, None),
            NoteRow(pair, "Pier opens"),
            *[NoteRow(h.note, "Pier opens", h.snippet) for h in hits],
            NoteRow(notes_store.get(trashed.id)),
        ]
    )
    assert model.rowCount() == 4 + len(hits)
    qtmodeltester.check(model)
    model.replace_row(1, NoteRow(notes_store.get(quote.id), "Pier opens", "the [catch]"))
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
