"""Reviews drawn on the comparison: badges, margin bars, hand-link bands; reasons; claim notes.

A review round trip: confirm, reject, relabel and link (with reasons) in one
window, close it, open the comparison again in a new window on the same data:
the marks are drawn again and the reasons show in tooltips and exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView
from desktop.comparison.review_dialog import RelationChooser, ReviewDialog, VerdictChooser
from desktop.comparison.review_marks import review_color
from desktop.comparison.reviewing import Reviewing
from desktop.comparison.summary import EMPTY_DIVERGENT_HEIGHT
from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_view(
    qtbot: QtBot, collection: Collection, title_a: str = ""
) -> tuple[ComparisonView, Reviewing]:
    a, b = collection.library.articles()[:2]
    if title_a and not a.title.startswith(title_a):
        a, b = b, a
    view = ComparisonView(data_dir=collection.data_dir)
    qtbot.addWidget(view)
    reviewing = Reviewing(view, collection)
    view.resize(1200, 700)
    view.show()
    view.show_comparison(a, b, collection.compare(a, b, backend="lexical"))
    return view, reviewing


def unpaired(view: ComparisonView, side: str) -> Any:
    comparison = view._comparison
    paired = {u for p in comparison.pairs for u in getattr(p, side)}
    return next(u for u in getattr(comparison, side).units if u.id not in paired and u.id > 0)


def select(view: ComparisonView, side: str, unit: Any) -> None:
    edit = view.panes[side].text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(unit.start)
    cursor.setPosition(unit.end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def test_review_round_trip_marks_come_back_in_a_new_window(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, reviewing = open_view(qtbot, collection)
    layout = view._layout
    assert layout is not None and len(layout.pairs) >= 3
    monkeypatch.setattr(
        VerdictChooser, "ask", classmethod(lambda cls, *a: ("confirm", "Both quote the notice"))
    )
    assert reviewing.review_with_reason(0)
    assert reviewing.review_pair(1, judgement="reject", reason="Different cases")
    other = next(r for r in ("same", "divergent", "related") if r != layout.pairs[2].relation)
    assert reviewing.review_pair(2, relation=other)  # no reason: optional
    unit_a, unit_b = unpaired(view, "a"), unpaired(view, "b")
    select(view, "a", unit_a)
    select(view, "b", unit_b)
    monkeypatch.setattr(RelationChooser, "ask", classmethod(lambda cls, p: ("related", "Same day")))
    assert reviewing.link_selection()
    view.close()

    again, _reviewing = open_view(qtbot, collection)  # "reopen": a new view, the same notes.db
    marks = again.gutter.review_marks()
    assert {i: m.mark for i, m in marks.items()} == {0: "✓", 1: "✗", 2: "✎"}
    assert "Both quote the notice" in marks[0].line and "Different cases" in marks[1].line
    # The bands take the user's relation: a rejected pair's band is a ghost.
    bands = {band.pair: band for band in again.gutter.bands()}
    assert again.gutter.relation_of(bands[0]) == layout.pairs[0].relation
    assert again.gutter.relation_of(bands[1]) == "unrelated"
    assert again.gutter.relation_of(bands[2]) == other
    (link,) = again.gutter.user_links()
    assert (link.units_a, link.units_b) == ((unit_a.id,), (unit_b.id,))
    assert (link.relation, link.line) == ("related", "Linked by hand as related — Same day")
    edit_a = again.panes["a"].text_edit
    dark = again._qt_palette.dark
    assert (*layout.pairs[0].extent("a"), review_color(dark)) in edit_a.review_bars
    assert (*layout.pairs[1].extent("a"), review_color(dark, "rejected")) in edit_a.review_bars
    assert edit_a.link_frames == [(unit_a.start, unit_a.end, review_color(dark))]
    # Hovering the linked sentence says so; hovering a reviewed pair gives the reason.
    assert edit_a.tooltip_provider(unit_a.start) == "Linked by hand as related — Same day"
    tip = edit_a.tooltip_provider(layout.pairs[0].extent("a")[0])
    assert tip is not None and tip.endswith("Reviewed: confirmed — Both quote the notice")
    with qtbot.waitSignal(again.status_message) as said:
        again._select_pair(0, None)
    assert said.args[0].endswith("Reviewed: confirmed — Both quote the notice")


def test_hand_link_band_is_drawn_clickable_and_removable(
    qtbot: QtBot, collection: Collection
) -> None:
    view, reviewing = open_view(qtbot, collection)
    unit_a, unit_b = unpaired(view, "a"), unpaired(view, "b")
    select(view, "a", unit_a)
    select(view, "b", unit_b)
    assert reviewing.link_selection("divergent", "Who said it")
    with qtbot.waitSignal(view.status_message) as said:
        view.gutter.link_clicked.emit(0)  # a click on its band: both texts go there
    assert said.args[0] == "Linked by hand as divergent — Who said it"
    qtbot.wait(20)
    gutter = view.gutter
    (link, band, _path) = gutter._visible_links()[0]
    center = gutter.badge_center(band)
    assert gutter.link_at(QPointF(center)) == link
    image = gutter.grab().toImage()  # the ↔ badge in the review colour
    ratio = image.width() / gutter.width()
    pixel = image.pixelColor(int(center.x() * ratio), int((center.y() - 5) * ratio))
    assert pixel.green() > pixel.red() + 40
    # In the text: framed and washed in the review colour (the margin inside the frame).
    pane = view.panes["a"]
    top, bottom = pane.y_span(unit_a.start, unit_a.end)
    shot = pane.text_edit.viewport().grab().toImage()
    scale = shot.width() / pane.text_edit.viewport().width()
    washed = shot.pixelColor(
        int(12 * scale), int(((top + bottom) / 2 - pane.scroll_value()) * scale)
    )
    base = pane.text_edit.palette().base().color()
    assert washed != base and washed.green() >= washed.red()
    # Its context menu (in the pane) edits or removes just the link.
    edit = view.panes["a"].text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(unit_a.start + 1)
    actions = reviewing.actions_at(edit, edit.cursorRect(cursor).center())
    assert [a.text() for a in actions] == ["Edit Link…", "Remove Link", "Note This Claim…"]
    actions[1].trigger()
    assert view.gutter.user_links() == [] and edit.link_frames == []


def test_review_dialog_returns_the_choice_and_the_reason(qtbot: QtBot) -> None:
    dialog = ReviewDialog(None, "Review", "Is:", [("same", "same"), ("related", "related")])
    qtbot.addWidget(dialog)
    dialog.choice.setCurrentIndex(1)
    qtbot.keyClicks(dialog.reason, "  Same <i>event</i> ")
    assert dialog.value() == ("related", "Same <i>event</i>")


def test_note_this_claim_from_the_list_and_the_shortcut(
    qtbot: QtBot, collection: Collection, tmp_path: Path
) -> None:
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    view, reviewing = win.comparison_view, win.reviewing
    assert reviewing.act_note_claim.shortcut().toString() == "Ctrl+Alt+N"
    notes_menu = next(m for m in win.menuBar().actions() if m.text() == "&Notes").menu()
    assert reviewing.act_note_claim in notes_menu.actions()
    with qtbot.waitSignal(view.status_message) as said:
        assert not reviewing.note_current()  # nothing selected yet
    assert said.args[0].startswith("Select a claim first")

    # The claims list's menu has it (the same actions as the pane's menu).
    pair = view._layout.pairs[0]
    texts = [act.text() for act in reviewing.pair_actions(pair.index, view)]
    assert "Note This Claim…" in texts
    view.summary.pair_activated.emit(pair.index)  # picked in the list: selected
    win.notes_dock.hide()
    reviewing.act_note_claim.trigger()  # what Ctrl+Alt+N does
    assert win.notes_dock.isVisibleTo(win)
    notes = collection.notes.for_comparison(a.id, b.id)
    (note,) = [n for n in notes if n.kind == "claim"]
    assert note.claim is not None
    assert (note.claim.units_a, note.claim.units_b) == (pair.a, pair.b)
    editing = win.notes_panel.editor.note()  # the panel opened it to type in
    assert editing is not None and editing.id == note.id
    collection.notes.update(note.id, text="Check the date")
    target = tmp_path / "report.md"
    view.export(target, "md")
    report = target.read_text(encoding="utf-8")
    assert "On a claim" in report and "Check the date" in report
    # On the library page they would act on a comparison nobody sees.
    acts = (reviewing.act_note_claim, reviewing.act_review, reviewing.act_link)
    assert all(act.isEnabled() for act in acts)
    win.show_library()
    assert not any(act.isEnabled() for act in acts)
    win.show_comparison()
    assert all(act.isEnabled() for act in acts)
    win.close()


def test_margin_marks_stay_visible_around_the_current_pair(
    qtbot: QtBot, collection: Collection
) -> None:
    view, reviewing = open_view(qtbot, collection)
    pair = view._layout.pairs[0]
    assert reviewing.review_pair(pair.index, judgement="confirm")
    edit = view.panes["a"].text_edit
    edit.noted_spans = [pair.extent("a")]  # a note on the same passage
    view._select_pair(pair.index, None)  # framed as the current pair
    qtbot.wait(20)
    top, bottom = view.panes["a"].y_span(*pair.extent("a"))
    y = (top + bottom) / 2 - view.panes["a"].scroll_value()
    image = edit.viewport().grab().toImage()
    ratio = image.width() / edit.viewport().width()
    noted = image.pixelColor(int(2 * ratio), int(y * ratio))
    reviewed = image.pixelColor(int((edit.viewport().width() - 2) * ratio), int(y * ratio))
    assert noted == edit.palette().highlight().color()  # not covered by the frame
    assert reviewed == review_color(view._qt_palette.dark)


def test_hand_links_are_listed_with_the_claims(qtbot: QtBot, collection: Collection) -> None:
    view, reviewing = open_view(qtbot, collection)
    divergent = view.summary.lists["divergent"]
    assert view.summary.divergent_label.text() == "Divergent claims (0)"  # the samples agree
    select(view, "a", unpaired(view, "a"))
    select(view, "b", unpaired(view, "b"))
    assert reviewing.link_selection("divergent", "Who said it")
    (item,) = [divergent.item(row) for row in range(divergent.count())]  # no "they agree"
    assert item.text().startswith("↔ Linked by hand as divergent — Who said it\nA: ")
    assert view.summary.divergent_label.text() == "Divergent claims (1)"
    counts = view.summary.counts.text()
    assert "<b>0</b> reviewed, <b>" in counts and "machine-only" in counts
    assert "<b>1</b> linked by hand" in counts
    with qtbot.waitSignal(view.status_message) as said:
        divergent.itemClicked.emit(item)  # picked in the list: both texts go there
    assert said.args[0] == "Linked by hand as divergent — Who said it"
    noted: list[Any] = []
    reviewing.note_claim = lambda a, b, claim: noted.append(claim)
    assert reviewing.note_current()  # Ctrl+Alt+N on the link just picked
    assert (noted[0].units_a, noted[0].units_b) == (
        view.gutter.user_links()[0].units_a,
        view.gutter.user_links()[0].units_b,
    )
    assert reviewing.remove_link(0)
    assert divergent.count() == 1 and divergent.item(0).data(0x0100) is None  # placeholder
    assert view.summary.divergent_label.text() == "Divergent claims (0)"


ARTICLE_A = """# Harbour pier opens

