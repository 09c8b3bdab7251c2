"""`RecoveryBanner`: says the notes file was damaged and offers to recover from it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.text import plain_label
from library.collection import Collection
from library.errors import ParallaxError


class RecoveryBanner(QWidget):
    """Shown only when `NotesStore.recovered_from` is set.

    Args:
        collection: the open collection (its notes store is the fresh one).
        parent: the owning widget.

    Signals:
        finished(str, bool): a recovery attempt ended (message, is_error).
        changes_made(Changes): after a recovery, what it changed.
    """

    finished = Signal(str, bool)
    changes_made = Signal(object)

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.setObjectName("notesBanner")
        self.setStyleSheet("#notesBanner { background:#fff3cd; } QLabel { color:#5c4400; }")
        self.setAutoFillBackground(True)
        self.label = plain_label(QLabel())  # names a file
        self.label.setWordWrap(True)
        self.button = QPushButton("Recover Notes")
        self.button.setToolTip("Copy every readable note from the damaged file into this one")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.recover)
        damaged = collection.notes.recovered_from
        if damaged is None:
            self.hide()
            return
        self.label.setText(
            f"Your notes file was damaged. It was moved to {damaged} (kept, not deleted) "
            "and a new notes file was started."
        )

    def text(self) -> str:
        return self.label.text()

    def recover(self) -> None:
        """Import whatever notes can still be read from the damaged file."""
        damaged: Path | None = self.collection.notes.recovered_from
        if damaged is None:
            return
        try:
            op = self.collection.recover_notes(damaged)
        except ParallaxError as exc:
            self.finished.emit(f"Could not read the damaged file: {exc}", True)
            return
        self.button.setEnabled(False)
        self.finished.emit(op.value.summary(), False)
        self.changes_made.emit(op.changes)
