"""The summary and lenses panels show every line of a Chinese-English entry.

Qt's own painting of a word-wrapped item sized a row of a Chinese "A:" line
and an English "B:" line for two Latin lines, then dropped the "B:" line (the
Chinese one is taller) and put a false "…" after the "A:" line.  The lenses'
lists (a speaker's "A:" and "B:" roles under a Chinese name) lost lines the same way.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.comparison.lenses_panel import LensesPanel
from desktop.comparison.summary import SummaryPanel
from desktop.comparison.wrapped_rows import lay_out
from library.article import Article
from library.compare import Comparison, compare_articles
from library.export import ComparisonLayout

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# Written for this test: an invented Chinese report and an English one of the same event.
ZH = Article(
    title="凯尔马桥重新开放",
    body=(
        "凯尔马桥重新开放\n\n"
        "周四，凯尔马的旧石桥在维修六周后重新开放。"
        "工程师迪塔·瓦恩说，每天有3400辆汽车过桥。"
        "迪塔·瓦恩周五回到凯尔马。"
    ),
)
EN = Article(
    title="Kelmar bridge reopens",
    body=(
        "Kelmar bridge reopens\n\n"
        "On Thursday the old stone bridge at Kelmar reopened after six weeks of repairs. "
        "Engineer Dita Varn said 3,400 cars cross the bridge each day. "
        "Dita Varn returned to Kelmar on Friday."
    ),
)


@pytest.fixture(scope="module")
def layout() -> ComparisonLayout:
    return ComparisonLayout.build(compare_articles(ZH, EN))


def _inked_rows(image: QImage, top: int, bottom: int, left: int, right: int) -> set[int]:
    """The pixel rows between `top` and `bottom` with a pixel unlike the row's first."""
    rows = set()
    for y in range(top, bottom):
        base = QColor(image.pixel(left, y))
        if any(QColor(image.pixel(x, y)) != base for x in range(left, right)):
            rows.add(y)
    return rows


def _shown_panel(qtbot: QtBot, layout: ComparisonLayout, width: int) -> SummaryPanel:
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_layout(layout)
    shared = panel.lists["same"]
    panel.tabs.setCurrentWidget(shared)
    last = shared.item(shared.count() - 1)
    qtbot.waitUntil(lambda: shared.visualItemRect(last).height() > 0, timeout=5000)
    return panel


@pytest.mark.parametrize("width", [300, 520])
def test_a_chinese_english_entry_shows_both_lines(
    qtbot: QtBot, layout: ComparisonLayout, width: int
) -> None:
    panel = _shown_panel(qtbot, layout, width)
    shared = panel.lists["same"]
    texts = [shared.item(row).text() for row in range(shared.count())]
    assert (
        "A: 迪塔·瓦恩周五回到凯尔马。\nB: Dita Varn returned to Kelmar on Friday." in texts
    )  # a line each
    QApplication.processEvents()
    image = shared.viewport().grab().toImage()
    for row in range(shared.count()):
        rect = shared.visualItemRect(shared.item(row))
        inked = _inked_rows(image, rect.top(), rect.bottom(), rect.left() + 1, rect.right() - 1)
        # The "A:" and the "B:" line are both inked: more than one line's height.
        assert max(inked) - min(inked) + 1 > 1.4 * shared.fontMetrics().height(), texts[row]


def test_a_click_and_the_keyboard_still_pick_entries(
    qtbot: QtBot, layout: ComparisonLayout
) -> None:
    panel = _shown_panel(qtbot, layout, 300)
    shared = panel.lists["same"]
    picked: list[int] = []
    panel.pair_activated.connect(picked.append)
    first = shared.item(0)
    qtbot.mouseClick(
        shared.viewport(), Qt.MouseButton.LeftButton, pos=shared.visualItemRect(first).center()
    )
    assert picked == [first.data(Qt.ItemDataRole.UserRole)[1]]
    assert shared.currentRow() == 0 and first.isSelected()
    shared.setFocus()
    qtbot.keyClick(shared, Qt.Key.Key_Down)
    assert shared.currentRow() == 1
    qtbot.keyClick(shared, Qt.Key.Key_Return)
    assert picked[-1] == shared.item(1).data(Qt.ItemDataRole.UserRole)[1]


def test_a_long_word_wraps_instead_of_widening_the_row(qtbot: QtBot) -> None:
    font = QApplication.font()
    lines = lay_out("A: " + "x" * 400 + "\nB: 短", font, 200)
    assert len(lines) > 3
    assert all(line.width <= 200 for line in lines)
    assert lines[-1].text == "B: 短"


def test_a_lens_entry_under_a_chinese_name_shows_every_line(qtbot: QtBot) -> None:
    # Taught that the two spellings are one person, both articles quote her.
    comparison: Comparison = compare_articles(ZH, EN, aliases=[("迪塔·瓦恩", "Dita Varn")])
    panel = LensesPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_comparison(comparison, ComparisonLayout.build(comparison))
    voices = panel.lists["voices"]
    texts = [voices.item(row).text() for row in range(voices.count())]
    row = texts.index("迪塔·瓦恩   A ×1 · B ×1\nA: 工程师\nB: Engineer")
    QApplication.processEvents()
    image = voices.viewport().grab().toImage()
    rect = voices.visualItemRect(voices.item(row))
    inked = _inked_rows(image, rect.top(), rect.bottom(), rect.left() + 1, rect.right() - 1)
    # Three lines inked: the name, A's and B's description of her.
    assert max(inked) - min(inked) + 1 > 2.4 * voices.fontMetrics().height()