The harbour authority said on Monday that the new pier will open in May.

Fishermen said the construction had halved their catch.

The mayor thanked the workers who built the pier.
"""

ARTICLE_B = """# Pier to open soon

The harbour authority announced on Monday that the new pier will open in June.

Tourists are expected to arrive by the thousands.
"""


def test_marks_follow_a_reimported_article(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    path_a, path_b = tmp_path / "a.md", tmp_path / "b.md"
    path_a.write_text(ARTICLE_A, encoding="utf-8")
    path_b.write_text(ARTICLE_B, encoding="utf-8")
    collection = Collection(data_dir, seed=False)
    try:
        collection.import_paths([path_a, path_b])
        view, reviewing = open_view(qtbot, collection, "Harbour")
        mayor = next(u for u in view._comparison.a.units if "mayor" in u.text)
        tourists = next(u for u in view._comparison.b.units if "Tourists" in u.text)
        select(view, "a", mayor)
        select(view, "b", tourists)
        assert reviewing.link_selection("related", "Same ceremony")
        assert reviewing.review_pair(0, judgement="confirm")
        view.close()

        # A new version of A: a paragraph above moves every offset.
        path_a.write_text(
            ARTICLE_A.replace("# Harbour pier opens\n", "# Harbour pier opens\n\nUPDATE: more.\n"),
            encoding="utf-8",
        )
        collection.import_paths([path_a])
        again, _ = open_view(qtbot, collection, "Harbour")
        assert "UPDATE" in again.panes["a"].article.body
        (link,) = again.gutter.user_links()
        moved = next(u for u in again._comparison.a.units if "mayor" in u.text)
        assert moved.start > mayor.start and (link.a_start, link.a_end) == (moved.start, moved.end)
        assert link.line == "Linked by hand as related — Same ceremony"
        assert [m.mark for m in again.gutter.review_marks().values()] == ["✓"]
        again.close()

        # Rewritten: the linked sentence is gone. The link is kept and said, not drawn.
        gone = "Rain is forecast for the whole weekend along the coast."
        path_a.write_text(ARTICLE_A.replace(mayor.text, gone), "utf-8")
        collection.import_paths([path_a])
        third, _ = open_view(qtbot, collection, "Harbour")
        assert third.gutter.user_links() == []
        assert "<b>1</b> detached" in third.summary.counts.text()
    finally:
        collection.close()


def test_export_has_reviews_with_reasons_claim_notes_titles_and_no_paths(
    qtbot: QtBot, collection: Collection, tmp_path: Path
) -> None:
    view, reviewing = open_view(qtbot, collection)
    a, b = view.panes["a"].article, view.panes["b"].article
    assert reviewing.review_pair(0, judgement="reject", reason="Not the <same> case")
    select(view, "a", unpaired(view, "a"))
    select(view, "b", unpaired(view, "b"))
    assert reviewing.link_selection("related", "Same day & place")
    claim = reviewing.claim_of(1)
    assert claim is not None
    collection.notes.add_comparison_note(a.id, b.id, "Check *this* claim", claim=claim)
    for fmt in ("html", "md"):
        target = tmp_path / f"report.{fmt}"
        view.export(target, fmt)
        report = target.read_text(encoding="utf-8")
        plain = report.replace("\\", "")  # Markdown's escapes, for the wording checks
        assert "Generated by Parallax on" in report
        only = f"{len(view._comparison.pairs) - 1} machine-only"
        assert "1 reviewed" in plain and only in plain and "1 linked by hand" in plain
        assert "linked by hand as related" in plain and "On a claim" in report
        for path in (a.source_path, b.source_path, str(collection.data_dir)):
            assert path and path not in report
        title = a.title[:30] if fmt == "html" else a.title[:12]
        assert title in report
        if fmt == "html":  # the user's text escaped, never markup
            assert "Not the &lt;same&gt; case" in report and "Same day &amp; place" in report
        else:
            assert "Not the \\<same\\> case" in report and "Check \\*this\\* claim" in report


def test_a_pair_marked_divergent_moves_to_the_divergent_claims(
    qtbot: QtBot, collection: Collection
) -> None:
    view, reviewing = open_view(qtbot, collection)
    lists = view.summary.lists
    pair = next(p for p in view._layout.pairs if p.relation != "divergent")

    def where() -> list[str]:
        return [
            key
            for key in ("divergent", "same", "related")
            for row in range(lists[key].count())
            if lists[key].item(row).data(0x0100) == ("pair", pair.index)
        ]

    home = where()
    assert home == [pair.relation]
    assert reviewing.review_pair(pair.index, relation="divergent", reason="9 Nov vs 13 Oct")
    assert where() == ["divergent"]
    assert lists["divergent"].item(0).text().startswith("✎ Reviewed: marked as divergent")
    assert view.summary.divergent_label.text() == "Divergent claims (1)"
    # The section had shrunk to its "none" line: it gets its room back.
    assert view.summary.sections.sizes()[0] > EMPTY_DIVERGENT_HEIGHT
    view.summary.set_current(pair.index)  # still found for selection
    assert lists["divergent"].currentItem() is lists["divergent"].item(0)
    assert reviewing.review_pair(pair.index, judgement="reject")  # rejected: back home, ✗
    assert where() == home
    assert reviewing.clear_pair(pair.index)
    assert where() == home and view.summary.divergent_label.text() == "Divergent claims (0)"


def test_a_sentence_in_a_pair_and_a_hand_link_offers_both_menus(
    qtbot: QtBot, collection: Collection
) -> None:
    view, reviewing = open_view(qtbot, collection)
    comparison = view._comparison
    pair = comparison.pairs[0]
    b_units = comparison.b.units
    other_b = next(u for u in b_units if u.id not in pair.b and u.id > 0)
    select(view, "a", next(u for u in comparison.a.units if u.id == pair.a[0]))
    select(view, "b", other_b)
    assert reviewing.link_selection("related", "")
    edit = view.panes["a"].text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(comparison.a.units[pair.a[0]].start + 1)
    names = [a.text() for a in reviewing.actions_at(edit, edit.cursorRect(cursor).center())]
    assert names[:2] == ["Confirm", "Reject"] and names[-3:] == [
        "Edit Link…",
        "Remove Link",
        "Note This Claim…",
    ]


def test_ctrl_alt_r_reviews_the_selected_pair_with_a_reason(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, reviewing = open_view(qtbot, collection)
    asked: list[tuple[Any, ...]] = []

    def ask(cls: object, *args: Any) -> tuple[str, str]:
        asked.append(args)
        return "reject", "Another case"

    monkeypatch.setattr(VerdictChooser, "ask", classmethod(ask))
    assert reviewing.act_review.shortcut().toString() == "Ctrl+Alt+R"
    with qtbot.waitSignal(view.status_message) as said:
        assert not reviewing.review_current()  # nothing selected
    assert said.args[0].startswith("Select a pair first")
    view._select_pair(1, None)
    reviewing.act_review.trigger()
    assert asked[-1][1:4] == (view._layout.pairs[1].relation, None, "")  # machine, no review yet
    assert asked[-1][4].startswith("A: ") and "\nB: " in asked[-1][4]  # what is reviewed
    applied = reviewing.review_of(1)
    assert applied is not None and (applied.review.verdict, applied.review.reason) == (
        "rejected",
        "Another case",
    )
    reviewing.act_review.trigger()  # again: the dialog opens on the review as it is
    assert asked[-1][2:4] == ("reject", "Another case")


def test_f8_steps_through_what_the_user_says_diverges(qtbot: QtBot, collection: Collection) -> None:
    view, reviewing = open_view(qtbot, collection)
    layout = view._layout
    assert not layout.pairs_in_order("a", "divergent")  # the samples: none by the machine
    assert not view.acts.next_divergence.isEnabled()
    shared = layout.pairs_in_order("a", "same")
    assert reviewing.review_pair(shared[-1].index, relation="divergent")
    assert view.acts.next_divergence.isEnabled()
    assert view.next_divergence() == shared[-1].index
    assert reviewing.review_pair(shared[0].index, judgement="reject")  # not a shared fact now
    assert view._navigator is not None
    assert view._navigator.count("same") == len(shared) - 2  # one now divergent, one rejected
    assert reviewing.clear_pair(shared[-1].index)
    assert not view.acts.next_divergence.isEnabled()


def test_clicking_a_linked_sentence_selects_its_link(qtbot: QtBot, collection: Collection) -> None:
    view, reviewing = open_view(qtbot, collection)
    unit_a, unit_b = unpaired(view, "a"), unpaired(view, "b")
    select(view, "a", unit_a)
    select(view, "b", unit_b)
    assert reviewing.link_selection("related", "")
    with qtbot.waitSignal(view.status_message) as said:
        view.panes["b"].text_edit.clicked.emit(unit_b.start + 1)  # not "Only B reports this"
    assert said.args[0] == "Linked by hand as related"
    assert view.panes["a"].text_edit.current_spans == [(unit_a.start, unit_a.end)]
    assert view.panes["b"].text_edit.current_spans == [(unit_b.start, unit_b.end)]
    assert reviewing._current_link == 0
    other = next(uid for uid in view._layout.only["a"] if uid != unit_a.id)
    with qtbot.waitSignal(view.status_message) as said:
        view.select_unit("a", other)  # a sentence of A alone: the link is let go
    assert said.args[0] == "Only article A reports this."
    assert reviewing._current_link is None


def test_a_rejected_pair_is_no_longer_painted_as_a_shared_fact(
    qtbot: QtBot, collection: Collection
) -> None:
    from PySide6.QtGui import QTextCharFormat

    from tests.desktop.comparison.test_comparison_support import format_at

    view, reviewing = open_view(qtbot, collection)
    layout = view._layout
    assert layout is not None
    index = next(i for i, p in enumerate(layout.pairs) if p.relation == "same")
    start = layout.pairs[index].extent("a")[0]
    none = QTextCharFormat.UnderlineStyle.NoUnderline
    assert format_at(view, "a", start).underlineStyle() != none
    assert reviewing.review_pair(index, judgement="reject", reason="Different cases")
    # The user said these are not the same: the text must not still say so.
    assert format_at(view, "a", start).underlineStyle() == none
    assert reviewing.review_pair(index, relation="divergent")
    assert format_at(view, "a", start).underlineStyle() == (
        QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    assert reviewing.clear_pair(index)  # the machine's finding again
    assert format_at(view, "a", start).underlineStyle() == (
        QTextCharFormat.UnderlineStyle.SingleUnderline
    )
