"""Honest states: two different stories are called so, the reason comes first, and
nothing said about one place or view lingers at the next."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.article import Article
from library.collection import Collection
from library.compare import compare_articles
from library.export.wording import LOW_OVERLAP_TEXT
from tests.desktop.comparison.test_comparison_support import make_view, shown

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

STORY_A = Article(
    title="Harbour",
    body="The harbour reopened on Monday after the storm. Ferries resumed at noon.",
)
STORY_B = Article(
    title="Budget",
    body="Parliament passed the budget by 301 votes. Taxes on fuel will rise in May.",
)


def test_two_different_stories_get_a_banner_not_they_agree(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    comparison = compare_articles(STORY_A, STORY_B)
    view.show_comparison(STORY_A, STORY_B, comparison)
    assert view.banner.isVisible() and view.banner.text() == LOW_OVERLAP_TEXT
    placeholder = view.summary.lists["divergent"].item(0).text()
    assert placeholder == LOW_OVERLAP_TEXT
    assert "they agree" not in placeholder
    # Related articles: no banner.
    view.show_comparison(STORY_A, STORY_A, compare_articles(STORY_A, STORY_A))
    assert not view.banner.isVisible()


def test_the_claims_list_gives_the_reason_first(qtbot: QtBot) -> None:
    view = shown(qtbot)  # two divergent claims
    item = view.summary.lists["divergent"].item(0)
    first = item.text().splitlines()[0]
    assert first.startswith("⚠ ") and " vs " in first
    assert "Match score" in item.toolTip() and "not whether either is true" in item.toolTip()


def test_navigation_hides_the_old_tooltip_and_says_the_new_reason(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = shown(qtbot)
    messages: list[str] = []
    view.status_message.connect(messages.append)
    hidden: list[bool] = []

    class ShownTip:  # a tooltip of the old place is on screen
        @staticmethod
        def isVisible() -> bool:
            return True

        @staticmethod
        def hideText() -> None:
            hidden.append(True)

    # Offscreen, Qt hides a tooltip by itself when the window is not active, so
    # the view's own call is what is checked here.
    monkeypatch.setattr("desktop.comparison.selecting.QToolTip", ShownTip)
    view.next_divergence()
    assert hidden, "the old tooltip was left over the new place"
    assert messages[-1].startswith("Divergent claim — ")
    assert "(absent)" not in messages[-1]


def test_the_status_bar_is_cleared_on_a_change_of_view(
    qtbot: QtBot, collection: Collection
) -> None:
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.show()
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    win.comparison_view.next_shared()
    assert win.statusBar().currentMessage().startswith("Shared fact")
    win.show_library()
    assert win.statusBar().currentMessage() == ""
    # The notes panel's last result ("Restored: …") belongs to what was open before.
    panel = win.notes_panel
    panel.report("Restored: an old note")
    win.show_comparison()
    assert panel.status.text() == ""
    win.close()


def test_window_key_f8_updates_the_status(qtbot: QtBot, collection: Collection) -> None:
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.show()
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    view = win.comparison_view
    view.pane("a").text_edit.setFocus()
    qtbot.keyClick(view.pane("a").text_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert win.statusBar().currentMessage().startswith("Shared fact")
    win.close()
