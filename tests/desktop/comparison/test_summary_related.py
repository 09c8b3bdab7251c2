"""The summary panel lists related pairs in their own tab, not as shared or divergent."""

from __future__ import annotations

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
