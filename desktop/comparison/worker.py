"""Run comparisons in the task manager's "compute" lane; only the newest is delivered.

The engine cannot be interrupted half-way, so "cancelling" an older request
means: drop it from the queue if it has not started, and ignore its result if it
has (the task manager's latest-request-wins, by key).  The layout (diff
walking) is built in the worker too, and so are the reviews laid over the
comparison (`read_reviews`, reading notes.db on a connection of the job's own),
so the GUI thread only paints.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.comparison.preload import ReviewsReader
from desktop.tasks import TaskManager
from library.article import Article
from library.compare.model import Comparison
from library.export.layout import ComparisonLayout
from library.reviews import ReviewedComparison

CompareFunction = Callable[[Article, Article], Comparison]

_froze = False  # `freeze_long_lived` ran in this process
#: How long a thread holding the GIL keeps it while another waits (Python's default: 5 ms).
SWITCH_INTERVAL = 0.001


def freeze_long_lived() -> None:
    """Put the objects alive now out of the garbage collector's reach, once per process;
    shorten the GIL's switch interval.

    The engine allocates heavily in the worker, and each full collection it
    triggers walks every tracked object of the process with the GIL held: 50 ms
    for a window's ~150,000 objects on a quiet machine, 150 ms on a loaded one,
    during which the GUI thread cannot run the Python it paints with.  The
    objects alive when the first comparison starts are the window's own, kept
    for its life: frozen (`gc.freeze`), full collections skip them.
    """
    global _froze
    if not _froze:
        _froze = True
        gc.freeze()
        # While the engine runs, every Python override the GUI thread paints
        # through (a pane's paintEvent, the gutter's, the legend's swatches)
        # waits for the GIL: up to the switch interval each.  1 ms rather than
        # 5 costs nothing when only one thread runs Python.
        sys.setswitchinterval(SWITCH_INTERVAL)


log = logging.getLogger(__name__)
_engine_lock = threading.Lock()
_engine_loaded = False


def load_engine() -> None:
    """Load the comparison engine once per process; a second caller waits for the first.

    The window's idle warm-up and the first comparison's job both call it (on
    the compute lane's two threads).  Each used to load the engine on its own
    when a pair was asked for during the warm-up: the two threads imported and
    built the same things side by side (the Chinese folding table twice), and
    shared the GIL with the GUI thread for all of it.  Now the comparison waits
    on `_engine_lock` for the warm-up (its thread sleeps, giving up the GIL) and
    starts warm.  A warm-up that fails is only logged: the comparison's own call
    then meets the error and reports it as any comparison does.
    """
    global _engine_loaded
    with _engine_lock:
        if _engine_loaded:
            return
        try:
            from library.compare import compare_texts

            # Two sentences: besides the imports, the sentence splitter and the
            # engine's first-use tables are made here.
            compare_texts("The river rose by two metres on Monday.", "On Monday the river rose.")
        except Exception:
            log.exception("loading the comparison engine ahead of use failed")
        finally:
            _engine_loaded = True


def _default_compare(article_a: Article, article_b: Article) -> Comparison:
    # Imported lazily: the engine pulls in pysbd and friends, which the view
    # does not need until the first comparison runs.
    from library.compare import compare_articles

    return compare_articles(article_a, article_b)


class ComparisonRunner(QObject):
    """Compare two articles in the background; deliver only the latest request.

    Args:
        parent: owning object.
        compare: the comparison function (the window passes `Collection.compare`;
            tests inject slow or failing ones).
        tasks: the window's task manager; None makes one of its own (a view
            used alone, in tests).

    Signals:
        finished(object, object, object): `(comparison, layout, reviewed)` of the
            latest request; `reviewed` is None without `read_reviews` or when
            the reviews could not be read (the view then reads them itself).
        failed(str): the latest request raised; the message names the error.
    """

    finished = Signal(object, object, object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        compare: CompareFunction | None = None,
        tasks: TaskManager | None = None,
    ) -> None:
        super().__init__(parent)
        self.compare: CompareFunction = compare or _default_compare
        self.tasks = tasks or TaskManager(self)
        # One key per runner: two views never supersede each other.
        self._key = ("comparison", id(self))
        #: Reads the reviews of each finished comparison in its job (the window sets it).
        self.read_reviews: ReviewsReader | None = None
        #: Called in each job before comparing (the window: `load_engine`, which
        #: waits for a warm-up under way instead of loading the engine alongside it).
        self.before_compare: Callable[[], None] | None = None

    @property
    def superseded(self) -> int:
        """Results dropped because a newer request came (tests read it)."""
        return self.tasks.superseded

    def submit(self, article_a: Article, article_b: Article) -> None:
        """Start comparing; any older request is superseded."""
        freeze_long_lived()
        compare, read_reviews, before = self.compare, self.read_reviews, self.before_compare

        def job() -> tuple[Comparison, ComparisonLayout, ReviewedComparison | None]:
            if before is not None:
                before()
            comparison = compare(article_a, article_b)
            layout = ComparisonLayout.build(comparison)
            reviewed = read_reviews(article_a, article_b, comparison) if read_reviews else None
            return comparison, layout, reviewed

        self.tasks.run(
            job,
            lambda result: self.finished.emit(*result),
            # Any engine failure must reach the user, not vanish in a log.
            lambda exc: self.failed.emit(f"{type(exc).__name__}: {exc}"),
            lane="compute",
            key=self._key,
        )

    def cancel(self) -> None:
        """Supersede the pending request without starting a new one."""
        self.tasks.supersede(self._key)

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (for shutdown and tests); True if they did."""
        return self.tasks.wait(None if msecs < 0 else msecs / 1000)
