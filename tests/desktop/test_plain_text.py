"""User data is never rendered as HTML: labels, tooltips, message boxes, titles.

Qt guesses rich text from a string's first line, so an article titled with
markup would load an image, draw big red text and a link.  Each check asks
what Qt would *show* for a label or tooltip and expects the literal text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.importing.progress import ImportProgress
from desktop.importing.report import ImportReportDialog
from desktop.library.dialogs import ConfirmRemove, tell_library_recovered
from desktop.library.model import Column
from desktop.main_window import MainWindow
from desktop.recent import RecentPair, fill_recent_menu
from desktop.settings import Settings
from desktop.text import ZERO_WIDTH_SPACE, message_box, plain_tooltip, window_title
from library.article import Article
from library.collection import Collection
from library.importer import FileResult, ImportReport
from tests.desktop.comparison.test_comparison_support import (
    FLOOD_A,
    FLOOD_B,
    as_comparison,
    flood_json,
    make_view,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TITLE = '<img src="x.png"><h1 style="color:red">BIG</h1><a href="file:///etc/passwd">link</a>'
OUTLET = "<b>Herald</b> & <i>Co</i>"
NOTE = "<h1>shout</h1>\n<img src='y.png'> & &lt;"


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt displays for `text` in a label or tooltip of format `fmt`."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def label_shows(label: QLabel) -> str:
    # Zero-width spaces (break points in long runs, `desktop.text.breakable`) show nothing.
    return shown(label.text(), label.textFormat()).replace(ZERO_WIDTH_SPACE, "")


def assert_all_literal(root: QWidget) -> int:
    """Every label and tooltip under `root` that holds the hostile title shows its
    markup as typed (maybe clipped); returns how many there were."""
    seen = 0
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and "x.png" in widget.text():
            # A title may be wrapped onto two lines: a line break reads as a space.
            assert '<img src="x.png">' in label_shows(widget).replace("\n", " ")
            seen += 1
        if "x.png" in widget.toolTip():
            assert '<img src="x.png">' in shown(widget.toolTip()), widget.objectName()
            seen += 1
    return seen


# -- the helpers -------------------------------------------------------------------


@pytest.mark.parametrize("text", [TITLE, NOTE, OUTLET, "plain & simple", "a < b", "&lt;x"])
def test_plain_tooltip_shows_the_text_as_typed(qapp: Any, text: str) -> None:
    assert shown(plain_tooltip(text)) == text


def test_ordinary_tooltips_are_left_alone(qapp: Any) -> None:
    assert plain_tooltip("Flooding forces thousands\nfrom homes") == (
        "Flooding forces thousands\nfrom homes"
    )


def test_message_box_is_plain_text(qtbot: QtBot) -> None:
    box = message_box(None, QMessageBox.Icon.Warning, "T", TITLE, NOTE)
    qtbot.addWidget(box)
    labels = {lab.objectName(): lab for lab in box.findChildren(QLabel)}
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert label_shows(labels["qt_msgbox_label"]) == TITLE
    assert label_shows(labels["qt_msgbox_informativelabel"]) == NOTE


def test_window_title_keeps_a_literal_placeholder() -> None:
    assert window_title("a [*] b") == "a [*][*] b"


# -- the main window on a hostile article ------------------------------------------


@pytest.fixture
def collection(data_dir: Path) -> Iterator[Collection]:
    coll = Collection(data_dir)  # the two samples, plus a hostile article
    article = coll.library.add(
        Article(
            title=TITLE,
            outlet=OUTLET,
            author="<script>alert(1)</script>",
            published="2024-05-01",
            url="https://example.com/<b>x</b>",
            source_path=f"/tmp/{TITLE}.md",
            # A sample's text, so the comparison finds pairs; one more line, so it is new.
            body=coll.library.articles()[0].body + "\n\nOne more paragraph.",
        )
    ).article
    assert article.id is not None
    coll.notes.add_article_note(article.id, NOTE, ["tag"])
    yield coll
    coll.close()


def test_window_shows_a_hostile_title_literally(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(window)
    window.show()
    view = window.library_view
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)  # listed off the GUI thread
    title = Column.TITLE
    rows = [r for r in range(model.rowCount()) if model.index(r, title).data() == TITLE]
    assert len(rows) == 1
    row = rows[0]
    view.table.selectRow(row)

    preview = view.preview
    assert preview.title.textFormat() == Qt.TextFormat.PlainText
    assert label_shows(preview.title) == TITLE
    assert OUTLET in label_shows(preview.meta)
    assert "<b>x</b>" in shown(preview.meta.toolTip())
    title_tip = model.index(rows[0], title).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(title_tip).startswith(TITLE)
    assert "by <script>alert(1)</script>" in shown(title_tip)

    # The notes panel: the note's tooltip shows its text as typed.
    panel = window.notes_panel
    assert panel is not None
    tips = [
        panel.model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(panel.model.rowCount())
    ]
    assert NOTE in [shown(t) for t in tips]

    # Compare it with a sample: window title, pane headers and tooltips.
    other = view.model.index(0 if row else 1, 0).row()
    view.table.clearSelection()
    view.table.selectRow(row)
    view.table.selectionModel().select(
        view.model.index(other, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.act_compare.trigger()
    assert TITLE in window.windowTitle()
    pane = next(p for p in window.comparison_view.panes.values() if p.article.title == TITLE)
    assert pane.title_label.textFormat() == Qt.TextFormat.PlainText
    assert shown(pane.title_label.toolTip()) == TITLE
    assert OUTLET in shown(pane.meta_label.toolTip())
    assert assert_all_literal(window) >= 3

    # Removing it names it in a plain-text question.
    asked: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box) or 0)
    ConfirmRemove.ask(window, [pane.article])
    assert asked and TITLE in label_shows(asked[0].findChild(QLabel, "qt_msgbox_label"))
    window.close()


def test_comparison_tooltips_show_conflicts_literally(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = flood_json()
    divergent = next(p for p in data["pairs"] if p["relation"] == "divergent")
    divergent["conflicts"] = [{"kind": "quote", "a": TITLE, "b": "<h2>other</h2>"}]
    hostile_a = Article(title=TITLE, outlet=OUTLET, published="2025", body=FLOOD_A.body)
    view = make_view(qtbot)
    view.show_comparison(hostile_a, FLOOD_B, as_comparison(data))
    tips: list[str] = []

    class FakeToolTip:
        @staticmethod
        def showText(pos: QPoint, text: str, widget: Any = None) -> None:
            tips.append(text)

        @staticmethod
        def hideText() -> None:
            pass

    monkeypatch.setattr("desktop.comparison.pane.QToolTip", FakeToolTip)
    monkeypatch.setattr("desktop.comparison.gutter.QToolTip", FakeToolTip)

    # The summary list's tooltip for the divergent claim.
    items = [view.summary.lists["divergent"].item(i) for i in range(2)]
    assert any(TITLE in shown(item.toolTip()) for item in items if item is not None)

    # Hovering the divergent unit in pane A.
    edit = view.pane("a").text_edit
    cursor = QTextCursor(edit.document())
    cursor.setPosition(FLOOD_A.body.index("Heavy rain") + 3)
    point = edit.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, edit.viewport().mapToGlobal(point))
    edit.viewportEvent(event)
    # Hovering each band in the gutter.
    gutter = view.gutter
    for y in range(0, gutter.height(), 4):
        at = QPointF(gutter.width() / 2, y)
        if gutter.band_at(at) is not None:
            pos = at.toPoint()
            gutter.event(QHelpEvent(QEvent.Type.ToolTip, pos, gutter.mapToGlobal(pos)))
    hostile = [t for t in tips if "x.png" in t]
    assert len(hostile) >= 2, tips
    assert all(TITLE in shown(t) and "<h2>other</h2>" in shown(t) for t in hostile)
    assert view.pane("a").title_label.textFormat() == Qt.TextFormat.PlainText
    assert assert_all_literal(view) >= 2


# -- import progress and report, recent menu, recovery notice ------------------------


def test_import_progress_and_report_show_file_names_literally(qtbot: QtBot, tmp_path: Path) -> None:
    name = '<img src="x.png"><h1 style="color:red">BIG</h1>.txt'  # no "/" in a file name
    progress = ImportProgress()
    qtbot.addWidget(progress)
    progress.update_progress(1, 2, name)
    assert progress.label.textFormat() == Qt.TextFormat.PlainText
    assert shown(progress.label.toolTip()) == f"Importing {name}"

    report = ImportReport(
        [
            FileResult(tmp_path / name, "refused", reason=f"{name} is empty"),
            FileResult(tmp_path / "ok.txt", "added", Article(title=TITLE, body="x", id=None)),
        ]
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        assert item is not None
        for column in (1, 2):
            tip = item.toolTip(column)
            assert "x.png" not in tip or '<img src="x.png"><h1' in shown(tip)
    assert assert_all_literal(dialog) == 0  # names are in the rows, not in labels
    tips = [dialog.tree.topLevelItem(i).toolTip(c) for i in range(2) for c in (1, 2)]  # type: ignore[union-attr]
    assert sum("x.png" in t for t in tips) == 3


def test_recent_menu_shows_titles_literally(qtbot: QtBot) -> None:
    class Recent:
        def pairs(self) -> list[RecentPair]:
            return [RecentPair(1, 2, TITLE, "Rock & Roll")]

        def clear(self) -> None:
            pass

    menu = QMenu()
    qtbot.addWidget(menu)
    fill_recent_menu(menu, Recent(), lambda pair: None)  # type: ignore[arg-type]
    action = menu.actions()[0]
    assert "Rock && Roll" in action.text()  # "&" is text, not a mnemonic
    assert shown(action.toolTip()) == f"{TITLE}\n↔ Rock & Roll"


def test_recovery_notice_is_plain(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = tell_library_recovered(parent, tmp_path / "<b>lib</b>.db")
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


@pytest.mark.slow
def test_launcher_echoes_a_hostile_file_name_safely(tmp_path: Path) -> None:
    """`parallax A B` with a file that cannot be opened says so on stderr, made safe."""
    missing = tmp_path / "\x1b]0;pwned\x07<b>gone</b>\u202e.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "desktop.launch", "--data-dir", str(tmp_path / "home"),
         "--screenshot", str(tmp_path / "x.png"), str(missing), str(missing)],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "␛]0;pwned␇<b>gone</b>\\u202e.txt" in result.stderr
    assert not any(c in result.stderr for c in "\x1b\x07\u202e")
