"""The window's "Other coverage" list shows a report in the other script (invented texts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from library.collection import Collection
from tests.helpers import open_window
from tests.library.test_coverage_xl import EN, EN_OTHER, ZH, ZH_OTHER

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def collection(data_dir: Path) -> Iterator[Collection]:
    col = Collection(data_dir, seed=False)
    for article in [ZH_OTHER, EN_OTHER, ZH, EN]:
        col.library.add(article)
    yield col
    col.close()


def test_chinese_report_lists_its_english_coverage_first(
    qtbot: QtBot, collection: Collection
) -> None:
    win = open_window(qtbot, collection)
    panel = win.coverage
    source = next(int(a.id or 0) for a in collection.library.articles() if a.title == ZH.title)
    with qtbot.waitSignal(panel.finished, timeout=20000):
        win.library_view.select_ids([source])
    titles = [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]
    assert titles and titles[0] == EN.title
    assert "李林一" in panel.list.topLevelItem(0).toolTip(0)
    win.close()
