"""The window's comparing commands: open a pair, compare the selection, recent pairs.

Opening a pair reads nothing on the GUI thread: the comparison's job reads the
reviews with it (`ComparisonRunner.read_reviews`), and the passages with notes
are read by a job of their own (`read_noted`) that marks them in both panes.

The comparison page is made on first use (`prepare_comparison`), its modules
loaded on a worker thread once the library is listed: start-up builds only
what the first paint shows.  While the window idles, the engine is then
loaded in a worker (`_warm_up_engine`; a comparison asked for meanwhile waits
for it) and the page made after it.  A pair asked for
before the page exists (right after start-up) says "Comparing…" at once, then
waits for the modules off the GUI thread, makes the page in one turn and
shows the pair in the next: never one long block for all of it.

A mixin of `MainWindow`, kept apart so the window's module holds building,
pages and notes and stays short (importing is `window_importing`).  The attributes below are the
window's; `MainWindow.__init__` sets them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMenu, QStackedWidget, QWidget

from desktop.library.reading import NoteTargets
from desktop.library.view import LibraryView
from desktop.passages import mark_noted
from desktop.qt_types import make_shared_types, make_widget_types
from desktop.recent import RecentComparisons, RecentPair, fill_recent_menu
from desktop.settings import Settings
from desktop.tasks import TaskManager
from desktop.window_layout import SUMMARY_MODE_KEY, WindowLayout, remember_lenses
from desktop.window_menus import add_comparison_actions
from library.article import Article
from library.collection import Collection
from library.errors import ParallaxError

if TYPE_CHECKING:
    from desktop.comparison import ComparisonView
    from desktop.comparison.alias_teaching import AliasTeaching
    from desktop.comparison.preload import Span
    from desktop.comparison.reviewing import Reviewing
    from desktop.comparison.turns import Turns
    from desktop.library.coverage import CoveragePanel
    from desktop.main_window import MainWindow
    from desktop.notes.dock import NotesDock
    from library.notes.model import Claim


class WindowComparing:
    """Opening comparisons (mixed into `MainWindow`)."""

    collection: Collection
    settings: Settings
    recent: RecentComparisons
    recent_menu: QMenu
    stack: QStackedWidget
    library_view: LibraryView
    coverage: CoveragePanel
    notes: NoteTargets
    notes_dock: NotesDock
    window_layout: WindowLayout
    _comparison_view: ComparisonView | None
    _reviewing: Reviewing | None
    _alias_teaching: AliasTeaching | None
    tasks: TaskManager
    pair: tuple[Article, Article] | None
    #: After its modules and the engine are loaded, the comparison page is made
    #: this many ms later if no first use made it (None: only on first use, and
    #: the engine loaded by the first comparison).
    prepare_after_ms: int | None = 1000
    #: A pair asked for while the window still builds its notes panel (start-up)
    #: waits for that build before the page's modules load, but no longer than this.
    startup_wait_ms = 1500
    comparison_opened: Any  # the window's Signal(object, object)
    #: A pair asked for before the page was made: shown once it is (`_open_when_made`).
    _opening: tuple[Article, Article] | None = None
    #: The noted-passages read of the pair opened: ASK (no read: ask the notes
    #: panel), READING, or its result (article id -> spans).
    _noted: object = None
    #: Waiting for the page's modules (None: their import job has not started).
    _modules_waiting: list[Callable[[], None]] | None = None
    _modules_loaded = False
    _modules_started = False  # their import job was submitted
    _opening_turns: Turns | None = None
    _page_hooked = False  # the page is made and hooked up (`prepare_comparison` ended)
    comparison_settled: Any  # the window's Signal()

    def show_comparison(self) -> None:
        raise NotImplementedError  # the window's: switch to the comparison page

    def show_status(self, text: str) -> None:
        raise NotImplementedError  # the window's: a message in the status bar

    def _update_actions(self) -> None:
        raise NotImplementedError  # the window's: enable the actions that apply now

    def _fold_notes(self, _visible: bool = False) -> None:
        raise NotImplementedError  # the window's: the notes dock's button on the rail

    def _note_claim(self, article_a: Article, article_b: Article, claim: Claim) -> None:
        raise NotImplementedError  # the window's: a claim note in the notes panel

    @property
    def comparison_view(self) -> ComparisonView:
        """The comparison page (made now if it was not yet, with a pair asked for meanwhile)."""
        view = self.prepare_comparison()
        # Whoever reaches for the page sees the pair (not the page's own hook-up).
        if self._opening is not None and self._page_hooked:
            self._open_pending()
        return view

    @property
    def reviewing(self) -> Reviewing:
        """Reviews and links of the pair shown (made with the comparison page)."""
        self.prepare_comparison()
        assert self._reviewing is not None
        return self._reviewing

    @property
    def alias_teaching(self) -> AliasTeaching:
        """ "Same as…" / "Forget Alias" on the lenses; Compare > Aliases…."""
        self.prepare_comparison()
        assert self._alias_teaching is not None
        return self._alias_teaching

    def comparison_shown(self) -> bool:
        """True if the comparison page is the one shown (never makes it)."""
        view = self._comparison_view
        return view is not None and self.stack.currentWidget() is view

    def prepare_comparison(self) -> ComparisonView:
        """Make the comparison page and hook it up, once; returns it.

        Called on first use: opening a comparison, opening the View, Compare or
        Notes menu (which then list its actions), or a test reaching for it.
        """
        if self._comparison_view is not None:
            return self._comparison_view
        from desktop.comparison import ComparisonView
        from desktop.comparison.alias_teaching import AliasTeaching
        from desktop.comparison.preload import reviews_reader
        from desktop.comparison.reviewing import Reviewing
        from desktop.comparison.worker import load_engine

        collection = self.collection
        cv = ComparisonView(
            data_dir=collection.data_dir, tasks=self.tasks, compare=collection.compare
        )
        self._comparison_view = cv
        self.stack.addWidget(cv)
        self._reviewing = reviewing = Reviewing(cv, collection)
        # The reviews are read with each comparison, off the GUI thread.
        cv.runner.read_reviews = reviews_reader(collection)
        # A comparison asked for while the engine warms up waits for it (`load_engine`).
        cv.runner.before_compare = load_engine
        self.notes.attach_comparison(cv)
        # Right-click on a pair in a pane: Confirm / Reject / Mark as … / Clear Review.
        self.notes.context_menu.providers.append(reviewing.actions_at)
        if self.notes_dock.usable:  # "Note This Claim" (claims list, panes, Ctrl+Alt+N)
            reviewing.note_claim = self._note_claim
        self._alias_teaching = AliasTeaching(cv, collection)
        add_comparison_actions(cast("MainWindow", self))  # this mixin is only ever the window
        cv.comparison_ready.connect(lambda _c: self._on_comparison_ready())
        cv.comparison_failed.connect(self._on_comparison_failed)
        cv.status_message.connect(self.show_status)
        cv.summary_mode_changed.connect(
            lambda mode: self.settings.qsettings.setValue(SUMMARY_MODE_KEY, mode)
        )
        self.window_layout.restore_comparison_modes()
        remember_lenses(cv.lenses, self.settings.qsettings)
        # A closed notes dock folds into the comparison's rail, one click from open.
        notes_button = cv.rail.add_button("notes", "Notes", "Show the notes panel (F9)")
        notes_button.clicked.connect(self.notes_dock.show)
        self._fold_notes()
        cv.set_active(False)
        self._update_actions()
        self._page_hooked = True
        return cv

    def _load_comparison_modules(self) -> None:
        """Import the comparison page's modules on a worker thread (once the window is up).

        Then load the engine on the compute lane (`_warm_up_engine`) and,
        `prepare_after_ms` after that, make the page (GUI thread, 50-100 ms)
        unless a first use made it already: while the window idles after
        start-up rather than when the first comparison opens.  The engine
        first: it is the long part (~1 s of CPU), and the page is not made
        while it loads, so the two never share the GIL.
        """
        if self._comparison_view is None:
            self._when_modules_loaded(self._warm_up_at_idle)

    def _warm_up_at_idle(self) -> None:
        if self.prepare_after_ms is None or self._comparison_view is not None:
            return  # made on first use; that comparison loads the engine
        if self.pair is not None or self._opening is not None:
            return  # a comparison asked for meanwhile loads it
        self.tasks.run(
            _warm_up_engine,
            lambda _none: self._prepare_later(),
            lambda _exc: self._prepare_later(),
            lane="compute",
        )

    def _when_modules_loaded(
        self, then: Callable[[], None], *, after_startup: bool = False
    ) -> None:
        """Call `then()` once the page's modules are imported, by a worker thread.

        A blocking import on the GUI thread would hold it (and the GIL) for
        the whole import; a job in the compute lane leaves it free to paint.
        `after_startup`: while the window still builds its notes panel, the
        import waits for that build (`_load_comparison_modules`, at most
        `startup_wait_ms`): beside the start-up's own work on the GUI thread
        (the first rows' columns, the first article's preview, the panel) it
        shared the GIL and made those blocks 100-210 ms.
        """
        if self._modules_loaded:
            then()
            return
        if self._modules_waiting is None:
            self._modules_waiting = []
        self._modules_waiting.append(then)
        if self._modules_started:
            return  # the job is on its way
        if after_startup and self._starting_up():
            QTimer.singleShot(self.startup_wait_ms, cast(QObject, self), self._start_module_import)
        else:
            self._start_module_import()

    def _starting_up(self) -> bool:
        """Whether the shown window is still to build its notes panel (then loads the modules)."""
        return self.notes_dock.state == "not_built" and cast(QWidget, self).isVisible()

    def _start_module_import(self) -> None:
        if self._modules_started:
            return
        self._modules_started = True
        # Before the worker's imports name them (`qt_types`).
        make_shared_types()
        self.tasks.run(
            _import_comparison_modules,
            lambda _none: self._modules_arrived(),
            # An import error is raised again where the page is made.
            lambda _exc: self._modules_arrived(),
            lane="compute",
        )

    def _modules_arrived(self) -> None:
        waiting, self._modules_waiting = self._modules_waiting or [], []
        self._modules_loaded = True
        for then in waiting:
            then()

    def _prepare_later(self) -> None:
        if self.prepare_after_ms is None or self._comparison_view is not None:
            return
        timer = QTimer(cast(QObject, self))  # dies with the window: never fires after it
        timer.setSingleShot(True)
        timer.timeout.connect(self._prepare_if_shown)
        timer.start(self.prepare_after_ms)

    def _prepare_if_shown(self) -> None:
        if cast(QWidget, self).isVisible():
            view = self.prepare_comparison()
            if self.pair is None:  # no comparison yet: it would have loaded them
                # The reading fonts, a turn later (the page took 50-100 ms already).
                QTimer.singleShot(0, view, view.pane("a").warm_up)

    def open_comparison(self, article_a: Article, article_b: Article) -> None:
        """Open the side-by-side comparison of two articles (and remember the pair)."""
        self.pair = (article_a, article_b)
        # No coverage ranking (a worker's Python) beside the page's making and
        # first paint: it starts once the comparison is painted (`_settled`).
        self.coverage.hold()
        # Remembered a turn later: saving the settings file (4-30 ms) would
        # otherwise add to the block that switches to the page and paints it.
        QTimer.singleShot(0, cast(QObject, self), lambda: self.recent.add(article_a, article_b))
        # Read from now, even if the page is made first: a note changed
        # meanwhile supersedes this read, and the panes then ask the panel.
        self._mark_noted_soon(article_a, article_b)  # passages noted earlier stay marked
        if self._comparison_view is None:
            self._open_when_made(article_a, article_b)
        else:
            self._show_opened(article_a, article_b)

    def _show_opened(self, article_a: Article, article_b: Article) -> None:
        self.show_comparison()
        view = self.comparison_view
        view.open_articles(article_a, article_b)
        self._apply_noted()
        # Focus inside the view, so its F8 / Alt+Down shortcuts work at once.
        view.pane("a").text_edit.setFocus()
        self.comparison_opened.emit(article_a, article_b)

    def _open_when_made(self, article_a: Article, article_b: Article) -> None:
        """Show the pair once the page is made: modules off the GUI thread, then a turn each.

        Made and shown in one pass, the page (50-100 ms), the switch to it and
        its first paint blocked the window 200-430 ms right after start-up.  A
        newer pair asked for meanwhile replaces this one.
        """
        already = self._opening is not None
        self._opening = (article_a, article_b)
        self.show_status("Comparing…")
        if not already:
            # The GIL's switch interval a comparison sets (`worker.SWITCH_INTERVAL`),
            # from now: the modules import on a worker while the window paints.
            sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
            self._when_modules_loaded(self._make_page_then_open, after_startup=True)

    def _make_page_then_open(self) -> None:
        from desktop.comparison.turns import Step, Turns

        if self._opening is None:  # shown already (someone reached for the page)
            return
        if self._opening_turns is None:
            self._opening_turns = Turns(cast(QObject, self))  # dies with the window
        # A timer turn between them (not `QTimer.singleShot(0)`, a posted call
        # Qt may run before timers that are due): the window repaints between.
        steps: list[Step] = [
            self._resolve_widget_types,
            self._prepare_page,
            self._open_pending,
        ]
        self._opening_turns.run(steps)

    def _prepare_page(self) -> None:
        try:
            self.prepare_comparison()
        except BaseException:
            # No page (its modules failed to import): the window stays on the
            # library page, whose ranking `open_comparison` held, and a later
            # pair tries the page again instead of waiting on this opening.
            self.coverage.release()
            self._opening = None
            raise

    def _resolve_widget_types(self) -> None:
        # PySide's widget types, a turn before the page is made (`qt_types`).
        make_widget_types(self.library_view.table)

    def _open_pending(self) -> None:
        if self._opening is not None:
            article_a, article_b = self._opening
            self._opening = None
            read_early = isinstance(self._noted, dict)
            self._show_opened(article_a, article_b)  # marks what was read
            if read_early:  # a note changed since would be missing: read again
                self._mark_noted_soon(article_a, article_b)

    @property
    def noted_key(self) -> tuple[str, int]:
        """The task key of the noted-passages read (latest wins; a note change supersedes it)."""
        return ("noted passages", id(self))

    def _mark_noted_soon(self, article_a: Article, article_b: Article) -> None:
        """Mark the passages with notes in both panes once read off the GUI thread."""
        # Its module not loaded (or still loading, on a worker): the panel is no
        # NotesPanel yet, and nothing is imported here on the GUI thread.
        panel_class = getattr(sys.modules.get("desktop.notes.panel"), "NotesPanel", None)
        if panel_class is None or not isinstance(self.notes_dock.panel, panel_class):
            self._noted = ASK  # no notes, or a stand-in panel (tests): ask it
            return
        collection = self.collection
        self._noted = READING
        self.tasks.run(
            lambda: _read_noted(collection, [article_a, article_b]),
            self._noted_read,
            lambda _exc: self._noted_read(None),
            # The read lane: short reads, never behind a comparison or an import.
            lane="read",
            key=self.noted_key,
        )

    def _noted_read(self, spans: dict[int, list[Span]] | None) -> None:
        # None: notes.db could not be read there: read it here, as before.
        early = self._opening is not None
        self._noted = ASK if spans is None else spans
        if not early:
            self._apply_noted()

    def _apply_noted(self) -> None:
        """Mark the noted passages of the pair shown (once it is shown and they are read)."""
        noted = self._noted
        if noted is READING:
            if self.tasks.pending(self.noted_key):
                return  # marked when read
            noted = ASK  # superseded by a note change: the panel knows
        if noted is ASK:
            self.notes.show_noted_spans()
        elif isinstance(noted, dict):
            self._mark_noted(noted)

    def _mark_noted(self, spans: dict[int, list[Span]]) -> None:
        for side in ("a", "b"):
            pane = self.comparison_view.pane(side)
            shown = pane.article
            if shown is not None and shown.id is not None and int(shown.id) in spans:
                mark_noted(pane.text_edit, spans[int(shown.id)], pane.text_edit.offsets)

    def compare_selected(self) -> None:
        articles = self.library_view.selected_articles()
        if len(articles) == 2:
            self.open_comparison(*articles)
        elif len(articles) == 1:
            self.compare_with()
        else:
            self.show_status("Select two articles to compare (Ctrl+click the second).")

    def compare_with(self) -> None:
        pair = self.library_view.pick_partner()
        if pair is not None:
            self.open_comparison(*pair)

    def _set_semantic(self, on: bool) -> None:
        """Switch the comparison backend, remember it, and redo the comparison shown."""
        self.collection.backend = "semantic" if on else "lexical"
        self.settings.set_compare_backend(self.collection.backend)
        self.show_status(
            "Matching by meaning and words." if on else "Matching by shared words only."
        )
        if self.pair is not None and self.comparison_shown():
            self.comparison_view.open_articles(*self.pair)

    def _on_comparison_ready(self) -> None:
        notice = getattr(self.collection, "backend_notice", None)
        if notice:  # the model could not load: words only, said once per comparison
            self.show_status(notice)
        self._settled()

    def _on_comparison_failed(self, message: str) -> None:
        self.show_status(message)
        self._settled()

    def _settled(self) -> None:
        self.coverage.release()  # the library page's ranking held while this opened
        self.comparison_settled.emit()

    def _fill_recent_menu(self) -> None:
        fill_recent_menu(self.recent_menu, self.recent, self.open_recent)

    def _open_ids(self, id_a: int, id_b: int) -> None:
        # A comparison note was clicked: reopen the pair it was written on.
        self.open_recent(RecentPair(id_a, id_b, "", ""), forget=False)

    def open_recent(self, pair: RecentPair, *, forget: bool = True) -> None:
        """Reopen a remembered pair (the current versions of both articles)."""
        try:
            a = self.collection.library.current(pair.id_a)
            b = self.collection.library.current(pair.id_b)
        except ParallaxError as exc:
            if forget:
                self.recent.remove(pair)
                self.show_status(f"{exc} It was removed from the recent list.")
            else:
                self.show_status(str(exc))
            return
        self.open_comparison(a, b)


ASK = "ask the notes panel"
READING = "reading"


def _read_noted(collection: Collection, articles: list[Article]) -> dict[int, list[Span]] | None:
    # Imported here, in the worker: the GUI thread never waits for these modules.
    from desktop.comparison import preload

    return preload.read_noted(collection, articles)


def _warm_up_engine() -> None:
    """Load the comparison engine (about 360 modules: numpy, scipy.sparse, pysbd…).

    Loaded by the first comparison's job, its imports (compiling, initialising
    extension modules) held the GIL for long stretches while the GUI thread
    switched to and painted the comparison page: the first comparison blocked
    the window 150-220 ms.  A comparison of two sentences, in a worker while
    the window idles after start-up, loads them and the sentence splitter; a
    comparison asked for meanwhile waits for it (`worker.load_engine`).
    """
    from desktop.comparison.worker import load_engine

    load_engine()


def _import_comparison_modules() -> None:
    # Only imports (class and function definitions): no widget is made off the GUI thread.
    import desktop.comparison.alias_teaching
    import desktop.comparison.preload
    import desktop.comparison.reviewing
    import desktop.comparison.view  # noqa: F401
