"""`ImportJob`: one import of files and folders, run on the task thread.

The job runs in the task manager's "db" lane on a `Collection.reopen()` of
the window's collection (its own SQLite connection, opened and closed inside
the worker thread), so the GUI thread's connection is never used from two
threads at once.  The window hands the report's `changes` to every view.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.tasks import TaskManager
from library.collection import Collection
from library.errors import ParallaxError

if TYPE_CHECKING:
    from library.importer import ImportReport


class ImportJob(QObject):
    """Imports `paths` into the library in `data_dir`, in the background.

    Args:
        collection: the window's collection (the job opens a copy of its own).
        paths: files and folders, as the user chose or dropped them.
        parent: owning QObject.

    Signals:
        progress(int, int, str): files done, files in total, file being read.
        finished(object): the `ImportReport` (also when cancelled).
        failed(str): the import could not run or stopped on a database error;
            the message is fit to show.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, collection: Collection, paths: Sequence[Path], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.collection = collection
        self.paths = [Path(p) for p in paths]
        self._cancel = threading.Event()
        self._report: Callable[[int, int, str], None] = lambda _done, _total, _name: None

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def start(self, tasks: TaskManager) -> None:
        """Queue the job on `tasks` (its "db" lane: imports write)."""
        self._report = tasks.reporter(self.progress.emit)
        tasks.run(self._run, on_done=self.finished.emit, on_error=self._on_error)

    def cancel(self) -> None:
        """Stop before the next file; files already imported stay imported."""
        self._cancel.set()

    # Runs on the worker thread: no widget access here, only signals via run_on_main.
    def _run(self) -> ImportReport:
        report = self._report

        def on_progress(done: int, total: int, path: Path) -> None:
            report(done, total, path.name if path != Path() else "")

        with self.collection.reopen() as collection:
            return collection.import_paths(
                self.paths, on_progress=on_progress, should_cancel=self._cancel.is_set
            )

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, ParallaxError):
            self.failed.emit(str(exc))
        else:
            self.failed.emit(f"The import stopped on an unexpected error: {exc!r}")
