"""The link map between the panes: a band from each unit to its counterpart, as in Meld.

A band joins a pair's extent in pane A (left edge) to its extent in pane B (right
edge) with two Bézier curves, so a matched sentence that moved far away shows as a
steep band: out-of-order matches are visible at a glance.  Clicking a band
selects the pair; hovering it explains the match.

The user's reviews show here too (see `review_marks`): a badge on each reviewed
pair's band, and the pairs linked by hand as bands of their own style.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.comparison.palette import QtPalette
from desktop.comparison.pane import ReadingPane
from desktop.comparison.review_marks import PairMark, UserLink, review_color
from desktop.text import plain_tooltip
from library.export.layout import ComparisonLayout
from library.export.wording import explain


@dataclass(frozen=True, slots=True)
class Band:
    """One pair's extents in document coordinates of each pane.

    Args:
        pair: pair index.
        relation: "same", "divergent" or "related".
        a_top: document y where the pair starts in A (a_bottom, b_top, b_bottom alike).
        tooltip: the pair's explanation.
    """

    pair: int
    relation: str
    a_top: float
    a_bottom: float
    b_top: float
    b_bottom: float
    tooltip: str


def pair_bands(
    layout: ComparisonLayout | None, pane_a: ReadingPane, pane_b: ReadingPane
) -> list[Band]:
    """One band per pair of `layout`, in document coordinates of the two panes.

    Args:
        layout: the comparison layout (None: no bands).
        pane_a: the left pane, already showing article A.
        pane_b: the right pane.
    """
    bands: list[Band] = []
    for pair in layout.pairs if layout is not None else []:
        a_top, a_bottom = pane_a.y_span(pair.a_start, pair.a_end)
        b_top, b_bottom = pane_b.y_span(pair.b_start, pair.b_end)
        bands.append(
            Band(pair.index, pair.relation, a_top, a_bottom, b_top, b_bottom, explain(pair))
        )
    return bands


class LinkMap(QWidget):
    """Draws the bands between pane A and pane B.

    Args:
        pane_a: the left pane.
        pane_b: the right pane.
        parent: owning widget.

    Signals:
        pair_clicked(int): the user clicked the band of this pair.
        link_clicked(int): the user clicked the band of this hand link.
    """

    pair_clicked = Signal(int)
    link_clicked = Signal(int)

    def __init__(self, pane_a: ReadingPane, pane_b: ReadingPane, parent: QWidget | None = None):
        super().__init__(parent)
        self._panes = (pane_a, pane_b)
        self._bands: list[Band] = []
        self._current: int | None = None
        self._palette: QtPalette | None = None
        self._marks: dict[int, PairMark] = {}
        self._links: list[UserLink] = []
        self.setMinimumWidth(36)
        self.setMaximumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between matching passages")
        self.setMouseTracking(True)
        for pane in self._panes:
            pane.text_edit.verticalScrollBar().valueChanged.connect(lambda _v: self.update())

    def sizeHint(self) -> QSize:
        """Wide enough for readable curves, narrow enough to leave room for text."""
        hint = super().sizeHint()
        hint.setWidth(56)
        return hint

    def set_bands(self, bands: list[Band], palette: QtPalette) -> None:
        """Replace the bands (document coordinates) and the colours."""
        self._bands = bands
        self._palette = palette
        self.update()

    def bands(self) -> list[Band]:
        """The bands as last set."""
        return list(self._bands)

    def set_reviews(self, marks: dict[int, PairMark], links: list[UserLink]) -> None:
        """Badges of reviewed pairs (by pair index) and the pairs linked by hand."""
        self._marks = dict(marks)
        self._links = list(links)
        self.update()

    def review_marks(self) -> dict[int, PairMark]:
        """The badges as last set, by pair index."""
        return dict(self._marks)

    def user_links(self) -> list[UserLink]:
        """The hand links as last set."""
        return list(self._links)

    def relation_of(self, band: Band) -> str:
        """The band's relation as the user has it ("unrelated" once rejected)."""
        mark = self._marks.get(band.pair)
        return band.relation if mark is None else mark.relation or band.relation

    def set_current(self, pair: int | None) -> None:
        """Draw the band of `pair` emphasised (None: no current pair)."""
        self._current = pair
        self.update()

    # -- geometry -------------------------------------------------------------

    def _offsets(self) -> tuple[float, float, float, float]:
        """Per pane: gutter y of document y 0, and the visible gutter y range."""
        pane_a, pane_b = self._panes
        tops = []
        for pane in (pane_a, pane_b):
            viewport = pane.text_edit.viewport()
            top = self.mapFromGlobal(viewport.mapToGlobal(viewport.rect().topLeft())).y()
            tops.append(top)
        return (
            tops[0] - pane_a.scroll_value(),
            tops[1] - pane_b.scroll_value(),
            float(max(tops)),
            float(min(t + p.viewport_height() for t, p in zip(tops, self._panes, strict=True))),
        )

    def _path(self, band: Band, off_a: float, off_b: float) -> QPainterPath:
        w = float(self.width())
        a0, a1 = band.a_top + off_a, max(band.a_bottom, band.a_top + 2) + off_a
        b0, b1 = band.b_top + off_b, max(band.b_bottom, band.b_top + 2) + off_b
        path = QPainterPath(QPointF(0, a0))
        path.cubicTo(QPointF(w * 0.5, a0), QPointF(w * 0.5, b0), QPointF(w, b0))
        path.lineTo(QPointF(w, b1))
        path.cubicTo(QPointF(w * 0.5, b1), QPointF(w * 0.5, a1), QPointF(0, a1))
        path.closeSubpath()
        return path

    def _visible(self) -> list[tuple[Band, QPainterPath]]:
        off_a, off_b, top, bottom = self._offsets()
        out = []
        for band in self._bands:
            a_off = (band.a_top + off_a, band.a_bottom + off_a)
            b_off = (band.b_top + off_b, band.b_bottom + off_b)
            if max(*a_off, *b_off) < top or min(*a_off, *b_off) > bottom:
                continue  # entirely off screen on both sides
            out.append((band, self._path(band, off_a, off_b)))
        return out

    def _link_bands(self) -> list[tuple[UserLink, Band]]:
        """The hand links' extents in document coordinates (computed when painted: few)."""
        pane_a, pane_b = self._panes
        out = []
        for link in self._links:
            a_top, a_bottom = pane_a.y_span(link.a_start, link.a_end)
            b_top, b_bottom = pane_b.y_span(link.b_start, link.b_end)
            out.append((link, Band(-1, link.relation, a_top, a_bottom, b_top, b_bottom, link.line)))
        return out

    def _visible_links(self) -> list[tuple[UserLink, Band, QPainterPath]]:
        off_a, off_b, top, bottom = self._offsets()
        out = []
        for link, band in self._link_bands():
            ys = (
                band.a_top + off_a,
                band.a_bottom + off_a,
                band.b_top + off_b,
                band.b_bottom + off_b,
            )
            if max(ys) < top or min(ys) > bottom:
                continue
            out.append((link, band, self._path(band, off_a, off_b)))
        return out

    def link_at(self, point: QPointF) -> UserLink | None:
        """The hand link whose band is under gutter point `point`, or None."""
        for link, _band, path in self._visible_links():
            if path.contains(point):
                return link
        return None

    def badge_center(self, band: Band) -> QPointF:
        """Where a band's badge goes: the middle of the band, half way across."""
        off_a, off_b, _, _ = self._offsets()
        a_mid = (band.a_top + band.a_bottom) / 2 + off_a
        b_mid = (band.b_top + band.b_bottom) / 2 + off_b
        return QPointF(self.width() / 2, (a_mid + b_mid) / 2)

    def band_at(self, point: QPointF) -> Band | None:
        """The band under gutter point `point` (the current one wins), or None."""
        hits = [b for b, path in self._visible() if path.contains(point)]
        hits.sort(key=lambda b: b.pair != self._current)
        return hits[0] if hits else None

    # -- painting and input ------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint every visible band, the current one last and strongest."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        if self._palette is None:
            painter.end()
            return
        _, _, top, bottom = self._offsets()
        painter.setClipRect(QRectF(0, top, self.width(), max(0.0, bottom - top)))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Brush and pen are set once per relation and each band is one drawPath:
        # a single united path per relation looked tidier but its fill cost 25 ms.
        groups: dict[str, list[QPainterPath]] = {}
        current: tuple[Band, QPainterPath] | None = None
        for band, path in self._visible():
            if band.pair == self._current:
                current = (band, path)
            else:
                groups.setdefault(self.relation_of(band), []).append(path)
        for relation, paths in groups.items():
            if relation == "unrelated":  # rejected by the user: a ghost of the band
                fill = QColor(self.palette().color(QPalette.ColorRole.Mid))
                fill.setAlphaF(0.25)
                painter.setBrush(fill)
                painter.setPen(QPen(fill.darker(150), 1.0, Qt.PenStyle.DotLine))
                for path in paths:
                    painter.drawPath(path)
                continue
            fill = QColor(self._palette.fill(relation))
            fill.setAlphaF(0.85)
            pen = QPen(self._palette.line(relation), 1.0)
            if relation == "divergent":
                pen.setStyle(Qt.PenStyle.DashLine)  # the non-colour cue, as in the text
            elif relation == "related":
                pen.setStyle(Qt.PenStyle.DotLine)  # quieter: different facts, not a finding
                fill.setAlphaF(0.5)
            painter.setBrush(fill)
            painter.setPen(pen)
            for path in paths:
                painter.drawPath(path)
        if current is not None:
            band, path = current
            relation = self.relation_of(band)
            relation = band.relation if relation == "unrelated" else relation
            painter.setBrush(self._palette.fill(relation, True))
            painter.setPen(QPen(self._palette.line(relation), 2.0))
            painter.drawPath(path)
        self._paint_reviews(painter)
        painter.end()

    def _paint_reviews(self, painter: QPainter) -> None:
        """Hand links as dash-dot bands in the review colour, then every badge on top."""
        assert self._palette is not None
        dark = self._palette.dark
        badges: list[tuple[QPointF, str, QColor]] = []
        for link, band, path in self._visible_links():
            fill = QColor(self._palette.fill(link.relation))
            fill.setAlphaF(0.6)
            painter.setBrush(fill)
            painter.setPen(QPen(review_color(dark), 1.5, Qt.PenStyle.DashDotLine))
            painter.drawPath(path)
            badges.append((self.badge_center(band), "↔", review_color(dark)))
        for band, _path in self._visible():
            mark = self._marks.get(band.pair)
            if mark is not None:
                badges.append(
                    (self.badge_center(band), mark.mark, review_color(dark, mark.verdict))
                )
        if not badges:
            return
        font = QFont(self.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        radius = min(8.0, self.width() / 2 - 2)
        for center, text, color in badges:
            painter.setBrush(color)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
            painter.drawEllipse(center, radius, radius)
            painter.setPen(QColor("#ffffff") if not dark else QColor("#101010"))
            box = QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Select the clicked band's pair."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        band = self.band_at(event.position())
        if band is not None:
            self.pair_clicked.emit(band.pair)
            return
        link = self.link_at(event.position())
        if link is not None:
            self.link_clicked.emit(link.index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Pointing hand over bands: they can be clicked."""
        point = event.position()
        over = self.band_at(point) is not None or self.link_at(point) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    def event(self, event: QEvent) -> bool:
        """Explain the hovered band."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            band = self.band_at(point)
            link = None if band is not None else self.link_at(point)
            text = None
            if band is not None:
                mark = self._marks.get(band.pair)
                text = band.tooltip + (f"\n{mark.line}" if mark is not None else "")
            elif link is not None:
                text = link.line
            if text is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
