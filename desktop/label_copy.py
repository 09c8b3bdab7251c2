"""`show_breakable`: a selectable label showing `breakable` text, copied as written.

`breakable` puts zero-width spaces into long runs so a wrapping label can wrap
them; they are for the eye only.  Copied out of a selectable label (Ctrl+C,
its menu's Copy, the X11 selection), they went along: a title pasted into the
search box then found nothing, pasted elsewhere it carried invisible marks.
Qt gives no hook into a label's own copy, so the clipboard is mended right
after it: when it holds exactly the label's selection, the break points the
label's text got are taken out of it (a zero-width space the title itself
has stays).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop.text import break_points, breakable

_NAME = "parallaxPlainCopies"


def show_breakable(label: QLabel, text: str) -> None:
    """Show `breakable(text)` in `label`; what is copied from it is `text`'s own."""
    copies = label.findChild(_PlainCopies, _NAME)
    if copies is None:
        copies = _PlainCopies(label)
    copies.original = text
    label.setText(breakable(text))


class _PlainCopies(QObject):
    """Takes the break points out of what the clipboard got from its label.

    A child of the label: gone with it, its connections too.
    """

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.setObjectName(_NAME)
        self.label = label
        self.original = ""
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._clipboard_changed)
        clipboard.selectionChanged.connect(self._selection_changed)

    def _clipboard_changed(self) -> None:
        self._mend(QClipboard.Mode.Clipboard)

    def _selection_changed(self) -> None:
        self._mend(QClipboard.Mode.Selection)

    def _mend(self, mode: QClipboard.Mode) -> None:
        label = self.label
        if not label.hasSelectedText():
            return
        clipboard = QGuiApplication.clipboard()
        copied = clipboard.text(mode)
        shown = label.text()
        start = label.selectionStart()
        if copied != label.selectedText() or shown != breakable(self.original):
            return  # not this label's copy, or its text was set another way
        points = break_points(self.original)
        plain = "".join(
            c for i, c in enumerate(shown[start : start + len(copied)], start) if i not in points
        )
        if plain != copied:  # else nothing to mend (and no loop: setText signals again)
            clipboard.setText(plain, mode)
