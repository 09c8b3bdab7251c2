"""The Lenses panel: its lists, the timeline picture, and jumps into both panes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView
from desktop.comparison.lenses_panel import LensesPanel, Target
from desktop.comparison.timeline_widget import TimelineWidget
from library.article import Article
from library.compare import compare_articles
from library.compare.lenses.timeline import Row
from library.compare.lenses.voices import Voice
from library.compare.model import Comparison
from library.export import ComparisonLayout
from library.ingest import read_article

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

A = Article(
    title="Flood A",
    body=(
        "The river burst its banks on November 9, 2024.\n\n"
        "Mayor Anna Keller said the town would rebuild.\n\n"
        "Officials counted 4,000 evacuees in October 2024.\n\n"
        "Keller added that help was on its way."
    ),
)
B = Article(
    title="Flood B",
    body=(
        "The river burst its banks on November 9, 2024, after heavy rain.\n\n"
        "Anna Keller, the mayor, told reporters the town would rebuild.\n\n"
        "Analysts believe the dams were too old.\n\n"
        "Engineer Peter Grant said the warning came late."
    ),
)


def texts(widget: QListWidget) -> list[str]:
    return [widget.item(k).text() for k in range(widget.count())]


def entry(widget: QListWidget, starts: str) -> Any:
    return next(
        widget.item(k) for k in range(widget.count()) if widget.item(k).text().startswith(starts)
    )


@pytest.fixture
def flood(qtbot: QtBot) -> ComparisonView:
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    view.show_comparison(A, B, compare_articles(A, B))
    view.lenses.fold.set_open(True, remember=True)
    return view


def test_the_panel_folds_into_the_rail_and_opens_with_its_lists(qtbot: QtBot) -> None:
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    # No room beside the summary: folded, its button on the rail.
    assert view.lenses.panel.isHidden()
    assert not view.rail.buttons["lenses"].isHidden()
    view.show_comparison(A, B, compare_articles(A, B))
    with qtbot.waitSignal(view.lenses.fold.mode_changed) as blocker:
        view.rail.buttons["lenses"].click()
    assert blocker.args == ["open"] and view.lenses.panel.isVisible()
    # Filled when shown (a folded panel waits).
    voices = texts(view.lenses.panel.lists["voices"])
    assert any(t.startswith("Anna Keller") for t in voices)
    view.lenses.panel.fold_button.click()
    assert view.lenses.panel.isHidden() and view.lenses.fold.mode() == "closed"


def test_voices_say_who_both_quote_and_who_only_one_does(flood: ComparisonView) -> None:
    voices = texts(flood.lenses.panel.lists["voices"])
    both = voices.index("Quoted by both (1)")
    assert voices[both + 1].startswith("Anna Keller   A ×2 · B ×1")
    only_b = voices.index("Only B quotes (1)")
    assert "Peter Grant   B ×1" in voices[only_b + 1]
    assert "Unnamed sources: A 0 · B 1" in voices
    assert "B: Analysts believe" in voices


def test_picking_a_voice_shows_its_sentences_in_both_panes(flood: ComparisonView) -> None:
    panel = flood.lenses.panel
    item = entry(panel.lists["voices"], "Anna Keller")
    target = item.data(Qt.ItemDataRole.UserRole)
    assert isinstance(target, Target) and target.what == "Anna Keller"
    a_ids, b_ids = list(target.a), list(target.b)
    assert len(a_ids) == 2 and len(b_ids) == 1
    panel.lists["voices"].itemClicked.emit(item)
    assert flood.selected_units() == (a_ids, b_ids)
    layout = flood.layout_data()
    assert layout is not None
    for side, ids in (("a", a_ids), ("b", b_ids)):
        spans = flood.pane(side).text_edit.current_spans
        assert spans == [
            (u.start, u.end) for uid in ids if (u := layout.unit(side, uid)) is not None
        ]
    assert flood.current_pair_index() is None  # a lens entry is no pair


def test_picking_again_steps_to_the_next_occurrence(qtbot: QtBot, flood: ComparisonView) -> None:
    lenses = flood.lenses
    pane = flood.pane("a")
    layout = flood.layout_data()
    assert layout is not None
    a_ids = [u.unit_id for u in layout.units["a"]]
    first, last = layout.unit("a", a_ids[0]), layout.unit("a", a_ids[-1])
    assert first is not None and last is not None
    # Long enough to scroll: the two units sit far apart.
    pane.text_edit.setFixedHeight(60)
    qtbot.wait(10)
    with qtbot.waitSignal(flood.status_message) as said:
        lenses.show_units([a_ids[-1], a_ids[0]], [], "x")
    assert "A 1 of 2" in said.args[0] and "click again" in said.args[0]
    top_last = pane.scroll_value()
    with qtbot.waitSignal(flood.status_message) as said:
        lenses.show_units([a_ids[-1], a_ids[0]], [], "x")
    assert "A 2 of 2" in said.args[0]
    assert pane.scroll_value() < top_last


def test_numbers_and_names(flood: ComparisonView) -> None:
    numbers = texts(flood.lenses.panel.lists["numbers"])
    assert any("4,000" in t and t.count("\n") == 1 for t in numbers)
    assert numbers[0].startswith("Only A counts")
    names = texts(flood.lenses.panel.lists["names"])
    assert names[0].startswith("Both name")
    assert any("Anna Keller   A ×2 · B ×1" in t for t in names)


def test_timeline_tab_lists_rows_in_the_pictures_order_and_clicks_jump(
    qtbot: QtBot, flood: ComparisonView
) -> None:
    panel = flood.lenses.panel
    panel.show_lens("timeline")
    assert panel.current_lens() == "timeline"
    rows = texts(panel.lists["timeline"])
    assert rows[0].startswith("Oct 2024   A only")
    assert rows[1].startswith("9 Nov 2024   both")
    picture = panel.timeline
    g = picture.geometry_data()
    shared = next(m for m in g.marks if m.side == "b" and m.linked)
    with qtbot.waitSignal(picture.row_activated) as clicked:
        qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=QPoint(round(shared.x), 86))
    assert clicked.args == [shared.row]
    wanted = panel._timeline_rows[shared.row]
    assert flood.selected_units() == (wanted.a, wanted.b)
    assert panel.lists["timeline"].currentRow() == 1


def test_timeline_picture_geometry(qtbot: QtBot) -> None:
    picture = TimelineWidget()
    qtbot.addWidget(picture)
    rows = [
        Row("2024-11-09", [1], [2], ["x"], ["y"]),
        Row("2024-10-??", [3], [], ["October"], [], partial=True),
        Row("2024-11-12", [4], [], ["Nov 12"], [], conflict=True),
        Row("2024-11-13", [], [5], [], ["Nov 13"], conflict=True),
    ]
    picture.set_rows(rows, clashes=[(2, 3)])
    picture.resize(500, picture.sizeHint().height())
    picture.show()
    qtbot.waitExposed(picture)
    g = picture.geometry_data()
    kinds = {(m.row, m.side): m.kind for m in g.marks}
    assert kinds[(1, "a")] == "band" and kinds[(0, "a")] == kinds[(0, "b")] == "point"
    assert {(link.row_a, link.row_b, link.conflict) for link in g.links} == {
        (0, 0, False),
        (2, 3, True),
    }
    assert [m.row for m in g.marks if m.conflict] == [2, 3]
    picture.grab()  # paints without error (light palette here)


def test_hover_and_user_text_stay_plain(qtbot: QtBot) -> None:
    panel = LensesPanel()
    qtbot.addWidget(panel)
    panel.show()
    hostile = "<b>Bold</b> <img src=x>"
    found = compare_articles(
        Article(title="A", body=f"{hostile} said the sky fell."),
        Article(title="B", body="Nothing here."),
    )
    assert found.lenses is not None
    voice = Voice("hostile", hostile, description_a=hostile, a=[0])
    comparison = replace(found, lenses=replace(found.lenses, voices=(voice,)))
    panel.set_comparison(comparison, ComparisonLayout.build(comparison))
    item = entry(panel.lists["voices"], hostile)
    assert item.text().startswith(hostile)  # list items are plain text
    # A tooltip Qt would take for HTML is escaped.
    assert "&lt;b&gt;" in item.toolTip() and "<b>" not in item.toolTip()


def test_lists_are_sound_item_models(qtbot: QtBot, qtmodeltester: Any) -> None:
    panel = LensesPanel()
    qtbot.addWidget(panel)
    panel.show()
    comparison = compare_articles(A, B)
    panel.set_comparison(comparison, ComparisonLayout.build(comparison))
    for widget in panel.lists.values():
        qtmodeltester.check(widget.model())


def test_a_new_comparison_clears_the_old_lenses(flood: ComparisonView) -> None:
    flood.open_articles(B, A)  # still comparing: nothing to show yet
    assert texts(flood.lenses.panel.lists["voices"]) == ["No comparison yet."]
    flood.runner.cancel()


def _sample_panel(qtbot: QtBot, sample_paths: list[Path]) -> tuple[LensesPanel, Comparison]:
    """A shown, empty lenses panel and the engine's comparison of the sample pair."""
    if len(sample_paths) < 2:
        pytest.skip("sample articles not in resources/articles")
    a, b = (read_article(p) for p in sample_paths[:2])
    panel = LensesPanel()
    qtbot.addWidget(panel)
    panel.show()
    comparison = compare_articles(a, b)
    return panel, comparison


