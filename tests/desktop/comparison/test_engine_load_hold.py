"""A pair opening while the engine loads holds the loading at its next import.

The idle warm-up loads the engine (~0.65 s of CPU, mostly imports) on a
worker; a pair opened meanwhile made its page and painted it sharing the GIL
with it.  `hold_engine_load` makes the loading thread sleep before its next
module until the pair is shown (`release_engine_load`), or until the hold
ends by itself.  Each test puts a fresh hold in place: none outlives it.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import library.compare
from desktop.comparison import worker
from library.collection import Collection
from tests.helpers import open_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Two small modules nobody imported yet; forgotten after the test."""
    names = [f"held_import_{n}_{abs(hash(tmp_path)) % 10**8}" for n in ("a", "b")]
    for name in names:
        (tmp_path / f"{name}.py").write_text("LOADED = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(worker, "_hold", worker._Hold())
    yield names
    for name in names:
        sys.modules.pop(name, None)


def _loading(module: str) -> tuple[threading.Thread, threading.Event, threading.Event]:
    """`load_engine` in a thread, its sample comparison importing `module` once let go."""
    started, go = threading.Event(), threading.Event()

    def sample(_a: str, _b: str) -> None:
        started.set()
        go.wait(10)
        importlib.import_module(module)

    library_compare_texts = library.compare.compare_texts
    library.compare.compare_texts = sample  # type: ignore[assignment]
    thread = threading.Thread(target=worker.load_engine)
    thread.start()
    assert started.wait(10)
    library.compare.compare_texts = library_compare_texts
    return thread, started, go


def test_a_held_load_waits_before_its_next_import_and_others_import_meanwhile(
    modules: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, other = modules
    monkeypatch.setattr(worker, "_engine_loaded", False)
    thread, _started, go = _loading(loaded)
    worker.hold_engine_load(30)
    go.set()
    thread.join(0.2)  # time enough to import it, were it not held
    assert thread.is_alive() and loaded not in sys.modules
    # The GUI thread importing a module meanwhile is not held up with it: the
    # waiting loader let the global import lock go.
    importer = threading.Thread(target=importlib.import_module, args=(other,))
    importer.start()
    importer.join(10)
    assert not importer.is_alive() and other in sys.modules
    assert thread.is_alive() and loaded not in sys.modules  # still held
    worker.release_engine_load()
    thread.join(10)
    assert not thread.is_alive() and loaded in sys.modules
    assert all(not isinstance(f, worker._YieldingImports) for f in sys.meta_path)


def test_a_hold_nobody_releases_ends_by_itself(
    modules: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, _other = modules
    monkeypatch.setattr(worker, "_engine_loaded", False)
    thread, _started, go = _loading(loaded)
    worker.hold_engine_load(0.05)
    go.set()
    thread.join(10)
    assert not thread.is_alive() and loaded in sys.modules


def test_opening_a_pair_holds_the_engine_load_until_the_pair_is_shown(
    qtbot: QtBot, collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[str, bool]] = []
    win = open_window(qtbot, collection)

    class Recording(worker._Hold):
        def hold(self, seconds: float) -> None:
            events.append(("hold", win.comparison_shown()))
            super().hold(seconds)

        def release(self) -> None:
            events.append(("release", win.comparison_shown()))
            super().release()

    monkeypatch.setattr(worker, "_hold", Recording())
    a, b = collection.library.articles()[:2]
    with qtbot.waitSignal(win.comparison_settled, timeout=30000):
        win.open_comparison(a, b)
    assert events == [("hold", False), ("release", True)]
    assert not worker._hold.held
    win.close()
