"""`VectorWarmup`: sentence vectors of newly imported articles, made in the background.

A comparison encodes the sentences of both articles the first time they are
compared (about 400 ms for 1,000 words, against 44 ms once cached).  After an
import the window hands the new article ids here; they are encoded a few
articles at a time in the task manager's "compute" lane, one small job after
another, so that a comparison the user asks for meanwhile waits for one batch
at most (and has the lane's other thread anyway).  The CLI import never loads
the model: this runs only in the window.

Best effort: without the model (or with the words-only backend chosen, or a
read-only library) nothing is encoded, and the first comparison does it as
before.  On shutdown the task manager drops the queued batch and the chain
stops.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from desktop.tasks import TaskManager
from library.collection import Collection

log = logging.getLogger(__name__)

#: The task key: one warm-up job in flight at a time (latest wins).
KEY = "embed-imported"
#: Articles per job: a comparison asked for meanwhile waits for one batch at most.
BATCH = 4
#: Longer articles are left to their first comparison.  A 10 MB text file (a
#: data dump, a book) kept one core busy for many minutes after its import,
#: unasked; 200,000 characters (about 30,000 words) encode in seconds.
MAX_CHARS = 200_000


class VectorWarmup(QObject):
    """Encodes the sentences of imported articles into the vector cache, batch by batch.

    Args:
        collection: the window's collection (its `vectors` cache is thread-safe:
            one connection per thread).
        tasks: the window's task manager.
        parent: the owning QObject.

    Signals:
        finished(): the queue is empty (all done, or given up).
    """

    finished = Signal()

    def __init__(
        self, collection: Collection, tasks: TaskManager, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.collection = collection
        self.tasks = tasks
        self._queue: list[int] = []
        self._running = False

    @property
    def pending(self) -> int:
        """Articles still to encode (tests read it)."""
        return len(self._queue)

    def add(self, article_ids: Iterable[int]) -> None:
        """Queue `article_ids` (those already queued are not repeated) and start if idle."""
        if self.collection.backend != "semantic" or self.collection.read_only:
            return
        queued = set(self._queue)
        self._queue.extend(i for i in dict.fromkeys(article_ids) if i not in queued)
        if not self._running:
            self._next()

    def _next(self) -> None:
        if not self._queue or self.collection.backend != "semantic":
            self._queue.clear()
            self._running = False
            self.finished.emit()
            return
        batch, self._queue = self._queue[:BATCH], self._queue[BATCH:]
        self._running = True
        # Created here, on the GUI thread, so that two threads never race to make it.
        vectors = self.collection.vectors
        listing = self.collection.listing  # reads on the job thread's own connection

        def job() -> None:
            vectors.prepare([a for a in listing.bodies(batch) if len(a.body) <= MAX_CHARS])

        self.tasks.run(job, lambda _none: self._next(), self._give_up, lane="compute", key=KEY)

    def _give_up(self, exc: BaseException) -> None:
        # No model (ModelUnavailable), a busy or damaged file: the first
        # comparison will encode, or say what is wrong, as without warm-up.
        log.info("vector warm-up stopped: %s: %s", type(exc).__name__, exc)
        self._queue.clear()
        self._running = False
        self.finished.emit()
