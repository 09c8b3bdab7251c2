"""Private notes: attached to articles, passages and comparisons; searchable; never lost.

Qt-free.  `NotesStore` owns `notes.db` in the data dir; `anchoring` re-places
passage notes when an article changes; `export` writes Markdown/JSON and reads
JSON back; `cli` adds the `parallax notes …` subcommands.
"""

from __future__ import annotations

from library.notes.model import Anchor, ArticleRef, Claim, InvalidNote, Note, NoteKind
from library.notes.search import NoteHit
from library.notes.store import NotesStore, ReanchorReport

__all__ = [
    "Anchor",
    "ArticleRef",
    "Claim",
    "InvalidNote",
    "Note",
    "NoteHit",
    "NoteKind",
    "NotesStore",
    "ReanchorReport",
]
