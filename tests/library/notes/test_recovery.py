"""Getting notes back: a 0-byte file is damage, a truncated file gives back its intact pages."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from library.cli import main
from library.notes import Note, NotesStore
from library.notes.recovery import read_notes, salvage


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


# -- page-by-page salvage ----------------------------------------------------------


def _fill(data_dir: Path, count: int = 300) -> dict[str, Note]:
    """`count` notes, many long enough to spill onto overflow pages; the WAL checkpointed."""
    rng = random.Random(8)
    words = ["budget", "council", "Zürich", "déjà", "风险", "flood", "river", "claim"]
    store = NotesStore(data_dir, make_backups=False)
    made = {}
    with store.batch():
        for i in range(count):
            size = rng.choice([20, 200, 900])  # ~150 B, ~1.5 KB, ~7 KB (overflow)
            text = f"note {i}: " + " ".join(rng.choice(words) for _ in range(size))
            note = store.add_article_note(1 + i % 9, text, [f"t{i % 4}"])
            made[note.uid] = note
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return made


def _truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def test_truncated_file_gives_back_every_note_on_intact_pages(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _fill(data_dir)
    _truncate_half(data_dir / "notes.db")
    notes, unreadable = read_notes(data_dir / "notes.db")
    assert len(notes) >= 0.4 * len(made)  # SQLite alone read 0 of them
    assert all(made[n.uid] == n for n in notes)  # whole notes, never garbled
    assert len({n.uid for n in notes}) == len(notes)
    # Through the store, as the window's banner and `notes recover` do it.
    store = NotesStore(data_dir, make_backups=False)
    try:
        assert store.recovered_from is not None
        report = salvage(store, store.recovered_from)
        assert len(report.added) == len(notes) and report.unreadable == unreadable
        assert {n.uid for n in store.all_notes()} == {n.uid for n in notes}
    finally:
        store.close()
    status = main(["notes", "recover", str(store.recovered_from)])
    out = capsys.readouterr().out
    assert status == 0 and f"0 note(s) recovered, {len(notes)} already present" in out


def test_recover_without_a_file_reads_the_damaged_file_set_aside(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The warning says "parallax notes recover FILE"; a user who types only
    # "parallax notes recover" (no backup made yet) must still get them back.
    made = _fill(data_dir)
    _truncate_half(data_dir / "notes.db")
    status = main(["notes", "recover"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "Recovered from" in captured.out and "notes.db.corrupt-" in captured.out
    store = NotesStore(data_dir, make_backups=False)
    try:
        back = {n.uid for n in store.all_notes()}
    finally:
        store.close()
    assert back and back <= set(made)


def test_recover_without_a_file_still_reads_the_backup_when_the_damaged_file_is_unreadable(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The damaged file set aside is read first; when nothing in it can be read,
    # the latest backup (all `recover` read before the damaged file was added)
    # must still give the notes back rather than end in an error.
    made = _fill(data_dir, count=5)
    assert main(["notes", "backup"]) == 0
    (data_dir / "notes.db").write_bytes(random.Random(3).randbytes(64 * 1024))
    assert main(["notes", "list"]) == 0  # moves the damaged file aside
    capsys.readouterr()
    status = main(["notes", "recover"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "notes.db.corrupt-" in captured.err and "not a readable notes file" in captured.err
    assert "Recovered from" in captured.out and "backups" in captured.out
    store = NotesStore(data_dir, make_backups=False)
    try:
        assert {n.uid for n in store.all_notes()} == set(made)
    finally:
        store.close()


def test_lost_schema_page_and_scribbled_pages(data_dir: Path) -> None:
    made = _fill(data_dir)
    path = data_dir / "notes.db"
    data = bytearray(path.read_bytes())
    page = 4096
    data[:page] = bytes(page)  # header and sqlite_master gone
    data[page * 40 : page * 60] = b"\xff" * (page * 20)  # and a run of pages scribbled
    path.write_bytes(bytes(data))
    notes, _ = read_notes(path)
    assert len(notes) >= 0.5 * len(made)
    assert all(made[n.uid] == n for n in notes)


def test_pages_still_in_the_wal_are_read(data_dir: Path, tmp_path: Path) -> None:
    made = _fill(data_dir, count=40)
    store = NotesStore(data_dir, make_backups=False)
    try:
        for i in range(20):  # committed to the WAL only: no checkpoint yet
            note = store.add_article_note(3, f"late note {i} " + "word " * 300)
            made[note.uid] = note
        damaged = tmp_path / "copy.db"
        damaged.write_bytes((data_dir / "notes.db").read_bytes()[: 4096 * 2])
        Path(f"{damaged}-wal").write_bytes(Path(f"{data_dir / 'notes.db'}-wal").read_bytes())
    finally:
        store.close()
    # The page reader as recovery uses it (SQLite would read this copy through
    # its WAL too).  Only two pages are kept, so `sqlite_master` may be cut
    # short (it outgrows page 1 as migrations add tables): the current schema
    # stands in for it, as it does in `parallax notes recover`.
    notes, _ = read_notes(damaged)
    late = {n.uid for n in notes if n.text.startswith("late note")}
    assert len(late) == 20 and all(made[n.uid] == n for n in notes)


def test_purged_notes_on_free_pages_stay_purged(data_dir: Path) -> None:
    made = _fill(data_dir, count=120)
    store = NotesStore(data_dir, make_backups=False)
    # Freed pages keep their old rows unless SQLite was built to zero them.
    store.db.execute("PRAGMA secure_delete = 0")
    gone = [n for n in store.all_notes() if n.id <= 60]
    for note in gone:
        store.delete(note.id)
        store.purge(note.id)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = data_dir / "notes.db"
    data = bytearray(path.read_bytes())
    data[16:18] = b"\xff\xff"  # unreadable to SQLite, header page size lost
    path.write_bytes(bytes(data))
    notes, _ = read_notes(path)
    assert {n.uid for n in notes} == set(made) - {n.uid for n in gone}
