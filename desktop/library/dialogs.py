"""Small dialogs: "Compare With…" picker, remove and unsaved-note questions, recovery notice.

Each exposes a classmethod `ask(...)` that runs it modally and returns the
answer; tests monkeypatch `ask` instead of driving a modal loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.library.preview import meta_line
from desktop.library.two_lines import TwoLineDelegate
from desktop.text import message_box, plain_label, plain_tooltip
from library.article import Article
from library.records import ArticleSummary

#: A candidate in a list: a whole article or its listing row (no body needed).
Listed = Article | ArticleSummary


class ArticlePicker(QDialog):
    """Choose one article from a list, with a type-to-narrow filter.

    Args:
        articles: the candidates (the article being compared is left out by the caller).
        prompt: the line above the list.
        parent: owning widget.
    """

    def __init__(
        self, articles: Sequence[Listed], prompt: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare With")
        self.setAccessibleName("Choose an article")
        self.resize(520, 420)
        self._articles = articles

        label = plain_label(QLabel(prompt))  # names the article being compared
        label.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type to narrow the list")
        self.filter.setAccessibleName("Filter articles")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Articles")
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        # Long headlines are elided (full text in the tooltip), never scrolled sideways.
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(TwoLineDelegate(self.list))  # a Chinese title keeps line two
        for article in articles:
            item = QListWidgetItem(f"{article.title}\n{meta_line(article)}")
            item.setData(Qt.ItemDataRole.UserRole, article)
            item.setToolTip(plain_tooltip(article.title))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Compare")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(self.accept)
        self.filter.textChanged.connect(self._narrow)
        # Arrow keys in the filter move through the list, as in a combo box.
        self.filter.returnPressed.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        label.setBuddy(self.filter)

    def chosen(self) -> Listed | None:
        """The highlighted article, if a visible one is highlighted."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        article: Listed = item.data(Qt.ItemDataRole.UserRole)
        return article

    def _narrow(self, text: str) -> None:
        words = text.casefold().split()
        first_visible = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = item.text().casefold()
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self.list.setCurrentItem(first_visible)

    @classmethod
    def ask(
        cls, parent: QWidget | None, articles: Sequence[Listed], prompt: str = ""
    ) -> Listed | None:
        """Run the picker modally; the chosen article, or None if cancelled."""
        dialog = cls(articles, prompt or "Compare with which article?", parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
        finally:
            dialog.deleteLater()


class ConfirmRemove:
    """The "remove these articles?" question."""

    @classmethod
    def ask(cls, parent: QWidget | None, articles: Sequence[Listed]) -> bool:
        """True if the user confirms removing `articles` (and their versions)."""
        if len(articles) == 1:
            text = f"Remove “{articles[0].title}” from the library?"
        else:
            text = f"Remove {len(articles)} articles from the library?"
        box = message_box(
            parent,
            QMessageBox.Icon.Question,
            "Remove from Library",
            text,
            "All imported versions are removed. Your files on disk are not touched, "
            "and notes are kept.",
        )
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is remove


class ConfirmDiscardNote:
    """The "close although a note could not be saved?" question."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        """True if the user chooses to close and lose the unsaved change."""
        answer = QMessageBox.warning(
            parent,
            "Unsaved Note",
            "The note you are editing could not be saved (see the Notes panel).\n\n"
            "Close Parallax anyway and lose the latest change?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def tell_library_recovered(parent: QWidget, moved_to: Path) -> QMessageBox:
    """Say (without blocking) that a damaged library was set aside and a new one started."""
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        "Library Recovered",
        "The library database was damaged, so a new, empty library was "
        "started. Import your articles again to rebuild it.",
        f"The damaged file was kept at {moved_to}. "
        "Your notes are stored separately and were not affected.",
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
