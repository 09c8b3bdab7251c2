"""The preview's layout answers "height for this width" once per width until a child changes.

Qt asks it each time the pane's size hint is asked (~130 times before the
first paint); laying the placeholder's wrapped text out each time was a tenth
of the window's making.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.library.preview import HeightCachingStack, PreviewPane
from library.article import Article


class CountingWidget(QWidget):
    """A widget whose height depends on its width, counting how often it is asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0
        self.per_width = 1000

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self.asked += 1
        return self.per_width // max(width, 1)


def test_the_stack_asks_its_widgets_once_per_width(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    stack = HeightCachingStack(owner)
    child = CountingWidget()
    stack.addWidget(child)
    first = stack.heightForWidth(10)
    assert [stack.heightForWidth(10) for _ in range(5)] == [first] * 5
    assert child.asked == 1
    stack.heightForWidth(20)
    assert child.asked == 2  # another width: asked


def test_a_changed_child_is_asked_again(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    stack = HeightCachingStack(owner)
    child = CountingWidget()
    stack.addWidget(child)
    assert stack.heightForWidth(10) == 100
    child.per_width = 3000
    child.updateGeometry()  # what Qt does when a label's text or font changes
    assert stack.heightForWidth(10) == 300


@pytest.mark.parametrize("width", [160, 320])
def test_the_placeholders_height_follows_its_text(qtbot: QtBot, width: int) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    layout = pane.layout()
    assert isinstance(layout, HeightCachingStack)
    short = layout.heightForWidth(width)
    pane.show_message("A much longer message than before. " * 12)
    longer = layout.heightForWidth(width)
    assert longer > short
    fresh = QLabel("A much longer message than before. " * 12)  # Qt's own answer
    fresh.setWordWrap(True)
    assert longer >= fresh.heightForWidth(width)


def test_an_articles_title_changes_the_panes_height(qtbot: QtBot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_article(Article(title="Short", body="Body text of Veltra harbour."))
    layout = pane.layout()
    short = layout.heightForWidth(200)
    long_title = "A headline about the Veltra harbour strike that runs on and on " * 4
    pane.show_article(Article(title=long_title, body="Body text of Veltra harbour."))
    assert layout.heightForWidth(200) > short
