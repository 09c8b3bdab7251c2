"""The timeline lens as a picture: two lanes (A above, B below) on one date axis.

Geometry comes from `library.export.timeline_layout` (the HTML report's SVG
uses the same), so this widget only paints and answers the mouse: hovering a
mark shows its date as written and its sentences, clicking it asks the view to
show those sentences in both panes.  Colours follow the light/dark theme.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.comparison.palette import QtPalette
from desktop.text import plain_tooltip
from library.compare.lenses.timeline import Row
from library.export.timeline_layout import (
    AXIS_Y,
    LANE_Y,
    TITLE_Y,
    Mark,
    TimelineGeometry,
    UnitText,
    hover_text,
    layout_timeline,
)

POINT_RADIUS = 5.0
BAND_HEIGHT = 12.0


class TimelineWidget(QWidget):
    """Paints a timeline lens; fits its axis to its width (down to a minimum).

    Args:
        parent: owning widget.

    Signals:
        row_activated(int): the user clicked the mark of this timeline row.
        height_changed(int): the picture needs this height now (sections
            stack one under the other when the width runs short).
    """

    row_activated = Signal(int)
    height_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline picture")
        self.setMouseTracking(True)
        self._rows: tuple[Row, ...] = ()
        self._clashes: tuple[tuple[int, int], ...] = ()
        self._unit_text: UnitText = lambda _side, _uid: ""
        self._geometry = layout_timeline(())
        self._min_width = 0
        self.hovered: Mark | None = None

    def set_rows(
        self,
        rows: Sequence[Row],
        clashes: Sequence[tuple[int, int]] = (),
        unit_text: UnitText | None = None,
    ) -> None:
        """Show the timeline `rows` (the comparison's `lenses.timeline`).

        Args:
            rows: the timeline rows.
            clashes: A row / B row pairs of one event dated two ways.
            unit_text: the sentence of a unit, for hovering.
        """
        self._rows, self._clashes = tuple(rows), tuple(clashes)
        self._unit_text = unit_text or (lambda _side, _uid: "")
        # Squeezed as far as it goes: narrower than this, the picture scrolls.
        self._min_width = int(layout_timeline(self._rows, width=1).width) + 1
        self._relayout()
        self.updateGeometry()

    def geometry_data(self) -> TimelineGeometry:
        """The laid-out picture (tests read where marks and links went)."""
        return self._geometry

    def sizeHint(self) -> QSize:
        return QSize(self._min_width, int(self._geometry.height) + 1)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        before = int(self._geometry.height) + 1
        self._geometry = layout_timeline(
            self._rows, clashes=self._clashes, width=max(self.width(), self._min_width)
        )
        height = int(self._geometry.height) + 1
        self.setMinimumSize(self._min_width, height)
        if height != before:
            self.height_changed.emit(height)
        self.update()

    # -- painting -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Sections, axis, guides, links, marks, then the date labels."""
        g = self._geometry
        pal = self.palette()
        theme = QtPalette.for_widget(self)
        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        shared, conflict = theme.line("same"), theme.line("divergent")
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.9))
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.Bold)
        p.setFont(bold)
        p.setPen(text)
        for top in sorted({sec.top for sec in g.sections}):
            for side, y in LANE_Y.items():
                p.drawText(QPointF(6, top + y + 5), side.upper())
        p.setFont(small)
        for s in g.sections:
            axis = s.top + AXIS_Y
            if s.title:
                p.setPen(muted)
                p.drawText(QPointF(s.x0 + 4, s.top + TITLE_Y + 2), s.title)
            p.setPen(QPen(muted, 1))
            if s.axis:
                p.drawLine(QPointF(s.x0 + 4, axis), QPointF(s.x1 - 4, axis))
            for b in s.breaks:  # a compressed empty stretch: two slanted strokes
                for dx in (-5.0, 1.0):
                    p.drawLine(QPointF(b + dx, axis + 5), QPointF(b + dx + 4, axis - 5))
        p.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
        for lab in g.labels:
            p.drawLine(QPointF(lab.x, lab.top + LANE_Y["a"]), QPointF(lab.x, lab.guide_bottom))
        for link in g.links:
            clash = link.conflict and link.row_a != link.row_b
            pen = QPen(conflict if link.conflict else shared, 2)
            if clash:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(link.x_a, link.y_a), QPointF(link.x_b, link.y_b))
        base = pal.color(QPalette.ColorRole.Base)
        for m in g.marks:
            self._paint_mark(p, m, text, shared, conflict, base)
        p.setPen(text)
        metrics = p.fontMetrics()
        for lab in g.labels:
            width = metrics.horizontalAdvance(lab.text)
            p.drawText(QPointF(lab.x - width / 2, lab.y), lab.text)
        p.end()

    def _paint_mark(
        self, p: QPainter, m: Mark, text: QColor, shared: QColor, conflict: QColor, base: QColor
    ) -> None:
        colour = conflict if m.conflict else shared if m.linked else text
        pen = QPen(colour, 2.5 if m is self.hovered else 1.5)
        if m.kind == "unplaced":
            pen.setStyle(Qt.PenStyle.DotLine)
        p.setPen(pen)
        if m.kind == "band":
            fill = QColor(colour)
            fill.setAlphaF(0.28)
            p.setBrush(fill)
            rect = QRectF(m.x0 + 1, m.y - BAND_HEIGHT / 2, max(2.0, m.x1 - m.x0 - 2), BAND_HEIGHT)
            p.drawRoundedRect(rect, 4, 4)
        else:
            p.setBrush(base if m.kind == "unplaced" or not (m.linked or m.conflict) else colour)
            p.drawEllipse(QPointF(m.x, m.y), POINT_RADIUS, POINT_RADIUS)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if m.conflict:  # a shape cue beside the colour
            bold = QFont(p.font())
            bold.setWeight(QFont.Weight.Bold)
            p.save()
            p.setFont(bold)
            p.setPen(conflict)
            dy = -9.0 if m.side == "a" else -3.0  # clear of the labels below lane B
            p.drawText(QPointF(m.x + 6, m.y + dy), "!")
            p.restore()

    # -- mouse ----------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Hovering a mark shows its date and sentences; the cursor says it is clickable."""
        pos = event.position()
        mark = self._geometry.mark_at(pos.x(), pos.y())
        if mark != self.hovered:
            self.hovered = mark
            self.update()
        if mark is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        text = hover_text(mark, self._rows[mark.row], self._unit_text)
        tip = plain_tooltip(text + "\nClick to show it in both articles.")
        QToolTip.showText(event.globalPosition().toPoint(), tip, self)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self.hovered is not None:
            self.hovered = None
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click on a mark activates its row."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        mark = self._geometry.mark_at(pos.x(), pos.y())
        if mark is not None:
            self.row_activated.emit(mark.row)
