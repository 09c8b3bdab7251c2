"""One reading pane: a header (side, title, outlet, date) over a read-only text view.

The document holds `Article.body` unchanged, so a cursor position in the view is
a body offset (through `OffsetMap` when the text has astral characters): the
comparison's unit offsets and the notes' selection anchors both rely on that.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.comparison.lines import BlockTable
from desktop.comparison.offsets import OffsetMap
from desktop.comparison.overview import OverviewStrip
from desktop.text import plain_label, plain_tooltip
from library.article import Article

# Given a body offset, the hover text for it (None: not part of any pair).
TooltipProvider = Callable[[int], str | None]
TITLE_LINES = 2
# The 14 px document margins carry, from the edge in: the noted bar (left) or
# the reviewed bar (right), the current pair's frame, a hand link's frame.
NOTED_BAR_WIDTH = 4  # px, in the document margin left of a noted passage
REVIEW_BAR_WIDTH = 3  # px, in the document margin right of a reviewed pair
LINK_TINT = 0.12  # opacity of the review colour over a passage linked by hand
# Laid out and painted once at idle (`ReadingPane.warm_up`): letters, digits, quotes.
WARM_UP_TEXT = "The river rose 2.5 metres on 4 March, the “ministry” said — 13% more…"


def wrap_lines(text: str, metrics: QFontMetrics, width: int, lines: int = TITLE_LINES) -> str:
    """`text` wrapped at word boundaries into at most `lines` lines of `width` px.

    The last line is elided with "…" when the text is longer; a word wider than
    a whole line is elided on its own line.
    """
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    if words:
        out.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return "\n".join(out)


class ReadingTextEdit(QTextEdit):
    """Read-only but selectable text view that reports plain clicks and hover offsets.

    Args:
        parent: owning widget.

    Signals:
        clicked(int): a click without dragging (or Enter), at this body offset.
        document_resized(): the laid-out document's size changed, or a new
            document (`set_body`) replaced it.
    """

    clicked = Signal(int)
    document_resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Read-only must stay selectable: the notes feature reads the selection.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(14)
        font = QFont(self.font())
        font.setPointSizeF(max(10.5, font.pointSizeF() * 1.1))
        self.setFont(font)
        self._follow_size(self.document())
        self.viewport().setMouseTracking(True)
        self.offsets = OffsetMap("")
        self.tooltip_provider: TooltipProvider | None = None
        # Body spans of the current pair and its colour: outlined over the text.
        self.current_spans: list[tuple[int, int]] = []
        self.current_color = QColor()
        # Body spans that carry a note (set by `desktop.passages.mark_noted`).
        self.noted_spans: list[tuple[int, int]] = []
        # Reviewed pairs (a bar in the right margin, in the verdict's colour) and
        # passages linked by hand (framed dash-dot): set by `Reviewing`.
        self.review_bars: list[tuple[int, int, QColor]] = []
        self.link_frames: list[tuple[int, int, QColor]] = []
        # Character formats were set on the document (`paint_document`); a new
        # document (`set_body`) has none, so there is nothing to clear.
        self.formatted = False
        self.painting: object | None = None  # the paint in progress (`paint_document`)
        self._own_document: QTextDocument | None = None  # the last one `set_body` made
        self._press: QPoint | None = None

    def _follow_size(self, doc: QTextDocument) -> None:
        doc.documentLayout().documentSizeChanged.connect(lambda _size: self.document_resized.emit())

    def set_body(self, text: str) -> None:
        """Show `text` (unchanged: a cursor position stays a body offset) with roomy lines.

        The text goes into a new document, not yet shown, then replaces the
        one shown: it is laid out once.  Set in place, it was laid out three
        times (the text, `setPlainText`'s reset of its formats, the line
        height): 17 ms rather than 6 for 10,000 words, on the GUI thread.
        """
        old = self.document()
        doc = QTextDocument(self)  # ours to delete: the text control deletes only its own
        doc.setUndoRedoEnabled(False)  # display, not an edit to undo
        doc.setDefaultFont(old.defaultFont())
        doc.setDefaultTextOption(old.defaultTextOption())
        doc.setDocumentMargin(old.documentMargin())
        cursor = QTextCursor(doc)
        # Roomier lines read better; block formats change layout, never positions.
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        cursor.insertText(text)
        self.formatted = False
        self.setExtraSelections([])  # their cursors point into the old document
        self.setDocument(doc)
        # Not `old.parent() is self`: wrapping the first document's parent (Qt's
        # private text control) made PySide build ~90 enum types, 40-100 ms.
        if old is self._own_document:
            old.deleteLater()
        self._own_document = doc
        self._follow_size(doc)
        self.document_resized.emit()

    def body_offset_at(self, point: QPoint | QPointF) -> int | None:
        """Body offset of the character under viewport point `point`, or None off text."""
        doc_point = QPointF(point) + QPointF(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        hit = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        return None if hit < 0 else self.offsets.to_body(hit)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the text, then outline the current pair (as Meld frames its current chunk),
        mark noted passages with a bar in the left margin, reviewed pairs with a bar
        in the right margin, and frame the passages linked by hand."""
        super().paintEvent(event)
        pane = self.parent()
        marks = self.current_spans or self.noted_spans or self.review_bars or self.link_frames
        if not isinstance(pane, ReadingPane) or not marks:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scroll = self.verticalScrollBar().value()
        width = self.viewport().width()
        bar = self.palette().color(QPalette.ColorRole.Highlight)
        for start, end in self.noted_spans:
            top, bottom = pane.y_span(start, end)
            painter.fillRect(QRectF(1, top - scroll, NOTED_BAR_WIDTH, bottom - top), bar)
        for start, end, color in self.review_bars:
            top, bottom = pane.y_span(start, end)
            x = width - 1 - REVIEW_BAR_WIDTH
            painter.fillRect(QRectF(x, top - scroll, REVIEW_BAR_WIDTH, bottom - top), color)
        for start, end, color in self.link_frames:
            top, bottom = pane.y_span(start, end)
            painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashDotLine))
            tint = QColor(color)
            tint.setAlphaF(LINK_TINT)  # a wash over the text: highlighted, still readable
            painter.setBrush(tint)
            frame = QRectF(9.5, top - scroll - 1, width - 19, bottom - top + 2)
            painter.drawRoundedRect(frame, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self.current_color, 2))
        for start, end in self.current_spans:
            top, bottom = pane.y_span(start, end)
            painter.drawRoundedRect(QRectF(6, top - scroll - 2, width - 12, bottom - top + 4), 4, 4)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a press started, to tell a click from a drag-select."""
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Emit `clicked` for a left click that selected nothing."""
        super().mouseReleaseEvent(event)
        start, self._press = self._press, None
        if (
            start is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (event.position().toPoint() - start).manhattanLength() < 4
            and not self.textCursor().hasSelection()
        ):
            offset = self.body_offset_at(event.position())
            if offset is not None:
                self.clicked.emit(offset)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter at the text cursor does what a click does (keyboard users can't click)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.clicked.emit(self.offsets.to_body(self.textCursor().position()))
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Show a pointing hand over linked units: they can be clicked."""
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton or self.tooltip_provider is None:
            return
        offset = self.body_offset_at(event.position())
        linked = offset is not None and self.tooltip_provider(offset) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if linked else Qt.CursorShape.IBeamCursor
        )

    def viewportEvent(self, event: QEvent) -> bool:
        """Answer tooltip requests with the hovered unit's match explanation."""
        if event.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None:
            pos = event.pos()  # type: ignore[attr-defined]  # QHelpEvent
            offset = self.body_offset_at(pos)
            text = None if offset is None else self.tooltip_provider(offset)
            if text:
                tip = plain_tooltip(text)
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class ReadingPane(QFrame):
    """Header plus text view plus overview strip for one side of the comparison.

    Args:
        side: "a" or "b".
        parent: owning widget.
    """

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # While `same_layout` holds: offset -> line extent, and the blocks read once.
        self._line_ys: dict[int, tuple[float, float]] | None = None
        self._blocks: BlockTable | None = None
        self.side = side
        self.article: Article | None = None
        self._meta = ""  # the full source line; the label shows it elided
        # The other side's pane: both headers take as many title lines as the
        # longer title needs, so the two texts start level and the bands read straight.
        self.partner: ReadingPane | None = None
        self.title_lines = 1
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Article {side.upper()}")

        self.badge = QLabel(side.upper())
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(26, 26)
        self.badge.setStyleSheet(
            "QLabel { border-radius: 13px; font-weight: 700;"
            " background: palette(highlight); color: palette(highlighted-text); }"
        )
        # Up to two lines, elided (the full title is in the tooltip).
        self.title_label = plain_label(QLabel())
        self.title_label.setMinimumWidth(50)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.meta_label = plain_label(QLabel())
        self.meta_label.setMinimumWidth(50)  # elided too: a long byline must not widen the pane
        self.meta_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.meta_label.setStyleSheet("color: palette(placeholder-text);")
        self.meta_label.setAccessibleName(f"Article {side.upper()} source and date")

        header = QHBoxLayout()
        header.setContentsMargins(10, 8, 10, 6)
        header.setSpacing(10)
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title_label)
        words.addWidget(self.meta_label)
        header.addLayout(words, 1)

        self.text_edit = ReadingTextEdit(self)
        self.text_edit.setAccessibleName(f"Article {side.upper()} text")
        self.overview = OverviewStrip(self)
        self.overview.jump_requested.connect(self._jump_to_fraction)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.text_edit, 1)
        body.addWidget(self.overview)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(rule)
        layout.addLayout(body, 1)

    def set_article(self, article: Article | None) -> None:
        """Show `article` (None clears the pane); the body goes in unchanged.

        Args:
            article: the article to show.
        """
        self.article = article
        if article is None:
            self.title_label.setText("")
            self.title_label.setToolTip("")
            self.meta_label.setText("")
            self.meta_label.setToolTip("")
            self._meta = ""
            self.text_edit.offsets = OffsetMap("")
            self.text_edit.clear()
            return
        self.title_label.setToolTip(plain_tooltip(article.title))
        meta = [m for m in (article.outlet, article.published, article.author) if m]
        self._meta = "  ·  ".join(meta) if meta else "No outlet or date stated"
        self.meta_label.setToolTip(plain_tooltip(self._meta))
        self._elide_title()
        self.text_edit.offsets = OffsetMap(article.body)
        self.text_edit.set_body(article.body)
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)

    def warm_up(self) -> None:
        """Lay out and paint a sample text off screen, then clear: for the window's idle time.

        The first text a process lays out in the pane's fonts loads them: the
        first comparison's texts took 16 ms more to set on a quiet machine,
        40-60 ms on a loaded one, in the block that switches to the page.
        """
        if self.article is not None:
            return  # showing a comparison: its texts loaded the fonts
        sample = Article(title=WARM_UP_TEXT, body=WARM_UP_TEXT, outlet="Outlet")
        self.set_article(sample)
        self.render(QPixmap(self.size()))
        self.set_article(None)
        self.title_lines = 1  # as before: the sample's title may have wrapped
        for pane in (self, self.partner):
            if pane is not None:
                pane._level_titles()

    def _elide_title(self) -> None:
        title = (self.article.title if self.article else "") or "(untitled)"
        metrics = self.title_label.fontMetrics()
        width = max(40, self.title_label.width())
        text = wrap_lines(title, metrics, width)
        self.title_label.setText(text)
        self.title_lines = text.count("\n") + 1
        self._level_titles()
        if self.partner is not None:
            self.partner._level_titles()
        metrics = self.meta_label.fontMetrics()
        width = max(40, self.meta_label.width())
        self.meta_label.setText(metrics.elidedText(self._meta, Qt.TextElideMode.ElideRight, width))

    def _level_titles(self) -> None:
        lines = max(self.title_lines, self.partner.title_lines if self.partner else 1)
        self.title_label.setFixedHeight(lines * self.title_label.fontMetrics().lineSpacing())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-elide the title and the source line to the new width."""
        super().resizeEvent(event)
        if self.article is not None:
            self._elide_title()

    # -- geometry in document coordinates -----------------------------------

    def document_height(self) -> float:
        """Height of the laid-out document in pixels."""
        return float(self.text_edit.document().size().height())

    def y_span(self, start: int, end: int) -> tuple[float, float]:
        """Document y of the top of body offset `start` and bottom of offset `end - 1`."""
        return self._line_y(start)[0], self._line_y(max(start, end - 1))[1]

    @contextlib.contextmanager
    def same_layout(self, measured: dict[int, tuple[float, float]] | None = None) -> Iterator[None]:
        """Within this block `y_span` remembers what it measured (the layout must not change).

        The gutter bands and the overview marks ask for the same units' lines:
        with long texts that was thousands of Qt calls, twice.  The blocks are
        read once too (`BlockTable`).  `measured`: lines measured earlier on
        this same layout (`measure`, a slice per turn), used as they are.
        """
        self._line_ys = dict(measured) if measured else {}
        self._blocks = BlockTable(self.text_edit.document())
        try:
            yield
        finally:
            self._line_ys = None
            self._blocks = None

    def measure(self, offsets: list[int], into: dict[int, tuple[float, float]]) -> None:
        """Put the line extents of body `offsets` in `into`, as `same_layout` would."""
        blocks, to_qt = BlockTable(self.text_edit.document()), self.text_edit.offsets.to_qt
        for offset in offsets:
            into[offset] = blocks.line_y(min(to_qt(offset), blocks.last))

    def _line_y(self, offset: int) -> tuple[float, float]:
        memo, blocks = self._line_ys, self._blocks
        if memo is None or blocks is None:
            return self._measure_line_y(offset)
        found = memo.get(offset)
        if found is None:
            position = min(self.text_edit.offsets.to_qt(offset), blocks.last)
            found = memo[offset] = blocks.line_y(position)
        return found

    def _measure_line_y(self, offset: int) -> tuple[float, float]:
        doc = self.text_edit.document()
        pos = min(self.text_edit.offsets.to_qt(offset), max(0, doc.characterCount() - 1))
        block = doc.findBlock(pos)
        rect = doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(pos - block.position()) if layout else None
        if line is None or not line.isValid():
            return rect.top(), rect.bottom()
        # Line y is relative to its block; the block rect places the block.
        top = rect.top() + line.y()
        return top, top + line.height()

    def scroll_value(self) -> int:
        """Current vertical scroll position (document y at the viewport top)."""
        return self.text_edit.verticalScrollBar().value()

    def viewport_height(self) -> int:
        """Visible height of the text area."""
        return self.text_edit.viewport().height()

    def visible_fraction(self, *, laid_out: bool = True) -> tuple[float, float]:
        """The shown part of the document as `(top, bottom)` fractions of its height.

        Args:
            laid_out: False: of the height laid out so far (the scroll range),
                rather than lay out the rest of a long text now to know it.
        """
        bar = self.text_edit.verticalScrollBar()
        so_far = bar.maximum() + bar.pageStep()
        height = max(1.0, self.document_height() if laid_out else so_far)
        top = self.scroll_value() / height
        return top, min(1.0, top + self.viewport_height() / height)

    def scroll_to_y(self, doc_y: float, at: float) -> None:
        """Scroll so document y `doc_y` shows at viewport y `at` (clamped to the range)."""
        bar = self.text_edit.verticalScrollBar()
        bar.setValue(round(doc_y - at))

    def _jump_to_fraction(self, fraction: float) -> None:
        self.scroll_to_y(fraction * self.document_height(), self.viewport_height() / 2)

    # -- selection for other features (notes) --------------------------------

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as `(start, end)` body offsets, or None without a selection."""
        cursor = self.text_edit.textCursor()
        if not cursor.hasSelection():
            return None
        offsets = self.text_edit.offsets
        return offsets.to_body(cursor.selectionStart()), offsets.to_body(cursor.selectionEnd())
