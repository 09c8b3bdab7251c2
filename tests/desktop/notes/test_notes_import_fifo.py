"""The window's Import Notes… refuses a FIFO instead of freezing on it."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.notes.panel import NotesPanel
from desktop.notes.transfer import NotesTransfer
from library.collection import Collection

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_import_notes_from_a_fifo_is_refused_without_blocking(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = Collection(data_dir, seed=False)
    panel = NotesPanel(collection)
    qtbot.addWidget(panel)
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    finished = threading.Event()

    def feed() -> None:  # so that the test cannot hang without the fix
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and not finished.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
                continue
            os.write(fd, b"[]")
            os.close(fd)
            return

    threading.Thread(target=feed, daemon=True).start()
    monkeypatch.setattr(NotesTransfer, "ask_path", classmethod(lambda cls, *a, **k: fifo))
    assert panel.transfer.import_file() is False
    finished.set()
    assert "not a regular file" in panel.status.text()
    collection.close()
