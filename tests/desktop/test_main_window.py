"""The main window: opening on the library, comparing, removing, remembering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.app import run_app
from desktop.library.dialogs import ArticlePicker, ConfirmRemove
from desktop.library.model import SORT_ROLE, Column
from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.article import Article
from library.collection import Collection
from library.errors import DatabaseLocked
from tests.helpers import open_window, wait_listed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
REPO = Path(__file__).resolve().parents[2]


def make_window(qtbot: QtBot, collection: Collection) -> MainWindow:
    return open_window(qtbot, collection)


def test_opens_on_the_library_with_a_preview(window: MainWindow) -> None:
    assert window.windowTitle() == "Parallax — Library"
    assert window.stack.currentWidget() is window.library_view
    assert window.library_view.model.rowCount() == 2
    assert window.library_view.preview.article is not None  # first row selected
    assert not window.act_compare.isEnabled()
    assert window.act_compare_with.isEnabled()


def test_compare_two_selected(qtbot: QtBot, window: MainWindow) -> None:
    view = window.library_view
    view.table.selectAll()
    assert window.act_compare.isEnabled()
    a, b = view.selected_articles()
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.act_compare.trigger()
    assert window.pair == (a, b)
    assert window.stack.currentWidget() is window.comparison_view
    assert window.windowTitle() == f"Parallax — {a.title} ↔ {b.title}"
    assert window.recent.pairs()[0].id_a == a.id
    assert not window.act_compare.isEnabled()
    acts = window.comparison_view.acts
    assert acts.next_shared.isEnabled() and acts.export_html.isEnabled()

    window.act_library.trigger()
    assert window.windowTitle() == "Parallax — Library"
    # The Compare menu must not move or export a comparison that is out of sight.
    assert not acts.next_shared.isEnabled() and not acts.export_html.isEnabled()
    window.act_comparison.trigger()
    assert window.stack.currentWidget() is window.comparison_view
    assert acts.next_shared.isEnabled() and acts.export_html.isEnabled()


def test_compare_with_uses_the_picker(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.library_view
    view.table.selectRow(0)
    (first,) = view.selected_articles()
    offered: list[list[Article]] = []

    def pick(cls: type, parent: object, articles: list[Article], prompt: str = "") -> Article:
        offered.append(articles)
        return articles[0]

    monkeypatch.setattr(ArticlePicker, "ask", classmethod(pick))
    with qtbot.waitSignal(window.comparison_opened, timeout=10000) as blocker:
        window.act_compare_with.trigger()
    assert blocker.args[0] == first
    assert [a.id for a in offered[0]] != [first.id] and first not in offered[0]


def test_picker_narrows_and_returns_choice(qtbot: QtBot, collection: Collection) -> None:
    articles = collection.library.articles()
    dialog = ArticlePicker(articles, "Compare with:")
    qtbot.addWidget(dialog)
    word = articles[1].title.split()[1]
    dialog.filter.setText(word)
    assert dialog.chosen() is not None
    dialog.filter.setText("no such words at all")
    assert dialog.chosen() is None


@pytest.mark.parametrize("confirm", [True, False])
def test_remove_asks_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, confirm: bool
) -> None:
    monkeypatch.setattr(ConfirmRemove, "ask", classmethod(lambda cls, parent, arts: confirm))
    window.library_view.table.selectRow(0)
    window.act_remove.trigger()
    wait_listed(qtbot, window.library_view)
    assert window.collection.library.count() == (1 if confirm else 2)
    assert window.library_view.model.rowCount() == window.collection.library.count()


def test_shortcuts_are_set_and_shown(window: MainWindow) -> None:
    assert window.act_compare.shortcut() == QKeySequence("Ctrl+D")
    assert QKeySequence("Ctrl+Return") in window.act_compare.shortcuts()
    assert window.act_add_note.shortcut() == QKeySequence("Ctrl+Shift+N")
    assert window.act_import_files.shortcut() == QKeySequence("Ctrl+O")
    assert window.act_remove.shortcut() == QKeySequence("Del")
    menu = window.menu_for("Compare")
    assert menu is not None and window.act_compare in menu.actions()


def test_geometry_and_splitter_are_remembered(qtbot: QtBot, collection: Collection) -> None:
    first = make_window(qtbot, collection)
    qtbot.waitExposed(first)
    first.setWindowState(Qt.WindowState.WindowNoState)  # a first start is maximised
    first.resize(760, 560)
    splitter = first.library_view.splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total // 3, total - total // 3])
    first.library_view.table.sortByColumn(Column.WORDS, Qt.SortOrder.AscendingOrder)
    saved, size = splitter.sizes(), first.size()
    first.close()
    assert (collection.data_dir / "settings.ini").exists()
    second = make_window(qtbot, collection)
    qtbot.waitExposed(second)
    assert second.size() == size
    assert second.library_view.splitter.sizes() == saved
    header = second.library_view.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.WORDS
    proxy = second.library_view.model
    words = [proxy.index(r, Column.WORDS).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert words == sorted(words)
    second.close()


def test_recent_comparisons_menu(qtbot: QtBot, window: MainWindow) -> None:
    a, b = window.collection.library.articles()
    window.recent.add(a, b)
    window._fill_recent_menu()
    labels = [act.text() for act in window.recent_menu.actions()]
    assert labels[0].startswith("&1 ")
    with qtbot.waitSignal(window.comparison_opened, timeout=10000):
        window.recent_menu.actions()[0].trigger()
    assert window.pair is not None and window.pair[0].id == a.id


def test_no_display_is_one_plain_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert run_app(data_dir=None, files=[]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Parallax needs a graphical display") and err.count("\n") == 1


@pytest.mark.slow
def test_screenshot_of_the_samples_compared(tmp_path: Path, sample_paths: list[Path]) -> None:
    out = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # run_app must choose offscreen by itself
    code = (
        "import sys; from desktop.app import run_app; "
        "raise SystemExit(run_app(data_dir=sys.argv[1], files=sys.argv[2:4], "
        "screenshot=sys.argv[4]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "home"), *map(str, sample_paths), str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert "Traceback" not in result.stderr, result.stderr


def test_note_on_a_comparison_pane_with_the_real_panels(qtbot: QtBot, window: MainWindow) -> None:
    assert window.notes_panel is not None
    window.library_view.table.selectAll()
    _a, b = window.library_view.selected_articles()
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.act_compare.trigger()
    qtbot.waitExposed(window)
    edit = window.comparison_view.pane("b").text_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=5000)
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.waitUntil(window.act_add_note.isEnabled, timeout=5000)
    window.act_add_note.trigger()
    assert b.id is not None
    notes = window.collection.notes.for_article(int(b.id))
    assert len(notes) == 1
    anchor = notes[0].anchor
    assert anchor is not None and anchor.start == 0 and 0 < anchor.end <= 12 + 2


def test_damaged_library_is_reported_not_fatal(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "library.db").write_bytes(b"this is not a database" * 100)
    collection = Collection(data_dir)
    try:
        win = make_window(qtbot, collection)

        def box_shown() -> bool:
            from PySide6.QtWidgets import QMessageBox

            boxes = [w for w in win.findChildren(QMessageBox) if w.isVisible()]
            return any("damaged" in b.text() for b in boxes)

        qtbot.waitUntil(box_shown, timeout=5000)
        win.close()
    finally:
        collection.close()


@pytest.mark.slow
def test_screenshot_with_a_refused_file_fails_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    code = (
        "import sys; from desktop.app import run_app; "
        "raise SystemExit(run_app(data_dir=sys.argv[1], files=[sys.argv[2], sys.argv[2]], "
        "screenshot=sys.argv[3]))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "home"), str(bad), str(tmp_path / "x.png")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "photo.txt" in result.stderr and "PNG" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_new_user_flow_by_keyboard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Samples → Compare With… → comparison → jump between matches → export, all by keys."""
    from desktop.comparison.view import ComparisonView

    monkeypatch.setattr(ArticlePicker, "ask", classmethod(lambda cls, p, arts, prompt="": arts[0]))
    out = tmp_path / "report.html"
    monkeypatch.setattr(ComparisonView, "ask_export_path", classmethod(lambda cls, p, fmt: out))
    qtbot.waitExposed(window)
    window.library_view.table.setFocus()
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        qtbot.keyClick(
            window.library_view.table,
            Qt.Key.Key_D,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    view = window.comparison_view
    assert window.stack.currentWidget() is view
    assert view.current_pair_index() is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_pair_index() is not None  # Alt+Down reached the view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.library_view


def test_comparison_splitter_is_remembered(qtbot: QtBot, collection: Collection) -> None:
    first = make_window(qtbot, collection)
    qtbot.waitExposed(first)
    a, b = collection.library.articles()
    with qtbot.waitSignal(first.comparison_settled, timeout=30000):
        first.open_comparison(a, b)
    splitter = first.comparison_view.splitter
    qtbot.waitUntil(lambda: sum(splitter.sizes()) > 0)
    sizes = splitter.sizes()
    total = sum(sizes)
    wanted = [total // 4, sizes[1], total - total // 4 - sizes[1]]
    splitter.setSizes(wanted)
    saved = splitter.sizes()
    outer = first.comparison_view.outer  # the texts | the summary panel
    width = sum(outer.sizes())
    outer.setSizes([width - 250, 250])
    saved_outer = outer.sizes()
    first.close()
    settings = Settings(collection.data_dir)
    assert settings.int_list("comparison/splitter") == saved
    assert settings.int_list("comparison/summary") == saved_outer

    second = make_window(qtbot, collection)
    with qtbot.waitSignal(second.comparison_settled, timeout=30000):
        second.open_comparison(a, b)
    assert second.comparison_view.outer.sizes() == saved_outer
    second.close()


def test_window_works_when_notes_cannot_be_opened(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.main_window as main_window

    def locked(*_args: object, **_kwargs: object) -> None:
        raise DatabaseLocked("notes.db is locked by another program")

    monkeypatch.setattr(main_window.MainWindow, "notes_panel_class", locked)
    win = make_window(qtbot, collection)
    assert win.notes_panel is None
    message = win.notes_dock.widget()
    assert isinstance(message, QLabel)
    assert "Notes cannot be opened: notes.db is locked" in message.text()
    a, b = collection.library.articles()
    with qtbot.waitSignal(win.comparison_settled, timeout=10000):
        win.open_comparison(a, b)
    assert win.stack.currentWidget() is win.comparison_view
    assert not win.act_add_note.isEnabled()
    win.close()


def test_delete_key_is_never_ambiguous(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.notes_panel is not None
    asked: list[int] = []
    monkeypatch.setattr(
        ConfirmRemove,
        "ask",
        classmethod(lambda cls, parent, arts: asked.append(len(arts)) or False),
    )
    qtbot.waitExposed(window)
    notes_list = window.notes_panel.list_view
    notes_list.setFocus()
    qtbot.waitUntil(notes_list.hasFocus, timeout=5000)
    assert not window.act_remove.isEnabled()
    qtbot.keyClick(notes_list, Qt.Key.Key_Delete)  # the notes panel's own Delete
    assert asked == []
    table = window.library_view.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=5000)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked == [1]


def test_comparing_reads_no_other_article_body(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Word weights are kept at import: comparing never lists every article.
    library = window.collection.library
    reads: list[int] = []
    real = library.articles

    def counting(*args: object, **kwargs: object) -> list[Article]:
        reads.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    a, b = real()[:2]
    monkeypatch.setattr(library, "articles", counting)
    for _ in range(2):
        with qtbot.waitSignal(window.comparison_settled, timeout=30000):
            window.open_comparison(a, b)
    assert reads == []


def test_removing_a_compared_article_forgets_the_comparison(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConfirmRemove, "ask", classmethod(lambda cls, parent, arts: True))
    a, b = window.collection.library.articles()
    with qtbot.waitSignal(window.comparison_settled, timeout=30000):
        window.open_comparison(a, b)
    window.show_library()
    assert a.id is not None
    window.library_view.select_ids([int(a.id)])
    window.remove_selected()
    wait_listed(qtbot, window.library_view)
    assert window.library_view.model.rowCount() == 1
    assert window.pair is None
    assert not window.act_comparison.isEnabled()
    window.show_comparison()  # e.g. Ctrl+2 from a menu still open
    assert window.stack.currentWidget() is window.library_view


def test_rows_in_before_the_first_paint_are_selected_after_it(
    qtbot: QtBot, collection: Collection
) -> None:
    # A small library's rows land before the first paint: that paint shows
    # them, and the first is selected (its body read and laid out in the
    # preview) only after it.  Updates held back: the rows surely come first.
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.setUpdatesEnabled(False)
    win.show()
    wait_listed(qtbot, win.library_view)
    qtbot.wait(20)
    assert win.library_view.selected_ids() == []
    assert win.library_view.preview.article is None
    win.setUpdatesEnabled(True)
    win.repaint()
    qtbot.waitUntil(lambda: win.library_view.preview.article is not None, timeout=5000)
    assert len(win.library_view.selected_ids()) == 1
    win.close()


def test_a_window_not_shown_opens_on_its_first_row(qtbot: QtBot, collection: Collection) -> None:
    win = open_window(qtbot, collection, show=False)  # no paint to wait for
    assert win.library_view.preview.article is not None
    win.close()


def test_a_window_closed_just_after_its_first_paint_reads_nothing(
    qtbot: QtBot, data_dir: Path
) -> None:
    # The first row is selected a turn after the first paint: a window (and
    # its collection) closed in between must not read the closed library.
    collection = Collection(data_dir)
    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    win.setUpdatesEnabled(False)
    win.show()
    wait_listed(qtbot, win.library_view)
    win.setUpdatesEnabled(True)
    win.repaint()  # the first paint: the row's selection is now one turn away
    win.close()
    collection.close()
    qtbot.wait(50)  # an exception in that turn would fail the test
    assert win.library_view.selected_ids() == []
