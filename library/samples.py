"""The sample library: two articles shipped in `resources/articles`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from library.database import write_transaction
from library.store import LibraryStore

if TYPE_CHECKING:
    from library.importer import ImportReport

_SEEDED_KEY = "samples_seeded"


def samples_dir() -> Path:
    """Where the sample articles live: beside the packages in a checkout or install."""
    here = Path(__file__).resolve().parent.parent / "resources" / "articles"
    if here.is_dir():
        return here
    return Path(sys.prefix) / "share" / "parallax" / "articles"


def seed_if_new(store: LibraryStore) -> ImportReport | None:
    """Import the samples into a library that has never been seeded.

    Seeding happens once: a user who removes the samples does not get them back.
    """
    if store.get_meta(_SEEDED_KEY) is not None:
        return None
    folder = samples_dir()
    if folder.is_dir():
        # Loaded before the lock, not under it: on a busy machine the importer's
        # modules take seconds to load, and other processes opening the same
        # fresh data dir wait on the lock no longer than the busy timeout.
        from library.importer import import_paths
    # One write transaction from the check to the mark: a second process
    # opening a fresh data dir at the same moment waits, then finds the
    # library seeded (it counted one sample of two and skipped the seeding).
    with write_transaction(store.db):
        if store.get_meta(_SEEDED_KEY) is not None:
            return None
        report = None
        if store.count() == 0 and folder.is_dir():
            report = import_paths(store, [folder])
        store.set_meta(_SEEDED_KEY, "1")
    return report
