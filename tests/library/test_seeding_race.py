"""Two processes opening a fresh data dir at once: the second waits for the samples."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from library import importer, samples
from library.store import LibraryStore


def test_a_second_opener_never_sees_half_the_samples(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    LibraryStore(data_dir).close()  # the schema exists; no sample yet
    halfway, go_on = threading.Event(), threading.Event()
    real = importer.import_paths  # `seed_if_new` loads the importer when it seeds

    def one_file_then_pause(store: LibraryStore, paths: Iterable[Path], **kw: Any) -> Any:
        files = sorted(p for folder in paths for p in folder.glob("*.md"))
        report = real(store, files[:1], **kw)
        if threading.current_thread().name == "first":
            halfway.set()  # one sample stored; the other not yet
            go_on.wait(10)
        real(store, files[1:], **kw)
        return report

    seen: list[int] = []

    def open_and_seed() -> None:
        # Each "process" has its own connection, opened in its own thread.
        store = LibraryStore(data_dir)
        try:
            samples.seed_if_new(store)
            seen.append(store.count())  # what `Collection(...)` would list at once
        finally:
            store.close()

    monkeypatch.setattr(importer, "import_paths", one_file_then_pause)
    first = threading.Thread(target=open_and_seed, name="first")
    first.start()
    assert halfway.wait(10)
    second = threading.Thread(target=open_and_seed, name="second")
    second.start()
    second.join(0.3)  # the second opener waits for the first one's seeding...
    go_on.set()
    first.join(10)
    second.join(10)
    assert seen == [2, 2]  # ...and then finds both samples, never one


def test_seeding_a_fresh_data_dir_stores_both_samples(data_dir: Path) -> None:
    # Seeding is one write transaction around an import that checkpoints the
    # WAL at its end: SQLite refuses a checkpoint inside a transaction
    # ("database table is locked"), so the import must leave it to the commit.
    store = LibraryStore(data_dir)
    try:
        samples.seed_if_new(store)
        assert store.count() == 2
    finally:
        store.close()
