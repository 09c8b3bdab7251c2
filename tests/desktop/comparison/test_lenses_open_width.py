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


def test_opening_one_side_panel_folds_the_other_where_both_do_not_fit(qtbot: QtBot) -> None:
    from tests.desktop.comparison.test_comparison_support import shown

    view = shown(qtbot)
    view.resize(900, 700)
    qtbot.waitUntil(lambda: view.width() == 900)
    view.summary_fold.set_open(True, remember=True)  # F7
    qtbot.wait(20)
    assert view.width() == 900, "one panel fits"
    view.lenses.fold.set_open(True, remember=True)  # F6: the two do not
    qtbot.wait(20)
    assert view.lenses.panel.isVisible() and not view.summary.isVisible()
    assert view.summary_fold.mode() == "closed"  # a resize must not bring it back
    assert view.width() == 900, "the window did not grow for the two"
    view.summary_fold.set_open(True, remember=True)  # F7 again: the lenses fold
    qtbot.wait(20)
    assert view.summary.isVisible() and not view.lenses.panel.isVisible()
    assert view.width() == 900


def test_both_side_panels_stay_open_where_they_fit(qtbot: QtBot) -> None:
    from tests.desktop.comparison.test_comparison_support import shown

    view = shown(qtbot)
    view.resize(1800, 700)
    view.summary_fold.set_open(True, remember=True)
    view.lenses.fold.set_open(True, remember=True)
    qtbot.wait(20)
    assert view.summary.isVisible() and view.lenses.panel.isVisible()


def test_a_panel_folded_for_room_is_not_saved_as_the_users_choice(qtbot: QtBot) -> None:
    # Opening the lenses once in a narrow window must not keep the summary
    # folded for good: on the next start, on a wide screen, its saved mode applies.
    from tests.desktop.comparison.test_comparison_support import shown

    view = shown(qtbot)
    view.resize(900, 700)
    qtbot.waitUntil(lambda: view.width() == 900)
    view.summary_fold.set_open(True, remember=True)  # F7: "open" is saved
    saved: list[str] = []
    view.summary_fold.mode_changed.connect(saved.append)
    view.lenses.fold.set_open(True, remember=True)  # F6: the summary folds for room
    qtbot.wait(20)
    assert not view.summary.isVisible()
    assert saved == [], "the fold for room was saved as the user's choice"
