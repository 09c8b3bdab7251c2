"""`TaskManager`: the one place the window runs work off the GUI thread.

As in Anki's `taskman`, every background job goes through a single object
so that (a) there is never more than one job touching the library database
at a time, and (b) results always come back on the GUI thread, where widgets
may be touched.  Jobs run on a one-thread `ThreadPoolExecutor`; completions
are marshalled back with a queued Qt signal.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)


class TaskManager(QObject):
    """Serial background jobs with GUI-thread callbacks.

    Args:
        parent: the owning QObject (the main window).

    Signals:
        _closure_ready(object): internal; carries a callable to run on the GUI thread.
        busy_changed(bool): True when a job starts, False when the queue empties.
    """

    _closure_ready = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One worker: SQLite writers must not race each other, and imports are
        # I/O-bound anyway.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parallax-task")
        self._pending = 0
        self._closed = False
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
    ) -> Future[T] | None:
        """Run `job()` in the background; then `on_done(result)` or `on_error(exc)` in the GUI.

        Args:
            job: runs on the worker thread; must not touch widgets.
            on_done: called on the GUI thread with the job's return value.
            on_error: called on the GUI thread with the exception; without it,
                the error is logged.

        Returns:
            The future, or None if the manager was already shut down.
        """
        if self._closed:
            return None
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._executor.submit(job)
        future.add_done_callback(
            lambda f: self._closure_ready.emit(lambda: self._finish(f, on_done, on_error))
        )
        return future

    def run_on_main(self, closure: Callable[[], Any]) -> None:
        """Call `closure()` on the GUI thread soon (safe from any thread)."""
        if not self._closed:
            self._closure_ready.emit(closure)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting jobs and wait for the running one (called on window close)."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)

    def _finish(
        self,
        future: Future[Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
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
