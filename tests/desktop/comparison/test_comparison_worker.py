"""ComparisonView: synchronised scrolling, export, the background worker, robustness."""

from __future__ import annotations

import gc
import os
import stat
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView
from library.article import Article
from library.notes import NotesStore

# pytest runs with --import-mode=importlib, which does not put this folder on
# sys.path; the shared test data lives in a sibling module.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from tests.desktop.comparison.test_comparison_support import (
    FLOOD_A,
    FLOOD_B,
    PAIRS,
    _units,
    as_comparison,
    format_at,
    long_articles,
    make_view,
    pair_of,
    shown,
    word_diff,
)

# The offscreen platform cannot honour size hints of top-level windows; harmless.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


# -- scrolling -------------------------------------------------------------------------------


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
    view.data_dir = tmp_path / "parallax-home"
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
    # Private like every export (the articles compared may be too).
    assert {stat.S_IMODE(os.stat(t).st_mode) for t in targets.values()} == {0o600}


def test_export_over_notes_db_is_refused_with_a_message(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = NotesStore(data_dir, make_backups=False)
    store.add_article_note(1, "irreplaceable")
    store.close()
    link = tmp_path / "report.html"
    os.link(data_dir / "notes.db", link)
    view = shown(qtbot)
    view.data_dir = data_dir
    warnings: list[str] = []
    monkeypatch.setattr(
        ComparisonView, "warn", classmethod(lambda cls, parent, title, text: warnings.append(text))
    )
    before = (data_dir / "notes.db").read_bytes()
    for target in (data_dir / "notes.db", link):
        monkeypatch.setattr(
            ComparisonView, "ask_export_path", classmethod(lambda cls, parent, fmt, t=target: t)
        )
        view.acts.export_html.trigger()
    assert len(warnings) == 2 and all("Nothing was written" in w for w in warnings)
    assert "Will not export over" in warnings[0] and "same file as" in warnings[1]
    assert (data_dir / "notes.db").read_bytes() == before
    assert [n.text for n in NotesStore(data_dir, make_backups=False).notes()] == ["irreplaceable"]


def test_export_needs_a_comparison(qtbot: QtBot, tmp_path: Path) -> None:
    view = make_view(qtbot)
    assert not view.acts.export_html.isEnabled()
    with pytest.raises(RuntimeError):
        view.export(tmp_path / "x.html", "html")


# -- worker ---------------------------------------------------------------------------------


def test_a_newer_request_supersedes_an_older_one(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    release, started = threading.Event(), threading.Event()
    real = view.runner.compare

    def slow(a: Article, b: Article) -> Any:
        if a is FLOOD_B:  # the first, older request blocks until released
            started.set()
            release.wait(10)
        return real(a, b)

    view.runner.compare = slow
    view.open_articles(FLOOD_B, FLOOD_A)
    assert view.busy_bar.isVisible()
    qtbot.waitUntil(started.is_set, timeout=5000)  # its job runs (submitted a turn later)
    with qtbot.waitSignal(view.comparison_ready, timeout=10000):
        view.open_articles(FLOOD_A, FLOOD_B)
    release.set()
    assert view.runner.wait(10000)
    qtbot.waitUntil(lambda: view.runner.superseded == 1, timeout=5000)
    assert view.pane("a").article is FLOOD_A  # the older result was dropped
    assert any(r == "divergent" for r in view.highlighted_units("a").values())


def test_the_job_starts_a_turn_after_the_texts_are_shown_and_only_the_latest(
    qtbot: QtBot,
) -> None:
    # The page's switch and first paint come before a worker competes for the GIL.
    view = make_view(qtbot)
    asked: list[tuple[Article, Article]] = []
    real = view.runner.compare

    def recording(a: Article, b: Article) -> Any:
        asked.append((a, b))
        return real(a, b)

    view.runner.compare = recording
    view.open_articles(FLOOD_B, FLOOD_A)
    view.open_articles(FLOOD_A, FLOOD_B)  # in the same turn: the older is never started
    assert view.pane("a").article is FLOOD_A  # the texts are shown at once
    assert not view.runner.tasks.busy  # no job yet
    with qtbot.waitSignal(view.comparison_ready, timeout=10000):
        pass
    assert asked == [(FLOOD_A, FLOOD_B)]
    assert view.runner.superseded == 0


def test_an_older_result_arriving_before_the_newer_job_starts_is_dropped(
    qtbot: QtBot,
) -> None:
    # The older job ends in the turn between a newer `open_articles` and its
    # submission: its result must not be painted over the newer texts (nor
    # stop the newer pair from being compared).
    from PySide6.QtCore import QCoreApplication

    view = make_view(qtbot)
    release, started = threading.Event(), threading.Event()
    asked: list[tuple[Article, Article]] = []
    real = view.runner.compare

    def slow(a: Article, b: Article) -> Any:
        asked.append((a, b))
        if a is FLOOD_B:
            started.set()
            release.wait(10)
        return real(a, b)

    view.runner.compare = slow
    view.open_articles(FLOOD_B, FLOOD_A)
    qtbot.waitUntil(started.is_set, timeout=5000)
    view.open_articles(FLOOD_A, FLOOD_B)  # its job waits for a timer turn
    release.set()
    assert view.runner.wait(10000)
    for _ in range(500):  # the older result's delivery (posted events only: no timer)
        QCoreApplication.sendPostedEvents()
        if not view.runner.tasks.busy:
            break
        threading.Event().wait(0.01)
    assert not view.runner.tasks.busy  # delivered, the newer job not yet submitted
    assert view.busy_bar.isVisible()  # the older result was not shown as the newer pair's
    with qtbot.waitSignal(view.comparison_ready, timeout=10000):
        pass
    assert asked == [(FLOOD_B, FLOOD_A), (FLOOD_A, FLOOD_B)]
    assert view.pane("a").article is FLOOD_A


def test_the_first_comparison_freezes_the_objects_alive_before_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Full collections the engine triggers in the worker hold the GIL while they
    # walk every tracked object: the window's own must be out of their reach.
    from desktop.comparison import worker

    monkeypatch.setattr(worker, "_froze", False)
    sys.setswitchinterval(0.005)  # Python's own
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    view = make_view(qtbot)
    with qtbot.waitSignal(view.comparison_ready, timeout=10000):
        view.open_articles(FLOOD_A, FLOOD_B)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    # The GUI thread gets the GIL back within 1 ms while the engine runs.
    assert sys.getswitchinterval() == pytest.approx(worker.SWITCH_INTERVAL)
    with qtbot.waitSignal(view.comparison_ready, timeout=10000):
        view.open_articles(FLOOD_B, FLOOD_A)
    # Once per process, not per comparison (frozen objects may still die).
    assert gc.get_freeze_count() <= frozen


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


# -- robustness -------------------------------------------------------------------------------


def test_offsets_stay_body_offsets_after_emoji(qtbot: QtBot) -> None:
    body_a = "Fans 🎉 cheered as the match began on May 3.\n\nThe stadium was full 🏟️ tonight."
    body_b = "The stadium was full 🏟️ tonight.\n\nFans 🎉 cheered as the match began on May 4."
    a = Article(title="A", body=body_a)
    b = Article(title="B", body=body_b)
    units = {"a": _units(body_a), "b": _units(body_b)}
    data = {
        "a": {"title": "A", "units": units["a"]},
        "b": {"title": "B", "units": units["b"]},
        "pairs": [
            {"a": [0], "b": [1], "relation": "divergent", "score": 0.9,
             "conflicts": [{"kind": "date", "a": "May 3", "b": "May 4"}],
             "diff": word_diff(units["a"][0]["text"], units["b"][1]["text"])},
            {"a": [1], "b": [0], "relation": "same", "score": 1.0, "conflicts": [],
             "diff": [[0, units["a"][1]["text"]]]},
        ],
        "only_a": [],
        "only_b": [],
        "summary": {},
    }  # fmt: skip
    view = make_view(qtbot)
    view.show_comparison(a, b, as_comparison(data))
    edit = view.pane("a").text_edit
    qt_pos = edit.offsets.to_qt(body_a.index("May 3"))
    cursor = QTextCursor(edit.document())
    cursor.setPosition(qt_pos)
    cursor.setPosition(qt_pos + len("May 3"), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "May 3"  # the emoji did not shift the highlight
    assert cursor.charFormat().fontWeight() > 400
    edit.setTextCursor(cursor)
    start = body_a.index("May 3")
    assert view.pane("a").selection_range() == (start, start + len("May 3"))
    provider = edit.tooltip_provider
    assert provider is not None and "date: May 3 vs May 4" in (provider(start) or "")


def test_clicking_a_band_in_the_gutter_selects_its_pair(qtbot: QtBot) -> None:
    view = shown(qtbot)
    qtbot.wait(20)
    band = next(b for b in view.gutter.bands() if b.relation == "same")
    off_a, _, _, _ = view.gutter._offsets()
    y = round((band.a_top + band.a_bottom) / 2 + off_a)
    qtbot.mouseClick(view.gutter, Qt.MouseButton.LeftButton, pos=QPoint(3, y))
    assert view.current_pair_index() == band.pair
    assert view.selected_units() == pair_of(view, band.pair)


@pytest.mark.slow
def test_two_10000_word_articles_never_freeze_the_window(qtbot: QtBot) -> None:
    import time

    sentences = [s for s, *_ in PAIRS] + [s for _, s, *_ in PAIRS]
    paras_a = [f"{sentences[i % 10]} Item {i}." for i in range(700)]
    paras_b = [f"{sentences[(i * 7) % 10]} Entry {i}." for i in range(700)]
    a = Article(title="Long A", body="\n\n".join(paras_a))
    b = Article(title="Long B", body="\n\n".join(paras_b))
    assert a.word_count > 10000 and b.word_count > 10000
    view = make_view(qtbot)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    from PySide6.QtCore import QTimer

    timer = QTimer(view)
    timer.timeout.connect(tick)
    timer.start(10)
    with qtbot.waitSignal(view.comparison_ready, timeout=60000):
        view.open_articles(a, b)
    qtbot.wait(100)
    timer.stop()
    assert view.highlighted_units("a")
    # The event loop kept turning while the engine ran and the result was painted.
    # How long each turn took is measured by benchmarks/comparison_open.py, not
    # asserted here: a loaded machine stretches any gap.
    assert len(gaps) > 5
