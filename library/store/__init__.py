"""The article library: a rebuildable SQLite index of imported articles."""

from library.store.library_store import ImportOutcome, LibraryStore, SearchHit

__all__ = ["ImportOutcome", "LibraryStore", "SearchHit"]
