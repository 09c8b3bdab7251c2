"""`BlockTable`: each block of a laid-out document read from Qt once, for many line look-ups.

The gutter bands and the overview marks ask where hundreds of units start
and end.  Each look-up found the block, then asked for its position, its
rectangle and its layout: Shiboken wraps a new Python object for each, the
slowest part of it.  The table lists where the blocks start (bisected in
Python) and keeps each block's rectangle and layout once asked; a look-up
then asks Qt only for the line.  It must not outlive the layout it read.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QTextBlock, QTextDocument, QTextLayout


class BlockTable:
    """Document y extents of the lines of `document`, as `QTextLayout` places them.

    Args:
        document: a laid-out document that does not change while the table is used.
    """

    def __init__(self, document: QTextDocument) -> None:
        self._layout = document.documentLayout()
        self._starts: list[int] = []
        self._blocks: list[QTextBlock] = []
        block = document.begin()
        while block.isValid():
            self._starts.append(block.position())
            self._blocks.append(block)
            block = block.next()
        self._read: dict[int, tuple[float, float, QTextLayout | None]] = {}
        #: The last position a cursor may take.
        self.last = max(0, document.characterCount() - 1)

    def line_y(self, position: int) -> tuple[float, float]:
        """`(top, bottom)` of the line holding Qt `position` (its block's without lines)."""
        index = max(0, bisect_right(self._starts, position) - 1)
        read = self._read.get(index)
        if read is None:
            block = self._blocks[index]
            rect = self._layout.blockBoundingRect(block)
            read = self._read[index] = (rect.top(), rect.bottom(), block.layout())
        top, bottom, layout = read
        line = layout.lineForTextPosition(position - self._starts[index]) if layout else None
        if line is None or not line.isValid():
            return top, bottom
        # Line y is relative to its block; the block rect places the block.
        y = top + line.y()
        return y, y + line.height()
