"""The notes panel and its parts (Qt); the store and all logic are in `library.notes`."""

from __future__ import annotations

from desktop.notes.panel import NotesPanel

__all__ = ["NotesPanel"]
