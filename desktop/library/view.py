"""`LibraryView`: filter box, sortable article table and preview, in a splitter.

Filter-as-you-type asks the model for the matching rows 150 ms after the last
keystroke (a debounce: re-listing on every key of a fast typist makes the
view flicker).  The model runs the FTS5 query and its count off the GUI
thread, keeping whatever sort the user chose; a newer keystroke's result
replaces an older one's, never the reverse.  The table holds no body: the
one previewed is read when it is selected.  The table itself (selection,
sort, column widths) is made by `desktop.library.table`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from desktop.library.model import ARTICLE_ROLE, LibraryModel, Runner, run_now
from desktop.library.preview import MARKS, PreviewPane
from desktop.library.table import fit_columns, make_table
from desktop.text import clip, plain_label
from library.article import Article
from library.changes import Changes
from library.collection import Collection
from library.errors import InvalidQuery, ParallaxError
from library.records import ArticleSummary

if TYPE_CHECKING:
    from desktop.library.empty_state import EmptySearchState

SEARCH_DELAY_MS = 150


class LibraryView(QWidget):
    """The library page of the main window.

    Args:
        collection: the data it lists (pages and counts through `Collection`);
            removals go through `Collection.remove`.
        parent: owning widget.
        run: runs the listing queries off the GUI thread (`TaskManager.run`);
            by default they run at once (tests, scripts).

    Signals:
        selection_changed(list): the selected articles (in row order); one
            selected article is read whole (`Article`), more stay
            `ArticleSummary` (no body read).
        article_activated(object): an article was double-clicked or Enter was
            pressed on it.
        status_message(str): a quiet message for the status bar.
        filter_applied(int): the filter was (re)applied; the number of articles it matches.
        changes_made(Changes): what a removal changed, for the other views.
    """

    selection_changed = Signal(list)
    article_activated = Signal(object)
    status_message = Signal(str)
    filter_applied = Signal(int)
    changes_made = Signal(object)

    def __init__(
        self, collection: Collection, parent: QWidget | None = None, *, run: Runner = run_now
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.collection = collection
        self._library = collection.library
        #: What the listed rows were filtered by (None: nothing), for the snippet.
        self._searched: str | None = None
        #: The filter's own message ("Nothing to search for…"), shown as the note.
        self._filter_problem = ""
        # The article the preview shows, and the search its snippet is for.
        self._previewed: tuple[int, str | None] | None = None
        # Asked to select while rows were on their way: selected when they land.
        self._wanted_ids: list[int] | None = None
        # The ids last announced by `selection_changed`.
        self._emitted_ids: list[int] | None = None

        self.model = LibraryModel(collection, run, parent=self)

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

        self.table = make_table(self.model)
        # "No articles match …" over the table: made on the first search that
        # matches nothing (`empty_state`), not before the first paint.
        self._empty_state: EmptySearchState | None = None

        self.preview = PreviewPane()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.setSpacing(4)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.filter_note)
        self._left_layout = left_layout  # `add_notice` puts a notice under the table

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
        self.model.failed.connect(self._on_failed)

    # -- data ----------------------------------------------------------------

    def refresh(
        self, select_ids: list[int] | None = None, then: Callable[[], None] | None = None
    ) -> None:
        """List the articles again (in the background), keeping (or setting) the selection.

        Args:
            select_ids: select these articles instead of the current selection.
            then: called once the rows are in.
        """
        keep = select_ids if select_ids is not None else self.selected_ids()

        def loaded() -> None:
            if select_ids and self._searched and not any(self._shown(i) for i in select_ids):
                # e.g. a just-imported article the search does not match: rather
                # than select nothing, clear the search and show it.
                self._search_timer.stop()
                self.filter_edit.blockSignals(True)
                self.filter_edit.clear()
                self.filter_edit.blockSignals(False)
                self._filter_problem = ""
                self._searched = None
                self.model.set_filter(None, find_ids=keep, then=loaded)
                return
            self.preview.set_library_empty(self.model.library_total == 0)
            self.select_ids(self._take_wanted(keep))
            # A model reset clears the selection without a signal: without this
            # the preview (and coverage, notes) kept showing a removed article.
            self._on_selection()
            self._update_note()
            self.fit_columns()
            if then is not None:
                then()

        self._use_filter_text()
        same = self.model.query.filter_query == self._searched
        shown = self.model.rowCount() if same else 0  # as far as the user scrolled
        self.model.set_filter(self._searched, keep=shown, find_ids=keep, then=loaded)

    def fit_columns(self) -> None:
        """Widen the short columns to their content (never narrower than the user left them)."""
        fit_columns(self.table)

    def clear_search(self) -> None:
        """Clear the search box and show every article again."""
        self.filter_edit.clear()
        self.apply_filter()

    def apply_filter(self) -> None:
        """List the articles matching the filter text now (the rows arrive in the background)."""
        self._search_timer.stop()
        self._use_filter_text()
        keep = self.selected_ids()
        self.model.set_filter(self._searched, find_ids=keep, then=self._filtered)

    def _use_filter_text(self) -> None:
        """Read the search box: what to filter by, or why nothing is."""
        text = self.filter_edit.text().strip()
        self._filter_problem = ""
        self._searched = None
        if text:
            from library.fts_query import parse_query  # not needed before the first search

            try:
                parse_query(text)  # cheap: only its validity is wanted here
            except InvalidQuery as exc:
                # Nothing searchable typed yet (e.g. only punctuation): not an error.
                self._filter_problem = str(exc)
            else:
                self._searched = text

    # -- selection -----------------------------------------------------------

    def selected_summaries(self) -> list[ArticleSummary]:
        """The selected rows' metadata, top to bottom (no body read)."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ARTICLE_ROLE) for i in rows]

    def selected_ids(self) -> list[int]:
        """The selected articles' ids, top to bottom."""
        return [int(s.id) for s in self.selected_summaries()]

    def selected_articles(self) -> list[Article]:
        """The selected articles, read whole (bodies included), top to bottom."""
        try:
            return [self._library.get(i) for i in self.selected_ids()]
        except ParallaxError as exc:  # removed meanwhile by another Parallax
            self.status_message.emit(str(exc))
            return []

    def select_ids(self, ids: list[int]) -> None:
        """Select the rows of these article ids (the first becomes current).

        Ids listed but not fetched yet are fetched first (in the background);
        while rows are on their way, the selection is made when they land.
        """
        if self.model.loading:
            self._wanted_ids = list(ids)
            self._select(ids)  # those already listed, for now
            return
        missing = [i for i in ids if self.model.row_of(i) is None]
        if missing and self.model.total > self.model.rowCount():
            self.model.reload(
                keep=self.model.rowCount(), find_ids=ids, then=lambda: self._select(ids)
            )
        self._select(ids)

    def _select(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first: QModelIndex | None = None
        for article_id in ids:
            row = self.model.row_of(article_id)
            if row is None:
                continue  # not listed (filtered out) or not fetched yet
            index = self.model.index(row, 0)
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
        """Whether `article_id` has a row (the search leaves it visible, and it is fetched)."""
        return self.model.row_of(article_id) is not None

    def pick_partner(self) -> tuple[Article, Article] | None:
        """ "Compare With…": the selected article and one the user picks, or None."""
        selected = self.selected_summaries()
        if len(selected) != 1:
            self.status_message.emit("Select one article, then choose Compare With….")
            return None
        first = selected[0]
        try:
            # Titles and metadata only: the one picked is read whole below.
            others = [a for a in self.collection.page() if a.id != first.id]
        except ParallaxError as exc:
            self.status_message.emit(str(exc))
            return None
        if not others:
            self.status_message.emit("Import another article to compare this one with.")
            return None
        from desktop.library.dialogs import ArticlePicker  # not on the start path

        other = ArticlePicker.ask(self, others, f"Compare “{first.title}” with:")
        if other is None or other.id is None:
            return None
        try:
            return self._library.get(first.id), self._library.get(other.id)
        except ParallaxError as exc:
            self.status_message.emit(str(exc))
            return None

    def on_changes(self, changes: Changes) -> None:
        """Reload when articles were added, replaced or removed (the window calls it).

        The first article an import wrote is selected (and shown, even if
        the search did not match it).
        """
        if changes.articles:
            self.refresh(select_ids=list(changes.article_ids[:1]) or None)

    def remove_selected(self) -> None:
        """Remove the selected articles (all versions) after asking; their notes are kept."""
        # Its dialogs: not at start-up.
        from desktop.library.removing import remove_articles, row_after_selection

        following = row_after_selection(self.table)
        done = remove_articles(self, self.collection, self.selected_summaries())
        if done is None:
            return
        changes, message = done
        # As a file manager does: the row that takes the removed one's place
        # (or the one above, after the last) is selected and previewed, so
        # Delete, Delete walks down the list.  None: the library is empty.
        self.refresh(select_ids=[following] if following is not None else None)
        self.status_message.emit(message)
        self.changes_made.emit(changes)

    def show_passage(self, article_id: int, start: int, end: int) -> None:
        """Show `article_id` in the preview with body[start:end] selected."""
        listed = not self.model.loading and self.model.row_of(article_id) is not None
        if self.filter_edit.text().strip() and not listed:
            self.filter_edit.clear()  # its row is (or may be) filtered out: show everything
            self.apply_filter()
        if self.preview.article is None or self.preview.article.id != article_id:
            try:  # e.g. an older version, which the table does not list
                self.preview.show_article(self._library.get(article_id))
            except ParallaxError as exc:
                self.status_message.emit(str(exc))
                return
            self._previewed = (article_id, None)
        # After the preview: selecting its row keeps what the preview shows.
        self.select_ids([article_id])
        self.preview.select_span(start, end)
        self.preview.text_edit.setFocus()

    def add_below_preview(self, panel: QWidget) -> None:
        """Show `panel` under the preview (about a third of the height)."""
        self.side.addWidget(panel)
        self.side.setStretchFactor(0, 2)
        self.side.setStretchFactor(self.side.count() - 1, 1)

    def add_notice(self, notice: QWidget) -> None:
        """Show `notice` under the table, beside the rows it is about."""
        self._left_layout.insertWidget(self._left_layout.indexOf(self.table) + 1, notice)

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
        def first_row() -> None:
            if self.model.rowCount() and not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

        if self._search_timer.isActive():
            self._search_timer.stop()
            self._use_filter_text()
            # Connected first: a runner that runs at once has loaded by the next line.
            self.model.loaded.connect(first_row, Qt.ConnectionType.SingleShotConnection)
            self.model.set_filter(self._searched, find_ids=self.selected_ids(), then=self._filtered)
        else:
            first_row()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _take_wanted(self, default: list[int]) -> list[int]:
        wanted, self._wanted_ids = self._wanted_ids, None
        return default if wanted is None else wanted

    def _filtered(self) -> None:
        if self._wanted_ids is not None:
            self._select(self._take_wanted([]))
        self._update_note()
        self._on_selection()
        self.filter_applied.emit(self.model.total)

    def _on_selection(self, *_: object) -> None:
        summaries = self.selected_summaries()
        articles: list[Article | ArticleSummary] = list(summaries)
        if len(summaries) == 1:
            article = self._show_in_preview(summaries[0])
            articles = [article] if article is not None else []
        elif not summaries:
            self._previewed = None
            self.preview.show_article(None)
        elif len(summaries) == 2:
            self._previewed = None
            self.preview.show_message(
                "Two articles selected:\n\n"
                + "\n".join(f"• {clip(a.title, 70)}" for a in summaries)
                + "\n\nPress Ctrl+D (Compare Selected) to compare them side by side."
            )
        else:
            self._previewed = None
            self.preview.show_message(
                f"{len(summaries)} articles selected.\n\nSelect exactly two to compare them."
            )
        ids = [int(s.id) for s in summaries]
        if ids != self._emitted_ids:  # a search that kept the selection changes nothing
            self._emitted_ids = ids
            self.selection_changed.emit(articles)

    def _show_in_preview(self, summary: ArticleSummary) -> Article | None:
        """Read the selected article (the one body the library view reads) and preview it."""
        shown = self.preview.article
        if shown is not None and self._previewed is not None and self._previewed[0] == summary.id:
            # Already there (a new search kept it selected): only the hit line
            # changes; the body, its scroll and text selection stay.
            if self._previewed[1] != self._searched:
                self.preview.set_snippet(self._snippet(shown))
                self._previewed = (summary.id, self._searched)
            return shown
        try:
            article = self._library.get(summary.id)
        except ParallaxError as exc:
            self.status_message.emit(str(exc))
            return None
        self.preview.show_article(article, self._snippet(article))
        self._previewed = (summary.id, self._searched)
        return article

    def _snippet(self, article: Article) -> str | None:
        if not self._searched:
            return None
        from library.search_snippet import snippet_for  # with the first search, not at start-up

        return snippet_for(article.body, self._searched, MARKS)

    def _on_activated(self, index: QModelIndex) -> None:
        summary = index.data(ARTICLE_ROLE)
        if summary is not None:
            self.article_activated.emit(summary)

    def _on_failed(self, exc: object) -> None:
        self.status_message.emit(str(exc))

    @property
    def empty_state(self) -> EmptySearchState:
        """The "No articles match …" overlay of the table, made on first use."""
        if self._empty_state is None:
            from desktop.library.empty_state import EmptySearchState

            self._empty_state = EmptySearchState(self.table)
            self._empty_state.clear_requested.connect(self.clear_search)
        return self._empty_state

    def _update_note(self) -> None:
        total = self.model.library_total
        filtering = self.model.query.filter_query is not None
        shown = self.model.total
        nothing = filtering and shown == 0 and total > 0
        if nothing or self._empty_state is not None:  # nothing to hide before the first
            self.empty_state.show_for(self.filter_edit.text().strip() if nothing else None)
        if self._filter_problem:
            self.filter_note.setText(self._filter_problem)
        elif filtering:
            noun = "article" if total == 1 else "articles"
            self.filter_note.setText(f"{shown:,} of {total:,} {noun} match")
        else:
            self.filter_note.setText(f"{total:,} article{'s' if total != 1 else ''}")
