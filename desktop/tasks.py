"""`TaskManager`: the one place the window runs work off the GUI thread.

As in Anki's `taskman`, every background job goes through a single object, in
one of two named lanes:

- "db": one thread.  Writes to the library or the notes (imports) never race
  each other, and run in the order they were asked for.
- "compute": two threads, for comparisons and rankings.  They read through
  their own connections; two threads so that a newer comparison need not wait
  for an older one the engine cannot interrupt.
- "read": one thread, for the library table's short queries (a page, a
  count), so typing in the search box never waits behind an import or a
  comparison.

A job may carry a `key`: a newer job with the same key supersedes the older
one (latest request wins).  The older one is dropped if it has not started,
and its result (or error) is ignored if it has.  Results, errors and progress
always come back on the GUI thread through a queued Qt signal.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Literal, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

T = TypeVar("T")
P = ParamSpec("P")
log = logging.getLogger(__name__)

Lane = Literal["db", "compute", "read"]
#: Threads per lane.  "db" must stay 1: SQLite writers must not race.
LANE_THREADS: dict[Lane, int] = {"db": 1, "compute": 2, "read": 1}


class TaskManager(QObject):
    """Background jobs in named lanes, with GUI-thread callbacks.

    Args:
        parent: the owning QObject (the main window).

    Signals:
        _closure_ready(object): internal; carries a callable to run on the GUI thread.
        busy_changed(bool): True when a job is queued while none was, False
            when the last one ends.
    """

    _closure_ready = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes = {
            lane: ThreadPoolExecutor(max_workers=n, thread_name_prefix=f"parallax-{lane}")
            for lane, n in LANE_THREADS.items()
        }
        self._pending = 0
        self._closed = False
        # key -> (ticket of the newest job, its future): older tickets are stale.
        self._latest: dict[Hashable, tuple[int, Future[Any]]] = {}
        self._tickets = 0
        self._running: set[Future[Any]] = set()  # for `wait()`
        #: Results and errors dropped because a newer job had the same key (tests read it).
        self.superseded = 0
        # Always queued, even when emitted from the GUI thread (a future that
        # is already done runs its callback at once, in the caller's thread):
        # callbacks then never run inside `run()`, and arrive in posting order,
        # so a job's progress closures are delivered before its completion.
        self._closure_ready.connect(self._run_closure, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def run(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        lane: Lane = "db",
        key: Hashable | None = None,
    ) -> Future[T] | None:
        """Run `job()` in `lane`; then `on_done(result)` or `on_error(exc)` in the GUI.

        Args:
            job: runs on a worker thread; must not touch widgets.
            on_done: called on the GUI thread with the job's return value.
            on_error: called on the GUI thread with the exception; without it,
                the error is logged.
            lane: "db" (serial; anything that writes) or "compute".
            key: jobs with the same key supersede each other: only the newest
                one's `on_done`/`on_error` is called.

        Returns:
            The future, or None if the manager was already shut down.
        """
        if self._closed:
            return None
        self._tickets += 1
        ticket = self._tickets
        if key is not None:
            older = self._latest.get(key)
            if older is not None:
                older[1].cancel()  # not started: never will; running: result dropped
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._lanes[lane].submit(job)
        self._running.add(future)
        future.add_done_callback(self._running.discard)
        if key is not None:
            self._latest[key] = (ticket, future)
        future.add_done_callback(
            lambda f: self._post(lambda: self._finish(f, ticket, key, on_done, on_error))
        )
        return future

    def supersede(self, key: Hashable) -> None:
        """Drop the result of the job with `key`, if any, without starting another."""
        older = self._latest.pop(key, None)
        if older is not None:
            older[1].cancel()

    def pending(self, key: Hashable) -> bool:
        """Whether the newest job with `key` has yet to deliver (False once superseded)."""
        return key in self._latest

    def reporter(self, callback: Callable[P, None]) -> Callable[P, None]:
        """`callback` made safe to call from a job: each call runs on the GUI thread.

        For progress: `report = tasks.reporter(bar.update)` in the GUI thread,
        then `report(done, total)` inside the job.
        """

        def report(*args: P.args, **kwargs: P.kwargs) -> None:
            self._post(lambda: callback(*args, **kwargs))

        return report

    def run_on_main(self, closure: Callable[[], Any]) -> None:
        """Call `closure()` on the GUI thread soon (safe from any thread)."""
        self._post(closure)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every job submitted so far has ended (tests); True if they did."""
        from concurrent.futures import wait

        futures = list(self._running)
        return not futures or not wait(futures, timeout=timeout).not_done

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting jobs, drop queued ones, wait for running ones (window close)."""
        self._closed = True
        for executor in self._lanes.values():
            executor.shutdown(wait=False, cancel_futures=True)
        if wait:
            for executor in self._lanes.values():
                executor.shutdown(wait=True)

    def _post(self, closure: Callable[[], Any]) -> None:
        if self._closed:
            return
        # RuntimeError: the manager's C++ side is gone (its window closed).
        with contextlib.suppress(RuntimeError):
            self._closure_ready.emit(closure)

    def _finish(
        self,
        future: Future[Any],
        ticket: int,
        key: Hashable | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if key is not None:
            latest = self._latest.get(key)
            if latest is None or latest[0] != ticket:
                self.superseded += 1
                return
            del self._latest[key]
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background job failed:\n%s", "".join(traceback.format_exception(exc)))
            return
        if on_done is not None:
            on_done(future.result())

    @Slot(object)
    def _run_closure(self, closure: Callable[[], Any]) -> None:
        if self._closed:
            # After shutdown the window is going away; late callbacks would
            # touch widgets that are being deleted.
            return
        closure()
