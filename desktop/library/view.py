"""`LibraryView`: filter box, sortable article table and preview, in a splitter.

Filter-as-you-type runs the library's full-text search 150 ms after the last
keystroke (a debounce: FTS5 is quick, but re-filtering the table on every
key of a fast typist makes the view flicker), then narrows the proxy to the
hit ids, keeping whatever sort the user chose.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.library.dialogs import ArticlePicker, ConfirmRemove
from desktop.library.empty_state import EmptySearchState
from desktop.library.model import ARTICLE_ROLE, Column, LibraryModel
from desktop.library.preview import MARKS, PreviewPane
from desktop.library.proxy import LibraryProxy
from desktop.text import clip, plain_label, warn
from library.article import Article
from library.changes import Changes
from library.collection import Collection
from library.errors import InvalidQuery, ParallaxError

SEARCH_DELAY_MS = 150
# A long outlet name is elided (its tooltip has it whole) rather than squeeze the titles.
OUTLET_MAX_WIDTH = 220


class LibraryView(QWidget):
    """The library page of the main window.

    Args:
        collection: the open collection; its library is read on the GUI
            thread only, and removals go through `Collection.remove`.
        parent: owning widget.

    Signals:
        selection_changed(list): the selected articles (in row order).
        article_activated(object): an article was double-clicked or Enter was
            pressed on it.
        status_message(str): a quiet message for the status bar.
        filter_applied(int): the filter was (re)applied; the number of rows shown.
        changes_made(Changes): what a removal changed, for the other views.
    """

    selection_changed = Signal(list)
    article_activated = Signal(object)
    status_message = Signal(str)
    filter_applied = Signal(int)
    changes_made = Signal(object)

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.collection = collection
        self._library = collection.library  # reads only
        self._snippets: dict[int, str] = {}

        self.model = LibraryModel(parent=self)
        self.proxy = LibraryProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText("Search titles and text  (Ctrl+F)")
        self.filter_edit.setAccessibleName("Search the library")
        self.filter_edit.setClearButtonEnabled(True)
        # Files dropped on the search box are imported (by the window), not typed in.
        self.filter_edit.setAcceptDrops(False)
        self.filter_note = plain_label(QLabel())  # may echo what was typed
        self.filter_note.setObjectName("filterNote")
        self.filter_note.setAccessibleName("Search status")

        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName("Articles")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (Column.OUTLET, Column.DATE, Column.WORDS, Column.IMPORTED):
            # As narrow as the header; `fit_columns` widens each to its content.
            header.resizeSection(column, header.sectionSizeHint(column))
        self.table.sortByColumn(Column.IMPORTED, Qt.SortOrder.DescendingOrder)
        self.empty_state = EmptySearchState(self.table)
        self.empty_state.clear_requested.connect(self.clear_search)

        self.preview = PreviewPane()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.setSpacing(4)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.filter_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("librarySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        # The preview, with room below it for a panel on the same article (coverage).
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.setObjectName("previewSplitter")
        self.side.setChildrenCollapsible(False)
        self.side.addWidget(self.preview)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._search_timer.start)
        # Escape in the filter clears it (keyPressEvent); Enter or Down moves into the table.
        self.filter_edit.returnPressed.connect(self._focus_table)
        self.filter_edit.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(self._on_activated)
        self.proxy.modelReset.connect(self._update_note)

    # -- data ----------------------------------------------------------------

    def refresh(self, select_ids: list[int] | None = None) -> None:
        """Reload the articles from the library, keeping (or setting) the selection."""
        keep = (
            select_ids
            if select_ids is not None
            else [int(a.id) for a in self.selected_articles() if a.id is not None]
        )
        self.model.set_articles(self._library.articles())
        self.preview.set_library_empty(self.model.rowCount() == 0)
        if self.filter_edit.text().strip():
            self.apply_filter()
            if select_ids and not any(self._shown(i) for i in select_ids):
                # e.g. a just-imported article the search does not match: rather
                # than select nothing, clear the search and show it.
                self.filter_edit.clear()
                self.apply_filter()
        else:
            self._update_note()
        self.select_ids(keep)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Widen the short columns to their content (never narrower than the user left them)."""
        header = self.table.horizontalHeader()
        for column in (Column.OUTLET, Column.DATE, Column.WORDS, Column.IMPORTED):
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            cap = OUTLET_MAX_WIDTH if column == Column.OUTLET else wanted
            header.resizeSection(column, max(header.sectionSize(column), min(wanted, cap)))

    def clear_search(self) -> None:
        """Clear the search box and show every article again."""
        self.filter_edit.clear()
        self.apply_filter()

    def apply_filter(self) -> None:
        """Run the search for the filter text now and narrow the table to its hits."""
        self._search_timer.stop()
        text = self.filter_edit.text().strip()
        self._snippets = {}
        if not text:
            self.proxy.set_allowed_ids(None)
            self.filter_note.setText("")
        else:
            try:
                limit = max(50, self.model.rowCount())
                hits = self._library.search(text, limit=limit, marks=MARKS)
            except InvalidQuery as exc:
                # Nothing searchable typed yet (e.g. only punctuation): not an error.
                self.proxy.set_allowed_ids(None)
                self.filter_note.setText(str(exc))
                self.filter_applied.emit(self.proxy.rowCount())
                return
            except ParallaxError as exc:
                self.status_message.emit(str(exc))
                return
            self._snippets = {int(h.article.id): h.snippet for h in hits if h.article.id}
            self.proxy.set_allowed_ids(set(self._snippets))
        self._update_note()
        self._on_selection()
        self.filter_applied.emit(self.proxy.rowCount())

    # -- selection -----------------------------------------------------------

    def selected_articles(self) -> list[Article]:
        """The selected rows' articles, top to bottom."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ARTICLE_ROLE) for i in rows]

    def select_ids(self, ids: list[int]) -> None:
        """Select the rows of these article ids (the first becomes current)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for article_id in ids:
            row = self.model.row_of(article_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                continue  # filtered out
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(index, flags)
            if first is None:
                first = index
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        if first is not None:
            self.table.scrollTo(first)

    def _shown(self, article_id: int) -> bool:
        """Whether `article_id` has a row that the search leaves visible."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        return self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

    def pick_partner(self) -> tuple[Article, Article] | None:
        """ "Compare With…": the selected article and one the user picks, or None."""
        selected = self.selected_articles()
        if len(selected) != 1:
            self.status_message.emit("Select one article, then choose Compare With….")
            return None
        first = selected[0]
        others = [a for a in self.model.articles() if a.id != first.id]
        if not others:
            self.status_message.emit("Import another article to compare this one with.")
            return None
        other = ArticlePicker.ask(self, others, f"Compare “{first.title}” with:")
        return None if other is None else (first, other)

    def on_changes(self, changes: Changes) -> None:
        """Reload when articles were added, replaced or removed (the window calls it).

        The first article an import wrote is selected (and shown, even if
        the search did not match it).
        """
        if changes.articles:
            self.refresh(select_ids=list(changes.article_ids[:1]) or None)

    def remove_selected(self) -> None:
        """Remove the selected articles (all versions) after asking; their notes are kept."""
        articles = self.selected_articles()
        if not articles or not ConfirmRemove.ask(self, articles):
            return
        changes, removed, kept = Changes(), 0, 0
        try:
            for article in articles:
                assert article.id is not None
                op = self.collection.remove(article.id)
                changes, removed = changes | op.changes, removed + 1
                kept += op.value.notes_kept or 0
        except ParallaxError as exc:
            warn(self, "Remove from Library", str(exc))
        self.on_changes(changes)
        noun = "article" if removed == 1 else "articles"
        message = f"Removed {removed} {noun} from the library."
        if kept:
            # As `parallax remove` says: notes are never dropped with their article.
            message += (
                f" {kept} note{'s' if kept != 1 else ''} kept: importing the file again"
                " puts them back on it."
            )
        self.status_message.emit(message)
        self.changes_made.emit(changes)

    def show_passage(self, article_id: int, start: int, end: int) -> None:
        """Show `article_id` in the preview with body[start:end] selected."""
        if self.model.row_of(article_id) is not None and self.proxy.filtering:
            self.filter_edit.clear()  # its row is filtered out: show everything
            self.apply_filter()
        self.select_ids([article_id])
        if self.preview.article is None or self.preview.article.id != article_id:
            try:  # e.g. an older version, which the table does not list
                self.preview.show_article(self._library.get(article_id))
            except ParallaxError as exc:
                self.status_message.emit(str(exc))
                return
        self.preview.select_span(start, end)
        self.preview.text_edit.setFocus()

    def add_below_preview(self, panel: QWidget) -> None:
        """Show `panel` under the preview (about a third of the height)."""
        self.side.addWidget(panel)
        self.side.setStretchFactor(0, 2)
        self.side.setStretchFactor(self.side.count() - 1, 1)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape clears an active search wherever the focus is in the library.
        if event.matches(QKeySequence.StandardKey.Cancel) and self.filter_edit.text():
            self.filter_edit.clear()
            self.apply_filter()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._focus_table()
            return True
        return super().eventFilter(watched, event)

    # -- slots ---------------------------------------------------------------

    def _focus_table(self) -> None:
        self.apply_filter()
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_selection(self, *_: object) -> None:
        articles = self.selected_articles()
        if len(articles) == 1 and articles[0].id is not None:
            self.preview.show_article(articles[0], self._snippets.get(int(articles[0].id)))
        elif not articles:
            self.preview.show_article(None)
        elif len(articles) == 2:
            self.preview.show_message(
                "Two articles selected:\n\n"
                + "\n".join(f"• {clip(a.title, 70)}" for a in articles)
                + "\n\nPress Ctrl+D (Compare Selected) to compare them side by side."
            )
        else:
            self.preview.show_message(
                f"{len(articles)} articles selected.\n\nSelect exactly two to compare them."
            )
        self.selection_changed.emit(articles)

    def _on_activated(self, index: QModelIndex) -> None:
        article = index.data(ARTICLE_ROLE)
        if article is not None:
            self.article_activated.emit(article)

    def _update_note(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        nothing = self.proxy.filtering and shown == 0 and total > 0
        self.empty_state.show_for(self.filter_edit.text().strip() if nothing else None)
        if self.proxy.filtering:
            noun = "article" if total == 1 else "articles"
            self.filter_note.setText(f"{shown} of {total} {noun} match")
        else:
            self.filter_note.setText(f"{total} article{'s' if total != 1 else ''}")
