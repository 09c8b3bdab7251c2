"""The library filter box with hostile queries (issue #8): each keystroke stays cheap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.library.model import Column
from desktop.library.view import LibraryView
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def view(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> Iterator[LibraryView]:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Harbour strike ends\n\nDock workers voted 🚢 to end it.\n")
    (folder / "orchard.txt").write_text("Orchards report record crop\n\nGrowers expect it.\n")
    collection = Collection(data_dir, seed=False)
    collection.import_paths([folder])
    widget = LibraryView(collection)
    qtbot.addWidget(widget)
    widget.refresh()
    yield widget
    collection.close()


def _search(view: LibraryView, text: str) -> list[str]:
    view.filter_edit.setText(text)
    view.apply_filter()
    proxy = view.model
    return sorted(proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount()))


def test_a_long_repeated_query_filters_like_one_word(view: LibraryView) -> None:
    assert _search(view, "harbour " * 1000) == ["Harbour strike ends"]


def test_many_cjk_words_do_not_break_the_filter(view: LibraryView) -> None:
    # Before: SQLite's "Expression tree is too large" escaped the slot.
    assert _search(view, " ".join(f"港口{i}" for i in range(1000))) == []


def test_an_emoji_in_the_text_filters(view: LibraryView) -> None:
    assert _search(view, "🚢") == ["Harbour strike ends"]


def test_a_long_unsearchable_query_gets_a_short_note(view: LibraryView) -> None:
    assert len(_search(view, "-" * 5000)) == 2
    assert 0 < len(view.filter_note.text()) < 100
