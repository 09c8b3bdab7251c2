"""Helpers shared by the tests (fixtures are in conftest.py, which uses some of these).

One place for what many test files need, as qutebrowser's `tests/helpers`:
opening the main window and waiting for its library table, whose rows are
listed off the GUI thread.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from desktop.library.view import LibraryView
    from desktop.main_window import MainWindow
    from library.collection import Collection
    from library.store import LibraryStore


def wait_listed(qtbot: QtBot, view: LibraryView, timeout: int = 10000) -> None:
    """Wait until the library table's rows are in (queries run on the task thread)."""
    qtbot.waitUntil(lambda: not view.model.loading, timeout=timeout)


def open_window(qtbot: QtBot, collection: Collection, *, show: bool = True) -> MainWindow:
    """A main window on `collection`, registered with qtbot, its library listed."""
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    win = MainWindow(collection, Settings(collection.data_dir))
    qtbot.addWidget(win)
    if show:
        win.show()
    wait_listed(qtbot, win.library_view)
    return win


def modules_loaded_by_cli(*argv: str) -> set[str]:
    """The modules a fresh `parallax ARGV` process has imported when it ends.

    Start-up tests assert what a command does NOT load; only a new
    interpreter shows that (the test process has loaded everything).
    """
    code = (
        "import sys\n"
        "from library.cli import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('LOADED:' + ','.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return set(result.stderr.rsplit("LOADED:", 1)[1].strip().split(","))


def python_output(code: str, *args: str, **env: str) -> str:
    """What a fresh `python -c CODE ARGS` prints, offscreen (plus `env`); it must succeed.

    Start-up and theme tests need a new interpreter: the test process has
    loaded every module and set the application's style for good.
    """
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )
    return result.stdout


def load_benchmark(name: str) -> ModuleType:
    """The script `benchmarks/<name>.py` loaded as a module (the benchmarks are no package).

    Tests of the judged sets and the fitting scripts call their functions
    directly; a fresh module each call, never entered in `sys.modules`.
    """
    script = Path(__file__).resolve().parents[1] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_with_ctrl_c(
    folder: Path,
    stage: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`parallax import FOLDER` with Ctrl-C pressed as `importer.<stage>` ends its first file.

    The import must stop after that one file: exit status 130, the file
    reported added, and one last line saying it was interrupted.
    """
    import library.importer as importer
    from library.cli import main

    assert main(["list"]) == 0  # the samples are imported before the patch
    real = getattr(importer, stage)

    def then_ctrl_c(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)  # as if pressed while this file was stored
        return result

    monkeypatch.setattr(importer, stage, then_ctrl_c)
    capsys.readouterr()
    assert main(["import", str(folder)]) == 130
    out, err = capsys.readouterr()
    assert "1 added" in out
    assert err.strip().splitlines()[-1].startswith("parallax: interrupted")


def frequencies_from_scratch(store: LibraryStore) -> tuple[dict[str, int], int]:
    """Each term's document frequency over the current articles' paragraphs, and their count.

    What the stored word frequencies must equal, however they were kept up to date.
    """
    from collections import Counter

    from library.article import split_paragraphs
    from library.compare.units import terms

    counts: Counter[str] = Counter()
    n = 0
    for article in store.articles():
        for paragraph in split_paragraphs(article.body):
            counts.update(set(terms(paragraph)))
            n += 1
    return dict(counts), n


def record_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[Any]:
    """Wrap `owner.name` so each call's first argument is recorded, then passed on.

    For tests that a piece of work is done once (a text folded, parsed or read once):
    the returned list fills as the wrapped function is called.
    """
    original = getattr(owner, name)
    calls: list[Any] = []

    def recorded(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return calls
