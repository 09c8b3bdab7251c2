"""The legend: what the highlight colours and underline styles mean.

Swatches are painted with the same palette and the same non-colour cues as the
text (solid underline for shared facts, wavy underline and bold for divergent
claims, dotted underline for related pairs), so the legend stays true in dark
mode and for colour-blind readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.comparison.palette import QtPalette
from desktop.comparison.pane import LINK_TINT
from desktop.comparison.review_marks import review_color
from library.export.theme import LEGEND

_PAINTED = ("same", "divergent", "related")


class Swatch(QWidget):
    """A short sample of highlighted text.

    Args:
        relation: "same", "divergent", "related" or "only".
        text: the sample words.
        parent: owning widget.
    """

    def __init__(self, relation: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.relation = relation
        self.text = text
        self.palette_: QtPalette | None = None
        self.setAccessibleName(f"Legend sample: {text}")
        # Never squeezed ("hared fac"): when room runs out the hints go instead.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """Room for the sample text plus padding."""
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        return QSize(metrics.horizontalAdvance(self.text) + 18, metrics.height() + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Fill, sample text and the underline cue."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 2.5, -0.5, -2.5)
        pal = self.palette_
        if pal is not None and self.relation in _PAINTED:
            painter.setBrush(pal.fill(self.relation))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(rect, 3, 3)
        font = QFont(self.font())
        font.setBold(self.relation == "divergent")
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.relation in ("reviewed", "linked"):  # as the panes mark them (review_marks)
            dark = pal.dark if pal is not None else False
            color = review_color(dark)
            if self.relation == "reviewed":
                painter.fillRect(
                    QRectF(rect.right() - 4, rect.top() + 2, 3, rect.height() - 4), color
                )
            else:
                painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashDotLine))
                tint = QColor(color)
                tint.setAlphaF(LINK_TINT)
                painter.setBrush(tint)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        if self.relation == "noted":  # as the panes mark it: margin bar, dashed underline
            mark = self.palette().color(QPalette.ColorRole.Highlight)
            painter.fillRect(QRectF(rect.left(), rect.top() + 2, 3, rect.height() - 4), mark)
            painter.setPen(QPen(mark, 1.2, Qt.PenStyle.DashLine))
            y = rect.bottom() - 3
            painter.drawLine(QPointF(rect.left() + 8, y), QPointF(rect.right() - 4, y))
        if pal is not None and self.relation in _PAINTED:
            painter.setPen(QPen(pal.line(self.relation), 1.4))
            y = rect.bottom() - 3
            x0, x1 = rect.left() + 6, rect.right() - 6
            if self.relation == "same":
                painter.drawLine(QPointF(x0, y), QPointF(x1, y))
            elif self.relation == "related":
                pen = QPen(pal.line(self.relation), 1.4, Qt.PenStyle.DotLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(x0, y), QPointF(x1, y))
            else:
                wave = QPainterPath(QPointF(x0, y))
                x = x0
                while x < x1:
                    x += 1.0
                    wave.lineTo(QPointF(x, y + 1.6 * math.sin((x - x0) / 2.0)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(wave)
        painter.end()


class Legend(QWidget):
    """A row of swatches with their meaning; the texts match the exported reports.

    Args:
        parent: owning widget.
    """

    SAMPLES: ClassVar[dict[str, str]] = {
        "same": "Shared fact",
        "divergent": "Divergent claim",
        "related": "Related",
        "only": "Only one side",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(6)
        self.swatches: list[Swatch] = []
        self.hints: list[QLabel] = []
        # The row fits any width by dropping hints, then samples (see resizeEvent).
        self.setMinimumWidth(0)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for key, meaning in LEGEND:
            swatch = Swatch(key, self.SAMPLES[key], self)
            swatch.setToolTip(meaning)
            self.swatches.append(swatch)
            layout.addWidget(swatch)
            hint = QLabel(_short(key))
            hint.setStyleSheet("color: palette(placeholder-text);")
            hint.setToolTip(meaning)
            hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.hints.append(hint)
            layout.addWidget(hint)
            layout.addSpacing(10)
        # Not a finding of the comparison: the reader's own notes (not in the reports).
        noted = Swatch("noted", "Noted passage", self)
        noted.setToolTip("A passage you wrote a note on: bar in the margin, dashed underline")
        self.swatches.append(noted)
        layout.addWidget(noted)
        # Nor are the reader's reviews (the exports list them in their own section).
        for key, text, tip in (
            ("reviewed", "✓ Reviewed", "A pair you reviewed: ✓ confirmed, ✗ rejected, ✎ changed "
             "(badge in the middle strip, bar in the right margin)"),
            ("linked", "Linked by hand", "Sentences you linked (Ctrl+L): framed dash-dot, "
             "with a ↔ band in the middle strip"),
        ):  # fmt: skip
            swatch = Swatch(key, text, self)
            swatch.setToolTip(tip)
            self.swatches.append(swatch)
            layout.addSpacing(10)
            layout.addWidget(swatch)
        layout.addStretch(1)
        # The legend may be cut in a narrow window; it must not widen the window
        # (each swatch's tooltip still says everything).
        self.setMinimumWidth(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the row: first the hints ("solid underline") go, then the last samples.

        Samples are never squeezed ("hared fac"): one that does not fit whole is hidden.
        """
        super().resizeEvent(event)
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins().left() + layout.contentsMargins().right()
        step = 10 + 2 * layout.spacing()

        def width(widgets: Sequence[QWidget]) -> int:
            return margins + sum(w.sizeHint().width() + step for w in widgets)

        with_hints = width([*self.swatches, *self.hints]) <= self.width()
        for hint in self.hints:
            hint.setVisible(with_hints)
        shown = list(self.swatches)
        while len(shown) > 1 and width(shown) > self.width():
            shown.pop()
        for swatch in self.swatches:
            swatch.setVisible(swatch in shown)

    def set_palette(self, palette: QtPalette) -> None:
        """Repaint the swatches with `palette`."""
        for swatch in self.swatches:
            swatch.palette_ = palette
            swatch.update()


def _short(key: str) -> str:
    return {
        "same": "solid underline",
        "divergent": "wavy underline, differing words bold",
        "related": "dotted underline",
        "only": "no highlight",
    }[key]
