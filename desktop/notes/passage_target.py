"""Where a clicked note's passage is shown while a comparison is open.

A note on one of the two compared articles is shown in its comparison pane:
the reader stays in the comparison.  A note on any other article (found by a
search over all notes) would take the reader away, so they are asked first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.text import message_box

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class ConfirmOpenOtherArticle:
    """The "open that article and leave the comparison?" question."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> bool:
        """True if the user chooses to open the note's article in the library."""
        # Qt classes imported where used: PySide makes a class (and its enums)
        # when its name is first imported, a cost the first paint need not pay.
        from PySide6.QtWidgets import QMessageBox

        box = message_box(
            parent,
            QMessageBox.Icon.Question,
            "Open Article",
            f"This note is on “{title}”, which is not in this comparison.",
            "Open it in the library? The comparison stays one click away (Ctrl+2).",
        )
        open_button = box.addButton("Open Article", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Stay Here", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        return box.clickedButton() is open_button


def show_in_comparison(view: Any, article_id: int, start: int, end: int) -> bool:
    """Select body[start:end] in the comparison pane showing `article_id`.

    Args:
        view: the `ComparisonView`.
        article_id: the note's article.
        start: body offset of the passage (start == end: the article as a whole).
        end: body offset after the passage.

    Returns:
        False when neither pane shows that article.
    """
    from PySide6.QtGui import QTextCursor

    for side in ("a", "b"):
        pane = view.pane(side)
        if pane.article is None or pane.article.id != article_id:
            continue
        edit = pane.text_edit
        if start != end:
            cursor = QTextCursor(edit.document())
            last = max(0, edit.document().characterCount() - 1)
            cursor.setPosition(min(edit.offsets.to_qt(start), last))
            cursor.setPosition(min(edit.offsets.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor)
            edit.setTextCursor(cursor)
            with view.sync.hold():  # the other side follows through the scroll sync after
                pane.scroll_to_y(pane.y_span(start, end)[0], pane.viewport_height() / 4)
            if view.sync.enabled:
                view.sync.follow(side)
        edit.setFocus()
        return True
    return False
