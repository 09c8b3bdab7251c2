"""The notes list: a model of note rows and a delegate that draws them as rich text.

One row shows the note's first line, when it was written, its tags, what it
is attached to (quote, article title) and, for search hits, a snippet with the
matching words highlighted.  Rows are plain `NoteRow` records so the same
model serves the article's notes, search hits and the trash.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.text import plain_tooltip
from library.notes import Note

# Private-use marks around matched words; replaced by HTML after escaping.
MARKS = ("\ue000", "\ue001")
NoteRole = Qt.ItemDataRole.UserRole + 1
DIM = "#808080"  # readable on light and dark bases
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class NoteRow:
    """One row: a note, its article's title if known, and a snippet for search hits."""

    note: Note
    article_title: str | None = None
    snippet: str | None = None


class NoteListModel(QAbstractListModel):
    """Rows of notes; `NoteRole` gives the `Note`, DisplayRole an HTML summary."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[NoteRow] = []

    def set_rows(self, rows: list[NoteRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, row: int, new: NoteRow) -> None:
        """Update one row in place (keeps selection and scroll, unlike a reset)."""
        self._rows[row] = new
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def rows(self) -> list[NoteRow]:
        return list(self._rows)

    def row_of(self, note_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.note.id == note_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row_html(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.note.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.note.text[:400]) or None
        if role == NoteRole:
            return row.note
        return None


def row_html(row: NoteRow) -> str:
    """The rich-text summary shown for one row."""
    note = row.note
    parts = [f"<b>{html.escape(note.title)}</b>"]
    meta = [local_time(note.created_at)]
    if note.tags:
        meta.append(" ".join(f"#{html.escape(t)}" for t in note.tags))
    kind = {"article": "article", "passage": "passage", "comparison": "comparison",
            "claim": "claim"}[note.kind]  # fmt: skip
    meta.append(kind)
    if note.detached:
        meta.append("<span style='color:#c0392b'>detached — passage not found</span>")
    if note.waiting:
        # Its article is not in the library (rebuilt, or removed): never shown on another.
        meta.append("<span style='color:#c0392b'>waiting for its article — import it again</span>")
    if note.in_trash:
        meta.append("in trash")
    parts.append(f"<span style='color:{DIM}'>{' · '.join(meta)}</span>")
    quote = note.anchor.quote if note.anchor else (note.claim.text if note.claim else "")
    if quote:
        short = quote if len(quote) <= 120 else quote[:117] + "…"
        parts.append(f"<i>“{html.escape(short)}”</i>")
    if row.snippet:
        parts.append(marked_html(row.snippet))
    if row.article_title:
        parts.append(f"<span style='color:{DIM}'>in {html.escape(row.article_title)}</span>")
    return "<br>".join(parts)


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as the reader's local "YYYY-MM-DD HH:MM"."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16].replace("T", " ")


def marked_html(snippet: str) -> str:
    """Escape a snippet and turn the match marks into a highlight."""
    text = html.escape(snippet.replace(MARKS[1] + " " + MARKS[0], " "))
    return text.replace(MARKS[0], "<b style='background-color:#ffe58a;color:black'>").replace(
        MARKS[1], "</b>"
    )


class RichTextDelegate(QStyledItemDelegate):
    """Draws each row's DisplayRole HTML with QTextDocument, word-wrapped to the view."""

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(4)
        doc.setDefaultFont(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if option.state & QStyle.StateFlag.State_Selected:
            text = text.replace(f"color:{DIM}", "")  # dim grey is unreadable on the highlight
        doc.setHtml(text)
        doc.setTextWidth(max(80, option.rect.width()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = opt.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        rect = opt.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
