"""The coverage list under the floor: weaker matches apart, behind a toggle (invented texts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.library.coverage import NONE, WEAKER_LABEL, CoveragePanel
from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window
from tests.library.test_coverage import OTHER_QUAKE, QUAKE_A, QUAKE_B, UNRELATED
from tests.library.test_coverage_floor import FERRY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def collection(data_dir: Path) -> Iterator[Collection]:
    col = Collection(data_dir, seed=False)
    for article in [QUAKE_A, OTHER_QUAKE, *UNRELATED, FERRY, QUAKE_B]:
        col.library.add(article)
    yield col
    col.close()


def _select(qtbot: QtBot, win: MainWindow, collection: Collection, title: str) -> CoveragePanel:
    panel = win.coverage
    article_id = next(int(a.id or 0) for a in collection.library.articles() if a.title == title)
    with qtbot.waitSignal(panel.finished, timeout=10000):
        win.library_view.select_ids([article_id])
    return panel


def _titles(panel: CoveragePanel) -> list[str]:
    return [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]


def test_weaker_matches_are_listed_apart_only_when_asked(
    qtbot: QtBot, collection: Collection, qtmodeltester: Any
) -> None:
    win = open_window(qtbot, collection)
    panel = _select(qtbot, win, collection, QUAKE_A.title)
    shown = _titles(panel)
    assert shown[0] == QUAKE_B.title and FERRY.title not in shown
    assert panel.list.currentItem() is panel.list.topLevelItem(0)
    button = panel.weaker_button
    assert button.isVisible() and button.text().startswith("Show weaker matches (")
    count = int(button.text().rsplit("(", 1)[1].rstrip(")"))

    button.click()
    qtmodeltester.check(panel.list.model())
    titles = _titles(panel)
    separator = titles.index(WEAKER_LABEL)
    assert titles[:separator] == shown
    assert FERRY.title in titles[separator + 1 :] and len(titles) == separator + 1 + count
    label_row = panel.list.topLevelItem(separator)
    assert not label_row.flags() & Qt.ItemFlag.ItemIsSelectable  # a label, not a row to compare
    ferry = panel.list.topLevelItem(titles.index(FERRY.title))
    assert "Probably about something else" in ferry.toolTip(0)
    assert button.text() == f"Hide weaker matches ({count})"

    button.click()
    assert _titles(panel) == shown
    win.close()


def test_nothing_over_the_floor_says_so_plainly(qtbot: QtBot, collection: Collection) -> None:
    win = open_window(qtbot, collection)
    panel = _select(qtbot, win, collection, FERRY.title)
    assert panel.list.topLevelItemCount() == 0
    assert panel.status.text() == NONE
    assert panel.status.wordWrap()
    assert panel.status.textFormat() == Qt.TextFormat.PlainText
    assert not panel.compare_button.isEnabled()
    assert panel.weaker_button.isVisible()
    panel.weaker_button.click()
    titles = _titles(panel)
    assert titles[0] == WEAKER_LABEL and len(titles) > 1
    assert panel.list.currentItem() is None  # nothing is offered as the event's coverage

    # Another selection starts with the weaker matches folded again.
    panel = _select(qtbot, win, collection, QUAKE_B.title)
    assert not panel.weaker_button.isChecked()
    assert WEAKER_LABEL not in _titles(panel)
    assert panel.status.text() != NONE
    win.close()
