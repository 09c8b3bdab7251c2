"""`CoveragePanel`: other articles in the library on the selected article's event.

The ranking (`Collection.related`) runs in the window's `TaskManager`
"compute" lane, never on the GUI thread, on a read-only copy of the collection
opened and closed in the job (a connection belongs to the thread that opened
it).  Selections are debounced and the latest one wins: a job started for an
article that is no longer selected does nothing, and a late result is dropped.

Rows under the floor (`library.coverage_floor`: probably about something
else) are not listed as coverage; a toggle shows them below a labelled
separator, so nothing is hidden without a way to see it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskManager
from desktop.text import clip, plain_label, plain_tooltip
from library.changes import Changes
from library.collection import Collection

if TYPE_CHECKING:
    # The ranking's module loads in the worker job (`Collection.related`), not at start-up.
    from library.coverage import Related

#: Wait this long after the selection settles (arrowing down the table starts one job).
DELAY_MS = 250
LIMIT = 8
ID_ROLE = Qt.ItemDataRole.UserRole
#: The separator row above the weaker matches.
WEAKER_LABEL = "Probably about something else"
RANKED = "Ranked by shared names, dates, numbers and rare words."
NONE = "No other coverage of this event in your library."


def find_related(collection: Collection, article_id: int, limit: int = LIMIT) -> list[Related]:
    """The ranking for `article_id`, on a connection of the calling (worker) thread."""
    with collection.reopen(read_only=True) as mine:
        return mine.related(article_id, limit=limit)


class CoveragePanel(QWidget):
    """A short list of likely other reports of the selected article's event.

    Args:
        collection: the open collection (jobs read a copy of their own).
        tasks: the window's background runner.
        parent: owning widget.

    Signals:
        compare_requested(int, int): compare article A (the selected one) with B.
        finished(): a list (or a message) was shown for the latest selection.
    """

    compare_requested = Signal(int, int)
    finished = Signal()

    def __init__(self, collection: Collection, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coveragePanel")
        self.setAccessibleName("Other coverage")
        self._collection = collection
        self._tasks = tasks
        self._article_id: int | None = None
        self._generation = 0
        #: Held (`hold`): the ranking waits; True once one was due meanwhile.
        self._held = False
        self._due = False
        #: The latest ranking, split by the floor (the toggle re-lists them).
        self._likely: list[Related] = []
        self._weaker: list[Related] = []

        heading = QLabel("Other coverage of this event")
        heading.setObjectName("coverageHeading")
        heading.setStyleSheet("font-weight: 600;")
        self.status = plain_label(QLabel())
        self.status.setObjectName("coverageStatus")
        self.status.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("coverageList")
        self.list.setAccessibleName("Other coverage of this event")
        self.list.setHeaderLabels(["Title", "Outlet", "Score"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setToolTip("Double-click (or Compare) to compare it with the selected article")
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.compare_button = QPushButton("Compare")
        self.compare_button.setObjectName("coverageCompare")
        self.compare_button.setEnabled(False)
        self.weaker_button = QToolButton()
        self.weaker_button.setObjectName("coverageWeaker")
        self.weaker_button.setCheckable(True)
        self.weaker_button.setAutoRaise(True)
        self.weaker_button.setVisible(False)
        self.weaker_button.setToolTip(
            "Articles that share a few words with this one, too few to be the same event"
        )

        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.weaker_button, 0, Qt.AlignmentFlag.AlignLeft)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._start)
        self.list.itemDoubleClicked.connect(lambda _item, _col: self.compare_current())
        self.list.currentItemChanged.connect(
            lambda item, _prev: self.compare_button.setEnabled(item is not None)
        )
        self.compare_button.clicked.connect(self.compare_current)
        self.weaker_button.toggled.connect(lambda _on: self._list_rows())
        self.show_for(None)

    @property
    def article_id(self) -> int | None:
        """The article whose coverage is shown (or being found)."""
        return self._article_id

    def show_for(self, article_id: int | None) -> None:
        """Find other coverage of `article_id` (None: one article is not selected)."""
        if article_id == self._article_id and article_id is not None:
            return
        self._generation += 1
        self._article_id = article_id
        self._likely, self._weaker = [], []
        self.list.clear()
        self._set_weaker_button()
        if article_id is None:
            self._timer.stop()
            self.status.setText("Select one article to see other coverage of its event.")
            return
        self.status.setText("Looking for other coverage…")
        self._timer.start()

    def on_changes(self, changes: Changes) -> None:
        """Rank again when articles came or went (the window calls it)."""
        if changes.articles:
            self.refresh()

    def refresh(self) -> None:
        """Rank again (the library changed)."""
        article_id, self._article_id = self._article_id, None
        self.show_for(article_id)

    def hold(self) -> None:
        """Start no ranking until `release()` (the window: while a comparison opens).

        The ranking is Python on a worker thread: beside the comparison page's
        making and first paint it took the GIL from the GUI thread for 100-290 ms.
        A ranking already running ends as usual.
        """
        self._held = True

    def release(self) -> None:
        """Start the ranking held back, if one was due (after the usual delay)."""
        self._held = False
        if self._due:
            self._due = False
            self._timer.start()

    def compare_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and self._article_id is not None:
            self.compare_requested.emit(self._article_id, int(item.data(0, ID_ROLE)))

    def _start(self) -> None:
        article_id, generation = self._article_id, self._generation
        if article_id is None:
            return
        if self._held:
            self._due = True  # the latest selection's, when released
            return
        collection = self._collection

        def job() -> list[Related] | None:
            if generation != self._generation:
                return None  # another article was selected while this one waited
            return find_related(collection, article_id)

        def done(related: list[Related] | None) -> None:
            if generation == self._generation and related is not None:
                self._fill(related)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.status.setText(f"Other coverage cannot be shown: {exc}")
                self.finished.emit()

        self._tasks.run(job, done, failed, lane="compute", key=("coverage", id(self)))

    def _fill(self, related: list[Related]) -> None:
        from library.coverage_floor import split

        self._likely, self._weaker = split(related)
        self._set_weaker_button()
        self._list_rows()
        self.status.setText(RANKED if self._likely else NONE)
        self.finished.emit()

    def _set_weaker_button(self) -> None:
        """The toggle: unchecked for a new ranking, shown only when there are weaker matches."""
        button = self.weaker_button
        button.blockSignals(True)
        button.setChecked(False)
        button.blockSignals(False)
        button.setText(f"Show weaker matches ({len(self._weaker)})")
        button.setVisible(bool(self._weaker))

    def _list_rows(self) -> None:
        """The likely coverage, and below a separator the weaker matches when toggled on."""
        self.list.clear()
        likely = [self._item(r) for r in self._likely]
        self.list.addTopLevelItems(likely)
        showing = self.weaker_button.isChecked()
        self.weaker_button.setText(
            f"{'Hide' if showing else 'Show'} weaker matches ({len(self._weaker)})"
        )
        if showing and self._weaker:
            separator = QTreeWidgetItem([WEAKER_LABEL])
            separator.setFlags(Qt.ItemFlag.NoItemFlags)  # a label, not a row to compare
            separator.setToolTip(0, "Too few shared names and rare words to be the same event")
            self.list.addTopLevelItem(separator)
            separator.setFirstColumnSpanned(True)
            for r in self._weaker:
                self.list.addTopLevelItem(self._item(r, weak=True))
        if likely:
            # The likeliest is current: Compare is one click.
            self.list.setCurrentItem(likely[0])

    def _item(self, r: Related, *, weak: bool = False) -> QTreeWidgetItem:
        a = r.article
        item = QTreeWidgetItem([clip(a.title, 120), clip(a.outlet or "—", 40), f"{r.score:.2f}"])
        item.setData(0, ID_ROLE, int(a.id or 0))
        shared = ", ".join([*r.names[:6], *r.dates[:3], *r.numbers[:3]])
        tip = a.title + (f"\nBoth mention: {shared}" if shared else "")
        if weak:
            tip += "\nProbably about something else"
        item.setToolTip(0, plain_tooltip(tip))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item
