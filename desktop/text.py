"""Small text helpers shared by the desktop widgets.

User data (a title, an outlet, a file name, a note) is never shown as markup.
Qt guesses: a QLabel, a message box or a tooltip whose first line looks like
HTML (`Qt.mightBeRichText`) is rendered as HTML, so a headline such as
`<img src="x.png">` would load an image.  Hence:

- a label that shows user data is made `plain_label` (Qt.PlainText);
- a message box comes from `message_box`, which is plain text too;
- a tooltip goes through `plain_tooltip`;
- where Parallax needs its own markup (bold counts, italics), every piece of
  user data inside it is `html.escape`d.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt

if TYPE_CHECKING:
    # Imported where used: `html` loads a 2,000-entry table, and PySide makes
    # QMessageBox's class (and its enums) when the name is first imported;
    # the first paint needs neither.
    from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def clip(text: str, limit: int) -> str:
    """`text` on one line (runs of whitespace made single spaces), cut to `limit`
    characters with a trailing "…" if it was longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# A wrapping label cannot break inside a word: one wider than the label (a
# title of 90 letters without a space, a URL) sets the label's minimum width,
# and the window grows past the screen to honour it.  Runs longer than any real
# word (`LONG_RUN` characters) get a zero-width space every `BREAK_EVERY`
# characters, where Qt may wrap; it shows nothing.  Chinese and Japanese text
# needs none (Qt wraps between any two of its characters) and is left alone, so
# a title copied from the label is the title.
LONG_RUN = 30
BREAK_EVERY = 10
ZERO_WIDTH_SPACE = "\u200b"
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_LONG = re.compile(rf"[^\s{_CJK}]{{{LONG_RUN + 1},}}")


def breakable(text: str) -> str:
    """`text` with invisible break points inside runs of more than `LONG_RUN`
    characters without a space, so a word-wrapping label can always wrap it."""

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return ZERO_WIDTH_SPACE.join(
            run[i : i + BREAK_EVERY] for i in range(0, len(run), BREAK_EVERY)
        )

    return _LONG.sub(split, text)


def break_points(text: str) -> frozenset[int]:
    """Where, in `breakable(text)`, the zero-width spaces it put in are (copies drop them)."""
    points: set[int] = set()
    shift = 0  # break points put in before this run
    for match in _LONG.finditer(text):
        for i in range(BREAK_EVERY, len(match.group(0)), BREAK_EVERY):
            points.add(match.start() + shift + i)
            shift += 1
    return frozenset(points)


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip Qt shows literally.

    Text Qt would take for plain text is returned as it is; text it would
    render as HTML is escaped and wrapped in a paragraph that keeps its line
    breaks, so it reads exactly as typed.
    """
    if not GuiQt.mightBeRichText(text):
        return text
    import html

    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def window_title(text: str) -> str:
    """`text` as a window title shown literally: Qt hides a "[*]" in a title."""
    return text.replace("[*]", "[*][*]")


def plain_label(label: QLabel) -> QLabel:
    """`label` set to show its text literally, never as HTML; returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
) -> QMessageBox:
    """A message box whose texts (which often name files or titles) are plain text.

    Use it instead of `QMessageBox.warning(...)`, which guesses rich text.
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    return box


def warn(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon | None = None,
) -> None:
    """Show a plain-text warning (`icon`: Warning by default) with an OK button and wait
    for it to be closed."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(parent, QMessageBox.Icon.Warning if icon is None else icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
