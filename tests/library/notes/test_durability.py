"""Never lost: kill -9 mid-write, two writers at once, corrupt files, rolling backups."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from library.errors import DatabaseCorrupt, DatabaseTooNew
from library.notes import NotesStore
from library.notes import backup as backup_mod

REPO = Path(__file__).resolve().parents[3]

# Writes notes as fast as it can; prints each id only after the store returned
# (i.e. after the app would have told the user "saved").
WRITER = """
import sys
from pathlib import Path
from library.notes import NotesStore
store = NotesStore(Path(sys.argv[1]), make_backups=False)
tag, count = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
for i in range(count):
    note = store.add_article_note(1, f"{tag} note {i} " + "lorem ipsum " * 20, [tag])
    print(note.id, flush=True)
"""


def _spawn(data_dir: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), tag, str(count)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 37, 150])
def test_kill_9_during_burst_loses_no_reported_note(data_dir: Path, kill_after: int) -> None:
    NotesStore(data_dir, make_backups=False).close()  # schema made before the burst
    proc = _spawn(data_dir, "burst", 100_000)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    reported: list[int] = []
    while len(reported) < kill_after:
        line = proc.stdout.readline()
        assert line, "writer died early"
        reported.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)  # mid-burst: it is writing the next notes
    # Whatever it printed before dying was also reported as saved.
    with proc.stdout:
        rest = proc.stdout.read()
    reported += [int(x) for x in rest.split() if x.isdigit()]
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    store = NotesStore(data_dir, make_backups=False)
    try:
        assert store.integrity_check() == "ok"
        present = {n.id for n in store.notes()}
        assert set(reported) <= present
        assert store.search("burst")  # the FTS index survived with the rows
    finally:
        store.close()


@pytest.mark.slow
def test_two_writers_at_once_lose_nothing(data_dir: Path) -> None:
    NotesStore(data_dir, make_backups=False).close()
    procs = [_spawn(data_dir, tag, 150) for tag in ("left", "right")]
    outputs = [p.communicate(timeout=60)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    ids = [int(x) for out in outputs for x in out.split() if x.isdigit()]
    assert len(ids) == len(set(ids)) == 300
    store = NotesStore(data_dir, make_backups=False)
    try:
        assert store.count() == 300
        assert len(store.notes(tag="left")) == len(store.notes(tag="right")) == 150
        assert store.integrity_check() == "ok"
    finally:
        store.close()


def test_garbage_file_is_moved_aside_never_overwritten(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    garbage = b"this is not a database, but it may be all the user has " * 100
    (data_dir / "notes.db").write_bytes(garbage)
    store = NotesStore(data_dir)
    try:
        assert store.recovered_from is not None
        assert store.recovered_from.name.startswith("notes.db.corrupt-")
        assert store.recovered_from.read_bytes() == garbage  # untouched, kept for recovery
        assert store.count() == 0
        note = store.add_article_note(1, "fresh start")
        assert store.get(note.id).text == "fresh start"
    finally:
        store.close()


def test_damaged_pages_are_found_on_use_and_set_aside_on_next_open(data_dir: Path) -> None:
    store = NotesStore(data_dir, make_backups=False)
    for i in range(300):
        store.add_article_note(1, f"note {i} " + "x" * 300)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = data_dir / "notes.db"
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 6] = b"\xff" * (page * 3)  # scribble over b-tree pages
    path.write_bytes(bytes(data))
    # Opening is cheap (no page check); SQLite reports the damage on use...
    reopened = NotesStore(data_dir, make_backups=False)
    try:
        assert reopened.recovered_from is None
        with pytest.raises(DatabaseCorrupt, match="parallax check"):
            reopened.notes()
    finally:
        reopened.close()
    # ...and the next open checks the file and sets it aside, untouched.
    again = NotesStore(data_dir, make_backups=False)
    try:
        assert again.recovered_from is not None
        assert again.recovered_from.read_bytes() == bytes(data)
        assert again.count() == 0
    finally:
        again.close()
    assert not list(data_dir.glob("*.needs-check"))


def test_newer_schema_is_refused_not_moved(data_dir: Path) -> None:
    NotesStore(data_dir, make_backups=False).close()
    conn = sqlite3.connect(data_dir / "notes.db")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        NotesStore(data_dir)
    assert (data_dir / "notes.db").exists()
    assert not list(data_dir.glob("notes.db.corrupt-*"))


def test_rolling_backups(data_dir: Path) -> None:
    store = NotesStore(data_dir)
    try:
        assert backup_mod.list_backups(data_dir) == []  # nothing worth backing up yet
        store.add_article_note(1, "precious")
        paths = [store.backup() for _ in range(7)]
        kept = backup_mod.list_backups(data_dir)
        assert kept == paths[-5:]
        assert stat.S_IMODE(kept[-1].stat().st_mode) == 0o600
        copy = sqlite3.connect(kept[-1])
        assert copy.execute("SELECT text FROM notes").fetchall() == [("precious",)]
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        copy.close()
    finally:
        store.close()


def test_backup_made_once_a_day_on_open(data_dir: Path) -> None:
    store = NotesStore(data_dir)
    store.add_article_note(1, "x")
    store.close()
    NotesStore(data_dir).close()
    assert len(backup_mod.list_backups(data_dir)) == 1
    time.sleep(0.01)
    NotesStore(data_dir).close()
    assert len(backup_mod.list_backups(data_dir)) == 1


def test_salvage_from_backup_and_damaged_file(data_dir: Path, tmp_path: Path) -> None:
    from library.errors import DatabaseError
    from library.notes.recovery import latest_backup, salvage

    store = NotesStore(data_dir, make_backups=False)
    try:
        kept = [store.add_article_note(1, f"note {i} " + "y" * 200) for i in range(200)]
        store.backup()
        lost = kept[5]
        store.delete(lost.id)
        store.purge(lost.id)
        source = latest_backup(data_dir)
        assert source is not None
        report = salvage(store, source)
        assert len(report.added) == 1 and report.present == 199
        assert store.find_uid(lost.uid) is not None
        assert salvage(store, source).added == []  # repeatable

        damaged = tmp_path / "damaged.db"
        data = bytearray(source.read_bytes())
        data[4096 * 4 : 4096 * 5] = b"\x00\xff" * 2048
        damaged.write_bytes(bytes(data))
        try:
            partial = salvage(store, damaged)
            assert partial.added == []  # every readable note is already present
        except DatabaseError:
            pass  # too damaged to read at all: reported, not a traceback
        garbage = tmp_path / "garbage.db"
        garbage.write_bytes(b"nothing here" * 100)
        with pytest.raises(DatabaseError):
            salvage(store, garbage)
    finally:
        store.close()


IMPORTER = """
import sys
from pathlib import Path
from library.notes import NotesStore
from library.notes.export import import_json
store = NotesStore(Path(sys.argv[1]), make_backups=False)
text = Path(sys.argv[2]).read_text()
print("importing", flush=True)
import_json(store, text)
print("done", flush=True)
"""


@pytest.mark.slow
def test_kill_9_during_an_import_keeps_whole_batches(data_dir: Path, tmp_path: Path) -> None:
    from library.notes.export import IMPORT_BATCH, select_notes, to_json

    source = NotesStore(tmp_path / "source", make_backups=False)
    with source.batch():
        for i in range(3000):
            source.add_article_note(1, f"imported {i} " + "z" * 100)
    export = tmp_path / "all.json"
    export.write_text(to_json(select_notes(source)))
    source.close()
    NotesStore(data_dir, make_backups=False).close()

    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(data_dir), str(export)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    with proc.stdout:
        assert proc.stdout.readline().strip() == "importing"
        time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        finished = "done" in proc.stdout.read()
    proc.wait(timeout=10)
    store = NotesStore(data_dir, make_backups=False)
    try:
        assert store.integrity_check() == "ok"
        # Batches commit one by one (the write lock is never held for long):
        # a kill keeps whole batches, never part of one.
        assert store.count() == 3000 if finished else store.count() % IMPORT_BATCH == 0
    finally:
        store.close()


def test_a_backups_folder_that_cannot_be_made_does_not_stop_the_store(data_dir: Path) -> None:
    store = NotesStore(data_dir)
    store.add_article_note(1, "x")
    store.close()
    backup_mod.backups_dir(data_dir).write_text("a file where the folder should be")
    store = NotesStore(data_dir)
    try:
        assert store.backup_error is not None
        assert store.count() == 1
    finally:
        store.close()
