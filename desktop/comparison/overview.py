"""A thin strip beside a pane's scrollbar marking where shared and divergent units sit.

Like Meld's chunk map: the strip stands for the whole document, each pair unit is
a coloured tick at its relative height, and a translucent box shows what the pane
currently displays.  A pair the user reviewed also gets a bar along the strip's
right edge in its review colour (as in the text's margin), so reviewed and
unreviewed findings can be told apart over the whole article.  Clicking or
dragging on the strip scrolls the pane there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.comparison.palette import QtPalette
from library.export.layout import ComparisonLayout


def overview_marks(
    layout: ComparisonLayout | None,
    side: str,
    y_span: Callable[[int, int], tuple[float, float]],
    height: float,
    current: int | None,
) -> list[tuple[float, float, str, bool]]:
    """Marks `(top, bottom, relation, current)` as fractions of the document height.

    Args:
        layout: the comparison layout (None: no marks).
        side: "a" or "b".
        y_span: body offsets -> document y extent (the pane's `y_span`).
        height: the document height.
        current: the selected pair, whose marks are drawn wider.
    """
    height = max(1.0, height)
    marks: list[tuple[float, float, str, bool]] = []
    for unit in layout.units[side] if layout is not None else []:
        if unit.relation is not None:
            top, bottom = y_span(unit.start, unit.end)
            is_current = unit.pair is not None and unit.pair == current
            marks.append((top / height, bottom / height, unit.relation, is_current))
    return marks


def overview_review_marks(
    bars: list[tuple[int, int, QColor]],
    y_span: Callable[[int, int], tuple[float, float]],
    height: float,
) -> list[tuple[float, float, QColor]]:
    """Review bars `(top, bottom, colour)` as fractions of the document height.

    Args:
        bars: `(start, end, colour)` body extents of the reviewed pairs on this
            side (the pane's `review_bars`, set by `Reviewing`).
        y_span: body offsets -> document y extent (the pane's `y_span`).
        height: the document height.
    """
    height = max(1.0, height)
    marks = []
    for start, end, color in bars:
        top, bottom = y_span(start, end)
        marks.append((top / height, bottom / height, color))
    return marks


class OverviewStrip(QWidget):
    """Marks of one pane's shared/divergent units over the full document height.

    Args:
        parent: owning widget.

    Signals:
        jump_requested(float): the user clicked/dragged at this fraction (0..1) of
            the document; the owner scrolls the pane so that point is centred.
    """

    jump_requested = Signal(float)

    WIDTH = 14
    REVIEW_BAR = 2.5  # width of a review bar along the right edge

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(self.WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Overview of highlights")
        self.setToolTip(
            "Overview: blue marks shared facts, orange marks divergent claims; "
            "a bar at the edge marks a pair you reviewed"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._marks: list[tuple[float, float, str, bool]] = []
        self._reviews: list[tuple[float, float, QColor]] = []
        self._visible = (0.0, 1.0)
        self._palette: QtPalette | None = None
        # The marks drawn once into a pixmap: a scroll repaints only the box.
        self._cache: QPixmap | None = None

    def set_marks(self, marks: list[tuple[float, float, str, bool]], palette: QtPalette) -> None:
        """Replace the marks.

        Args:
            marks: `(top, bottom, relation, current)` with top/bottom as fractions
                of the document height.
            palette: colours to paint with.
        """
        self._marks = marks
        self._palette = palette
        self._cache = None
        self.update()

    def set_review_marks(self, marks: list[tuple[float, float, QColor]]) -> None:
        """Replace the review bars: `(top, bottom, colour)`, fractions of the document height."""
        self._reviews = list(marks)
        self._cache = None
        self.update()

    def review_marks(self) -> list[tuple[float, float, QColor]]:
        """The review bars as last set (for tests)."""
        return list(self._reviews)

    def marks(self) -> list[tuple[float, float, str, bool]]:
        """The marks as last set (for tests and accessibility checks)."""
        return list(self._marks)

    def set_visible_range(self, top: float, bottom: float) -> None:
        """Show which fraction of the document the pane currently displays."""
        if (top, bottom) != self._visible:
            self._visible = (top, bottom)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the track, the marks and the visible-region box."""
        if self._cache is None or self._cache.size() != self.size():
            self._cache = self._render_marks()
        painter = QPainter(self)
        pal = self.palette()
        painter.drawPixmap(0, 0, self._cache)
        h = max(1, self.height() - 2)
        top, bottom = self._visible
        box = QRectF(0.5, 1 + top * h, self.width() - 1.0, max(4.0, (bottom - top) * h))
        shade = QColor(pal.color(QPalette.ColorRole.Text))
        shade.setAlphaF(0.12)
        painter.fillRect(box, shade)
        edge = QColor(pal.color(QPalette.ColorRole.Text))
        edge.setAlphaF(0.45)
        painter.setPen(QPen(edge, 1))
        painter.drawRect(box)
        painter.end()

    def _render_marks(self) -> QPixmap:
        pixmap = QPixmap(self.size())
        pixmap.fill(self.palette().color(QPalette.ColorRole.AlternateBase))
        if self._palette is None:
            return pixmap
        painter = QPainter(pixmap)
        h = max(1, self.height() - 2)
        for top, bottom, relation, current in self._marks:
            inset = 1.0 if current else 3.0
            rect = QRectF(
                inset, 1 + top * h, self.width() - 2 * inset, max(2.0, (bottom - top) * h)
            )
            painter.fillRect(rect, self._palette.line(relation))
        x = self.width() - self.REVIEW_BAR
        for top, bottom, color in self._reviews:
            rect = QRectF(x, 1 + top * h, self.REVIEW_BAR, max(2.0, (bottom - top) * h))
            painter.fillRect(rect, color)
        painter.end()
        return pixmap

    def _jump(self, event: QMouseEvent) -> None:
        fraction = min(1.0, max(0.0, event.position().y() / max(1, self.height())))
        self.jump_requested.emit(fraction)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Jump to the clicked point."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Dragging keeps jumping, like dragging a scrollbar."""
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event)
