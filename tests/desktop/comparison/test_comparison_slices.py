"""A background result paints long texts a stretch per turn; the result is the same."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.comparison.highlighter import paint_document
from desktop.comparison.turns import Turns
from library.export import ComparisonLayout
from tests.desktop.comparison.test_comparison_documents import _formats
from tests.desktop.comparison.test_comparison_support import FLOOD_A, FLOOD_B, hand_built, make_view

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_sliced_paint_ends_as_a_one_shot_paint(qtbot: QtBot) -> None:
    data = hand_built()
    layout = ComparisonLayout.build(data)
    view = make_view(qtbot)
    view.show_comparison(FLOOD_A, FLOOD_B, data, layout)  # painted at once
    edit, palette = view.pane("a").text_edit, view._qt_palette
    one_shot = _formats(edit)
    rejected = {pair.index: "unrelated" for pair in layout.pairs}
    for relations in (rejected, {}):  # over earlier formats, each time
        left = paint_document(edit, layout, "a", palette, relations, slice_chars=40)
        assert len(left) >= 5  # many stretches...
        for step in left:
            step()
    assert _formats(edit) == one_shot  # ...and the same formats in the end


def test_a_later_paint_makes_what_is_left_of_a_sliced_one_do_nothing(qtbot: QtBot) -> None:
    data = hand_built()
    layout = ComparisonLayout.build(data)
    view = make_view(qtbot)
    view.show_comparison(FLOOD_A, FLOOD_B, data, layout)
    edit, palette = view.pane("a").text_edit, view._qt_palette
    rejected = {pair.index: "unrelated" for pair in layout.pairs}
    paint_document(edit, layout, "a", palette, rejected)
    plain = _formats(edit)
    left = paint_document(edit, layout, "a", palette, {}, slice_chars=40)
    paint_document(edit, layout, "a", palette, rejected)  # e.g. a review came in meanwhile
    for step in left:
        step()  # stale: must not paint the pairs the user rejected
    assert _formats(edit) == plain


def test_steps_may_return_more_steps_which_run_next(qtbot: QtBot) -> None:
    turns = Turns()
    order: list[str] = []

    def first() -> list[Any]:
        order.append("first")
        return [lambda: order.append("slice 1"), lambda: order.append("slice 2")]

    turns.run([first, lambda: order.append("last")])
    assert order == ["first"]  # the rest, a turn each
    qtbot.waitUntil(lambda: len(order) == 4, timeout=2000)
    assert order == ["first", "slice 1", "slice 2", "last"]


def test_a_background_result_paints_in_stretches_and_a_newer_request_drops_them(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.comparison import highlighter

    data = hand_built()
    layout = ComparisonLayout.build(data)
    view = make_view(qtbot)
    reference = make_view(qtbot)
    reference.show_comparison(FLOOD_A, FLOOD_B, data, layout)
    sizes: list[int | None] = []
    real = highlighter.paint_document

    def spy(*args: Any, **kwargs: Any) -> Any:
        sizes.append(kwargs.get("slice_chars"))
        return real(*args, **{**kwargs, "slice_chars": 40 if kwargs.get("slice_chars") else None})

    import desktop.comparison.view as view_module

    monkeypatch.setattr(view_module, "paint_document", spy)
    view._pending = (FLOOD_A, FLOOD_B)
    with qtbot.waitSignal(view.comparison_ready, timeout=5000):
        view._on_result(data, layout, None)  # as the worker delivers it
    assert sizes and all(size for size in sizes)  # sliced
    for side in ("a", "b"):  # and the same highlights as painted at once
        assert _formats(view.pane(side).text_edit) == _formats(reference.pane(side).text_edit)
    # A newer request while a result is being painted: what is left is dropped.
    view._pending = (FLOOD_A, FLOOD_B)
    view._on_result(data, layout, None)
    view.runner.compare = lambda x, y: (_ for _ in ()).throw(RuntimeError("not here"))
    view.open_articles(FLOOD_B, FLOOD_A)
    qtbot.wait(100)
    assert view.pane("a").article is FLOOD_B
    edit = view.pane("a").text_edit
    assert not edit.formatted  # nothing of the older result, in any stretch
    assert len({run[2:] for run in _formats(edit)}) == 1
