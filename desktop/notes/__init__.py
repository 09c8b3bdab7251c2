"""The notes panel and its parts (Qt); the store and all logic are in `library.notes`.

`NotesPanel` is loaded on first use: the window builds its panel after the
first paint (`desktop.notes.dock`), and importing any part of this package
must not load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.notes.panel import NotesPanel

__all__ = ["NotesPanel"]


def __getattr__(name: str) -> Any:
    if name == "NotesPanel":
        from desktop.notes.panel import NotesPanel

        return NotesPanel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
