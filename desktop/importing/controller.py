"""`ImportController`: the window's import workflow, from file dialog to report.

Owns the running `ImportJob`, drives the status-bar progress strip and opens
the report at the end; the window only forwards menu actions and drops here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.importing.progress import ImportProgress
from desktop.importing.worker import ImportJob
from desktop.tasks import TaskManager
from desktop.text import warn
from library.collection import Collection

if TYPE_CHECKING:
    from desktop.importing.report import ImportReportDialog
    from library.importer import ImportReport

FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drag's data (remote URLs are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class ImportController(QObject):
    """Runs one import at a time for `window`.

    Args:
        window: the main window (parent of dialogs).
        collection: the window's collection (each job opens its own connection).
        tasks: the window's background task manager.
        progress: the status-bar strip to drive.

    Signals:
        started(): an import began.
        finished(object): the `ImportReport`, after the library was written.
        failed(str): the import could not run; the message was shown.
        busy(): files were dropped while another import was running.
    """

    started = Signal()
    finished = Signal(object)
    failed = Signal(str)
    busy = Signal()

    def __init__(
        self, window: QWidget, collection: Collection, tasks: TaskManager, progress: ImportProgress
    ) -> None:
        super().__init__(window)
        self._window = window
        self._collection = collection
        self._tasks = tasks
        self._progress = progress
        self.job: ImportJob | None = None
        self.report_dialog: ImportReportDialog | None = None
        progress.cancel_requested.connect(self.cancel)
        # Esc anywhere in the window, as the Cancel button's tooltip promises.
        self.cancel_action = QAction("Cancel Import", window)
        self.cancel_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Cancel))
        self.cancel_action.setEnabled(False)  # only while an import runs
        self.cancel_action.triggered.connect(progress.request_cancel)
        window.addAction(self.cancel_action)

    @property
    def running(self) -> bool:
        return self.job is not None

    def drag_enter(self, event: QDragEnterEvent) -> None:
        """Accept a drag that carries local files or folders."""
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        """Import what was dropped (or say an import is already running)."""
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            if self.start(paths) is None:
                self.busy.emit()

    def ask_files(self) -> None:
        """File > Import Files…"""
        names, _ = QFileDialog.getOpenFileNames(
            self._window, "Import Files", str(Path.home()), FILE_FILTER
        )
        if names:
            self.start([Path(n) for n in names])

    def ask_folder(self) -> None:
        """File > Import Folder…"""
        folder = QFileDialog.getExistingDirectory(self._window, "Import Folder", str(Path.home()))
        if folder:
            self.start([Path(folder)])

    def start(self, paths: list[Path]) -> ImportJob | None:
        """Import `paths` in the background; None if another import is running."""
        if self.job is not None:
            return None
        job = ImportJob(self._collection, paths, self)
        job.progress.connect(self._progress.update_progress)
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        self.job = job
        self._progress.begin()
        self.cancel_action.setEnabled(True)
        self.started.emit()
        job.start(self._tasks)
        return job

    def cancel(self) -> None:
        """Stop after the current file (the Cancel button)."""
        if self.job is not None:
            self.job.cancel()

    def _end(self) -> None:
        self._progress.hide()
        self.cancel_action.setEnabled(False)
        if self.job is not None:
            self.job.deleteLater()
        self.job = None

    def _done(self, report: ImportReport) -> None:
        self._end()
        if report.results:
            # The report dialog's module is loaded with the first report, not at start-up.
            from desktop.importing.report import show_report

            self.report_dialog = show_report(report, self._window)
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        warn(self._window, "Import", message)
