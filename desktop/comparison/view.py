"""`ComparisonView`: two articles side by side with their shared and divergent facts.

Layout: a legend/progress bar on top; below, pane A | link gutter | pane B in a
splitter, and the summary panel on the right.  The view paints from
`ComparisonLayout` (typed records built from the engine's `Comparison`).

Actions (`actions()`, see `actions.py`) use `Qt.WidgetWithChildrenShortcut`:
their shortcuts work while focus is anywhere inside the view.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.comparison.actions import build_actions
from desktop.comparison.banner import LanguageNotice, LowOverlapBanner
from desktop.comparison.export_commands import ComparisonExport
from desktop.comparison.geometry import SlicedMeasure
from desktop.comparison.geometry_pass import ComparisonGeometry
from desktop.comparison.gutter import LinkMap
from desktop.comparison.highlighter import PAINT_SLICE, mark_current, paint_document
from desktop.comparison.legend import Legend
from desktop.comparison.lens_navigation import LensNavigation
from desktop.comparison.navigation import Navigator
from desktop.comparison.palette import QtPalette
from desktop.comparison.pane import ReadingPane
from desktop.comparison.position import PositionKeeper
from desktop.comparison.queries import ComparisonQueries
from desktop.comparison.rail import PanelFold, SideRail
from desktop.comparison.scroll_sync import ScrollSync
from desktop.comparison.selecting import ComparisonSelection
from desktop.comparison.summary import SummaryPanel
from desktop.comparison.tab_order import chain_tabs, tab_reachable, tab_stops
from desktop.comparison.turns import Turns
from desktop.comparison.worker import CompareFunction, ComparisonRunner
from desktop.tasks import TaskManager
from library.article import Article
from library.compare.model import Comparison
from library.export import ComparisonLayout
from library.export.extras import ExportExtras
from library.export.wording import low_overlap
from library.reviews import ReviewedComparison

SIDES = ("a", "b")
# Unless the user chose, the summary folds into the rail by itself when with it
# open the two texts would get less than this share of the window's width.
TEXTS_SHARE = 0.6
SUMMARY_ROOM = 300  # the summary's width plus its splitter handle
TEXTS_OVERHEAD = 100  # gutter, rail, margins and scroll bars beside the two texts
#: Characters of both texts above which opening them sets one pane per event-loop turn.
LONG_TEXTS = 40_000


class ComparisonView(ComparisonGeometry, ComparisonSelection, ComparisonQueries, ComparisonExport):
    """Side-by-side comparison of two articles.

    Args:
        parent: owning widget.
        data_dir: exports never write over the files in here (None: the default data dir).
        tasks, compare: the window's task manager and `Collection.compare` (None: its own).

    Signals:
        comparison_ready(object): a comparison was painted (the engine `Comparison`).
        comparison_failed(str): the comparison of the latest request failed.
        status_message(str): a short message for the status bar ("" clears it).
        summary_mode_changed(str): the user opened or folded the summary
            ("open" / "closed"), to be remembered.
    """

    comparison_ready = Signal(object)
    comparison_failed = Signal(str)
    status_message = Signal(str)
    summary_mode_changed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        data_dir: Path | None = None,
        tasks: TaskManager | None = None,
        compare: CompareFunction | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setAccessibleName("Article comparison")
        self._layout: ComparisonLayout | None = None
        self._comparison: Comparison | None = None
        self._navigator: Navigator | None = None
        self._current: int | None = None
        self._selected: tuple[list[int], list[int]] = ([], [])
        self._pending: tuple[Article, Article] | None = None
        # The reviews the comparison's job read with it (`Reviewing` uses them
        # rather than reading notes.db on the GUI thread); None: not read.
        self.preloaded_reviews: ReviewedComparison | None = None
        # True while a background result is shown: geometry waits a turn (`_show`).
        self._geometry_later = False
        # Pair index -> the relation the user's review gave it (`Reviewing`).
        self.user_relations: dict[int, str] = {}
        self._active = True
        self._qt_palette = QtPalette.for_widget(self)
        # Said after a selected pair's status line (`Reviewing` says how it was reviewed).
        self.review_suffix: Callable[[int], str] = lambda _index: ""
        # The notes and reviews an export carries (`Reviewing` gathers them).
        self.export_extras: Callable[[], ExportExtras | None] = lambda: None
        # Repaints the review marks (`Reviewing`); True: forget them, the texts changed.
        self.repaint_reviews: Callable[[bool], None] = lambda _forget: None
        # Selects the hand link of an unpaired unit (side, unit id); False: none.
        self.select_linked: Callable[[str, int], bool] = lambda _side, _unit: False

        self.legend = Legend(self)
        self.busy_label = QLabel("Comparing…")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # indeterminate: the engine reports no progress
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setAccessibleName("Comparison in progress")
        self.toolbar = QToolBar("Comparison")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setObjectName("comparisonToolBar")  # its focus ring: parallax.qss
        self.toolbar.setAccessibleName("Comparison tools")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toolbar)
        top.addStretch(1)
        top.addWidget(self.busy_label)
        top.addWidget(self.busy_bar)
        self._set_busy(False)

        # Said first, above the texts: nothing below means much for two stories.
        self.banner = LowOverlapBanner(self)
        self.language_notice = LanguageNotice(self)
        self.panes = {side: ReadingPane(side, self) for side in SIDES}
        self.panes["a"].partner, self.panes["b"].partner = self.panes["b"], self.panes["a"]
        self.gutter = LinkMap(self.panes["a"], self.panes["b"], self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(3)
        self.splitter.addWidget(self.panes["a"])
        self.splitter.addWidget(self.gutter)
        self.splitter.addWidget(self.panes["b"])
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(2, 1)
        self.summary = SummaryPanel(self)
        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.addWidget(self.splitter)
        self.outer.addWidget(self.summary)
        self.outer.setStretchFactor(0, 1)
        self.outer.setStretchFactor(1, 0)
        self.outer.setCollapsible(0, False)
        self.outer.setSizes([1000, 280])
        self.splitter.setSizes([480, 44, 480])
        self.rail = SideRail(self)
        self.rail.hide()
        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(2)
        middle.addWidget(self.outer, 1)
        middle.addWidget(self.rail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.language_notice)
        layout.addLayout(middle, 1)
        layout.addWidget(self.legend)

        self.sync = ScrollSync(
            self.panes["a"].text_edit.verticalScrollBar(),
            self.panes["b"].text_edit.verticalScrollBar(),
            self,
        )
        self.runner = ComparisonRunner(self, compare, tasks)
        self.runner.finished.connect(self._on_result)
        self.runner.failed.connect(self._on_failure)
        # The job starts a timer turn after `open_articles`: the switch to this
        # page and its first paint come first, without a worker loading the
        # engine beside them (the two shared the GIL: blocks of 150-230 ms).
        self._submit_timer = QTimer(self)
        self._submit_timer.setSingleShot(True)
        self._submit_timer.setInterval(0)
        self._submit_timer.timeout.connect(self._submit_pending)
        # Geometry (bands, overview marks, scroll anchors) follows text relayouts:
        # one pass per burst of them; long texts measured a slice per turn first.
        self._measure = SlicedMeasure(
            self.panes, lambda: self._layout, self._refresh_geometry, self
        )
        self._geometry_timer = self._measure.timer
        # A background result (and long texts) are shown a step per event-loop turn.
        self._turns = Turns(self)
        for side, pane in self.panes.items():
            edit = pane.text_edit
            edit.document_resized.connect(self._geometry_timer.start)
            edit.verticalScrollBar().valueChanged.connect(self._update_visible_ranges)
            edit.verticalScrollBar().rangeChanged.connect(lambda *_: self._geometry_timer.start())
            edit.clicked.connect(lambda offset, s=side: self._on_text_clicked(s, offset))
            edit.tooltip_provider = lambda offset, s=side: self._tooltip(s, offset)
        # The reading position survives resizes, folding panels and re-comparisons.
        self.position = PositionKeeper(
            self.panes,
            lambda: (self._layout, self._current),
            self._select_again,
            self.sync.hold,
            self._geometry_timer,
        )
        self.gutter.pair_clicked.connect(lambda index: self._select_pair(index, None))
        self.summary.pair_activated.connect(lambda index: self._select_pair(index, None))
        self.summary.unit_activated.connect(self.select_unit)
        self.acts = build_actions(
            self,
            next_divergence=self.next_divergence,
            previous_divergence=self.previous_divergence,
            next_shared=self.next_shared,
            previous_shared=self.previous_shared,
            set_sync=self.set_sync_enabled,
            export_html=lambda: self._export_interactive("html"),
            export_md=lambda: self._export_interactive("md"),
        )
        # The view carries its own toolbar, so it is usable wherever it is embedded.
        self.acts.fill_toolbar(self.toolbar)
        # The summary folds into the rail: by itself when the view is narrow,
        # or as the user chose (the window remembers the choice).
        self.summary_fold = PanelFold(
            self.summary,
            self.rail,
            "summary",
            "Summary",
            "F7",
            self._keep_position,
            self._summary_fits,
            self,
        )
        self.summary_fold.mode_changed.connect(self.summary_mode_changed)
        self.act_summary = self.summary_fold.action
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_summary)
        self.lenses = LensNavigation(self)  # voices, timeline, numbers, names: beside the summary
        texts = [self.panes[side].text_edit for side in SIDES]
        right = (self.summary, self.lenses.panel, self.rail)
        chain_tabs(
            [*tab_reachable(self.toolbar), *texts, *(w for p in right for w in tab_stops(p))]
        )
        self._update_actions()
        self._apply_palette()

    # -- actions ------------------------------------------------------------------

    def actions(self) -> list[QAction]:
        """Navigation, scroll-sync and export actions, for menus and toolbars."""
        return self.acts.all()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.summary_fold.fit()

    def _summary_fits(self) -> bool:
        """Whether the two texts keep `TEXTS_SHARE` of the window with the summary open."""
        texts = self.width() - SUMMARY_ROOM - TEXTS_OVERHEAD
        return texts >= TEXTS_SHARE * self.window().width()

    # -- reading position across reflows ---------------------------------------------

    def _keep_position(self) -> None:
        self.position.keep()

    def _select_again(self, index: int) -> None:
        pair = self._layout.pairs[index] if self._layout else None
        if pair is not None:
            self._set_current(index)
            self._selected = (list(pair.a), list(pair.b))

    def set_active(self, active: bool) -> None:
        """Enable or disable navigation and export while the view is off screen.

        The main window lists these actions in its Compare menu; on the library
        page they would move or export a comparison the user cannot see.
        """
        self._active = active
        self._update_actions()

    def _update_actions(self) -> None:
        nav = self._navigator if self._active else None
        acts = self.acts
        for action, relation in (
            (acts.next_divergence, "divergent"),
            (acts.previous_divergence, "divergent"),
            (acts.next_shared, "same"),
            (acts.previous_shared, "same"),
        ):
            action.setEnabled(nav is not None and nav.count(relation) > 0)
        for action in (acts.export_html, acts.export_md):
            action.setEnabled(self._active and self._comparison is not None)

    # -- opening and painting -------------------------------------------------------

    def open_articles(self, article_a: Article, article_b: Article) -> None:
        """Show both texts now and compare them in the background; newer calls win.

        Args:
            article_a: left article.
            article_b: right article.
        """
        self._pending = (article_a, article_b)
        # The older request's result is dropped now, not at the submission a turn
        # later: arriving in that turn, it would be painted as this pair's.
        self.runner.cancel()
        if len(article_a.body) + len(article_b.body) > LONG_TEXTS:
            # Setting a long text lays it out (60-90 ms for 10,000 words): one
            # pane per event-loop turn, so that the window can repaint between.
            self._turns.run(self._show_steps(article_a, article_b, None, None))
        else:
            self._show(article_a, article_b, None, None)
        self._set_busy(True)
        self.status_message.emit("Comparing…")
        self._submit_timer.start()  # a newer call within the turn restarts it: it wins

    def _submit_pending(self) -> None:
        if self._pending is not None:  # None: a finished comparison was shown meanwhile
            self.runner.submit(*self._pending)

    def show_comparison(
        self,
        article_a: Article,
        article_b: Article,
        comparison: Comparison,
        layout: ComparisonLayout | None = None,
        reviewed: ReviewedComparison | None = None,
    ) -> None:
        """Paint a finished comparison; supersedes any comparison still running.

        Args:
            article_a: left article (unit offsets point into its body).
            article_b: right article.
            comparison: the engine's comparison.
            layout: the layout if already built (the worker builds it off-thread).
            reviewed: the reviews over `comparison` if already read (ditto).
        """
        if self._pending is not None and self._pending != (article_a, article_b):
            self.runner.cancel()
        self._pending = None
        self._set_busy(False)
        layout = layout or ComparisonLayout.build(comparison)
        self.preloaded_reviews = reviewed
        steps = self._show_steps(article_a, article_b, comparison, layout)
        steps.append(lambda: self._announce(comparison, layout))
        if self._geometry_later:
            # A background result: a step per event-loop turn (each a few tens
            # of ms with long texts), so that the window repaints and takes
            # input between them; `comparison_ready` comes with the last.
            self._turns.run(steps)
        else:
            self._turns.run([])
            for step in steps:
                step()

    def _announce(self, comparison: Comparison, layout: ComparisonLayout) -> None:
        s = layout.summary
        self.status_message.emit(
            f"{s.get('shared', 0)} shared, {s.get('divergent', 0)} divergent, "
            + (f"{s['related']} related, " if s.get("related") else "")
            + f"{s.get('only_a', 0)} only in A, {s.get('only_b', 0)} only in B"
        )
        self.comparison_ready.emit(comparison)

    def _show(
        self, a: Article, b: Article, comparison: Comparison | None, layout: ComparisonLayout | None
    ) -> None:
        """Show the texts with `layout`'s highlights (None: plain, while comparing)."""
        self._turns.run([])  # what was left of painting an earlier result is moot
        for step in self._show_steps(a, b, comparison, layout):
            step()

    def _show_steps(
        self, a: Article, b: Article, comparison: Comparison | None, layout: ComparisonLayout | None
    ) -> list[Callable[[], object]]:
        """`_show`'s work in steps of at most one text's (re)painting each."""
        later = self._geometry_later
        fresh: list[str] = []

        def text(side: str, article: Article) -> None:
            if side == SIDES[0]:
                self.position.before_texts((a, b))
                self._measure.cancel()  # what it measured is for the texts shown before
                # Until `state`, a turn may come between: nothing may walk, mark
                # or export the comparison shown before over the new texts.
                self._comparison = self._layout = self._navigator = None
                self._current, self._selected = None, ([], [])
                self._update_actions()
            if self.panes[side].article is not article:
                self.panes[side].set_article(article)
                fresh.append(side)

        def state() -> None:
            self._comparison, self._layout = comparison, layout
            self.user_relations = {}  # the reviews are laid over it afresh
            self._navigator = Navigator(layout) if layout is not None else None
            self._current, self._selected = None, ([], [])

        def rest() -> None:
            self.repaint_reviews(True)
            self.summary.set_layout(layout)

        def panels() -> None:
            self.lenses.set_comparison(comparison, layout)
            self.banner.setVisible(layout is not None and low_overlap(layout.summary))
            self.language_notice.show_for(comparison)
            self._update_actions()
            if layout is None:
                self.position.scroll_back()  # still comparing: the pair is selected once it is in
            elif later:
                # Bands, overview marks and the scroll position ask the laid-out
                # texts where each unit is: next turn of the event loop, so that the
                # window can repaint and take input between the two.
                self._geometry_timer.start()
            else:
                self._refresh_geometry()

        set_texts = [
            lambda s=side, x=art: text(s, x) for side, art in zip(SIDES, (a, b), strict=True)
        ]
        size = PAINT_SLICE if later else None  # a background result: a stretch per turn
        paint = [lambda side=side: self._paint_side(side, fresh, size) for side in SIDES]
        return [*set_texts, state, *paint, rest, panels]

    def _on_result(self, comparison: object, layout: object, reviewed: object) -> None:
        if self._pending is None:
            return  # show_comparison() painted something newer meanwhile
        article_a, article_b = self._pending
        assert isinstance(comparison, Comparison)
        assert isinstance(layout, ComparisonLayout)
        assert reviewed is None or isinstance(reviewed, ReviewedComparison)
        self._geometry_later = True  # a background result: the GUI thread paints first
        try:
            self.show_comparison(article_a, article_b, comparison, layout, reviewed)
        finally:
            self._geometry_later = False

    def _on_failure(self, message: str) -> None:
        self._pending = None
        self._set_busy(False)
        self.status_message.emit(f"Comparison failed: {message}")
        self.comparison_failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _paint(self, fresh: Collection[str] = ()) -> None:
        """Highlight both texts; `fresh`: sides whose text was just set (nothing to clear)."""
        for side in self.panes:
            self._paint_side(side, fresh)

    def _paint_side(
        self, side: str, fresh: Collection[str] = (), slice_chars: int | None = None
    ) -> list[Callable[[], None]]:
        """Highlight `side`; with `slice_chars`, returns the stretches left to paint."""
        pane, left, palette = self.panes[side], [], self._qt_palette
        if self._layout is not None or side not in fresh:
            relations = self.user_relations
            left = paint_document(
                pane.text_edit, self._layout, side, palette, relations, slice_chars=slice_chars
            )
        mark_current(pane.text_edit, self._layout, side, self._qt_palette, self._current)
        return left

    def set_user_relations(self, relations: dict[int, str]) -> None:
        """Repaint the texts when the relations the user's reviews give change."""
        if relations != self.user_relations:
            self.user_relations = relations
            self._paint()

    def _apply_palette(self) -> None:
        self._qt_palette = QtPalette.for_widget(self)
        self.legend.set_palette(self._qt_palette)
        self._paint()
        self.repaint_reviews(False)
        self._refresh_geometry()

    def changeEvent(self, event: QEvent) -> None:
        """Repaint highlights when the app switches between light and dark."""
        super().changeEvent(event)
        changed = event.type() == QEvent.Type.PaletteChange
        if changed and QtPalette.for_widget(self).dark != self._qt_palette.dark:
            self._apply_palette()
