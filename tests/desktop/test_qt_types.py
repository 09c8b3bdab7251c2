"""PySide's types made on the GUI thread ahead of use (`desktop.qt_types`), seen in a fresh process.

Once made, a type stays for the process: only a new interpreter shows when
it was made (the test process made them all long ago).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import enum, json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
import PySide6.QtGui as gui
from PySide6.QtWidgets import QApplication
app = QApplication([])
import desktop.window_comparing as wc
from desktop.main_window import MainWindow
from desktop.settings import Settings
from library.collection import Collection

MainWindow.prepare_after_ms = None  # the page made when the pair opens
seen = {"made before the import job": None, "enum types made with the page": 0}
real_import = wc._import_comparison_modules

def importing():
    seen["made before the import job"] = "QTextCharFormat" in gui.__dict__
    real_import()

wc._import_comparison_modules = importing
making = [False]
real_new = enum.EnumType.__new__

def counting(mcls, *args, **kwargs):
    if making[0]:
        seen["enum types made with the page"] += 1
    return real_new(mcls, *args, **kwargs)

enum.EnumType.__new__ = counting
real_prepare = MainWindow.prepare_comparison

def preparing(self):
    making[0] = self._comparison_view is None
    try:
        return real_prepare(self)
    finally:
        making[0] = False

MainWindow.prepare_comparison = preparing
home = Path(sys.argv[1])
collection = Collection(home)
win = MainWindow(collection, Settings(home))
a, b = collection.library.articles()[:2]
loop = QEventLoop()
win.comparison_settled.connect(loop.quit)
QTimer.singleShot(60000, loop.quit)
# Asked for before the window is shown: the import job starts at once, before
# the GUI thread has marked any noted passage (which makes the type too).
win.open_comparison(a, b)
win.show()
loop.exec()
seen["shown"] = win.comparison_shown()
win.close()
collection.close()
print("SEEN" + json.dumps(seen))
"""


def test_the_types_are_made_on_the_gui_thread_before_a_worker_or_the_page(
    data_dir: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
    )
    assert "SEEN" in result.stdout, result.stderr[-2000:]
    seen = json.loads(result.stdout.rsplit("SEEN", 1)[1])
    assert seen["shown"]
    # Named by the page's modules on a worker: made by the GUI thread first.
    assert seen["made before the import job"] is True
    # The ~40 widget types (and their enums) were made a turn before the page.
    assert seen["enum types made with the page"] == 0
