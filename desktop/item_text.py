"""What the delegates that paint an item's text themselves share with Qt's own painting.

Qt's painting of a word-wrapped or multi-line item loses the lines after one
drawn in a fallback font (Chinese after Latin), so `TwoLineDelegate` and
`WrappedRowDelegate` draw the text themselves and leave the rest (background,
alternate rows, selection, focus) to the style, as Qt would draw it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: What `initStyleOption` makes of an item's "\n".
LINE_SEPARATOR = "\u2028"


def taken_text(
    delegate: QStyledItemDelegate,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> tuple[QStyleOptionViewItem, str]:
    """The item's option with its text taken out, and that text with its line breaks."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text = opt.text.replace(LINE_SEPARATOR, "\n")
    opt.text = ""
    return opt, text


def style_of(opt: QStyleOptionViewItem) -> QStyle:
    """The style the item's view paints with."""
    widget = opt.widget
    return widget.style() if widget is not None else QApplication.style()


def draw_frame(painter: QPainter, opt: QStyleOptionViewItem) -> QStyle:
    """Background, alternate rows, selection and focus as Qt draws them (no text); the style."""
    style = style_of(opt)
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    return style
