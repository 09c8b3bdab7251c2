"""PySide's Python types of Qt classes, made on the GUI thread ahead of their use.

PySide makes the Python type of a Qt class (and its enums) lazily, on first
use, and once per process.  Two moments of that cost the window:

- The first Python wrapper of a widget Qt made (not Python: a scroll area's
  viewport) makes the types of ~40 widget classes and their enums (QWizard's,
  QMdiArea's…): 15-20 ms, which fell inside the comparison page's making.
- Making a type is not safe against another thread making the same one.  The
  comparison page's modules, imported on a worker, name `QTextCharFormat` and
  `QTextCursor`, which the GUI thread uses to mark noted passages
  (`desktop.passages.mark_noted`): once seen there, an AttributeError for
  `QTextCharFormat.UnderlineStyle`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea


def make_widget_types(made_by_qt: QAbstractScrollArea) -> None:
    """Make the widget types a first viewport wrapper makes (GUI thread; a turn of its own)."""
    made_by_qt.viewport()


def make_shared_types() -> None:
    """Make the types a worker's imports and the GUI thread share (~5 ms; before the worker)."""
    from PySide6.QtGui import QTextCharFormat, QTextCursor

    _ = QTextCharFormat.UnderlineStyle, QTextCursor.MoveMode
