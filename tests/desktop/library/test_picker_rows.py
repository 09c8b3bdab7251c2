"""The "Compare With…" picker shows both lines of a Chinese article's row.

Qt's own painting of a two-line item dropped the details line ("151 chars")
when the title was drawn in a fallback font, and put "…" after a title that fit.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.library.dialogs import ArticlePicker
from library.article import Article

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _inked_rows(image: QImage, top: int, bottom: int, left: int, right: int) -> set[int]:
    """The pixel rows between `top` and `bottom` with a pixel unlike the row's first."""
    rows = set()
    for y in range(top, bottom):
        base = QColor(image.pixel(left, y))
        if any(QColor(image.pixel(x, y)) != base for x in range(left, right)):
            rows.add(y)
    return rows


@pytest.mark.parametrize("title", ["港口工人结束罢工", "Harbour strike ends in Lunden"])
def test_each_row_shows_its_details_line(qtbot: QtBot, title: str) -> None:
    articles = [
        Article(id=1, title=title, body="码头工人周二复工。", outlet="Lunden Post"),
        Article(id=2, title="Ferry to Lunden resumes", body="The ferry sailed.", outlet="Tide"),
    ]
    dialog = ArticlePicker(articles, "Compare with:")
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    view = dialog.list
    view.setCurrentRow(1)  # the row under test unselected: plain text on the base colour
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    rect = view.visualItemRect(view.item(0))
    inked = _inked_rows(image, rect.top(), rect.bottom(), rect.left() + 1, rect.right() - 1)
    # Two lines of text are inked over more than one line's height.
    assert max(inked) - min(inked) + 1 > 1.4 * view.fontMetrics().height()
