"""`ImportReportDialog`: what an import did, file by file, and why files were refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.text import plain_label, plain_tooltip
from library.importer import FileResult, ImportReport
from library.paths import display_path

_STATUS_TEXT = {
    "added": "Added",
    "new_version": "New version",
    "unchanged": "Unchanged",
    "refused": "Refused",
    "skipped": "Skipped",
}
# Refusals first: they are what the user needs to act on.
_ORDER = {"refused": 0, "added": 1, "new_version": 2, "unchanged": 3, "skipped": 4}


def detail(result: FileResult) -> str:
    """The third column: the article stored, or the reason for a refusal."""
    if result.article is not None:
        text = f"#{result.article.id} {result.article.title}"
        if result.status == "new_version":
            text += f" (version {result.article.version})"
        return text
    return result.reason


class ImportReportDialog(QDialog):
    """The per-file report shown at the end of an import.

    Args:
        report: the finished import.
        parent: owning widget.
    """

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Import Report")
        self.setAccessibleName("Import report")
        self.resize(720, 380)

        self.summary = plain_label(QLabel(self._headline()))
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Imported files")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(["Result", "File", "Details"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(1, 240)
        style = self.style()
        warn = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        ok = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        # Rows without a sign get a blank one, so every result's text lines up.
        side = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        blank_pixmap = QPixmap(side, side)
        blank_pixmap.fill(Qt.GlobalColor.transparent)
        blank = QIcon(blank_pixmap)
        for result in sorted(report.results, key=lambda r: _ORDER.get(r.status, 9)):
            item = QTreeWidgetItem(
                [
                    _STATUS_TEXT.get(result.status, result.status),
                    display_path(result.path.name),
                    detail(result),
                ]
            )
            item.setToolTip(1, plain_tooltip(display_path(result.path)))
            item.setToolTip(2, plain_tooltip(detail(result)))
            if result.failed:
                item.setIcon(0, warn)
            elif result.status in ("added", "new_version"):
                item.setIcon(0, ok)
            else:
                item.setIcon(0, blank)
            self.tree.addTopLevelItem(item)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy Report", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """(result, file name, details) for every row, as displayed."""
        return [
            (item.text(0), item.text(1), item.text(2))
            for item in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            if item is not None
        ]

    def as_text(self) -> str:
        """The report as plain text (for the clipboard or a bug report)."""
        lines = [self.report.summary()]
        lines += [r.describe() for r in self.report.results]
        return "\n".join(lines)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def _headline(self) -> str:
        report = self.report
        refused = report.count("refused")
        head = "Import cancelled. " if report.cancelled else ""
        head += report.summary().removesuffix(" (cancelled)") + "."
        if refused:
            head += (
                f"\n{refused} file{'s were' if refused > 1 else ' was'} refused; "
                "the reasons are listed below."
            )
        return head


def show_report(report: ImportReport, parent: QWidget | None) -> ImportReportDialog:
    """Open the report window-modally without blocking (so tests and imports go on)."""
    dialog = ImportReportDialog(report, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
