"""The window's importing: files chosen, folders, drops; the report; warm vectors after.

The import machinery (`ImportController`, the file dialogs and
`VectorWarmup`) is made on first use: the first Import… action, the first drag
over the window, or a test reading `window.importer`.  The first paint shows
none of it (Esc cancels only a running import), so start-up neither imports
nor builds it.  Only the status-bar strip is made with the window
(`add_import_progress`): hidden, it still sets the status bar's height.

A mixin of `MainWindow`, kept apart so the window's module holds building,
pages and notes and stays short.  The attributes below are the window's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from library.changes import Changes
from library.collection import Collection

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QStatusBar

    from desktop.importing.controller import ImportController
    from desktop.importing.progress import ImportProgress
    from desktop.importing.warmup import VectorWarmup
    from desktop.importing.worker import ImportJob
    from desktop.tasks import TaskManager
    from library.importer import ImportReport

BUSY_TEXT = "An import is already running; wait for it or cancel it."


class WindowImporting:
    """Importing into the library (mixed into `MainWindow`)."""

    collection: Collection
    tasks: TaskManager
    import_finished: Any  # the window's Signal(object)
    statusBar: Callable[[], QStatusBar]  # QMainWindow's (an annotation: not to hide it)
    _importer: ImportController | None = None
    _import_progress: ImportProgress | None = None
    _vector_warmup: VectorWarmup | None = None

    def show_status(self, text: str) -> None:
        raise NotImplementedError  # the window's: a message in the status bar

    def _update_actions(self) -> None:
        raise NotImplementedError  # the window's: enable the actions that apply now

    def apply_changes(self, changes: Changes, origin: object | None = None) -> None:
        raise NotImplementedError  # the window's: hand changes to every view

    @property
    def importer(self) -> ImportController:
        """The import workflow (made, with its status-bar strip, on first use)."""
        if self._importer is None:
            self._importer = self._make_importer()
        return self._importer

    @property
    def progress(self) -> ImportProgress:
        """The status-bar strip shown while an import runs."""
        if self._import_progress is None:
            self.add_import_progress()
        assert self._import_progress is not None
        return self._import_progress

    def add_import_progress(self) -> None:
        """Put the (hidden) import strip in the status bar: the window does it when built.

        Qt sizes a status bar to its permanent widgets, hidden ones too: made
        later, the strip would change the status bar's height (and the window's
        look) at the first import.
        """
        from desktop.importing.progress import ImportProgress

        progress = ImportProgress()
        progress.hide()
        self.statusBar().addPermanentWidget(progress)
        self._import_progress = progress

    def _make_importer(self) -> ImportController:
        from desktop.importing.controller import ImportController

        importer = ImportController(self, self.collection, self.tasks, self.progress)  # type: ignore[arg-type]
        importer.started.connect(self._update_actions)
        importer.finished.connect(self._import_done)
        importer.failed.connect(self._import_failed)
        importer.busy.connect(lambda: self.show_status(BUSY_TEXT))
        return importer

    @property
    def vector_warmup(self) -> VectorWarmup:
        """Encodes imported articles' sentences in the background (made with the first report)."""
        if self._vector_warmup is None:
            from desktop.importing.warmup import VectorWarmup

            self._vector_warmup = VectorWarmup(self.collection, self.tasks, self)  # type: ignore[arg-type]
        return self._vector_warmup

    @property
    def import_running(self) -> bool:
        """Whether an import runs now (False, and nothing made, before the first)."""
        return self._importer is not None and self._importer.running

    def start_import(self, paths: list[Path]) -> ImportJob | None:
        """Import files/folders in the background; the report opens at the end."""
        job = self.importer.start(paths)
        if job is None:
            self.show_status(BUSY_TEXT)
        return job

    def cancel_import(self) -> None:
        """Stop a running import after its current file (on closing the window)."""
        if self._importer is not None:
            self._importer.cancel()

    def _import_done(self, report: ImportReport) -> None:
        # New articles may be other coverage of the selected one, and notes
        # waiting for an imported article are back: every view hears of it.
        self.apply_changes(report.changes)
        self.show_status(f"Import finished: {report.summary()}.")
        self.import_finished.emit(report)
        self.vector_warmup.add(report.changes.article_ids)  # comparisons start warm

    def _import_failed(self, _message: str) -> None:
        # Files before the failure stay imported (how many is not known): show them.
        self.apply_changes(Changes(articles=True, notes=True))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importer.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importer.drop(event)
