"""A pane's text goes into a document of its own, laid out once: the same as set in place."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from pytestqt.qtbot import QtBot

from desktop.comparison.highlighter import paint_document
from desktop.comparison.pane import ReadingPane, ReadingTextEdit
from desktop.passages import mark_noted
from library.article import Article
from library.export import ComparisonLayout
from tests.desktop.comparison.test_comparison_support import FLOOD_A, FLOOD_B, hand_built, make_view

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


def _formats(edit: ReadingTextEdit) -> list[tuple[int, int, str, str, int, int]]:
    """Every run of one character format: where, and what a reader sees of it."""
    runs = []
    block = edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            runs.append(
                (
                    fragment.position(),
                    fragment.length(),
                    fmt.background().color().name(),
                    fmt.underlineColor().name(),
                    int(fmt.underlineStyle().value),
                    fmt.fontWeight(),
                )
            )
            it += 1
        block = block.next()
    return runs


def test_painting_over_earlier_highlights_ends_as_painting_fresh_text(qtbot: QtBot) -> None:
    # A new text has no formats, so its first paint skips clearing them (a
    # relayout of the whole text); any later paint must clear them first.
    data = hand_built()
    layout = ComparisonLayout.build(data)
    view = make_view(qtbot)
    view.show_comparison(FLOOD_A, FLOOD_B, data, layout)
    edit = view.pane("a").text_edit
    assert edit.formatted
    painted = _formats(edit)
    assert any(run[2] != "#000000" for run in painted)  # something is highlighted
    palette = view._qt_palette
    plain = _pane(qtbot)
    plain.set_article(FLOOD_A)
    unpainted = _formats(plain.text_edit)
    rejected = {pair.index: "unrelated" for pair in layout.pairs}
    paint_document(edit, layout, "a", palette, rejected)  # every pair rejected...
    assert _formats(edit) == unpainted  # ...the earlier highlights are cleared
    paint_document(edit, layout, "a", palette, {})  # then painted again over that
    assert _formats(edit) == painted
    paint_document(edit, None, "a", palette)  # no layout: plain
    assert not edit.formatted and _formats(edit) == unpainted
    paint_document(plain.text_edit, layout, "a", palette, {})  # fresh text: no clearing
    assert _formats(plain.text_edit) == painted


def test_line_extents_read_by_block_match_those_asked_one_by_one(qtbot: QtBot) -> None:
    # Wrapped lines, empty paragraphs, an emoji (two Qt positions), the very end.
    body = "\n\n".join([BODY, "", "A short one.", "🌊" * 3, BODY[:400]])
    pane = _pane(qtbot)
    pane.resize(300, 600)  # narrow: paragraphs wrap over several lines
    pane.set_article(Article(title="A", body=body))
    qtbot.wait(10)
    offsets = [*range(len(body) + 1), len(body) + 5]
    one_by_one = [pane.y_span(o, o + 1) for o in offsets]
    with pane.same_layout():
        by_block = [pane.y_span(o, o + 1) for o in offsets]
    assert by_block == one_by_one
    assert len(set(one_by_one)) > 40  # many distinct lines were measured


def test_while_comparing_the_geometry_leaves_the_layout_of_long_texts_to_qt(
    qtbot: QtBot,
) -> None:
    # Qt lays a long text out in steps a timer apart; asking it its height
    # (for overview marks there are none of yet) laid out all of it at once.
    body = "\n\n".join(f"Paragraph {i} says the river rose by {i} centimetres." for i in range(900))
    a, b = Article(title="A", body=body), Article(title="B", body=body + "\n\nEnd.")
    view = make_view(qtbot)
    view.runner.compare = lambda x, y: (_ for _ in ()).throw(RuntimeError("not here"))
    view.open_articles(a, b)  # pane A now, pane B a turn later
    edit = view.pane("a").text_edit
    last = edit.document().lastBlock()
    assert last.layout().lineCount() == 0  # not laid out yet
    view._refresh_geometry()
    assert last.layout().lineCount() == 0  # still Qt's to do, in its own time
    top, bottom = view.pane("a").overview._visible
    assert top == 0.0 and 0.0 < bottom < 1.0
    qtbot.waitUntil(lambda: last.layout().lineCount() > 0, timeout=5000)


def test_a_replaced_document_the_pane_made_is_deleted_without_asking_its_parent(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Told apart without `document.parent()`: wrapping the first document's
    # parent (Qt's private text control) made PySide build ~90 enum types,
    # 40-100 ms in the first comparison's block.
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QTextDocument

    from desktop.comparison.pane import ReadingPane

    asked: list[None] = []
    real = QTextDocument.parent
    monkeypatch.setattr(QTextDocument, "parent", lambda d: asked.append(None) or real(d))
    pane = ReadingPane("a")
    qtbot.addWidget(pane)
    edit = pane.text_edit
    edit.set_body("one")  # Qt deletes its own first document itself
    made = edit.document()
    edit.set_body("two")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(made) and shiboken6.isValid(edit.document())
    assert asked == []
