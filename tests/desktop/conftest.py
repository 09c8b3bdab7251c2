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
