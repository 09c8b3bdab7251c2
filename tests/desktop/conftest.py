"""Fixtures the window's tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from library.collection import Collection
from tests.helpers import open_window


@pytest.fixture
def window(qtbot: QtBot, collection: Collection) -> Iterator[MainWindow]:
    """The main window on the test's collection, shown; closed after the test."""
    win = open_window(qtbot, collection)
    yield win
    win.close()


@pytest.fixture
def no_page_made_at_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window makes its comparison page only on first use, not a second after start-up."""
    monkeypatch.setattr(MainWindow, "prepare_after_ms", None)
