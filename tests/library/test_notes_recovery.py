"""Getting notes back: a 0-byte file is damage, a truncated file gives back its intact pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.cli import main
from library.notes import NotesStore


def test_empty_notes_file_is_moved_aside_and_reported(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "notes.db").write_bytes(b"")
    store = NotesStore(data_dir, make_backups=False)
    try:
        assert store.recovered_from is not None
        assert store.recovered_from.name.startswith("notes.db.corrupt-")
        assert store.recovered_from.stat().st_size == 0  # kept as found
        assert (data_dir / "notes.db").stat().st_size > 0  # a real, new store
    finally:
        store.close()
    (data_dir / "notes.db").write_bytes(b"")
    status = main(["notes", "list"])
    err = capsys.readouterr().err
    assert status == 0
    assert "was damaged" in err and "notes.db.corrupt-" in err


def test_a_new_store_is_not_mistaken_for_an_empty_file(data_dir: Path) -> None:
    NotesStore(data_dir, make_backups=False).close()
    again = NotesStore(data_dir, make_backups=False)
    try:
        assert again.recovered_from is None
    finally:
        again.close()
