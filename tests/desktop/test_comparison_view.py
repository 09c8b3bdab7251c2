"""ComparisonView: painting, navigation, click-to-counterpart, tooltips, sync, export, worker.

State is asserted through the view's API (highlighted units, current pair, scroll
values, document formats), never through pixels.
"""

from __future__ import annotations

import difflib
import re
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView
from library.article import Article
from library.compare import compare_articles
from library.ingest import read_article

# The offscreen platform cannot honour size hints of top-level windows; harmless.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

FLOOD_A = Article(
    title="Flooding forces thousands from homes",
    outlet="Valley Herald",
    published="2025-11-10",
    body=(
        "Heavy rain caused the Meridian River to burst its banks on November 9, "
        "forcing about 4,000 residents to leave their homes, officials said.\n\n"
        "The regional governor, Anna Keller, declared a state of emergency on Sunday "
        "evening and asked the army for help.\n\n"
        "Water levels at the Stanton gauge reached 7.2 metres, the highest since "
        "records began in 1953.\n\n"
        "Local shop owner Peter Grant said the water rose faster than anyone expected.\n\n"
        "The national weather service had issued a red warning two days earlier.\n\n"
        "Schools in the valley will remain closed until Wednesday."
    ),
)
FLOOD_B = Article(
    title="River bursts banks as storm hits the valley",
    outlet="Morning Post",
    published="2025-11-09",
    body=(
        "Schools in the valley will remain closed until Wednesday.\n\n"
        "The Meridian River burst its banks on November 8 after days of heavy rain, "
        "and some 6,000 residents were evacuated, the authorities said.\n\n"
        "Governor Anna Keller declared a state of emergency on Sunday and asked the "
        "army for help.\n\n"
        "Residents criticised the slow response of the regional government.\n\n"
        "At the Stanton gauge the water reached 7.2 metres, the highest level since "
        "records began in 1953.\n\n"
        "The weather service had issued a red warning three days earlier."
    ),
)

# (A sentence, B sentence, relation, conflicts) for the hand-built comparison.
PAIRS: list[tuple[str, str, str, list[dict[str, str]]]] = [
    (
        "Heavy rain caused the Meridian River to burst its banks on November 9, "
        "forcing about 4,000 residents to leave their homes, officials said.",
        "The Meridian River burst its banks on November 8 after days of heavy rain, "
        "and some 6,000 residents were evacuated, the authorities said.",
        "divergent",
        [
            {"kind": "date", "a": "November 9", "b": "November 8"},
            {"kind": "number", "a": "4,000", "b": "6,000"},
        ],
    ),
    (
        "The regional governor, Anna Keller, declared a state of emergency on Sunday "
        "evening and asked the army for help.",
        "Governor Anna Keller declared a state of emergency on Sunday and asked the army for help.",
        "same",
        [],
    ),
    (
        "Water levels at the Stanton gauge reached 7.2 metres, the highest since "
        "records began in 1953.",
        "At the Stanton gauge the water reached 7.2 metres, the highest level since "
        "records began in 1953.",
        "same",
        [],
    ),
    (
        "The national weather service had issued a red warning two days earlier.",
        "The weather service had issued a red warning three days earlier.",
        "divergent",
        [{"kind": "number", "a": "two", "b": "three"}],
    ),
    (
        "Schools in the valley will remain closed until Wednesday.",
        "Schools in the valley will remain closed until Wednesday.",
        "same",
        [],
    ),
]


def _units(body: str) -> list[dict[str, Any]]:
    units = []
    for n, m in enumerate(re.finditer(r"[^\n]+", body)):
        units.append({"id": n, "text": m.group(), "start": m.start(), "end": m.end()})
    return units


def word_diff(a: str, b: str) -> list[list[Any]]:
    """A word-level diff in the engine's `[op, text]` form (difflib, for tests only)."""
    ta, tb = re.findall(r"\w+|\W+", a), re.findall(r"\w+|\W+", b)
    out: list[list[Any]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb).get_opcodes():
        if tag == "equal":
            out.append([0, "".join(ta[i1:i2])])
            continue
        if i2 > i1:
            out.append([-1, "".join(ta[i1:i2])])
        if j2 > j1:
            out.append([1, "".join(tb[j1:j2])])
    return out


