"""A pane's text goes into a document of its own, laid out once: the same as set in place."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from pytestqt.qtbot import QtBot

from desktop.comparison.pane import ReadingPane
from desktop.passages import mark_noted
from library.article import Article

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BODY = "\n\n".join(
    f"Paragraph {i} says the river rose by {i} cm. 🌊 Then it fell." for i in range(80)
)


def _pane(qtbot: QtBot) -> ReadingPane:
    pane = ReadingPane("a")
    qtbot.addWidget(pane)
    pane.resize(500, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_the_new_document_matches_the_text_set_in_place(qtbot: QtBot) -> None:
    shown, in_place = _pane(qtbot), _pane(qtbot)
    shown.set_article(Article(title="A", body=BODY))
    # The way it was done before: the text set in the shown document, then the line height.
    edit = in_place.text_edit
    edit.offsets = shown.text_edit.offsets  # the emoji: Qt positions are not body offsets
    edit.setPlainText(BODY)
    cursor = QTextCursor(edit.document())
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.mergeBlockFormat(block)
    new, old = shown.text_edit.document(), edit.document()
    assert new.toPlainText() == old.toPlainText() == BODY
    assert new.blockCount() == old.blockCount()
    assert new.defaultFont() == old.defaultFont()
    assert new.documentMargin() == old.documentMargin() == 14
    assert new.defaultTextOption().wrapMode() == old.defaultTextOption().wrapMode()
    assert not new.isUndoRedoEnabled()
    heights = {new.findBlockByNumber(i).blockFormat().lineHeight() for i in range(new.blockCount())}
    assert heights == {135.0}
    assert new.size() == old.size()  # laid out alike, line for line
    for offset in (0, len(BODY) // 2, len(BODY) - 1):
        assert shown.y_span(offset, offset + 1) == in_place.y_span(offset, offset + 1)


def test_replacing_a_document_drops_the_old_one_and_its_marks(qtbot: QtBot) -> None:
    pane = _pane(qtbot)
    resized: list[None] = []
    pane.text_edit.document_resized.connect(lambda: resized.append(None))
    pane.set_article(Article(title="A", body=BODY))
    first = pane.text_edit.document()
    mark_noted(pane.text_edit, [(0, 20)], pane.text_edit.offsets)
    pane.set_article(Article(title="B", body="Another text."))
    # The noted marks of A pointed into A's document: gone with it, never
    # painted over B (this crashed once the old document was deleted).
    assert pane.text_edit.extraSelections() == []
    mark_noted(pane.text_edit, [(0, 7)], pane.text_edit.offsets)
    assert len(pane.text_edit.extraSelections()) == 1
    qtbot.waitUntil(lambda: not _alive(first), timeout=2000)
    assert resized  # the view's geometry follows the new document
    pane.set_article(None)
    assert pane.text_edit.toPlainText() == ""


def _alive(obj: object) -> bool:
    from shiboken6 import Shiboken

    return bool(Shiboken.isValid(obj))
