"""`NotesPanel`: the reader's notes beside the article or the comparison.

The panel lists the notes for what is open (newest first), or, while the
search box has text, every matching note with the matching words highlighted,
or the trash.  Below the list an editor saves as you type.  The main window
docks the panel and wires it to the views:

    panel = NotesPanel(collection)
    panel.passage_requested.connect(window.show_passage)     # click on a note
    panel.changes_made.connect(window.apply_changes)         # tell the other views
    # window.apply_changes(changes) calls panel.on_changes(changes) for the others'
    add_note_action.triggered.connect(                       # Ctrl+Shift+N
        lambda: panel.add_passage_note(article, start, end))
    notes_menu.addActions(panel.actions())
    # on close: panel.flush()
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.notes.banner import RecoveryBanner
from desktop.notes.editor import NoteEditor
from desktop.notes.list_model import MARKS, NoteListModel, NoteRole, NoteRow, RichTextDelegate
from desktop.notes.search import NotesSearchBar
from desktop.notes.titles import TitleCache
from desktop.notes.transfer import NotesTransfer
from desktop.notes.undo import UndoDelete
from desktop.text import breakable, plain_label
from library.article import Article
from library.changes import Changes, Op
from library.collection import Collection
from library.errors import InvalidQuery, ParallaxError
from library.notes import ArticleRef, Claim, Note

SEARCH_LIMIT = 200


class NotesPanel(QWidget):
    """Notes for the open article or comparison, search over all notes, trash.

    Args:
        collection: the open collection; notes are written through its
            operations, read from its notes store.
        parent: the owning widget.

    Signals:
        passage_requested(int, int, int): (article_id, start, end) the user
            clicked a note; start == end for notes on a whole article.
        comparison_requested(int, int): a comparison note was clicked.
        notes_changed(): notes were added, edited, deleted or restored.
        changes_made(Changes): what one of the panel's operations changed,
            for the window to hand to the other views.
    """

    passage_requested = Signal(int, int, int)
    comparison_requested = Signal(int, int)
    notes_changed = Signal()
    changes_made = Signal(object)

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.store = collection.notes  # raises if notes.db cannot be opened
        self.titles = TitleCache(collection)
        self._article: Article | None = None
        self._pair: tuple[Article, Article] | None = None

        self.banner = RecoveryBanner(collection)
        self.search_bar = NotesSearchBar()
        self.context = plain_label(QLabel())
        self.context.setWordWrap(True)
        self.list_view = QListView()
        self.list_view.setAccessibleName("Notes")
        self.model = NoteListModel()
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(RichTextDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setWordWrap(True)
        self.list_view.setUniformItemSizes(False)
        self.editor = NoteEditor(collection)
        self.new_button = QPushButton("New Note")
        self.new_button.setToolTip("A note on the whole article or comparison")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Move the note to the trash (Del)")
        self.restore_button = QPushButton("Restore")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.RichText)  # `report` escapes the message
        self.status.setWordWrap(True)
        self.status.setObjectName("notesStatus")

        buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.editor)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list_view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.banner, self.search_bar, self.context):
            layout.addWidget(widget)
        layout.addWidget(splitter, 1)
        self.undo = UndoDelete(self, self._undo_delete)  # "Deleted — Undo", Ctrl+Z
        layout.addWidget(self.undo)
        layout.addWidget(self.status)

        self.transfer = NotesTransfer(
            collection, self, self.title_of, self.report, self._current_article_id, self._did
        )
        self.delete_action = QAction("Delete Note", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.list_view.addAction(self.delete_action)

        self.search_bar.changed.connect(self.refresh)
        self.search_bar.tag_combo.about_to_show.connect(self._refresh_tags)
        self.list_view.clicked.connect(self._on_clicked)
        self.list_view.activated.connect(self._on_clicked)  # Enter on the keyboard
        self.list_view.selectionModel().currentChanged.connect(self._on_current)
        self.editor.saved.connect(self._on_saved)
        self.editor.changes_made.connect(self._on_edited)
        self.editor.save_failed.connect(lambda message: self.report(message, True))
        self.new_button.clicked.connect(self.add_note_on_open)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.banner.finished.connect(self.report)
        self.banner.changes_made.connect(self._did)
        self._refresh_tags()
        self.refresh()

    # -- what is open --------------------------------------------------------

    def show_article(self, article: Article | None) -> None:
        """List the notes of `article` (None: nothing is open)."""
        self._leave_view()
        self._article, self._pair = article, None
        self._remember(article)
        self.refresh()

    def show_comparison(self, article_a: Article, article_b: Article) -> None:
        """List the comparison's notes plus each side's notes."""
        self._leave_view()
        self._article, self._pair = None, (article_a, article_b)
        self._remember(article_a, article_b)
        self.refresh()

    def add_passage_note(self, article: Article, start: int, end: int) -> Note | None:
        """Create a note on `article.body[start:end]` and put the cursor in its editor.

        An empty selection (start == end) makes a note on the whole article.
        """
        if article.id is None:
            return None
        self._remember(article)
        try:
            if start == end:
                op = self.collection.add_article_note(article.id)
            else:
                lo, hi = sorted((start, end))
                op = self.collection.add_passage_note(article, lo, hi)
        except (ParallaxError, ValueError) as exc:
            self.report(f"Could not add the note: {exc}", True)
            return None
        return self._after_new(op)

    def add_comparison_note(
        self, article_a: Article, article_b: Article, claim: Claim | None = None
    ) -> Note | None:
        """Create a note on a comparison (or, with `claim`, on one divergent claim) and edit it."""
        if article_a.id is None or article_b.id is None:
            return None
        self._remember(article_a, article_b)
        try:
            op = self.collection.add_comparison_note(article_a.id, article_b.id, claim=claim)
        except ParallaxError as exc:
            self.report(f"Could not add the note: {exc}", True)
            return None
        return self._after_new(op)

    def add_note_on_open(self) -> Note | None:
        """A note on the open comparison or article as a whole."""
        try:
            if self._pair is not None:
                a, b = self._pair
                assert a.id is not None and b.id is not None
                op = self.collection.add_comparison_note(a.id, b.id)
            elif self._article is not None and self._article.id is not None:
                op = self.collection.add_article_note(self._article.id)
            else:
                self.report("Open an article to add a note to it.", True)
                return None
        except ParallaxError as exc:
            self.report(f"Could not add the note: {exc}", True)
            return None
        return self._after_new(op)

    def noted_spans(self, article_id: int) -> list[tuple[int, int]]:
        """Passages of this article that carry a (live, attached) note, by offsets."""
        try:
            notes = self.store.for_article(article_id)
        except ParallaxError:
            return []
        return sorted(
            (n.anchor.start, n.anchor.end) for n in notes if n.anchor is not None and not n.detached
        )

    def actions(self) -> list[QAction]:
        """Notes-menu actions: export (Markdown, JSON, this article) and import."""
        return self.transfer.actions()

    def flush(self) -> bool:
        """Save what is being typed now; True when nothing is left unsaved."""
        return self.editor.flush()

    # -- list ----------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the list for the current search, tag, trash toggle and open item."""
        self.flush()
        keep = self.editor.note()
        try:
            rows, context = self._rows()
        except InvalidQuery:
            rows, context = [], "Type a word to search for."
        except ParallaxError as exc:
            rows, context = [], str(exc)
        self.model.set_rows(rows)
        self.context.setText(breakable(context))  # it may name a title
        row = self.model.row_of(keep.id) if keep is not None else None
        if row is not None:
            fresh = self.model.rows()[row].note
            if fresh != keep and not self.editor.is_dirty():
                self.editor.set_note(fresh)  # changed elsewhere (another window, import)
            self.list_view.setCurrentIndex(self.model.index(row))
        else:
            self.editor.set_note(None)
        self._update_buttons()

    def _rows(self) -> tuple[list[NoteRow], str]:
        tag, bar = self.search_bar.tag(), self.search_bar
        if bar.trash():
            notes = [n for n in self.store.trash() if not tag or tag in n.tags]
            label = f"Showing the trash: {_count(notes, 'in the trash')}"
            return [NoteRow(n, self._title_for(n)) for n in notes], label
        if bar.edit.text().strip():
            hits = self.store.search(bar.query(), tag=tag, limit=SEARCH_LIMIT, marks=MARKS)
            rows = [NoteRow(h.note, self._title_for(h.note), h.snippet) for h in hits]
            more = " (best shown)" if len(hits) == SEARCH_LIMIT else ""
            n = len(hits)
            label = (
                f"{n} note{'s match' if n != 1 else ' matches'}{more}" if n else "No note matches."
            )
            return rows, label
        notes = self._open_notes()
        if tag:
            notes = [n for n in notes if tag in n.tags]
        if self._pair is not None:
            label = _count(notes, "on this comparison and its two articles")
        elif self._article is not None:
            # The article is open: saying "in <title>" on every row is noise.
            return [NoteRow(n) for n in notes], _count(notes, "on this article")
        else:
            notes = self.store.notes(tag=tag, limit=SEARCH_LIMIT)
            label = "Latest notes. Open an article to see its notes."
        return [NoteRow(n, self._title_for(n)) for n in notes], label

    def _open_notes(self) -> list[Note]:
        if self._pair is not None:
            a, b = self._pair
            assert a.id is not None and b.id is not None
            notes = self.store.for_comparison(a.id, b.id)
            notes += self.store.for_article(a.id) + self.store.for_article(b.id)
            return sorted(notes, key=lambda n: (n.created_at, n.id), reverse=True)
        if self._article is not None and self._article.id is not None:
            return self.store.for_article(self._article.id)
        return []

    # -- actions -------------------------------------------------------------

    def selected_note(self) -> Note | None:
        index = self.list_view.currentIndex()
        note = index.data(NoteRole) if index.isValid() else None
        return note if isinstance(note, Note) else None

    def delete_selected(self) -> None:
        """Move the selected note to the trash."""
        note = self.selected_note()
        if note is None or note.in_trash:
            return
        self.flush()
        self.editor.set_note(None)
        moved = f"Moved to the trash: {note.title}"
        if self._apply(lambda: self.collection.delete_note(note.id), moved):
            self.undo.offer(note)
            self.status.clear()  # the banner says it, with the way back

    def restore_selected(self) -> None:
        """Take the selected note out of the trash."""
        note = self.selected_note()
        if note is None or not note.in_trash:
            return
        if self._apply(lambda: self.collection.restore_note(note.id), f"Restored: {note.title}"):
            self.undo.forget(note.id)

    def report(self, message: str, error: bool = False) -> None:
        """Show a one-line result or error under the panel."""
        color = "#c0392b" if error else "gray"
        self.status.setText(f"<span style='color:{color}'>{html.escape(message)}</span>")

    def title_of(self, article_id: int) -> str | None:
        """An article's title, from what the panel was shown or the library."""
        return self.titles.get(article_id)

    # -- helpers -------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        """Refresh what an operation made out of date (the window calls it for every one).

        Counting tags reads every note: the tag list is re-read only when
        `changes` says the tags may differ.
        """
        if changes.tags:
            self._refresh_tags()
        if changes.notes:
            self.refresh()

    def _did(self, changes: Changes) -> None:
        """One of the panel's own operations ended: refresh, then tell the window."""
        self.on_changes(changes)
        self.notes_changed.emit()
        self.changes_made.emit(changes)

    def _apply(self, change: Callable[[], Op[object]], message: str) -> bool:
        try:
            op = change()
        except ParallaxError as exc:
            self.report(str(exc), True)
            return False
        self.report(message)
        self._did(op.changes)
        return True

    def _undo_delete(self, note: Note) -> None:
        if self._apply(lambda: self.collection.restore_note(note.id), f"Restored: {note.title}"):
            row = self.model.row_of(note.id)
            if row is not None:
                self.list_view.setCurrentIndex(self.model.index(row))

    def _leave_view(self) -> None:
        """Another article or comparison opens: what was said about the last one goes."""
        self.status.clear()  # "Restored: …"
        self.undo.dismiss()
        if self.search_bar.trash():  # the trash is a detour, not a place to stay
            self.search_bar.trash_button.blockSignals(True)
            self.search_bar.trash_button.setChecked(False)
            self.search_bar.trash_button.blockSignals(False)

    def _refresh_tags(self) -> None:
        # Another window or the CLI may have added tags since we last counted.
        try:
            self.search_bar.set_tags(self.store.tags())
        except ParallaxError as exc:
            self.report(str(exc), True)

    def _after_new(self, op: Op[Note]) -> Note:
        note = op.value
        if op.changes.tags:
            self._refresh_tags()
        self.search_bar.edit.clear()
        self.search_bar.trash_button.setChecked(False)
        self.editor.set_note(note)
        self.refresh()
        row = self.model.row_of(note.id)
        if row is not None:
            self.list_view.setCurrentIndex(self.model.index(row))
        self.editor.text_edit.setFocus()
        self.notes_changed.emit()
        self.changes_made.emit(op.changes)
        return note

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        note = current.data(NoteRole) if current.isValid() else None
        if isinstance(note, Note):
            shown = self.editor.note()
            if shown is None or shown.id != note.id:
                try:
                    self.editor.set_note(self.store.get(note.id))
                except ParallaxError as exc:  # e.g. purged from another window
                    self.report(str(exc), True)
                    self.editor.set_note(None)
        self._update_buttons()

    def _on_clicked(self, index: QModelIndex) -> None:
        note = index.data(NoteRole)
        if not isinstance(note, Note):
            return
        if note.article_id is None:
            self.report("This note waits for its article: import the article's file again.")
            return
        if note.kind in ("comparison", "claim") and note.article_b_id is not None:
            self.comparison_requested.emit(note.article_id, note.article_b_id)
            return
        if note.anchor is not None and not note.detached:
            self.passage_requested.emit(note.article_id, note.anchor.start, note.anchor.end)
        else:
            self.passage_requested.emit(note.article_id, 0, 0)

    def _on_saved(self, note: Note) -> None:
        # Only this row changed: replaced in place, no list rebuilt under the cursor.
        row = self.model.row_of(note.id)
        if row is not None:
            old = self.model.rows()[row]
            self.model.replace_row(row, NoteRow(note, old.article_title, old.snippet))
            self.list_view.doItemsLayout()  # the row's height may have changed
        self.notes_changed.emit()

    def _on_edited(self, changes: Changes) -> None:
        if changes.tags:
            self._refresh_tags()
        self.changes_made.emit(changes)

    def _update_buttons(self) -> None:
        note = self.selected_note()
        self.delete_button.setEnabled(note is not None and not note.in_trash)
        self.restore_button.setVisible(self.search_bar.trash())
        self.restore_button.setEnabled(note is not None and note.in_trash)
        self.new_button.setEnabled(self._article is not None or self._pair is not None)
        # "This Article" means the one article open (not a comparison's two).
        self.transfer.export_article.setEnabled(self._current_article_id() is not None)

    def _current_article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    def _remember(self, *articles: Article | None) -> None:
        self.titles.remember(*articles)

    def _title_for(self, note: Note) -> str | None:
        title = self._side_title(note.article_id, note.article_ref)
        if note.pair:
            other = self._side_title(note.article_b_id, note.article_b_ref)
            return f"{title} ↔ {other}"
        return title

    def _side_title(self, article_id: int | None, ref: ArticleRef | None) -> str:
        """An article's title; for one not in the library, what the note waits for."""
        title = None if article_id is None else self.title_of(article_id)
        if title is not None:
            return title
        if ref is not None:
            return f"{ref.label()} (not in the library)"
        return f"article {article_id}"

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)


def _count(items: Iterable[object], what: str) -> str:
    n = len(list(items))
    return f"{n} note{'s' if n != 1 else ''} {what}" if n else f"No notes {what}."


__all__ = ["NotesPanel"]
