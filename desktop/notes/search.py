"""`NotesSearchBar`: the search box, tag filter and trash toggle above the notes list.

Search is as-you-type: each keystroke restarts a short timer and the panel
searches when it fires.  The last word is searched as a prefix while it is
being typed ("infla" finds "inflation"); everything goes through the library's
safe query parser, so any text can be typed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

SEARCH_DELAY_MS = 150
_LAST_WORD = re.compile(r"(\w{2,})$", re.UNICODE)


def as_you_type(text: str) -> str:
    """`text` with its last word made a prefix search, unless the user finished it.

    A trailing space or quote means the word is complete; one-letter prefixes
    match nearly everything and are left exact.
    """
    if _LAST_WORD.search(text) and text.count('"') % 2 == 0:
        return text + "*"
    return text


class TagCombo(QComboBox):
    """A combo that announces it is about to open, so its tags can be refreshed first.

    Signals:
        about_to_show(): the popup is about to open.
    """

    about_to_show = Signal()

    def showPopup(self) -> None:
        self.about_to_show.emit()
        super().showPopup()


class NotesSearchBar(QWidget):
    """Search box + tag combo + trash toggle.

    Signals:
        changed(): the search text (after the debounce), tag or trash toggle changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setAcceptDrops(False)  # dropped files go to the window's import
        self.edit.setPlaceholderText("Search all notes…")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Search notes")
        self.tag_combo = TagCombo()
        self.tag_combo.setAccessibleName("Filter by tag")
        self.tag_combo.setToolTip("Show only notes with this tag")
        self.tag_combo.addItem("All tags", None)
        # A long tag list must not squeeze the search box: the popup shows the names whole.
        self.tag_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag_combo.setMinimumContentsLength(8)
        self.trash_button = QToolButton()
        self.trash_button.setText("Trash")
        self.trash_button.setCheckable(True)
        self.trash_button.setToolTip("Show deleted notes, to restore them")
        self.trash_button.setObjectName("notesTrash")  # styled when on: see parallax.qss

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.tag_combo)
        layout.addWidget(self.trash_button)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.changed)
        self.edit.textChanged.connect(self.timer.start)
        self.edit.returnPressed.connect(self._now)
        self.tag_combo.activated.connect(self._now)
        self.trash_button.toggled.connect(self._now)

    def query(self) -> str:
        """What to pass to `NotesStore.search` (prefix on the word being typed)."""
        return as_you_type(self.edit.text().rstrip("\n"))

    def tag(self) -> str | None:
        data = self.tag_combo.currentData()
        return None if data is None else str(data)

    def trash(self) -> bool:
        return self.trash_button.isChecked()

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        """Refill the tag combo (tag, count), keeping the current choice if it still exists."""
        current = self.tag()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("All tags", None)
        for tag, count in tags:
            self.tag_combo.addItem(f"#{tag} ({count})", tag)
        at = self.tag_combo.findData(current) if current else 0
        self.tag_combo.setCurrentIndex(max(at, 0))
        self.tag_combo.blockSignals(False)

    def _now(self, *_args: object) -> None:
        self.timer.stop()
        self.changed.emit()
