"""`NoteEditor`: edit one note's Markdown text and tags; saves itself.

There is no Save button.  Typing starts a short timer (debounce) and the note
is written when it fires; leaving the editor (focus out), switching to another
note, hiding or closing the panel all write at once through `flush()`.  A
failed write (database locked by another window, disk full) keeps the text
dirty and is retried on the next trigger, so nothing typed is dropped.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.text import clip, plain_label, plain_tooltip
from library.collection import Collection
from library.errors import ParallaxError
from library.export.writer import write_private
from library.notes import Note
from library.notes.model import normalize_tags
from library.paths import ensure_private_dir

AUTOSAVE_MS = 500


class NoteEditor(QWidget):
    """Edits the note given to `set_note`.

    Args:
        collection: where edits are written (`Collection.update_note`).
        parent: the owning widget.

    Signals:
        saved(Note): a change was written; carries the stored note.
        changes_made(Changes): what the write changed (for the other views).
        save_failed(str): a write failed; the text stays and is retried.
    """

    saved = Signal(object)
    changes_made = Signal(object)
    save_failed = Signal(str)

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self._note: Note | None = None
        self._dirty = False
        self._loading = False

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(self.header.textFormat().RichText)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Write your note (Markdown). It saves as you type.")
        self.text_edit.setAccessibleName("Note text")
        # Tab moves on to the tags (Ctrl+Tab too): a typed tab would trap keyboard
        # users in the editor and silently indent the note.
        self.text_edit.setTabChangesFocus(True)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("Tags, separated by spaces")
        self.tags_edit.setAccessibleName("Note tags")
        self.state = plain_label(QLabel())  # may name a file or echo an error
        self.state.setObjectName("noteSaveState")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.header, self.text_edit, self.tags_edit, self.state):
            layout.addWidget(widget)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.flush)
        self.text_edit.textChanged.connect(self._changed)
        self.tags_edit.textEdited.connect(self._changed)
        # Focus leaving either field saves at once (why: the user may be
        # about to close the window or switch app).
        self.text_edit.installEventFilter(self)
        self.tags_edit.installEventFilter(self)
        self.set_note(None)

    # -- public --------------------------------------------------------------

    def note(self) -> Note | None:
        """The note being edited (as last saved), or None."""
        return self._note

    def is_dirty(self) -> bool:
        """True while typed text has not been written yet."""
        return self._dirty

    def set_note(self, note: Note | None) -> None:
        """Show `note` (None: nothing), after saving any pending edit of the current one."""
        self.flush()
        self._note = note
        self._loading = True
        self.text_edit.setPlainText(note.text if note else "")
        self.tags_edit.setText(" ".join(note.tags) if note else "")
        self._loading = False
        self._dirty = False
        editable = note is not None and not note.in_trash
        self.text_edit.setReadOnly(not editable)
        self.tags_edit.setReadOnly(not editable)
        self.setEnabled(note is not None)
        self.header.setText(_header_html(note))
        self.header.setToolTip(plain_tooltip(_full_quote(note)))
        self.state.setText("In the trash: restore it to edit." if note and note.in_trash else "")

    def flush(self) -> bool:
        """Write pending edits now.

        Returns:
            True when nothing is left unsaved.
        """
        self.timer.stop()
        if not self._dirty or self._note is None:
            return True
        try:
            op = self.collection.update_note(
                self._note.id,
                text=self.text_edit.toPlainText(),
                tags=normalize_tags(self.tags_edit.text()),
            )
        except ParallaxError as exc:
            # Keep the text dirty (the next trigger retries) and, in case the
            # window is closing, put a copy where the user can find it.
            draft = self._write_draft()
            where = f" A copy is in {draft}." if draft else ""
            self.state.setText(f"Not saved yet: {exc}{where}")
            self.save_failed.emit(f"{exc}{where}")
            return False
        self._dirty = False
        stored = op.value
        changed = stored != self._note
        self._note = stored
        self.state.setText("Saved")
        if changed:
            self.saved.emit(stored)
        if op.changes:
            self.changes_made.emit(op.changes)
        return True

    def _write_draft(self) -> Path | None:
        """Write the unsaved text to `<data dir>/unsaved-notes/` (0600); None if that fails too."""
        if self._note is None:
            return None
        folder = self.collection.data_dir / "unsaved-notes"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"note-{self._note.id}-{stamp}.md"
        text = self.text_edit.toPlainText()
        if self.tags_edit.text().strip():
            text += f"\n\nTags: {self.tags_edit.text().strip()}\n"
        try:
            ensure_private_dir(folder)
            write_private(path, text)
        except (OSError, ParallaxError):
            return None
        return path

    # -- Qt ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def _changed(self, *_args: object) -> None:
        if self._loading or self._note is None:
            return
        self._dirty = True
        self.state.setText("Editing…")
        self.timer.start()


# The header above the text is a few lines: a long quote is clipped (its
# tooltip has it whole), so the note itself keeps the room.
QUOTE_CHARS = 160
CLAIM_SIDE_CHARS = 90


def _header_html(note: Note | None) -> str:
    if note is None:
        return "<i>Select a note, or select text in an article and press Ctrl+Shift+N.</i>"
    if note.anchor is not None:
        quote = clip(note.anchor.quote, QUOTE_CHARS)
        flag = (
            "<br><span style='color:#c0392b'>Detached: this passage is not in the "
            "current version of the article.</span>"
            if note.detached
            else ""
        )
        return f"On the passage <i>“{html.escape(quote)}”</i>{flag}"
    if note.kind == "claim" and note.claim is not None:
        sides = [clip(side, CLAIM_SIDE_CHARS) for side in note.claim.text.split(" ↔ ")]
        return f"On the claim <i>“{html.escape(' ↔ '.join(sides))}”</i>"
    if note.kind == "comparison":
        return "On this comparison"
    return "On the whole article"


def _full_quote(note: Note | None) -> str:
    """The whole quote or claim the header clips ("" for none)."""
    if note is None:
        return ""
    if note.anchor is not None:
        return note.anchor.quote
    return note.claim.text if note.claim is not None else ""
