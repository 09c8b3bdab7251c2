"""Reviewing in the comparison window: confirm, reject, re-relate, clear, Ctrl+L links.

The view is driven through `Reviewing`'s methods and its menus' actions; what
was stored is read back through `Collection.reviews_for` (notes.db).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView
from desktop.comparison.reviewing import RelationChooser, Reviewing
from desktop.library.reading import ExtraContextActions
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def shown(qtbot: QtBot, data_dir: Path) -> Iterator[tuple[ComparisonView, Reviewing, Collection]]:
    collection = Collection(data_dir)
    a, b = collection.library.articles()[:2]
    view = ComparisonView(data_dir=collection.data_dir)
    qtbot.addWidget(view)
    reviewing = Reviewing(view, collection)
    view.resize(1200, 700)
    view.show()
    view.show_comparison(a, b, collection.compare(a, b, backend="lexical"))
    assert view._layout is not None and view._layout.pairs, "the samples share facts"
    yield view, reviewing, collection
    collection.close()


def stored(reviewing: Reviewing) -> list[Any]:
    view = reviewing.view
    return reviewing.collection.reviews_for(view.panes["a"].article, view.panes["b"].article)


def test_confirm_then_reject_a_pair_is_stored_and_marked(qtbot: QtBot, shown: Any) -> None:
    view, reviewing, _collection = shown
    assert "0</b> reviewed" in view.summary.counts.text()
    assert reviewing.review_pair(0, judgement="confirm")
    (review,) = stored(reviewing)
    assert review.verdict == "confirmed"
    assert reviewing.review_of(0) is not None
    assert "<b>1</b> reviewed" in view.summary.counts.text()
    entries = [
        widget.item(row).text()
        for widget in view.summary.lists.values()
        for row in range(widget.count())
    ]
    assert any(text.startswith("✓ Reviewed: confirmed") for text in entries)
    pair = view._layout.pairs[0]
    tip = view.panes["a"].text_edit.tooltip_provider(pair.extent("a")[0])
    assert tip is not None and tip.endswith("Reviewed: confirmed")

    with qtbot.waitSignal(view.status_message) as said:
        view._select_pair(0, None)  # selecting it says so in the status bar too
    assert said.args[0].endswith("· Reviewed: confirmed")

    assert reviewing.review_pair(0, judgement="reject")  # judged again: replaces
    (review,) = stored(reviewing)
    assert (review.verdict, review.relation) == ("rejected", "unrelated")
    assert reviewing.reviews is not None and reviewing.reviews.relation(0) == "unrelated"

    assert reviewing.clear_pair(0)
    assert stored(reviewing) == []
    assert "0</b> reviewed" in view.summary.counts.text()


def test_context_menu_offers_the_review_actions(shown: Any) -> None:
    view, reviewing, _collection = shown
    pair = view._layout.pairs[0]
    edit = view.panes["b"].text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(pair.extent("b")[0] + 1)
    point = edit.cursorRect(cursor).center()
    actions = reviewing.actions_at(edit, point)
    names = [a.text() for a in actions]
    assert names[:2] == ["Confirm", "Reject"]
    assert "Mark as Not Related" in names and "Review with Reason…" in names
    assert names[-2:] == ["Clear Review", "Note This Claim…"]
    assert not actions[-2].isEnabled()  # nothing to clear yet
    relation = next(r for r in ("same", "divergent", "related") if r != pair.relation)
    next(a for a in actions if a.text() == f"Mark as {relation.title()}").trigger()
    (review,) = stored(reviewing)
    assert (review.verdict, review.relation) == ("changed", relation)
    # Not one of the comparison's panes: nothing to review.
    assert reviewing.actions_at(QTextEdit(), point) == []
    # The window puts them into the panes' standard menu, above "Add Note".
    extra = ExtraContextActions()
    extra.providers.append(reviewing.actions_at)
    menu = extra.build_menu(edit, point)
    assert "Confirm" in [a.text() for a in menu.actions()]


def test_ctrl_l_links_the_selected_sentences(
    qtbot: QtBot, shown: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, reviewing, _collection = shown
    comparison = view._comparison
    paired_a = {u for p in comparison.pairs for u in p.a}
    paired_b = {u for p in comparison.pairs for u in p.b}
    unit_a = next((u for u in comparison.a.units if u.id not in paired_a), comparison.a.units[0])
    unit_b = next((u for u in comparison.b.units if u.id not in paired_b), comparison.b.units[-1])
    for side, unit in (("a", unit_a), ("b", unit_b)):
        edit = view.panes[side].text_edit
        cursor = QTextCursor(edit.document())
        cursor.setPosition(unit.start)
        cursor.setPosition(unit.end, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
    asked: list[object] = []

    def choose(parent: object) -> tuple[str, str]:
        asked.append(parent)
        return "related", "Same <b>meeting</b>"

    monkeypatch.setattr(RelationChooser, "ask", classmethod(lambda cls, p: choose(p)))
    view.panes["a"].text_edit.setFocus()
    reviewing.act_link.trigger()  # what Ctrl+L does
    assert asked == [view]
    (review,) = stored(reviewing)
    assert (review.relation, review.reason) == ("related", "Same <b>meeting</b>")
    assert reviewing.reviews is not None
    (link,) = reviewing.reviews.user_pairs  # the samples have unpaired sentences
    assert (link.a, link.b) == ((unit_a.id,), (unit_b.id,))
    assert "1</b> linked by hand" in view.summary.counts.text()
    assert reviewing.act_link.shortcut().toString() == "Ctrl+L"


def test_ctrl_l_without_a_selection_on_both_sides_says_what_to_do(qtbot: QtBot, shown: Any) -> None:
    view, reviewing, _collection = shown
    with qtbot.waitSignal(view.status_message) as said:
        assert not reviewing.link_selection("same")
    assert "Select a sentence in each article" in said.args[0]
    assert stored(reviewing) == []


def test_reviews_come_back_with_the_comparison(shown: Any) -> None:
    view, reviewing, collection = shown
    reviewing.review_pair(0, judgement="confirm")
    a, b = view.panes["a"].article, view.panes["b"].article
    view.show_comparison(a, b, collection.compare(a, b, backend="lexical"))
    assert reviewing.review_of(0) is not None
    assert "<b>1</b> reviewed" in view.summary.counts.text()


def test_the_window_offers_link_in_the_compare_menu(qtbot: QtBot, data_dir: Path) -> None:
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    collection = Collection(data_dir)
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    try:
        (compare,) = [m for m in win.menuBar().actions() if m.text() == "&Compare"]
        assert win.reviewing.act_link in compare.menu().actions()
        assert win.reviewing.actions_at in win.notes.context_menu.providers
    finally:
        win.close()
        collection.close()


def test_export_carries_the_pairs_notes_and_reviews(shown: Any, tmp_path: Path) -> None:
    view, reviewing, collection = shown
    a, b = view.panes["a"].article, view.panes["b"].article
    assert reviewing.review_pair(0, judgement="confirm")
    collection.notes.add_comparison_note(a.id, b.id, "My <b>pair</b> note")
    collection.notes.add_passage_note(b, 0, 20, "Passage note on B")
    collection.notes.add_article_note(a.id, "Whole-article note, not in the report")
    for fmt in ("html", "md"):
        target = tmp_path / f"report.{fmt}"
        view.export(target, fmt)
        report = target.read_text(encoding="utf-8")
        assert "Your notes" in report and "Reviews" in report
        assert "Passage note on B" in report and "1 reviewed" in report
        assert "Whole-article note" not in report and "<b>pair</b>" not in report
        assert "Generated by Parallax on" in report
