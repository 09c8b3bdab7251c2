"""`TwoLineDelegate`: a list row of a title and a quieter details line, each elided alone.

Qt's own item painting drops the second line of a two-line item whose first
line falls back to another font (a Chinese headline under a Latin UI font):
the "Compare With…" picker showed "韦尔…标题…" and no outlet or length, though
the row had room.  Here each line is measured and drawn on its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.item_text import draw_frame, taken_text

PADDING = 6  # above and below the two lines, as Qt's own rows


def line_height(text: str, font: QFont) -> int:
    """The height of `text` on one line in `font`, fallback fonts (Chinese glyphs) included."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1_000_000)
    layout.endLayout()
    return max(QFontMetrics(font).lineSpacing(), math.ceil(line.height()))


class TwoLineDelegate(QStyledItemDelegate):
    """Paints an item whose text is "title\\ndetails" as two separately elided lines."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt, text = taken_text(self, option, index)
        title, _, details = text.partition("\n")
        style = draw_frame(painter, opt)  # the text is ours
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        rect = opt.rect.adjusted(margin, 0, -margin, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        font: QFont = opt.font
        metrics = QFontMetrics(font)
        painter.save()
        painter.setFont(font)
        top = rect.top() + (rect.height() - self._height(title, details, font)) // 2
        for text, quiet in ((title, False), (details, True)):
            height = line_height(text, font)
            role = (
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
                if quiet
                else QPalette.ColorRole.Text
            )
            painter.setPen(palette.color(role))
            line = QRect(rect.left() + 2, top, rect.width() - 4, height)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, line.width())
            painter.drawText(
                line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
            )
            top += height
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        title, _, details = str(index.data() or "").partition("\n")
        height = self._height(title, details, option.font) + PADDING
        return QSize(size.width(), max(size.height(), height))

    @staticmethod
    def _height(title: str, details: str, font: QFont) -> int:
        return line_height(title, font) + line_height(details, font)
