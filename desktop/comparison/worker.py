"""Run comparisons off the GUI thread; only the newest request's result is delivered.

The engine cannot be interrupted half-way, so "cancelling" an older request
means: drop it from the queue if it has not started, and ignore its result if it
has.  The layout (diff walking) is built in the worker too, so the GUI thread
only paints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from library.article import Article
from library.export.layout import ComparisonLayout

CompareFunction = Callable[[Article, Article], Any]


def _default_compare(article_a: Article, article_b: Article) -> Any:
    # Imported lazily: the engine pulls in pysbd and friends, which the view
    # does not need until the first comparison runs.
    from library.compare import compare_articles

    return compare_articles(article_a, article_b)


class _Relay(QObject):
    """Lives in the GUI thread; jobs emit through it so delivery is queued there."""

    finished = Signal(int, object, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(
        self, request: int, a: Article, b: Article, relay: _Relay, compare: CompareFunction
    ) -> None:
        super().__init__()
        self._request, self._a, self._b = request, a, b
        self._relay, self._compare = relay, compare

    def run(self) -> None:
        try:
            comparison = self._compare(self._a, self._b)
            layout = ComparisonLayout.build(comparison)
        except Exception as exc:  # any engine failure must reach the user, not kill the thread
            self._relay.failed.emit(self._request, f"{type(exc).__name__}: {exc}")
        else:
            self._relay.finished.emit(self._request, comparison, layout)


class ComparisonRunner(QObject):
    """Queue comparisons on a private thread pool; deliver only the latest.

    Args:
        parent: owning object; destroying it waits for running jobs.
        compare: the comparison function (tests inject slow or failing ones).

    Signals:
        finished(object, object): `(comparison, layout)` of the latest request.
        failed(str): the latest request raised; the message names the error.
    """

    finished = Signal(object, object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, compare: CompareFunction | None = None):
        super().__init__(parent)
        self.compare: CompareFunction = compare or _default_compare
        # Created before the relay: children die in creation order, so the pool's
        # destructor (which waits for running jobs) runs while the relay still exists.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._latest = 0
        self.superseded = 0  # results dropped because a newer request came (tests read it)

    def submit(self, article_a: Article, article_b: Article) -> int:
        """Start comparing; any older request is superseded. Returns the request id."""
        self._latest += 1
        self._pool.clear()  # older jobs that have not started never will
        self._pool.start(_Job(self._latest, article_a, article_b, self._relay, self.compare))
        return self._latest

    def cancel(self) -> None:
        """Supersede every pending request without starting a new one."""
        self._latest += 1
        self._pool.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (for shutdown and tests); True if they did."""
        return self._pool.waitForDone(msecs)

    def _on_finished(self, request: int, comparison: object, layout: object) -> None:
        if request != self._latest:
            self.superseded += 1
            return
        self.finished.emit(comparison, layout)

    def _on_failed(self, request: int, message: str) -> None:
        if request != self._latest:
            self.superseded += 1
            return
        self.failed.emit(message)
