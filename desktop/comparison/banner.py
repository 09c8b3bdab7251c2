"""The banner over the texts when two articles share almost nothing.

Said first and plainly: below 5 % of overlap on both sides the lists below
mean little, and "no divergent claims" must not read as "they agree".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from library.export.wording import LOW_OVERLAP_TEXT


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
