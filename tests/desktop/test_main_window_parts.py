"""The window's small parts: settings, recent comparisons, theme, About, tasks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import theme
from desktop.about import about_html, show_about
from desktop.recent import MAX_RECENT, RecentComparisons, fill_recent_menu
from desktop.settings import Settings
from desktop.tasks import TaskManager
from library.article import Article, ArticleId
from tests.helpers import python_output

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def art(n: int, title: str = "") -> Article:
    return Article(id=ArticleId(n), title=title or f"Article {n}", body="text")


def test_settings_round_trip_and_damage(qapp: QApplication, tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.set_int_list("s", [300, 500])
    settings.set_byte_array("g", QByteArray(b"\x01\x02"))
    settings.set_str_list("one", ["only"])
    settings.sync()
    again = Settings(tmp_path)
    assert again.int_list("s") == [300, 500]
    assert again.byte_array("g") == QByteArray(b"\x01\x02")
    assert again.str_list("one") == ["only"]
    assert again.int_list("missing") == [] and again.byte_array("missing") is None
    again.qsettings.setValue("s", "not a number")
    assert again.int_list("s") == []


def test_recent_pairs_newest_first_no_duplicates(qapp: QApplication, tmp_path: Path) -> None:
    recent = RecentComparisons(Settings(tmp_path))
    recent.add(art(1), art(2))
    recent.add(art(3), art(4))
    recent.add(art(2), art(1))  # the same pair, the other way round, moves to the top
    assert [(p.id_a, p.id_b) for p in recent.pairs()] == [(2, 1), (3, 4)]
    for n in range(20):
        recent.add(art(100 + n), art(200 + n))
    assert len(recent.pairs()) == MAX_RECENT
    recent.remove(recent.pairs()[0])
    assert len(recent.pairs()) == MAX_RECENT - 1
    recent.clear()
    assert recent.pairs() == []


def test_recent_menu(qapp: QApplication, tmp_path: Path) -> None:
    recent = RecentComparisons(Settings(tmp_path))
    menu = QMenu()
    opened = []
    fill_recent_menu(menu, recent, opened.append)
    assert not menu.actions()[0].isEnabled()  # "No recent comparisons"
    recent.add(art(1, "A very long title " * 5), art(2, "Short"))
    fill_recent_menu(menu, recent, opened.append)
    first = menu.actions()[0]
    assert first.text().startswith("&1 ") and "…" in first.text() and "↔ Short" in first.text()
    first.trigger()
    assert opened[0].id_a == 1


def test_dark_scheme_palette(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(theme.SCHEME_ENV, "dark")
    assert theme.is_dark()
    dark = theme.dark_palette()
    assert dark.color(QPalette.ColorRole.Window).lightness() < 80
    assert dark.color(QPalette.ColorRole.Text).lightness() > 200
    monkeypatch.setenv(theme.SCHEME_ENV, "light")
    assert not theme.is_dark()


def test_icons_and_style_sheet_exist(qapp: QApplication) -> None:
    for name in (
        "parallax",
        "import",
        "folder",
        "compare",
        "pick",
        "back",
        "notes",
        "add-note",
        "remove",
        "search",
    ):
        assert not theme.icon(name).isNull(), name
    assert "palette(" in theme.STYLE_SHEET.read_text(encoding="utf-8")


def test_the_window_styled_by_its_own_sheet_looks_as_under_the_applications(
    tmp_path: Path,
) -> None:
    # The style sheet is set on the window, before its children are made (an
    # application-wide sheet cost start-up ~8 ms of CPU): every widget must
    # sit where it sat under the application's sheet (the toolbar, made
    # without a parent, was 4 px taller).  In a subprocess: the theme changes
    # the application's style and palette for good.
    from library.collection import Collection

    Collection(tmp_path).close()
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "from desktop import theme\n"
        "from desktop.main_window import MainWindow\n"
        "from desktop.settings import Settings\n"
        "from library.collection import Collection\n"
        "theme.apply_theme(app)\n"
        "collection = Collection(sys.argv[1])\n"
        "def layout():\n"
        "    win = MainWindow(collection, Settings(collection.data_dir))\n"
        "    win.notes_panel  # built now in both: not a slice that may or may not have run\n"
        "    win.resize(1280, 800)\n"
        "    win.show()\n"
        "    for _ in range(20):\n"
        "        app.processEvents()\n"
        "    win.coverage.show_for(None)  # not a ranking that may or may not be in\n"
        "    for _ in range(5):\n"
        "        app.processEvents()\n"
        "    seen = [(type(w).__name__, w.objectName(), w.geometry().getRect())\n"
        "            for w in win.findChildren(QWidget) if w.isVisible()]\n"
        "    styled = (app.styleSheet(), win.styleSheet() == theme.STYLE_SHEET.read_text())\n"
        "    win.close()\n"
        "    return seen, styled\n"
        "own, own_styled = layout()\n"
        "app.setStyleSheet(theme._sheet['text'])  # as before: the application's sheet\n"
        "theme._sheet['text'] = ''\n"
        "apps, apps_styled = layout()\n"
        "print(own_styled[0] == '' and own_styled[1],\n"
        "      apps_styled[0] != '' and not apps_styled[1])\n"
        "print([pair for pair in zip(own, apps) if pair[0] != pair[1]][:3])\n"
        "collection.close()\n"
    )
    styled, differences = python_output(code, str(tmp_path)).strip().splitlines()
    assert styled == "True True"  # the window's own sheet; then the application's
    assert differences == "[]"


def test_about_names_data_dir(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert str(tmp_path) in about_html(tmp_path)
    shown: list[str] = []
    selectable: list[bool] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        flags = box.textInteractionFlags()
        selectable.append(bool(flags & Qt.TextInteractionFlag.TextSelectableByKeyboard))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    show_about(None, tmp_path)
    assert "Parallax" in shown[0]
    assert selectable == [True]  # the data directory can be copied


def test_task_manager_serial_and_on_gui_thread(qtbot: QtBot) -> None:
    tasks = TaskManager()
    main = threading.get_ident()
    order: list[str] = []
    results: list[tuple[int, int]] = []
    tasks.run(lambda: order.append("first"))
    with qtbot.waitSignal(tasks.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        tasks.run(
            lambda: (order.append("second"), threading.get_ident())[1],
            on_done=lambda tid: results.append((tid, threading.get_ident())),
        )
    assert order == ["first", "second"]
    worker, callback = results[0]
    assert worker != main and callback == main
    errors: list[BaseException] = []
    with qtbot.waitSignal(tasks.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
        tasks.run(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)
    tasks.shutdown()
    assert tasks.run(lambda: None) is None


def test_shortcut_list_covers_the_menus(qtbot: QtBot) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from desktop.about import shortcut_rows, show_shortcuts

    win = QMainWindow()
    qtbot.addWidget(win)
    menu = win.menuBar().addMenu("&Compare")
    act = QAction("&Next Divergence", win)
    act.setShortcut("F8")
    menu.addAction(act)
    menu.addAction(QAction("No shortcut", win))
    assert shortcut_rows(win.menuBar()) == [("Compare", "Next Divergence", "F8")]
    dialog = show_shortcuts(win, win.menuBar())
    assert dialog.isVisible()
    dialog.close()


def test_missing_qt_libraries_named_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    from desktop.app import run_app

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("PySide6"):
            raise ImportError("libEGL.so.1: cannot open shared object file: No such file")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(builtins, "__import__", fake_import)
    assert run_app(data_dir=None, files=[]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3" in err


def test_clip_keeps_short_text_and_cuts_long_text() -> None:
    from desktop.text import clip

    assert clip("Short  title\n", 20) == "Short title"
    assert clip("A rather long headline here", 10) == "A rather…"
    assert len(clip("x" * 50, 10)) == 10
