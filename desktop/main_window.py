"""`MainWindow`: the library page, the comparison page, the notes dock, the actions.

The central area is a stack of two pages (library ↔ comparison); the notes
panel is a dock on the right.  When `notes.db` cannot be opened (locked by
another program, written by a newer Parallax) the dock says why and the rest
of the window works without notes.  The actions are made by
`desktop.window_actions`; the menus and toolbar that show them are laid out by
`desktop.window_menus`; opening comparisons is `desktop.window_comparing`'s,
importing `desktop.window_importing`'s (mixins of the window).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from desktop.focus_home import FocusHome
from desktop.library.coverage import CoveragePanel
from desktop.library.reading import NoteTargets
from desktop.library.view import LibraryView
from desktop.notes.dock import NotesDock, placeholder
from desktop.notes.passage_target import ConfirmOpenOtherArticle, show_in_comparison
from desktop.recent import RecentComparisons
from desktop.settings import Settings
from desktop.tasks import TaskManager
from desktop.text import window_title
from desktop.theme import style_window
from desktop.window_actions import build_actions
from desktop.window_comparing import WindowComparing
from desktop.window_importing import WindowImporting
from desktop.window_layout import SUMMARY_MODE_KEY, WindowLayout
from desktop.window_menus import add_notes_actions, build_menus, build_toolbar, menu_for
from library.article import Article
from library.changes import Changes
from library.collection import Collection
from library.errors import ParallaxError

if TYPE_CHECKING:
    # Names for annotations only: PySide makes a class's type (and its enums)
    # when its name is first imported, a cost the first paint need not pay.
    from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent, QShowEvent
    from PySide6.QtWidgets import QMenu, QWidget

    from desktop.comparison import ComparisonView
    from desktop.comparison.alias_teaching import AliasTeaching
    from desktop.comparison.reviewing import Reviewing
    from desktop.library.first_steps import FirstStepsTip
    from library.notes.model import Claim

__all__ = ["SUMMARY_MODE_KEY", "MainWindow", "placeholder"]

STATUS_MS = 6000
SEP = " — "


class MainWindow(WindowComparing, WindowImporting, QMainWindow):
    """Parallax's window.

    Args:
        collection: the open collection (the window reads it on the GUI thread;
            imports use their own connection on the task thread).
        settings: where geometry, splitter sizes and recent comparisons live.

    Signals:
        import_finished(object): an import ended; carries its `ImportReport`.
        comparison_opened(object, object): the two articles now compared.
        comparison_settled(): the comparison finished computing (or failed).
    """

    import_finished = Signal(object)
    comparison_opened = Signal(object, object)
    comparison_settled = Signal()

    #: The notes panel's class (None: `NotesPanel`, imported when the panel is
    #: built after the first paint); tests replace it with a stand-in.
    notes_panel_class: type[Any] | None = None

    # Made by `desktop.window_actions.build_actions`.
    act_import_files: QAction
    act_import_folder: QAction
    act_quit: QAction
    act_find: QAction
    act_add_note: QAction
    act_remove: QAction
    act_compare: QAction
    act_compare_with: QAction
    act_library: QAction
    act_comparison: QAction
    act_fullscreen: QAction
    act_semantic: QAction
    act_shortcuts: QAction
    act_about: QAction
    act_notes: QAction

    def __init__(self, collection: Collection, settings: Settings) -> None:
        super().__init__()
        style_window(self)  # first: each widget made below is polished once, under it
        self.setObjectName("mainWindow")
        self.collection = collection
        self.settings = settings
        self.recent = RecentComparisons(settings)
        self.tasks = TaskManager(self)
        self.pair: tuple[Article, Article] | None = None
        self._toolbar_full_width: int | None = None
        self.first_steps: FirstStepsTip | None = None  # how to compare, on a first start

        self.library_view = LibraryView(collection, run=self._run_listing)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.library_view)
        self.setCentralWidget(self.stack)
        # Comparisons use word weights the library keeps up to date at import
        # (`Collection.compare` reads them on its own connection): no article
        # body but the two compared is read.
        collection.backend = settings.compare_backend()
        # The comparison page (its view, reviewing, alias teaching and their
        # imports: about half of the window's) is made on first use, not at
        # start-up: see `prepare_comparison`.
        self._comparison_view: ComparisonView | None = None
        self._reviewing: Reviewing | None = None
        self._alias_teaching: AliasTeaching | None = None
        self.coverage = CoveragePanel(collection, self.tasks)
        self.library_view.add_below_preview(self.coverage)
        # The notes panel is built after the first paint (`NotesDock`), in
        # slices: its imports on a worker thread, notes.db opened, the panel made.
        self.notes_dock = NotesDock(
            self._make_notes_panel,
            self._notes_ready,
            self._notes_unavailable,
            self,
            warm_up=self._import_notes_modules,
            steps=[lambda: collection.notes],
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)

        self.notes = NoteTargets(self.library_view.preview, None, self.notes_dock, self)
        self.focus_home = FocusHome(self)
        # The importer and the vector warm-up are made on first use
        # (`WindowImporting`); only the import strip is made now.
        self.add_import_progress()
        self.setAcceptDrops(True)  # files and folders dropped anywhere are imported
        build_actions(self)
        self._build_menus()
        self._connect()
        self.window_layout = WindowLayout(self)
        self.window_layout.restore()
        # The first rows arrive from the task manager's thread: the window
        # paints at once, without waiting for the library.
        self.library_view.refresh(then=self._on_first_rows)
        self.show_library()
        recovered = getattr(collection, "library_recovered_from", None)
        if recovered is not None:
            QTimer.singleShot(0, lambda: _tell_library_recovered(self, recovered))

    def _on_first_rows(self) -> None:
        # The notes panel is built after the paint that shows these rows, then
        # the comparison page's modules load (`_connect`): one after the
        # other, so no import thread competes with the GUI thread for Python.
        self.notes_dock.rows_listed()
        if not self.library_view.selected_ids() and self.library_view.model.rowCount():
            # Open on something to read rather than an empty preview.  In a
            # small library the rows land before the first paint: the row is
            # selected (its body read and laid out in the preview, its coverage
            # asked for) once that paint, with the rows, is done.
            if self.isVisible():
                # Not if closed meanwhile: its collection may be closed too.
                self.notes_dock.after_first_paint(
                    lambda: self._open_on_first_row() if self.isVisible() else None
                )
            else:
                self._open_on_first_row()
        recovered = getattr(self.collection, "library_recovered_from", None)
        if (
            recovered is None
            and self.library_view.model.library_total >= 2
            and not self.recent.pairs()
        ):
            # First steps: the one thing a new user must discover.
            from desktop.library.first_steps import FirstStepsTip  # first starts only

            self.first_steps = FirstStepsTip.offer(
                self.library_view, self.settings, self.comparison_opened
            )

    def _open_on_first_row(self) -> None:
        if not self.library_view.selected_ids() and self.library_view.model.rowCount():
            self.library_view.table.selectRow(0)

    # -- building ------------------------------------------------------------

    def _build_menus(self) -> None:
        self.recent_menu = build_menus(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.notes.set_actions([self.act_add_note])
        self.toolbar = build_toolbar(self)

    def _connect(self) -> None:
        view = self.library_view
        view.selection_changed.connect(self._on_selection)
        view.article_activated.connect(lambda _a: self.compare_selected())
        view.status_message.connect(self.show_status)
        view.changes_made.connect(lambda changes: self.apply_changes(changes, view))
        self.coverage.compare_requested.connect(self._compare_ids)
        self.notes.selection_changed.connect(self._update_actions)
        self.notes_dock.visibilityChanged.connect(self._fold_notes)
        self.notes_dock.built.connect(self._after_notes_built)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # "Add Note on Selection" follows the focused pane's selection.
            # A bound method, so PySide drops the connection when the window dies.
            app.focusChanged.connect(self._on_focus_changed)

    # -- the notes panel -----------------------------------------------------

    @property
    def notes_panel(self) -> Any:
        """The notes panel (built now if it was not yet); None if notes.db cannot be opened."""
        return self.notes_dock.ensure_panel()

    def _import_notes_modules(self, then: Callable[[], None]) -> None:
        self.tasks.run(
            _import_notes_modules, lambda _none: then(), lambda _exc: then(), lane="compute"
        )

    def _after_notes_built(self) -> None:
        # After the panel's first layout and paint (events already posted),
        # which call its Python model and delegate: an import thread holding
        # the GIL meanwhile made that paint wait.
        QTimer.singleShot(0, self, self._load_comparison_modules)

    def _make_notes_panel(self) -> Any:
        if self.notes_panel_class is not None:
            return self.notes_panel_class(self.collection)
        from desktop.notes.panel import NotesPanel

        return NotesPanel(self.collection)

    def _notes_ready(self, panel: Any) -> None:
        panel.passage_requested.connect(self.show_passage)
        panel.changes_made.connect(lambda changes: self.apply_changes(changes, panel))
        panel.comparison_requested.connect(self._open_ids)
        add_notes_actions(self, panel)
        # Show what the window shows now, as if the panel had been there from the start.
        if self.comparison_shown() and self.pair is not None:
            panel.show_comparison(*self.pair)
        else:
            articles = self.library_view.selected_articles()
            panel.show_article(articles[0] if len(articles) == 1 else None)
        self.notes.show_noted_spans()
        self._update_actions()

    def _notes_unavailable(self) -> None:
        self.notes_dock.hide()  # nothing to show; its toggle stays in the View menu
        self._update_actions()

    # -- state ---------------------------------------------------------------

    def _fold_notes(self, _visible: bool = False) -> None:
        # visibilityChanged also fires when the window is minimised: ask the dock.
        if self._comparison_view is not None:
            self._comparison_view.rail.set_folded("notes", self.notes_dock.isHidden())

    def showEvent(self, event: QShowEvent) -> None:
        self.notes_dock.watch_first_paint()  # the panel is built after the first paint
        super().showEvent(event)
        self.window_layout.restore_library()

    def save_state(self) -> None:
        """Remember geometry, dock/toolbar layout, splitter sizes, columns and sort."""
        self.window_layout.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Notes are irreplaceable: if the one being typed cannot be saved, ask.
        panel = self.notes_dock.panel  # not built: nothing typed in it
        if panel is not None and panel.flush() is False:
            from desktop.library.dialogs import ConfirmDiscardNote

            if not ConfirmDiscardNote.ask(self):
                event.ignore()
                return
        self.save_state()
        self.cancel_import()
        # An import stops after its current file, which may take seconds (a
        # 10 MB text: about ten): gone from the screen now, not frozen meanwhile.
        self.hide()
        self.tasks.shutdown(wait=True)
        super().closeEvent(event)

    # -- changes -------------------------------------------------------------

    def apply_changes(self, changes: Changes, origin: object | None = None) -> None:
        """Hand what an operation changed to every view but `origin` (it is up to date).

        Each view decides what to refresh (`on_changes`); no view keeps flags.
        """
        # A panel not built yet reads everything when it is.
        views = (self.library_view, self.coverage, self.notes_dock.panel)
        for view in views:
            if view is not None and view is not origin:
                view.on_changes(changes)
        if changes.notes:
            self.tasks.supersede(self.noted_key)  # a read in flight may predate the change
            self.notes.show_noted_spans()  # passages noted or un-noted in the panes
        self._update_actions()

    # -- pages and titles ----------------------------------------------------

    def show_library(self) -> None:
        """Switch to the library page (the "Back to Library" action)."""
        self.stack.setCurrentWidget(self.library_view)
        if self._comparison_view is not None:
            self._comparison_view.set_active(False)
        self.statusBar().clearMessage()  # nothing said about the comparison holds here
        self.coverage.release()  # held while a comparison opened: it may not have finished
        self.setWindowTitle(f"Parallax{SEP}Library")
        self._on_selection(self.library_view.selected_articles())
        self.library_view.table.setFocus()

    def show_comparison(self) -> None:
        """Return to the comparison last opened, if any."""
        if self.pair is None:
            self.show_status("No comparison open yet: select two articles and press Ctrl+D.")
            return
        self.stack.setCurrentWidget(self.comparison_view)
        self.comparison_view.set_active(True)
        self.statusBar().clearMessage()
        self.window_layout.restore_comparison()
        a, b = self.pair
        self.setWindowTitle(window_title(f"Parallax{SEP}{a.title} ↔ {b.title}"))
        if self.notes_dock.panel is not None:
            self.notes_dock.panel.show_comparison(a, b)
        self._update_actions()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    # -- library actions -----------------------------------------------------

    def find_in_library(self) -> None:
        self.show_library()
        self.library_view.focus_filter()

    def remove_selected(self) -> None:
        if self.stack.currentWidget() is not self.library_view:
            return
        if self.import_running:
            self.show_status("Wait for the import to finish before removing articles.")
            return
        self.library_view.remove_selected()
        if self.pair is not None and not self._pair_in_library(self.pair):
            # "Comparison" (Ctrl+2) must not bring back an article just removed.
            self.pair = None
            self._update_actions()

    def _pair_in_library(self, pair: tuple[Article, Article]) -> bool:
        try:
            for article in pair:
                if article.id is not None:
                    self.collection.library.current(int(article.id))
        except ParallaxError:
            return False
        return True

    def show_passage(self, article_id: int, start: int, end: int) -> None:
        """Show a noted passage: in the comparison when one of its two articles,
        else (after asking, if a comparison is open) its article in the preview."""
        if self.comparison_shown():
            if show_in_comparison(self.comparison_view, article_id, start, end):
                return
            try:
                title = self.collection.library.get(article_id).title
            except ParallaxError:
                title = f"article {article_id}"
            if not ConfirmOpenOtherArticle.ask(self, title):
                return
        self.show_library()
        self.library_view.show_passage(article_id, start, end)

    def _compare_ids(self, id_a: int, id_b: int) -> None:
        # Each side as it is now (the ranking may predate a new version).
        try:
            pair = self.collection.library.current(id_a), self.collection.library.current(id_b)
        except ParallaxError as exc:
            self.show_status(str(exc))
            return
        self.open_comparison(*pair)

    def _on_selection(self, articles: list[Article]) -> None:
        one = articles[0].id if len(articles) == 1 else None
        self.coverage.show_for(None if one is None else int(one))
        panel = self.notes_dock.panel
        if panel is not None and self.stack.currentWidget() is self.library_view:
            panel.show_article(articles[0] if len(articles) == 1 else None)
        self.notes.show_noted_spans()
        self._update_actions()

    def _update_actions(self) -> None:
        on_library = self.stack.currentWidget() is self.library_view
        count = len(self.library_view.selected_ids())
        self.act_compare.setEnabled(on_library and count == 2)
        self.act_compare_with.setEnabled(on_library and count == 1)
        if self._reviewing is not None:
            reviewing = self._reviewing
            for act in (reviewing.act_link, reviewing.act_review):
                act.setEnabled(not on_library)  # they act on the comparison shown
            reviewing.act_note_claim.setEnabled(not on_library and self.notes_dock.usable)
        # Not while typing in the notes panel: its own Delete (delete a note)
        # would otherwise make the Delete key ambiguous.
        focus = QApplication.focusWidget()
        in_notes = focus is not None and self.notes_dock.isAncestorOf(focus)
        self.act_remove.setEnabled(
            on_library and count >= 1 and not self.import_running and not in_notes
        )
        self.act_comparison.setEnabled(self.pair is not None)
        self.act_library.setEnabled(not on_library)
        self.act_add_note.setEnabled(self.notes.can_add())

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        self.focus_home.focus_changed(old, new)  # off a panel just hidden (F9, F7, F6)
        self._update_actions()

    # -- notes ---------------------------------------------------------------

    def add_note_on_selection(self) -> None:
        """Add a note on the selection in the focused reading pane."""
        if self.notes_dock.usable:
            self.notes_dock.show()
        if not self.notes.add_note():
            self.show_status("Select a passage in an article first.")

    def _note_claim(self, article_a: Article, article_b: Article, claim: Claim) -> None:
        panel = self.notes_dock.ensure_panel()
        if panel is None:
            return
        self.notes_dock.show()
        panel.add_comparison_note(article_a, article_b, claim)

    # -- the library's queries -------------------------------------------------

    def _run_listing(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        # The library table's queries (a page and a count: milliseconds) run
        # in the read lane: the search box never waits behind an import (db
        # lane) or a comparison (compute lane).
        self.tasks.run(job, on_done, on_error, lane="read")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Icons only on the toolbar when its labels would not fit (no action hidden)."""
        super().resizeEvent(event)
        bar = getattr(self, "toolbar", None)
        if bar is None:
            return
        if self._toolbar_full_width is None:
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self._toolbar_full_width = bar.sizeHint().width()
        fits = self._toolbar_full_width <= self.width()
        bar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if fits
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )

    def _toggle_fullscreen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def menu_for(self, title: str) -> QMenu | None:
        """A top-level menu by its title without "&" (for tests)."""
        return menu_for(self.menuBar(), title)


def _tell_library_recovered(window: MainWindow, moved_to: Path) -> None:
    from desktop.library.dialogs import tell_library_recovered  # dialogs: not on the start path

    tell_library_recovered(window, moved_to)


def _import_notes_modules() -> None:
    # Only imports (class and function definitions): no widget is made off the GUI thread.
    import desktop.notes.panel  # noqa: F401

    Collection.load_notes_modules()  # what `collection.notes` opens notes.db with
