"""The overview strips beside the scroll bars show which pairs the user reviewed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.comparison.review_marks import review_color
from library.collection import Collection
from tests.desktop.test_review_marks import open_view

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_reviewed_pairs_get_a_bar_in_their_review_colour(
    qtbot: QtBot, collection: Collection
) -> None:
    view, reviewing = open_view(qtbot, collection)
    strips = {side: view.pane(side).overview for side in ("a", "b")}
    assert all(strip.review_marks() == [] for strip in strips.values())

    assert reviewing.review_pair(0, judgement="confirm")
    assert reviewing.review_pair(1, judgement="reject")
    dark = view._qt_palette.dark
    for side, strip in strips.items():
        marks = strip.review_marks()
        assert [color for _, _, color in marks] == [
            review_color(dark, "confirmed"),
            review_color(dark, "rejected"),
        ]
        assert all(0 <= top <= bottom <= 1 for top, bottom, _ in marks)
        # Where the pair's ticks are: the bar sits level with its units.
        pair = view.layout_data().pairs[0]  # type: ignore[union-attr]
        top, _ = view.pane(side).y_span(*pair.extent(side))
        assert marks[0][0] == pytest.approx(top / view.pane(side).document_height())
        strip.grab()  # paints without error

    assert reviewing.clear_pair(0)
    assert [c for _, _, c in strips["a"].review_marks()] == [review_color(dark, "rejected")]
