"""ComparisonView: painting, navigation, click-to-counterpart, hover and the summary.

State is asserted through the view's API (highlighted units, current pair, scroll
values, document formats), never through pixels.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

# pytest runs with --import-mode=importlib, which does not put this folder on
# sys.path; the shared test data lives in a sibling module.
sys.path.insert(0, str(Path(__file__).resolve().parent))
# The offscreen platform cannot honour size hints of top-level windows; harmless.
from library.compare import compare_articles
from library.compare.model import Comparison
from library.ingest import read_article
from tests.desktop.comparison.test_comparison_support import (
    FLOOD_A,
    FLOOD_B,
    PAIRS,
    format_at,
    make_view,
    pair_of,
    shown,
    unit_id,
)

# The offscreen platform cannot honour size hints of top-level windows; harmless.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


# -- opening and painting -----------------------------------------------------------


def test_sample_comparison_highlights_the_units_the_engine_aligned(
    qtbot: QtBot, sample_paths: list[Path]
) -> None:
    if len(sample_paths) < 2:
        pytest.skip("sample articles not in resources/articles")
    article_a, article_b = (read_article(p) for p in sample_paths[:2])
    view = make_view(qtbot)
    with qtbot.waitSignal(view.comparison_ready, timeout=10000) as blocker:
        view.open_articles(article_a, article_b)
    expected = compare_articles(article_a, article_b).to_dict()
    assert blocker.args[0].to_dict() == expected
    # The view keeps the engine's typed record; its lenses panel reads that.
    assert isinstance(blocker.args[0], Comparison) and view._comparison is blocker.args[0]
    for side in ("a", "b"):
        want = {uid: p["relation"] for p in expected["pairs"] for uid in p[side]}
        assert view.highlighted_units(side) == want
        assert want, "the samples share at least one fact"
        # The body goes into the document unchanged: offsets are body offsets.
        article = article_a if side == "a" else article_b
        assert view.pane(side).text_edit.toPlainText() == article.body
        assert view.pane(side).title_label.toolTip() == article.title
        for unit in expected[side]["units"]:
            fmt = format_at(view, side, unit["start"])
            if unit["id"] in want:
                assert fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
            elif unit["id"] in expected[f"only_{side}"]:
                assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert not view.busy_bar.isVisible()
    # A background result paints the texts first; the gutter's bands follow a turn later.
    qtbot.waitUntil(lambda: len(view.gutter.bands()) == len(expected["pairs"]), timeout=5000)


def test_divergent_claims_get_a_different_cue_and_bold_differing_words(qtbot: QtBot) -> None:
    view = shown(qtbot)
    body = FLOOD_A.body
    shared = format_at(view, "a", body.index("The regional governor"))
    divergent = format_at(view, "a", body.index("Heavy rain"))
    assert shared.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert divergent.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert shared.background().color() != divergent.background().color()
    conflict = format_at(view, "a", body.index("November 9"))
    assert conflict.fontWeight() > 400  # bold differing words
    assert format_at(view, "b", FLOOD_B.body.index("6,000")).fontWeight() > 400
    only = format_at(view, "a", body.index("Local shop owner"))
    assert only.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    marks = view.pane("a").overview.marks()
    assert {m[2] for m in marks} == {"same", "divergent"}
    assert all(0 <= top <= bottom <= 1 for top, bottom, _, _ in marks)


# -- navigation -----------------------------------------------------------------------


def test_navigation_moves_to_the_next_divergence(qtbot: QtBot) -> None:
    view = shown(qtbot)
    layout = view.layout_data()
    assert layout is not None
    first = view.next_divergence()
    assert first is not None and layout.pairs[first].relation == "divergent"
    assert view.selected_units() == pair_of(view, first)
    second = view.next_divergence()
    assert second is not None and second != first
    assert layout.pairs[second].relation == "divergent"
    assert layout.pairs[second].a_start > layout.pairs[first].a_start
    assert view.next_divergence() is None  # no wrap-around: stays on the last one
    assert view.current_pair_index() == second
    assert view.previous_divergence() == first
    shared = view.next_shared()
    assert shared is not None and layout.pairs[shared].relation == "same"
    assert layout.pairs[shared].a_start > layout.pairs[first].a_start
    assert view.previous_shared() is None or view.current_pair_index() is not None


def test_navigation_shortcuts_and_actions(qtbot: QtBot) -> None:
    view = shown(qtbot)
    by_text = {a.text(): a for a in view.actions()}
    assert by_text["Next Divergence"].shortcut().toString() == "F8"
    assert by_text["Previous Divergence"].shortcut().toString() == "Shift+F8"
    assert by_text["Next Shared Fact"].shortcut().toString() == "Alt+Down"
    assert by_text["Previous Shared Fact"].shortcut().toString() == "Alt+Up"
    assert by_text["Export as HTML…"].shortcut().toString() == "Ctrl+E"
    assert by_text["Export as Markdown…"].shortcut().toString() == "Ctrl+Shift+E"
    assert by_text["Synchronise Scrolling"].isCheckable()
    assert by_text["Synchronise Scrolling"].isChecked()
    assert all(a.statusTip() for a in view.actions())
    by_text["Next Divergence"].trigger()
    layout = view.layout_data()
    assert layout is not None
    index = view.current_pair_index()
    assert index is not None and layout.pairs[index].relation == "divergent"
    view.activateWindow()
    view.pane("a").text_edit.setFocus()
    qtbot.waitUntil(lambda: view.pane("a").text_edit.hasFocus(), timeout=2000)
    qtbot.keyClick(view.pane("a").text_edit, Qt.Key.Key_F8)
    assert view.current_pair_index() != index
    assert layout.pairs[view.current_pair_index() or 0].relation == "divergent"


# -- clicking and hovering ---------------------------------------------------------------


def test_clicking_a_unit_selects_its_counterpart_and_scrolls_it_into_view(
    qtbot: QtBot,
) -> None:
    view = shown(qtbot)
    view.resize(1200, 300)  # short panes, so the counterpart must be scrolled to
    qtbot.wait(50)
    edit = view.pane("a").text_edit
    offset = FLOOD_A.body.index("The national weather service")
    cursor = QTextCursor(edit.document())
    cursor.setPosition(offset + 5)
    edit.ensureCursorVisible()
    rect = edit.cursorRect(cursor)
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    a_id = unit_id("a", PAIRS[3][0])
    b_id = unit_id("b", PAIRS[3][1])
    assert view.selected_units() == ([a_id], [b_id])
    pane_b = view.pane("b")
    start = FLOOD_B.body.index(PAIRS[3][1])
    top, bottom = pane_b.y_span(start, start + len(PAIRS[3][1]))
    visible_top = pane_b.scroll_value()
    assert visible_top <= top and bottom <= visible_top + pane_b.viewport_height()
    # The view's own lookup agrees with what was clicked.
    assert view.unit_at_position("a", offset) == a_id


def test_select_unit_from_b_and_one_sided_units(qtbot: QtBot) -> None:
    view = shown(qtbot)
    b_id = unit_id("b", PAIRS[1][1])
    view.select_unit("b", b_id)
    assert view.selected_units() == ([unit_id("a", PAIRS[1][0])], [b_id])
    only = unit_id("b", "Residents criticised the slow response of the regional government.")
    messages: list[str] = []
    view.status_message.connect(messages.append)
    view.select_unit("b", only)
    assert view.current_pair_index() is None
    assert view.selected_units() == ([], [only])
    assert "Only article B" in messages[-1]


def test_hover_explains_relation_score_and_conflicts(qtbot: QtBot) -> None:
    view = shown(qtbot)
    provider = view.pane("a").text_edit.tooltip_provider
    assert provider is not None
    text = provider(FLOOD_A.body.index("Heavy rain"))
    assert text is not None
    assert "Divergent claim" in text and "0.60" in text
    assert "date: November 9 vs November 8" in text and "number: 4,000 vs 6,000" in text
    assert provider(FLOOD_A.body.index("Local shop owner")) is None
    band = next(b for b in view.gutter.bands() if b.relation == "divergent")
    assert "date: November 9 vs November 8" in band.tooltip


def test_selection_offsets_are_body_offsets(qtbot: QtBot) -> None:
    view = shown(qtbot)
    edit = view.pane("b").text_edit
    start = FLOOD_B.body.index("Anna Keller")
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("Anna Keller"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    assert edit.isReadOnly()
    assert view.pane("b").selection_range() == (start, start + len("Anna Keller"))


# -- summary ---------------------------------------------------------------------------------


def test_summary_lists_claims_and_jumps_to_them(qtbot: QtBot) -> None:
    view = shown(qtbot)
    summary = view.summary
    assert summary.lists["divergent"].count() == 2
    assert summary.lists["same"].count() == 3
    assert summary.lists["only_a"].count() == 1 and summary.lists["only_b"].count() == 1
    assert summary.bars["a"].value() == 80 and summary.bars["b"].value() == 75
    assert "date: November 9 vs November 8" in summary.lists["divergent"].item(0).text()
    item = summary.lists["divergent"].item(1)
    summary.lists["divergent"].itemClicked.emit(item)
    assert view.selected_units() == (
        [unit_id("a", PAIRS[3][0])],
        [unit_id("b", PAIRS[3][1])],
    )
    for widget in (view.pane("a"), view.gutter, view.pane("a").overview, summary):
        assert widget.accessibleName()


def test_enter_at_the_text_cursor_does_what_a_click_does(qtbot: QtBot) -> None:
    view = shown(qtbot)
    edit = view.pane("b").text_edit
    cursor = edit.textCursor()
    cursor.setPosition(FLOOD_B.body.index("Governor Anna Keller") + 3)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert view.selected_units() == ([unit_id("a", PAIRS[1][0])], [unit_id("b", PAIRS[1][1])])


def test_a_long_byline_is_elided_not_widening_the_pane(qtbot: QtBot) -> None:
    from desktop.comparison.pane import ReadingPane
    from library.article import Article

    pane = ReadingPane("a")
    qtbot.addWidget(pane)
    pane.resize(300, 400)
    pane.show()
    author = ", ".join(f"Reporter Number {n}" for n in range(30))
    pane.set_article(Article(title="Short", body="Text.", outlet="Metro", author=author))
    assert pane.minimumSizeHint().width() < 300
    assert "…" in pane.meta_label.text()
    assert pane.meta_label.toolTip().endswith("Reporter Number 29")


def test_no_divergences_leaves_the_room_to_the_other_lists(qtbot: QtBot) -> None:
    from library.export import ComparisonLayout

    view = shown(qtbot)  # two divergent claims
    sections = view.summary.sections
    view.summary_fold.set_mode("open")  # 1100 px would fold it into the rail by itself
    view.resize(1100, 700)
    qtbot.waitUntil(lambda: sum(sections.sizes()) > 300)
    same = compare_articles(FLOOD_A, FLOOD_A)  # nothing can diverge
    view.summary.set_layout(ComparisonLayout.build(same))
    top, tabs = sections.sizes()
    assert top < tabs / 2
    view.summary.set_layout(view.layout_data())  # divergent claims again: even split
    top, tabs = sections.sizes()
    assert abs(top - tabs) <= 2