def hand_built() -> dict[str, Any]:
    """A comparison of FLOOD_A and FLOOD_B in the engine's JSON contract."""
    units = {"a": _units(FLOOD_A.body), "b": _units(FLOOD_B.body)}

    def uid(side: str, text: str) -> int:
        return next(u["id"] for u in units[side] if u["text"] == text)

    pairs: list[dict[str, Any]] = [
        {
            "a": [uid("a", a)],
            "b": [uid("b", b)],
            "relation": rel,
            "score": 0.9 if rel == "same" else 0.6,
            "conflicts": conflicts,
            "diff": word_diff(a, b),
        }
        for a, b, rel, conflicts in PAIRS
    ]
    in_a = {i for p in pairs for i in p["a"]}
    in_b = {i for p in pairs for i in p["b"]}
    only_a = [u["id"] for u in units["a"] if u["id"] not in in_a]
    only_b = [u["id"] for u in units["b"] if u["id"] not in in_b]
    return {
        "a": {"title": FLOOD_A.title, "units": units["a"]},
        "b": {"title": FLOOD_B.title, "units": units["b"]},
        "pairs": pairs,
        "only_a": only_a,
        "only_b": only_b,
        "summary": {
            "shared": 3,
            "divergent": 2,
            "only_a": len(only_a),
            "only_b": len(only_b),
            "overlap_a": 0.8,
            "overlap_b": 0.75,
        },
    }


# -- helpers ----------------------------------------------------------------------


def make_view(qtbot: QtBot) -> ComparisonView:
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(qtbot: QtBot) -> ComparisonView:
    """A view painting the hand-built flood comparison."""
    view = make_view(qtbot)
    view.show_comparison(FLOOD_A, FLOOD_B, hand_built())
    return view


def unit_id(side: str, text: str) -> int:
    data = hand_built()
    return next(u["id"] for u in data[side]["units"] if u["text"] == text)


def pair_of(view: ComparisonView, index: int | None) -> tuple[list[int], list[int]]:
    layout = view.layout_data()
    assert layout is not None and index is not None
    pair = layout.pairs[index]
    return list(pair.a), list(pair.b)


def format_at(view: ComparisonView, side: str, offset: int) -> QTextCharFormat:
    cursor = QTextCursor(view.pane(side).text_edit.document())
    cursor.setPosition(offset + 1)  # the format of the character before the cursor
    return cursor.charFormat()


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
    assert len(view.gutter.bands()) == len(expected["pairs"])


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


# -- scrolling -------------------------------------------------------------------------------


def long_articles() -> tuple[Article, Article, dict[str, Any]]:
    paras_a = [f"Paragraph {i} of A says the count was {i}." for i in range(120)]
    paras_b = [f"Intro line {i} only in B." for i in range(30)]
    paras_b += [f"Paragraph {i} of A says the count was {i}." for i in range(120)]
    body_a, body_b = "\n\n".join(paras_a), "\n\n".join(paras_b)
    ua, ub = _units(body_a), _units(body_b)
    pairs = [
        {"a": [i], "b": [30 + i], "relation": "same", "score": 1.0, "conflicts": [],
         "diff": [[0, paras_a[i]]]}
        for i in range(120)
    ]  # fmt: skip
    data = {
        "a": {"title": "A", "units": ua},
        "b": {"title": "B", "units": ub},
        "pairs": pairs,
        "only_a": [],
        "only_b": list(range(30)),
        "summary": {"shared": 120, "divergent": 0, "only_a": 0, "only_b": 30},
    }
    return Article(title="Long A", body=body_a), Article(title="Long B", body=body_b), data


