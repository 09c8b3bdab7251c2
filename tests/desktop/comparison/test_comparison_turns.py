"""Long comparisons are shown a step per event-loop turn; the result is the same."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from library.article import Article
from library.export import ComparisonLayout
from tests.desktop.comparison.test_comparison_support import (
    FLOOD_A,
    FLOOD_B,
    hand_built,
    make_view,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _long_pair() -> tuple[Article, Article]:
    body = "\n\n".join(f"Paragraph {i} says the river rose by {i} centimetres." for i in range(500))
    return Article(title="Long A", body=body), Article(title="Long B", body=body + "\n\nEnd.")


def test_a_background_result_is_announced_with_its_last_step(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    seen: list[Any] = []
    view.comparison_ready.connect(
        lambda _c: seen.append(
            (view.highlighted_units("a"), sum(w.count() for w in view.summary.lists.values()))
        )
    )
    data = hand_built()
    view._pending = (FLOOD_A, FLOOD_B)
    with qtbot.assertNotEmitted(view.comparison_ready):
        view._on_result(data, ComparisonLayout.build(data), None)  # as the worker delivers it
    with qtbot.waitSignal(view.comparison_ready, timeout=5000):
        pass
    assert len(seen) == 1
    painted, listed = seen[0]
    assert painted and listed  # texts and summary done before it was announced


def test_long_texts_are_set_one_pane_per_turn(qtbot: QtBot) -> None:
    a, b = _long_pair()
    view = make_view(qtbot)
    view.runner.compare = lambda x, y: (_ for _ in ()).throw(RuntimeError("not here"))
    view.open_articles(a, b)
    assert view.pane("a").article is a and view.pane("b").article is None
    qtbot.waitUntil(lambda: view.pane("b").article is b, timeout=5000)
    assert view.pane("b").text_edit.toPlainText() == b.body


def test_a_newer_comparison_drops_what_is_left_of_an_older_one(qtbot: QtBot) -> None:
    a, b = _long_pair()
    view = make_view(qtbot)
    view.runner.compare = lambda x, y: (_ for _ in ()).throw(RuntimeError("not here"))
    view.open_articles(a, b)  # pane B waits for the next turn
    view.show_comparison(FLOOD_A, FLOOD_B, hand_built())  # painted at once
    qtbot.wait(50)
    assert view.pane("a").article is FLOOD_A and view.pane("b").article is FLOOD_B
    assert view.highlighted_units("b")


def test_measured_lines_are_remembered_only_within_one_layout(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_comparison(FLOOD_A, FLOOD_B, hand_built())
    pane = view.pane("a")
    outside = pane.y_span(10, 80)
    with pane.same_layout():
        assert pane.y_span(10, 80) == outside == pane.y_span(10, 80)
        assert pane._line_ys
    assert pane._line_ys is None  # forgotten: the next layout may differ


def test_while_long_texts_are_set_in_turns_the_old_comparison_cannot_be_walked(
    qtbot: QtBot,
) -> None:
    # Between the turns pane A already shows the new text: "Next Shared" (or an
    # export) must not act on the comparison that was on screen before.
    a, b = _long_pair()
    view = make_view(qtbot)
    view.set_active(True)
    view.show_comparison(FLOOD_A, FLOOD_B, hand_built())
    assert view.acts.next_shared.isEnabled() and view.acts.export_md.isEnabled()
    view.runner.compare = lambda x, y: (_ for _ in ()).throw(RuntimeError("not here"))
    view.open_articles(a, b)  # pane B waits for the next turn
    assert view.pane("a").article is a
    assert view._layout is None and view._navigator is None
    assert not view.acts.next_shared.isEnabled() and not view.acts.export_md.isEnabled()
