"""`PreviewPane`: the selected article, readable and selectable.

The body goes into a read-only `QTextBrowser` as plain text; its positions
are converted to `Article.body` offsets (an `OffsetMap`, as in the comparison
panes), so a note on a selection made here anchors to the same span the
comparison shows, emoji or not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QStackedLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.comparison.offsets import OffsetMap
from desktop.label_copy import show_breakable
from desktop.library.columns import format_date
from desktop.library.reading import ExtraContextActions
from desktop.passages import mark_noted
from desktop.text import breakable, plain_label, plain_tooltip
from library.article import Article
from library.records import ArticleSummary

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent  # for annotations only: not on the start path

# Search marks: control characters, which never occur in article text, unlike "[".
MARKS = ("\x02", "\x03")
_MARKED = re.compile("\x02([^\x02\x03]*)\x03")


def meta_line(article: Article | ArticleSummary) -> str:
    """ "Outlet · 2024-03-05 · 812 words" (or "1,234 chars" in Chinese), leaving out what the
    source does not state."""
    parts = [article.outlet or "", format_date(article.published), article.length_label]
    if article.author:
        parts.insert(1, f"by {article.author}")
    if article.version > 1:
        parts.append(f"version {article.version}")
    return " · ".join(p for p in parts if p)


PLACEHOLDER_TEXT = (
    "Select an article to read it here.\n\n"
    "To compare two: Ctrl+click the second and press Ctrl+D,\n"
    "or choose Compare With… (Ctrl+Shift+D)."
)
EMPTY_TEXT = (
    "Your library is empty.\n\n"
    "Import articles with File ▸ Import Files… (Ctrl+O),\n"
    "or drop files and folders on this window."
)


class HeightCachingStack(QStackedLayout):
    """A `QStackedLayout` that remembers its height for each width until invalidated.

    Qt asks a layout's height for the width whenever its widget's size hint
    is asked (`QLayout::totalSizeHint`): for the preview about 130 times before
    the first paint, and `QStackedLayout` lays out the placeholder's wrapped
    text each time (about 3 ms of CPU, a tenth of the window's making).
    `QBoxLayout` keeps its own answer the same way: until `invalidate()`, which
    Qt calls whenever a child's size hint may have changed (its text, font or
    style; `PreviewPane` also calls it when it sets the article's text, which
    lives one widget further down).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height


