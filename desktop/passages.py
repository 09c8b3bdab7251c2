"""Noted passages drawn over a reading pane (the preview or a comparison pane).

Both panes mark passages that carry notes the same way: a dashed underline
in the highlight colour, laid over the text as `ExtraSelection`s so the
document (and the comparison's own formats) stay untouched; a comparison
pane also draws a bar in its left margin (`noted_spans`), which stays visible
over the shared/divergent tints.  Spans are body offsets; the pane's
`OffsetMap` turns them into Qt positions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.comparison.offsets import OffsetMap
from desktop.viewport import viewport_of

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextEdit


def mark_noted(edit: QTextEdit, spans: list[tuple[int, int]], offsets: OffsetMap) -> None:
    """Underline body spans `spans` of the text in `edit` (replacing earlier marks)."""
    # Imported here: PySide makes these classes (and their enums) when their
    # names are first imported, and nothing is marked before the first paint.
    from PySide6.QtGui import QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import QTextEdit

    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(edit.palette().highlight().color())
    document = edit.document()
    last = max(0, document.characterCount() - 1)
    selections = []
    for start, end in spans:
        cursor = QTextCursor(document)
        cursor.setPosition(min(offsets.to_qt(start), last))
        cursor.setPosition(min(offsets.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    edit.setExtraSelections(selections)
    if hasattr(edit, "noted_spans"):  # a comparison pane: the margin bars too
        edit.noted_spans = list(spans)
        viewport_of(edit).update()
