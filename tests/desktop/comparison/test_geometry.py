"""`SlicedMeasure`: a long comparison's geometry measured a slice per turn, same result."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView, geometry
from desktop.comparison.pane import ReadingPane
from library.export import ComparisonLayout
from tests.desktop.comparison.test_comparison_support import (
    FLOOD_A,
    FLOOD_B,
    hand_built,
    long_articles,
    make_view,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def drawn(view: ComparisonView) -> tuple[Any, ...]:
    """What the geometry pass gives: bands, overview marks, scroll-sync segments."""
    marks = [view.pane(side).overview.marks() for side in ("a", "b")]
    return (view.gutter.bands(), *marks, view.sync._segments)


def forget(view: ComparisonView) -> None:
    view.gutter.set_bands([], view._qt_palette)
    for side in ("a", "b"):
        view.pane(side).overview.set_marks([], view._qt_palette)


def count_measures(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = ReadingPane.measure

    def measure(pane: ReadingPane, offsets: list[int], into: dict[int, Any]) -> None:
        calls.append(len(offsets))
        real(pane, offsets, into)

    monkeypatch.setattr(ReadingPane, "measure", measure)
    return calls


def test_a_long_layout_is_measured_in_slices_and_ends_as_a_one_shot_pass(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geometry, "SLICE", 50)
    calls = count_measures(monkeypatch)
    a, b, data = long_articles()
    view = make_view(qtbot)
    view.show_comparison(a, b, data)  # a pass at once (not a background result)
    one_shot = drawn(view)
    assert one_shot[0] and calls == []
    forget(view)
    view._geometry_timer.start()  # a relayout: the pass the timer runs is sliced
    qtbot.waitUntil(lambda: bool(view.gutter.bands()), timeout=5000)
    assert len(calls) >= 5 and max(calls) <= 50
    assert not view._measure.active
    assert drawn(view) == one_shot


def test_the_offsets_measured_are_those_the_pass_asks_for(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, data = long_articles()
    view = make_view(qtbot)
    view.show_comparison(a, b, data)
    asked: dict[str, set[int]] = {"a": set(), "b": set()}
    real = ReadingPane._line_y

    def line_y(pane: ReadingPane, offset: int) -> tuple[float, float]:
        asked[pane.side].add(offset)
        return real(pane, offset)

    monkeypatch.setattr(ReadingPane, "_line_y", line_y)
    view._refresh_geometry()
    layout = view.layout_data()
    assert isinstance(layout, ComparisonLayout)
    for side in ("a", "b"):
        assert asked[side] == set(geometry.offsets_asked(layout, side))


def test_new_texts_drop_what_is_left_of_a_sliced_pass(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geometry, "SLICE", 10)
    a, b, data = long_articles()
    view = make_view(qtbot)
    view.show_comparison(a, b, data)
    view._geometry_timer.start()
    qtbot.waitUntil(lambda: view._measure.active, timeout=5000)
    view.show_comparison(FLOOD_A, FLOOD_B, hand_built())  # newer: its pass runs now
    assert not view._measure.active
    flood = drawn(view)
    qtbot.wait(300)  # the old pass's slices would have ended by now
    assert drawn(view) == flood and len(flood[0]) == len(ComparisonLayout.build(hand_built()).pairs)


def test_a_resize_while_measuring_starts_over_on_the_new_layout(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geometry, "SLICE", 20)
    a, b, data = long_articles()
    view = make_view(qtbot)
    view.show_comparison(a, b, data)
    forget(view)
    view._geometry_timer.start()
    qtbot.waitUntil(lambda: view._measure.active, timeout=5000)
    view.resize(800, 700)  # the lines move: what was measured is moot
    qtbot.waitUntil(lambda: not view._measure.active and bool(view.gutter.bands()), timeout=5000)
    sliced = drawn(view)
    view._refresh_geometry()  # one pass, at once, on the layout now
    assert drawn(view) == sliced
