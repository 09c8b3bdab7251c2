"""Teaching aliases from the Lenses panel: "Same as…", "Forget alias", the Aliases dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from desktop.comparison import ComparisonView
from desktop.comparison.alias_teaching import AliasesDialog, AliasTeaching, SameAsDialog
from desktop.comparison.lenses_panel import AliasEntry
from library.article import Article
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MSS, NSD = "Ministry of State Security", "National Security Department"
A = Article(
    title="Spy case A",
    body=(
        "The Ministry of State Security said on Monday that a spy was caught.\n\n"
        "The Ministry of State Security gave no name.\n\n"
        "Li Linyi said the case was serious."
    ),
)
B = Article(
    title="Spy case B",
    body=(
        "The National Security Department said on Monday that a spy was arrested.\n\n"
        "Li Linyi said the case mattered."
    ),
)


@pytest.fixture
def teaching(qtbot: QtBot, collection: Collection) -> AliasTeaching:
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    view.runner.compare = collection.compare  # reads the taught pairs, as in the window
    view.lenses.fold.set_open(True, remember=True)
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        view.open_articles(A, B)
    return AliasTeaching(view, collection)


def listed(teaching: AliasTeaching, lens: str) -> list[str]:
    return [e.name for e in teaching.panel.entries(lens)]


def entry(teaching: AliasTeaching, lens: str, name: str) -> AliasEntry:
    return next(e for e in teaching.panel.entries(lens) if e.name == name)


def trigger(qtbot: QtBot, teaching: AliasTeaching, action: Any) -> None:
    with qtbot.waitSignal(teaching.view.comparison_ready, timeout=30000):
        action.trigger()


def test_same_as_then_forget_alias_on_a_name(
    qtbot: QtBot, teaching: AliasTeaching, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert {MSS, NSD} <= set(listed(teaching, "names"))
    asked: list[tuple[str, list[str]]] = []

    def ask(_cls: Any, _parent: Any, name: str, choices: list[str]) -> str:
        asked.append((name, choices))
        return NSD

    monkeypatch.setattr(SameAsDialog, "ask", classmethod(ask))
    actions = teaching.actions_for("names", entry(teaching, "names", MSS))
    assert [a.text() for a in actions] == [f"Same as… ({MSS})"]  # nothing taught yet
    trigger(qtbot, teaching, actions[0])
    # The picker offered the other entries of the list, not the entry itself.
    assert asked[0][0] == MSS and NSD in asked[0][1] and MSS not in asked[0][1]
    assert [(x.name, x.alias) for x in teaching.collection.aliases()] == [(MSS, NSD)]
    names = listed(teaching, "names")
    assert MSS in names and NSD not in names  # one entry now, named as taught
    merged = entry(teaching, "names", MSS)
    assert NSD in merged.aliases
    assert set(listed(teaching, "voices")) == {MSS, "Li Linyi"}

    actions = teaching.actions_for("names", merged)
    forget = [a for a in actions if a.text().startswith("Forget Alias")]
    assert [a.text() for a in forget] == [f"Forget Alias: {MSS} = {NSD}"]
    trigger(qtbot, teaching, forget[0])
    assert teaching.collection.aliases() == []
    assert {MSS, NSD} <= set(listed(teaching, "names"))  # two entries again
    # An entry no taught pair stands behind offers no "Forget".
    assert len(teaching.actions_for("names", entry(teaching, "names", "Li Linyi"))) == 1


def test_same_as_on_a_voice_with_a_typed_name(
    qtbot: QtBot, teaching: AliasTeaching, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert {MSS, NSD} <= set(listed(teaching, "voices"))
    typed = "  ministry of   State Security "  # typed, not picked: cleaned when stored
    monkeypatch.setattr(SameAsDialog, "ask", classmethod(lambda *_: typed))
    trigger(qtbot, teaching, teaching.actions_for("voices", entry(teaching, "voices", NSD))[0])
    assert [(x.name, x.alias) for x in teaching.collection.aliases()] == [
        (NSD, "ministry of State Security")
    ]
    voices = listed(teaching, "voices")
    assert NSD in voices and MSS not in voices  # one voice, named as first taught
    forget = teaching.actions_for("voices", entry(teaching, "voices", NSD))
    assert [a.text() for a in forget][1:] == [f"Forget Alias: {NSD} = ministry of State Security"]


def test_a_refused_alias_says_why_and_compares_nothing(
    qtbot: QtBot, teaching: AliasTeaching
) -> None:
    with qtbot.waitSignal(teaching.view.status_message) as said:
        assert not teaching.teach(MSS, "the ministry of state security")
    assert "Alias not taught" in said.args[0]
    assert teaching.collection.aliases() == []


def test_the_aliases_dialog_lists_and_removes(qtbot: QtBot, teaching: AliasTeaching) -> None:
    with qtbot.waitSignal(teaching.view.comparison_ready, timeout=30000):
        assert teaching.teach(MSS, NSD)
    dialog = teaching.show_aliases()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.list.item(0).text() == f"{MSS}  =  {NSD}"
    assert not dialog.remove_button.isEnabled()
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(teaching.view.comparison_ready, timeout=30000):
        dialog.remove_button.click()
    assert teaching.collection.aliases() == []
    assert dialog.list.item(0).text() == "No aliases taught yet."
    assert not dialog.remove_button.isEnabled()
    assert {MSS, NSD} <= set(listed(teaching, "names"))


def test_a_name_that_looks_like_markup_stays_plain(qtbot: QtBot, collection: Collection) -> None:
    collection.teach_alias("<b>Bold</b> Office", "Office <i>X</i>")
    dialog = AliasesDialog(collection)
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text() == "<b>Bold</b> Office  =  Office <i>X</i>"
    same = SameAsDialog(None, "<img src='x.png'> Agency", ["<b>B</b>"])
    qtbot.addWidget(same)
    assert same.choice.itemText(0) == "<b>B</b>"


def test_right_click_on_an_entry_asks_for_its_menu(qtbot: QtBot, teaching: AliasTeaching) -> None:
    panel = teaching.panel
    panel.entry_menu_requested.disconnect()  # the menu itself would block the test
    panel.show_lens("names")
    widget = panel.lists["names"]
    row = next(k for k in range(widget.count()) if widget.item(k).text().startswith(MSS))
    pos = widget.visualItemRect(widget.item(row)).center()
    with qtbot.waitSignal(panel.entry_menu_requested) as asked:
        widget.customContextMenuRequested.emit(pos)
    lens, found, where = asked.args
    assert lens == "names" and isinstance(found, AliasEntry) and found.name == MSS
    assert isinstance(where, QPoint)
    heading = next(k for k in range(widget.count()) if widget.item(k).text().startswith("Only"))
    pos = widget.visualItemRect(widget.item(heading)).center()
    with qtbot.assertNotEmitted(panel.entry_menu_requested):
        widget.customContextMenuRequested.emit(pos)  # a heading has no menu


def test_in_the_main_window_teaching_compares_again(qtbot: QtBot, data_dir: Path) -> None:
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    coll = Collection(data_dir)  # seeded with the two sample articles
    win = MainWindow(coll, Settings(coll.data_dir))
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.alias_teaching.act_aliases in win.menu_for("Compare").actions()
    a, b = coll.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    win.comparison_view.lenses.fold.set_open(True, remember=True)
    panel = win.comparison_view.lenses.panel
    before = [e.name for e in panel.entries("voices")]
    tang = "Tang Jingyuan" if "Tang Jingyuan" in before else before[-1]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.alias_teaching.teach("Li Linyi", tang)
    after = [e.name for e in panel.entries("voices")]
    assert len(after) == len(before) - 1 and "Li Linyi" in after and tang not in after
    win.close()
    coll.close()


def test_the_same_as_field_starts_empty(qtbot: QtBot) -> None:
    dialog = SameAsDialog(None, "Ministry of State Security", ["Li Linyi", "CCP"])
    qtbot.addWidget(dialog)
    assert dialog.choice.currentText() == "" and dialog.choice.count() == 2
