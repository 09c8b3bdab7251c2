"""Opening the databases: concurrent writers wait, reads never write, permissions are respected.

Tests run as root, which ignores permission bits, so a read-only folder is
simulated two ways: by mode bits (which Parallax honours itself) and, where
the system allows unprivileged mount namespaces, by a real read-only or full
tmpfs mounted in a child process (`unshare`).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from library.article import ArticleId
from library.cli import main
from library.collection import Collection
from library.database import open_database
from library.errors import DatabaseError
from library.notes.schema import migrations as notes_migrations
from library.search_index import register as register_index_function
from library.store import LibraryStore
from library.store.schema import migrations as library_migrations

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}

# Waits for the go file so that all processes start their work together.
AT_GO = """
import sys, time
from pathlib import Path
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.001)
"""
IMPORTER = AT_GO + "from library.cli import main\nsys.exit(main(sys.argv[2:]))\n"
OPENER = AT_GO + (
    "from library.collection import Collection\n"
    "c = Collection(Path(sys.argv[2]))\n"
    "print(c.library.count(), c.notes.count())\n"
    "c.close()\n"
)


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _together(go: Path, *commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", *cmd],
            cwd=REPO,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for cmd in commands
    ]
    time.sleep(0.5)  # let every interpreter start and reach the wait loop
    go.touch()
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def _articles(folder: Path, tag: str, count: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        body = f"{tag} article {i}. " + " ".join(f"{tag}{i}word{j}" for j in range(200))
        (folder / f"{tag}-{i:03}.txt").write_text(f"{tag} title {i}\n\n{body}\n")
    return folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A data dir with the samples and one note."""
    home = tmp_path / "home"
    assert run(capsys, home, "notes", "add", "--article", "1", "--text", "rescue me")[0] == 0
    return home


# -- concurrent writers --------------------------------------------------------


@pytest.mark.slow
def test_two_importers_at_once_both_succeed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Collection(home).close()
    left = _articles(tmp_path / "left", "left", 40)
    right = _articles(tmp_path / "right", "right", 40)
    go = tmp_path / "go"
    results = _together(
        go,
        [IMPORTER, str(go), "--data-dir", str(home), "import", str(left)],
        [IMPORTER, str(go), "--data-dir", str(home), "import", str(right)],
    )
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    store = LibraryStore(home)
    try:
        assert store.count() == 2 + 80
    finally:
        store.close()


@pytest.mark.slow
def test_four_processes_opening_a_fresh_data_dir_all_succeed(tmp_path: Path) -> None:
    home = tmp_path / "fresh"
    go = tmp_path / "go"
    results = _together(go, *([OPENER, str(go), str(home)] for _ in range(4)))
    assert [r.returncode for r in results] == [0] * 4, [r.stderr for r in results]
    assert [r.stdout.split() for r in results] == [["2", "0"]] * 4  # samples seeded once
    for name, steps in (("library.db", library_migrations), ("notes.db", notes_migrations)):
        conn = sqlite3.connect(home / name)
        applied = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        conn.close()
        assert applied == len(steps._migrations), name  # each step applied once