class PreviewPane(QWidget):
    """Title, metadata line, snippet and body of one article.

    Args:
        parent: owning widget.

    Signals:
        selection_changed(): the body's text selection changed (for the
            "Add Note on Selection" action's enabled state).
    """

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.setAccessibleName("Article preview")
        self._article: Article | None = None
        self._offsets = OffsetMap("")

        # Title, source line and placeholder show user text: never as HTML.
        self.title = plain_label(QLabel())
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = plain_label(QLabel())
        self.meta.setObjectName("previewMeta")
        self.meta.setWordWrap(True)
        self.snippet = QLabel()
        self.snippet.setObjectName("previewSnippet")
        self.snippet.setWordWrap(True)
        self.snippet.setTextFormat(Qt.TextFormat.RichText)
        self.snippet.hide()

        self.text_edit = QTextBrowser()
        self.text_edit.setObjectName("previewBody")
        self.text_edit.setAccessibleName("Article text")
        self.text_edit.setOpenLinks(False)
        self.text_edit.setReadOnly(True)
        self.text_edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.context_menu = ExtraContextActions(self)
        self.context_menu.watch(self.text_edit)
        self.text_edit.selectionChanged.connect(self.selection_changed)
        self.text_edit.document().setDocumentMargin(14)

        content = QWidget()
        layout = self._content_layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.snippet)
        layout.addSpacing(4)
        layout.addWidget(self.text_edit, 1)

        self._placeholder_text = PLACEHOLDER_TEXT
        self.placeholder = plain_label(QLabel(PLACEHOLDER_TEXT))
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self._stack = HeightCachingStack(self)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(content)

    @property
    def article(self) -> Article | None:
        """The article shown, or None."""
        return self._article

    def set_library_empty(self, empty: bool) -> None:
        """Word the placeholder for an empty library (how to fill it) or not."""
        self._placeholder_text = EMPTY_TEXT if empty else PLACEHOLDER_TEXT
        self.placeholder.setText(self._placeholder_text)

    def show_message(self, text: str) -> None:
        """Show `text` instead of an article (e.g. "Two articles selected…")."""
        self.show_article(None)
        self.placeholder.setText(breakable(text))  # it may name titles

    def show_article(self, article: Article | None, snippet: str | None = None) -> None:
        """Show `article` (None clears); `snippet` is a search hit marked with `MARKS`."""
        self._article = article
        if article is None:
            self.placeholder.setText(self._placeholder_text)
            self._stack.setCurrentIndex(0)
            self._offsets = OffsetMap("")
            self.text_edit.clear()
            self.setMinimumHeight(0)
            return
        # A run with no space must not widen it; a copy of it is the title as written.
        show_breakable(self.title, article.title)
        self.meta.setText(meta_line(article))
        self.meta.setToolTip(
            plain_tooltip("\n".join(x for x in (article.url, article.source_path) if x))
        )
        self.set_snippet(snippet)
        # Plain text: the document's positions map to body offsets through
        # `_offsets` (they differ after an emoji: Qt counts UTF-16 units).
        self._offsets = OffsetMap(article.body)
        self.text_edit.setPlainText(article.body)
        self._stack.setCurrentIndex(1)
        self._stack.invalidate()  # the title's and snippet's heights may have changed
        self._keep_heading_whole()

    def set_snippet(self, snippet: str | None) -> None:
        """Show (or hide) the search-hit line alone, the article left as it is."""
        if snippet:
            self.snippet.setText(snippet_html(snippet))
            self.snippet.show()
        else:
            self.snippet.hide()
        self._stack.invalidate()  # the pane's height for a width may have changed
        self._keep_heading_whole()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_heading_whole()  # a new width wraps the title anew

    def _keep_heading_whole(self) -> None:
        """Ask for the height of the title, source line and hit line whole, plus the
        text's least: the splitter above gives no widget less than its minimum, and
        took from the title (cut mid-line) once the text was at its least."""
        if self._article is None:
            return
        layout = self._content_layout
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        shown = [w for w in (self.title, self.meta, self.snippet) if not w.isHidden()]
        heading = sum(w.heightForWidth(width) for w in shown)
        gaps = layout.spacing() * len(shown) + 4  # the 4: the spacing before the text
        least = self.text_edit.minimumSizeHint().height()
        wanted = margins.top() + margins.bottom() + heading + gaps + least
        # At most a third of the screen: a title of hundreds of words (front
        # matter allows any) asked for more than the screen, and the window grew
        # past it to give it; such a title is cut rather than the window.
        self.setMinimumHeight(min(wanted, self.screen().availableGeometry().height() // 3))

    def selected_span(self) -> tuple[int, int] | None:
        """(start, end) body offsets of the current selection, or None."""
        cursor = self.text_edit.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self._offsets.to_body(cursor.selectionStart()),
            self._offsets.to_body(cursor.selectionEnd()),
        )

    def select_span(self, start: int, end: int) -> None:
        """Select body[start:end] and scroll it into view (e.g. a note's passage)."""
        length = len(self.text_edit.toPlainText())  # in Qt positions (UTF-16)
        start, end = (max(0, min(self._offsets.to_qt(x), length)) for x in (start, end))
        from PySide6.QtGui import QTextCursor  # not before the first paint (see desktop.text)

        cursor = self.text_edit.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.ensureCursorVisible()

    def highlight_spans(self, spans: list[tuple[int, int]]) -> None:
        """Underline noted passages (body offsets) without changing the text."""
        mark_noted(self.text_edit, spans, self._offsets)


def snippet_html(snippet: str) -> str:
    """A search snippet with its `MARKS`-marked words in bold, HTML-escaped."""
    import html  # with the first search, not at start-up

    escaped = html.escape(snippet)
    return "<i>Match:</i> " + _MARKED.sub(r"<b>\1</b>", escaped)
