"""What the library table shows when a search matches nothing: said in the table itself.

A footer reading "0 of 2 articles match" is easy to miss while the table simply
goes blank; the table's own viewport now says that nothing matches what was
typed, and offers to clear the search.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.text import clip, plain_label
from desktop.viewport import viewport_of


class EmptySearchState(QWidget):
    """A centred message and a "Clear Search" button over a table's viewport.

    Args:
        table: the view whose (empty) viewport it covers.

    Signals:
        clear_requested(): the user asked to clear the search.
    """

    clear_requested = Signal()

    def __init__(self, table: QAbstractScrollArea) -> None:
        super().__init__(viewport_of(table))
        self.setObjectName("emptySearchState")
        self.label = plain_label(QLabel())  # echoes what was typed: never markup
        self.label.setObjectName("placeholder")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.button = QPushButton("Clear Search")
        self.button.setToolTip("Show every article again (Esc)")
        self.button.clicked.connect(self.clear_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        viewport_of(table).installEventFilter(self)
        self.hide()

    def show_for(self, query: str | None) -> None:
        """Say that nothing matches `query`; None hides the message."""
        if query is None:
            self.hide()
            return
        self.label.setText(f"No articles match “{clip(query, 80)}”.")
        self._fit()
        self.show()
        self.raise_()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False
