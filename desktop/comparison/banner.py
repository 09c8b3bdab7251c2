"""The banner over the texts when two articles share almost nothing, and the language notice.

Said first and plainly: below 5 % of overlap on both sides the lists below
mean little, and "no divergent claims" must not read as "they agree".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from library.export.wording import LOW_OVERLAP_TEXT

if TYPE_CHECKING:
    from library.compare.model import Comparison


class LowOverlapBanner(QLabel):
    """A one-line notice, hidden until `show_for` sees a low-overlap summary.

    Args:
        parent: owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(LOW_OVERLAP_TEXT, parent)
        self.setObjectName("lowOverlapBanner")
        self.setAccessibleName("Low overlap warning")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { padding: 6px 10px; border-radius: 4px; font-weight: 600;"
            " background: palette(tool-tip-base); color: palette(tool-tip-text);"
            " border: 1px solid palette(mid); border-left: 4px solid palette(highlight); }"
        )
        self.hide()


class LanguageNotice(QLabel):
    """One plain line when the two articles are in different languages; hidden otherwise.

    "A is Chinese, B is English: matched by meaning and by names, numbers and
    dates; no word-by-word diff." (`crosslingual.Languages.describe`).

    Args:
        parent: owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageNotice")
        self.setAccessibleName("Languages of the two articles")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { padding: 2px 10px; }")
        self.hide()

    def show_for(self, comparison: Comparison | None) -> None:
        """Show the notice if `comparison` crosses languages (None: still comparing)."""
        languages = comparison.languages if comparison is not None else None
        text = languages.describe() if languages is not None else ""
        self.setText(text)
        self.setVisible(bool(text))
