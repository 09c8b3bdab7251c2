"""PySide's `__feature__` import hook reads no source of ours or the standard library's."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import python_output

CODE = """
import inspect, sys
import PySide6.QtCore, PySide6.QtWidgets  # as run_app does before entering
feature = sys.modules["PySide6.support.feature"]
read = []
getsource = inspect.getsource
def spy(module):  # the hook reads a module's source through inspect.getsource
    read.append(getattr(module, "__name__", "?"))
    return getsource(module)
inspect.getsource = spy
from desktop.feature_scan import enter_known_modules
if sys.argv[1] == "enter":
    assert enter_known_modules() > 200
read.clear()  # (importing feature_scan itself was read)
import json, dataclasses, desktop.main_window, library.collection
ours = [n for n in read if n.split(".")[0] in ("desktop", "library")]
stdlib = [n for n in read if n in sys.stdlib_module_names]
qt = [n for n in read if n.startswith("PySide6.Qt")]  # extension modules: no source
print(len(ours), len(stdlib), len(qt))
known = feature.pyside_feature_dict
inspect.getsource = getsource
# The entries are the hook's own verdict, but for our modules not naming PySide6 (0).
differ = [n for n, m in list(sys.modules.items())
          if n.split(".")[0] in ("desktop", "library") and n in known
          and known[n] != (0 if feature._mod_uses_pyside(m) else -1)
          and not (n.startswith("desktop") and known[n] == 0)]
print(differ)
# A module selecting a feature still gets it; ours still call Qt by its own names.
sys.path.insert(0, sys.argv[2])
import featured
from PySide6.QtWidgets import QApplication, QScrollArea
app = QApplication([])
name = featured.name()
from desktop.viewport import viewport_of
print(name, viewport_of(QScrollArea()) is not None)
"""

FEATURED = """
from PySide6.QtCore import QObject
from __feature__ import snake_case
def name():
    o = QObject()
    o.set_object_name("snake")
    return o.object_name()
"""


def _run(how: str, tmp_path: Path) -> list[str]:
    (tmp_path / "featured.py").write_text(FEATURED)
    return python_output(CODE, how, str(tmp_path)).splitlines()


def test_the_hook_reads_none_of_ours_once_they_are_entered(tmp_path: Path) -> None:
    # Before: ~100 sources read (~12 ms of CPU before the first paint).
    counts, differ, featured = _run("enter", tmp_path)
    assert counts == "0 0 0"
    assert differ == "[]"
    assert featured == "snake True"


def test_without_the_entries_the_hook_reads_them(tmp_path: Path) -> None:
    # The spy sees what it should: the hook's reading, when nothing is entered.
    counts, _, featured = _run("plain", tmp_path)
    ours, stdlib, qt = map(int, counts.split())
    assert ours > 20 and stdlib > 5 and qt > 0
    assert featured == "snake True"
