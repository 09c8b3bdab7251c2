"""Only a damaged file is ever set aside, however many processes found it.

Four `notes add` on the same damaged notes.db each moved "the damaged file"
aside; the later ones moved the new file another had just started, and
notes already acknowledged vanished from the store (2 of 4 lost).
"""

from __future__ import annotations

from pathlib import Path

from library.notes import NotesStore
from library.set_aside import quarantine


def _damage(path: Path) -> None:
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    with path.open("r+b") as handle:
        handle.write(b"\0" * 16)


def test_a_late_second_opener_does_not_set_aside_the_new_file(data_dir: Path) -> None:
    store = NotesStore(data_dir, make_backups=False)
    store.add_article_note(1, "before the damage")
    store.close()
    _damage(data_dir / "notes.db")

    first = NotesStore(data_dir, make_backups=False)  # sets the damaged file aside
    assert first.recovered_from is not None
    first.add_article_note(1, "acknowledged")
    first.close()
    # Another command saw the damaged file a moment before `first` moved it,
    # and only now gets to set it aside.
    assert quarantine(data_dir / "notes.db") == first.recovered_from

    again = NotesStore(data_dir, make_backups=False)
    assert [n.text for n in again.notes()] == ["acknowledged"]
    assert again.recovered_from is None
    again.close()
    moved = [p for p in data_dir.glob("notes.db.corrupt-*") if not p.name.endswith(("wal", "shm"))]
    assert len(moved) == 1


def test_a_damaged_file_is_still_set_aside(data_dir: Path) -> None:
    store = NotesStore(data_dir, make_backups=False)
    store.close()
    _damage(data_dir / "notes.db")
    moved = quarantine(data_dir / "notes.db")
    assert moved.exists() and not (data_dir / "notes.db").exists()