def test_sample_pair_lenses_in_the_window(qtbot: QtBot, sample_paths: list[Path]) -> None:
    panel, comparison = _sample_panel(qtbot, sample_paths)
    panel.set_comparison(comparison, ComparisonLayout.build(comparison))
    voices = texts(panel.lists["voices"])
    sections = {"Quoted by both": "", "Only A quotes": "", "Only B quotes": ""}
    current = ""
    for line in voices:
        head = next((s for s in sections if line.startswith(s)), None)
        if head is not None:
            current = head
        elif current and not line.startswith("Unnamed"):
            sections[current] += line + "\n"
    assert "Li Linyi" in sections["Quoted by both"]
    for name in ("Yao Yuan", "Cai Shunkun"):
        assert name in sections["Only A quotes"]
    for name in ("Zhong Zhidong", "Tang Jingyuan"):
        assert name in sections["Only B quotes"]
    timeline = texts(panel.lists["timeline"])
    assert any(t.startswith("10 Oct (year not stated)   both") for t in timeline)
    assert any(t.startswith("9 Nov (year not stated)   A only") for t in timeline)
    assert any(t.startswith("13 Oct (year not stated)   B only") for t in timeline)


def test_a_names_title_is_its_description_not_its_name(flood: ComparisonView) -> None:
    names = texts(flood.lenses.panel.lists["names"])
    keller = next(t for t in names if t.startswith("Anna Keller"))
    assert keller.split("\n")[1] == "Mayor"
    assert not any(t.startswith("Mayor") for t in names)


