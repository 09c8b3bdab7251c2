"""A short preview keeps its title, source line and search hit whole; the text gives way."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window, wait_listed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# An invented report with a headline of some fifty words: four lines in a narrow preview.
LONG_TITLE = (
    "The Remarkably Long and Patient Account of How the Lakeside Beekeepers Guild of "
    "Lower Ombersley Settled Its Thirty-Year Quarrel Over the Hive Rota, the Honey Prices "
    "and the Colour of the Gate"
)
ARTICLES = {
    "bees.txt": f"{LONG_TITLE}\n\nMembers voted 41 to 6 on Sunday to paint the gate green.\n",
    "ferry.txt": "Ferry to Kessary resumes\n\nThe ferry sailed again on Monday after repairs.\n",
}


@pytest.fixture
def window(
    qtbot: QtBot, collection_of: Callable[[dict[str, str]], Collection]
) -> Iterator[MainWindow]:
    win = open_window(qtbot, collection_of(ARTICLES))
    yield win
    win.close()


def whole(label: QLabel) -> bool:
    return label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize("size", [(800, 600), (1000, 560)])
def test_the_title_and_hit_line_stay_whole_in_a_short_preview(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    view = window.library_view
    view.filter_edit.setText("beekeepers")  # a search: the hit line shows too
    view.apply_filter()
    wait_listed(qtbot, view)
    view.table.selectRow(0)
    preview = view.preview
    qtbot.waitUntil(lambda: preview.snippet.isVisible())
    assert preview.article is not None and preview.article.title == LONG_TITLE
    qtbot.waitUntil(lambda: preview.title.heightForWidth(preview.title.width()) > 60)
    qtbot.wait(50)  # the splitter's relayout
    for label in (preview.title, preview.meta, preview.snippet):
        assert whole(label), f"{label.objectName()} cut: {label.height()} px"
    assert window.size().height() == size[1], "the window did not grow for it"


def test_a_title_of_hundreds_of_words_does_not_grow_the_window(
    qtbot: QtBot, collection_of: Callable[[dict[str, str]], Collection]
) -> None:
    # Front matter may give any title: one of 400 words wraps to ~60 lines in
    # the preview, and asking that height whole made the window 1,133 px tall.
    title = " ".join(["Quayside"] * 400)
    win = open_window(qtbot, collection_of({"quay.md": f'---\ntitle: "{title}"\n---\n\nText.\n'}))
    try:
        win.resize(800, 600)
        view = win.library_view
        wait_listed(qtbot, view)
        view.table.selectRow(0)
        qtbot.waitUntil(lambda: view.preview.article is not None)
        qtbot.wait(50)  # the splitter's relayout
        assert win.size().height() == 600, "the window grew for the title"
        assert win.minimumSizeHint().height() <= 600
    finally:
        win.close()
