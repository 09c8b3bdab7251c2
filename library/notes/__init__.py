"""Private notes: attached to articles, passages and comparisons; searchable; never lost.

Qt-free.  `NotesStore` owns `notes.db` in the data dir; `anchoring` re-places
passage notes when an article changes; `export` writes Markdown/JSON and reads
JSON back; `cli` adds the `parallax notes …` subcommands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    # The store pulls in sqlite-utils (and numpy): `parallax --help` imports
    # `library.notes.cli`, hence this package, and must not pay for them.
    if name in ("Anchor", "ArticleRef", "Claim", "InvalidNote", "Note", "NoteKind"):
        from library.notes import model

        return getattr(model, name)
    if name == "NoteHit":
        from library.notes.search import NoteHit

        return NoteHit
    if name in ("NotesStore", "ReanchorReport"):
        from library.notes import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
