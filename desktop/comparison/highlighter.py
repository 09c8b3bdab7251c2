"""Paint a comparison's spans into a pane's document and mark the current pair.

Unit highlights and emphasised words go into the document's own character
formats (not `ExtraSelection`s): only real formats re-lay text out, which bold
words need, and they are painted once per comparison.  The current pair is an
outline the text view paints on top, so moving the selection never re-formats
the document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtGui import QTextCharFormat, QTextCursor

from desktop.comparison.palette import QtPalette
from desktop.comparison.pane import ReadingTextEdit
from library.export.layout import ComparisonLayout

#: Characters of text whose highlights a background result paints per event-loop
#: turn: each turn re-lays out only its own stretch of a long text.
PAINT_SLICE = 8_000

Merge = tuple[int, int, QTextCharFormat]  # Qt positions [start, end) and the format merged


def _merges(
    edit: ReadingTextEdit,
    layout: ComparisonLayout,
    side: str,
    palette: QtPalette,
    overrides: Mapping[int, str],
) -> list[Merge]:
    """The formats to merge, in order: units, then emphasised words, then conflicts."""
    limit = max(0, edit.document().characterCount() - 1)
    to_qt = edit.offsets.to_qt
    out: list[Merge] = []

    def add(start: int, end: int, fmt: QTextCharFormat) -> None:
        out.append((min(to_qt(start), limit), min(to_qt(end), limit), fmt))

    for unit in layout.units[side]:
        relation = unit.relation
        if relation is not None and unit.pair is not None:
            relation = overrides.get(unit.pair, relation)
        if relation is not None and relation != "unrelated":
            add(unit.start, unit.end, palette.unit_format(relation))
    emphasis = palette.emphasis_format()
    for start, end, pair in layout.emphasis[side]:
        if overrides.get(pair) != "unrelated":
            add(start, end, emphasis)
    conflict = palette.emphasis_format(conflict=True)
    for start, end, pair in layout.conflict_spans.get(side, []):
        if overrides.get(pair, "divergent") == "divergent":
            add(start, end, conflict)
    return out


def paint_document(
    edit: ReadingTextEdit,
    layout: ComparisonLayout | None,
    side: str,
    palette: QtPalette,
    user_relations: Mapping[int, str] | None = None,
    *,
    slice_chars: int | None = None,
) -> list[Callable[[], None]]:
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
        slice_chars: paint only the first this many characters now and return
            the rest as steps, a stretch each (None: all of it now).  Qt lays
            out again what a change of formats covers: all at once, a long
            text took 10-20 ms, several times that on a loaded machine.

    Returns:
        The steps left (empty without `slice_chars`); a later paint, or a new
        document, makes them do nothing.
    """
    merges = _merges(edit, layout, side, palette, user_relations or {}) if layout else []
    doc = edit.document()
    doc.setUndoRedoEnabled(False)  # formatting is display, not an edit to undo
    token = edit.painting = object()  # any later paint supersedes what is left of this one
    clear, edit.formatted = edit.formatted, layout is not None
    end = max(0, doc.characterCount() - 1)
    size = max(1, slice_chars or end)
    stretches = [(low, min(low + size, end)) for low in range(0, end, size)] or [(0, 0)]

    def paint(low: int, high: int, first: bool) -> None:
        if edit.painting is not token or edit.document() is not doc:
            return
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one relayout for the stretch, not one per unit
        try:
            if first and clear:
                # Over the whole text (a relayout of it all: 7 ms for 10,000 words):
                # only when an earlier paint left formats to clear.
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.setCharFormat(QTextCharFormat())
            for start, stop, fmt in merges:
                start, stop = max(start, low), min(stop, high)
                if start < stop:
                    span = QTextCursor(doc)
                    span.setPosition(start)
                    span.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
                    span.mergeCharFormat(fmt)
        finally:
            cursor.endEditBlock()

    steps: list[Callable[[], None]] = [
        partial(paint, low, high, index == 0) for index, (low, high) in enumerate(stretches)
    ]
    if slice_chars is None:
        for step in steps:
            step()
        return []
    steps[0]()
    return steps[1:]


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
