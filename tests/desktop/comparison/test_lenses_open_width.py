"""Opening a folded panel (summary, lenses) from the rail shows it with room, not at width 0."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from library.collection import Collection
from tests.desktop.comparison.test_lenses_window import open_compared

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize("key", ["summary", "lenses"])
@pytest.mark.parametrize("size", [(1280, 800), (1000, 650)])
def test_the_rail_button_opens_its_panel_with_room(
    qtbot: QtBot, collection: Collection, size: tuple[int, int], key: str
) -> None:
    # Both were shown "open" at width 0 (moved off-screen), their rail button gone.
    win = open_compared(qtbot, collection, size)
    view = win.comparison_view
    view.rail.buttons[key].click()
    qtbot.wait(20)
    panel = view.lenses.panel if key == "lenses" else view.summary
    assert panel.isVisible()
    assert view.outer.sizes()[view.outer.indexOf(panel)] >= panel.minimumSizeHint().width()
    assert panel.geometry().top() >= 0
    win.close()
