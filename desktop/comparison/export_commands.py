"""The comparison view's Export as HTML / Markdown commands.

A base class of `ComparisonView` (beside the `ComparisonQueries` mixin), kept
apart so the view's module holds the reading behaviour and stays short.  The
plumbing it calls (format table, file naming, the save dialog, writing) is in
`exporting.py`; tests replace `ask_export_path` and `warn` on `ComparisonView`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.comparison.exporting import ask_save_path, suggested_name, write_report
from desktop.comparison.pane import ReadingPane
from desktop.text import warn
from library import paths
from library.compare.model import Comparison
from library.errors import ParallaxError
from library.export.extras import ExportExtras


class ComparisonExport(QWidget):
    """Exporting the shown comparison (a base of `ComparisonView`, which builds it)."""

    panes: dict[str, ReadingPane]
    data_dir: Path | None
    _comparison: Comparison | None
    export_extras: Callable[[], ExportExtras | None]
    status_message: Any  # the view's Signal(str)

    def export(self, path: Path, fmt: str) -> None:
        """Write the shown comparison to `path` as "html" or "md".

        Args:
            path: the file to write (UTF-8).
            fmt: "html" or "md".

        Raises:
            ValueError: unknown format.
            RuntimeError: no comparison is shown.
            ParallaxError: `path` is one of Parallax's own files, or cannot be written.
        """
        a, b = self.panes["a"].article, self.panes["b"].article
        data_dir = self.data_dir if self.data_dir is not None else paths.data_dir()
        extras = self.export_extras()
        write_report(path, fmt, self._comparison, a, b, data_dir=data_dir, extras=extras)

    @classmethod
    def ask_export_path(cls, parent: QWidget | None, fmt: str) -> Path | None:
        """Ask where to save an export (tests monkeypatch this); None if cancelled.

        Args:
            parent: dialog parent (a `ComparisonView` names the file after its titles).
            fmt: "html" or "md".
        """
        titles: list[str] = []
        if isinstance(parent, ComparisonExport):
            titles = [p.article.title for p in parent.panes.values() if p.article is not None]
        return ask_save_path(parent, fmt, suggested_name(titles, fmt))

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        """Show a warning box, as plain text (tests replace this)."""
        warn(parent, title, text)

    def _export_interactive(self, fmt: str) -> None:
        path = self.ask_export_path(self, fmt)
        if path is None:
            return
        try:
            self.export(path, fmt)
        except (ParallaxError, OSError, RuntimeError) as exc:
            self.warn(self, "Export failed", f"Nothing was written.\n\n{exc}")
            return
        self.status_message.emit(f"Exported comparison to {path}")
