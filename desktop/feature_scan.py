"""Spare PySide's `__feature__` import hook the reading of modules it need not read.

Importing PySide6 replaces `builtins.__import__`: after every `import`
statement, a module whose name is not yet in PySide's `pyside_feature_dict`
has its whole source read (`inspect.getsource`) to see whether it says
"PySide6" (entered as 0, a module whose Qt calls follow its own
`from __feature__ import ...` selection, none here) or not (-1, "ignore this
module").  Before the window's first paint that is ~100 modules, the standard
library's among them (imported earlier, but met again by later `import`
statements): ~12 ms of CPU, about 4 ms of it ours.

`enter_known_modules` makes those entries before the modules are imported:
-1 for the standard library (`sys.stdlib_module_names`: no such module says
"PySide6"), for loaded modules without source (PySide6's extension modules:
the hook finds nothing to read) and for `library` (which never imports Qt: a
test enforces it), 0 for `desktop`.  The hook then finds the names already in and reads nothing.
The values only steer PySide's per-module feature switching (`snake_case`,
`true_property`), which Parallax never selects: with nothing selected, 0 and
-1 behave alike.  PySide's internals are looked up defensively: without the
dictionary (another PySide, PyPy) this does nothing and the hook reads as
before.
"""

from __future__ import annotations

import os
import sys

#: Our packages and the entry each module gets (0: uses PySide; -1: never does).
OWN_PACKAGES = {"desktop": 0, "library": -1}


def enter_known_modules() -> int:
    """Enter our modules and the standard library's in PySide's feature dictionary.

    Call it once PySide6 is imported (it installs the hook), before importing
    the window.  Returns how many names were entered (0: no dictionary found).
    """
    feature = sys.modules.get("PySide6.support.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return 0
    before = len(known)
    for name in sys.stdlib_module_names:
        known.setdefault(name, -1)
    for name, module in list(sys.modules.items()):
        # Submodules already loaded (`collections.abc`), and modules without
        # source (PySide6.QtCore and the other extension modules: the hook
        # finds nothing to read and enters -1 too).
        source = getattr(module, "__file__", None) or ""
        if name == "__main__":  # left as PySide leaves it
            continue
        if name.partition(".")[0] in sys.stdlib_module_names or not source.endswith(".py"):
            known.setdefault(name, -1)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # desktop's parent
    for package, entry in OWN_PACKAGES.items():
        for name in _module_names(os.path.join(root, package), package):
            known.setdefault(name, entry)
    return len(known) - before


def _module_names(directory: str, prefix: str) -> list[str]:
    """The dotted names of the modules in a package directory, subpackages included
    (none if it cannot be listed: the hook then reads those modules as before)."""
    names: list[str] = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                name = entry.name
                if name.endswith(".py"):
                    names.append(prefix if name == "__init__.py" else f"{prefix}.{name[:-3]}")
                elif "." not in name and name != "__pycache__" and entry.is_dir():
                    names.extend(_module_names(entry.path, f"{prefix}.{name}"))
    except OSError:
        pass
    return names
