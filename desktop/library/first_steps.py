"""`FirstStepsTip`: how to compare, said once across the library page's foot.

A new user's one thing to discover (select two articles, Ctrl+D) was a
status-bar message: one line, cut off mid-word as soon as the import strip
took the bar's right half, and gone after 30 seconds.  It is a box of its own
now, under the library's table, beside the rows it is about (where a short
library leaves room; the preview keeps its height): it wraps on a narrow
window, stays until the first comparison opens, and its close button puts it
away for good.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.settings import Settings
from desktop.text import plain_label

if TYPE_CHECKING:
    from desktop.library.view import LibraryView

TIP_TEXT = (
    "Tip: select two articles (Ctrl+click) and press Ctrl+D to compare them, "
    "or use Compare With… (Ctrl+Shift+D)."
)
#: Tips the user closed, by name (never offered again).
DISMISSED_KEY = "tips/dismissed"
NAME = "first-steps"


class FirstStepsTip(QFrame):
    """The tip, its text wrapped, with a close button.

    Args:
        settings: where a dismissal is remembered.
        parent: owning widget.

    Signals:
        dismissed(): the user closed the tip.
    """

    dismissed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStepsTip")
        self.setAccessibleName("Tip")
        self._settings = settings
        self.label = plain_label(QLabel(TIP_TEXT))
        self.label.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName("Dismiss tip")
        self.close_button.setToolTip("Hide this tip for good")
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        # Palette colours only: one look for light and dark (as the low-overlap banner).
        self.setStyleSheet(
            "#firstStepsTip { background: palette(tool-tip-base); border: 1px solid palette(mid);"
            " border-left: 4px solid palette(highlight); border-radius: 4px; }"
            " #firstStepsTip QLabel { color: palette(tool-tip-text); }"
        )

    @classmethod
    def offer(
        cls, page: LibraryView, settings: Settings, comparison_opened: SignalInstance
    ) -> FirstStepsTip | None:
        """Show the tip under the library's table unless the user closed it before.

        It goes away by itself once `comparison_opened` fires: the step is learnt.
        """
        if NAME in settings.str_list(DISMISSED_KEY):
            return None
        tip = cls(settings)
        page.add_notice(tip)
        QWidget.setTabOrder(page.table, tip.close_button)  # Tab goes where the eye does
        comparison_opened.connect(tip.hide)
        return tip

    def dismiss(self) -> None:
        """Hide the tip and remember not to offer it again."""
        self.hide()
        names = self._settings.str_list(DISMISSED_KEY)
        if NAME not in names:
            self._settings.set_str_list(DISMISSED_KEY, [*names, NAME])
        self.dismissed.emit()
