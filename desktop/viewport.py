"""`viewport_of`: a scroll area's viewport, without PySide's costly first type lookup.

The first time `QAbstractScrollArea.viewport()` hands a `QWidget*` to Python,
PySide looks up its most derived class by initialising every QtWidgets class
(≈ 20 ms and ~70 Python enums, measured in `benchmarks/RESULTS-scale.md`):
before the window's first paint that was one tenth of its start-up.  Asking
for the child by class and name gives the same widget without that lookup.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

#: The object name Qt gives every scroll area's viewport.
VIEWPORT_NAME = "qt_scrollarea_viewport"


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """`area.viewport()`, found as its child named `VIEWPORT_NAME` when it is one."""
    found = area.findChild(QWidget, VIEWPORT_NAME)
    return found if found is not None and found.parent() is area else area.viewport()
