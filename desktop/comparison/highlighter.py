"""Paint a comparison's spans into a pane's document and mark the current pair.

Unit highlights and emphasised words go into the document's own character
formats (not `ExtraSelection`s): only real formats re-lay text out, which bold
words need, and they are painted once per comparison.  The current pair is an
outline the text view paints on top, so moving the selection never re-formats
the document.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QTextCharFormat, QTextCursor

from desktop.comparison.palette import QtPalette
from desktop.comparison.pane import ReadingTextEdit
from library.export.layout import ComparisonLayout


def _cursor(edit: ReadingTextEdit, start: int, end: int) -> QTextCursor:
    cursor = QTextCursor(edit.document())
    limit = max(0, edit.document().characterCount() - 1)
    cursor.setPosition(min(edit.offsets.to_qt(start), limit))
    cursor.setPosition(min(edit.offsets.to_qt(end), limit), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def paint_document(
    edit: ReadingTextEdit,
    layout: ComparisonLayout | None,
    side: str,
    palette: QtPalette,
    user_relations: Mapping[int, str] | None = None,
) -> None:
    """Reset `edit`'s character formats, then highlight `side`'s units and emphasis.

    Args:
        edit: the pane's text view, already holding the article body.
        layout: the comparison layout, or None to leave the text plain.
        side: "a" or "b".
        palette: the colours for the current light/dark theme.
        user_relations: pair index -> the relation the user gave it in a review,
            where it differs from the machine's.  The text then shows what the
            user said: a rejected pair ("unrelated") is left plain, never
            painted as a shared fact.
    """
    overrides = user_relations or {}
    doc = edit.document()
    doc.setUndoRedoEnabled(False)  # formatting is display, not an edit to undo
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one relayout for the whole batch, not one per unit
    try:
        if edit.formatted:
            # Over the whole text (a relayout of it all: 7 ms for 10,000 words):
            # only when an earlier paint left formats to clear.
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
        edit.formatted = layout is not None
        if layout is not None:
            for unit in layout.units[side]:
                relation = unit.relation
                if relation is not None and unit.pair is not None:
                    relation = overrides.get(unit.pair, relation)
                if relation is not None and relation != "unrelated":
                    _cursor(edit, unit.start, unit.end).mergeCharFormat(
                        palette.unit_format(relation)
                    )
            emphasis = palette.emphasis_format()
            for start, end, pair in layout.emphasis[side]:
                if overrides.get(pair) != "unrelated":
                    _cursor(edit, start, end).mergeCharFormat(emphasis)
            conflict = palette.emphasis_format(conflict=True)
            for start, end, pair in layout.conflict_spans.get(side, []):
                if overrides.get(pair, "divergent") == "divergent":
                    _cursor(edit, start, end).mergeCharFormat(conflict)
    finally:
        cursor.endEditBlock()


def mark_current(
    edit: ReadingTextEdit,
    layout: ComparisonLayout | None,
    side: str,
    palette: QtPalette,
    pair_index: int | None,
) -> None:
    """Outline the units of pair `pair_index` on `side` (None clears).

    An outline, not a stronger tint: a tint would drown the emphasised words
    that matter most in exactly the pair the reader is looking at.

    Args:
        edit: the pane's text view.
        layout: the comparison layout.
        side: "a" or "b".
        palette: the colours for the current theme.
        pair_index: the selected pair.
    """
    spans: list[tuple[int, int]] = []
    if layout is not None and pair_index is not None and 0 <= pair_index < len(layout.pairs):
        pair = layout.pairs[pair_index]
        # One frame around the whole pair: a frame per sentence would overlap
        # where two sentences share a line.
        spans.append(pair.extent(side))
        edit.current_color = palette.line(pair.relation)
    edit.current_spans = spans
    edit.viewport().update()
