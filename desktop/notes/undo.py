"""Undo for deleting a note: a "Deleted — Undo" banner and Ctrl+Z in the notes panel.

Deleting only moves a note to the trash, but a reader who pressed Delete by
mistake should not have to know where the trash is: the banner names the note
and takes it back in one click, as Ctrl+Z does while the panel has the focus.
Several deletions are undone newest first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.text import clip, plain_label
from library.notes import Note

# Undo reaches back this many deletions.
UNDO_DEPTH = 20


class UndoDelete(QWidget):
    """The banner under the notes list, plus the Ctrl+Z action on `owner`.

    Args:
        owner: the notes panel; Ctrl+Z works while focus is inside it.
        restore: puts a deleted note back (by id).
    """

    def __init__(self, owner: QWidget, restore: Callable[[Note], None]) -> None:
        super().__init__(owner)
        self.setObjectName("undoBanner")
        self.setAccessibleName("Note deleted")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the QSS background
        self._restore = restore
        self._deleted: list[Note] = []
        self.label = plain_label(QLabel())  # names the note: user text
        self.label.setWordWrap(True)
        self.button = QPushButton("Undo")
        self.button.setToolTip("Take the note back out of the trash (Ctrl+Z)")
        self.button.clicked.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.action = QAction("Undo Delete", owner)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(self.undo)
        self.action.setEnabled(False)
        owner.addAction(self.action)
        self.hide()

    def offer(self, note: Note) -> None:
        """`note` was just deleted: say so, with the way back."""
        self._deleted = [*self._deleted, note][-UNDO_DEPTH:]
        self._show_last()

    def undo(self) -> None:
        """Restore the note deleted last (if any)."""
        if not self._deleted:
            return
        note = self._deleted.pop()
        self._restore(note)
        self._show_last()

    def forget(self, note_id: int) -> None:
        """A note left the trash another way (Restore): nothing to undo for it."""
        self._deleted = [n for n in self._deleted if n.id != note_id]
        self._show_last()

    def dismiss(self) -> None:
        """Hide the banner (the view changed); Ctrl+Z still works."""
        self.hide()

    def _show_last(self) -> None:
        self.action.setEnabled(bool(self._deleted))
        if not self._deleted:
            self.hide()
            return
        title = clip(self._deleted[-1].title or "note", 60)
        self.label.setText(f"Deleted “{title}”")
        self.show()
