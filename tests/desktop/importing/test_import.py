"""Importing from the window: off the GUI thread, with progress, cancel and a report."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from library.collection import Collection
from library.importer import ImportReport
from tests.helpers import open_window, wait_listed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    collection = Collection(data_dir, seed=False)
    win = open_window(qtbot, collection)
    yield win
    win.close()
    collection.close()


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    good = tmp_path / "good.md"
    good.write_text(
        "---\ntitle: Bridge reopens\noutlet: Metro\n---\nThe bridge reopened.\n", encoding="utf-8"
    )
    other = tmp_path / "other.txt"
    other.write_text("Rain expected\n\nForecasters expect rain all week.\n", encoding="utf-8")
    bad = tmp_path / "picture.txt"  # an image renamed .txt
    bad.write_bytes(PNG_HEADER)
    return [good, other, bad]


def test_import_shows_progress_and_reports_bad_file(
    qtbot: QtBot, window: MainWindow, files: list[Path]
) -> None:
    progress: list[tuple[int, int, str]] = []
    with qtbot.waitSignal(window.import_finished, timeout=10000) as blocker:
        job = window.start_import(files)
        assert job is not None
        job.progress.connect(lambda d, t, n: progress.append((d, t, n)))
        assert window.progress.isVisible()
        assert not window.act_remove.isEnabled()  # one writer at a time
    report: ImportReport = blocker.args[0]

    assert progress and progress[-1][:2] == (3, 3)
    assert {d for d, _t, _n in progress} >= {0, 1, 2, 3}
    assert not window.progress.isVisible()
    assert report.count("added") == 2
    (refused,) = report.failed
    assert refused.path.name == "picture.txt"
    assert refused.reason

    dialog = window.importer.report_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    assert rows[0] == ("Refused", "picture.txt", refused.reason)  # refusals listed first
    assert {r[0] for r in rows} == {"Refused", "Added"}
    assert "1 file was refused" in dialog.summary.text()
    assert "picture.txt" in dialog.as_text()

    wait_listed(qtbot, window.library_view)
    assert window.library_view.model.rowCount() == 2
    assert "2 added" in window.statusBar().currentMessage()


def test_cancel_stops_before_next_file(qtbot: QtBot, window: MainWindow, files: list[Path]) -> None:
    # Hold the single task thread so the import cannot start before we cancel.
    gate = threading.Event()
    window.tasks.run(gate.wait)
    with qtbot.waitSignal(window.import_finished, timeout=10000) as blocker:
        window.start_import(files)
        window.progress.cancel_button.click()
        assert window.progress.label.text() == "Cancelling…"
        gate.set()
    report: ImportReport = blocker.args[0]
    assert report.cancelled
    assert report.results == []
    assert window.library_view.model.rowCount() == 0


def test_second_import_while_running_is_refused(
    qtbot: QtBot, window: MainWindow, files: list[Path]
) -> None:
    gate = threading.Event()
    window.tasks.run(gate.wait)
    with qtbot.waitSignal(window.import_finished, timeout=10000):
        assert window.start_import(files[:1]) is not None
        assert window.start_import(files[1:]) is None
        assert "already running" in window.statusBar().currentMessage()
        gate.set()


def test_dropping_a_folder_imports_it(qtbot: QtBot, window: MainWindow, files: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files[0].parent))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=10000) as blocker:
        window.dropEvent(event)
    report: ImportReport = blocker.args[0]
    # Inside a folder, the image is refused or skipped, never imported.
    assert report.count("added") == 2
    wait_listed(qtbot, window.library_view)
    assert window.library_view.model.rowCount() == 2


def test_escape_cancels_the_running_import(
    qtbot: QtBot, window: MainWindow, files: list[Path]
) -> None:
    action = window.importer.cancel_action
    assert action in window.actions() and action.shortcut() == QKeySequence("Esc")
    assert not action.isEnabled()  # Esc means nothing without an import
    gate = threading.Event()
    window.tasks.run(gate.wait)
    with qtbot.waitSignal(window.import_finished, timeout=10000) as blocker:
        window.start_import(files)
        assert action.isEnabled()
        action.trigger()
        assert window.progress.label.text() == "Cancelling…"
        assert not window.progress.cancel_button.isEnabled()
        gate.set()
    assert blocker.args[0].cancelled
    assert not action.isEnabled()


def test_report_rows_line_up(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.importing.report import ImportReportDialog
    from library.importer import FileResult

    report = ImportReport(
        [
            FileResult(tmp_path / "a.txt", "refused", reason="is empty"),
            FileResult(tmp_path / "b.bin", "skipped", reason="not an article type (.bin)"),
            FileResult(tmp_path / "c.txt", "unchanged", reason="already in the library"),
        ]
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    items = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    # Every row has a sign (a blank one if nothing to say), so the texts line up.
    assert all(item is not None and not item.icon(0).isNull() for item in items)


def test_long_file_names_do_not_widen_the_window(qtbot: QtBot, window: MainWindow) -> None:
    from desktop.importing.progress import LABEL_WIDTH

    before = window.minimumSizeHint().width()
    name = "a-very-long-file-name-" * 20 + ".md"
    window.progress.begin()
    window.progress.update_progress(1, 3, name)
    label = window.progress.label
    assert "…" in label.text() and label.toolTip() == f"Importing {name}"
    assert label.sizeHint().width() <= LABEL_WIDTH + 10
    assert window.minimumSizeHint().width() <= max(before, 900)


@pytest.mark.parametrize("stem", ["a-rather-long-file-name-of-an-article", "x" * 60, "ab" * 40])
def test_an_elided_file_name_keeps_its_last_letters_whole(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch, stem: str
) -> None:
    import desktop.theme as theme

    # The window's own sheet: its status-bar labels are padded.
    monkeypatch.setitem(theme._sheet, "text", theme.STYLE_SHEET.read_text(encoding="utf-8"))
    win = open_window(qtbot, collection)
    win.progress.begin()
    win.progress.update_progress(1, 6, f"{stem}.txt")
    label = win.progress.label
    qtbot.waitUntil(lambda: label.width() == label.sizeHint().width())  # laid out
    assert label.text().endswith(".txt")
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    win.close()


def test_search_boxes_leave_dropped_files_to_the_import(window: MainWindow) -> None:
    # A drop goes to the innermost widget that accepts drops: a search box
    # would type the file's URL in instead of importing it.
    assert window.acceptDrops()
    assert not window.library_view.filter_edit.acceptDrops()
    assert window.notes_panel is not None
    assert not window.notes_panel.search_bar.edit.acceptDrops()


def test_the_search_box_does_not_wait_for_a_running_import(
    qtbot: QtBot, window: MainWindow, files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # An import holds the task manager's db lane for minutes: the table's
    # queries (milliseconds) run in the read lane and must not queue behind it.
    window.collection.import_paths(files)
    view = window.library_view
    view.refresh()
    wait_listed(qtbot, view)
    release = threading.Event()
    window.tasks.run(lambda: release.wait(10), lane="db")  # the "import" holds the db lane
    monkeypatch.setattr(type(window.importer), "running", property(lambda self: True))
    try:
        view.filter_edit.setText("zzzz-no-such-word")
        view.apply_filter()
        wait_listed(qtbot, view, timeout=5000)  # while the db lane is still held
        assert view.model.total == 0 and not release.is_set()
    finally:
        release.set()


def test_the_importer_is_made_on_first_use_the_strip_with_the_window(
    qtbot: QtBot, window: MainWindow, files: list[Path]
) -> None:
    # The controller (file dialogs, Esc to cancel) waits for the first import;
    # the hidden strip does not: Qt sizes the status bar to it, hidden or not,
    # so making it later would change the window's look at the first import.
    from desktop.importing.progress import ImportProgress

    assert window._importer is None and window._vector_warmup is None
    assert not window.import_running
    strips = window.statusBar().findChildren(ImportProgress)
    assert strips == [window.progress] and not window.progress.isVisible()
    height = window.statusBar().sizeHint().height()
    with qtbot.waitSignal(window.import_finished, timeout=10000):
        window.start_import(files[:1])
    assert window.statusBar().findChildren(ImportProgress) == strips
    assert window.statusBar().sizeHint().height() == height
