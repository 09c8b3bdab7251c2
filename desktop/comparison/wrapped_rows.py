"""`WrappedRowDelegate`: a list row of several word-wrapped lines, measured as it is painted.

Qt's own painting of a word-wrapped item measures its height with the UI font's
line height, but paints each line as tall as its tallest glyph.  A line of
Chinese falls back to a taller font, so a Chinese-English row of the summary
("A: …" over "B: …") came out shorter than its text: Qt then dropped the "B:"
line and put a false "…" after the "A:" line that fit.  Here the row is laid
out with `QTextLayout` once for its size and again, the same way, to paint it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.item_text import draw_frame, style_of, taken_text

V_MARGIN = 2  # above and below the text, inside the row
ELLIPSIS = "…"
# Laid-out entries kept (text, font, width): a list is measured again on every
# re-layout (a tab shown, a review mark) and each row again when it is painted.
CACHE_SIZE = 4096


@dataclass(frozen=True)
class Line:
    """One laid-out line: its text, where it starts (x, y from the text's top) and its size."""

    text: str
    x: float
    y: float
    width: float
    height: float
    ascent: float


def lay_out(text: str, font: QFont, width: int) -> list[Line]:
    """`text`'s paragraphs ("\\n"-separated) wrapped at `width` px in `font`.

    Words longer than the width break anywhere (a URL, a number run): a row is
    never wider than its list.  Line heights include fallback fonts (Chinese).
    """
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[Line] = []
    y = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            start, length = line.textStart(), line.textLength()
            lines.append(
                Line(
                    paragraph[start : start + length].rstrip(),
                    line.x(),
                    y,
                    line.naturalTextWidth(),
                    line.height(),
                    line.ascent(),
                )
            )
            y += line.height()
        layout.endLayout()
    return lines


def text_height(lines: list[Line]) -> int:
    return round(sum(line.height for line in lines) + 0.49)


def _text_rect(option: QStyleOptionViewItem, widget: QWidget | None) -> QRect:
    """Where the style puts an item's text, less its horizontal text margin."""
    style = style_of(option)
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
    return rect.adjusted(margin, V_MARGIN, -margin, -V_MARGIN)


def _pen_role(option: QStyleOptionViewItem) -> tuple[QPalette.ColorGroup, QPalette.ColorRole]:
    """The colour Qt's own item painting would give the text (disabled placeholders grey)."""
    state = option.state
    if not state & QStyle.StateFlag.State_Enabled:
        group = QPalette.ColorGroup.Disabled
    elif not state & QStyle.StateFlag.State_Active:
        group = QPalette.ColorGroup.Inactive
    else:
        group = QPalette.ColorGroup.Normal
    selected = bool(state & QStyle.StateFlag.State_Selected)
    return group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text


class WrappedRowDelegate(QStyledItemDelegate):
    """Paints an item's text as word-wrapped lines, every line shown while the row has room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[str, str, int], list[Line]] = {}

    def lines(self, text: str, font: QFont, width: int) -> list[Line]:
        """`lay_out(text, font, width)`, remembered."""
        key = (text, font.key(), width)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()  # rarely: only a list of thousands of entries
            found = self._cache[key] = lay_out(text, font, width)
        return found

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt, text = taken_text(self, option, index)
        draw_frame(painter, opt)  # the text is ours
        rect = _text_rect(opt, opt.widget)
        lines = self.lines(text, opt.font, rect.width())
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(*_pen_role(opt)))
        painter.setClipRect(opt.rect)
        top = rect.top() + max(0, (rect.height() - text_height(lines)) // 2)
        metrics = QFontMetrics(opt.font)
        for i, line in enumerate(lines):
            shown = line.text
            last = (
                i + 1 < len(lines)
                and top + lines[i + 1].y + lines[i + 1].height > rect.bottom() + 1
            )
            if last:  # the row is too short (a stale size): say that text follows
                shown = metrics.elidedText(
                    shown + ELLIPSIS, Qt.TextElideMode.ElideRight, rect.width()
                )
            painter.drawText(QPointF(rect.left() + line.x, top + line.y + line.ascent), shown)
            if last:
                break
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt, text = taken_text(self, option, index)
        widget = opt.widget
        if not opt.rect.isValid() and widget is not None:
            # Measured outside a layout pass: as wide as the list shows rows.
            area = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
            opt.rect = QRect(0, 0, area.width(), 1)
        rect = _text_rect(opt, widget)
        lines = self.lines(text, opt.font, rect.width())
        chrome = opt.rect.width() - rect.width()  # margins and anything left of the text
        width = chrome + round(max((line.width for line in lines), default=0.0) + 0.49)
        return QSize(min(width, opt.rect.width()), text_height(lines) + 2 * V_MARGIN)
