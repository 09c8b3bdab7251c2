"""The notes panel after library.db was rebuilt: a note waits for its article, never moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.notes.list_model import row_html
from desktop.notes.panel import NotesPanel
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_waiting_note_is_shown_as_waiting_and_on_no_other_article(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    a, b = tmp_path / "A.txt", tmp_path / "B.txt"
    a.write_text("Harbour plans\n\nThe new pier will open in May.\n", encoding="utf-8")
    b.write_text("Bridge vote\n\nThe council voted to repair the old bridge.\n", encoding="utf-8")
    first = Collection(data_dir, seed=False)
    first.import_paths([a])
    summary = first.import_paths([b]).results[0].article
    assert summary is not None
    b_article = first.library.get(summary.id)  # the report holds no body
    assert b_article.id is not None
    first.notes.add_quote_note(b_article, "old bridge", "Why now?")
    first.close()
    with (data_dir / "library.db").open("r+b") as handle:
        handle.write(b"\0" * 16)

    rebuilt = Collection(data_dir, seed=False)
    try:
        panel = NotesPanel(rebuilt)
        qtbot.addWidget(panel)
        panel.show_article(None)  # latest notes
        (row,) = panel.model.rows()
        assert "waiting for its article" in row_html(row)
        assert row.article_title is not None and "Bridge vote" in row.article_title
        assert "not in the library" in row.article_title
        with qtbot.assertNotEmitted(panel.passage_requested):
            panel._on_clicked(panel.model.index(0))
        assert "waits for its article" in panel.status.text()

        c = tmp_path / "C.txt"
        c.write_text("Weather\n\nRain all week.\n", encoding="utf-8")
        rebuilt.import_paths([c])
        summary = rebuilt.import_paths([a]).results[0].article
        assert summary is not None
        a_article = rebuilt.library.get(summary.id)
        assert a_article.id == b_article.id  # B's old id
        panel.show_article(a_article)
        assert panel.model.rows() == [] and panel.noted_spans(a_article.id) == []
    finally:
        rebuilt.close()