def test_sample_pair_rows_come_from_the_typed_lens_records(
    qtbot: QtBot, sample_paths: list[Path]
) -> None:
    """The panel over the sample pair's `Comparison`: the rows it showed when it read
    `to_dict()` (pinned on main 5020db7), each entry standing for its record's units."""
    panel, comparison = _sample_panel(qtbot, sample_paths)
    lenses = comparison.lenses
    assert lenses is not None
    panel.set_comparison(comparison, ComparisonLayout.build(comparison))
    voices = [t.split("\n")[0] for t in texts(panel.lists["voices"])]
    assert voices[:10] == [
        "Quoted by both (1)",
        "Li Linyi   A ×2 · B ×1",
        "Only A quotes (3)",
        "Cai Shunkun   A ×2",
        "Eric   A ×1",
        "Yao Yuan   A ×2",
        "Only B quotes (2)",
        "Tang Jingyuan   B ×2",
        "Zhong Zhidong   B ×1",
        "Unnamed sources: A 1 · B 5",
    ]
    headings = {
        "numbers": ["Only A counts (5)", "Only B counts (7)"],
        "names": ["Both name (10)", "Only A names (13)", "Only B names (23)"],
    }
    for key, heads in headings.items():
        shown = texts(panel.lists[key])
        assert [t for t in shown if t in heads] == heads
        assert len(shown) == len(heads) + len(getattr(lenses, key))
    # Every entry stands for its record's units: the unnamed ones, one unit each.
    targets = [
        data
        for k in range(panel.lists["voices"].count())
        if isinstance(data := panel.lists["voices"].item(k).data(Qt.ItemDataRole.UserRole), Target)
    ]
    unnamed = [((m.unit,), ()) for m in lenses.anonymous["a"]]
    unnamed += [((), (m.unit,)) for m in lenses.anonymous["b"]]
    assert len(targets) == len(lenses.voices) + len(unnamed) == 6 + 6
    assert [(t.a, t.b) for t in targets[:6]] == [(tuple(v.a), tuple(v.b)) for v in lenses.voices]
    assert [(t.a, t.b) for t in targets[6:]] == unnamed
    timeline = panel.lists["timeline"]
    assert timeline.count() == len(lenses.timeline) == 9
    rows = [timeline.item(k).data(Qt.ItemDataRole.UserRole) for k in range(timeline.count())]
    assert sorted(t.row for t in rows) == list(range(9))
    assert all(
        (t.a, t.b) == (tuple(lenses.timeline[t.row].a), tuple(lenses.timeline[t.row].b))
        for t in rows
    )