def test_scrolling_follows_the_alignment_and_can_be_switched_off(qtbot: QtBot) -> None:
    article_a, article_b, data = long_articles()
    view = make_view(qtbot)
    view.show_comparison(article_a, article_b, data)
    qtbot.wait(50)
    bar_a = view.pane("a").text_edit.verticalScrollBar()
    bar_b = view.pane("b").text_edit.verticalScrollBar()
    assert bar_a.maximum() > 0 and bar_b.maximum() > bar_a.maximum()
    dropped = view.sync.dropped
    bar_a.setValue(bar_a.maximum() // 2)
    # B follows, further down, since B has 30 extra lines before the shared text...
    assert bar_b.value() > bar_a.value()
    # ...and the echo of B's own valueChanged was dropped, not mapped back to A.
    assert view.sync.dropped > dropped
    assert bar_a.value() == bar_a.maximum() // 2
    # The paragraph at A's reference line is level with its counterpart in B.
    bar_a.setValue(bar_a.maximum())
    assert bar_b.value() == bar_b.maximum()
    bar_a.setValue(0)
    assert bar_b.value() == 0
    view.acts.sync.setChecked(False)
    bar_a.setValue(bar_a.maximum() // 3)
    assert bar_b.value() == 0
    view.acts.sync.setChecked(True)  # switching back on brings B level again
    assert bar_b.value() > 0


# -- export ----------------------------------------------------------------------------------


def test_export_writes_files_with_the_highlighted_claims(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = shown(qtbot)
    targets = {"html": tmp_path / "report.html", "md": tmp_path / "report.md"}
    monkeypatch.setattr(
        ComparisonView, "ask_export_path", classmethod(lambda cls, parent, fmt: targets[fmt])
    )
    view.acts.export_html.trigger()
    view.acts.export_md.trigger()
    page = targets["html"].read_text(encoding="utf-8")
    assert '<strong class="emph conflict">November 9</strong>' in page
    assert '<strong class="emph conflict">6,000</strong>' in page
    assert "date: November 9 vs November 8" in page
    assert "<script" not in page and "http" not in page
    md = targets["md"].read_text(encoding="utf-8")
    assert "**November 9**" in md and "number: 4,000 vs 6,000" in md
    assert "Residents criticised the slow response" in md  # only in B
    with pytest.raises(ValueError):
        view.export(tmp_path / "x.pdf", "pdf")


def test_export_needs_a_comparison(qtbot: QtBot, tmp_path: Path) -> None:
    view = make_view(qtbot)
    assert not view.acts.export_html.isEnabled()
    with pytest.raises(RuntimeError):
        view.export(tmp_path / "x.html", "html")


# -- worker ---------------------------------------------------------------------------------


def test_a_newer_request_supersedes_an_older_one(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    release = threading.Event()
    real = view.runner.compare

    def slow(a: Article, b: Article) -> Any:
        if a is FLOOD_B:  # the first, older request blocks until released
            release.wait(10)
        return real(a, b)

    view.runner.compare = slow
    view.open_articles(FLOOD_B, FLOOD_A)
    assert view.busy_bar.isVisible()
    with qtbot.waitSignal(view.comparison_ready, timeout=10000):
        view.open_articles(FLOOD_A, FLOOD_B)
    release.set()
    assert view.runner.wait(10000)
    qtbot.waitUntil(lambda: view.runner.superseded == 1, timeout=5000)
    assert view.pane("a").article is FLOOD_A  # the older result was dropped
    assert any(r == "divergent" for r in view.highlighted_units("a").values())


def test_engine_failure_is_reported(qtbot: QtBot) -> None:
    view = make_view(qtbot)

    def broken(a: Article, b: Article) -> Any:
        raise ValueError("engine exploded")

    view.runner.compare = broken
    with qtbot.waitSignal(view.comparison_failed, timeout=10000) as blocker:
        view.open_articles(FLOOD_A, FLOOD_B)
    assert "engine exploded" in blocker.args[0]
    assert not view.busy_bar.isVisible()


def test_dark_palette_keeps_highlights(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette

    view = shown(qtbot)
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    view.setPalette(palette)
    assert view._qt_palette.dark
    fmt = format_at(view, "a", FLOOD_A.body.index("Heavy rain"))
    assert fmt.background().color().lightnessF() < 0.5
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
