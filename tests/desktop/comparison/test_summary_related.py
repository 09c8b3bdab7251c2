"""The summary panel lists related pairs in their own tab, not as shared or divergent."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.comparison.palette import QtPalette
from desktop.comparison.summary import SummaryPanel
from library.compare import compare_texts
from library.export import ComparisonLayout
from library.export.theme import LIGHT


def test_related_tab(qtbot: QtBot) -> None:
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    layout = ComparisonLayout.build(
        compare_texts(
            "On March 4 the ministry said that Anna Petrov had sold 12 maps.",
            "On May 20 the ministry said that Ivan Sokol had sold 30 maps.",
        )
    )
    panel.set_layout(layout)
    assert panel.lists["related"].count() == 1
    text = panel.lists["related"].item(0).text()
    # Its differing details are listed, without the warning sign of a contradiction.
    assert "March 4" in text and "May 20" in text and "⚠" not in text
    assert panel.lists["same"].item(0).text() == "No shared facts."
    assert "1</b> related" in panel.counts.text()


def test_related_style_is_dotted_and_quiet() -> None:
    pal = QtPalette(LIGHT, dark=False)
    fmt = pal.unit_format("related")
    assert fmt.underlineStyle() == fmt.UnderlineStyle.DotLine
    assert pal.fill("related").name() == LIGHT.related_bg
    assert pal.fill("related", current=True) == pal.fill("related")


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen top-level windows; harmless
def test_long_lists_are_laid_out_in_batches_to_the_same_result(qtbot: QtBot) -> None:
    # Hundreds of word-wrapped entries measured in one go blocked the window
    # (60 ms); in batches it repaints between them, and ends up the same.
    from PySide6.QtWidgets import QListView

    from desktop.comparison.summary import LAYOUT_BATCH

    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 600)
    panel.show()
    qtbot.waitExposed(panel)
    sentences = [
        f"The council said that {n} bridges were closed in district {n}." for n in range(120)
    ]
    text = " ".join(sentences)
    panel.set_layout(ComparisonLayout.build(compare_texts(text, text)))
    shared = panel.lists["same"]
    assert shared.layoutMode() == QListView.LayoutMode.Batched
    assert shared.count() > 2 * LAYOUT_BATCH
    panel.tabs.setCurrentWidget(shared)
    last = shared.item(shared.count() - 1)
    qtbot.waitUntil(lambda: shared.visualItemRect(last).height() > 0, timeout=5000)
    batched = [shared.visualItemRect(shared.item(i)) for i in range(shared.count())]
    shared.setLayoutMode(QListView.LayoutMode.SinglePass)
    shared.doItemsLayout()
    assert batched == [shared.visualItemRect(shared.item(i)) for i in range(shared.count())]
