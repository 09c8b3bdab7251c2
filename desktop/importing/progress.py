"""`ImportProgress`: the status-bar strip shown while an import runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from desktop.text import plain_label, plain_tooltip

LABEL_WIDTH = 280  # pixels for "Importing <file name>"


class ImportProgress(QWidget):
    """A label, a progress bar and a Cancel button.

    Args:
        parent: owning widget (the status bar).

    Signals:
        cancel_requested(): the user pressed Cancel.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.label = plain_label(QLabel("Importing…"))
        self.label.setMaximumWidth(LABEL_WIDTH)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Import progress")
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(True)
        self.bar.setRange(0, 0)  # busy until the first file count arrives
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setAccessibleName("Cancel import")
        self.cancel_button.setToolTip("Stop after the current file (Esc)")
        self.cancel_button.clicked.connect(self.request_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

    def begin(self) -> None:
        """Reset and show the strip for a new import."""
        self.bar.setRange(0, 0)
        self.label.setText("Importing…")
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, name: str) -> None:
        """Show `done` of `total`, with the file being read."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")
        text = f"Importing {name}" if name else "Finishing…"
        # Elided: a long file name must not widen the status bar (and the window).
        # The room is the label's less its padding (the style sheet's, as margins):
        # elided to LABEL_WIDTH, the text's last letter was cut off.
        margins = self.label.contentsMargins()
        room = LABEL_WIDTH - margins.left() - margins.right()
        metrics = self.label.fontMetrics()
        self.label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room))
        self.label.setToolTip(plain_tooltip(text))

    def request_cancel(self) -> None:
        """What Cancel (and Esc) does: say so, and ask the import to stop."""
        if not self.cancel_button.isEnabled():
            return  # already asked
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling…")
        self.cancel_requested.emit()
