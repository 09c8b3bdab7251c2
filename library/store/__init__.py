"""The article library: a rebuildable SQLite index of imported articles."""

from library.store.library_store import ImportOutcome, LibraryStore, SearchHit
from library.store.listing import ArticleSummary

__all__ = ["ArticleSummary", "ImportOutcome", "LibraryStore", "SearchHit"]
