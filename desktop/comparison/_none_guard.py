"""Work around a None reference-count leak in PySide6 6.12 on CPython 3.11.

On CPython 3.11, PySide6-Essentials 6.12.0 returns `None` from void C++ methods
(`QPainter.drawRect`, `QWidget.update`, `QScrollBar.setValue`, ...) without
taking a reference, so every such call drops `None`'s reference count by one.
The comparison view paints hundreds of bands and marks per scroll step; within
a minute of scrolling the count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc".  CPython 3.12 made `None` immortal (PEP 683)
and is not affected.

`protect_none()` does what 3.12 does: it gives `None` so large a reference count
that it can never reach zero.  It only touches CPython < 3.12, is idempotent,
and is harmless if PySide is later fixed.
"""

from __future__ import annotations

import ctypes
import sys

# Far beyond anything a process can drop, far below Py_ssize_t overflow.
_FLOOR = 1 << 40


def protect_none() -> bool:
    """Make `None`'s reference count unreachable on CPython < 3.12; True if bumped."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field
    if refcnt.value >= _FLOOR:
        return False
    refcnt.value += _FLOOR
    return True
