"""The small dialog a review is made in: what the user says, and an optional reason.

Used for a link made by hand (Ctrl+L: which relation) and for "Review with
Reason…" on a machine pair (confirm, reject or another relation).  The reason
is plain text: it is stored as typed and shown escaped everywhere.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.comparison.review_marks import RELATION_WORDS
from desktop.text import plain_label
from library.reviews import RELATIONS, Relation

T = TypeVar("T")
# "Review with Reason…" offers these, besides changing the relation.
CONFIRM, REJECT = "confirm", "reject"
# A reason is a sentence or two; the cap keeps a pasted article out of notes.db.
REASON_MAX = 500


class ReviewDialog(QDialog, Generic[T]):
    """A choice among `choices` plus a one-line reason.

    Args:
        parent: owning widget.
        title: the window title.
        question: the label of the choice ("The two passages are:").
        choices: (label, value) pairs, in the order shown.
        current: the value chosen at first (None: the first choice).
        reason: the reason already given, to edit.
        context: what is being reviewed (the passages), shown above, as plain text.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        question: str,
        choices: list[tuple[str, T]],
        current: T | None = None,
        reason: str = "",
        context: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._values = [value for _label, value in choices]
        self.choice = QComboBox()
        self.choice.addItems([label for label, _value in choices])
        self.choice.setAccessibleName(question)
        if current in self._values:
            self.choice.setCurrentIndex(self._values.index(current))
        self.reason = QLineEdit(reason)
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText("Optional: why (kept with the review, in exports)")
        self.reason.setAccessibleName("Reason")
        self.reason.setMinimumWidth(380)
        self.context = plain_label(QLabel(context))
        self.context.setWordWrap(True)
        self.context.setMaximumWidth(520)
        self.context.setStyleSheet("color: palette(placeholder-text);")
        self.context.setVisible(bool(context))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if context:
            form.addRow(self.context)
        form.addRow(question, self.choice)
        form.addRow("Reason:", self.reason)
        form.addRow(buttons)

    def value(self) -> tuple[T, str]:
        """The chosen value and the reason (stripped)."""
        return self._values[self.choice.currentIndex()], self.reason.text().strip()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        question: str,
        choices: list[tuple[str, T]],
        current: T | None = None,
        reason: str = "",
        context: str = "",
    ) -> tuple[T, str] | None:
        """The chosen value and reason, or None if cancelled (tests replace this)."""
        dialog: ReviewDialog[T] = cls(parent, title, question, choices, current, reason, context)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.value()
        finally:
            dialog.deleteLater()


class RelationChooser:
    """Asks which relation a hand-made link has, and why."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, current: Relation | None = None, reason: str = ""
    ) -> tuple[Relation, str] | None:
        """The chosen relation and reason, or None if cancelled (tests replace this)."""
        choices: list[tuple[str, Relation]] = [
            (RELATION_WORDS[r], r) for r in RELATIONS if r != "unrelated"
        ]
        return ReviewDialog.ask(
            parent, "Link Selected Sentences", "The two passages are:", choices, current, reason
        )


class VerdictChooser:
    """Asks how the user judges a machine pair (confirm, reject, another relation), and why."""

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        machine: str,
        current: str | None,
        reason: str,
        context: str = "",
    ) -> tuple[str, str] | None:
        """ "confirm", "reject" or a relation, with the reason; None if cancelled."""
        choices = [
            (f"Confirm ({RELATION_WORDS.get(machine, machine)})", CONFIRM),
            ("Reject (not related)", REJECT),
        ]
        choices += [
            (f"Mark as {RELATION_WORDS[r]}", r)
            for r in RELATIONS
            if r not in (machine, "unrelated")
        ]
        return ReviewDialog.ask(
            parent, "Review This Pair", "The machine's pair is:", choices, current, reason, context
        )