def test_a_write_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    # The race two importers hit, made deterministic: another process commits
    # between our transaction's first read and its first write.  A plain BEGIN
    # then fails at once ("locked"); BEGIN IMMEDIATE makes the other one wait.
    from library.article import Article

    store = LibraryStore(tmp_path / "home")
    others: list[threading.Thread] = []
    committed = threading.Event()

    def other_writer() -> None:
        conn = sqlite3.connect(store.path, timeout=5, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta VALUES ('other', 'written')")
        conn.execute("COMMIT")
        conn.close()
        committed.set()

    real_next_id = store._next_id

    def next_id_while_another_writes() -> ArticleId:
        others.append(threading.Thread(target=other_writer))
        others[0].start()
        committed.wait(timeout=0.5)  # the old code: it commits under our snapshot
        return real_next_id()

    store._next_id = next_id_while_another_writes  # type: ignore[method-assign]
    try:
        assert store.add(Article(title="mine", body="my text", source_path="/m")).status == "added"
        others[0].join(timeout=10)
        assert committed.is_set()
        assert store.get_meta("other") == "written"
    finally:
        store.close()


def test_a_migration_runs_once_while_another_opener_waits(tmp_path: Path) -> None:
    # Two processes open a fresh file: the second must wait for the first's
    # schema step, then find nothing left to do (not apply it again, not fail).
    path = tmp_path / "fresh.db"
    steps = Migrations("test")
    calls: list[str] = []
    second: list[BaseException | None] = []

    def open_second() -> None:
        try:
            open_database(path, steps).close()
            second.append(None)
        except BaseException as exc:
            second.append(exc)

    @steps()
    def m001_table(db: sqlite_utils.Database) -> None:
        calls.append(threading.current_thread().name)
        db.execute("CREATE TABLE t (x)")
        if len(calls) == 1:
            thread = threading.Thread(target=open_second, name="second")
            thread.start()
            thread.join(timeout=0.5)  # the old code: it races us now
            threads.append(thread)

    threads: list[threading.Thread] = []
    open_database(path, steps).close()
    threads[0].join(timeout=10)
    assert second == [None]
    assert len(calls) == 1


def test_connections_never_open_implicit_transactions(tmp_path: Path) -> None:
    # Python's default would BEGIN (deferred) before a write, which fails
    # instead of waiting when another process holds the write lock.
    collection = Collection(tmp_path / "home", seed=False)
    try:
        assert collection.library.db.conn.isolation_level is None
        assert collection.notes.db.conn.isolation_level is None
    finally:
        collection.close()


# -- read-only data ---------------------------------------------------------------


def test_reading_commands_work_in_a_read_only_folder_and_writes_say_why(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    before = {name: (home / name).read_bytes() for name in ("library.db", "notes.db")}
    home.chmod(0o500)
    try:
        code, out, err = run(capsys, home, "list", "--json")
        assert code == 0, err
        assert len(json.loads(out)) == 2
        assert run(capsys, home, "search", "Zhaozong")[0] == 0
        assert run(capsys, home, "show", "1")[0] == 0
        code, out, _ = run(capsys, home, "notes", "list")
        assert code == 0 and "rescue me" in out
        assert run(capsys, home, "notes", "search", "rescue")[0] == 0
        code, _, err = run(capsys, home, "notes", "export", "-o", str(tmp_path / "out.md"))
        assert code == 0, err
        assert "rescue me" in (tmp_path / "out.md").read_text()
        assert run(capsys, home, "check")[0] == 0
        assert run(capsys, home, "compare", "1", "2", "--json")[0] == 0
        code, _, err = run(capsys, home, "notes", "add", "--article", "1", "--text", "x")
        assert code == 1
        assert err.strip().splitlines() == [
            f"parallax: {home} is read-only (mode 0500): Parallax will not change "
            "permissions you set; make it writable to add or change notes."
        ]
        assert _mode(home) == 0o500  # not chmodded back
    finally:
        home.chmod(0o700)
    assert {name: (home / name).read_bytes() for name in before} == before


def test_no_backup_is_written_into_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    assert run(capsys, home, "notes", "add", "--article", "1", "--text", "x")[0] == 0
    assert not (home / "backups").exists()  # the store was empty when it opened
    home.chmod(0o500)
    try:
        code, _, err = run(capsys, home, "notes", "backup")
        assert code == 1 and "read-only (mode 0500)" in err
        assert not (home / "backups").exists()
    finally:
        home.chmod(0o700)


def test_a_read_only_notes_file_is_not_chmodded_and_writes_are_refused(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    notes = home / "notes.db"
    notes.chmod(0o400)
    code, _, err = run(capsys, home, "notes", "add", "--article", "1", "--text", "more")
    assert code == 1
    assert err.strip() == (
        f"parallax: {notes} is read-only (mode 0400): Parallax will not change "
        "permissions you set; make it writable to add or change notes."
    )
    assert _mode(notes) == 0o400
    code, out, _ = run(capsys, home, "notes", "list")
    assert code == 0 and "rescue me" in out and "more" not in out
    # Importing articles still works: only the notes are read-only.
    (home.parent / "new.txt").write_text("New title\n\nA new article body.\n")
    assert run(capsys, home, "import", str(home.parent / "new.txt"))[0] == 0
    assert _mode(notes) == 0o400


def test_reading_an_absent_library_in_a_read_only_folder_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "empty"
    home.mkdir(mode=0o500)
    home.chmod(0o500)
    try:
        code, out, err = run(capsys, home, "list")
        assert code == 0, err
        assert "The library is empty" in out
        assert run(capsys, home, "notes", "list")[0] == 0
        assert list(home.iterdir()) == []
        assert _mode(home) == 0o500
    finally:
        home.chmod(0o700)


def test_an_out_of_date_read_only_file_is_reported_not_migrated(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    conn = sqlite3.connect(home / "notes.db")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_meta'")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    (home / "notes.db").chmod(0o400)
    code, _, err = run(capsys, home, "notes", "list")
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "made by an older Parallax and needs an upgrade" in err and "mode 0400" in err
    assert _mode(home / "notes.db") == 0o400


def test_a_damaged_library_in_a_read_only_folder_is_reported_not_moved(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "library.db").write_bytes(b"garbage" * 500)
    home.chmod(0o500)
    try:
        code, _, err = run(capsys, home, "list")
        assert code == 1
        assert "damaged and cannot be moved aside" in err and "mode 0500" in err
        assert sorted(p.name for p in home.iterdir()) == ["library.db"]
    finally:
        home.chmod(0o700)


# -- disk full ------------------------------------------------------------------


def test_a_full_disk_is_said_plainly_and_changes_nothing(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "home")
    try:
        from library.article import Article

        store.add(Article(title="kept", body="kept text", source_path="/kept"))
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow
        big = Article(title="big", body="word " * 50_000, source_path="/big")
        with pytest.raises(DatabaseError, match=r"disk full while writing .*nothing was changed"):
            store.add(big)
        assert [a.title for a in store.articles()] == ["kept"]
    finally:
        store.close()


# -- parallax check -------------------------------------------------------------


def test_check_reports_ok_then_damage_and_the_next_open_sets_it_aside(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, _ = run(capsys, home, "check")
    assert code == 0
    assert out.splitlines() == ["library.db: ok", "notes.db: ok"]
    library = home / "library.db"
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(library.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)
    library.write_bytes(bytes(data))
    code, out, _ = run(capsys, home, "check", "--json")
    assert code == 1
    report = {Path(r["path"]).name: r for r in json.loads(out)}
    assert not report["library.db"]["ok"] and report["library.db"]["problems"]
    assert report["notes.db"]["ok"]
    assert library.read_bytes() == bytes(data)  # checking changes nothing
    code, _, err = run(capsys, home, "list")
    assert code == 0 and "library database was damaged; it was moved to" in err
    assert (home / "library.db").exists() and list(home.glob("library.db.corrupt-*"))


def test_check_of_a_data_dir_not_made_yet_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, tmp_path / "none", "check")
    assert code == 0 and "not created yet" in out
    assert not (tmp_path / "none").exists()


# -- a real read-only mount and a real full disk (mount namespace) -----------------


def _can_mount() -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True
    )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="no mount namespaces here")

# Runs `parallax` commands on a copy of a data dir on a tmpfs made read-only
# (MODE=ro) or full (MODE=full); prints each command's status and output.
IN_MOUNT = r"""
set -u
mount -t tmpfs -o size=512k tmpfs "$MNT"
cp -a "$SRC/." "$MNT/"
if [ "$MODE" = ro ]; then mount -o remount,ro "$MNT"; fi
if [ "$MODE" = full ]; then dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null; fi
shift 0
while IFS= read -r cmd; do
  echo "== $cmd"
  eval "$PY -c 'import sys; from library.cli import main; sys.exit(main(sys.argv[1:]))' \
       --data-dir \"\$MNT\" $cmd" 2>&1
  echo "rc=$?"
done <<EOF
$COMMANDS
EOF
"""


def _in_mount(home: Path, tmp_path: Path, mode: str, commands: list[str]) -> dict[str, str]:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    env = {**ENV, "MNT": str(mnt), "SRC": str(home), "MODE": mode, "PY": sys.executable,
           "COMMANDS": "\n".join(commands)}  # fmt: skip
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", IN_MOUNT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    results = {}
    for block in done.stdout.split("== ")[1:]:
        command, _, output = block.partition("\n")
        results[command] = output
    return results


@needs_mount
@pytest.mark.slow
def test_a_read_only_mount_can_be_read_and_notes_rescued(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "rescued.md"
    results = _in_mount(
        home,
        tmp_path,
        "ro",
        ["list", "search Zhaozong", "notes list", f"notes export -o {out}", "check",
         "notes add --article 1 --text x"],
    )  # fmt: skip
    for command in ("list", "search Zhaozong", "notes list", f"notes export -o {out}", "check"):
        assert results[command].endswith("rc=0\n"), (command, results[command])
    assert "rescue me" in out.read_text()
    refused = results["notes add --article 1 --text x"]
    assert "read-only file system" in refused and refused.endswith("rc=1\n")


@needs_mount
@pytest.mark.slow
def test_a_full_disk_can_be_read_and_writes_say_disk_full(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "rescued.md"
    new = tmp_path / "new.txt"
    new.write_text("New\n\nA new article.\n")
    results = _in_mount(
        home, tmp_path, "full", ["list", "notes list", f"notes export -o {out}", f"import {new}"]
    )
    for command in ("list", "notes list", f"notes export -o {out}"):
        assert results[command].endswith("rc=0\n"), (command, results[command])
    assert "rescue me" in out.read_text()
    refused = results[f"import {new}"]
    assert "disk full while writing" in refused and "nothing was changed" in refused


@needs_mount
@pytest.mark.slow
def test_unsaved_log_on_a_read_only_mount_is_read_without_it_and_said(
    home: Path, tmp_path: Path
) -> None:
    # A copy taken while Parallax was running: notes.db-wal holds a change
    # that no writable -shm file can be made for on a read-only disk.
    copy = tmp_path / "copy"
    copy.mkdir()
    conn = sqlite3.connect(home / "notes.db", isolation_level=None)
    register_index_function(sqlite_utils.Database(conn))  # notes_fts's triggers call it
    try:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE notes SET text = 'edited' WHERE id = 1")
        for name in ("library.db", "notes.db", "notes.db-wal"):
            shutil.copy2(home / name, copy / name)
    finally:
        conn.close()
    assert (copy / "notes.db-wal").stat().st_size > 0
    results = _in_mount(copy, tmp_path, "ro", ["notes list"])
    assert results["notes list"].endswith("rc=0\n")
    assert "rescue me" in results["notes list"]  # as last checkpointed
    assert "latest changes may be missing" in results["notes list"]


def test_only_real_damage_is_called_damage(tmp_path: Path) -> None:
    # "string or blob too big" is a limit, not a damaged file: no check mark,
    # no "damaged" message that would make the next open set the file aside.
    from library.database import translate_errors

    path = tmp_path / "library.db"
    conn = sqlite3.connect(":memory:")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 10)
    with pytest.raises(sqlite3.DataError), translate_errors(path):
        conn.execute("SELECT ?", ["x" * 100])
    assert not list(tmp_path.iterdir())
