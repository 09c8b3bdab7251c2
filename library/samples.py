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
    # One write transaction from the check to the mark: a second process
    # opening a fresh data dir at the same moment waits, then finds the
    # library seeded (it counted one sample of two and skipped the seeding).
    with write_transaction(store.db):
        if store.get_meta(_SEEDED_KEY) is not None:
            return None
        report = None
        folder = samples_dir()
        if store.count() == 0 and folder.is_dir():
            # Only here: a seeded library opens without loading the importer.
            from library.importer import import_paths

            report = import_paths(store, [folder])
        store.set_meta(_SEEDED_KEY, "1")
    return report
